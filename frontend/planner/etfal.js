// The ETFAL panel (issue 13): the planner assesses one initiative as the file needs it. Pick the site on the map (a
// click) or draw it (a polygon), or give its address; add employers (an address, or a click on the map), rooms and
// parking spaces; run POST /api/v1/assessments and see every criterion with its evidence, and the evidence's
// geometries (effect area, village, ...) with the site and the employers on the map. Logged in, the addresses of the
// effect area download as CSV (GET /api/v1/neighbours.csv, planners only).
import ol from '../common/ol.js';
import { getJson, noteDataset, errorText } from '../common/api.js';
import { get, setState, subscribe } from './state.js';
import { ui, t } from './texts.js';
import { map, rd, projection, readGeometry } from './map.js';
import { auth } from './registers.js';

const $ = id => document.getElementById(id);
const STATUS_COLOURS = { pass: '#1b7d2c', conditional: '#e0a000', fail: '#b00020', unknown: '#666666' };

/** The panel's features on the map: the site, the employers, the answer's evidence geometries. */
export const etfalSource = new ol.source.Vector();
let draw = null;

export function startEtfal() {
  map.addLayer(new ol.layer.Vector({ source: etfalSource, properties: { name: 'etfal' }, style: featureStyle }));
  map.on('singleclick', e => picked(e.coordinate));
  $('etfal-pick-site').addEventListener('click', () => setPick(get().etfalPick === 'site' ? null : 'site'));
  $('etfal-draw-site').addEventListener('click', () => setPick(get().etfalPick === 'draw' ? null : 'draw'));
  $('etfal-pick-employer').addEventListener('click', () => setPick(get().etfalPick === 'employer' ? null : 'employer'));
  $('etfal-add-employer').addEventListener('click', addEmployerByAddress);
  $('etfal-form').addEventListener('submit', e => { e.preventDefault(); assess(); });
  $('etfal-csv').addEventListener('click', downloadCsv);
  $('etfal-pdf').addEventListener('click', downloadPdf);
  subscribe(['etfalPick', 'etfalSite', 'etfalEmployers', 'lang'], renderInputs);
  subscribe(['etfalAnswer', 'etfalBusy', 'etfalError', 'lang', 'token'], renderAnswer);
  subscribe(['etfalSite', 'etfalEmployers', 'etfalAnswer'], drawFeatures);
  renderInputs(get());
  renderAnswer(get());
}

function setPick(mode) {
  if (draw) { map.removeInteraction(draw); draw = null; }
  if (mode === 'draw') {
    draw = new ol.interaction.Draw({ type: 'Polygon' });
    draw.on('drawend', e => {
      setSite(e.feature.getGeometry());
      // the interaction goes after this event: removing it inside its own handler would drop the finished sketch
      setTimeout(() => setPick(null));
    });
    map.addInteraction(draw);
  }
  setState({ etfalPick: mode });
}

/** A geometry of the map as the API reads it: RD New metres when the map is RD New, else CRS84. */
function siteJson(geometry) {
  const code = rd() ? 'EPSG:28992' : 'EPSG:4326';
  const decimals = rd() ? 3 : 7;
  const g = new ol.format.GeoJSON({ dataProjection: code, featureProjection: projection() })
    .writeGeometryObject(geometry, { decimals });
  return { geometry: g, crs: rd() ? 'EPSG:28992' : 'CRS84' };
}

function setSite(geometry) {
  $('etfal-address').value = '';
  setState({ etfalSite: siteJson(geometry), etfalAnswer: null, etfalError: null });
}

function picked(coordinate) {
  const mode = get().etfalPick;
  if (mode === 'site') {
    setSite(new ol.geom.Point(coordinate));
    setPick(null);
  } else if (mode === 'employer') {
    const p = siteJson(new ol.geom.Point(coordinate));
    const name = $('etfal-employer-name').value.trim();
    const workers = parseInt($('etfal-employer-workers').value, 10);
    addEmployer({ name: name || undefined, point: p.geometry.coordinates, crs: p.crs,
      workers: isNaN(workers) ? undefined : workers });
    setPick(null);
  }
}

function addEmployerByAddress() {
  const address = $('etfal-employer-address').value.trim();
  if (!address) { $('etfal-employer-address').focus(); return; }
  const name = $('etfal-employer-name').value.trim();
  const workers = parseInt($('etfal-employer-workers').value, 10);
  addEmployer({ name: name || undefined, address, workers: isNaN(workers) ? undefined : workers });
}

function addEmployer(e) {
  setState({ etfalEmployers: get().etfalEmployers.concat([e]) });
  for (const id of ['etfal-employer-name', 'etfal-employer-address', 'etfal-employer-workers']) $(id).value = '';
}

