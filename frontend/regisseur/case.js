// One intake case in the editor: the meeting (date, owner), per discipline whether it was present and its advice,
// the outcome and procedure, the documents with their status and date, notes; saved with PATCH and the case's
// version. A save on a stale version (409: someone else changed the case) is said in words with a reload button;
// the editor keeps what was typed until then. Below, the case's own deadlines (GET /api/v1/deadlines?all=true).
import { get, setState, subscribe } from './state.js';
import { t, word, day, ui, failure } from './texts.js';
import { call } from './api.js';
import { failed } from './main.js';
import { loadCases, initiativeLabel } from './cases.js';
import { loadDeadlines } from './deadlines.js';

const $ = id => document.getElementById(id);
const DISCIPLINES = ['spatial_planning', 'environment', 'permits_enforcement', 'fire_brigade', 'police', 'village_council', 'regisseur'];
const ADVICE = ['', 'positive', 'with_conditions', 'negative'];
const OUTCOMES = ['', 'to_procedure', 'adjust', 'stop'];
const PROCEDURES = ['', 'regular', 'extended'];
const STATUSES = ['missing', 'received', 'approved'];
// the case's own deadlines (every open one, not only the next 30 days)
let caseDeadlines = [];

export function startCase() {
  subscribe(['openCase'], s => { if (s.openCase) fill(s.openCase); });
  subscribe(['openCase', 'lang'], s => {
    $('case').hidden = !s.openCase;
    if (!s.openCase) return;
    $('case-heading').textContent = t('caseHeading').replace('{n}', s.openCase.id);
    const i = s.openCase.initiative;
    $('case-initiative').textContent = initiativeLabel(i && { id: s.openCase.initiativeId, ...i })
      + (i ? ' · ' + t('initiativeStatus') + ': ' + word('statuses', i.status) : '');
    labels();
    renderDeadlines();
  });
  subscribe(['caseError', 'stale', 'caseSaved', 'lang'], s => {
    $('case-error').hidden = !s.caseError;
    $('case-error').textContent = s.caseError ? s.caseError() : '';
    $('case-reload').hidden = !s.stale;
    $('case-saved').textContent = s.caseSaved ? s.caseSaved() : '';
  });
  $('case-form').addEventListener('submit', e => { e.preventDefault(); save(); });
  $('case-close').addEventListener('click', () => setState({ openCase: null, caseError: null, stale: false, caseSaved: null }));
  $('case-reload').addEventListener('click', () => openCase(get().openCase.id));
}

/** Opens case id in the editor (fresh from the server: its latest version). */
export function openCase(id) {
  return Promise.all([call('GET', '/api/v1/intake-cases/' + id), call('GET', '/api/v1/deadlines?all=true')]).then(([c, d]) => {
    caseDeadlines = (d.deadlines || []).filter(x => x.subject === 'initiative' && x.subjectId === c.initiativeId);
    setState({ openCase: c, caseError: null, stale: false, caseSaved: null });
    $('case-heading').focus();
  }).catch(failed);
}

function options(select, values, table, empty) {
  const had = select.value;
  select.replaceChildren(...values.map(v => new Option(v ? word(table, v) : t(empty), v)));
  select.value = had;
}

/** The words of the form's choices in the page's language (the values stay). */
function labels() {
  options($('case-outcome'), OUTCOMES, 'outcomes', 'noOutcome');
  options($('case-procedure'), PROCEDURES, 'procedures', 'noProcedure');
  for (const d of DISCIPLINES) {
    $('present-' + d).nextElementSibling.textContent = word('disciplines', d);
    $('advice-' + d + '-label').textContent = t('adviceOf').replace('{discipline}', word('disciplines', d));
    $('advice-text-' + d + '-label').textContent = t('adviceText').replace('{discipline}', word('disciplines', d));
    options($('advice-' + d), ADVICE, 'advice', 'noAdvice');
  }
  for (const row of $('case-documents').tBodies[0].rows) {
    const doc = get().openCase.documents.find(x => x.id === row.dataset.document);
    row.cells[0].firstChild.textContent = doc && doc.name ? ui.pick(doc.name) : row.dataset.document;
    row.cells[0].lastChild.textContent = doc && doc.paragraph ? ' (' + doc.paragraph + (doc.adopted === false ? ', ' + t('notAdopted') : '') + ')' : '';
    options(row.cells[1].firstChild, STATUSES, 'documentStatuses');
  }
}

function element(tag, props) { return Object.assign(document.createElement(tag), props || {}); }

