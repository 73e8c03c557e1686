// Environmental zoning on the check page (issue 12): every source the environmental_zoning evidence lists (a company
// within its VNG guide distance) drawn with its guide-distance zone, from
// GET /api/v1/layers/environmental_source/{id}/zone. Self-contained (one layer, one function), so it can move into a
// module as it is; app.js calls Plek.drawEnvironmentalZones after every check.
(function () {
  'use strict';
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

  /**
   * Clears the previous zones and draws those of this answer. crs: the CRS asked of the server ('CRS84' or
   * 'EPSG:28992'), olCrs: its OpenLayers code. Returns a promise of the number of sources drawn.
   */
  Plek.drawEnvironmentalZones = function (map, result, crs, olCrs) {
    if (!layer) {
      layer = new ol.layer.Vector({ source: new ol.source.Vector(), style: style, zIndex: 12 });
      layer.set('name', 'environment');
      map.addLayer(layer);
    }
    layer.getSource().clear();
    const zoning = result && result.criteria && result.criteria.find(c => c.id === 'environmental_zoning');
    const sources = (zoning && zoning.evidence && zoning.evidence.sources) || [];
    return Promise.all(sources.map(s => Plek.getJson('/api/v1/layers/environmental_source/' + encodeURIComponent(s.featureId)
        + '/zone?distance=' + encodeURIComponent(s.guideDistanceM) + (crs === 'CRS84' ? '' : '&crs=' + crs))
      .then(fc => layer.getSource().addFeatures(Plek.readFeatures(fc, map.getView().getProjection(), olCrs)))))
      .then(() => sources.length);
  };
})();
