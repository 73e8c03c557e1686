// The initiator check (index.html): pick a site (address search, map click, a drawn polygon or the map centre by
// keyboard), choose form and persons, ask POST /api/v1/assessments and show the verdict with a traffic light per
// criterion and the evidence on the map. Everything comes from our own API; no visitor request goes to a third
// party (AVG). The map is Web Mercator or RD New (common/rd.js; the switch, ?proj=rd or the link's proj): a site
// picked on an RD New map is sent in RD New (crs EPSG:28992), so the engine never sees rd.js's approximation.
//
// One state (state.js) changed only through setState; who listens to what:
//   site, siteCrs                      -> map.js (the site on the map)
//   site, addressLabel, drawing, lang  -> site.js (the line under the address)
//   result, busy, lang                 -> result.js (the answer in the panel)
//   check, result                      -> evidence.js (cleared for a new check, drawn for its answer)
//   legend, reachNote, rules, lang     -> evidence.js (the legend)
//   form, persons                      -> the two inputs (here)
//   error, linkProblems, lang          -> the two alert boxes (here)
//   inputs, employerErf, erfMode, ... -> erf.js (the employer's fields, the erf on the map)
//   site..., form, persons, erf, lang -> link.js (the URL hash; also on every map move)
//   (the header's policy line: common/policy.js, rewritten on a language switch)
import { configuredBackground, fitToDataset, setProjection, PROJECTIONS } from '../common/map.js';
import { get, setState, subscribe, pointSite, polygonSite } from './state.js';
import { startTexts, t, fmt } from './texts.js';
import { readLink, keepLinkCurrent, currentLink } from './link.js';
import { createMap, showView, showSite } from './map.js';
import { startResult } from './result.js';
import { startEvidence } from './evidence.js';
import { startSitePicking } from './site.js';
import { startSearch, closeSuggestions } from './search.js';
import { assess } from './assess.js';
import { startPrint } from './print.js';
import { startReport } from './report.js';
import { startErf } from './erf.js';
import { showPagePolicy } from '../common/policy.js';

const $ = id => document.getElementById(id);

const opened = readLink(location.hash);
const ui = startTexts(opened.link.lang);
showPagePolicy(ui); // the header names the policy that answers
const map = createMap(opened.link.proj);
setState({ lang: ui.lang, form: $('form').value, persons: $('persons').value, stay: $('stay').value,
  areaType: $('area-type').value, keepView: !!opened.link.view });
ui.onChange(code => setState({ lang: code }));

// the form's inputs and the state both ways
const INPUTS = { form: 'form', persons: 'persons', stay: 'stay', areaType: 'area-type', rooms: 'rooms',
  parkingSpaces: 'parking-spaces', employerAddress: 'employer-address', employerWorkers: 'employer-workers' }; // state key -> input id
subscribe(Object.keys(INPUTS), s => {
  for (const [key, id] of Object.entries(INPUTS)) if ($(id).value !== s[key]) $(id).value = s[key];
});
for (const [key, id] of Object.entries(INPUTS)) {
  for (const type of ['input', 'change']) $(id).addEventListener(type, () => setState({ [key]: $(id).value }));
}

// the two alert boxes
subscribe(['error', 'lang'], s => {
  $('error').textContent = s.error ? s.error() : '';
  $('error').hidden = !s.error;
});
subscribe(['linkProblems', 'lang'], s => {
  const box = $('link-error');
  box.hidden = !s.linkProblems.length;
  box.textContent = s.linkProblems.length
    ? t('badLink') + ': ' + s.linkProblems.map(p => fmt('badLinkParam', p)).join('; ') + '.' : '';
});

startResult();
startEvidence();
startSitePicking();
startSearch();
startPrint();
startReport();
startErf();
keepLinkCurrent(map);

$('check').addEventListener('submit', e => {
  e.preventDefault();
  // an address typed but not picked from the list is the site: the server resolves it (and says so when it cannot)
  const typed = $('address').value.trim();
  if (typed && typed !== get().addressLabel) {
    closeSuggestions();
    setState({ pendingAddress: typed, typedAddress: true });
  }
  assess();
});

// ---- share ----
$('copy-link').addEventListener('click', () => {
  const url = location.origin + currentLink(map);
  history.replaceState(null, '', currentLink(map));
  const field = $('share-url');
  field.value = url;
  field.hidden = false;
  field.select();
  const done = ok => { $('share-status').textContent = t(ok ? 'linkCopied' : 'linkCopyManual'); };
  if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(url).then(() => done(true), () => done(false));
  else done(false);
});

// ---- start: the state from the link, else the dataset's extent ----
/** A link's state into the page: the site it names (or its address, resolved by the check), form, persons, view. */
function restore({ link, problems }) {
  const patch = { linkProblems: problems, site: null, siteCrs: 'CRS84', siteLonLat: null, addressLabel: null,
    pendingAddress: null, typedAddress: false };
  if (link.form) patch.form = link.form;
  if (link.persons) patch.persons = String(link.persons);
  patch.employsMigrants = !!link.employsMigrants;
  patch.employerErf = link.erf || null;
  if (link.site && link.site.type === 'Point') Object.assign(patch, pointSite(link.site.coordinates, null, 'CRS84'));
  else if (link.site) Object.assign(patch, polygonSite(link.site, 'CRS84'));
  else if (link.address) { patch.pendingAddress = link.address; $('address').value = link.address; }
  setState(patch);
  if (link.view) showView(link.view);
  else showSite();
  if (get().site || get().pendingAddress) assess();
}

fitToDataset(map).then(() => {
  if (opened.link.view) showView(opened.link.view);
  else showSite(); // a link without a view: the site it names
}).catch(() => {});
// the configured base map (PDOK's tiles) under every layer; nothing by default (GET /api/v1/map-config)
configuredBackground(map);
restore(opened);
// a link pasted into this tab changes only the fragment: apply it as if opened
window.addEventListener('hashchange', () => {
  const pasted = readLink(location.hash);
  if (pasted.link.lang && pasted.link.lang !== ui.lang) ui.setLang(pasted.link.lang);
  if (pasted.link.proj) setProjection(map, PROJECTIONS[pasted.link.proj]);
  restore(pasted);
});
