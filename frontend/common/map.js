// What every map page shares: the background drawn from our own layers (no visitor request goes to a third party,
// AVG) with scale limits in ground metres, the configured base map, the projection switch Web Mercator / RD New
// and the scale arithmetic that makes a zoom mean the same ground in both.
import ol from './ol.js';
import './rd.js'; // EPSG:28992 registered with OpenLayers
import { getJson, noteDataset } from './api.js';

export const geojson = new ol.format.GeoJSON({ dataProjection: 'EPSG:4326', featureProjection: 'EPSG:3857' });

/** GeoJSON features in {@code dataCode} (CRS84 unless the request asked for crs=EPSG:28992) into the map's projection. */
export function readFeatures(fc, projection, dataCode) {
  const code = typeof projection === 'string' ? projection : projection.getCode();
  return new ol.format.GeoJSON({ dataProjection: dataCode || 'EPSG:4326', featureProjection: code }).readFeatures(fc);
}

// The background from our own layers, so no visitor request goes to a third party (AVG). Roles the dataset
// lacks (water in the demo, say) are not asked for.
export const BACKGROUND = [
  { role: 'water', fill: 'rgba(150,190,230,0.8)', stroke: '#5b8fc7' },
  { role: 'agricultural_plot', fill: 'rgba(214,196,120,0.45)', stroke: '#a08c3c' },
  { role: 'business_park', fill: 'rgba(170,150,200,0.45)', stroke: '#7a5fa0' },
  { role: 'recreation_zone', fill: 'rgba(120,190,120,0.5)', stroke: '#2f7d32' },
  { role: 'built_up_area', fill: 'rgba(230,200,190,0.45)', stroke: '#b07060' },
  { role: 'building', fill: 'rgba(150,130,120,0.8)', stroke: '#6b5a50', maxScaleDenominator: 10000 },
  { role: 'road', stroke: '#ffffff', casing: '#888888', width: 3 }
];
// Scales as ground distance, the same in every projection: a layer shows at 1:maxScaleDenominator and larger
// scales (SLD's MaxScaleDenominator). A zoom number would not do: RD New's zoom 0 is ~3,440 m per pixel, Web
// Mercator's 156,543 m at the equator (~95,000 m here), so one minZoom means two different scales.
export const OVERVIEW_SCALE = 150000;
// Pages of 1000 features, following the answer's next link; the cap keeps a zoomed-out view of a large
// municipality from loading everything (zoom in to see the rest).
const PAGE_LIMIT = 1000, MAX_PAGES = 20;

let overview = null;
/** GET /api/v1/layers once per page: the roles present, the extent, the dataset block. */
export function layerOverview() {
  if (!overview) overview = getJson('/api/v1/layers').catch(err => { overview = null; throw err; });
  return overview;
}

async function loadAll(url, projection) {
  const features = [];
  for (let page = 0; url && page < MAX_PAGES; page++) {
    const fc = await getJson(url);
    const asked = new URL(url, location.href).searchParams.get('crs');
    features.push(...readFeatures(fc, projection, asked === 'EPSG:28992' ? 'EPSG:28992' : 'EPSG:4326'));
    const next = (fc.links || []).find(l => l.rel === 'next');
    url = next ? next.href : null;
  }
  return features;
}

// In RD New the server sends RD New (RDNAPTRANS, exact); in Web Mercator it sends CRS84 and OpenLayers projects.
function layerUrl(role, extent, projection) {
  if (projection.getCode() === 'EPSG:28992') {
    return '/api/v1/layers/' + role + '?limit=' + PAGE_LIMIT + '&crs=EPSG:28992&bbox-crs=EPSG:28992&bbox='
      + extent.map(v => v.toFixed(2)).join(',');
  }
  const b = ol.proj.transformExtent(extent, projection, 'EPSG:4326').map(v => v.toFixed(6));
  return '/api/v1/layers/' + role + '?limit=' + PAGE_LIMIT + '&bbox=' + b.join(',');
}

