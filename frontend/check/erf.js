// The employer's erf and whether the business employs labour migrants itself: the inputs of a profile whose location
// rules require them (Noordoostpolder: small locations only on the employer's own erf, only when it employs labour
// migrants itself). Shown only when GET /api/v1/policy lists them in inputs. The erf is picked on the map (the `erf`
// layer's polygon under the click, else the `agricultural_plot` polygon, read through GET /api/v1/layers/{role}), or
// drawn, and kept in the state in CRS84 (assess.js sends it in the site's CRS, link.js writes it into the link).
import ol from '../common/ol.js';
import { getJson, errorText } from '../common/api.js';
import { get, setState, subscribe } from './state.js';
import { ui, t } from './texts.js';
import { map, olCode } from './map.js';

const $ = id => document.getElementById(id);
const ERF_COLOUR = '#b35900';
// the layers an erf is picked from, in order: the BGT's erven, else the agricultural plots (farmyards, bouwvlakken)
const ERF_ROLES = ['erf', 'agricultural_plot'];

const erfLayer = new ol.layer.Vector({
  source: new ol.source.Vector(), zIndex: 19, properties: { evidence: 'employer-erf' },
  style: new ol.style.Style({ stroke: new ol.style.Stroke({ color: ERF_COLOUR, width: 3, lineDash: [8, 6] }),
    fill: new ol.style.Fill({ color: 'rgba(179,89,0,0.12)' }) })
});

// the Draw interaction while the erf is drawn (an OpenLayers object; the state says only erfMode = 'draw')
let draw = null;
// the message under the buttons when a pick found nothing or failed, as a function of the language (null: none)
let note = null;

export function startErf() {
  map.addLayer(erfLayer);
  $('employs-migrants').addEventListener('change', () => setState({ employsMigrants: $('employs-migrants').checked }));
  $('pick-erf').addEventListener('click', () => setMode(get().erfMode === 'pick' ? null : 'pick'));
  $('draw-erf').addEventListener('click', () => setMode(get().erfMode === 'draw' ? null : 'draw'));
  // keyboard: the erf under the crosshair (the map's centre), as "use the map centre" does for the site
  $('erf-at-centre').addEventListener('click', () => pickErfAt(map.getView().getCenter()));
  $('clear-erf').addEventListener('click', () => { note = null; setState({ employerErf: null }); });
  document.addEventListener('keydown', e => { if (e.key === 'Escape' && get().erfMode) setMode(null); });
  // site.js ignores clicks while erfMode is set; this listener runs after it and ends the mode after the event
  map.on('singleclick', e => {
    if (get().erfMode !== 'pick') return;
    pickErfAt(e.coordinate);
    setTimeout(() => setState({ erfMode: null }), 0);
  });
  subscribe(['drawing'], s => { if (s.drawing && get().erfMode) setMode(null); }); // the site's drawing wins
  subscribe(['inputs'], renderFields);
  subscribe(['employsMigrants'], s => { $('employs-migrants').checked = s.employsMigrants; });
  subscribe(['employerErf'], drawErf);
  subscribe(['employerErf', 'erfMode', 'lang'], renderInfo);
  renderFields(get());
  renderInfo(get());
}

/** Shows the inputs the profile's rules require, and only those. */
function renderFields(s) {
  const migrants = s.inputs.includes('employsMigrants'), erf = s.inputs.includes('employerErf');
  $('employer-fields').hidden = !migrants && !erf;
  $('employs-migrants-row').hidden = !migrants;
  $('erf-row').hidden = !erf;
}

function setMode(mode) {
  if (draw) {
    const d = draw;
    draw = null;
    setTimeout(() => map.removeInteraction(d), 0); // after the event the interaction is still handling
  }
  note = null;
  if (mode === 'draw') {
    draw = new ol.interaction.Draw({ type: 'Polygon' });
    draw.on('drawend', e => {
      const ring = e.feature.getGeometry().getCoordinates()[0].map(lonLat);
      setState({ employerErf: { type: 'Polygon', coordinates: [ring] } });
      // the click that closed the polygon must not also pick the site (singleclick comes 250 ms later)
      const d = draw;
      draw = null;
      setTimeout(() => map.removeInteraction(d), 0);
      setTimeout(() => { if (get().erfMode === 'draw' && !draw) setState({ erfMode: null }); }, 600);
    });
    map.addInteraction(draw);
  }
  setState({ erfMode: mode });
}

/** A map coordinate in CRS84, to 7 decimals (about a centimetre). */
function lonLat(c) {
  return ol.proj.transform(c, map.getView().getProjection(), 'EPSG:4326').map(v => +v.toFixed(7));
}

/** The polygon of the first erf layer that has one under the map coordinate c. */
async function pickErfAt(c) {
  const p = lonLat(c), d = 0.000001;
  const bbox = [p[0] - d, p[1] - d, p[0] + d, p[1] + d].join(',');
  note = () => t('erfSearching');
  renderInfo(get());
  try {
    for (const role of ERF_ROLES) {
      const page = await getJson('/api/v1/layers/' + role + '?limit=20&bbox=' + bbox);
      const polygon = polygonAt(page.features || [], p);
      if (polygon) {
        note = null;
        setState({ employerErf: polygon });
        renderInfo(get());
        return;
      }
    }
    note = () => t('erfNoneHere');
  } catch (err) {
    note = () => errorText(ui, 'requestFailed', err);
  }
  renderInfo(get());
}

/** The (part of a) polygon feature that contains p, as a GeoJSON Polygon; null when none does. */
function polygonAt(features, p) {
  for (const f of features) {
    const g = f.geometry;
    if (!g) continue;
    const parts = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
    for (const rings of parts) {
      if (new ol.geom.Polygon(rings).intersectsCoordinate(p)) {
        return { type: 'Polygon', coordinates: rings.map(r => r.map(x => [+x[0].toFixed(7), +x[1].toFixed(7)])) };
      }
    }
  }
  return null;
}

function drawErf(s) {
  const source = erfLayer.getSource();
  source.clear();
  if (!s.employerErf) return;
  const proj = map.getView().getProjection();
  source.addFeature(new ol.Feature({ geometry: new ol.geom.Polygon(
    s.employerErf.coordinates.map(r => r.map(c => ol.proj.transform(c, olCode('CRS84'), proj)))) }));
}

function renderInfo(s) {
  $('pick-erf').setAttribute('aria-pressed', String(s.erfMode === 'pick'));
  $('draw-erf').setAttribute('aria-pressed', String(s.erfMode === 'draw'));
  $('clear-erf').disabled = !s.employerErf;
  let text = s.employerErf ? t('erfChosen') : t('erfNone');
  if (s.erfMode === 'pick') text = t('erfPickHint');
  else if (s.erfMode === 'draw') text = t('drawing');
  if (note) text = note();
  $('erf-info').textContent = text;
  $('erf-info').dataset.erf = s.employerErf ? 'chosen' : 'none';
}
