// The initiator check: pick a site (address search, map click, a drawn polygon or the map centre by keyboard),
// choose form and persons, ask POST /api/v1/assessments and show the verdict with a traffic light per criterion,
// each policy paragraph linked to its text (beleid.html), and the evidence on the map: the deciding feature, the
// business-park edge band, the nearest facilities and the walking and cycling isochrones. The URL keeps the whole
// state, so a link reopens the same check. Everything comes from our own API; no visitor request goes to a third
// party (AVG). The map is Web Mercator or RD New (rd.js; the switch, ?proj=rd or the link's proj): a site picked
// on an RD New map is sent in RD New (crs EPSG:28992), so the engine never sees rd.js's approximation.
'use strict';

const $ = id => document.getElementById(id);
const FORMS = ['room_rental', 'housing_facility'];
// A drawn site needs no more; the server refuses larger bodies anyway, the page says why before asking.
const MAX_POLYGON_POINTS = 500, MAX_PERSONS = 100000;

// ---- the URL: #map=zoom/lon/lat&pt=lon,lat | poly=lon,lat;lon,lat;... | addr=label &form=&persons=&lang=&proj= ----
// Always lon/lat and a Web Mercator zoom (the same ground scale in RD New), so a link works in either projection;
// proj says which one it was made in.
const linkProblems = [];
const fromLink = readLink(location.hash);

const ui = Plek.i18n('check', fromLink.lang);
const t = key => ui.t(key);
const fmt = (key, values) => t(key).replace(/\{(\w+)\}/g, (m, k) => (values[k] !== undefined ? values[k] : m));
// site: GeoJSON in siteCrs, the CRS it was picked in (CRS84, or EPSG:28992 on an RD New map); siteLonLat: the
// server's exact CRS84 of an RD New site (the answer's site), for the link
const state = { site: null, siteCrs: 'CRS84', siteLonLat: null, addressLabel: null, lastResult: null };

/**
 * The state a link carries, checked value by value: what is wrong is reported (linkProblems) and left out, so a
 * tampered or truncated link still opens a working page.
 */
