// The initiator check: pick a site (address search or map click), choose form and persons, ask
// POST /api/v1/assessments and show the verdict with a traffic light per criterion. The background is drawn
// from the service's own layers, so no visitor request goes to a third party (AVG).
'use strict';

// All UI texts, one object per language (add pl, ro here; the policy asks for the residents' languages).
const TEXTS = {
  nl: {
    title: 'plektoets: huisvesting arbeidsmigranten',
    language: 'Taal',
    fictitious: 'Let op: dit zijn fictieve gegevens (demo), geen echte plaats.',
    checkHeading: 'Locatie toetsen',
    addressLabel: 'Adres zoeken',
    clickHint: 'Of klik op de kaart om een punt te kiezen.',
    pointChosen: 'Gekozen punt',
    drawPolygon: 'Vlak tekenen',
    drawing: 'Klik de hoekpunten op de kaart; klik het eerste punt of dubbelklik om af te sluiten (Esc breekt af).',
    polygonChosen: 'Getekend vlak',
    formLabel: 'Woonvorm',
    room_rental: 'Kamerverhuur',
    housing_facility: 'Huisvestingsvoorziening',
    personsLabel: 'Aantal personen',
    submit: 'Toetsen',
    noSite: 'Kies eerst een adres of klik op de kaart.',
    busy: 'Bezig met toetsen...',
    verdictLabel: 'Uitkomst',
    verdicts: { allowed: 'Toegestaan', conditional: 'Onder voorwaarden', not_allowed: 'Niet toegestaan' },
    statuses: { pass: 'voldoet', conditional: 'voorwaarde', fail: 'voldoet niet', unknown: 'onbekend' },
    locationClass: 'Locatieklasse',
    locationClasses: {
      agricultural_plot: 'agrarisch bouwvlak', business_park_edge: 'rand van een bedrijventerrein',
      business_park_interior: 'binnenkant van een bedrijventerrein', built_up_area: 'bebouwde kom',
      rural_existing_building: 'buitengebied, bestaand gebouw', rural_other: 'buitengebied'
    },
    policyRef: 'Beleid',
    evidence: 'Bewijs',
    criteria: {
      recreation_exclusion: 'Geen recreatieterrein', location_class: 'Locatie', capacity: 'Aantal personen',
      fire_safety: 'Brandveiligheid', permit_term: 'Vergunningstermijn', facility_reach: 'Voorzieningen',
      room_rental_street: 'Kamerverhuur in de straat'
    },
    requestFailed: 'De toets is mislukt',
    networkFailed: 'De server is niet bereikbaar. Probeer het later opnieuw.',
    mapLabel: 'Kaart; klik om een punt te kiezen'
  },
  en: {
    title: 'plektoets: housing for labour migrants',
    language: 'Language',
    fictitious: 'Note: this is fictitious data (demo), no real place.',
    checkHeading: 'Check a site',
    addressLabel: 'Search an address',
    clickHint: 'Or click on the map to pick a point.',
    pointChosen: 'Chosen point',
    drawPolygon: 'Draw a polygon',
    drawing: 'Click the corners on the map; click the first point or double-click to finish (Esc cancels).',
    polygonChosen: 'Drawn polygon',
    formLabel: 'Housing form',
    room_rental: 'Room rental',
    housing_facility: 'Housing facility',
    personsLabel: 'Number of persons',
    submit: 'Check',
    noSite: 'First choose an address or click on the map.',
    busy: 'Checking...',
    verdictLabel: 'Verdict',
    verdicts: { allowed: 'Allowed', conditional: 'Conditional', not_allowed: 'Not allowed' },
    statuses: { pass: 'pass', conditional: 'condition', fail: 'fail', unknown: 'unknown' },
    locationClass: 'Location class',
    locationClasses: {
      agricultural_plot: 'agricultural plot (agrarisch bouwvlak)', business_park_edge: 'edge of a business park',
      business_park_interior: 'interior of a business park', built_up_area: 'built-up area',
      rural_existing_building: 'rural area, existing building', rural_other: 'rural area'
    },
    policyRef: 'Policy',
    evidence: 'Evidence',
    criteria: {
      recreation_exclusion: 'No recreation zone', location_class: 'Location', capacity: 'Number of persons',
      fire_safety: 'Fire safety', permit_term: 'Permit term', facility_reach: 'Facilities',
      room_rental_street: 'Room rental in the street'
    },
    requestFailed: 'The check failed',
    networkFailed: 'The server cannot be reached. Please try again later.',
    mapLabel: 'Map; click to pick a point'
  }
};

