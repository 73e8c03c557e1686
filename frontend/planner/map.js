// The planner view's map: the common background plus the layers it leaves out (points), then the registers, the
// overview and the selection. In RD New every answer comes from the server in RD New (RDNAPTRANS).
import ol from '../common/ol.js';
import { getJson } from '../common/api.js';
import { BACKGROUND, backgroundLayers, createView, initialProjection, projectionSwitch, keepScaleLimits, layerOverview,
  readFeatures, resolutionForZoom, OVERVIEW_SCALE } from '../common/map.js';

export const VERDICT_COLOURS = { allowed: '#1b7d2c', conditional: '#e0a000', not_allowed: '#b00020', error: '#666666' };
export const PAGE_LIMIT = 1000;
const EXTRA_LAYERS = [
  { role: 'village', fill: '#6a3d9a', stroke: '#ffffff', radius: 6 },
  { role: 'facility', fill: '#d95f02', stroke: '#ffffff', radius: 5 },
  { role: 'address', fill: '#1f4e79', stroke: '#ffffff', radius: 3, maxScaleDenominator: 10000 },
  // Bijlage 1 environment layers: noise coloured by its band's upper bound (legend: NOISE_BANDS)
  { role: 'noise', fill: 'rgba(230,120,30,0.25)', stroke: '#c05000', bands: true },
  { role: 'odour_contour', fill: 'rgba(120,90,40,0.2)', stroke: '#6b4f1d', classes: 'odour' },
  { role: 'external_safety_area', fill: 'rgba(200,0,80,0.2)', stroke: '#b0004f', radius: 5, classes: 'safety' },
  // companies by VNG category (Bedrijven en milieuzonering): light for 1, dark for 6 (legend: LEGENDS.category)
  { role: 'environmental_source', fill: 'rgba(120,60,140,0.35)', stroke: '#5a2a6e', radius: 5, classes: 'category' },
  // yards (the BGT's erven): the open part of a plot, drawn at the buildings' scale
  { role: 'erf', fill: 'rgba(205,185,140,0.45)', stroke: '#9c8450', maxScaleDenominator: 10000 }
];
/**
 * The classes a layer is coloured by, each with its legend entry: the feature's attribute, the value of each class
 * (null: the feature has none) and its colour. The legend's words are in the page texts (planner.legend).
 */
export const LEGENDS = {
  category: { attribute: 'category', classes: [['1', '#fff3b0'], ['2', '#fde08a'], ['3.1', '#fbbf62'], ['3.2', '#f59a45'],
    ['4.1', '#e8702f'], ['4.2', '#d4472a'], ['5.1', '#b32631'], ['5.2', '#8c1c3f'], ['5.3', '#64164a'], ['6', '#3b0f4a'],
    [null, '#9e9e9e']] },
  // OU_E/m3 up to the profile's standards inside (3) and outside (14) the built-up area, and above
  odour: { attribute: 'ou_m3', upTo: true, classes: [[3, 'rgba(200,170,90,0.3)'], [14, 'rgba(160,110,40,0.35)'],
    [Infinity, 'rgba(110,60,20,0.45)']] },
  safety: { attribute: 'kind', classes: [['area', 'rgba(200,0,80,0.25)'], ['lpg_station', '#b0004f'],
    ['gas_pipeline', '#e65100'], [null, '#777777']] }
};
/** Lden bands of the noise layer and its legend: up to this many dB (the band's upper bound), this colour. */
export const NOISE_BANDS = [[50, 'rgba(60,160,60,0.3)'], [55, 'rgba(230,200,40,0.35)'], [60, 'rgba(240,140,30,0.4)'],
  [65, 'rgba(220,60,30,0.45)'], [Infinity, 'rgba(150,0,60,0.5)']];
/** Per role how the layer is drawn (the layer list's swatches too). */
export const SPECS = {};
BACKGROUND.concat(EXTRA_LAYERS).forEach(s => { SPECS[s.role] = s; });

/** The map's projection now: Web Mercator, or RD New (rd.js) by ?proj=rd or the switch. */
export function projection() { return map.getView().getProjection(); }

