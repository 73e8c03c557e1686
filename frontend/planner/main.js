// The planner view (planner.html): every layer with a legend and its provenance at a click (GET /api/v1/features),
// the registers of initiatives and room-rental permits behind the planner token (GET /api/v1/initiatives,
// /api/v1/room-rental/permits) and the overview of every address's verdict (GET /api/v1/overview). Our own API
// only: no request goes to a third party (AVG).
//
// One state (state.js) changed only through setState; who listens to what:
//   layers, lang            -> layers.js (the layer list)       here, lang -> layers.js (what lies here)
//   token                   -> registers.js (login or logout shown; the register layers cleared on logout)
//   initiatives, permits, lang -> registers.js (tables, map)    overview, overviewBusy, lang -> overview.js
//   messages, lang          -> the two message boxes (here)
//   etfalPick, etfalSite, etfalEmployers, etfalAnswer, etfalBusy, etfalError, token, lang -> etfal.js (the ETFAL panel)
//   (the header's policy line: common/policy.js, rewritten on a language switch)
import { keepLangInUrl } from '../common/i18n.js';
import { fitToDataset } from '../common/map.js';
import { setState, subscribe, message } from './state.js';
import { startTexts, failure } from './texts.js';
import { createMap } from './map.js';
import { startLayers } from './layers.js';
import { startRegisters, login, TOKEN_KEY } from './registers.js';
import { startOverview } from './overview.js';
import { startEtfal } from './etfal.js';
import { showPagePolicy } from '../common/policy.js';

const $ = id => document.getElementById(id);
const ui = startTexts();
showPagePolicy(ui); // the header names the policy that answers
keepLangInUrl(ui); // a reload opens in the language chosen
setState({ lang: ui.lang });
ui.onChange(code => setState({ lang: code }));
const map = createMap();
startLayers();
startRegisters();
startOverview();
startEtfal();

// the message boxes: per box its text as a function of the language, so a switch rewrites a message still shown
subscribe(['messages', 'lang'], s => {
  for (const id of ['login-error', 'planner-error']) {
    const text = s.messages[id];
    $(id).textContent = text ? text() : '';
    $(id).hidden = !text;
  }
});

fitToDataset(map).then(body => setState({ layers: body })).catch(err => message('planner-error', failure(err)));

// a token from earlier in this tab logs in again (a reload of the page keeps the session)
const saved = sessionStorage.getItem(TOKEN_KEY);
if (saved) login(saved);
