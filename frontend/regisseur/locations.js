// The housing locations in use (GET /api/v1/locations) as a list of buttons and as dots on the map (map.js); the one
// chosen (in the list, or by a click on its dot) shows its facts and its signals, the public form's among them.
import { get, setState, subscribe } from './state.js';
import { t, word, day } from './texts.js';
import { call } from './api.js';
import { failed } from './main.js';

const $ = id => document.getElementById(id);

export function startLocations() {
  subscribe(['locations', 'selectedLocation', 'lang'], render);
}

export function loadLocations() {
  return call('GET', '/api/v1/locations').then(body => setState({ locations: body.locations || [] })).catch(failed);
}

function render(s) {
  const list = $('locations');
  list.replaceChildren();
  for (const l of s.locations || []) {
    const open = (l.signals || []).filter(x => x.status === 'open').length;
    const b = Object.assign(document.createElement('button'), { type: 'button', className: 'link' });
    b.textContent = (l.name || '#' + l.id) + (l.village ? ', ' + l.village : '') + ' · ' + t('openSignals').replace('{n}', open);
    b.dataset.location = l.id;
    b.setAttribute('aria-pressed', String(l.id === s.selectedLocation));
    b.addEventListener('click', () => setState({ selectedLocation: l.id }));
    const li = document.createElement('li');
    li.append(b);
    list.append(li);
  }
  $('locations-none').hidden = !s.locations || s.locations.length > 0;
  const l = (s.locations || []).find(x => x.id === s.selectedLocation);
  $('location').hidden = !l;
  if (!l) return;
  $('location-heading').textContent = l.name || '#' + l.id;
  $('location-facts').textContent = [l.village, l.provider, word('forms', l.form), l.capacity != null ? l.capacity + ' ' + t('persons') : null,
    l.existing ? t('existing') : null].filter(Boolean).join(' · ');
  const body = $('signals').tBodies[0];
  body.replaceChildren();
  for (const x of l.signals || []) {
    const tr = body.insertRow();
    tr.dataset.signal = x.id;
    tr.insertCell().textContent = day(x.receivedOn);
    tr.insertCell().textContent = word('categories', x.category);
    tr.insertCell().textContent = word('sources', x.source) + (x.viaPublicForm ? ' (' + t('viaPublicForm') + ')' : '');
    tr.insertCell().textContent = x.description || '';
    tr.insertCell().textContent = word('signalStatuses', x.status) + (x.followUp ? ': ' + x.followUp : '');
  }
  $('signals-none').hidden = (l.signals || []).length > 0;
}