/** In RD New the answers come in RD New (the server's RDNAPTRANS), else in CRS84 for OpenLayers to project. */
export function rd() { return projection().getCode() === 'EPSG:28992'; }
export function crsParam() { return rd() ? '&crs=EPSG:28992' : ''; }
export function dataCode() { return rd() ? 'EPSG:28992' : 'EPSG:4326'; }

/** A geometry of an answer (CRS84, or RD New when asked with crsParam) in the map's projection. */
export function readGeometry(geometry, code) {
  return new ol.format.GeoJSON({ dataProjection: code || 'EPSG:4326', featureProjection: projection() }).readGeometry(geometry);
}

/**
 * Every page of a GeoJSON answer, following its next links, into the map's projection; init carries the token.
 * The data is CRS84 unless the url asks for crs=EPSG:28992.
 */
export async function loadPages(url, init, maxPages) {
  const features = [];
  let first = null;
  for (let page = 0; url && page < (maxPages || 20); page++) {
    const fc = await getJson(url, init);
    if (!first) first = fc;
    const rd = new URL(url, location.href).searchParams.get('crs') === 'EPSG:28992';
    features.push(...readFeatures(fc, projection(), rd ? 'EPSG:28992' : 'EPSG:4326'));
    const next = (fc.links || []).find(l => l.rel === 'next');
    url = next ? next.href : null;
  }
  return { features, first };
}

function pointOrAreaStyle(spec) {
  const area = new ol.style.Style({ fill: new ol.style.Fill({ color: spec.fill }), stroke: new ol.style.Stroke({ color: spec.stroke, width: 1 }) });
  const point = new ol.style.Style({ image: new ol.style.Circle({ radius: spec.radius || 4,
    fill: new ol.style.Fill({ color: spec.fill }), stroke: new ol.style.Stroke({ color: spec.stroke, width: 1 }) }) });
  return f => f.getGeometry().getType().endsWith('Point') ? point : area;
}

function noiseStyle(spec) {
  const styles = NOISE_BANDS.map(([, colour]) => new ol.style.Style({ fill: new ol.style.Fill({ color: colour }),
    stroke: new ol.style.Stroke({ color: spec.stroke, width: 0.5 }) }));
  const other = pointOrAreaStyle(spec);
  return f => {
    const high = parseFloat(f.get('lden_high'));
    if (isNaN(high)) return other(f);
    return styles[NOISE_BANDS.findIndex(([upTo]) => high <= upTo)];
  };
}

/** The class a feature falls in (an index into the legend's classes; -1: none). */
export function classOf(legend, feature) {
  const v = feature.get(legend.attribute);
  if (legend.upTo) {
    const n = parseFloat(v);
    return isNaN(n) ? -1 : legend.classes.findIndex(([upTo]) => n <= upTo);
  }
  const i = legend.classes.findIndex(([value]) => value !== null && String(value) === String(v));
  return i >= 0 ? i : legend.classes.findIndex(([value]) => value === null);
}

function classStyle(spec) {
  const legend = LEGENDS[spec.classes];
  const styles = legend.classes.map(([, colour]) => {
    const fill = new ol.style.Fill({ color: colour }), stroke = new ol.style.Stroke({ color: spec.stroke, width: 1 });
    return {
      area: new ol.style.Style({ fill, stroke }),
      point: new ol.style.Style({ image: new ol.style.Circle({ radius: spec.radius || 4, fill, stroke }) }),
      line: new ol.style.Style({ stroke: new ol.style.Stroke({ color: colour, width: 3 }) })
    };
  });
  const other = pointOrAreaStyle(spec);
  return f => {
    const i = classOf(legend, f);
    if (i < 0) return other(f);
    const type = f.getGeometry().getType();
    return type.endsWith('Point') ? styles[i].point : type.endsWith('LineString') ? styles[i].line : styles[i].area;
  };
}

