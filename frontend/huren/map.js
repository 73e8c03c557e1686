// The streets on the map, coloured by room left; the chosen street with a dark casing. A click (or tap) on a line
// chooses that street. In RD New the streets come from the server in RD New; a later switch transforms them.
import ol from '../common/ol.js';
import { backgroundLayers, createView, initialProjection, projectionSwitch, keepScaleLimits, configuredBackground,
  readFeatures, resolutionForZoom } from '../common/map.js';
import { get, setState, subscribe } from './state.js';

// text colours with at least 4.5:1 contrast on white (WCAG 1.4.3); the lines use the same hues
// not_applicable (issue 16): too few dwellings for a first room-rented one; its own colour, not the red of "full"
export const COLOURS = { available: '#1b7d2c', almost_full: '#e0a000', full: '#b00020', not_applicable: '#5b6b8c' };

export const streetSource = new ol.source.Vector();
const streetLayer = new ol.layer.Vector({
  source: streetSource,
  properties: { role: 'room_rental_streets' },
  style: f => {
    const selected = f.getId() === get().selected;
    const line = new ol.style.Style({ stroke: new ol.style.Stroke({ color: COLOURS[f.get('status')] || '#666', width: selected ? 8 : 5 }) });
    // the chosen street gets a dark casing, so it stands out by more than colour alone (WCAG 1.4.1)
    return selected ? [new ol.style.Style({ stroke: new ol.style.Stroke({ color: '#1a1a1a', width: 12 }) }), line] : line;
  }
});

/** Set once by createMap(). */
export let map = null;

export function createMap() {
  map = new ol.Map({
    target: 'map',
    // our own layers as the background (common/map.js); a configured PDOK base map goes under them
    layers: [...backgroundLayers(), streetLayer],
    view: createView(initialProjection()),
    keyboardEventTarget: document.getElementById('map')
  });
  projectionSwitch(map);
  keepScaleLimits(map);
  configuredBackground(map);
  map.on('singleclick', e => {
    let hit = null;
    map.forEachFeatureAtPixel(e.pixel, f => { hit = f; return true; }, { layerFilter: l => l === streetLayer, hitTolerance: 8 });
    if (!hit) return;
    document.getElementById('address').value = ''; // the address searched before is not on this street
    setState({ answer: null, error: null, selected: hit.getId() });
  });
  subscribe(['selected'], () => streetSource.changed());
  return map;
}

/** The CRS to ask the streets in: the map's RD New (the server's RDNAPTRANS), else CRS84. */
export const streetsCrs = () => (map.getView().getProjection().getCode() === 'EPSG:28992' ? 'EPSG:28992' : 'EPSG:4326');

/** The streets of an answer onto the map, which then shows them all. */
export function showStreets(fc, crs) {
  streetSource.addFeatures(readFeatures(fc, map.getView().getProjection(), crs));
  if (streetSource.getFeatures().length) map.getView().fit(streetSource.getExtent(), { padding: [20, 20, 20, 20] });
}

/** The map on a street found by address or chosen in the list: otherwise it may lie outside the view (a phone). */
export function showStreet(id) {
  const f = streetSource.getFeatureById(id);
  if (!f) return;
  const view = map.getView(), extent = f.getGeometry().getExtent();
  // no closer than Web Mercator's zoom 17, in either projection
  view.fit(extent, { padding: [40, 40, 40, 40], minResolution: resolutionForZoom(view, 17, ol.extent.getCenter(extent)) });
}
