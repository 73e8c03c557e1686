// The transition period of an existing location (§6.1.2 "plek-voor-plek") on the open case's initiative: the policy's
// period from acceptance (Hardenberg: one year), extended only with a reason. The server holds the rule (422 on an extension without a reason, field
// transitionExtensionReason); the page says it in words and keeps what was typed. Saved with PATCH on the initiative
// and the version it was read at (409: someone else changed it, said in words as for the case).
import { get, setState, subscribe } from './state.js';
import { t, day, failure } from './texts.js';
import { call } from './api.js';
import { currentPolicy } from '../common/policy.js';
import { failed } from './main.js';
import { loadDeadlines } from './deadlines.js';

const $ = id => document.getElementById(id);

/**
 * The policy's transition period in years (registers.transitionYears of the page's one GET /api/v1/policy,
 * common/policy.js): never a number of the page. Null until the policy has answered.
 */
let transitionYears = null;

/** acceptedOn + the transition period, as the server counts it (yyyy-mm-dd). */
function periodEnd(iso) {
  const d = new Date(iso + 'T12:00:00Z');
  d.setUTCFullYear(d.getUTCFullYear() + transitionYears);
  return d.toISOString().slice(0, 10);
}

function periodWords() {
  return transitionYears === 1 ? t('transitionOneYear') : t('transitionYears').replace('{n}', String(transitionYears));
}

export function startTransition() {
  // a case opened or reloaded: its initiative, fresh from the server; not after the case's own save (caseSaved set),
  // which leaves the initiative as it was and must not wipe a period being typed
  subscribe(['openCase'], s => {
    const id = s.openCase && s.openCase.initiativeId;
    if (!id) { setState({ transition: null, transitionError: null, transitionSaved: null }); return; }
    if (s.caseSaved && get().transition && get().transition.id === id) return;
    const years = currentPolicy().then(p => { transitionYears = p.registers.transitionYears; });
    Promise.all([call('GET', '/api/v1/initiatives/' + id), years]).then(([i]) => {
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
      ? t('transitionHint').replace('{period}', periodWords()).replace('{accepted}', day(i.acceptedOn))
        .replace('{year}', day(periodEnd(i.acceptedOn)))
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
    const year = i.acceptedOn ? day(periodEnd(i.acceptedOn)) : '';
    if (err.status === 422 && err.problem && err.problem.field === 'transitionExtensionReason'
        && !body.transitionExtensionReason) {
      setState({ transitionError: () => t('transitionNeedsReason').replace('{year}', year) });
      $('transition-reason').focus();
    } else if (err.status === 409) setState({ transitionError: () => t('transitionStale') });
    else if (err.status === 401 || err.status === 403) failed(err);
    else setState({ transitionError: failure(err) });
  });
}
