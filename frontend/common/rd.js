// RD New (EPSG:28992) for OpenLayers without proj4js (which is not on Maven Central as a webjar): the published
// approximation formulas of Schreutelkamp and Strang van Hees between RD and WGS84 ("Benaderingsformules voor de
// transformatie tussen RD- en WGS84-kaartcoördinaten"), within about a metre in the Netherlands. Only the map's
// display uses them: layers come from the server already in RD New (crs=EPSG:28992, RDNAPTRANS), and sites are
// sent back in RD New, so no criterion ever sees an approximated coordinate.
import ol from './ol.js';

// registered with OpenLayers once, when the first module imports this one
const X0 = 155000, Y0 = 463000, PHI0 = 52.15517440, LAM0 = 5.38720621;
// [p, q, coefficient]: RD -> WGS84, latitude K and longitude L in seconds of arc, over dX^p dY^q (1e-5 m units)
const K = [[0, 1, 3235.65389], [2, 0, -32.58297], [0, 2, -0.24750], [2, 1, -0.84978], [0, 3, -0.06550],
           [2, 2, -0.01709], [1, 0, -0.00738], [4, 0, 0.00530], [2, 3, -0.00039], [4, 1, 0.00033], [1, 1, -0.00012]];
const L = [[1, 0, 5260.52916], [1, 1, 105.94684], [1, 2, 2.45656], [3, 0, -0.81885], [1, 3, 0.05594],
           [3, 1, -0.05607], [0, 1, 0.01199], [3, 2, -0.00256], [1, 4, 0.00128], [0, 2, 0.00022], [2, 0, -0.00022],
           [5, 0, 0.00026]];
// WGS84 -> RD, x (R) and y (S) in metres, over dPhi^p dLam^q (0.36 * degrees, i.e. units of 10,000 seconds)
const R = [[0, 1, 190094.945], [1, 1, -11832.228], [2, 1, -114.221], [0, 3, -32.391], [1, 0, -0.705],
           [3, 1, -2.340], [1, 3, -0.608], [0, 2, -0.008], [2, 3, 0.148]];
const S = [[1, 0, 309056.544], [0, 2, 3638.893], [2, 0, 73.077], [1, 2, -157.984], [3, 0, 59.788],
           [0, 1, 0.433], [2, 2, -6.439], [1, 1, -0.032], [0, 4, 0.092], [1, 4, -0.054]];
const sum = (terms, a, b) => terms.reduce((acc, [p, q, c]) => acc + c * Math.pow(a, p) * Math.pow(b, q), 0);

/** [lon, lat] (WGS84/ETRS89 degrees) -> [x, y] RD New metres. */
export function fromLonLat(lonLat) {
  const dPhi = 0.36 * (lonLat[1] - PHI0), dLam = 0.36 * (lonLat[0] - LAM0);
  return [X0 + sum(R, dPhi, dLam), Y0 + sum(S, dPhi, dLam)];
}

/** [x, y] RD New metres -> [lon, lat] degrees. */
export function toLonLat(xy) {
  const dX = (xy[0] - X0) * 1e-5, dY = (xy[1] - Y0) * 1e-5;
  return [LAM0 + sum(L, dX, dY) / 3600, PHI0 + sum(K, dX, dY) / 3600];
}

// EPSG:28992's area of use as the projection extent, so OpenLayers can fit and constrain views
export const projection = new ol.proj.Projection({ code: 'EPSG:28992', units: 'm',
  extent: [-285401.92, 22598.08, 595401.92, 903401.92] });
ol.proj.addProjection(projection);
ol.proj.addCoordinateTransforms('EPSG:4326', projection, fromLonLat, toLonLat);
ol.proj.addCoordinateTransforms('EPSG:3857', projection,
  c => fromLonLat(ol.proj.toLonLat(c)), xy => ol.proj.fromLonLat(toLonLat(xy)));

