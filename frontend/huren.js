// The public room-rental page: streets coloured by room left (GET /api/v1/room-rental/streets), "can my
// address still be room-rented?" (GET /api/v1/room-rental/check) and "report a wrong entry"
// (POST /api/v1/room-rental/reports). Counts only, never addresses (AVG). The map is Web Mercator or RD New (the
// switch or ?proj=rd); in RD New the streets and the background come from the server in RD New.
'use strict';

// text colours with at least 4.5:1 contrast on white (WCAG 1.4.3); the lines use the same hues
// not_applicable (issue 16): too few dwellings for a first room-rented one; its own colour, not the red of "full"
const COLOURS = { available: '#1b7d2c', almost_full: '#e0a000', full: '#b00020', not_applicable: '#5b6b8c' };
const ui = Plek.i18n('rental');
Plek.keepLangInUrl(ui); // a reload opens in the language chosen
const t = key => ui.t(key);
// selected: the street id chosen by an address search, a click on the map or the report form
const state = { streets: null, answer: null, selected: null, report: null, error: null };
const $ = id => document.getElementById(id);

const streetSource = new ol.source.Vector();
const streetLayer = new ol.layer.Vector({
  source: streetSource,
  properties: { role: 'room_rental_streets' },
  style: f => {
    const selected = f.getId() === state.selected;
    const line = new ol.style.Style({ stroke: new ol.style.Stroke({ color: COLOURS[f.get('status')] || '#666', width: selected ? 8 : 5 }) });
    // the chosen street gets a dark casing, so it stands out by more than colour alone (WCAG 1.4.1)
    return selected ? [new ol.style.Style({ stroke: new ol.style.Stroke({ color: '#1a1a1a', width: 12 }) }), line] : line;
  }
});
const map = new ol.Map({
  target: 'map',
  // our own layers as the background (common.js); a configured PDOK base map goes under them
  layers: [...Plek.backgroundLayers(), streetLayer],
  view: Plek.createView(Plek.initialProjection()),
  keyboardEventTarget: $('map')
});
Plek.projectionSwitch(map);
Plek.keepScaleLimits(map);
Plek.configuredBackground(map);

const getJson = Plek.getJson;

// on an RD New map in RD New (the server's RDNAPTRANS), else CRS84; a later switch transforms them (common.js)
const streetsCrs = map.getView().getProjection().getCode() === 'EPSG:28992' ? 'EPSG:28992' : 'EPSG:4326';
getJson('/api/v1/room-rental/streets' + (streetsCrs === 'EPSG:28992' ? '?crs=EPSG:28992' : '')).then(fc => {
  state.streets = fc;
  streetSource.addFeatures(Plek.readFeatures(fc, map.getView().getProjection(), streetsCrs));
  if (streetSource.getFeatures().length) map.getView().fit(streetSource.getExtent(), { padding: [20, 20, 20, 20] });
  Plek.noteDataset(fc);
  renderStreets();
  renderReportStreets();
}).catch(err => showError(err));

// the streets answer carries no dataset block; the layer overview says whether the data is fictitious
Plek.layerOverview().then(Plek.noteDataset).catch(() => {});

$('search').addEventListener('submit', e => {
  e.preventDefault();
  showError(null);
  getJson('/api/v1/room-rental/check?address=' + encodeURIComponent($('address').value.trim()))
    .then(a => {
      state.answer = a;
      select(a.street.id);
      showStreet(a.street.id);
    })
    // the street chosen before is not this address's: neither its numbers nor its highlight stay
    .catch(err => { state.answer = null; select(null); showError(err); });
});

// a click (or tap) on a street line chooses that street: its numbers, and the report form's street
map.on('singleclick', e => {
  let hit = null;
  map.forEachFeatureAtPixel(e.pixel, f => { hit = f; return true; }, { layerFilter: l => l === streetLayer, hitTolerance: 8 });
  if (!hit) return;
  $('address').value = ''; // the address searched before is not on this street
  state.answer = null;
  showError(null);
  select(hit.getId());
});

function select(id) {
  state.selected = id;
  streetSource.changed();
  if (id == null) $('report-street').value = '';
  else if ($('report-street').querySelector('option[value="' + CSS.escape(id) + '"]')) $('report-street').value = id;
  renderAnswer();
}

function streetFeature(id) {
  return state.streets ? state.streets.features.find(f => f.id === id) : null;
}

