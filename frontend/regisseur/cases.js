// The intake agenda: every case with its initiative, meeting date, owner and outcome (a row opens the case), and
// opening a new case for an initiative that has none (POST /api/v1/intake-cases).
import { get, setState, subscribe } from './state.js';
import { t, word, day } from './texts.js';
import { call } from './api.js';
import { failed } from './main.js';
import { openCase } from './case.js';

const $ = id => document.getElementById(id);

export function startCases() {
  subscribe(['cases', 'initiatives', 'lang'], render);
  $('new-case').addEventListener('submit', e => {
    e.preventDefault();
    const id = Number($('new-case-initiative').value);
    if (!id) return;
    call('POST', '/api/v1/intake-cases', { initiativeId: id }).then(c => {
      loadCases();
      openCase(c.id);
    }).catch(failed);
  });
}

export function loadCases() {
  return Promise.all([call('GET', '/api/v1/intake-cases'), call('GET', '/api/v1/initiatives')]).then(([cases, initiatives]) => {
    setState({ cases: cases.intakeCases || [], initiatives: initiatives.initiatives || [] });
  }).catch(failed);
}

/** An initiative in a few words: its number, form and persons. */
export function initiativeLabel(i) {
  if (!i) return '';
  return '#' + i.id + ' ' + word('forms', i.form) + ', ' + i.persons + ' ' + t('persons') + (i.initiator ? ' (' + i.initiator + ')' : '');
}

function render(s) {
  const body = $('agenda').tBodies[0];
  body.replaceChildren();
  const cases = [...(s.cases || [])].sort((a, b) => (a.meetingOn || '9999').localeCompare(b.meetingOn || '9999'));
  const byId = new Map((s.initiatives || []).map(i => [i.id, i]));
  for (const c of cases) {
    const tr = body.insertRow();
    tr.dataset.case = c.id;
    const open = document.createElement('button');
    open.type = 'button';
    open.className = 'link';
    open.textContent = initiativeLabel({ id: c.initiativeId, ...(byId.get(c.initiativeId) || c.initiative || {}) });
    open.addEventListener('click', () => openCase(c.id));
    tr.insertCell().append(open);
    tr.insertCell().textContent = c.meetingOn ? day(c.meetingOn) : t('noMeeting');
    tr.insertCell().textContent = c.caseOwner || '';
    tr.insertCell().textContent = c.outcome ? word('outcomes', c.outcome) : t('noOutcome');
  }
  $('agenda-none').hidden = cases.length > 0;
  // the initiatives without a case, for a new one
  const select = $('new-case-initiative');
  const had = select.value;
  const taken = new Set(cases.map(c => c.initiativeId));
  select.replaceChildren();
  const free = (s.initiatives || []).filter(i => !taken.has(i.id));
  for (const i of free) select.add(new Option(initiativeLabel(i), i.id));
  if (free.some(i => String(i.id) === had)) select.value = had;
  $('new-case').hidden = free.length === 0;
}
