// The deadline list: what is overdue or due within 30 days on the server's clock (GET /api/v1/deadlines), earliest
// first, an overdue one marked in words (not by colour alone).
import { subscribe, setState } from './state.js';
import { t, day } from './texts.js';
import { call } from './api.js';
import { failed } from './main.js';

const $ = id => document.getElementById(id);

export function startDeadlines() {
  subscribe(['deadlines', 'lang'], render);
}

export function loadDeadlines() {
  return call('GET', '/api/v1/deadlines').then(body => setState({ deadlines: body.deadlines || [] })).catch(failed);
}

function render(s) {
  const body = $('deadlines').tBodies[0];
  body.replaceChildren();
  for (const d of s.deadlines || []) {
    const tr = body.insertRow();
    tr.dataset.kind = d.kind;
    if (d.overdue) tr.className = 'overdue';
    tr.insertCell().textContent = day(d.due) + (d.overdue ? ' (' + t('overdue') + ')' : '') + (d.immediate ? ' ' + t('immediate') : '');
    tr.insertCell().textContent = d.title + (d.adopted === false ? ' (' + t('notAdopted') + ')' : '');
    tr.insertCell().textContent = d.policyRef || '';
  }
  $('deadlines-none').hidden = !s.deadlines || s.deadlines.length > 0;
}
