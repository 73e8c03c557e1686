// The public room-rental page (huren.html): streets coloured by room left (GET /api/v1/room-rental/streets), "can
// my address still be room-rented?" (GET /api/v1/room-rental/check) and "report a wrong entry"
// (POST /api/v1/room-rental/reports). Counts only, never addresses (AVG). The map is Web Mercator or RD New (the
// switch or ?proj=rd); in RD New the streets and the background come from the server in RD New.
//
// One state (state.js) changed only through setState; who listens to what:
//   selected                          -> map.js (the chosen street's casing), report.js (the form's street)
//   answer, selected, streets, lang   -> answer.js (the panel)      error, lang  -> answer.js (the alert)
//   streets, lang                     -> streets.js (table, legend), report.js (the street list)
//   report, lang                      -> report.js (the outcome)
//   (the header's policy line: common/policy.js, rewritten on a language switch)
import { keepLangInUrl } from '../common/i18n.js';
import { getJson, noteDataset } from '../common/api.js';
import { layerOverview } from '../common/map.js';
import { setState } from './state.js';
import { startTexts } from './words.js';
import { createMap, showStreets, streetsCrs } from './map.js';
import { startAnswer } from './answer.js';
import { startStreets } from './streets.js';
import { startReport } from './report.js';
import { showPagePolicy } from '../common/policy.js';

const ui = startTexts();
showPagePolicy(ui); // the header names the policy that answers
keepLangInUrl(ui); // a reload opens in the language chosen
setState({ lang: ui.lang });
ui.onChange(code => setState({ lang: code }));
createMap();
startAnswer();
startStreets();
startReport();

const crs = streetsCrs();
getJson('/api/v1/room-rental/streets' + (crs === 'EPSG:28992' ? '?crs=EPSG:28992' : '')).then(fc => {
  showStreets(fc, crs);
  noteDataset(fc);
  setState({ streets: fc });
}).catch(err => setState({ error: err }));

// the streets answer carries no dataset block; the layer overview says whether the data is fictitious
layerOverview().then(noteDataset).catch(() => {});
