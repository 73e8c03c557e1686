// Print on one A4 sheet: the page laid out for paper (check.css, body.printing), the map drawn at that size around
// the site and its evidence, with the date, the data set, the policy and the projection; undone after printing.
// The print button and the browser's own print (Ctrl+P: beforeprint) both go through prepare().
import ol from '../common/ol.js';
import { projectionKey, resolutionForZoom } from '../common/map.js';
import { get } from './state.js';
import { ui, t } from './texts.js';
import { map, siteLayer } from './map.js';
import { layers } from './evidence.js';

const $ = id => document.getElementById(id);

function prepare() {
  $('print-date').textContent = t('printedOn') + ' ' + new Date().toLocaleString(ui.locale, { dateStyle: 'long', timeStyle: 'short' });
  if (!get().result) $('print-dataset').textContent = '';
  $('print-projection').textContent = t('projection') + ': ' + t(projectionKey(map.getView().getProjection().getCode()));
  document.body.classList.add('printing');
  map.updateSize();
  const extent = ol.extent.createEmpty();
  [siteLayer, layers.band, layers.facilities].forEach(l => ol.extent.extend(extent, l.getSource().getExtent()));
  if (!ol.extent.isEmpty(extent)) {
    map.getView().fit(extent, { padding: [40, 30, 20, 30],
      minResolution: resolutionForZoom(map.getView(), 17, ol.extent.getCenter(extent)) });
  }
  map.renderSync();
}

function end() {
  document.body.classList.remove('printing');
  map.updateSize();
}

export function startPrint() {
  $('print').addEventListener('click', () => { prepare(); setTimeout(() => { window.print(); }, 300); });
  window.addEventListener('beforeprint', () => { if (!document.body.classList.contains('printing')) prepare(); });
  window.addEventListener('afterprint', end);
}
