// The overview: every address coloured by its verdict for one form and size (GET /api/v1/overview, behind the
// token), with the totals per verdict and per village.
import { get, setState, subscribe, message } from './state.js';
import { t } from './texts.js';
import { overviewSource, loadPages, crsParam, VERDICT_COLOURS, PAGE_LIMIT } from './map.js';
import { auth, plannerFailed } from './registers.js';

const $ = id => document.getElementById(id);

export function startOverview() {
  $('overview-form').addEventListener('submit', e => {
    e.preventDefault();
    message('planner-error', null);
    const query = 'form=' + $('ov-form').value + '&persons=' + encodeURIComponent($('ov-persons').value.trim())
      + '&newBuild=' + $('ov-newbuild').checked + '&limit=' + PAGE_LIMIT + crsParam();
    const asked = get().overviewAsked + 1;
    setState({ overviewAsked: asked, overviewBusy: true });
    loadPages('/api/v1/overview?' + query, auth(), 1000).then(r => {
      if (get().overviewAsked !== asked) return; // a newer question was asked meanwhile
      if (!get().token) { setState({ overviewBusy: false }); return; } // logged out meanwhile
      overviewSource.clear();
      overviewSource.addFeatures(r.features);
      setState({ overview: r.first, overviewBusy: false });
    }).catch(err => {
      if (get().overviewAsked !== asked) return;
      // the earlier overview is not this request's answer: neither its totals nor its points stay
      setState({ overview: null, overviewBusy: false });
      plannerFailed(err);
    });
  });
  subscribe(['overview'], s => { if (!s.overview) overviewSource.clear(); });
  subscribe(['overview', 'overviewBusy', 'lang'], renderOverview);
  subscribe(['lang'], renderFormOptions);
  renderFormOptions();
}

function renderFormOptions() {
  for (const option of $('ov-form').options) option.textContent = (t('forms') || {})[option.value] || option.value;
}

function renderOverview(s) {
  const o = s.overview;
  const legend = $('ov-legend');
  legend.innerHTML = '';
  const table = $('ov-totals');
  table.tHead.innerHTML = '';
  table.tBodies[0].innerHTML = '';
  table.hidden = !o;
  $('ov-totals-wrap').hidden = !o;
  $('ov-submit').disabled = s.overviewBusy;
  if (s.overviewBusy) $('ov-status').textContent = t('overviewBusy');
  if (!o) { if (!s.overviewBusy) $('ov-status').textContent = ''; return; }
  const verdicts = Object.keys(VERDICT_COLOURS).filter(v => v !== 'error' || o.totals.error > 0);
  for (const v of verdicts) {
    const li = document.createElement('li');
    li.dataset.verdict = v;
    const swatch = document.createElement('span');
    swatch.className = 'swatch dot';
    swatch.style.background = VERDICT_COLOURS[v];
    li.append(swatch, document.createTextNode(' ' + t('verdicts')[v] + ': '));
    const n = document.createElement('span');
    n.className = 'total';
    n.textContent = o.totals[v];
    li.appendChild(n);
    legend.appendChild(li);
  }
  const head = table.tHead.insertRow();
  [t('town'), t('addresses')].concat(verdicts.map(v => t('verdicts')[v])).forEach(text => {
    const th = document.createElement('th');
    th.textContent = text;
    head.appendChild(th);
  });
  const rows = o.totalsPerTown.concat([Object.assign({ town: t('total'), total: true }, o.totals)]);
  for (const r of rows) {
    const tr = table.tBodies[0].insertRow();
    tr.dataset.town = r.total ? '' : r.town;
    if (r.total) tr.className = 'total';
    tr.insertCell().textContent = r.town;
    tr.insertCell().textContent = r.addresses;
    for (const v of verdicts) {
      const td = tr.insertCell();
      td.dataset.verdict = v;
      td.textContent = r[v];
    }
  }
  const a = o.assessment;
  if (s.overviewBusy) return;
  $('ov-status').textContent = o.totals.addresses + ' ' + t('addresses').toLowerCase() + ', '
    + ((t('forms') || {})[a.form] || a.form) + ', ' + a.persons + ' ' + t('persons').toLowerCase()
    + (a.newBuild ? ', ' + t('newBuild').toLowerCase() : '') + '; ' + t('computedIn') + ' ' + o.computed.millis + ' ms'
    + (o.computed.cached ? ' (' + t('cached') + ')' : '');
}
