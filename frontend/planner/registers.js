// Behind the planner token: the register of initiatives (GET /api/v1/initiatives) and the room-rental permits per
// street (GET /api/v1/room-rental/permits), as tables and on the map; a row zooms to its site or street. The token
// lives in the state and in sessionStorage (this tab) and nowhere else; a lost session logs out with the reason.
import ol from '../common/ol.js';
import { getJson } from '../common/api.js';
import { readFeatures } from '../common/map.js';
import { get, setState, subscribe, message } from './state.js';
import { t, failure } from './texts.js';
import { initiativeSource, permitSource, overviewSource, zoomTo, readGeometry, projection, crsParam, dataCode } from './map.js';

const $ = id => document.getElementById(id);
export const TOKEN_KEY = 'plektoets.plannerToken';

/** The planner's request headers. */
export function auth() { return { headers: { Authorization: 'Bearer ' + get().token } }; }

export function startRegisters() {
  $('login').addEventListener('submit', e => {
    e.preventDefault();
    const token = $('token').value.trim();
    if (!token) { message('login-error', () => t('tokenMissing')); return; }
    login(token);
  });
  $('logout').addEventListener('click', logout);
  subscribe(['token'], s => {
    $('login').hidden = !!s.token;
    $('logged-in').hidden = !s.token;
    $('planner-only').hidden = !s.token;
    if (!s.token) { initiativeSource.clear(); permitSource.clear(); overviewSource.clear(); }
  });
  subscribe(['initiatives'], drawInitiatives);
  subscribe(['initiatives', 'lang'], renderInitiatives);
  subscribe(['permits', 'lang'], renderPermits);
}

/** Logs in with token: the initiatives list is the check (401 unknown token, 403 not a planner). */
export function login(token) {
  message('login-error', null);
  return getJson('/api/v1/initiatives', { headers: { Authorization: 'Bearer ' + token } }).then(body => {
    sessionStorage.setItem(TOKEN_KEY, token);
    $('token').value = '';
    // the login button goes away with its form: the focus goes on to the logout button instead of the page's start
    const hadFocus = $('login').contains(document.activeElement);
    setState({ token, initiatives: body });
    if (hadFocus) $('logout').focus();
    loadPermits();
  }).catch(err => {
    sessionStorage.removeItem(TOKEN_KEY);
    setState({ token: null });
    message('login-error', err.status === 401 ? () => t('unauthorized') : err.status === 403 ? () => t('forbidden') : failure(err));
  });
}

function logout() {
  sessionStorage.removeItem(TOKEN_KEY);
  setState({ token: null, initiatives: null, permits: null, overview: null });
  $('token').focus();
}

/** A failed planner request: a lost session (401/403) logs out with the reason; anything else is shown. */
export function plannerFailed(err) {
  if (err.status === 401 || err.status === 403) {
    logout();
    message('login-error', err.status === 401 ? () => t('unauthorized') : () => t('forbidden'));
  } else {
    message('planner-error', failure(err));
  }
}

function drawInitiatives(s) {
  initiativeSource.clear();
  for (const i of s.initiatives ? s.initiatives.initiatives : []) {
    if (!i.site) continue;
    const f = new ol.Feature(readGeometry(i.site));
    f.setId('initiative-' + i.id);
    initiativeSource.addFeature(f);
  }
}

function renderInitiatives(s) {
  const body = $('initiatives').tBodies[0];
  body.innerHTML = '';
  const items = s.initiatives ? s.initiatives.initiatives : [];
  $('initiatives-none').hidden = !s.initiatives || items.length > 0;
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
    nextStepCell(tr.insertCell(), i);
    tr.addEventListener('click', e => { if (!e.target.closest('button, select')) zoomTo(initiativeSource.getFeatureById('initiative-' + i.id)); });
  }
}

/**
 * The row's "next step": a select of the statuses the server allows next (the initiative's nextStatuses, from
 * InitiativeStatus.next), the permit type when it goes to permit_applied (permanent only for room rental, §5.1.2),
 * and a button that PATCHes it with the row's version; then the list is reloaded.
 */
function nextStepCell(cell, i) {
  const next = i.nextStatuses || [];
  if (!next.length) return;
  const statuses = t('initiativeStatuses') || {};
  const status = document.createElement('select');
  status.id = 'next-status-' + i.id;
  status.setAttribute('aria-label', t('nextStepFor') + ' #' + i.id);
  for (const n of next) status.add(new Option(statuses[n] || n, n));
  const type = document.createElement('select');
  type.id = 'next-permit-type-' + i.id;
  type.setAttribute('aria-label', t('permitTypeFor') + ' #' + i.id);
  for (const p of i.form === 'room_rental' ? ['temporary', 'permanent'] : ['temporary']) {
    type.add(new Option((t('permitTypes') || {})[p] || p, p));
  }
  const showType = () => { type.hidden = status.value !== 'permit_applied'; };
  status.addEventListener('change', showType);
  showType();
  const go = document.createElement('button');
  go.type = 'button';
  go.textContent = t('nextStepGo');
  go.setAttribute('aria-label', t('nextStepGo') + ' #' + i.id);
  go.addEventListener('click', () => {
    const body = { version: i.version, status: status.value };
    if (status.value === 'permit_applied') body.permitType = type.value;
    go.disabled = true;
    getJson('/api/v1/initiatives/' + i.id, {
      method: 'PATCH',
      headers: { ...auth().headers, 'Content-Type': 'application/json' },
      body: JSON.stringify(body)
    }).then(() => {
      message('planner-error', null);
      return reloadInitiatives();
    }).catch(err => {
      if (err.status === 409) {
        message('planner-error', () => t('nextStepConflict'));
        return reloadInitiatives();
      }
      if (err.status === 422) {
        message('planner-error', () => t('nextStepRefused') + ': ' + err.message);
        return reloadInitiatives();
      }
      go.disabled = false;
      plannerFailed(err);
    });
  });
  cell.append(status, ' ', type, ' ', go);
}

function reloadInitiatives() {
  return getJson('/api/v1/initiatives', auth()).then(body => setState({ initiatives: body })).catch(plannerFailed);
}

function loadPermits() {
  const code = dataCode();
  return getJson('/api/v1/room-rental/permits?' + crsParam().slice(1), auth()).then(fc => {
    permitSource.clear();
    for (const f of readFeatures(fc, projection(), code)) {
      f.setId('street-' + f.getId());
      permitSource.addFeature(f);
      for (const p of f.get('permits') || []) {
        if (p.location) permitSource.addFeature(new ol.Feature(readGeometry(p.location, code)));
      }
    }
    setState({ permits: fc });
  }).catch(plannerFailed);
}

function renderPermits(s) {
  const body = $('permits').tBodies[0];
  body.innerHTML = '';
  const fc = s.permits;
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
