// The initiatives on the map: an organisation's at its site (a filled circle), a private person's at its village's
// point (an open square: never the home itself). A click on a point chooses it; the chosen one gets a dark ring.
import ol from '../common/ol.js';
import { backgroundLayers, createView, initialProjection, projectionSwitch, keepScaleLimits, configuredBackground,
  readFeatures, resolutionForZoom, fitToDataset } from '../common/map.js';
import { get, setState, subscribe } from './state.js';

const source = new ol.source.Vector();
const SITE = '#003d73', PLACE = '#7a3b00';
const layer = new ol.layer.Vector({
  source,
  properties: { role: 'public_initiatives' },
  style: f => {
    const selected = f.get('index') === get().selected;
    const site = f.get('location') === 'site';
    const image = site
      ? new ol.style.Circle({ radius: selected ? 9 : 7, fill: new ol.style.Fill({ color: SITE }), stroke: new ol.style.Stroke({ color: '#fff', width: 2 }) })
      : new ol.style.RegularShape({ points: 4, radius: selected ? 11 : 9, angle: Math.PI / 4, fill: new ol.style.Fill({ color: 'rgba(255,255,255,0.7)' }), stroke: new ol.style.Stroke({ color: PLACE, width: 3 }) });
    const styles = [new ol.style.Style({ image })];
    if (selected) styles.unshift(new ol.style.Style({ image: new ol.style.Circle({ radius: 15, stroke: new ol.style.Stroke({ color: '#1a1a1a', width: 3 }) }) }));
    return styles;
  }
});

// the housing locations a resident can send a signal about (signal.js): a dark-red triangle, the chosen one ringed
const locationSource = new ol.source.Vector();
const locationLayer = new ol.layer.Vector({
  source: locationSource,
  properties: { role: 'public_locations' },
  style: f => {
    const chosen = f.get('locationId') === get().signalLocation;
    const styles = [new ol.style.Style({ image: new ol.style.RegularShape({ points: 3, radius: chosen ? 11 : 9,
      fill: new ol.style.Fill({ color: '#8b1a1a' }), stroke: new ol.style.Stroke({ color: '#fff', width: 2 }) }) })];
    if (chosen) styles.unshift(new ol.style.Style({ image: new ol.style.Circle({ radius: 15, stroke: new ol.style.Stroke({ color: '#1a1a1a', width: 3 }) }) }));
    return styles;
  }
});

/** Set once by createMap(). */
export let map = null;

export function createMap() {
  map = new ol.Map({
    target: 'map',
    layers: [...backgroundLayers(), layer, locationLayer],
    view: createView(initialProjection()),
    keyboardEventTarget: document.getElementById('map')
  });
  projectionSwitch(map);
  keepScaleLimits(map);
  configuredBackground(map);
  map.on('singleclick', e => {
    let hit = null;
    map.forEachFeatureAtPixel(e.pixel, f => { hit = f; return true; }, { layerFilter: l => l === layer, hitTolerance: 6 });
    if (hit) { setState({ selected: hit.get('index') }); return; }
    map.forEachFeatureAtPixel(e.pixel, f => { hit = f; return true; }, { layerFilter: l => l === locationLayer, hitTolerance: 6 });
    if (hit) setState({ signalLocation: hit.get('locationId') });
  });
  subscribe(['locations'], s => {
    locationSource.clear();
    const features = readFeatures({ type: 'FeatureCollection', features: s.locations }, map.getView().getProjection(), 'EPSG:4326');
    features.forEach(f => f.set('locationId', f.getId()));
    locationSource.addFeatures(features);
  });
  subscribe(['signalLocation'], () => locationSource.changed());
  // the features follow the items: every page appended, a new filter replaces them; the projection switch
  // transforms what is there (common/map.js)
  subscribe(['items'], s => show(s.items));
  subscribe(['selected'], s => {
    source.changed();
    if (s.selected != null) showOne(s.selected);
  });
  return map;
}

function show(items) {
  source.clear();
  const fc = { type: 'FeatureCollection', features: items.map((f, index) => ({ ...f, properties: { ...f.properties, index } })).filter(f => f.geometry) };
  source.addFeatures(readFeatures(fc, map.getView().getProjection(), 'EPSG:4326'));
  if (source.getFeatures().length) {
    const view = map.getView(), extent = source.getExtent();
    view.fit(extent, { padding: [40, 40, 40, 40], minResolution: resolutionForZoom(view, 15, ol.extent.getCenter(extent)) });
  } else {
    fitToDataset(map);
  }
}

function showOne(index) {
  const f = source.getFeatures().find(x => x.get('index') === index);
  if (!f) return;
  const view = map.getView(), extent = f.getGeometry().getExtent();
  // no closer than Web Mercator's zoom 15 in either projection: a village, not a house
  view.fit(extent, { padding: [60, 60, 60, 60], minResolution: resolutionForZoom(view, 15, ol.extent.getCenter(extent)) });
}
