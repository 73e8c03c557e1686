// The regisseur's page (regisseur.html, issue 14): behind a token of role regisseur (or planner, reading only), the
// intake agenda (GET /api/v1/intake-cases), a case with its meeting, advice, documents and deadlines (PATCH with its
// version; a 409 said in words), the deadline list (GET /api/v1/deadlines) and the housing locations on the map with
// their signals (GET /api/v1/locations). Our own API only.
//
// One state (state.js) changed only through setState; who listens to what:
//   token                          -> main.js (login or the workbench shown)
//   cases, initiatives, lang       -> cases.js (the agenda, the initiatives without a case)
//   openCase, caseError, stale, caseSaved, deadlines, lang -> case.js (the case editor)
//   deadlines, lang                -> deadlines.js (the list)
//   openCase -> transition.js (loads the case's initiative); transition, transitionError, transitionSaved, lang ->
//   transition.js (the §6.1.2 period and its reason)
//   locations, selectedLocation, lang -> locations.js (list, signals), map.js (the dots)
//   monitor, monitorMeasure, lang  -> monitor.js (the chart and its table)
//   rounds, roundId, ranking, roundScoring, roundMessage, roundError, initiatives, lang -> round.js (the round)
//   messages, lang                 -> the message boxes (here)
//   (the header's policy line: common/policy.js, rewritten on a language switch)
import { keepLangInUrl } from '../common/i18n.js';
import { getJson } from '../common/api.js';
import { fitToDataset } from '../common/map.js';
import { get, setState, subscribe, message } from './state.js';
import { startTexts, t, failure } from './texts.js';
import { createMap } from './map.js';
import { startCases, loadCases } from './cases.js';
import { startCase } from './case.js';
import { startTransition } from './transition.js';
import { startDeadlines, loadDeadlines } from './deadlines.js';
import { startLocations, loadLocations } from './locations.js';
import { startMonitor, loadMonitor } from './monitor.js';
import { startRound, loadRounds } from './round.js';
import { showPagePolicy } from '../common/policy.js';

const $ = id => document.getElementById(id);
export const TOKEN_KEY = 'plektoets.regisseurToken';
const ui = startTexts();
showPagePolicy(ui); // the header names the policy that answers
keepLangInUrl(ui);
setState({ lang: ui.lang });
ui.onChange(code => setState({ lang: code }));
const map = createMap();
startCases();
startCase();
startTransition();
startDeadlines();
startLocations();
startMonitor();
startRound();

subscribe(['messages', 'lang'], s => {
  for (const id of ['login-error', 'page-error']) {
    const text = s.messages[id];
    $(id).textContent = text ? text() : '';
    $(id).hidden = !text;
  }
});
subscribe(['token'], s => {
  $('login').hidden = !!s.token;
  $('logged-in').hidden = !s.token;
  $('regisseur-only').hidden = !s.token;
});

$('login').addEventListener('submit', e => {
  e.preventDefault();
  const token = $('token').value.trim();
  if (!token) { message('login-error', () => t('tokenMissing')); return; }
  login(token);
});
$('logout').addEventListener('click', logout);

/** Logs in with token: the agenda is the check (401 unknown token, 403 neither planner nor regisseur). */
function login(token) {
  message('login-error', null);
  getJson('/api/v1/intake-cases', { headers: { Authorization: 'Bearer ' + token } }).then(body => {
    sessionStorage.setItem(TOKEN_KEY, token);
    $('token').value = '';
    const hadFocus = $('login').contains(document.activeElement);
    setState({ token, cases: body.intakeCases || [] });
    if (hadFocus) $('logout').focus();
    loadCases();
    loadDeadlines();
    loadLocations();
    loadMonitor();
    loadRounds();
  }).catch(err => {
    sessionStorage.removeItem(TOKEN_KEY);
    setState({ token: null });
    message('login-error', err.status === 401 ? () => t('unauthorized') : err.status === 403 ? () => t('forbidden') : failure(err));
  });
}

function logout() {
  sessionStorage.removeItem(TOKEN_KEY);
  setState({ token: null, cases: null, initiatives: null, openCase: null, transition: null, deadlines: null, locations: null, selectedLocation: null, monitor: null, rounds: null, roundId: null, ranking: null, roundScoring: null });
  $('token').focus();
}

/** A failed request: a lost session (401/403) logs out with the reason; anything else is shown. */
export function failed(err) {
  if (err.status === 401 || err.status === 403) {
    logout();
    message('login-error', err.status === 401 ? () => t('unauthorized') : () => t('forbidden'));
  } else {
    message('page-error', failure(err));
  }
}

fitToDataset(map).catch(err => message('page-error', failure(err)));
const saved = sessionStorage.getItem(TOKEN_KEY);
if (saved) login(saved);