/** The form from the case (on open and after a save). */
function fill(c) {
  $('case-meeting').value = c.meetingOn || '';
  $('case-owner').value = c.caseOwner || '';
  $('case-notes').value = c.notes || '';
  const advice = $('case-advice');
  advice.replaceChildren();
  for (const d of DISCIPLINES) {
    const given = (c.advice || []).find(a => a.discipline === d);
    const row = element('div', { className: 'advice-row' });
    row.dataset.discipline = d;
    const present = element('label', { className: 'inline' });
    present.append(element('input', { type: 'checkbox', id: 'present-' + d, checked: (c.disciplines || []).includes(d) }), element('span'));
    const kind = element('select', { id: 'advice-' + d });
    const text = element('input', { type: 'text', id: 'advice-text-' + d, autocomplete: 'off', value: given ? given.text || '' : '' });
    row.append(present, element('label', { htmlFor: kind.id, id: kind.id + '-label' }), kind,
      element('label', { htmlFor: text.id, id: 'advice-text-' + d + '-label' }), text);
    advice.append(row);
  }
  const body = $('case-documents').tBodies[0];
  body.replaceChildren();
  for (const doc of c.documents || []) {
    if (doc.applies === false && doc.status === 'missing') continue;
    const tr = body.insertRow();
    tr.dataset.document = doc.id;
    const name = tr.insertCell();
    name.append(element('span', { id: 'doc-' + doc.id + '-name' }), element('span', { className: 'hint' }));
    const status = element('select', { id: 'doc-' + doc.id + '-status' });
    status.setAttribute('aria-labelledby', 'doc-' + doc.id + '-name');
    tr.insertCell().append(status);
    const date = element('input', { type: 'date', id: 'doc-' + doc.id + '-date', value: doc.date || '' });
    date.setAttribute('aria-label', t('colDate'));
    tr.insertCell().append(date);
  }
  labels();
  for (const d of DISCIPLINES) {
    const given = (c.advice || []).find(a => a.discipline === d);
    $('advice-' + d).value = given ? given.advice : '';
  }
  for (const doc of c.documents || []) {
    const select = $('doc-' + doc.id + '-status');
    if (select) select.value = doc.status;
  }
  $('case-outcome').value = c.outcome || '';
  $('case-procedure').value = c.procedure || '';
}

function renderDeadlines() {
  const list = $('case-deadlines');
  list.replaceChildren(...caseDeadlines.map(d => {
    const li = element('li', { className: d.overdue ? 'overdue' : '' });
    li.textContent = day(d.due) + ': ' + d.title + (d.overdue ? ' (' + t('overdue') + ')' : '') + ' ' + (d.policyRef || '');
    return li;
  }));
  if (!caseDeadlines.length) list.append(element('li', { textContent: t('noDeadlines') }));
}

/** The PATCH body from the form, with the version the editor was opened at. */
function patch() {
  const c = get().openCase;
  const today = new Date().toISOString().slice(0, 10);
  const disciplines = DISCIPLINES.filter(d => $('present-' + d).checked);
  const advice = disciplines.filter(d => $('advice-' + d).value)
    .map(d => ({ discipline: d, advice: $('advice-' + d).value, text: $('advice-text-' + d).value.trim() || null }));
  const documents = [...$('case-documents').tBodies[0].rows].map(row => {
    const id = row.dataset.document;
    const status = $('doc-' + id + '-status').value;
    const date = $('doc-' + id + '-date').value || (status === 'missing' ? null : today);
    return { id, status, date };
  });
  const body = { version: c.version, caseOwner: $('case-owner').value.trim() || c.caseOwner, disciplines, advice, documents,
    notes: $('case-notes').value.trim() || null };
  body.meetingOn = $('case-meeting').value || null;
  body.outcome = $('case-outcome').value || null;
  body.procedure = $('case-procedure').value || null;
  return body;
}

function save() {
  const c = get().openCase;
  setState({ caseError: null, caseSaved: null });
  call('PATCH', '/api/v1/intake-cases/' + c.id, patch()).then(saved => {
    setState({ openCase: saved, stale: false, caseSaved: () => t('saved').replace('{version}', saved.version) });
    loadCases();
    loadDeadlines();
  }).catch(err => {
    if (err.status === 409) setState({ caseError: () => t('stale'), stale: true });
    else if (err.status === 401 || err.status === 403) failed(err);
    else setState({ caseError: failure(err) });
  });
}