function backgroundLayer(spec) {
  const source = new ol.source.Vector({
    strategy: ol.loadingstrategy.bbox,
    loader: (extent, resolution, projection, success, failure) => {
      layerOverview()
        .then(body => body.layers.some(l => l.role === spec.role)
          ? loadAll(layerUrl(spec.role, extent, projection), projection)
          : [])
        .then(fs => { source.addFeatures(fs); success(fs); })
        .catch(() => { source.removeLoadedExtent(extent); failure(); });
    }
  });
  const style = spec.casing
    ? [new ol.style.Style({ stroke: new ol.style.Stroke({ color: spec.casing, width: spec.width + 2 }) }),
       new ol.style.Style({ stroke: new ol.style.Stroke({ color: spec.stroke, width: spec.width }) })]
    : new ol.style.Style({ fill: new ol.style.Fill({ color: spec.fill }), stroke: new ol.style.Stroke({ color: spec.stroke, width: 1 }) });
  return new ol.layer.Vector({ source, style,
    properties: { role: spec.role, background: true, maxScaleDenominator: spec.maxScaleDenominator || OVERVIEW_SCALE } });
}

export function backgroundLayers() { return BACKGROUND.map(backgroundLayer); }

/**
 * The base map the deployment configured (GET /api/v1/map-config), put under all layers: nothing by default
 * (our own layers are the background; no third party), PDOK's BRT-Achtergrondkaart tiles with their
 * attribution when background=pdok-brt. The server's Content-Security-Policy allows exactly that tile host.
 */
export function configuredBackground(map) {
  return getJson('/api/v1/map-config').then(cfg => {
    if (cfg && cfg.background === 'pdok-brt') {
      map.getLayers().insertAt(0, new ol.layer.Tile({
        source: new ol.source.XYZ({ url: cfg.url, attributions: cfg.attribution, maxZoom: cfg.maxZoom, crossOrigin: 'anonymous' }),
        properties: { role: 'basemap', background: true }
      }));
    }
    return cfg;
  }).catch(() => null);
}

/** Fits the map to the dataset's extent and shows the fictitious banner; resolves to /api/v1/layers. */
export function fitToDataset(map) {
  return layerOverview().then(body => {
    const bbox = body.bbox || (body.layers && body.layers[0] && body.layers[0].bbox);
    if (bbox) map.getView().fit(ol.proj.transformExtent(bbox, 'EPSG:4326', map.getView().getProjection()), { padding: [20, 20, 20, 20] });
    noteDataset(body);
    return body;
  });
}

// ---- the map's projection: Web Mercator (default) or RD New (rd.js), chosen with ?proj=rd or the switch ----
export const PROJECTIONS = { mercator: 'EPSG:3857', rd: 'EPSG:28992' };

/**
 * The projection code the page starts in: the page's own choice (the check page's link), else ?proj=rd|mercator,
 * else the visitor's last choice in this tab, else Web Mercator.
 */
export function initialProjection(preferred) {
  const asked = preferred || new URLSearchParams(location.search).get('proj') || sessionStorage.getItem('plektoets.proj');
  return PROJECTIONS[asked] && ol.proj.get(PROJECTIONS[asked]) ? PROJECTIONS[asked] : PROJECTIONS.mercator;
}

/** 'rd' or 'mercator' for a projection code (the value of the switch, ?proj= and the check page's link). */
export function projectionKey(code) {
  return Object.keys(PROJECTIONS).find(k => PROJECTIONS[k] === code);
}

/** A view in {@code code}; without a resolution the country at the scale of Web Mercator's zoom 8. */
export function createView(code, center, resolution) {
  const view = new ol.View({ projection: code, center: center || ol.proj.fromLonLat([5.3, 52.2], code) });
  view.setResolution(resolution || resolutionForZoom(view, 8));
  return view;
}

/**
 * Switches the map to another projection: the view keeps its centre and scale, every page layer's features
 * are transformed, the background is fetched anew (in RD New straight from the server, no client transform).
 */
