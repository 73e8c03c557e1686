// The check page's map: the background from our own layers (common/map.js), the site on top, the evidence layers
// (evidence.js adds them). The site layer follows the state's site; the view is OpenLayers' own (the link reads it).
import ol from '../common/ol.js';
import { backgroundLayers as createBackground, createView, initialProjection, projectionSwitch, keepScaleLimits,
  fromLonLat, toLonLat, resolutionForZoom } from '../common/map.js';
import { subscribe } from './state.js';

const SITE_COLOUR = '#0050b4';

/** The map (set by createMap) and its background layers (the deciding feature is drawn from them). */
export let map = null;
export const backgroundLayers = createBackground();

export const siteLayer = new ol.layer.Vector({
  source: new ol.source.Vector(), zIndex: 20, properties: { evidence: 'site' },
  style: f => f.get('kind') === 'polygon'
    ? new ol.style.Style({ stroke: new ol.style.Stroke({ color: SITE_COLOUR, width: 3 }), fill: new ol.style.Fill({ color: 'rgba(0,80,180,0.15)' }) })
    : new ol.style.Style({ image: new ol.style.Circle({ radius: 8, fill: new ol.style.Fill({ color: SITE_COLOUR }),
      stroke: new ol.style.Stroke({ color: '#fff', width: 2 }) }) })
});
const siteSource = siteLayer.getSource();

/** The map in the projection the link or the visitor chose (proj: 'rd', 'mercator' or undefined). */
export function createMap(proj) {
  map = new ol.Map({
    target: 'map',
    layers: [...backgroundLayers, siteLayer],
    view: createView(initialProjection(proj)),
    // arrow keys pan and +/- zoom while the map has the focus (OpenLayers' keyboard interactions)
    keyboardEventTarget: document.getElementById('map')
  });
  projectionSwitch(map);
  keepScaleLimits(map);
  subscribe(['site', 'siteCrs'], drawSite);
  return map;
}

/** True when the map is RD New: sites are then picked, and the edge band fetched, in RD New. */
export const rdMap = () => map.getView().getProjection().getCode() === 'EPSG:28992';

/** A map coordinate as site coordinates and their CRS: RD New metres on an RD New map, else CRS84 degrees. */
export function mapSite(coordinate) {
  if (rdMap()) return { coordinates: [+coordinate[0].toFixed(2), +coordinate[1].toFixed(2)], crs: 'EPSG:28992' };
  const lonLat = toLonLat(coordinate, map);
  return { coordinates: [+lonLat[0].toFixed(7), +lonLat[1].toFixed(7)], crs: 'CRS84' };
}

export const olCode = crs => (crs === 'CRS84' ? 'EPSG:4326' : crs);
/** Site coordinates (in crs) on the map. */
const onMap = (c, crs) => ol.proj.transform(c, olCode(crs), map.getView().getProjection());

function drawSite(s) {
  siteSource.clear();
  if (!s.site) return;
  siteSource.addFeature(s.site.type === 'Point'
    ? new ol.Feature({ geometry: new ol.geom.Point(onMap(s.site.coordinates, s.siteCrs)), kind: 'site' })
    : new ol.Feature({ geometry: new ol.geom.Polygon([s.site.coordinates[0].map(c => onMap(c, s.siteCrs))]), kind: 'polygon' }));
}

/** The site as one point on the map: itself, or a polygon's interior point. */
export function sitePointOnMap() {
  const f = siteSource.getFeatures()[0];
  if (!f) return null;
  const g = f.getGeometry();
  return g.getType() === 'Point' ? g.getCoordinates() : g.getInteriorPoint().getCoordinates().slice(0, 2);
}

/** A link's view: its centre at its (Web Mercator) zoom's ground scale, in the map's projection. */
export function showView(v) {
  const view = map.getView(), at = fromLonLat(v.center, map);
  view.setCenter(at);
  view.setResolution(resolutionForZoom(view, v.zoom, at));
}

/** The map on the site: a point at street level (Web Mercator's zoom 16), a polygon as a whole. */
export function showSite() {
  const f = siteSource.getFeatures()[0];
  if (!f) return;
  const extent = f.getGeometry().getExtent();
  map.getView().fit(extent, { padding: [40, 40, 40, 40],
    minResolution: resolutionForZoom(map.getView(), 16, ol.extent.getCenter(extent)) });
}

/** The map to a point picked in the address list (CRS84), at street level (Web Mercator's zoom 16). */
export function flyTo(lonLat) {
  const at = fromLonLat(lonLat, map);
  map.getView().animate({ center: at, resolution: resolutionForZoom(map.getView(), 16, at), duration: 300 });
}
