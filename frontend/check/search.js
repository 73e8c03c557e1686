// The address type-ahead (a WAI-ARIA combobox): GET /api/v1/addresses as the visitor types; a suggestion picked
// with the mouse or the arrow keys and Enter becomes the site (not checked yet: the visitor may change form and
// persons first). An address typed but not picked is resolved by the server when the form is sent (main.js).
import { getJson, noteDataset } from '../common/api.js';
import { get, setState, subscribe, pointSite } from './state.js';
import { flyTo } from './map.js';
import { forgetResult } from './assess.js';

const $ = id => document.getElementById(id);

export function startSearch() {
  let timer = null; // waits for a pause in typing
  $('address').addEventListener('input', () => {
    clearTimeout(timer);
    const q = $('address').value.trim();
    if (q.length < 2) { closeSuggestions(); return; }
    timer = setTimeout(() => {
      getJson('/api/v1/addresses?limit=8&q=' + encodeURIComponent(q))
        .then(fc => {
          noteDataset(fc);
          setState({ suggestions: fc.features || [], active: -1 });
        })
        .catch(() => closeSuggestions());
    }, 150);
  });
  $('address').addEventListener('keydown', e => {
    const { suggestions, active } = get();
    if (!suggestions.length) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setState({ active: (active + (e.key === 'ArrowDown' ? 1 : -1) + suggestions.length) % suggestions.length });
    } else if (e.key === 'Enter' && active >= 0) {
      e.preventDefault();
      pick(suggestions[active]);
    } else if (e.key === 'Escape') {
      closeSuggestions();
    }
  });
  subscribe(['suggestions'], renderSuggestions);
  subscribe(['active'], markActive);
}

export function closeSuggestions() {
  setState({ suggestions: [], active: -1 });
}

function renderSuggestions(s) {
  const ul = $('suggestions');
  ul.innerHTML = '';
  s.suggestions.forEach((f, i) => {
    const li = document.createElement('li');
    li.id = 'suggestion-' + i;
    li.setAttribute('role', 'option');
    li.textContent = f.properties.label;
    li.addEventListener('mousedown', ev => { ev.preventDefault(); pick(f); });
    ul.appendChild(li);
  });
  ul.hidden = s.suggestions.length === 0;
  $('address').setAttribute('aria-expanded', String(s.suggestions.length > 0));
  markActive(s);
}

function markActive(s) {
  [...$('suggestions').children].forEach((li, i) => li.setAttribute('aria-selected', String(i === s.active)));
  if (s.active >= 0) $('address').setAttribute('aria-activedescendant', 'suggestion-' + s.active);
  else $('address').removeAttribute('aria-activedescendant');
}

function pick(f) {
  $('address').value = f.properties.label;
  closeSuggestions();
  forgetResult();
  // the server's CRS84 point as it is (exact); street level is Web Mercator's zoom 16 in either projection
  setState({ ...pointSite(f.geometry.coordinates, f.properties.label, 'CRS84'), pendingAddress: null });
  flyTo(f.geometry.coordinates);
}
