// The planner view: every layer with a legend and its provenance at a click (GET /api/v1/features), the
// registers of initiatives and room-rental permits behind the planner token (GET /api/v1/initiatives,
// /api/v1/room-rental/permits) and the overview of every address's verdict (GET /api/v1/overview). Our own API
// only: no request goes to a third party (AVG). The token lives in sessionStorage (this tab) and nowhere else.
'use strict';

const ui = Plek.i18n('planner');
Plek.keepLangInUrl(ui); // a reload opens in the language chosen
const t = key => ui.t(key);
const $ = id => document.getElementById(id);
const TOKEN_KEY = 'plektoets.plannerToken';
const VERDICT_COLOURS = { allowed: '#1b7d2c', conditional: '#e0a000', not_allowed: '#b00020', error: '#666666' };
const PAGE_LIMIT = 1000;
const state = { layers: null, here: null, initiatives: null, permits: null, overview: null, token: null };

// ---- map: the common background plus the layers it leaves out (points), then the registers and the overview ----
const EXTRA_LAYERS = [
  { role: 'village', fill: '#6a3d9a', stroke: '#ffffff', radius: 6 },
  { role: 'facility', fill: '#d95f02', stroke: '#ffffff', radius: 5 },
  { role: 'address', fill: '#1f4e79', stroke: '#ffffff', radius: 3, maxScaleDenominator: 10000 },
  // Bijlage 1 environment layers (issue 12): noise coloured by its band's upper bound (legend: NOISE_BANDS)
  { role: 'noise', fill: 'rgba(230,120,30,0.25)', stroke: '#c05000', bands: true },
  { role: 'odour_contour', fill: 'rgba(120,90,40,0.2)', stroke: '#6b4f1d' },
  { role: 'external_safety_area', fill: 'rgba(200,0,80,0.2)', stroke: '#b0004f', radius: 5 }
];
// Lden bands of the noise legend: up to this many dB (the band's upper bound), this colour
const NOISE_BANDS = [[50, 'rgba(60,160,60,0.3)'], [55, 'rgba(230,200,40,0.35)'], [60, 'rgba(240,140,30,0.4)'],
  [65, 'rgba(220,60,30,0.45)'], [Infinity, 'rgba(150,0,60,0.5)']];
function noiseStyle(spec) {
  const styles = NOISE_BANDS.map(([, colour]) => new ol.style.Style({ fill: new ol.style.Fill({ color: colour }),
    stroke: new ol.style.Stroke({ color: spec.stroke, width: 0.5 }) }));
  const other = pointOrAreaStyle(spec);
  return f => {
    const high = parseFloat(f.get('lden_high'));
    if (isNaN(high)) return other(f);
    return styles[NOISE_BANDS.findIndex(([upTo]) => high <= upTo)];
  };
}
const SPECS = {};
Plek.BACKGROUND.concat(EXTRA_LAYERS).forEach(s => { SPECS[s.role] = s; });

/** The map's projection now: Web Mercator, or RD New (rd.js) by ?proj=rd or the switch. */
function projection() { return map.getView().getProjection(); }

/** In RD New the answers come in RD New (the server's RDNAPTRANS), else in CRS84 for OpenLayers to project. */
function rd() { return projection().getCode() === 'EPSG:28992'; }
function crsParam() { return rd() ? '&crs=EPSG:28992' : ''; }
function dataCode() { return rd() ? 'EPSG:28992' : 'EPSG:4326'; }

/** A geometry of an answer (CRS84, or RD New when asked with crsParam) in the map's projection. */
function readGeometry(geometry, code) {
  return new ol.format.GeoJSON({ dataProjection: code || 'EPSG:4326', featureProjection: projection() }).readGeometry(geometry);
}

/**
 * Every page of a GeoJSON answer, following its next links, into the map's projection; init carries the token.
 * The data is CRS84 unless the url asks for crs=EPSG:28992.
 */
