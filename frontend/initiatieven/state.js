// The initiatives page's one state, changed only through setState (common/store.js); main.js lists who listens.
import { createStore } from '../common/store.js';

const store = createStore({
  lang: 'nl',
  // the village filter ('' = every village), kept in the URL as ?village=
  village: new URLSearchParams(location.search).get('village') || '',
  // GET /api/v1/public/initiatives: the features loaded so far (pages appended), every village with its count, the
  // number matching, the next page's link, and the profile's reading (statuses, adopted)
  items: [],
  villages: [],
  count: null,
  next: null,
  policy: null,
  // the index in items of the initiative chosen on the map or in the list, or null
  selected: null,
  // a failed request, shown in the page's language
  error: null,
  // the public signal form (signal.js): the housing locations (GET /api/v1/public/locations, GeoJSON features), the
  // id of the one chosen (in the form or on the map), the answer (reference) or the refusal (an error)
  locations: [],
  signalLocation: null,
  signalAnswer: null,
  signalError: null
});

export const get = store.get;
export const setState = store.set;
export const subscribe = store.subscribe;
