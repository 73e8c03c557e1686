// The public room-rental page: streets coloured by room left (GET /api/v1/room-rental/streets) and "can my
// address still be room-rented?" (GET /api/v1/room-rental/check). Counts only, never addresses (AVG).
'use strict';

// All UI texts, one object per language.
const TEXTS = {
  nl: {
    title: 'Kamerverhuur per straat', language: 'Taal',
    fictitious: 'Let op: dit zijn fictieve gegevens (demo), geen echte plaats.',
    searchHeading: 'Kan mijn adres nog verkamerd worden?', addressLabel: 'Adres (straat en huisnummer, plaats)',
    submit: 'Zoeken', streetsHeading: 'Straten', street: 'Straat', dwellings: 'Woningen', limit: 'Maximum', left: 'Nog vrij',
    statuses: { available: 'Ruimte', almost_full: 'Bijna vol', full: 'Vol' },
    answers: { pass: 'Ja, hier past nog een vergunning.', conditional: 'Misschien: lopende aanvragen kunnen de straat vullen.', fail: 'Nee, de straat is vol.', unknown: 'Onbekend.' },
    dataDate: 'Stand van', noLimit: 'geen',
    disclaimer: 'Deze kaart geeft een indicatie; alleen de vergunning zelf is beslissend. Klopt er iets niet? Meld het bij de gemeente.',
    failed: 'Het opvragen is mislukt', mapLabel: 'Kaart van de straten'
  },
  en: {
    title: 'Room rental per street', language: 'Language',
    fictitious: 'Note: this is fictitious data (demo), no real place.',
    searchHeading: 'Can my address still be room-rented?', addressLabel: 'Address (street and number, town)',
    submit: 'Search', streetsHeading: 'Streets', street: 'Street', dwellings: 'Dwellings', limit: 'Maximum', left: 'Left',
    statuses: { available: 'Room left', almost_full: 'Almost full', full: 'Full' },
    answers: { pass: 'Yes, a permit still fits here.', conditional: 'Perhaps: pending applications may fill the street.', fail: 'No, the street is full.', unknown: 'Unknown.' },
    dataDate: 'As of', noLimit: 'none',
    disclaimer: 'This map is an indication; only the permit itself decides. Something wrong? Report it to the municipality.',
    failed: 'The request failed', mapLabel: 'Map of the streets'
  }
};
const COLOURS = { available: '#1b7d2c', almost_full: '#e0a000', full: '#b00020' };
const state = { lang: 'nl', streets: null, answer: null };
const $ = id => document.getElementById(id);
const t = key => TEXTS[state.lang][key];
const geojson = new ol.format.GeoJSON({ dataProjection: 'EPSG:4326', featureProjection: 'EPSG:3857' });

const streetSource = new ol.source.Vector();
const map = new ol.Map({
  target: 'map',
  layers: [new ol.layer.Vector({ source: streetSource, style: f => new ol.style.Style({
    stroke: new ol.style.Stroke({ color: COLOURS[f.get('status')] || '#666', width: f.get('selected') ? 8 : 5 }) }) })],
  view: new ol.View({ center: ol.proj.fromLonLat([5.3, 52.2]), zoom: 8 }),
  keyboardEventTarget: $('map')
});

async function getJson(url) {
  const r = await fetch(url);
  const text = await r.text();
  let json = null;
  try { json = JSON.parse(text); } catch (ignored) { /* not JSON: the status below */ }
  if (!r.ok) throw new Error((json && (json.detail || json.title)) || ('HTTP ' + r.status));
  return json;
}

getJson('/api/v1/room-rental/streets').then(fc => {
  state.streets = fc;
  streetSource.addFeatures(geojson.readFeatures(fc));
  if (streetSource.getFeatures().length) map.getView().fit(streetSource.getExtent(), { padding: [20, 20, 20, 20] });
  if (fc.dataset && fc.dataset.fictitious) $('fictitious').hidden = false;
  renderStreets();
}).catch(err => showError(err.message));

// the streets answer carries no dataset block; the layer overview says whether the data is fictitious
getJson('/api/v1/layers').then(b => { if (b.dataset && b.dataset.fictitious) $('fictitious').hidden = false; }).catch(() => {});

$('search').addEventListener('submit', e => {
  e.preventDefault();
  $('error').hidden = true;
  getJson('/api/v1/room-rental/check?address=' + encodeURIComponent($('address').value.trim()))
    .then(a => {
      state.answer = a;
      streetSource.getFeatures().forEach(f => f.set('selected', f.getId() === a.street.id));
      renderAnswer();
    })
    .catch(err => { state.answer = null; $('answer').innerHTML = ''; showError(err.message); });
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
  msg.textContent = a.message[state.lang] + ' (' + a.policyRef + ')';
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

function showError(text) { $('error').textContent = t('failed') + ': ' + text; $('error').hidden = false; }

function applyTexts() {
  document.documentElement.lang = state.lang;
  document.querySelectorAll('[data-i18n]').forEach(el => { el.textContent = t(el.dataset.i18n); });
  document.querySelectorAll('[data-i18n-label]').forEach(el => el.setAttribute('aria-label', t(el.dataset.i18nLabel)));
  document.title = t('title');
  renderStreets();
  renderAnswer();
}
$('lang').addEventListener('change', () => { state.lang = $('lang').value; applyTexts(); });
applyTexts();