async function loadPages(url, init, maxPages) {
  const features = [];
  let first = null;
  for (let page = 0; url && page < (maxPages || 20); page++) {
    const fc = await Plek.getJson(url, init);
    if (!first) first = fc;
    const rd = new URL(url, location.href).searchParams.get('crs') === 'EPSG:28992';
    features.push(...Plek.readFeatures(fc, projection(), rd ? 'EPSG:28992' : 'EPSG:4326'));
    const next = (fc.links || []).find(l => l.rel === 'next');
    url = next ? next.href : null;
  }
  return { features, first };
}

function pointOrAreaStyle(spec) {
  const area = new ol.style.Style({ fill: new ol.style.Fill({ color: spec.fill }), stroke: new ol.style.Stroke({ color: spec.stroke, width: 1 }) });
  const point = new ol.style.Style({ image: new ol.style.Circle({ radius: spec.radius || 4,
    fill: new ol.style.Fill({ color: spec.fill }), stroke: new ol.style.Stroke({ color: spec.stroke, width: 1 }) }) });
  return f => f.getGeometry().getType().endsWith('Point') ? point : area;
}

function extraLayer(spec) {
  const source = new ol.source.Vector({
    strategy: ol.loadingstrategy.bbox,
    loader: (extent, resolution, proj, success, failure) => {
      // as the common background: in RD New the server sends RD New (RDNAPTRANS), in Web Mercator CRS84
      const url = proj.getCode() === 'EPSG:28992'
        ? '/api/v1/layers/' + spec.role + '?limit=' + PAGE_LIMIT + '&crs=EPSG:28992&bbox-crs=EPSG:28992&bbox='
          + extent.map(v => v.toFixed(2)).join(',')
        : '/api/v1/layers/' + spec.role + '?limit=' + PAGE_LIMIT + '&bbox='
          + ol.proj.transformExtent(extent, proj, 'EPSG:4326').map(v => v.toFixed(6)).join(',');
      Plek.layerOverview()
        .then(body => body.layers.some(l => l.role === spec.role && l.count > 0) ? loadPages(url) : { features: [] })
        .then(r => { source.addFeatures(r.features); success(r.features); })
        .catch(() => { source.removeLoadedExtent(extent); failure(); });
    }
  });
  // background: a projection switch fetches them anew (common.js) instead of transforming them
  // the scale in ground metres, the same in both projections (common.js keepScaleLimits)
  return new ol.layer.Vector({ source, style: spec.bands ? noiseStyle(spec) : pointOrAreaStyle(spec),
    properties: { role: spec.role, background: true, maxScaleDenominator: spec.maxScaleDenominator || Plek.OVERVIEW_SCALE } });
}

const dataLayers = Plek.backgroundLayers().concat(EXTRA_LAYERS.map(extraLayer));
const initiativeSource = new ol.source.Vector();
const permitSource = new ol.source.Vector();
const overviewSource = new ol.source.Vector();
const selectionSource = new ol.source.Vector();
const overviewStyles = {};
for (const [verdict, colour] of Object.entries(VERDICT_COLOURS)) {
  overviewStyles[verdict] = new ol.style.Style({ image: new ol.style.Circle({ radius: 4,
    fill: new ol.style.Fill({ color: colour }), stroke: new ol.style.Stroke({ color: '#ffffff', width: 1 }) }) });
}
const map = new ol.Map({
  target: 'map',
  layers: [
    ...dataLayers,
    new ol.layer.Vector({ source: overviewSource, properties: { name: 'overview' },
      style: f => overviewStyles[f.get('verdict')] || overviewStyles.error }),
    new ol.layer.Vector({ source: permitSource, properties: { name: 'permits' }, style: new ol.style.Style({
      stroke: new ol.style.Stroke({ color: '#0b6e99', width: 5 }),
      image: new ol.style.RegularShape({ points: 4, radius: 7, angle: Math.PI / 4, fill: new ol.style.Fill({ color: '#0b6e99' }),
        stroke: new ol.style.Stroke({ color: '#ffffff', width: 1 }) }) }) }),
    new ol.layer.Vector({ source: initiativeSource, properties: { name: 'initiatives' }, style: new ol.style.Style({
      stroke: new ol.style.Stroke({ color: '#7b1fa2', width: 3 }), fill: new ol.style.Fill({ color: 'rgba(123,31,162,0.2)' }),
      image: new ol.style.RegularShape({ points: 5, radius: 10, radius2: 4, fill: new ol.style.Fill({ color: '#7b1fa2' }),
        stroke: new ol.style.Stroke({ color: '#ffffff', width: 1 }) }) }) }),
    new ol.layer.Vector({ source: selectionSource, properties: { name: 'selection' }, style: new ol.style.Style({
      stroke: new ol.style.Stroke({ color: '#c00000', width: 3, lineDash: [8, 4] }), fill: new ol.style.Fill({ color: 'rgba(200,0,0,0.08)' }),
      image: new ol.style.Circle({ radius: 9, stroke: new ol.style.Stroke({ color: '#c00000', width: 3 }) }) }) })
  ],
  view: Plek.createView(Plek.initialProjection()),
  keyboardEventTarget: $('map')
});
Plek.projectionSwitch(map);
Plek.keepScaleLimits(map);

