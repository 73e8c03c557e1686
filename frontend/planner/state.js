// The planner view's one state, changed only through setState (common/store.js); main.js lists who listens.
import { createStore } from '../common/store.js';

const store = createStore({
  lang: 'nl',
  // GET /api/v1/layers: the roles with their counts (the layer list)
  layers: null,
  // what lies at the place clicked: null, 'busy', the answer of GET /api/v1/features, or {error}
  here: null,
  // the planner's token (also in sessionStorage, for this tab), and the registers read with it
  token: null,
  initiatives: null,
  permits: null,
  // the overview's answer (its first page: totals) or null; overviewBusy while one is asked
  overview: null,
  overviewBusy: false,
  // the number of the latest overview asked: an answer to an earlier one is dropped
  overviewAsked: 0,
  // per message box (login-error, planner-error) its text as a function of the language
  messages: {},
  // the ETFAL panel (etfal.js): what a map click does now (null, 'site', 'draw', 'employer'), the site picked or drawn
  // ({geometry, crs} as the API reads it), the employers added, the answer, busy, and an error as a function of the
  // language
  etfalPick: null,
  etfalSite: null,
  etfalEmployers: [],
  etfalAnswer: null,
  etfalBusy: false,
  etfalError: null
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