function request() {
  const s = get();
  const body = { form: $('etfal-form-select').value, persons: parseInt($('etfal-persons').value, 10),
    newBuild: $('etfal-newbuild').checked };
  const address = $('etfal-address').value.trim();
  if (address) body.address = address;
  else if (s.etfalSite) { body.site = s.etfalSite.geometry; body.crs = s.etfalSite.crs; }
  const rooms = $('etfal-rooms').value.trim(), parking = $('etfal-parking').value.trim();
  if (rooms) body.rooms = parseInt(rooms, 10);
  if (parking) body.parkingSpaces = parseInt(parking, 10);
  if (s.etfalEmployers.length) body.employers = s.etfalEmployers;
  return body;
}

function assess() {
  const body = request();
  if (!body.site && !body.address) { setState({ etfalError: () => t('etfalNoSite') }); return; }
  setState({ etfalBusy: true, etfalError: null });
  // logged in: the planner's assessment, whose spread names every housing location with its distance; the open one
  // names only sites the public overview shows (a private person's initiative must not be locatable)
  const token = get().token;
  const headers = { 'Content-Type': 'application/json' };
  if (token) headers.Authorization = 'Bearer ' + token;
  getJson(token ? '/api/v1/planner/assessments' : '/api/v1/assessments', { method: 'POST', headers,
    body: JSON.stringify(body) })
    .then(answer => { noteDataset(answer); setState({ etfalAnswer: answer, etfalBusy: false }); })
    .catch(err => setState({ etfalAnswer: null, etfalBusy: false, etfalError: () => errorText(ui, 'failed', err) }));
}

function downloadCsv() {
  const answer = get().etfalAnswer;
  if (!answer) return;
  const body = request();
  const query = body.address ? 'address=' + encodeURIComponent(body.address)
    : 'site=' + encodeURIComponent(JSON.stringify(body.site)) + '&crs=' + encodeURIComponent(body.crs);
  fetch('/api/v1/neighbours.csv?' + query, auth())
    .then(r => r.ok ? r.blob() : r.json().then(p => { throw new Error(p.detail || 'HTTP ' + r.status); }))
    .then(blob => {
      const a = document.createElement('a');
      a.href = URL.createObjectURL(blob);
      a.download = 'neighbours.csv';
      document.body.appendChild(a);
      a.click();
      setTimeout(() => { URL.revokeObjectURL(a.href); a.remove(); });
    })
    .catch(err => setState({ etfalError: () => t('failed') + ': ' + err.message }));
}

/** The report for the file (issue 13): the PDF of the request the shown answer came from, in the page's language. */
function downloadPdf() {
  if (!get().etfalAnswer) return;
  const lang = ui.lang === 'en' ? 'en' : 'nl';
  fetch('/api/v1/reports?lang=' + lang, { method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(request()) })
    .then(r => r.ok ? r.blob() : r.json().then(p => { throw new Error(p.detail || p.title || 'HTTP ' + r.status); }))
    .then(blob => {
      const a = document.createElement('a');
      a.href = URL.createObjectURL(blob);
      a.download = 'plektoets-etfal.pdf';
      document.body.appendChild(a);
      a.click();
      setTimeout(() => { URL.revokeObjectURL(a.href); a.remove(); });
    })
    .catch(err => setState({ etfalError: () => t('failed') + ': ' + err.message }));
}

function renderInputs(s) {
  for (const [id, mode] of [['etfal-pick-site', 'site'], ['etfal-draw-site', 'draw'], ['etfal-pick-employer', 'employer']])
    $(id).setAttribute('aria-pressed', String(s.etfalPick === mode));
  $('etfal-pick-hint').textContent = s.etfalPick ? t('etfalPickHint')[s.etfalPick] : '';
  $('etfal-site').textContent = s.etfalSite
    ? t('etfalSiteChosen') + ': ' + s.etfalSite.geometry.type + ' (' + s.etfalSite.crs + ')' : '';
  const list = $('etfal-employers');
  list.innerHTML = '';
  s.etfalEmployers.forEach((e, i) => {
    const li = document.createElement('li');
    li.dataset.index = i;
    li.append((e.name ? e.name + ': ' : '') + (e.address || e.point.join(', ') + ' (' + e.crs + ')')
      + (e.workers !== undefined ? ', ' + e.workers + ' ' + t('etfalWorkers').toLowerCase() : '') + ' ');
    const remove = document.createElement('button');
    remove.type = 'button';
    remove.className = 'link';
    remove.textContent = t('etfalRemove');
    remove.addEventListener('click', () => setState({ etfalEmployers: get().etfalEmployers.filter((x, j) => j !== i) }));
    li.appendChild(remove);
    list.appendChild(li);
  });
}

