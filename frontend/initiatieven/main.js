// The public overview of housing initiatives (initiatieven.html, §4.1.2): per village, each initiative's form,
// persons, status and a link to the initiator's own project page (GET /api/v1/public/initiatives, paged), on the map
// and in a list; the same as CSV. Nothing personal: the server sends no names, and a private person's initiative
// only by its street or village. The map is Web Mercator or RD New (the switch or ?proj=rd).
//
// One state (state.js) changed only through setState; who listens to what:
//   village                              -> main.js (fetches the first page; ?village= in the URL), list.js (CSV link)
//   items, selected                      -> map.js (the points, the chosen one's ring), list.js (the tables)
//   count, villages, village, lang       -> list.js (the count, the filter)
//   policy, lang                         -> list.js (the note that the reading is not adopted)
//   next                                 -> list.js ("more" button)     error, lang -> main.js (the alert)
//   locations, signalLocation            -> signal.js (the form's choice), map.js (the triangles)
//   signalAnswer, signalError, lang      -> signal.js (the answer or the refusal in words)
//   (the header's policy line: common/policy.js, rewritten on a language switch)
import { keepLangInUrl, i18n } from '../common/i18n.js';
import { getJson, errorText, noteDataset } from '../common/api.js';
import LANGUAGES from '../i18n/languages.js';
import { get, setState, subscribe } from './state.js';
import { createMap } from './map.js';
import { startList } from './list.js';
import { startSignal } from './signal.js';
import { showPagePolicy } from '../common/policy.js';

const PATH = '/api/v1/public/initiatives';
const ui = i18n('initiatives', LANGUAGES);
showPagePolicy(ui); // the header names the policy that answers
keepLangInUrl(ui); // a reload opens in the language chosen
setState({ lang: ui.lang });
ui.onChange(code => setState({ lang: code }));
createMap();
startList(ui);
startSignal(ui);

subscribe(['error', 'lang'], s => {
  const box = document.getElementById('error');
  box.hidden = !s.error;
  box.textContent = s.error ? errorText(ui, 'loadFailed', s.error) : '';
});

// a request for an older filter that answers late is dropped
let asked = 0;
function load(url, append) {
  const mine = ++asked;
  getJson(url).then(fc => {
    if (mine !== asked) return;
    noteDataset(fc);
    const next = (fc.links || []).find(l => l.rel === 'next');
    setState({
      items: append ? get().items.concat(fc.features) : fc.features,
      villages: fc.villages,
      count: fc.count,
      policy: fc.policy,
      next: next ? next.href : null,
      error: null
    });
  }).catch(err => { if (mine === asked) setState({ error: err }); });
}

function first(village) {
  const url = new URL(location.href);
  if (village) url.searchParams.set('village', village); else url.searchParams.delete('village');
  history.replaceState(null, '', url);
  setState({ selected: null, count: null, next: null });
  load(PATH + (village ? '?village=' + encodeURIComponent(village) : ''), false);
}

subscribe(['village'], s => first(s.village));
document.getElementById('more').addEventListener('click', () => { if (get().next) load(get().next, true); });
first(get().village);
