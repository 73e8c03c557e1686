// Environmental zoning on the check page (Bijlage 1): every source the environmental_zoning evidence lists (a company
// within its VNG guide distance) drawn with its guide-distance zone, from
// GET /api/v1/layers/environmental_source/{id}/zone. evidence.js draws them after every answer and clears them with
// the other evidence.
import ol from '../common/ol.js';
import { getJson } from '../common/api.js';
import { readFeatures } from '../common/map.js';

let layer = null;

function style(feature) {
  const zone = feature.get('kind') === 'zone';
  return new ol.style.Style({
    stroke: new ol.style.Stroke({ color: '#8a4b00', width: zone ? 1.5 : 2.5, lineDash: zone ? [6, 4] : undefined }),
    fill: new ol.style.Fill({ color: zone ? 'rgba(230,140,0,0.10)' : 'rgba(138,75,0,0.35)' }),
    image: zone ? undefined : new ol.style.Circle({ radius: 5, fill: new ol.style.Fill({ color: '#8a4b00' }) }),
    text: zone ? undefined : new ol.style.Text({ text: feature.get('category') ? 'cat. ' + feature.get('category') : '',
      offsetY: -12, font: '12px sans-serif', fill: new ol.style.Fill({ color: '#5a3000' }) })
  });
}

export function clearEnvironmentalZones() {
  if (layer) layer.getSource().clear();
}

/**
 * Draws the zones of this answer. crs: the CRS asked of the server ('CRS84' or 'EPSG:28992'), olCrs: its
 * OpenLayers code; current(): whether this answer is still the latest (a late one draws nothing). Returns a promise
 * of the number of sources.
 */
export function drawEnvironmentalZones(map, result, crs, olCrs, current) {
  if (!layer) {
    layer = new ol.layer.Vector({ source: new ol.source.Vector(), style, zIndex: 12 });
    layer.set('name', 'environment');
    map.addLayer(layer);
  }
  const zoning = result && result.criteria && result.criteria.find(c => c.id === 'environmental_zoning');
  const sources = (zoning && zoning.evidence && zoning.evidence.sources) || [];
  return Promise.all(sources.map(s => getJson('/api/v1/layers/environmental_source/' + encodeURIComponent(s.featureId)
      + '/zone?distance=' + encodeURIComponent(s.guideDistanceM) + (crs === 'CRS84' ? '' : '&crs=' + crs))
    .then(fc => { if (!current || current()) layer.getSource().addFeatures(readFeatures(fc, map.getView().getProjection(), olCrs)); })))
    .then(() => sources.length);
}