function streetName(p) { return p.name + (p.segment ? ' (' + p.segment + ')' : '') + ', ' + p.town; }

/** The rules' numbers of the overview (percent, minimum, minimumFromDwellings, countPerStreet) into a text. */
function withLimits(text) {
  const l = (state.streets && state.streets.limits) || {};
  return text.replace('{p}', l.percent).replace('{m}', l.minimum).replace('{n}', l.minimumFromDwellings)
    .replace('{c}', l.countPerStreet).replace('{k}', l.countsFromDwellings);
}

/** A street's status in words: below the published-counts size only full or not (the server sends no counts). */
function statusText(p) {
  if (p.status === 'available' && p.countsPublished === false) return t('notFull');
  return withLimits(t('statuses')[p.status] || p.status);
}

/** Which rule gave the maximum, in words (issue 16), marked indicative when the council has not adopted it. */
function limitText(p) {
  if (p.limit == null) return t('noLimit');
  const by = p.limitBy ? withLimits(t('limitBy')[p.limitBy] || '') : '';
  return p.limit + (by ? ' (' + by + (p.indicative ? '; ' + t('indicative') : '') + ')' : '');
}

function numbersText(p) {
  return streetName(p) + ': ' + t('dwellings') + ' ' + p.dwellings + ', ' + t('limit') + ' '
    + limitText(p) + ', ' + t('left') + ' ' + (p.left == null ? '-' : p.left) + ' (' + statusText(p) + ')';
}

function renderAnswer() {
  const a = state.answer;
  const out = $('answer');
  out.innerHTML = '';
  if (a) {
    const head = document.createElement('p');
    head.id = 'answer-status';
    head.className = 'verdict ' + (a.status === 'pass' ? 'allowed' : a.status === 'fail' ? 'not_allowed' : 'conditional');
    head.dataset.status = a.status;
    head.textContent = a.address + ': ' + (a.street.properties.status === 'not_applicable'
      ? withLimits(t('statuses').not_applicable) : t('answers')[a.status]);
    const numbers = document.createElement('p');
    numbers.id = 'answer-street';
    numbers.textContent = numbersText(a.street.properties);
    const msg = document.createElement('p');
    msg.textContent = ui.pick(a.message) + ' (' + a.policyRef + ')';
    msg.lang = ui.pickLang(a.message);
    out.append(head, numbers);
    const note = ui.messagesNote([a.message]);
    if (note) out.append(note);
    out.append(msg);
    return;
  }
  const f = state.selected && streetFeature(state.selected);
  if (f) {
    const numbers = document.createElement('p');
    numbers.id = 'answer-street';
    const st = f.properties.status;
    numbers.className = 'verdict ' + (st === 'available' ? 'allowed' : st === 'full' || st === 'not_applicable' ? 'not_allowed' : 'conditional');
    numbers.textContent = numbersText(f.properties);
    out.append(numbers);
  }
}

function renderStreets() {
  const fc = state.streets;
  if (!fc) return;
  const body = $('streets').tBodies[0];
  body.innerHTML = '';
  for (const f of fc.features) {
    const p = f.properties;
    const tr = body.insertRow();
    tr.dataset.street = f.id;
    tr.insertCell().textContent = streetName(p);
    tr.insertCell().textContent = p.dwellings;
    // short on a phone: the reason only where the share itself does not give the maximum; "indicative" is in the legend
    tr.insertCell().textContent = p.limit == null ? t('noLimit')
      : p.limit + (p.limitBy && p.limitBy !== 'share' ? ' (' + withLimits(t('limitBy')[p.limitBy]) + ')' : '');
    const left = tr.insertCell();
    left.textContent = p.status === 'not_applicable' ? t('notPossible') : (p.left == null ? '-' : p.left) + ' ' + statusText(p);
  }
  const first = fc.features[0];
  $('data-date').textContent = first ? t('dataDate') + ' ' + first.properties.dataDate : '';
  $('legend').innerHTML = '';
  for (const [status, colour] of Object.entries(COLOURS)) {
    const li = document.createElement('li');
    li.dataset.status = status;
    const swatch = document.createElement('span');
    swatch.className = 'swatch';
    swatch.style.background = colour;
    li.append(swatch, document.createTextNode(withLimits(t('statuses')[status])));
    $('legend').appendChild(li);
  }
  // the rule behind the maximum in words, and whether the council has adopted it
  const l = fc.limits || {};
  const rule = document.createElement('li');
  rule.id = 'legend-rule';
  rule.className = 'legend-note';
  rule.textContent = withLimits(l.percent != null ? t('legendShare') : l.countPerStreet != null ? t('legendCount') : t('noLimit'))
    + (l.indicative ? ' (' + t('indicative') + ')' : '');
  $('legend').appendChild(rule);
  if (l.countsFromDwellings) {
    const counts = document.createElement('li');
    counts.id = 'legend-counts';
    counts.className = 'legend-note';
    counts.textContent = withLimits(t('legendCounts'));
    $('legend').appendChild(counts);
  }
}

