// The initiator check: pick a site (address search or map click), choose form and persons, ask
// POST /api/v1/assessments and show the verdict with a traffic light per criterion. The background is drawn
// from the service's own layers, so no visitor request goes to a third party (AVG).
'use strict';

const ui = Plek.i18n('check');
const t = key => ui.t(key);
const state = { site: null, addressLabel: null, lastResult: null };
const $ = id => document.getElementById(id);

// ---- map: the background from our own layers (common.js), the site and its evidence on top ----
const backgroundLayers = Plek.backgroundLayers();
const siteSource = new ol.source.Vector();
const siteLayer = new ol.layer.Vector({
  source: siteSource,
  style: f => f.get('kind') === 'evidence'
    ? new ol.style.Style({ stroke: new ol.style.Stroke({ color: '#c00000', width: 3, lineDash: [8, 4] }),
                           fill: new ol.style.Fill({ color: 'rgba(200,0,0,0.08)' }) })
    : f.get('kind') === 'polygon'
    ? new ol.style.Style({ stroke: new ol.style.Stroke({ color: '#0050b4', width: 3 }), fill: new ol.style.Fill({ color: 'rgba(0,80,180,0.15)' }) })
    : new ol.style.Style({ image: new ol.style.Circle({ radius: 8, fill: new ol.style.Fill({ color: '#0050b4' }),
                           stroke: new ol.style.Stroke({ color: '#fff', width: 2 }) }) })
});
const map = new ol.Map({
  target: 'map',
  layers: [...backgroundLayers, siteLayer],
  view: new ol.View({ center: ol.proj.fromLonLat([5.3, 52.2]), zoom: 8 }),
  keyboardEventTarget: $('map')
});

// Zoom to the dataset's extent, and show the banner when the data is fictitious.
Plek.fitToDataset(map).catch(() => {});

map.on('singleclick', e => {
  // a corner of the polygon being drawn, or the click that closed it (singleclick comes 250 ms after the click)
  if (draw || Date.now() - drawEndedAt < 1000) return;
  const lonLat = ol.proj.toLonLat(e.coordinate);
  chooseSite([+lonLat[0].toFixed(7), +lonLat[1].toFixed(7)], null);
  assess();
});

// The site as GeoJSON in CRS84: a point (address or click) or a drawn polygon.
function chooseSite(lonLat, label) {
  state.site = { type: 'Point', coordinates: lonLat };
  state.addressLabel = label;
  siteSource.clear();
  siteSource.addFeature(new ol.Feature({ geometry: new ol.geom.Point(ol.proj.fromLonLat(lonLat)), kind: 'site' }));
  showSiteInfo();
}

function showSiteInfo() {
  let text = t('clickHint');
  if (draw) text = t('drawing');
  else if (state.site && state.site.type === 'Polygon') text = t('polygonChosen');
  else if (state.site) text = state.addressLabel
    || t('pointChosen') + ': ' + state.site.coordinates[1].toFixed(5) + ', ' + state.site.coordinates[0].toFixed(5);
  $('site-info').textContent = text;
}

// ---- drawing a polygon ----
let draw = null, drawEndedAt = 0;
$('draw').addEventListener('click', () => draw ? stopDrawing() : startDrawing());
document.addEventListener('keydown', e => { if (e.key === 'Escape' && draw) stopDrawing(); });

function startDrawing() {
  draw = new ol.interaction.Draw({ type: 'Polygon' });
  draw.on('drawend', e => {
    drawEndedAt = Date.now();
    const ring = e.feature.getGeometry().getCoordinates()[0]
      .map(c => ol.proj.toLonLat(c).map(v => +v.toFixed(7)));
    stopDrawing();
    state.site = { type: 'Polygon', coordinates: [ring] };
    state.addressLabel = null;
    siteSource.clear();
    siteSource.addFeature(new ol.Feature({ geometry: e.feature.getGeometry(), kind: 'polygon' }));
    showSiteInfo();
    assess();
  });
  map.addInteraction(draw);
  $('draw').setAttribute('aria-pressed', 'true');
  showSiteInfo();
}
function stopDrawing() {
  // removed after the current event, which the interaction is still handling
  const d = draw;
  setTimeout(() => { map.removeInteraction(d); draw = null; $('draw').setAttribute('aria-pressed', 'false'); showSiteInfo(); }, 0);
}

// ---- address type-ahead ----
let searchTimer = null, suggestions = [], active = -1;
$('address').addEventListener('input', () => {
  clearTimeout(searchTimer);
  const q = $('address').value.trim();
  if (q.length < 2) { closeSuggestions(); return; }
  searchTimer = setTimeout(() => {
    Plek.getJson('/api/v1/addresses?limit=8&q=' + encodeURIComponent(q))
      .then(fc => {
        Plek.noteDataset(fc);
        showSuggestions(fc.features || []);
      })
      .catch(() => closeSuggestions());
  }, 150);
});
$('address').addEventListener('keydown', e => {
  if (!suggestions.length) return;
  if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
    e.preventDefault();
    active = (active + (e.key === 'ArrowDown' ? 1 : -1) + suggestions.length) % suggestions.length;
    markActive();
  } else if (e.key === 'Enter' && active >= 0) {
    e.preventDefault();
    pick(suggestions[active]);
  } else if (e.key === 'Escape') {
    closeSuggestions();
  }
});