function readLink(hash) {
  const out = {};
  let params;
  try {
    params = new URLSearchParams(hash.replace(/^#/, ''));
  } catch (e) {
    linkProblems.push({ name: '#', value: hash });
    return out;
  }
  const bad = (name) => linkProblems.push({ name, value: String(params.get(name)).slice(0, 60) });
  const lonLat = text => {
    const v = text.split(',');
    if (v.length !== 2 || v.some(x => !/^-?\d+(\.\d+)?$/.test(x.trim()))) return null;
    const p = v.map(Number);
    return Math.abs(p[0]) <= 180 && Math.abs(p[1]) <= 90 ? p : null;
  };
  for (const name of params.keys()) {
    if (!['map', 'pt', 'poly', 'addr', 'form', 'persons', 'lang', 'proj'].includes(name)) bad(name);
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
  if (params.has('lang')) {
    if ((window.PLEKTOETS_TEXTS || {})[params.get('lang')]) out.lang = params.get('lang'); else bad('lang');
  }
  if (params.has('proj')) {
    if (Plek.PROJECTIONS[params.get('proj')] && ol.proj.get(Plek.PROJECTIONS[params.get('proj')])) out.proj = params.get('proj');
    else bad('proj');
  }
  return out;
}

/** The link of the page as it is now. */
function currentLink() {
  const p = new URLSearchParams();
  const view = map.getView();
  const c = Plek.toLonLat(view.getCenter() || [0, 0], map);
  p.set('map', [Plek.mercatorZoom(view).toFixed(2), c[0].toFixed(6), c[1].toFixed(6)].join('/'));
  const site = siteLonLat();
  if (state.addressLabel) p.set('addr', state.addressLabel);
  else if (site && site.type === 'Point') p.set('pt', site.coordinates.join(','));
  else if (site) p.set('poly', site.coordinates[0].map(c => c.join(',')).join(';'));
  p.set('form', $('form').value);
  p.set('persons', $('persons').value);
  p.set('lang', ui.lang);
  p.set('proj', Plek.projectionKey(view.getProjection().getCode()));
  // ',', ';' and '/' are safe in a fragment; leaving them readable keeps links short and legible
  return location.pathname + '#' + p.toString().replace(/%2C/g, ',').replace(/%3B/g, ';').replace(/%2F/g, '/');
}
let linkTimer = null;
function updateLink() {
  clearTimeout(linkTimer);
  linkTimer = setTimeout(() => history.replaceState(null, '', currentLink()), 100);
}

function showLinkProblems() {
  const box = $('link-error');
  if (!linkProblems.length) { box.hidden = true; return; }
  box.textContent = t('badLink') + ': ' + linkProblems.map(p => fmt('badLinkParam', p)).join('; ') + '.';
  box.hidden = false;
}

// ---- map: the background from our own layers (common.js), the evidence and the site on top ----
const backgroundLayers = Plek.backgroundLayers();
const style = (stroke, fill, width, dash) => new ol.style.Style({
  stroke: new ol.style.Stroke({ color: stroke, width: width || 2, lineDash: dash }),
  fill: fill ? new ol.style.Fill({ color: fill }) : undefined
});
const COLOURS = {
  walking: ['#1b7d2c', 'rgba(27,125,44,0.10)'], cycling: ['#0069b4', 'rgba(0,105,180,0.07)'],
  bandInside: ['#6a3d9a', 'rgba(106,61,154,0.30)'], bandOutside: ['#6a3d9a', 'rgba(106,61,154,0.12)'],
  deciding: ['#c00000', 'rgba(200,0,0,0.08)'], facility: '#b35900', site: '#0050b4'
};
function vectorLayer(name, styleFn, z, declutter) {
  return new ol.layer.Vector({ source: new ol.source.Vector(), style: styleFn, zIndex: z, declutter: !!declutter,
    properties: { evidence: name } });
}
const layers = {
  cycling: vectorLayer('cycling', style(COLOURS.cycling[0], COLOURS.cycling[1], 2, [10, 6]), 10),
  walking: vectorLayer('walking', style(COLOURS.walking[0], COLOURS.walking[1], 2), 11),
  band: vectorLayer('band', f => f.get('band') === 'inside'
    ? style(COLOURS.bandInside[0], COLOURS.bandInside[1], 1)
    : style(COLOURS.bandOutside[0], COLOURS.bandOutside[1], 1, [4, 4]), 12),
  deciding: vectorLayer('deciding', style(COLOURS.deciding[0], COLOURS.deciding[1], 3, [8, 4]), 13),
  facilities: vectorLayer('facilities', f => f.getGeometry().getType() === 'LineString'
    ? style(COLOURS.facility, null, 1.5, [2, 4])
    : new ol.style.Style({
      image: new ol.style.RegularShape({ points: 4, radius: 8, angle: Math.PI / 4,
        fill: new ol.style.Fill({ color: COLOURS.facility }), stroke: new ol.style.Stroke({ color: '#fff', width: 2 }) }),
      text: new ol.style.Text({ text: f.get('facility') ? facilityLabel(f.get('facility')) : '', offsetY: -18, font: 'bold 12px system-ui, sans-serif',
        fill: new ol.style.Fill({ color: '#1a1a1a' }), stroke: new ol.style.Stroke({ color: '#fff', width: 4 }) })
    }), 14, true), // labels that would overlap are left out; the panel lists every facility
  site: vectorLayer('site', f => f.get('kind') === 'polygon'
    ? style(COLOURS.site, 'rgba(0,80,180,0.15)', 3)
    : new ol.style.Style({ image: new ol.style.Circle({ radius: 8, fill: new ol.style.Fill({ color: COLOURS.site }),
      stroke: new ol.style.Stroke({ color: '#fff', width: 2 }) }) }), 20)
};
const EVIDENCE = ['deciding', 'band', 'facilities', 'walking', 'cycling'];
const siteSource = layers.site.getSource();

const map = new ol.Map({
  target: 'map',
  layers: [...backgroundLayers, ...Object.values(layers)],
  view: Plek.createView(Plek.initialProjection(fromLink.proj)),
  // arrow keys pan and +/- zoom while the map has the focus (OpenLayers' keyboard interactions)
  keyboardEventTarget: $('map')
});
Plek.projectionSwitch(map);
Plek.keepScaleLimits(map);
/** True when the map is RD New: sites are then picked, and the edge band fetched, in RD New. */
const rdMap = () => map.getView().getProjection().getCode() === 'EPSG:28992';

map.on('singleclick', e => {
  // a corner of the polygon being drawn, or the click that closed it (singleclick comes 250 ms after the click)
  if (draw || Date.now() - drawEndedAt < 1000) return;
  pickMapPoint(e.coordinate);
});
map.on('moveend', updateLink);
map.on('change:view', updateLink); // a projection switch

// Keyboard: the point under the crosshair (the map's centre) as the site.
$('use-centre').addEventListener('click', () => pickMapPoint(map.getView().getCenter()));

/** A point of the map as the site: in RD New as it is (to the centimetre), else in lon/lat; then the check. */
function pickMapPoint(coordinate) {
  $('address').value = ''; // the address searched before is no longer the site
  chooseSite(...mapSite(coordinate));
  assess();
}

/** A map coordinate as site coordinates and their CRS: RD New metres on an RD New map, else CRS84 degrees. */
function mapSite(coordinate) {
  if (rdMap()) return [[+coordinate[0].toFixed(2), +coordinate[1].toFixed(2)], null, 'EPSG:28992'];
  const lonLat = Plek.toLonLat(coordinate, map);
  return [[+lonLat[0].toFixed(7), +lonLat[1].toFixed(7)], null, 'CRS84'];
}

const olCode = crs => (crs === 'CRS84' ? 'EPSG:4326' : crs);
/** Site coordinates (in crs) on the map. */
const onMap = (c, crs) => ol.proj.transform(c, olCode(crs), map.getView().getProjection());

// The site as GeoJSON in its CRS: a point (address, click or map centre) or a drawn polygon.
function chooseSite(coordinates, label, crs) {
  state.site = { type: 'Point', coordinates };
  state.siteCrs = crs || 'CRS84';
  state.siteLonLat = null;
  state.addressLabel = label;
  siteSource.clear();
  siteSource.addFeature(new ol.Feature({ geometry: new ol.geom.Point(onMap(coordinates, state.siteCrs)), kind: 'site' }));
  showSiteInfo();
  updateLink();
}
function choosePolygon(site, crs) {
  state.site = site;
  state.siteCrs = crs || 'CRS84';
  state.siteLonLat = null;
  state.addressLabel = null;
  siteSource.clear();
  siteSource.addFeature(new ol.Feature({ geometry: new ol.geom.Polygon([site.coordinates[0].map(c => onMap(c, state.siteCrs))]),
    kind: 'polygon' }));
  showSiteInfo();
  updateLink();
}

/**
 * The site in CRS84 for the link and the panel: as picked, or for an RD New site the server's conversion
 * (RDNAPTRANS, in the answer) once there is one, before that rd.js's (within half a metre).
 */
function siteLonLat() {
  if (!state.site || state.siteCrs === 'CRS84') return state.site;
  if (state.siteLonLat) return state.siteLonLat;
  const toLonLat = c => ol.proj.transform(c, state.siteCrs, 'EPSG:4326').map(v => +v.toFixed(7));
  return state.site.type === 'Point' ? { type: 'Point', coordinates: toLonLat(state.site.coordinates) }
    : { type: 'Polygon', coordinates: state.site.coordinates.map(ring => ring.map(toLonLat)) };
}

function showSiteInfo() {
  let text = t('clickHint');
  if (draw) text = t('drawing');
  else if (state.site && state.site.type === 'Polygon') text = t('polygonChosen');
  else if (state.addressLabel) text = state.addressLabel;
  else if (state.site) text = t('pointChosen') + ': ' + siteLonLat().coordinates[1].toFixed(5) + ', ' + siteLonLat().coordinates[0].toFixed(5);
  $('site-info').textContent = text;
}

// ---- drawing a polygon ----
let draw = null, drawEndedAt = 0;
$('draw').addEventListener('click', () => draw ? stopDrawing() : startDrawing());
document.addEventListener('keydown', e => { if (e.key === 'Escape' && draw) stopDrawing(); });

function startDrawing() {
  draw = new ol.interaction.Draw({ type: 'Polygon' });
  draw.on('drawend', e => {
    drawEndedAt = Date.now();
    const ring = e.feature.getGeometry().getCoordinates()[0].map(c => mapSite(c)[0]);
    stopDrawing();
    $('address').value = '';
    choosePolygon({ type: 'Polygon', coordinates: [ring] }, rdMap() ? 'EPSG:28992' : 'CRS84');
    assess();
  });
  map.addInteraction(draw);
  $('draw').setAttribute('aria-pressed', 'true');
  showSiteInfo();
}
function stopDrawing() {
  // removed after the current event, which the interaction is still handling
  const d = draw;
  setTimeout(() => { map.removeInteraction(d); draw = null; $('draw').setAttribute('aria-pressed', 'false'); showSiteInfo(); }, 0);
}

// ---- address type-ahead ----
let searchTimer = null, suggestions = [], active = -1;
$('address').addEventListener('input', () => {
  clearTimeout(searchTimer);
  const q = $('address').value.trim();
  if (q.length < 2) { closeSuggestions(); return; }
  searchTimer = setTimeout(() => {
    Plek.getJson('/api/v1/addresses?limit=8&q=' + encodeURIComponent(q))
      .then(fc => {
        Plek.noteDataset(fc);
        showSuggestions(fc.features || []);
      })
      .catch(() => closeSuggestions());
  }, 150);
});
$('address').addEventListener('keydown', e => {
  if (!suggestions.length) return;
  if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
    e.preventDefault();
    active = (active + (e.key === 'ArrowDown' ? 1 : -1) + suggestions.length) % suggestions.length;
    markActive();
  } else if (e.key === 'Enter' && active >= 0) {
    e.preventDefault();
    pick(suggestions[active]);
  } else if (e.key === 'Escape') {
    closeSuggestions();
  }
});

function showSuggestions(features) {
  suggestions = features;
  active = -1;
  const ul = $('suggestions');
  ul.innerHTML = '';
  features.forEach((f, i) => {
    const li = document.createElement('li');
    li.id = 'suggestion-' + i;
    li.setAttribute('role', 'option');
    li.textContent = f.properties.label;
    li.addEventListener('mousedown', ev => { ev.preventDefault(); pick(f); });
    ul.appendChild(li);
  });
  ul.hidden = features.length === 0;
  $('address').setAttribute('aria-expanded', String(features.length > 0));
}
function markActive() {
  [...$('suggestions').children].forEach((li, i) => li.setAttribute('aria-selected', String(i === active)));
  $('address').setAttribute('aria-activedescendant', active >= 0 ? 'suggestion-' + active : '');
}
function closeSuggestions() {
  suggestions = []; active = -1;
  $('suggestions').hidden = true;
  $('address').setAttribute('aria-expanded', 'false');
}
function pick(f) {
  $('address').value = f.properties.label;
  closeSuggestions();
  forgetResult();
  // the server's CRS84 point as it is (exact); street level is Web Mercator's zoom 16 in either projection
  chooseSite(f.geometry.coordinates, f.properties.label, 'CRS84');
  const at = Plek.fromLonLat(f.geometry.coordinates, map);
  map.getView().animate({ center: at, resolution: Plek.resolutionForZoom(map.getView(), 16, at), duration: 300 });
}

/** A new site not checked yet: the verdict and evidence of the one before go (also one still on its way). */
function forgetResult() {
  checkNumber++;
  state.lastResult = null;
  renderResult();
  clearEvidence();
  hideError();
}

// ---- the check ----
$('check').addEventListener('submit', e => {
  e.preventDefault();
  // an address typed but not picked from the list is the site: the server resolves it (and says so when it cannot)
  const typed = $('address').value.trim();
  if (typed && typed !== state.addressLabel) {
    closeSuggestions();
    pendingAddress = typed;
    typedAddress = true;
  }
  assess();
});
$('form').addEventListener('change', updateLink);
$('persons').addEventListener('change', updateLink);

let pendingAddress = null; // an address from a link or typed: the server resolves it (and says so when it cannot)
let typedAddress = false; // the pending address was typed (shown on the map when found), not from the link
let checkNumber = 0;

function assess() {
  hideError();
  if (!state.site && !pendingAddress) { showError(() => t('noSite')); return; }
  const body = { form: $('form').value, persons: Number($('persons').value), stay: $('stay').value };
  if ($('area-type').value) body.areaType = $('area-type').value;
  if (pendingAddress) body.address = pendingAddress;
  else { body.site = state.site; body.crs = state.siteCrs; }
  const mine = ++checkNumber, asked = state.site, typed = typedAddress;
  typedAddress = false;
  $('result').textContent = t('busy');
  clearEvidence();
  Plek.getJson('/api/v1/assessments', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })
    .then(result => {
      if (mine !== checkNumber) return; // a newer check was asked meanwhile
      if (pendingAddress && result.address) {
        pendingAddress = null;
        $('address').value = result.address.label;
        chooseSite(result.address.location.coordinates, result.address.label, 'CRS84');
        if (!fromLink.view || typed) showSite();
      }
      if (state.site === asked && state.siteCrs !== 'CRS84' && result.site && result.site.type === asked.type) state.siteLonLat = result.site;
      state.lastResult = result;
      renderResult();
      drawEvidence(result);
      updateLink();
    })
    .catch(err => {
      if (mine !== checkNumber) return;
      pendingAddress = null;
      state.lastResult = null;
      // a typed address not found: the site before is not the one asked for any more
      if (typed) { state.site = null; state.addressLabel = null; siteSource.clear(); showSiteInfo(); updateLink(); }
      $('result').textContent = '';
      showError(() => Plek.errorText(ui, 'requestFailed', err));
    });
}

function renderResult() {
  const r = state.lastResult;
  const out = $('result');
  out.innerHTML = '';
  if (!r) return;
  Plek.noteDataset(r);
  $('print-dataset').textContent = t('datasetLabel') + ': ' + r.dataset.name
    + (r.policy ? ' · ' + t('policyRef') + ': ' + r.policy.title : '');
  const verdict = document.createElement('p');
  verdict.id = 'verdict';
  verdict.className = 'verdict ' + r.verdict;
  verdict.dataset.verdict = r.verdict;
  verdict.textContent = t('verdictLabel') + ': ' + (t('verdicts')[r.verdict] || r.verdict);
  out.appendChild(verdict);
  // what the verdict means: no objection in the criteria checked, never a permit (issue 11 item 11f)
  if (r.verdictExplanation) {
    const why = document.createElement('p');
    why.id = 'verdict-explanation';
    why.textContent = ui.pick(r.verdictExplanation);
    why.lang = ui.pickLang(r.verdictExplanation);
    out.appendChild(why);
  }
  const lc = document.createElement('p');
  lc.id = 'location-class';
  lc.textContent = t('locationClass') + ': ' + (t('locationClasses')[r.locationClass] || r.locationClass);
  out.appendChild(lc);
  const list = document.createElement('ul');
  list.className = 'criteria';
  for (const c of r.criteria) {
    const li = document.createElement('li');
    li.className = 'criterion ' + c.status;
    li.dataset.criterion = c.id;
    li.dataset.status = c.status;
    const light = document.createElement('span');
    light.className = 'light ' + c.status;
    light.setAttribute('role', 'img');
    light.setAttribute('aria-label', t('statuses')[c.status] || c.status);
    const head = document.createElement('strong');
    head.textContent = (t('criteria')[c.id] || c.id) + ' (' + (t('statuses')[c.status] || c.status) + ')';
    const msg = document.createElement('p');
    msg.textContent = ui.pick(c.message);
    msg.lang = ui.pickLang(c.message);
    const ref = document.createElement('p');
    ref.className = 'policy-ref';
    ref.append(t('policyRef') + ': ', ...paragraphLinks(c.policyRef));
    li.append(light, head, msg, ref);
    if (c.id === 'facility_reach') li.appendChild(facilityList(c.evidence));
    list.appendChild(li);
  }
  out.appendChild(list);
  out.appendChild(obligationsSection(r));
  out.appendChild(notCheckedSection(r));
  const note = ui.messagesNote(r.criteria.map(c => c.message));
  if (note) out.insertBefore(note, list);
}

/** What the criteria ask of the initiator, each with the criterion that states it and its paragraph. */
function obligationsSection(r) {
  const items = (r.obligations || []).map(o => listItem({ obligation: o.id, statedBy: o.criterion },
    (t('criteria')[o.criterion] || o.criterion) + ': ', o.text, o.policyRef));
  if (!items.length) items.push(listItem({}, t('noObligations')));
  return answerSection('obligations', t('obligationsHeading'), null, items);
}

/** The policy's requirements this check does not look at (from the profile), so the verdict is not read as a permit. */
function notCheckedSection(r) {
  return answerSection('not-checked', t('notCheckedHeading'), t('notCheckedIntro'),
    (r.notChecked || []).map(n => listItem({ requirement: n.id }, '', n.text, n.policyRef)));
}

/** A list item: a lead, a server text (nl/en) in the page's language where it has it, and its paragraph links. */
function listItem(data, lead, message, policyRef) {
  const li = document.createElement('li');
  Object.assign(li.dataset, data);
  li.append(lead);
  if (message) {
    const text = document.createElement('span');
    text.textContent = ui.pick(message);
    text.lang = ui.pickLang(message);
    li.append(text, ' (', ...paragraphLinks(policyRef), ')');
  }
  return li;
}

/** A titled section of the answer (h3, an optional hint, a list). */
function answerSection(id, heading, intro, items) {
  const section = document.createElement('section');
  section.id = id;
  section.setAttribute('aria-labelledby', id + '-heading');
  const h = document.createElement('h3');
  h.id = id + '-heading';
  h.textContent = heading;
  section.appendChild(h);
  if (intro) {
    const p = document.createElement('p');
    p.className = 'hint';
    p.textContent = intro;
    section.appendChild(p);
  }
  const ul = document.createElement('ul');
  ul.append(...items);
  section.appendChild(ul);
  return section;
}

/**
 * "§5.1.2, §6.2.2" -> two links to beleid.html#5.1.2 and #6.2.2 with the text between kept as it is, so the line
 * reads exactly as the API wrote it.
 */
function paragraphLinks(policyRef) {
  const nodes = [];
  const pattern = /§\s*(\d+(?:\.\d+)*)|bijlage[\s-]*(\d+)/gi;
  let at = 0, m;
  while ((m = pattern.exec(policyRef)) !== null) {
    if (m.index > at) nodes.push(document.createTextNode(policyRef.slice(at, m.index)));
    const ref = m[1] ? m[1] : 'bijlage-' + m[2];
    const a = document.createElement('a');
    a.href = 'beleid.html?lang=' + ui.lang + '#' + ref;
    a.className = 'paragraph-link';
    a.dataset.ref = ref;
    a.textContent = m[0];
    a.title = fmt('readParagraph', { label: m[0] });
    nodes.push(a);
    at = m.index + m[0].length;
  }
  if (at < policyRef.length) nodes.push(document.createTextNode(policyRef.slice(at)));
  return nodes;
}

/** The nearest facility per category with its walking and cycling minutes, as on the map. */
function facilityList(ev) {
  const ul = document.createElement('ul');
  ul.className = 'facilities';
  for (const f of nearestFacilities(ev)) {
    const li = document.createElement('li');
    li.textContent = f.name + ' (' + (t('facilityCategories')[f.category] || f.category) + '): ' + minutesText(f);
    ul.appendChild(li);
  }
  return ul;
}
function minutesText(f) {
  const part = (m, key) => (m === undefined ? '' : fmt(key, { minutes: ui.decimal(m) }));
  return [part(f.walking, 'walkMinutes'), part(f.cycling, 'cycleMinutes')].filter(Boolean).join(', ');
}

/** facility_reach evidence -> one entry per facility (a facility can be nearest on foot and by bike). */
function nearestFacilities(ev) {
  const byId = new Map();
  for (const c of (ev && ev.categories) || []) {
    for (const mode of ['walking', 'cycling']) {
      const trip = c[mode];
      if (!trip || !trip.facility) continue;
      const f = trip.facility;
      const entry = byId.get(f.featureId) || { id: f.featureId, name: f.name || f.category, category: f.category, lon: f.lon, lat: f.lat };
      entry[mode] = trip.minutes;
      byId.set(f.featureId, entry);
    }
  }
  return [...byId.values()];
}

// ---- evidence on the map, each with a legend entry and a toggle ----
// per layer the legend's text as a function, so a language switch relabels without fetching again
const legendState = { deciding: null, band: null, facilities: null, walking: null, cycling: null };
const facilityLabel = f => f.name + ': ' + minutesText(f);
const hidden = new Set();

function clearEvidence() {
  EVIDENCE.forEach(name => { layers[name].getSource().clear(); legendState[name] = null; });
  reachText = null;
  $('reach-note').hidden = true;
  renderLegend();
}

function drawEvidence(r) {
  const location = r.criteria.find(c => c.id === 'location_class');
  const decidingEv = r.criteria.map(c => c.evidence && c.evidence.feature).filter(Boolean);
  decidingEv.forEach(highlightEvidence);

  // the §5.1.2 band when the class involves a business park (inside it or in the near band outside)
  const park = location && location.evidence && location.evidence.feature;
  if (park && park.role === 'business_park') {
    const mine = checkNumber;
    // on an RD New map in RD New straight from the server (RDNAPTRANS), else CRS84 for OpenLayers to project
    const crs = rdMap() ? 'EPSG:28992' : 'CRS84';
    Plek.getJson('/api/v1/layers/business_park/' + encodeURIComponent(park.featureId) + '/edge-band'
      + (crs === 'CRS84' ? '' : '?crs=' + crs))
      .then(fc => {
        if (mine !== checkNumber) return;
        layers.band.getSource().addFeatures(Plek.readFeatures(fc, map.getView().getProjection(), olCode(crs)));
        const w = side => fc.features.find(f => f.properties.band === side).properties.widthM;
        legendState.band = () => fmt('bandLegend', { inside: w('inside'), outside: w('outside') });
        renderLegend();
      })
      .catch(err => { if (mine === checkNumber) reachNote(() => Plek.errorText(ui, 'bandFailed', err)); });
  }

  Plek.drawEnvironmentalZones(map, r, rdMap() ? 'EPSG:28992' : 'CRS84', olCode(rdMap() ? 'EPSG:28992' : 'CRS84'));

  const reach = r.criteria.find(c => c.id === 'facility_reach');
  if (reach && reach.evidence) {
    const site = reachOrigin(r);
    const siteOnMap = sitePointOnMap();
    const facilities = nearestFacilities(reach.evidence);
    for (const f of facilities) {
      const at = Plek.fromLonLat([f.lon, f.lat], map);
      layers.facilities.getSource().addFeature(new ol.Feature({ geometry: new ol.geom.Point(at),
        facility: f }));
      if (siteOnMap) layers.facilities.getSource().addFeature(new ol.Feature({ geometry: new ol.geom.LineString([siteOnMap, at]) }));
    }
    if (facilities.length) legendState.facilities = () => t('layers').facilities;
    // the cut-offs are the profile's (Bijlage 1), as the evidence states them
    const cutoffs = { walking: ['foot', reach.evidence.walkingMinutes], cycling: ['bike', reach.evidence.cyclingMinutes] };
    if (site && reach.evidence.walkingMinutes) {
      for (const [name, [mode, minutes]] of Object.entries(cutoffs)) {
        if (!minutes) continue;
        const mine = checkNumber;
        Plek.getJson('/api/v1/reach?mode=' + mode + '&minutes=' + minutes + '&lon=' + site[0].toFixed(7) + '&lat=' + site[1].toFixed(7))
          .then(fc => {
            if (mine !== checkNumber) return;
            layers[name].getSource().addFeatures(Plek.readFeatures(fc, map.getView().getProjection()));
            legendState[name] = () => fmt(name + 'Legend', { minutes });
            renderLegend();
          })
          .catch(err => { if (mine === checkNumber) reachNote(() => Plek.errorText(ui, 'reachFailed', err)); });
      }
    }
  }
  renderLegend();
}

function reachNote(text) {
  reachText = text;
  $('reach-note').textContent = text();
  $('reach-note').hidden = false;
  $('legend').hidden = false;
}

/** The site as one point on the map: itself, or a polygon's interior point. */
function sitePointOnMap() {
  const f = siteSource.getFeatures()[0];
  if (!f) return null;
  const g = f.getGeometry();
  return g.getType() === 'Point' ? g.getCoordinates() : g.getInteriorPoint().getCoordinates().slice(0, 2);
}

/**
 * Where the isochrones start, in lon/lat: a point site as the answer gives it (the server's exact CRS84, also for a
 * site sent in RD New), a polygon from its interior point.
 */
function reachOrigin(r) {
  if (r.site && r.site.type === 'Point') return r.site.coordinates;
  const c = sitePointOnMap();
  return c ? Plek.toLonLat(c, map) : null;
}

// The evidence names the deciding feature by role and id; draw it from the background layer that holds it, once
// that layer has loaded the area (a check can answer before the background has).
function highlightEvidence(ev) {
  if (!ev || ev.featureId === undefined) return;
  const layer = backgroundLayers.find(l => l.get('role') === ev.role);
  if (!layer) return;
  const mine = checkNumber;
  const tryDraw = attempts => {
    if (mine !== checkNumber) return;
    const f = layer.getSource().getFeatureById(ev.featureId);
    if (f) {
      layers.deciding.getSource().addFeature(new ol.Feature({ geometry: f.getGeometry().clone() }));
      legendState.deciding = () => t('layers').deciding;
      renderLegend();
    } else if (attempts > 0) {
      layer.getSource().once('featuresloadend', () => tryDraw(attempts - 1));
    }
  };
  tryDraw(5);
}

function renderLegend() {
  const ul = $('legend-items');
  ul.innerHTML = '';
  let any = false;
  for (const name of EVIDENCE) {
    if (!legendState[name]) continue;
    any = true;
    const li = document.createElement('li');
    li.dataset.layer = name;
    const label = document.createElement('label');
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.id = 'toggle-' + name;
    box.checked = !hidden.has(name);
    box.addEventListener('change', () => {
      if (box.checked) hidden.delete(name); else hidden.add(name);
      layers[name].setVisible(box.checked);
    });
    layers[name].setVisible(box.checked);
    const swatch = document.createElement('span');
    swatch.className = 'swatch swatch-' + name;
    swatch.setAttribute('aria-hidden', 'true');
    label.append(box, swatch, ' ' + legendState[name]());
    li.appendChild(label);
    ul.appendChild(li);
  }
  $('legend').hidden = !any && $('reach-note').hidden;
}

// the error and the reach note as functions of the language, so a language switch rewrites them
let errorText = null, reachText = null;
function showError(text) { errorText = text; $('error').textContent = text(); $('error').hidden = false; }
function hideError() { errorText = null; $('error').hidden = true; $('error').textContent = ''; }

// ---- share and print ----
$('copy-link').addEventListener('click', () => {
  const url = location.origin + currentLink();
  history.replaceState(null, '', currentLink());
  const field = $('share-url');
  field.value = url;
  field.hidden = false;
  field.select();
  const done = ok => { $('share-status').textContent = t(ok ? 'linkCopied' : 'linkCopyManual'); };
  if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(url).then(() => done(true), () => done(false));
  else done(false);
});

/** Lays the page out for one A4 sheet and draws the map at that size; undone after printing. */
function preparePrint() {
  $('print-date').textContent = t('printedOn') + ' ' + new Date().toLocaleString(ui.locale, { dateStyle: 'long', timeStyle: 'short' });
  if (!state.lastResult) $('print-dataset').textContent = '';
  $('print-projection').textContent = t('projection') + ': ' + t(Plek.projectionKey(map.getView().getProjection().getCode()));
  document.body.classList.add('printing');
  map.updateSize();
  const extent = ol.extent.createEmpty();
  [layers.site, layers.band, layers.facilities].forEach(l => ol.extent.extend(extent, l.getSource().getExtent()));
  if (!ol.extent.isEmpty(extent)) {
    map.getView().fit(extent, { padding: [40, 30, 20, 30],
      minResolution: Plek.resolutionForZoom(map.getView(), 17, ol.extent.getCenter(extent)) });
  }
  map.renderSync();
}
function endPrint() {
  document.body.classList.remove('printing');
  map.updateSize();
}
$('print').addEventListener('click', () => { preparePrint(); setTimeout(() => { window.print(); }, 300); });
window.addEventListener('beforeprint', () => { if (!document.body.classList.contains('printing')) preparePrint(); });
window.addEventListener('afterprint', endPrint);

// ---- language: common.js applies the texts; the parts drawn here follow ----
ui.onChange(() => {
  showSiteInfo();
  showLinkProblems();
  if (errorText) $('error').textContent = errorText();
  if (reachText) $('reach-note').textContent = reachText();
  renderResult();
  renderLegend();
  layers.facilities.changed(); // the markers' labels
  updateLink();
});

// ---- start: the state from the link, else the dataset's extent ----
function restore(link) {
  if (link.form) $('form').value = link.form;
  if (link.persons) $('persons').value = String(link.persons);
  if (link.view) showView(link.view);
  if (link.site && link.site.type === 'Point') chooseSite(link.site.coordinates, null, 'CRS84');
  else if (link.site) choosePolygon(link.site, 'CRS84');
  else if (link.address) { pendingAddress = link.address; $('address').value = link.address; }
  if (!link.view) showSite();
  showLinkProblems();
  if (state.site || pendingAddress) assess();
}
/** A link's view: its centre at its (Web Mercator) zoom's ground scale, in the map's projection. */
function showView(v) {
  const view = map.getView(), at = Plek.fromLonLat(v.center, map);
  view.setCenter(at);
  view.setResolution(Plek.resolutionForZoom(view, v.zoom, at));
}
/** The map on the site: a point at street level (Web Mercator's zoom 16), a polygon as a whole. */
function showSite() {
  const f = siteSource.getFeatures()[0];
  if (!f) return;
  const extent = f.getGeometry().getExtent();
  map.getView().fit(extent, { padding: [40, 40, 40, 40],
    minResolution: Plek.resolutionForZoom(map.getView(), 16, ol.extent.getCenter(extent)) });
}
Plek.fitToDataset(map).then(() => {
  if (fromLink.view) showView(fromLink.view);
  else showSite(); // a link without a view: the site it names
}).catch(() => {});
// the configured base map (PDOK's tiles) under every layer; nothing by default (GET /api/v1/map-config)
Plek.configuredBackground(map);
restore(fromLink);
// a link pasted into this tab changes only the fragment: apply it as if opened
window.addEventListener('hashchange', () => {
  linkProblems.length = 0;
  const link = readLink(location.hash);
  if (link.lang && link.lang !== ui.lang) ui.setLang(link.lang);
  if (link.proj) Plek.setProjection(map, Plek.PROJECTIONS[link.proj]);
  state.site = null; state.addressLabel = null; siteSource.clear();
  restore(link);
});
showSiteInfo();