function renderAnswer(s) {
  $('etfal-submit').disabled = s.etfalBusy;
  $('etfal-error').textContent = s.etfalError ? s.etfalError() : '';
  $('etfal-error').hidden = !s.etfalError;
  const out = $('etfal-result');
  out.innerHTML = '';
  $('etfal-csv').hidden = !(s.etfalAnswer && s.token);
  // the report for the file of the same request (POST /api/v1/reports): public, as the assessment is
  $('etfal-pdf').hidden = !s.etfalAnswer;
  if (s.etfalBusy) { out.textContent = t('etfalBusy'); return; }
  const a = s.etfalAnswer;
  if (!a) return;
  const lang = ui.lang === 'nl' ? 'nl' : 'en';
  const verdict = document.createElement('p');
  verdict.id = 'etfal-verdict';
  verdict.dataset.verdict = a.verdict;
  verdict.className = 'etfal-verdict';
  verdict.textContent = t('etfalVerdict') + ': ' + ((t('verdicts') || {})[a.verdict] || a.verdict);
  out.appendChild(verdict);
  const list = document.createElement('ol');
  list.className = 'etfal-criteria';
  for (const c of a.criteria) {
    const li = document.createElement('li');
    li.dataset.criterion = c.id;
    li.dataset.status = c.status;
    const head = document.createElement('p');
    const dot = document.createElement('span');
    dot.className = 'swatch dot';
    dot.style.background = STATUS_COLOURS[c.status] || '#666';
    const strong = document.createElement('strong');
    strong.textContent = ' ' + c.id + ' ';
    head.append(dot, strong, document.createTextNode('(' + ((t('etfalStatuses') || {})[c.status] || c.status) + ', '
      + c.policyRef + ')'));
    const msg = document.createElement('p');
    msg.className = 'message';
    msg.textContent = c.message[lang];
    li.append(head, msg);
    for (const o of c.obligations || []) {
      const p = document.createElement('p');
      p.className = 'obligation';
      p.textContent = t('etfalObligation') + ' (' + o.policyRef + '): ' + o.text[lang];
      li.appendChild(p);
    }
    const keys = Object.keys(c.evidence || {});
    if (keys.length) {
      const details = document.createElement('details');
      const summary = document.createElement('summary');
      summary.textContent = t('etfalEvidence');
      const dl = document.createElement('dl');
      for (const k of keys) {
        const v = c.evidence[k];
        const dt = document.createElement('dt');
        dt.textContent = k;
        const dd = document.createElement('dd');
        dd.dataset.key = k;
        dd.textContent = isGeometry(v) ? t('etfalOnMap') + ' (' + v.type + ')'
          : typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v);
        dl.append(dt, dd);
      }
      details.append(summary, dl);
      li.appendChild(details);
    }
    list.appendChild(li);
  }
  out.appendChild(list);
}

function isGeometry(v) { return v && typeof v === 'object' && typeof v.type === 'string' && (v.coordinates || v.geometries); }

const styles = {
  site: new ol.style.Style({ stroke: new ol.style.Stroke({ color: '#c00000', width: 3 }),
    fill: new ol.style.Fill({ color: 'rgba(200,0,0,0.15)' }),
    image: new ol.style.Circle({ radius: 8, fill: new ol.style.Fill({ color: '#c00000' }),
      stroke: new ol.style.Stroke({ color: '#ffffff', width: 2 }) }) }),
  employer: new ol.style.Style({ image: new ol.style.RegularShape({ points: 4, radius: 8, angle: Math.PI / 4,
    fill: new ol.style.Fill({ color: '#0b6e99' }), stroke: new ol.style.Stroke({ color: '#ffffff', width: 2 }) }) }),
  evidence: new ol.style.Style({ stroke: new ol.style.Stroke({ color: '#6a3d9a', width: 2, lineDash: [6, 4] }),
    fill: new ol.style.Fill({ color: 'rgba(106,61,154,0.08)' }),
    image: new ol.style.Circle({ radius: 5, stroke: new ol.style.Stroke({ color: '#6a3d9a', width: 2 }) }) })
};

function featureStyle(f) { return styles[f.get('kind')] || styles.evidence; }

function drawFeatures(s) {
  etfalSource.clear();
  const add = (geometry, kind, extra) => {
    const f = new ol.Feature(Object.assign({ geometry, kind }, extra || {}));
    etfalSource.addFeature(f);
  };
  const a = s.etfalAnswer;
  if (a) {
    // the answer's geometries are CRS84 (AssessmentJson)
    add(readGeometry(a.site, 'EPSG:4326'), 'site');
    for (const c of a.criteria) {
      for (const [k, v] of Object.entries(c.evidence || {}))
        if (isGeometry(v)) add(readGeometry(v, 'EPSG:4326'), 'evidence', { criterion: c.id, key: k });
    }
    for (const e of (a.initiative && a.initiative.employers) || [])
      add(readGeometry(e.point, 'EPSG:4326'), 'employer', { name: e.name });
    return;
  }
  if (s.etfalSite) add(readGeometry(s.etfalSite.geometry, s.etfalSite.crs === 'CRS84' ? 'EPSG:4326' : 'EPSG:28992'), 'site');
  for (const e of s.etfalEmployers)
    if (e.point) add(readGeometry({ type: 'Point', coordinates: e.point }, e.crs === 'CRS84' ? 'EPSG:4326' : 'EPSG:28992'),
      'employer', { name: e.name });
}
