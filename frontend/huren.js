// The public room-rental page: streets coloured by room left (GET /api/v1/room-rental/streets) and "can my
// address still be room-rented?" (GET /api/v1/room-rental/check). Counts only, never addresses (AVG).
'use strict';

const COLOURS = { available: '#1b7d2c', almost_full: '#e0a000', full: '#b00020' };
const ui = Plek.i18n('rental');
const t = key => ui.t(key);
const state = { streets: null, answer: null };
const $ = id => document.getElementById(id);
const geojson = Plek.geojson;

const streetSource = new ol.source.Vector();
const map = new ol.Map({
  target: 'map',
  layers: [new ol.layer.Vector({ source: streetSource, style: f => new ol.style.Style({
    stroke: new ol.style.Stroke({ color: COLOURS[f.get('status')] || '#666', width: f.get('selected') ? 8 : 5 }) }) })],
  view: new ol.View({ center: ol.proj.fromLonLat([5.3, 52.2]), zoom: 8 }),
  keyboardEventTarget: $('map')
});

const getJson = Plek.getJson;

getJson('/api/v1/room-rental/streets').then(fc => {
  state.streets = fc;
  streetSource.addFeatures(geojson.readFeatures(fc));
  if (streetSource.getFeatures().length) map.getView().fit(streetSource.getExtent(), { padding: [20, 20, 20, 20] });
  Plek.noteDataset(fc);
  renderStreets();
}).catch(showError);

// the streets answer carries no dataset block; the layer overview says whether the data is fictitious
Plek.layerOverview().then(Plek.noteDataset).catch(() => {});

$('search').addEventListener('submit', e => {
  e.preventDefault();
  $('error').hidden = true;
  getJson('/api/v1/room-rental/check?address=' + encodeURIComponent($('address').value.trim()))
    .then(a => {
      state.answer = a;
      streetSource.getFeatures().forEach(f => f.set('selected', f.getId() === a.street.id));
      renderAnswer();
    })
    .catch(err => { state.answer = null; $('answer').innerHTML = ''; showError(err); });
});

function streetName(p) { return p.name + (p.segment ? ' (' + p.segment + ')' : '') + ', ' + p.town; }

function renderAnswer() {
  const a = state.answer;
  const out = $('answer');
  out.innerHTML = '';
  if (!a) return;
  const p = a.street.properties;
  const head = document.createElement('p');
  head.id = 'answer-status';
  head.className = 'verdict ' + (a.status === 'pass' ? 'allowed' : a.status === 'fail' ? 'not_allowed' : 'conditional');
  head.dataset.status = a.status;
  head.textContent = a.address + ': ' + t('answers')[a.status];
  const numbers = document.createElement('p');
  numbers.id = 'answer-street';
  numbers.textContent = streetName(p) + ': ' + t('dwellings') + ' ' + p.dwellings + ', ' + t('limit') + ' '
    + (p.limit == null ? t('noLimit') : p.limit) + ', ' + t('left') + ' ' + (p.left == null ? '-' : p.left)
    + ' (' + (t('statuses')[p.status] || p.status) + ')';
  const msg = document.createElement('p');
  msg.textContent = (a.message[ui.lang] || a.message.nl) + ' (' + a.policyRef + ')';
  out.append(head, numbers, msg);
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
    tr.insertCell().textContent = p.limit == null ? t('noLimit') : p.limit;
    const left = tr.insertCell();
    left.textContent = (p.left == null ? '-' : p.left) + ' ' + (t('statuses')[p.status] || p.status);
  }
  const first = fc.features[0];
  $('data-date').textContent = first ? t('dataDate') + ' ' + first.properties.dataDate : '';
  $('legend').innerHTML = '';
  for (const [status, colour] of Object.entries(COLOURS)) {
    const li = document.createElement('li');
    const swatch = document.createElement('span');
    swatch.className = 'swatch';
    swatch.style.background = colour;
    li.append(swatch, document.createTextNode(t('statuses')[status]));
    $('legend').appendChild(li);
  }
}

function showError(err) { $('error').textContent = Plek.errorText(ui, 'failed', err); $('error').hidden = false; }

// common.js applies the texts; the parts drawn here follow the language
ui.onChange(() => { renderStreets(); renderAnswer(); });
