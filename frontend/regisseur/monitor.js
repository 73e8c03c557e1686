// The monitor of §8.1 (GET /api/v1/monitor) as a bar chart per village, a bar per year and key stacked, for the
// measure chosen; the table below it gives the same numbers as text (a chart is a picture: the table is what a
// screen reader reads). Apache ECharts' ES module build from its webjar: a module, so no global.
import * as echarts from '/webjars/echarts/5.3.1/dist/echarts.esm.min.js';
import { get, subscribe, setState } from './state.js';
import { t, word } from './texts.js';
import { call } from './api.js';
import { failed } from './main.js';

const $ = id => document.getElementById(id);
const MEASURES = ['initiatives', 'permit_applications', 'realised', 'signals', 'room_rental_permits'];
let chart = null;

export function startMonitor() {
  $('monitor-measure').addEventListener('change', e => setState({ monitorMeasure: e.target.value }));
  const choices = s => {
    $('monitor-measure').replaceChildren(...MEASURES.map(m => new Option(word('measures', m), m)));
    $('monitor-measure').value = s.monitorMeasure;
  };
  subscribe(['lang'], choices);
  choices(get());
  subscribe(['monitor', 'monitorMeasure', 'lang'], render);
  subscribe(['token'], s => { if (!s.token && chart) { chart.dispose(); chart = null; } });
  window.addEventListener('resize', () => chart && chart.resize());
}

export function loadMonitor() {
  return call('GET', '/api/v1/monitor').then(body => setState({ monitor: body.rows || [] })).catch(failed);
}

function render(s) {
  const rows = (s.monitor || []).filter(r => r.measure === s.monitorMeasure);
  const body = $('monitor-table').tBodies[0];
  body.replaceChildren();
  for (const r of rows) {
    const tr = body.insertRow();
    tr.dataset.measure = r.measure;
    tr.dataset.key = r.key; // the count's key as the API gives it, beside its word in the page's language
    for (const v of [r.year, r.village, keyWord(r), r.count]) tr.insertCell().textContent = v;
  }
  $('monitor-measure').value = s.monitorMeasure;
  const box = $('monitor-chart');
  box.setAttribute('aria-label', t('monitorChartLabel').replace('{measure}', word('measures', s.monitorMeasure)));
  if (!s.monitor || box.offsetParent === null) return;
  if (!chart) chart = echarts.init(box, null, { renderer: 'canvas' });
  const villages = [...new Set(rows.map(r => r.village))].sort();
  const series = [...new Set(rows.map(r => r.year + ' · ' + keyWord(r)))].sort().map(name => ({
    name, type: 'bar', stack: name.split(' · ')[0],
    data: villages.map(v => rows.filter(r => r.village === v && r.year + ' · ' + keyWord(r) === name).reduce((n, r) => n + r.count, 0))
  }));
  // animation off: the numbers are there at once (and a test or a print sees them)
  chart.setOption({ animation: false, tooltip: { trigger: 'axis', renderMode: 'richText' }, legend: { type: 'scroll', bottom: 0 },
    grid: { left: 40, right: 10, top: 10, bottom: 60 }, xAxis: { type: 'category', data: villages },
    yAxis: { type: 'value', minInterval: 1 }, series }, true);
}

function keyWord(r) {
  const tables = { initiatives: 'statuses', signals: 'categories', room_rental_permits: null };
  const table = tables[r.measure];
  return table ? word(table, r.key) : r.key;
}