const state = { lang: 'nl', site: null, addressLabel: null, lastResult: null };
const $ = id => document.getElementById(id);
const t = key => TEXTS[state.lang][key];

// ---- map: own background layers in Web Mercator ----
const BACKGROUND = [
  { role: 'agricultural_plot', fill: 'rgba(214,196,120,0.45)', stroke: '#a08c3c' },
  { role: 'business_park', fill: 'rgba(170,150,200,0.45)', stroke: '#7a5fa0' },
  { role: 'recreation_zone', fill: 'rgba(120,190,120,0.5)', stroke: '#2f7d32' },
  { role: 'built_up_area', fill: 'rgba(230,200,190,0.45)', stroke: '#b07060' },
  { role: 'building', fill: 'rgba(150,130,120,0.8)', stroke: '#6b5a50', minZoom: 15 },
  { role: 'road', stroke: '#ffffff', casing: '#888888', width: 3 }
];
const geojson = new ol.format.GeoJSON({ dataProjection: 'EPSG:4326', featureProjection: 'EPSG:3857' });

function backgroundLayer(spec) {
  const source = new ol.source.Vector({
    strategy: ol.loadingstrategy.bbox,
    loader: (extent, resolution, projection, success, failure) => {
      const b = ol.proj.transformExtent(extent, 'EPSG:3857', 'EPSG:4326').map(v => v.toFixed(6));
      fetch('/api/v1/layers/' + spec.role + '?limit=1000&bbox=' + b.join(','))
        .then(r => r.ok ? r.json() : Promise.reject(r.status))
        .then(fc => { const fs = geojson.readFeatures(fc); source.addFeatures(fs); success(fs); })
        .catch(() => { source.removeLoadedExtent(extent); failure(); });
    }
  });
  const styles = spec.casing
    ? [new ol.style.Style({ stroke: new ol.style.Stroke({ color: spec.casing, width: spec.width + 2 }) }),
       new ol.style.Style({ stroke: new ol.style.Stroke({ color: spec.stroke, width: spec.width }) })]
    : new ol.style.Style({ fill: new ol.style.Fill({ color: spec.fill }), stroke: new ol.style.Stroke({ color: spec.stroke, width: 1 }) });
  return new ol.layer.Vector({ source, style: styles, minZoom: spec.minZoom || 11, properties: { role: spec.role } });
}

const backgroundLayers = BACKGROUND.map(backgroundLayer);
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
fetch('/api/v1/layers').then(r => r.json()).then(body => {
  const bbox = body.bbox || (body.layers && body.layers[0] && body.layers[0].bbox);
  if (bbox) map.getView().fit(ol.proj.transformExtent(bbox, 'EPSG:4326', 'EPSG:3857'), { padding: [20, 20, 20, 20] });
  if (body.dataset && body.dataset.fictitious) $('fictitious').hidden = false;
}).catch(() => {});

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
    fetch('/api/v1/addresses?limit=8&q=' + encodeURIComponent(q))
      .then(r => r.ok ? r.json() : Promise.reject(r))
      .then(fc => {
        if (fc.dataset && fc.dataset.fictitious) $('fictitious').hidden = false;
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
  fetch('/api/v1/assessments', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })
    .then(async r => {
      const text = await r.text();
      let json = null;
      try { json = JSON.parse(text); } catch (ignored) { /* not JSON: shown as status below */ }
      if (!r.ok) throw new Error((json && (json.detail || json.title)) || ('HTTP ' + r.status));
      return json;
    })
    .then(result => { state.lastResult = result; renderResult(); })
    .catch(err => {
      $('result').textContent = '';
      showError(t('requestFailed') + ': ' + (err instanceof TypeError ? t('networkFailed') : err.message));
    });
}

function renderResult() {
  const r = state.lastResult;
  const out = $('result');
  out.innerHTML = '';
  if (!r) return;
  if (r.dataset && r.dataset.fictitious) $('fictitious').hidden = false;
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
    msg.textContent = c.message[state.lang] || c.message.nl;
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

// ---- language ----
function applyTexts() {
  document.documentElement.lang = state.lang;
  document.querySelectorAll('[data-i18n]').forEach(el => { el.textContent = t(el.dataset.i18n); });
  document.querySelectorAll('[data-i18n-label]').forEach(el => el.setAttribute('aria-label', t(el.dataset.i18nLabel)));
  document.title = t('title');
  showSiteInfo();
  renderResult();
}
$('lang').addEventListener('change', () => { state.lang = $('lang').value; applyTexts(); });
applyTexts();
