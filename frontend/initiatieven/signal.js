// The public signal form (issue 14): a resident or a village council chooses a housing location (in the form, or
// by clicking its triangle on the map), a category and a description, and sends it
// (POST /api/v1/public/locations/{id}/signals). No name, address or contact is asked. The answer is said in words:
// the reference, or the refusal (too many signals from this connection within the hour: 429; a form the server
// cannot take: its reason).
import { getJson, errorText } from '../common/api.js';
import { get, setState, subscribe } from './state.js';

const $ = id => document.getElementById(id);
const CATEGORIES = ['noise', 'parking', 'litter', 'overcrowding', 'fire_safety', 'other'];
const SOURCES = ['resident', 'village_council'];

export function startSignal(ui) {
  const t = key => ui.t(key);
  const word = (table, value) => (t(table) || {})[value] || value;
  subscribe(['locations', 'signalLocation', 'lang'], s => {
    const select = $('signal-location');
    select.replaceChildren(new Option(t('signalChoose'), ''),
      ...s.locations.map(f => new Option([f.properties.name, f.properties.village].filter(Boolean).join(', '), f.id)));
    select.value = s.signalLocation == null ? '' : String(s.signalLocation);
    $('signal').hidden = s.locations.length === 0;
  });
  const choices = () => {
    const category = $('signal-category'), source = $('signal-source');
    const c = category.value, so = source.value;
    category.replaceChildren(...CATEGORIES.map(v => new Option(word('signalCategories', v), v)));
    source.replaceChildren(...SOURCES.map(v => new Option(word('signalSources', v), v)));
    if (c) category.value = c;
    if (so) source.value = so;
  };
  subscribe(['lang'], choices);
  choices();
  subscribe(['signalAnswer', 'signalError', 'lang'], s => {
    $('signal-answer').textContent = s.signalAnswer ? t('signalReceived').replace('{reference}', s.signalAnswer.reference) : '';
    $('signal-error').hidden = !s.signalError;
    $('signal-error').textContent = !s.signalError ? ''
      : s.signalError.status === 429 ? t('signalTooMany') : errorText(ui, 'signalFailed', s.signalError);
  });
  $('signal-location').addEventListener('change', e => setState({ signalLocation: e.target.value ? Number(e.target.value) : null }));
  $('signal-form').addEventListener('submit', e => {
    e.preventDefault();
    const id = get().signalLocation;
    const description = $('signal-description').value.trim();
    if (id == null) { setState({ signalAnswer: null, signalError: { message: t('signalNoLocation') } }); $('signal-location').focus(); return; }
    if (!description) { setState({ signalAnswer: null, signalError: { message: t('signalNoDescription') } }); $('signal-description').focus(); return; }
    $('signal-send').disabled = true;
    getJson('/api/v1/public/locations/' + id + '/signals', {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ category: $('signal-category').value, source: $('signal-source').value, description })
    }).then(answer => {
      $('signal-description').value = '';
      setState({ signalAnswer: answer, signalError: null });
    }).catch(err => setState({ signalAnswer: null, signalError: err }))
      .finally(() => { $('signal-send').disabled = false; });
  });
  getJson('/api/v1/public/locations').then(fc => setState({ locations: fc.features || [] }))
    .catch(() => setState({ locations: [] }));
}
