// Picking the site on the map: a click, the map centre by keyboard (the crosshair), or a drawn polygon; each is
// checked at once. The panel's line under the address says what the site is.
import ol from '../common/ol.js';
import { get, setState, subscribe, pointSite, polygonSite } from './state.js';
import { t } from './texts.js';
import { map, mapSite, rdMap } from './map.js';
import { siteLonLat } from './link.js';
import { assess } from './assess.js';

const $ = id => document.getElementById(id);

// the Draw interaction while drawing (an OpenLayers object; the state says only whether one is drawn), and when the
// last drawing ended: the click that closed a polygon must not also pick a point (singleclick comes 250 ms later)
let draw = null, drawEndedAt = 0;

export function startSitePicking() {
  map.on('singleclick', e => {
    // while the erf is picked or drawn (erf.js) a click is the erf's, not the site's
    if (get().drawing || get().erfMode || Date.now() - drawEndedAt < 1000) return;
    pickMapPoint(e.coordinate);
  });
  // Keyboard: the point under the crosshair (the map's centre) as the site.
  $('use-centre').addEventListener('click', () => pickMapPoint(map.getView().getCenter()));
  $('draw').addEventListener('click', () => (get().drawing ? stopDrawing() : startDrawing()));
  subscribe(['erfMode'], s => { if (s.erfMode && get().drawing) stopDrawing(); });
  document.addEventListener('keydown', e => { if (e.key === 'Escape' && get().drawing) stopDrawing(); });
  subscribe(['drawing'], s => $('draw').setAttribute('aria-pressed', String(s.drawing)));
  subscribe(['site', 'siteCrs', 'siteLonLat', 'addressLabel', 'drawing', 'lang'], renderSiteInfo);
  renderSiteInfo(get());
}

/** A point of the map as the site: in RD New as it is (to the centimetre), else in lon/lat; then the check. */
function pickMapPoint(coordinate) {
  $('address').value = ''; // the address searched before is no longer the site
  const p = mapSite(coordinate);
  setState({ ...pointSite(p.coordinates, null, p.crs), pendingAddress: null });
  assess();
}

function startDrawing() {
  draw = new ol.interaction.Draw({ type: 'Polygon' });
  draw.on('drawend', e => {
    drawEndedAt = Date.now();
    const ring = e.feature.getGeometry().getCoordinates()[0].map(c => mapSite(c).coordinates);
    stopDrawing();
    $('address').value = '';
    setState({ ...polygonSite({ type: 'Polygon', coordinates: [ring] }, rdMap() ? 'EPSG:28992' : 'CRS84'), pendingAddress: null });
    assess();
  });
  map.addInteraction(draw);
  setState({ drawing: true });
}

function stopDrawing() {
  // removed after the current event, which the interaction is still handling
  const d = draw;
  setTimeout(() => {
    map.removeInteraction(d);
    if (draw === d) draw = null;
    setState({ drawing: false });
  }, 0);
}

function renderSiteInfo(s) {
  let text = t('clickHint');
  if (s.drawing) text = t('drawing');
  else if (s.site && s.site.type === 'Polygon') text = t('polygonChosen');
  else if (s.addressLabel) text = s.addressLabel;
  else if (s.site) {
    const c = siteLonLat(s).coordinates;
    text = t('pointChosen') + ': ' + c[1].toFixed(5) + ', ' + c[0].toFixed(5);
  }
  $('site-info').textContent = text;
}
