// The room-rental page's one state, changed only through setState (common/store.js); main.js lists who listens.
import { createStore } from '../common/store.js';

const store = createStore({
  lang: 'nl',
  // GET /api/v1/room-rental/streets (the features as the server sent them, with the rules' limits)
  streets: null,
  // the answer to "can my address still be room-rented?" (GET /api/v1/room-rental/check), or null
  answer: null,
  // the street id chosen by an address search, a click on the map or the report form
  selected: null,
  // the outcome of the last report: {kind: 'ok', reference} or {kind: 'error', key | err}
  report: null,
  // the failed request of the search or the streets, shown in the page's language
  error: null
});

export const get = store.get;
export const setState = store.set;
export const subscribe = store.subscribe;
