// The regisseur's map: the common background and the housing locations (a dot each; the chosen one ringed). A click
// on a dot chooses the location, as its button in the list does.
import ol from '../common/ol.js';
import { backgroundLayers, createView, initialProjection, projectionSwitch, keepScaleLimits, configuredBackground,
  fitToDataset, resolutionForZoom } from '../common/map.js';
import { get, setState, subscribe } from './state.js';

const source = new ol.source.Vector();
const layer = new ol.layer.Vector({
  source,
  properties: { role: 'housing_locations' },
  style: f => {
    const chosen = f.get('locationId') === get().selectedLocation;
    const styles = [new ol.style.Style({ image: new ol.style.Circle({ radius: chosen ? 9 : 7,
      fill: new ol.style.Fill({ color: f.get('open') ? '#b00020' : '#003d73' }), stroke: new ol.style.Stroke({ color: '#fff', width: 2 }) }) })];
    if (chosen) styles.unshift(new ol.style.Style({ image: new ol.style.Circle({ radius: 15, stroke: new ol.style.Stroke({ color: '#1a1a1a', width: 3 }) }) }));
    return styles;
  }
});

/** Set once by createMap(). */
export let map = null;

export function createMap() {
  map = new ol.Map({
    target: 'map',
    layers: [...backgroundLayers(), layer],
    view: createView(initialProjection()),
    keyboardEventTarget: document.getElementById('map')
  });
  projectionSwitch(map);
  keepScaleLimits(map);
  configuredBackground(map);
  map.on('singleclick', e => {
    let hit = null;
    map.forEachFeatureAtPixel(e.pixel, f => { hit = f; return true; }, { layerFilter: l => l === layer, hitTolerance: 6 });
    if (hit) setState({ selectedLocation: hit.get('locationId') });
  });
  subscribe(['locations'], s => draw(s.locations));
  subscribe(['selectedLocation'], s => {
    source.changed();
    const f = source.getFeatures().find(x => x.get('locationId') === s.selectedLocation);
    if (f) {
      const view = map.getView(), extent = f.getGeometry().getExtent();
      view.fit(extent, { padding: [60, 60, 60, 60], minResolution: resolutionForZoom(view, 15, ol.extent.getCenter(extent)) });
    }
  });
  return map;
}

function draw(locations) {
  source.clear();
  const format = new ol.format.GeoJSON({ dataProjection: 'EPSG:4326', featureProjection: map.getView().getProjection() });
  for (const l of locations || []) {
    if (!l.site) continue;
    const geometry = format.readGeometry(l.site);
    const point = geometry.getType() === 'Point' ? geometry : new ol.geom.Point(ol.extent.getCenter(geometry.getExtent()));
    const f = new ol.Feature(point);
    f.set('locationId', l.id);
    f.set('open', (l.signals || []).some(s => s.status === 'open'));
    source.addFeature(f);
  }
  if (source.getFeatures().length) {
    const view = map.getView(), extent = source.getExtent();
    view.fit(extent, { padding: [40, 40, 40, 40], minResolution: resolutionForZoom(view, 14, ol.extent.getCenter(extent)) });
  } else {
    fitToDataset(map);
  }
}