// ---- report a wrong entry ----

function renderReportStreets() {
  const fc = state.streets;
  if (!fc) return;
  const list = $('report-street');
  const chosen = list.value || state.selected || '';
  list.innerHTML = '';
  const none = document.createElement('option');
  none.value = '';
  none.textContent = t('reportChooseStreet');
  list.appendChild(none);
  const sorted = [...fc.features].sort((a, b) => streetName(a.properties).localeCompare(streetName(b.properties), 'nl'));
  for (const f of sorted) {
    const option = document.createElement('option');
    option.value = f.id;
    option.textContent = streetName(f.properties);
    list.appendChild(option);
  }
  list.value = chosen;
}

$('report-street').addEventListener('change', () => {
  const id = $('report-street').value;
  if (id && id !== state.selected) $('address').value = ''; // the address searched before is not on this street
  if (id) { state.answer = null; select(id); showStreet(id); }
});

/** The map on a street found by address or chosen in the list: otherwise it may lie outside the view (a phone). */
function showStreet(id) {
  const f = streetSource.getFeatureById(id);
  if (!f) return;
  const view = map.getView(), extent = f.getGeometry().getExtent();
  // no closer than Web Mercator's zoom 17, in either projection
  view.fit(extent, { padding: [40, 40, 40, 40], minResolution: Plek.resolutionForZoom(view, 17, ol.extent.getCenter(extent)) });
}

$('report-form').addEventListener('submit', e => {
  e.preventDefault();
  const body = { streetId: $('report-street').value, message: $('report-message').value.trim() };
  if (!body.streetId) { reportOutcome({ kind: 'error', key: 'reportNoStreet' }); $('report-street').focus(); return; }
  $('report-submit').disabled = true;
  getJson('/api/v1/room-rental/reports', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })
    .then(r => { $('report-message').value = ''; reportOutcome({ kind: 'ok', reference: r.reference }); })
    .catch(err => reportOutcome({ kind: 'error', err }))
    .finally(() => { $('report-submit').disabled = false; });
});

/** Kept as data, not text, so a language switch rewrites the message too. */
function reportOutcome(outcome) {
  state.report = outcome;
  renderReport();
}

function renderReport() {
  const out = $('report-result');
  out.innerHTML = '';
  const o = state.report;
  if (!o) return;
  const p = document.createElement('p');
  p.id = 'report-message-out';
  p.className = o.kind === 'ok' ? 'success' : 'error';
  p.dataset.outcome = o.kind === 'ok' ? 'received' : o.err ? (o.err.network ? 'network' : String(o.err.status)) : o.key;
  p.textContent = o.kind === 'ok' ? t('reportReceived').replace('{reference}', o.reference) : reportErrorText(o);
  out.appendChild(p);
}

function reportErrorText(o) {
  if (o.key) return t(o.key);
  const err = o.err;
  if (err.network) return t('reportFailed') + ': ' + t('networkFailed');
  const field = err.problem && err.problem.field;
  if (err.status === 429) {
    const seconds = err.problem && err.problem.retryAfter;
    return t('reportTooMany').replace('{minutes}', seconds ? Math.max(1, Math.ceil(seconds / 60)) : 60);
  }
  if (err.status === 400 && field === 'message') return t('reportBadMessage');
  if (err.status === 400 && field === 'streetId') return t('reportNoStreet');
  return t('reportFailed') + ': ' + err.message;
}

/** The failed request (or null), kept as data so a language switch rewrites the message. */
function showError(err) { state.error = err; renderError(); }
function renderError() {
  $('error').textContent = state.error ? Plek.errorText(ui, 'failed', state.error) : '';
  $('error').hidden = !state.error;
}

// common.js applies the texts; the parts drawn here follow the language
ui.onChange(() => { renderStreets(); renderAnswer(); renderReportStreets(); renderReport(); renderError(); });
