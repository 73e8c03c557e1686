// "Can my address still be room-rented?": GET /api/v1/room-rental/check for the address typed; the answer, or the
// numbers of the street chosen on the map or in the report form, in the panel. Counts only, never addresses (AVG).
import { getJson, errorText } from '../common/api.js';
import { setState, subscribe } from './state.js';
import { ui, t, withLimits, numbersText } from './words.js';
import { showStreet } from './map.js';

const $ = id => document.getElementById(id);

export function startAnswer() {
  $('search').addEventListener('submit', e => {
    e.preventDefault();
    setState({ error: null });
    getJson('/api/v1/room-rental/check?address=' + encodeURIComponent($('address').value.trim()))
      .then(a => {
        setState({ answer: a, selected: a.street.id });
        showStreet(a.street.id);
      })
      // the street chosen before is not this address's: neither its numbers nor its highlight stay
      .catch(err => setState({ answer: null, selected: null, error: err }));
  });
  subscribe(['answer', 'selected', 'streets', 'lang'], renderAnswer);
  subscribe(['error', 'lang'], renderError);
}

function streetFeature(s, id) {
  return s.streets ? s.streets.features.find(f => f.id === id) : null;
}

function renderAnswer(s) {
  const a = s.answer;
  const out = $('answer');
  out.innerHTML = '';
  if (a) {
    const head = document.createElement('p');
    head.id = 'answer-status';
    head.className = 'verdict ' + (a.status === 'pass' ? 'allowed' : a.status === 'fail' ? 'not_allowed' : 'conditional');
    head.dataset.status = a.status;
    head.dataset.street = a.street.id;
    head.textContent = a.address + ': ' + (a.street.properties.status === 'not_applicable'
      ? withLimits(t('statuses').not_applicable) : t('answers')[a.status]);
    const numbers = document.createElement('p');
    numbers.id = 'answer-street';
    numbers.textContent = numbersText(a.street.properties);
    const msg = document.createElement('p');
    msg.id = 'answer-message';
    msg.textContent = ui.pick(a.message) + ' (' + a.policyRef + ')';
    msg.lang = ui.pickLang(a.message);
    out.append(head, numbers);
    const note = ui.messagesNote([a.message]);
    if (note) out.append(note);
    out.append(msg);
    return;
  }
  const f = s.selected && streetFeature(s, s.selected);
  if (f) {
    const numbers = document.createElement('p');
    numbers.id = 'answer-street';
    const st = f.properties.status;
    numbers.className = 'verdict ' + (st === 'available' ? 'allowed' : st === 'full' || st === 'not_applicable' ? 'not_allowed' : 'conditional');
    numbers.textContent = numbersText(f.properties);
    out.append(numbers);
  }
}

function renderError(s) {
  $('error').textContent = s.error ? errorText(ui, 'failed', s.error) : '';
  $('error').hidden = !s.error;
}