Plek.fitToDataset(map).then(body => { state.layers = body; renderLayers(); }).catch(err => showError('planner-error', err));

function layerOf(role) { return dataLayers.find(l => l.get('role') === role); }

/** The layer list: a checkbox, a colour swatch and the feature count per layer of /api/v1/layers. */
function renderLayers() {
  const list = $('layers');
  list.innerHTML = '';
  if (!state.layers) return;
  for (const l of state.layers.layers) {
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
    if (spec.bands) {
      // the noise legend: one swatch per Lden band
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
      label.append(bands);
    }
    const count = document.createElement('span');
    count.className = 'count';
    // a threshold below the overview scale is worth saying: "visible from 1:10,000" (true in both projections)
    const denominator = layer && layer.get('maxScaleDenominator');
    count.textContent = '(' + l.count + ' ' + t('features') + (denominator && denominator < Plek.OVERVIEW_SCALE
      ? '; ' + t('visibleFrom') + ' ' + Plek.scaleText(denominator, ui.lang) : '') + ')';
    label.appendChild(count);
    li.append(box, label);
    list.appendChild(li);
  }
}

function roleName(role) { return (t('roles') || {})[role] || role; }

// ---- what lies here: a click, or Enter on the focused map for its centre ----
map.on('singleclick', e => askHere(e.coordinate));
$('map').addEventListener('keydown', e => {
  if (e.key === 'Enter' || e.key === ' ') {
    e.preventDefault();
    askHere(map.getView().getCenter());
  }
});

function askHere(coordinate) {
  const lonLat = Plek.toLonLat(coordinate, map);
  const roles = dataLayers.filter(l => l.getVisible() && state.layers && state.layers.layers.some(x => x.role === l.get('role')))
    .map(l => l.get('role'));
  // six pixels on the ground (in either projection), at most the API's 250 m
  const metresPerPixel = ol.proj.getPointResolution(projection(), map.getView().getResolution(), coordinate);
  const tolerance = Math.min(250, Math.max(0.5, metresPerPixel * 6)).toFixed(1);
  $('here').hidden = false;
  $('here-list').textContent = t('hereBusy');
  selectionSource.clear();
  if (!roles.length) { state.here = { features: [] }; renderHere(); return; }
  const code = dataCode();
  Plek.getJson('/api/v1/features?lon=' + lonLat[0].toFixed(7) + '&lat=' + lonLat[1].toFixed(7) + '&tolerance-m=' + tolerance
    + '&role=' + roles.join(',') + crsParam())
    .then(fc => {
      state.here = fc;
      Plek.noteDataset(fc);
      selectionSource.addFeatures(Plek.readFeatures(fc, projection(), code));
      renderHere();
    })
    .catch(err => { state.here = { error: err }; renderHere(); });
}

const SKIP_ATTRIBUTES = new Set(['role', 'provenance', 'distanceM', 'name']);