function showSuggestions(features) {
  suggestions = features;
  active = -1;
  const ul = $('suggestions');
  ul.innerHTML = '';
  features.forEach((f, i) => {
    const li = document.createElement('li');
    li.id = 'suggestion-' + i;
    li.setAttribute('role', 'option');
    li.textContent = f.properties.label;
    li.addEventListener('mousedown', ev => { ev.preventDefault(); pick(f); });
    ul.appendChild(li);
  });
  ul.hidden = features.length === 0;
  $('address').setAttribute('aria-expanded', String(features.length > 0));
}
function markActive() {
  [...$('suggestions').children].forEach((li, i) => li.setAttribute('aria-selected', String(i === active)));
  $('address').setAttribute('aria-activedescendant', active >= 0 ? 'suggestion-' + active : '');
}
function closeSuggestions() {
  suggestions = []; active = -1;
  $('suggestions').hidden = true;
  $('address').setAttribute('aria-expanded', 'false');
}
function pick(f) {
  $('address').value = f.properties.label;
  closeSuggestions();
  chooseSite(f.geometry.coordinates, f.properties.label);
  map.getView().animate({ center: ol.proj.fromLonLat(f.geometry.coordinates), zoom: 16, duration: 300 });
}

// ---- the check ----
$('check').addEventListener('submit', e => { e.preventDefault(); assess(); });

function assess() {
  hideError();
  if (!state.site) { showError(t('noSite')); return; }
  const body = {
    site: state.site,
    crs: 'CRS84',
    form: $('form').value,
    persons: Number($('persons').value)
  };
  $('result').textContent = t('busy');
  Plek.getJson('/api/v1/assessments', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })
    .then(result => { state.lastResult = result; renderResult(); })
    .catch(err => {
      $('result').textContent = '';
      showError(Plek.errorText(ui, 'requestFailed', err));
    });
}

function renderResult() {
  const r = state.lastResult;
  const out = $('result');
  out.innerHTML = '';
  if (!r) return;
  Plek.noteDataset(r);
  const verdict = document.createElement('p');
  verdict.id = 'verdict';
  verdict.className = 'verdict ' + r.verdict;
  verdict.dataset.verdict = r.verdict;
  verdict.textContent = t('verdictLabel') + ': ' + (t('verdicts')[r.verdict] || r.verdict);
  out.appendChild(verdict);
  const lc = document.createElement('p');
  lc.id = 'location-class';
  lc.textContent = t('locationClass') + ': ' + (t('locationClasses')[r.locationClass] || r.locationClass);
  out.appendChild(lc);
  const list = document.createElement('ul');
  list.className = 'criteria';
  siteSource.getFeatures().filter(f => f.get('kind') === 'evidence').forEach(f => siteSource.removeFeature(f));
  for (const c of r.criteria) {
    const li = document.createElement('li');
    li.className = 'criterion ' + c.status;
    li.dataset.criterion = c.id;
    li.dataset.status = c.status;
    const light = document.createElement('span');
    light.className = 'light ' + c.status;
    light.setAttribute('role', 'img');
    light.setAttribute('aria-label', t('statuses')[c.status] || c.status);
    const head = document.createElement('strong');
    head.textContent = (t('criteria')[c.id] || c.id) + ' (' + (t('statuses')[c.status] || c.status) + ')';
    const msg = document.createElement('p');
    msg.textContent = c.message[ui.lang] || c.message.nl;
    const ref = document.createElement('p');
    ref.className = 'policy-ref';
    ref.textContent = t('policyRef') + ': ' + c.policyRef;
    li.append(light, head, msg, ref);
    list.appendChild(li);
    highlightEvidence(c.evidence && c.evidence.feature);
  }
  out.appendChild(list);
}

// The evidence names the deciding feature by role and id; draw it from the background layer that holds it.
function highlightEvidence(ev) {
  if (!ev || ev.featureId === undefined) return;
  const layer = backgroundLayers.find(l => l.get('role') === ev.role);
  const f = layer && layer.getSource().getFeatureById(ev.featureId);
  if (f) siteSource.addFeature(new ol.Feature({ geometry: f.getGeometry().clone(), kind: 'evidence' }));
}

function showError(text) { $('error').textContent = text; $('error').hidden = false; }
function hideError() { $('error').hidden = true; $('error').textContent = ''; }

// ---- language: common.js applies the texts; the parts drawn here follow ----
ui.onChange(() => { showSiteInfo(); renderResult(); });
showSiteInfo();