function extraLayer(spec) {
  const source = new ol.source.Vector({
    strategy: ol.loadingstrategy.bbox,
    loader: (extent, resolution, proj, success, failure) => {
      // as the common background: in RD New the server sends RD New (RDNAPTRANS), in Web Mercator CRS84
      const url = proj.getCode() === 'EPSG:28992'
        ? '/api/v1/layers/' + spec.role + '?limit=' + PAGE_LIMIT + '&crs=EPSG:28992&bbox-crs=EPSG:28992&bbox='
          + extent.map(v => v.toFixed(2)).join(',')
        : '/api/v1/layers/' + spec.role + '?limit=' + PAGE_LIMIT + '&bbox='
          + ol.proj.transformExtent(extent, proj, 'EPSG:4326').map(v => v.toFixed(6)).join(',');
      layerOverview()
        .then(body => body.layers.some(l => l.role === spec.role && l.count > 0) ? loadPages(url) : { features: [] })
        .then(r => { source.addFeatures(r.features); success(r.features); })
        .catch(() => { source.removeLoadedExtent(extent); failure(); });
    }
  });
  // background: a projection switch fetches them anew (common.js) instead of transforming them
  // the scale in ground metres, the same in both projections (common/map.js keepScaleLimits)
  return new ol.layer.Vector({ source,
    style: spec.bands ? noiseStyle(spec) : spec.classes ? classStyle(spec) : pointOrAreaStyle(spec),
    properties: { role: spec.role, background: true, maxScaleDenominator: spec.maxScaleDenominator || OVERVIEW_SCALE } });
}

export const dataLayers = backgroundLayers().concat(EXTRA_LAYERS.map(extraLayer));
export const initiativeSource = new ol.source.Vector();
export const permitSource = new ol.source.Vector();
export const overviewSource = new ol.source.Vector();
export const selectionSource = new ol.source.Vector();
const overviewStyles = {};
for (const [verdict, colour] of Object.entries(VERDICT_COLOURS)) {
  overviewStyles[verdict] = new ol.style.Style({ image: new ol.style.Circle({ radius: 4,
    fill: new ol.style.Fill({ color: colour }), stroke: new ol.style.Stroke({ color: '#ffffff', width: 1 }) }) });
}
/** The map (set by createMap). */
export let map = null;

export function createMap() {
  map = new ol.Map({
    target: 'map',
    layers: [
      ...dataLayers,
      new ol.layer.Vector({ source: overviewSource, properties: { name: 'overview' },
        style: f => overviewStyles[f.get('verdict')] || overviewStyles.error }),
      new ol.layer.Vector({ source: permitSource, properties: { name: 'permits' }, style: new ol.style.Style({
        stroke: new ol.style.Stroke({ color: '#0b6e99', width: 5 }),
        image: new ol.style.RegularShape({ points: 4, radius: 7, angle: Math.PI / 4, fill: new ol.style.Fill({ color: '#0b6e99' }),
          stroke: new ol.style.Stroke({ color: '#ffffff', width: 1 }) }) }) }),
      new ol.layer.Vector({ source: initiativeSource, properties: { name: 'initiatives' }, style: new ol.style.Style({
        stroke: new ol.style.Stroke({ color: '#7b1fa2', width: 3 }), fill: new ol.style.Fill({ color: 'rgba(123,31,162,0.2)' }),
        image: new ol.style.RegularShape({ points: 5, radius: 10, radius2: 4, fill: new ol.style.Fill({ color: '#7b1fa2' }),
          stroke: new ol.style.Stroke({ color: '#ffffff', width: 1 }) }) }) }),
      new ol.layer.Vector({ source: selectionSource, properties: { name: 'selection' }, style: new ol.style.Style({
        stroke: new ol.style.Stroke({ color: '#c00000', width: 3, lineDash: [8, 4] }), fill: new ol.style.Fill({ color: 'rgba(200,0,0,0.08)' }),
        image: new ol.style.Circle({ radius: 9, stroke: new ol.style.Stroke({ color: '#c00000', width: 3 }) }) }) })
    ],
    view: createView(initialProjection()),
    keyboardEventTarget: document.getElementById('map')
  });
  projectionSwitch(map);
  keepScaleLimits(map);
  return map;
}

export function layerOf(role) { return dataLayers.find(l => l.get('role') === role); }

export function zoomTo(feature) {
  if (!feature) return;
  selectionSource.clear();
  selectionSource.addFeature(new ol.Feature(feature.getGeometry().clone()));
  // no closer than Web Mercator's zoom 17 shows it, in either projection
  const view = map.getView();
  view.fit(feature.getGeometry().getExtent(), { minResolution: resolutionForZoom(view, 17, ol.extent.getCenter(feature.getGeometry().getExtent())),
    padding: [60, 60, 60, 60] });
}
