// The check itself: POST /api/v1/assessments with the site (or the address still to resolve), the form and the
// persons; the answer becomes the state's result (result.js shows it, evidence.js draws it). Each check has a
// number; an answer for an older one is dropped, so a slow answer never overwrites a newer question.
import ol from '../common/ol.js';
import { getJson, errorText } from '../common/api.js';
import { get, setState, pointSite } from './state.js';
import { ui, t } from './texts.js';
import { showSite } from './map.js';

const $ = id => document.getElementById(id);

/** A new site not checked yet: the verdict and evidence of the one before go (also one still on its way). */
export function forgetResult() {
  setState({ check: get().check + 1, result: null, busy: false, error: null });
}

// the body of the check whose answer is shown: the report (report.js) is the PDF of exactly that check
let bodyOfResult = null;

/** The request body of the check the shown result answers (null before the first answer). */
export function resultRequest() {
  return bodyOfResult;
}

/** A CRS84 polygon in crs (an RD New site: the erf in RD New too, by rd.js, within half a metre). */
function inCrs(polygon, crs) {
  if (crs === 'CRS84') return polygon;
  return { type: 'Polygon', coordinates: polygon.coordinates.map(r => r.map(c => ol.proj.transform(c, 'EPSG:4326', crs))) };
}

export function assess() {
  const s = get();
  if (!s.site && !s.pendingAddress) { setState({ error: () => t('noSite'), busy: false }); return; }
  const body = { form: s.form, persons: Number(s.persons), stay: s.stay };
  if (s.areaType) body.areaType = s.areaType;
  // ETFAL part 2: only what is filled in (the server checks the numbers and the address)
  if (String(s.rooms).trim()) body.rooms = Number(s.rooms);
  if (String(s.parkingSpaces).trim()) body.parkingSpaces = Number(s.parkingSpaces);
  if (String(s.employerAddress).trim()) {
    const employer = { address: s.employerAddress.trim() };
    if (String(s.employerWorkers).trim()) employer.workers = Number(s.employerWorkers);
    body.employers = [employer];
  }
  if (s.pendingAddress) body.address = s.pendingAddress;
  else { body.site = s.site; body.crs = s.siteCrs; }
  // the inputs the profile's location rules require (erf.js): the box as it stands, the erf in the site's CRS
  if (s.inputs.includes('employsMigrants') || s.employsMigrants) body.employsMigrants = s.employsMigrants;
  if (s.employerErf) body.employerErf = inCrs(s.employerErf, body.crs || 'CRS84');
  const mine = s.check + 1, asked = s.site, typed = s.typedAddress;
  setState({ check: mine, typedAddress: false, busy: true, result: null, error: null });
  getJson('/api/v1/assessments', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })
    .then(result => {
      if (mine !== get().check) return; // a newer check was asked meanwhile
      const now = get();
      const patch = { result, busy: false };
      bodyOfResult = body;
      let found = false;
      if (now.pendingAddress && result.address) {
        found = true;
        $('address').value = result.address.label;
        Object.assign(patch, pointSite(result.address.location.coordinates, result.address.label, 'CRS84'), { pendingAddress: null });
      } else if (now.site === asked && now.siteCrs !== 'CRS84' && result.site && result.site.type === asked.type) {
        patch.siteLonLat = result.site; // the server's exact CRS84 of an RD New site
      }
      setState(patch);
      if (found && (!now.keepView || typed)) showSite();
    })
    .catch(err => {
      if (mine !== get().check) return;
      const patch = { pendingAddress: null, result: null, busy: false, error: () => errorText(ui, 'requestFailed', err) };
      // a typed address not found: the site before is not the one asked for any more
      if (typed) Object.assign(patch, { site: null, addressLabel: null, siteLonLat: null });
      setState(patch);
    });
}
