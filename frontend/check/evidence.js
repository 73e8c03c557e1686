// The evidence of an answer on the map, each layer with a legend entry and a toggle: the deciding feature, the
// §5.1.2 business-park edge band, the nearest facilities and the walking and cycling isochrones. Cleared when a new
// check is asked (the state's check number changes), drawn when its result arrives; a fetch for an older check is
// dropped. The legends cite the paragraphs the profile gives its rules (GET /api/v1/policy), not fixed ones.
import ol from '../common/ol.js';
import { getJson, errorText } from '../common/api.js';
import { readFeatures, fromLonLat, toLonLat } from '../common/map.js';
import { get, setState, subscribe } from './state.js';
import { ui, t, fmt } from './texts.js';
import { map, backgroundLayers, rdMap, olCode, sitePointOnMap } from './map.js';
import { nearestFacilities, minutesText } from './result.js';
import { drawEnvironmentalZones, clearEnvironmentalZones } from './environment.js';
import { currentPolicy } from '../common/policy.js';

const $ = id => document.getElementById(id);

const style = (stroke, fill, width, dash) => new ol.style.Style({
  stroke: new ol.style.Stroke({ color: stroke, width: width || 2, lineDash: dash }),
  fill: fill ? new ol.style.Fill({ color: fill }) : undefined
});
const COLOURS = {
  walking: ['#1b7d2c', 'rgba(27,125,44,0.10)'], cycling: ['#0069b4', 'rgba(0,105,180,0.07)'],
  bandInside: ['#6a3d9a', 'rgba(106,61,154,0.30)'], bandOutside: ['#6a3d9a', 'rgba(106,61,154,0.12)'],
  deciding: ['#c00000', 'rgba(200,0,0,0.08)'], facility: '#b35900'
};
function vectorLayer(name, styleFn, z, declutter) {
  return new ol.layer.Vector({ source: new ol.source.Vector(), style: styleFn, zIndex: z, declutter: !!declutter,
    properties: { evidence: name } });
}
export const facilityLabel = f => f.name + ': ' + minutesText(f);
export const layers = {
  cycling: vectorLayer('cycling', style(COLOURS.cycling[0], COLOURS.cycling[1], 2, [10, 6]), 10),
  walking: vectorLayer('walking', style(COLOURS.walking[0], COLOURS.walking[1], 2), 11),
  band: vectorLayer('band', f => f.get('band') === 'inside'
    ? style(COLOURS.bandInside[0], COLOURS.bandInside[1], 1)
    : style(COLOURS.bandOutside[0], COLOURS.bandOutside[1], 1, [4, 4]), 12),
  deciding: vectorLayer('deciding', style(COLOURS.deciding[0], COLOURS.deciding[1], 3, [8, 4]), 13),
  facilities: vectorLayer('facilities', f => f.getGeometry().getType() === 'LineString'
    ? style(COLOURS.facility, null, 1.5, [2, 4])
    : new ol.style.Style({
      image: new ol.style.RegularShape({ points: 4, radius: 8, angle: Math.PI / 4,
        fill: new ol.style.Fill({ color: COLOURS.facility }), stroke: new ol.style.Stroke({ color: '#fff', width: 2 }) }),
      text: new ol.style.Text({ text: f.get('facility') ? facilityLabel(f.get('facility')) : '', offsetY: -18, font: 'bold 12px system-ui, sans-serif',
        fill: new ol.style.Fill({ color: '#1a1a1a' }), stroke: new ol.style.Stroke({ color: '#fff', width: 4 }) })
    }), 14, true) // labels that would overlap are left out; the panel lists every facility
};
const EVIDENCE = ['deciding', 'band', 'facilities', 'walking', 'cycling'];
const NO_LEGEND = { deciding: null, band: null, facilities: null, walking: null, cycling: null };

export function startEvidence() {
  Object.values(layers).forEach(l => map.addLayer(l));
  subscribe(['check', 'result'], (s, changed) => {
    if (changed.includes('check')) clearEvidence();
    if (changed.includes('result') && s.result) drawEvidence(s.result, s.check);
  });
  // not on 'hidden': a toggle redrawn under the visitor's hand would lose the keyboard focus
  subscribe(['legend', 'reachNote', 'rules', 'lang'], renderLegend);
  subscribe(['hidden'], s => EVIDENCE.forEach(name => layers[name].setVisible(!s.hidden.includes(name))));
  subscribe(['lang'], () => layers.facilities.changed()); // the markers' labels
  // the paragraphs of the profile's rules, for the legends (a policy that cites "art. 12" reads "art. 12" here)
  // and the inputs its location rules require (erf.js shows those)
  // (the page's one GET /api/v1/policy, shared with the header that names the policy)
  currentPolicy().then(p => setState({ rules: (p && p.rules) || {}, inputs: (p && p.inputs) || [] })).catch(() => {});
}

/** The legend text of one evidence layer: a function of the language, so a switch relabels without fetching again. */
function legendFor(name, text) {
  setState({ legend: { ...get().legend, [name]: text } });
}

function clearEvidence() {
  EVIDENCE.forEach(name => layers[name].getSource().clear());
  clearEnvironmentalZones();
  setState({ legend: NO_LEGEND, reachNote: null });
}