export function setProjection(map, code) {
  const view = map.getView(), from = view.getProjection();
  if (from.getCode() === code || !ol.proj.get(code)) return;
  const center = ol.proj.transform(view.getCenter(), from, code);
  // the same ground distance per pixel at the centre
  const metresPerPixel = ol.proj.getPointResolution(from, view.getResolution(), view.getCenter());
  const resolution = metresPerPixel / ol.proj.getPointResolution(code, 1, center);
  map.getLayers().forEach(layer => {
    const source = layer.getSource && layer.getSource();
    if (!(source instanceof ol.source.Vector)) return;
    if (layer.get('background')) source.clear(true);
    else source.getFeatures().forEach(f => f.getGeometry() && f.getGeometry().transform(from, code));
  });
  map.setView(createView(code, center, resolution));
  const key = projectionKey(code);
  sessionStorage.setItem('plektoets.proj', key);
  const select = document.getElementById('projection');
  if (select) select.value = key;
}

/** Wires a #projection select (values mercator, rd) to the map. */
export function projectionSwitch(map) {
  const select = document.getElementById('projection');
  if (!select) return;
  select.value = projectionKey(map.getView().getProjection().getCode());
  select.addEventListener('change', () => setProjection(map, PROJECTIONS[select.value]));
}

// ---- scale: ground metres per pixel, so thresholds and zoom steps mean the same in both projections ----
// OGC's standard rendering pixel (0.28 mm, WMS/SLD): 1:10,000 is 2.8 m on the ground per pixel
export const PIXEL_M = 0.00028;
// Web Mercator's resolution at zoom 0 (OpenLayers' default view); zooms in links and code are Web Mercator zooms
const MERCATOR_ZOOM0 = 156543.03392804097;

/** Metres on the ground per pixel at {@code at} (default the view's centre). */
export function groundResolution(view, at) {
  return ol.proj.getPointResolution(view.getProjection(), view.getResolution(), at || view.getCenter());
}

/** The view's resolution (its own units per pixel) that shows {@code metres} of ground per pixel at {@code at}. */
export function resolutionForGround(view, metres, at) {
  return metres / ol.proj.getPointResolution(view.getProjection(), 1, at || view.getCenter());
}

/** The ground a Web Mercator view at {@code zoom} shows per pixel at {@code at} (a coordinate of the view). */
function groundOfMercatorZoom(view, zoom, at) {
  const mercator = ol.proj.transform(at || view.getCenter(), view.getProjection(), 'EPSG:3857');
  return ol.proj.getPointResolution('EPSG:3857', MERCATOR_ZOOM0 / Math.pow(2, zoom), mercator);
}

/** The view's resolution showing the ground as a Web Mercator view at {@code zoom} does (the same in Web Mercator). */
export function resolutionForZoom(view, zoom, at) {
  return resolutionForGround(view, groundOfMercatorZoom(view, zoom, at), at);
}

/** The Web Mercator zoom with the view's ground resolution at its centre (the view's own zoom in Web Mercator). */
export function mercatorZoom(view) {
  const ground = groundResolution(view);
  return Math.log2(groundOfMercatorZoom(view, 0) / ground);
}

/** "1:10.000" in the language's digits. */
export function scaleText(denominator, lang) {
  return '1:' + denominator.toLocaleString(lang === 'en' ? 'en-GB' : lang || 'nl');
}

/**
 * Every layer with a maxScaleDenominator gets the maxResolution in view units that is that scale at the view's
 * centre; again for a new view (a projection switch) and after a move (the scale factor varies a few per cent
 * over the country in Web Mercator).
 */
export function keepScaleLimits(map) {
  const apply = () => {
    const view = map.getView();
    if (!view.getCenter() || !view.getProjection()) return;
    map.getLayers().forEach(layer => {
      const denominator = layer.get('maxScaleDenominator');
      if (!denominator) return;
      const wanted = resolutionForGround(view, denominator * PIXEL_M);
      const now = layer.getMaxResolution();
      if (!Number.isFinite(now) || Math.abs(now - wanted) > wanted * 0.002) layer.setMaxResolution(wanted);
    });
  };
  apply();
  map.on('change:view', apply);
  map.on('moveend', apply);
  map.getLayers().on('add', apply);
}

/** [lon, lat] into the map's projection and back. */
export const fromLonLat = (lonLat, map) => ol.proj.fromLonLat(lonLat, map.getView().getProjection());
export const toLonLat = (coordinate, map) => ol.proj.toLonLat(coordinate, map.getView().getProjection());
