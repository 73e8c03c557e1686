// The regisseur page's one state, changed only through setState (common/store.js); main.js lists who listens.
import { createStore } from '../common/store.js';

const store = createStore({
  lang: 'nl',
  // the token (also in sessionStorage, for this tab) and the user's role as the login found it
  token: null,
  // GET /api/v1/intake-cases and /api/v1/initiatives: the agenda and the initiatives a case can be opened for
  cases: null,
  initiatives: null,
  // the case open in the editor (its answer, with version) or null; caseError: a function of the language, and
  // stale: the last save was refused with 409 (the reload button is shown)
  openCase: null,
  caseError: null,
  stale: false,
  caseSaved: null,
  // GET /api/v1/initiatives/{id} of the open case: its §6.1.2 transition period (shown for an existing location), and
  // the outcome of its save as functions of the language
  transition: null,
  transitionError: null,
  transitionSaved: null,
  // GET /api/v1/deadlines (overdue or due within 30 days)
  deadlines: null,
  // GET /api/v1/locations (each with its signals) and the id of the one chosen in the list or on the map
  locations: null,
  selectedLocation: null,
  // GET /api/v1/monitor's rows ({year, village, measure, key, count}) and the measure the chart shows
  monitor: null,
  monitorMeasure: 'initiatives',
  // per message box (login-error, page-error) its text as a function of the language
  messages: {}
});

export const get = store.get;
export const setState = store.set;
export const subscribe = store.subscribe;

/** A message box's text (a function of the language), or none (null). */
export function message(id, text) {
  const messages = { ...get().messages };
  if (text) messages[id] = text; else delete messages[id];
  setState({ messages });
}
