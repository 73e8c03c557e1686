// The layer list (a checkbox, a colour swatch and the feature count per layer of GET /api/v1/layers) and "what lies
// here": a click, or Enter on the focused map for its centre, lists each feature at the place with its layer,
// distance and provenance (GET /api/v1/features).
import ol from '../common/ol.js';
import { getJson, noteDataset, errorText } from '../common/api.js';
import { readFeatures, toLonLat, scaleText, OVERVIEW_SCALE } from '../common/map.js';
import { get, setState, subscribe } from './state.js';
import { ui, t, roleName } from './texts.js';
import { map, dataLayers, selectionSource, layerOf, SPECS, NOISE_BANDS, LEGENDS, projection, crsParam, dataCode } from './map.js';

const $ = id => document.getElementById(id);

export function startLayers() {
  // while the ETFAL panel picks a site or an employer, a click is for it (etfal.js), not for "what lies here"
  map.on('singleclick', e => { if (!get().etfalPick) askHere(e.coordinate); });
  $('map').addEventListener('keydown', e => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      askHere(map.getView().getCenter());
    }
  });
  subscribe(['layers', 'lang'], renderLayers);
  subscribe(['here', 'lang'], renderHere);
}

function renderLayers(s) {
  const list = $('layers');
  list.innerHTML = '';
  if (!s.layers) return;
  for (const l of s.layers.layers) {
    const layer = layerOf(l.role);
    const spec = SPECS[l.role] || {};
    const li = document.createElement('li');
    li.dataset.role = l.role;
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.id = 'layer-' + l.role;
    box.checked = !layer || layer.getVisible();
    box.disabled = !layer;
    box.addEventListener('change', () => { if (layer) layer.setVisible(box.checked); });
    const label = document.createElement('label');
    label.htmlFor = box.id;
    const swatch = document.createElement('span');
    swatch.className = 'swatch' + (spec.radius ? ' dot' : spec.casing ? ' line' : '');
    swatch.style.background = spec.radius ? spec.fill : spec.casing ? spec.stroke : spec.fill;
    swatch.style.borderColor = spec.casing || spec.stroke || '#333';
    label.append(swatch, document.createTextNode(' ' + roleName(l.role) + ' '));
    if (spec.bands) label.append(noiseLegend());
    if (spec.classes) label.append(classLegend(spec.classes));
    const count = document.createElement('span');
    count.className = 'count';
    // a threshold below the overview scale is worth saying: "visible from 1:10,000" (true in both projections)
    const denominator = layer && layer.get('maxScaleDenominator');
    count.textContent = '(' + l.count + ' ' + t('features') + (denominator && denominator < OVERVIEW_SCALE
      ? '; ' + t('visibleFrom') + ' ' + scaleText(denominator, ui.lang) : '') + ')';
    label.appendChild(count);
    li.append(box, label);
    list.appendChild(li);
  }
}

function askHere(coordinate) {
  const lonLat = toLonLat(coordinate, map);
  const s = get();
  const roles = dataLayers.filter(l => l.getVisible() && s.layers && s.layers.layers.some(x => x.role === l.get('role')))
    .map(l => l.get('role'));
  // six pixels on the ground (in either projection), at most the API's 250 m
  const metresPerPixel = ol.proj.getPointResolution(projection(), map.getView().getResolution(), coordinate);
  const tolerance = Math.min(250, Math.max(0.5, metresPerPixel * 6)).toFixed(1);
  selectionSource.clear();
  if (!roles.length) { setState({ here: { features: [] } }); return; }
  const asking = { busy: true };
  setState({ here: asking });
  const code = dataCode();
  getJson('/api/v1/features?lon=' + lonLat[0].toFixed(7) + '&lat=' + lonLat[1].toFixed(7) + '&tolerance-m=' + tolerance
    + '&role=' + roles.join(',') + crsParam())
    .then(fc => {
      if (get().here !== asking) return; // a newer place was asked meanwhile
      noteDataset(fc);
      selectionSource.addFeatures(readFeatures(fc, projection(), code));
      setState({ here: fc });
    })
    .catch(err => { if (get().here === asking) setState({ here: { error: err } }); });
}

const SKIP_ATTRIBUTES = new Set(['role', 'provenance', 'distanceM', 'name']);

