// The URL hash keeps the whole check, so a link reopens it:
// #map=zoom/lon/lat&pt=lon,lat | poly=lon,lat;lon,lat;... | addr=label &form=&persons=&lang=&proj=
// &migrants=1&erf=lon,lat;...|lon,lat;... (the employer's erf, rings split by |; only where the profile asks for them)
// Always lon/lat and a Web Mercator zoom (the same ground scale in RD New), so a link works in either projection;
// proj says which one it was made in. Read once at the start and on hashchange; written (replaceState, no history
// entry) after every change of the state it carries and every move of the map.
import ol from '../common/ol.js';
import { PROJECTIONS, projectionKey, toLonLat, mercatorZoom } from '../common/map.js';
import { get, subscribe } from './state.js';
import { offers } from './texts.js';

export const FORMS = ['room_rental', 'housing_facility'];
// A drawn site needs no more; the server refuses larger bodies anyway, the page says why before asking.
export const MAX_POLYGON_POINTS = 500;
const MAX_PERSONS = 100000;
// a BGT erf has more vertices than a drawn site
const MAX_ERF_POINTS = 2000;

/**
 * The state a link carries, checked value by value: {link, problems}; what is wrong is reported in problems and left
 * out, so a tampered or truncated link still opens a working page.
 */
export function readLink(hash) {
  const out = {}, problems = [];
  let params;
  try {
    params = new URLSearchParams(hash.replace(/^#/, ''));
  } catch (e) {
    return { link: out, problems: [{ name: '#', value: hash }] };
  }
  const bad = (name) => problems.push({ name, value: String(params.get(name)).slice(0, 60) });
  const lonLat = text => {
    const v = text.split(',');
    if (v.length !== 2 || v.some(x => !/^-?\d+(\.\d+)?$/.test(x.trim()))) return null;
    const p = v.map(Number);
    return Math.abs(p[0]) <= 180 && Math.abs(p[1]) <= 90 ? p : null;
  };
  for (const name of params.keys()) {
    if (!['map', 'pt', 'poly', 'addr', 'form', 'persons', 'lang', 'proj', 'migrants', 'erf'].includes(name)) bad(name);
  }
  if (params.has('map')) {
    const v = params.get('map').split('/');
    const zoom = Number(v[0]), c = v.length === 3 ? lonLat(v[1] + ',' + v[2]) : null;
    if (c && v[0] !== '' && Number.isFinite(zoom) && zoom >= 0 && zoom <= 28) out.view = { zoom, center: c };
    else bad('map');
  }
  const sites = ['pt', 'poly', 'addr'].filter(n => params.has(n));
  if (sites.length > 1) sites.slice(1).forEach(bad);
  if (sites[0] === 'pt') {
    const p = lonLat(params.get('pt'));
    if (p) out.site = { type: 'Point', coordinates: p }; else bad('pt');
  } else if (sites[0] === 'poly') {
    const ring = params.get('poly').split(';').map(lonLat);
    if (ring.length >= 3 && ring.length <= MAX_POLYGON_POINTS && ring.every(Boolean)) {
      const first = ring[0], last = ring[ring.length - 1];
      if (first[0] !== last[0] || first[1] !== last[1]) ring.push(first.slice());
      if (ring.length >= 4) out.site = { type: 'Polygon', coordinates: [ring] }; else bad('poly');
    } else bad('poly');
  } else if (sites[0] === 'addr') {
    const a = params.get('addr').trim();
    if (a.length >= 2 && a.length <= 200) out.address = a; else bad('addr');
  }
  if (params.has('form')) {
    if (FORMS.includes(params.get('form'))) out.form = params.get('form'); else bad('form');
  }
  if (params.has('persons')) {
    const n = params.get('persons');
    if (/^\d+$/.test(n) && Number(n) >= 1 && Number(n) <= MAX_PERSONS) out.persons = Number(n); else bad('persons');
  }
  if (params.has('migrants')) {
    if (['0', '1'].includes(params.get('migrants'))) out.employsMigrants = params.get('migrants') === '1'; else bad('migrants');
  }
  if (params.has('erf')) {
    const rings = params.get('erf').split('|').map(r => r.split(';').map(lonLat));
    const points = rings.reduce((n, r) => n + r.length, 0);
    if (points <= MAX_ERF_POINTS && rings.every(r => r.length >= 3 && r.every(Boolean))) {
      for (const r of rings) {
        const first = r[0], last = r[r.length - 1];
        if (first[0] !== last[0] || first[1] !== last[1]) r.push(first.slice());
      }
      if (rings.every(r => r.length >= 4)) out.erf = { type: 'Polygon', coordinates: rings }; else bad('erf');
    } else bad('erf');
  }
  if (params.has('lang')) {
    if (offers(params.get('lang'))) out.lang = params.get('lang'); else bad('lang');
  }
  if (params.has('proj')) {
    if (PROJECTIONS[params.get('proj')] && ol.proj.get(PROJECTIONS[params.get('proj')])) out.proj = params.get('proj');
    else bad('proj');
  }
  return { link: out, problems };
}

/**
 * The site in CRS84 for the link and the panel: as picked, or for an RD New site the server's conversion
 * (RDNAPTRANS, in the answer) once there is one, before that rd.js's (within half a metre).
 */
export function siteLonLat(s) {
  if (!s.site || s.siteCrs === 'CRS84') return s.site;
  if (s.siteLonLat) return s.siteLonLat;
  const lonLat = c => ol.proj.transform(c, s.siteCrs, 'EPSG:4326').map(v => +v.toFixed(7));
  return s.site.type === 'Point' ? { type: 'Point', coordinates: lonLat(s.site.coordinates) }
    : { type: 'Polygon', coordinates: s.site.coordinates.map(ring => ring.map(lonLat)) };
}

/** The link of the page as it is now: the state and the map's view. */
export function currentLink(map) {
  const s = get();
  const p = new URLSearchParams();
  const view = map.getView();
  const c = toLonLat(view.getCenter() || [0, 0], map);
  p.set('map', [mercatorZoom(view).toFixed(2), c[0].toFixed(6), c[1].toFixed(6)].join('/'));
  const site = siteLonLat(s);
  if (s.addressLabel) p.set('addr', s.addressLabel);
  else if (site && site.type === 'Point') p.set('pt', site.coordinates.join(','));
  else if (site) p.set('poly', site.coordinates[0].map(x => x.join(',')).join(';'));
  p.set('form', s.form);
  p.set('persons', s.persons);
  if (s.employsMigrants) p.set('migrants', '1');
  if (s.employerErf) p.set('erf', s.employerErf.coordinates.map(r => r.map(x => x.join(',')).join(';')).join('|'));
  p.set('lang', s.lang);
  p.set('proj', projectionKey(view.getProjection().getCode()));
  // ',', ';' and '/' are safe in a fragment; leaving them readable keeps links short and legible
  return location.pathname + '#' + p.toString().replace(/%2C/g, ',').replace(/%3B/g, ';').replace(/%2F/g, '/').replace(/%7C/g, '|');
}

/** Keeps the URL hash in step with the state and the map (debounced: a drag writes once). */
export function keepLinkCurrent(map) {
  let timer = null;
  const write = () => {
    clearTimeout(timer);
    timer = setTimeout(() => history.replaceState(null, '', currentLink(map)), 100);
  };
  subscribe(['site', 'siteCrs', 'siteLonLat', 'addressLabel', 'form', 'persons', 'employsMigrants', 'employerErf', 'lang'], write);
  map.on('moveend', write);
  map.on('change:view', write); // a projection switch
  return write;
}
