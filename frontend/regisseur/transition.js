// The transition year of an existing location (§6.1.2 "plek-voor-plek") on the open case's initiative: one year from
// acceptance, extended only with a reason. The server holds the rule (422 on an extension without a reason, field
// transitionExtensionReason); the page says it in words and keeps what was typed. Saved with PATCH on the initiative
// and the version it was read at (409: someone else changed it, said in words as for the case).
import { get, setState, subscribe } from './state.js';
import { t, day, failure } from './texts.js';
import { call } from './api.js';
import { failed } from './main.js';
import { loadDeadlines } from './deadlines.js';

const $ = id => document.getElementById(id);

/** acceptedOn + 1 year, as the server counts it (yyyy-mm-dd). */
function oneYear(iso) {
  const d = new Date(iso + 'T12:00:00Z');
  d.setUTCFullYear(d.getUTCFullYear() + 1);
  return d.toISOString().slice(0, 10);
}

export function startTransition() {
  // a case opened or reloaded: its initiative, fresh from the server; not after the case's own save (caseSaved set),
  // which leaves the initiative as it was and must not wipe a period being typed
  subscribe(['openCase'], s => {
    const id = s.openCase && s.openCase.initiativeId;
    if (!id) { setState({ transition: null, transitionError: null, transitionSaved: null }); return; }
    if (s.caseSaved && get().transition && get().transition.id === id) return;
    call('GET', '/api/v1/initiatives/' + id).then(i => {
      if (get().openCase && get().openCase.initiativeId === i.id) {
        setState({ transition: i, transitionError: null, transitionSaved: null });
        fill(i);
      }
    }).catch(failed);
  });
  subscribe(['transition', 'transitionError', 'transitionSaved', 'lang'], s => {
    const i = s.transition;
    $('transition').hidden = !(i && i.existingLocation);
    if (!i || !i.existingLocation) return;
    $('transition-hint').textContent = i.acceptedOn
      ? t('transitionHint').replace('{accepted}', day(i.acceptedOn)).replace('{year}', day(oneYear(i.acceptedOn)))
      : '';
    $('transition-error').hidden = !s.transitionError;
    $('transition-error').textContent = s.transitionError ? s.transitionError() : '';
    $('transition-saved').textContent = s.transitionSaved ? s.transitionSaved() : '';
  });
  $('transition').addEventListener('submit', e => { e.preventDefault(); save(); });
}

function fill(i) {
  $('transition-deadline').value = i.transitionDeadline || '';
  $('transition-reason').value = i.transitionExtensionReason || '';
}

function save() {
  const i = get().transition;
  setState({ transitionError: null, transitionSaved: null });
  const body = {
    version: i.version,
    transitionDeadline: $('transition-deadline').value || null,
    transitionExtensionReason: $('transition-reason').value.trim() || null
  };
  call('PATCH', '/api/v1/initiatives/' + i.id, body).then(saved => {
    setState({ transition: saved, transitionSaved: () => t('transitionSaved').replace('{version}', saved.version) });
    fill(saved);
    loadDeadlines();
  }).catch(err => {
    const year = i.acceptedOn ? day(oneYear(i.acceptedOn)) : '';
    if (err.status === 422 && err.problem && err.problem.field === 'transitionExtensionReason'
        && !body.transitionExtensionReason) {
      setState({ transitionError: () => t('transitionNeedsReason').replace('{year}', year) });
      $('transition-reason').focus();
    } else if (err.status === 409) setState({ transitionError: () => t('transitionStale') });
    else if (err.status === 401 || err.status === 403) failed(err);
    else setState({ transitionError: failure(err) });
  });
}