/** Each feature at the place: its layer, name, distance, source (file, id, tag) and, for a zoning plan, plan and article. */
function renderHere(s) {
  const out = $('here-list');
  out.innerHTML = '';
  const here = s.here;
  if (!here) return;
  $('here').hidden = false;
  if (here.busy) { out.textContent = t('hereBusy'); return; }
  if (here.error) {
    const p = line('error', errorText(ui, 'failed', here.error));
    p.className = 'error';
    p.setAttribute('role', 'alert');
    out.appendChild(p);
    return;
  }
  if (!here.features.length) { out.textContent = t('hereNone'); return; }
  const list = document.createElement('ol');
  list.className = 'here';
  for (const f of here.features) {
    const p = f.properties;
    const li = document.createElement('li');
    li.dataset.role = p.role;
    li.dataset.featureId = f.id;
    const head = document.createElement('strong');
    head.textContent = roleName(p.role) + (p.name ? ': ' + p.name : '');
    const dist = document.createElement('span');
    dist.className = 'hint';
    dist.textContent = ' (' + t('distance') + ' ' + p.distanceM + ' m)';
    li.append(head, dist);
    if (p['imro.plan']) {
      li.appendChild(line('imro', t('plan') + ': ' + p['imro.plan'] + (p['imro.planName'] ? ' "' + p['imro.planName'] + '"' : '')
        + (p['imro.planStatus'] ? ', ' + t('planStatus') + ' ' + p['imro.planStatus'] : '') + (p['imro.planDate'] ? ', ' + p['imro.planDate'] : '')));
      if (p['imro.bestemming']) li.appendChild(line('bestemming', t('bestemming') + ': ' + p['imro.bestemming']
        + (p['imro.hoofdgroep'] ? ' (' + p['imro.hoofdgroep'] + ')' : '')));
      if (p['imro.artikel']) li.appendChild(line('article', t('article') + ': ' + p['imro.artikel']));
    }
    if (p.provenance) {
      li.appendChild(line('provenance', t('source') + ': ' + p.provenance.source + ', ' + t('sourceId') + ' '
        + p.provenance.sourceId + ', ' + t('sourceTag') + ' ' + p.provenance.sourceTag));
    }
    const rest = Object.keys(p).filter(k => !SKIP_ATTRIBUTES.has(k) && !k.startsWith('imro.plan') && k !== 'imro.bestemming'
      && k !== 'imro.artikel' && k !== 'imro.hoofdgroep');
    if (rest.length) li.appendChild(line('attributes', rest.map(k => k + ' = ' + p[k]).join('; ')));
    list.appendChild(li);
  }
  out.appendChild(list);
}

function line(kind, text) {
  const p = document.createElement('p');
  p.className = 'here-' + kind;
  p.textContent = text;
  return p;
}

/** A layer's legend by class (VNG category, odour band, safety kind): one swatch and its words per class. */
function classLegend(name) {
  const legend = LEGENDS[name];
  const words = (t('legend') || {})[name] || {};
  const out = document.createElement('span');
  out.className = 'noise-bands legend-' + name;
  if (words.title) out.append(document.createTextNode(words.title + ': '));
  let from = null;
  for (const [value, colour] of legend.classes) {
    const b = document.createElement('span');
    b.className = 'band';
    b.dataset.value = value === null ? '' : String(value);
    Object.assign(b.style, { display: 'inline-block', width: '0.8em', height: '0.8em', margin: '0 0.2em',
      border: '1px solid #999', background: colour });
    let text;
    if (legend.upTo) text = value === Infinity ? '> ' + from : (from === null ? '<= ' : from + '-') + value;
    else if (value === null) text = words.none || '?';
    else text = (words.values || {})[value] || String(value);
    out.append(b, document.createTextNode(text + (words.unit && legend.upTo ? ' ' + words.unit : '') + ' '));
    from = value;
  }
  return out;
}

/** The noise layer's legend: one swatch per Lden band. */
function noiseLegend() {
  const bands = document.createElement('span');
  bands.className = 'noise-bands';
  let from = null;
  for (const [upTo, colour] of NOISE_BANDS) {
    const b = document.createElement('span');
    // not .swatch: that is the one swatch of each layer
    b.className = 'band';
    Object.assign(b.style, { display: 'inline-block', width: '0.8em', height: '0.8em', margin: '0 0.2em',
      border: '1px solid #999', background: colour });
    bands.append(b, document.createTextNode((upTo === Infinity ? '> ' + from : (from === null ? '<= ' : from + '-') + upTo) + ' dB '));
    from = upTo;
  }
  return bands;
}