/** Each feature at the place: its layer, name, distance, source (file, id, tag) and, for a zoning plan, plan and article. */
function renderHere() {
  const out = $('here-list');
  out.innerHTML = '';
  if (!state.here) return;
  if (state.here.error) {
    const p = line('error', Plek.errorText(ui, 'failed', state.here.error));
    p.className = 'error';
    p.setAttribute('role', 'alert');
    out.appendChild(p);
    return;
  }
  if (!state.here.features.length) { out.textContent = t('hereNone'); return; }
  const list = document.createElement('ol');
  list.className = 'here';
  for (const f of state.here.features) {
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

// ---- login: the planner token, in sessionStorage only, sent as a bearer token ----
function auth() { return { headers: { Authorization: 'Bearer ' + state.token } }; }

$('login').addEventListener('submit', e => {
  e.preventDefault();
  const token = $('token').value.trim();
  if (!token) { showMessage('login-error', () => t('tokenMissing')); return; }
  login(token);
});
$('logout').addEventListener('click', logout);

function login(token) {
  hideMessage('login-error');
  state.token = token;
  // the initiatives list is the check: 401 unknown token, 403 not a planner
  return Plek.getJson('/api/v1/initiatives', auth()).then(body => {
    sessionStorage.setItem(TOKEN_KEY, token);
    $('token').value = '';
    // the login button goes away with its form: the focus goes on to the logout button instead of the page's start
    const hadFocus = $('login').contains(document.activeElement);
    $('login').hidden = true;
    $('logged-in').hidden = false;
    $('planner-only').hidden = false;
    if (hadFocus) $('logout').focus();
    state.initiatives = body;
    showInitiatives();
    loadPermits();
  }).catch(err => {
    state.token = null;
    sessionStorage.removeItem(TOKEN_KEY);
    showMessage('login-error', () => err.status === 401 ? t('unauthorized') : err.status === 403 ? t('forbidden')
      : Plek.errorText(ui, 'failed', err));
  });
}

function logout() {
  sessionStorage.removeItem(TOKEN_KEY);
  state.token = null;
  state.initiatives = state.permits = state.overview = null;
  initiativeSource.clear();
  permitSource.clear();
  overviewSource.clear();
  $('login').hidden = false;
  $('logged-in').hidden = true;
  $('planner-only').hidden = true;
  renderInitiatives();
  renderPermits();
  renderOverview();
  $('token').focus();
}

/** A failed planner request: a lost session (401/403) logs out with the reason; anything else is shown. */
function plannerFailed(err) {
  if (err.status === 401 || err.status === 403) {
    logout();
    showMessage('login-error', () => err.status === 401 ? t('unauthorized') : t('forbidden'));
  } else {
    showError('planner-error', err);
  }
}

// ---- the register of initiatives: table and sites on the map; a row zooms to its site ----
function showInitiatives() {
  initiativeSource.clear();
  for (const i of state.initiatives.initiatives) {
    if (!i.site) continue;
    const f = new ol.Feature(readGeometry(i.site));
    f.setId('initiative-' + i.id);
    initiativeSource.addFeature(f);
  }
  renderInitiatives();
}

function renderInitiatives() {
  const body = $('initiatives').tBodies[0];
  body.innerHTML = '';
  const items = state.initiatives ? state.initiatives.initiatives : [];
  $('initiatives-none').hidden = !state.initiatives || items.length > 0;
  for (const i of items) {
    const tr = body.insertRow();
    tr.dataset.initiative = i.id;
    tr.dataset.status = i.status;
    const first = tr.insertCell();
    first.appendChild(zoomButton('#' + i.id, () => zoomTo(initiativeSource.getFeatureById('initiative-' + i.id))));
    tr.insertCell().textContent = i.initiator || '';
    tr.insertCell().textContent = ((t('forms') || {})[i.form] || i.form) + ', ' + i.persons + ' ' + t('persons').toLowerCase();
    tr.insertCell().textContent = (t('initiativeStatuses') || {})[i.status] || i.status;
    const last = (i.steps || [])[i.steps.length - 1];
    const step = tr.insertCell();
    if (last) {
      // the date in one piece: a narrow column would break it at its hyphens
      const date = document.createElement('span');
      date.className = 'nowrap';
      date.textContent = last.at.slice(0, 10);
      step.append(date, ' (' + last.by + ')');
    }
    tr.addEventListener('click', e => { if (e.target.tagName !== 'BUTTON') zoomTo(initiativeSource.getFeatureById('initiative-' + i.id)); });
  }
}

// ---- the permits per street: table, streets and dwellings on the map; a row zooms to its street ----
function loadPermits() {
  const code = dataCode();
  return Plek.getJson('/api/v1/room-rental/permits?' + crsParam().slice(1), auth()).then(fc => {
    state.permits = fc;
    permitSource.clear();
    for (const f of Plek.readFeatures(fc, projection(), code)) {
      f.setId('street-' + f.getId());
      permitSource.addFeature(f);
      for (const p of f.get('permits') || []) {
        if (p.location) permitSource.addFeature(new ol.Feature(readGeometry(p.location, code)));
      }
    }
    renderPermits();
  }).catch(plannerFailed);
}

function renderPermits() {
  const body = $('permits').tBodies[0];
  body.innerHTML = '';
  const fc = state.permits;
  const features = fc ? fc.features : [];
  $('permits-none').hidden = !fc || fc.numberOfPermits > 0;
  for (const f of features) {
    const p = f.properties;
    const tr = body.insertRow();
    tr.dataset.street = f.id;
    const first = tr.insertCell();
    first.appendChild(zoomButton(p.name + (p.segment ? ' (' + p.segment + ')' : '') + ', ' + p.town,
      () => zoomTo(permitSource.getFeatureById('street-' + f.id))));
    const list = document.createElement('ul');
    list.className = 'permit-list';
    for (const permit of p.permits) {
      const li = document.createElement('li');
      li.dataset.permit = permit.id;
      li.textContent = (permit.address || permit.dwellingBagId || '') + ': ' + ((t('permitStatuses') || {})[permit.status] || permit.status);
      list.appendChild(li);
    }
    first.appendChild(list);
    tr.insertCell().textContent = p.permits.length;
    tr.insertCell().textContent = p.limit == null ? t('noLimit') : p.limit;
    tr.insertCell().textContent = (p.left == null ? '-' : p.left) + ' (' + ((t('streetStatuses') || {})[p.status] || p.status) + ')';
    tr.addEventListener('click', e => { if (e.target.tagName !== 'BUTTON') zoomTo(permitSource.getFeatureById('street-' + f.id)); });
  }
  if (fc && fc.unplaced && fc.unplaced.length) {
    const tr = body.insertRow();
    const cell = tr.insertCell();
    cell.colSpan = 4;
    cell.textContent = t('unplaced') + ': ' + fc.unplaced.map(u => (u.address || u.street) + ' ('
      + ((t('permitStatuses') || {})[u.status] || u.status) + ')').join('; ');
  }
}

function zoomButton(text, action) {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = 'link';
  b.textContent = text;
  b.setAttribute('aria-label', t('zoomTo') + ' ' + text);
  b.addEventListener('click', action);
  return b;
}

function zoomTo(feature) {
  if (!feature) return;
  selectionSource.clear();
  selectionSource.addFeature(new ol.Feature(feature.getGeometry().clone()));
  // no closer than Web Mercator's zoom 17 shows it, in either projection
  const view = map.getView();
  view.fit(feature.getGeometry().getExtent(), { minResolution: Plek.resolutionForZoom(view, 17, ol.extent.getCenter(feature.getGeometry().getExtent())),
    padding: [60, 60, 60, 60] });
}

// ---- the overview: every address coloured by its verdict, the totals per verdict and per village ----
$('overview-form').addEventListener('submit', e => {
  e.preventDefault();
  hideMessage('planner-error');
  const query = 'form=' + $('ov-form').value + '&persons=' + encodeURIComponent($('ov-persons').value.trim())
    + '&newBuild=' + $('ov-newbuild').checked + '&limit=' + PAGE_LIMIT + crsParam();
  $('ov-status').textContent = t('overviewBusy');
  $('ov-submit').disabled = true;
  loadPages('/api/v1/overview?' + query, auth(), 1000).then(r => {
    state.overview = r.first;
    overviewSource.clear();
    overviewSource.addFeatures(r.features);
    renderOverview();
  }).catch(err => {
    // the earlier overview is not this request's answer: neither its totals nor its points stay
    state.overview = null;
    overviewSource.clear();
    renderOverview();
    plannerFailed(err);
  })
    .finally(() => { $('ov-submit').disabled = false; });
});

function renderOverview() {
  const o = state.overview;
  const legend = $('ov-legend');
  legend.innerHTML = '';
  const table = $('ov-totals');
  table.tHead.innerHTML = '';
  table.tBodies[0].innerHTML = '';
  table.hidden = !o;
  $('ov-totals-wrap').hidden = !o;
  if (!o) { $('ov-status').textContent = ''; return; }
  const verdicts = Object.keys(VERDICT_COLOURS).filter(v => v !== 'error' || o.totals.error > 0);
  for (const v of verdicts) {
    const li = document.createElement('li');
    li.dataset.verdict = v;
    const swatch = document.createElement('span');
    swatch.className = 'swatch dot';
    swatch.style.background = VERDICT_COLOURS[v];
    li.append(swatch, document.createTextNode(' ' + t('verdicts')[v] + ': '));
    const n = document.createElement('span');
    n.className = 'total';
    n.textContent = o.totals[v];
    li.appendChild(n);
    legend.appendChild(li);
  }
  const head = table.tHead.insertRow();
  [t('town'), t('addresses')].concat(verdicts.map(v => t('verdicts')[v])).forEach(text => {
    const th = document.createElement('th');
    th.textContent = text;
    head.appendChild(th);
  });
  const rows = o.totalsPerTown.concat([Object.assign({ town: t('total'), total: true }, o.totals)]);
  for (const r of rows) {
    const tr = table.tBodies[0].insertRow();
    tr.dataset.town = r.total ? '' : r.town;
    if (r.total) tr.className = 'total';
    tr.insertCell().textContent = r.town;
    tr.insertCell().textContent = r.addresses;
    for (const v of verdicts) {
      const td = tr.insertCell();
      td.dataset.verdict = v;
      td.textContent = r[v];
    }
  }
  const a = o.assessment;
  $('ov-status').textContent = o.totals.addresses + ' ' + t('addresses').toLowerCase() + ', '
    + ((t('forms') || {})[a.form] || a.form) + ', ' + a.persons + ' ' + t('persons').toLowerCase()
    + (a.newBuild ? ', ' + t('newBuild').toLowerCase() : '') + '; ' + t('computedIn') + ' ' + o.computed.millis + ' ms'
    + (o.computed.cached ? ' (' + t('cached') + ')' : '');
}

// ---- messages ----
// per element the text of its message as a function, so a language switch rewrites a message still shown
const messages = {};
function showMessage(id, text) { messages[id] = text; $(id).textContent = text(); $(id).hidden = false; }
function hideMessage(id) { delete messages[id]; $(id).hidden = true; $(id).textContent = ''; }
function showError(id, err) { showMessage(id, () => Plek.errorText(ui, 'failed', err)); }
function renderMessages() { for (const [id, text] of Object.entries(messages)) $(id).textContent = text(); }

function renderFormOptions() {
  for (const option of $('ov-form').options) option.textContent = (t('forms') || {})[option.value] || option.value;
}

// the parts drawn here follow the language
ui.onChange(() => { renderFormOptions(); renderLayers(); renderHere(); renderInitiatives(); renderPermits(); renderOverview(); renderMessages(); });
renderFormOptions();

// a token from earlier in this tab logs in again (a reload of the page keeps the session)
const saved = sessionStorage.getItem(TOKEN_KEY);
if (saved) login(saved);
