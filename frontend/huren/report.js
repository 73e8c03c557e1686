// "Report a wrong entry" (POST /api/v1/room-rental/reports): a street from the list (kept in step with the street
// chosen elsewhere) and a message; the outcome is kept as data, so a language switch rewrites it.
import { getJson } from '../common/api.js';
import { get, setState, subscribe } from './state.js';
import { t, streetName } from './words.js';
import { showStreet } from './map.js';

const $ = id => document.getElementById(id);

export function startReport() {
  $('report-street').addEventListener('change', () => {
    const id = $('report-street').value;
    if (id && id !== get().selected) $('address').value = ''; // the address searched before is not on this street
    if (id) { setState({ answer: null, selected: id }); showStreet(id); }
  });
  $('report-form').addEventListener('submit', e => {
    e.preventDefault();
    const body = { streetId: $('report-street').value, message: $('report-message').value.trim() };
    if (!body.streetId) { setState({ report: { kind: 'error', key: 'reportNoStreet' } }); $('report-street').focus(); return; }
    $('report-submit').disabled = true;
    getJson('/api/v1/room-rental/reports', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })
      .then(r => { $('report-message').value = ''; setState({ report: { kind: 'ok', reference: r.reference } }); })
      .catch(err => setState({ report: { kind: 'error', err } }))
      .finally(() => { $('report-submit').disabled = false; });
  });
  subscribe(['streets', 'lang'], renderReportStreets);
  subscribe(['selected'], followSelection);
  subscribe(['report', 'lang'], renderReport);
}

/** The list follows the street chosen on the map or by address (none: no street). */
function followSelection(s) {
  const list = $('report-street');
  if (s.selected == null) list.value = '';
  else if (list.querySelector('option[value="' + CSS.escape(s.selected) + '"]')) list.value = s.selected;
}

function renderReportStreets(s) {
  const fc = s.streets;
  if (!fc) return;
  const list = $('report-street');
  const chosen = list.value || s.selected || '';
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

function renderReport(s) {
  const out = $('report-result');
  out.innerHTML = '';
  const o = s.report;
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
