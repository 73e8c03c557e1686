// The check page's one state. Every module reads it with get() and changes it only with setState(patch); the
// modules that draw something subscribe to the fields they draw (see main.js for who listens to what), so the
// panel, the map, the legend and the URL hash follow every change and none keeps a copy of its own.
import { createStore } from '../common/store.js';

const store = createStore({
  lang: 'nl',
  // the form's fields, as the inputs hold them; stay and areaType: Bijlage 1's logies rule and the VNG area type
  // ('' = derived by the server)
  form: 'room_rental',
  persons: '4',
  stay: 'mid',
  areaType: '',
  // ETFAL part 2, optional ('' = not given): rooms, parking spaces on the site, one employer by address and its workers
  rooms: '',
  parkingSpaces: '',
  employerAddress: '',
  employerWorkers: '',
  // Noordoostpolder's small locations (only when the profile's rules require them, inputs): whether the business
  // employs labour migrants itself, and the employer's erf as a GeoJSON Polygon in CRS84 (picked from the erf or
  // agricultural plot layer, or drawn); erfMode: 'pick' or 'draw' while the next map click or drawing is the erf's
  employsMigrants: false,
  employerErf: null,
  erfMode: null,
  // the request members the served profile's location rules require (GET /api/v1/policy, inputs)
  inputs: [],
  // the site: GeoJSON in siteCrs, the CRS it was picked in (CRS84, or EPSG:28992 on an RD New map); siteLonLat:
  // the server's exact CRS84 of an RD New site (the answer's site), for the link; addressLabel: the address it is
  site: null,
  siteCrs: 'CRS84',
  siteLonLat: null,
  addressLabel: null,
  // an address from a link or typed, not resolved yet: the server resolves it (and says so when it cannot);
  // typedAddress: it was typed (the map goes to it when found), not from the link
  pendingAddress: null,
  typedAddress: false,
  // the link the page was opened with named a view: the answer to its address does not move the map
  keepView: false,
  drawing: false,
  // the address type-ahead: the suggested features and the one marked with the arrow keys
  suggestions: [],
  active: -1,
  // check: the number of the latest check asked; an answer for an older number is dropped (a newer one was asked)
  check: 0,
  busy: false,
  result: null,
  // texts as functions of the language, so a language switch rewrites them: the error, the reach/band note
  error: null,
  reachNote: null,
  // per evidence layer its legend text as a function (null: nothing drawn); hidden: the layers switched off
  legend: { deciding: null, band: null, facilities: null, walking: null, cycling: null },
  hidden: [],
  // what was wrong with the link the page was opened with ({name, value})
  linkProblems: [],
  // the profile's rules with their paragraphs (GET /api/v1/policy), for the legends
  rules: {}
});

export const get = store.get;
export const setState = store.set;
export const subscribe = store.subscribe;

/** The state's fields for a point site (an address, a click, the map centre) in crs; label: the address it is. */
export function pointSite(coordinates, label, crs) {
  return { site: { type: 'Point', coordinates }, siteCrs: crs || 'CRS84', siteLonLat: null, addressLabel: label || null };
}

/** The state's fields for a drawn polygon site in crs. */
export function polygonSite(site, crs) {
  return { site, siteCrs: crs || 'CRS84', siteLonLat: null, addressLabel: null };
}