function drawEvidence(r, mine) {
  const current = () => get().check === mine;
  const location = r.criteria.find(c => c.id === 'location_class');
  r.criteria.map(c => c.evidence && c.evidence.feature).filter(Boolean).forEach(ev => highlightEvidence(ev, current));

  // the §5.1.2 band when the class involves a business park (inside it or in the near band outside)
  const park = location && location.evidence && location.evidence.feature;
  if (park && park.role === 'business_park') {
    // on an RD New map in RD New straight from the server (RDNAPTRANS), else CRS84 for OpenLayers to project
    const crs = rdMap() ? 'EPSG:28992' : 'CRS84';
    getJson('/api/v1/layers/business_park/' + encodeURIComponent(park.featureId) + '/edge-band'
      + (crs === 'CRS84' ? '' : '?crs=' + crs))
      .then(fc => {
        if (!current()) return;
        layers.band.getSource().addFeatures(readFeatures(fc, map.getView().getProjection(), olCode(crs)));
        const w = side => fc.features.find(f => f.properties.band === side).properties.widthM;
        legendFor('band', () => fmt('bandLegend', { inside: w('inside'), outside: w('outside'), paragraph: get().rules.locations }));
      })
      .catch(err => { if (current()) setState({ reachNote: () => errorText(ui, 'bandFailed', err) }); });
  }

  const zonesCrs = rdMap() ? 'EPSG:28992' : 'CRS84';
  drawEnvironmentalZones(map, r, zonesCrs, olCode(zonesCrs), current)
    .catch(err => { if (current()) setState({ reachNote: () => errorText(ui, 'bandFailed', err) }); });

  const reach = r.criteria.find(c => c.id === 'facility_reach');
  if (reach && reach.evidence) {
    const site = reachOrigin(r);
    const siteOnMap = sitePointOnMap();
    const facilities = nearestFacilities(reach.evidence);
    for (const f of facilities) {
      const at = fromLonLat([f.lon, f.lat], map);
      layers.facilities.getSource().addFeature(new ol.Feature({ geometry: new ol.geom.Point(at), facility: f }));
      if (siteOnMap) layers.facilities.getSource().addFeature(new ol.Feature({ geometry: new ol.geom.LineString([siteOnMap, at]) }));
    }
    if (facilities.length) legendFor('facilities', () => t('layers').facilities);
    // the cut-offs are the profile's, as the evidence states them; the paragraph the profile gives its location
    // requirements (Bijlage 1 in Hardenberg's)
    const cutoffs = { walking: ['foot', reach.evidence.walkingMinutes], cycling: ['bike', reach.evidence.cyclingMinutes] };
    if (site && reach.evidence.walkingMinutes) {
      for (const [name, [mode, minutes]] of Object.entries(cutoffs)) {
        if (!minutes) continue;
        getJson('/api/v1/reach?mode=' + mode + '&minutes=' + minutes + '&lon=' + site[0].toFixed(7) + '&lat=' + site[1].toFixed(7))
          .then(fc => {
            if (!current()) return;
            layers[name].getSource().addFeatures(readFeatures(fc, map.getView().getProjection()));
            legendFor(name, () => fmt(name + 'Legend', { minutes, paragraph: get().rules.location_requirements }));
          })
          .catch(err => { if (current()) setState({ reachNote: () => errorText(ui, 'reachFailed', err) }); });
      }
    }
  }
}

/**
 * Where the isochrones start, in lon/lat: a point site as the answer gives it (the server's exact CRS84, also for a
 * site sent in RD New), a polygon from its interior point.
 */
function reachOrigin(r) {
  if (r.site && r.site.type === 'Point') return r.site.coordinates;
  const c = sitePointOnMap();
  return c ? toLonLat(c, map) : null;
}

// The evidence names the deciding feature by role and id; draw it from the background layer that holds it, once
// that layer has loaded the area (a check can answer before the background has).
function highlightEvidence(ev, current) {
  if (!ev || ev.featureId === undefined) return;
  const layer = backgroundLayers.find(l => l.get('role') === ev.role);
  if (!layer) return;
  const tryDraw = attempts => {
    if (!current()) return;
    const f = layer.getSource().getFeatureById(ev.featureId);
    if (f) {
      layers.deciding.getSource().addFeature(new ol.Feature({ geometry: f.getGeometry().clone() }));
      legendFor('deciding', () => t('layers').deciding);
    } else if (attempts > 0) {
      layer.getSource().once('featuresloadend', () => tryDraw(attempts - 1));
    }
  };
  tryDraw(5);
}

function renderLegend(s) {
  const ul = $('legend-items');
  ul.innerHTML = '';
  let any = false;
  for (const name of EVIDENCE) {
    if (!s.legend[name]) continue;
    any = true;
    const li = document.createElement('li');
    li.dataset.layer = name;
    const label = document.createElement('label');
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.id = 'toggle-' + name;
    box.checked = !s.hidden.includes(name);
    box.addEventListener('change', () => {
      const others = get().hidden.filter(n => n !== name);
      setState({ hidden: box.checked ? others : [...others, name] });
    });
    const swatch = document.createElement('span');
    swatch.className = 'swatch swatch-' + name;
    swatch.setAttribute('aria-hidden', 'true');
    label.append(box, swatch, ' ' + s.legend[name]());
    li.appendChild(label);
    ul.appendChild(li);
  }
  $('reach-note').hidden = !s.reachNote;
  $('reach-note').textContent = s.reachNote ? s.reachNote() : '';
  $('legend').hidden = !any && !s.reachNote;
}
