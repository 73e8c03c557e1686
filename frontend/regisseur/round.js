// The application round (issue 18, §6; docs/noordoostpolder.md): open a round, enter medium and large initiatives,
// score the planners' criteria with a note, see the ranking with the allocation and its reasons, download the CSV and
// the PDF for the college, record the college's decision (the round is then frozen and its ranking kept), and send
// the allocated initiatives to the intake table (only after the decision). The rules (criteria, scales, tie
// rule) come from the API's answer, never from this page. Hidden where the policy has no rounds (GET /api/v1/policy's
// rules.round absent; the round routes answer 404 there).
import { get, setState, subscribe } from './state.js';
import { t, failure, day } from './texts.js';
import { call } from './api.js';
import { currentPolicy } from '../common/policy.js';
import { failed } from './main.js';
import { initiativeLabel, loadCases } from './cases.js';

const $ = id => document.getElementById(id);

export function startRound() {
  subscribe(['rounds', 'roundId', 'ranking', 'initiatives', 'lang'], render);
  subscribe(['roundScoring', 'ranking', 'lang'], renderScoring);
  subscribe(['roundMessage', 'roundError', 'lang'], s => {
    $('round-status').textContent = s.roundMessage ? s.roundMessage() : '';
    $('round-error').textContent = s.roundError ? s.roundError() : '';
    $('round-error').hidden = !s.roundError;
  });
  $('round-open').addEventListener('submit', e => {
    e.preventDefault();
    act(call('POST', '/api/v1/rounds', { name: $('round-name').value, opensOn: $('round-opens').value, closesOn: $('round-closes').value })
      .then(r => loadRounds(r.id).then(() => say(() => t('roundOpened').replace('{name}', r.name)))));
  });
  $('round-select').addEventListener('change', e => { setState({ roundId: Number(e.target.value), roundScoring: null }); loadRanking(); });
  $('round-enter').addEventListener('submit', e => {
    e.preventDefault();
    const body = { initiativeId: Number($('round-initiative').value), submittedAt: new Date($('round-submitted').value).toISOString().replace(/\.\d{3}Z$/, 'Z') };
    if ($('round-dwellings').value !== '') body.dwellingsReturned = Number($('round-dwellings').value);
    act(call('POST', '/api/v1/rounds/' + get().roundId + '/entries', body).then(() => loadRanking()));
  });
  $('round-score').addEventListener('submit', e => {
    e.preventDefault();
    const row = scoringRow(get());
    if (!row) return;
    const scores = {};
    for (const c of scoredCriteria(get())) {
      const points = $('score-' + c.id).value;
      if (points === '') continue;
      scores[c.id] = { points: Number(points), note: $('note-' + c.id).value };
    }
    act(call('PATCH', '/api/v1/rounds/' + get().roundId + '/entries/' + row.entryId, { version: row.entryVersion, scores })
      .then(saved => loadRanking().then(() => {
        setState({ roundScoring: null });
        say(() => t('roundScored').replace('{id}', row.initiativeId).replace('{version}', saved.version));
      })));
  });
  $('round-decide').addEventListener('submit', e => {
    e.preventDefault();
    const round = get().ranking && get().ranking.round;
    if (!round) return;
    const body = { version: round.version, decidedOn: $('round-decided-on').value, reference: $('round-reference').value };
    act(call('POST', '/api/v1/rounds/' + round.id + '/decision', body).then(saved => loadRounds(saved.id).then(() => {
      setState({ roundScoring: null });
      say(() => t('roundDecided').replace('{date}', day(saved.decision.decidedOn)).replace('{reference}', saved.decision.reference));
    })));
  });
  $('round-csv').addEventListener('click', () => download('ranking.csv'));
  $('round-pdf').addEventListener('click', () => download('ranking.pdf?lang=' + get().lang));
  $('round-intake').addEventListener('click', () => {
    act(call('POST', '/api/v1/rounds/' + get().roundId + '/intake').then(body => {
      const opened = (body.intakeCases || []).filter(c => c.created).length;
      say(() => t('roundToIntake').replace('{opened}', opened).replace('{kept}', body.count - opened));
      loadCases();
    }));
  });
}

/** The rounds (a 404 means this policy has none: the section stays hidden); selects {@code select} or the last. */
export function loadRounds(select) {
  // the policy names the round's paragraph only where it has rounds: no request that must fail. The page's one
  // GET /api/v1/policy (common/policy.js), shared with the header and the transition period
  return currentPolicy().then(policy => {
    if (!policy.rules || !policy.rules.round) { $('round').hidden = true; return null; }
    return call('GET', '/api/v1/rounds');
  }).then(body => {
    if (!body) return;
    const rounds = body.rounds || [];
    const id = select || get().roundId || (rounds.length ? rounds[rounds.length - 1].id : null);
    setState({ rounds, roundId: id });
    $('round').hidden = false;
    return loadRanking();
  }).catch(err => {
    if (err.status === 404) { $('round').hidden = true; return; }
    failed(err);
  });
}

function loadRanking() {
  const id = get().roundId;
  if (!id) { setState({ ranking: null }); return Promise.resolve(); }
  return call('GET', '/api/v1/rounds/' + id + '/ranking').then(ranking => setState({ ranking })).catch(failed);
}

/** Runs a change: its refusal (problem+json detail, a 409 in words) is shown by the section, not as a page error. */
function act(promise) {
  setState({ roundError: null, roundMessage: null });
  return promise.catch(err => {
    if (err.status === 401 || err.status === 403) { failed(err); return; }
    setState({ roundError: refusal(err) });
    if (err.status === 409) loadRounds(get().roundId);
  });
}

/** A refusal in the page's words where the page knows it (the round's status, a stale version, unscored entries). */
function refusal(err) {
  const p = err.problem || {};
  if (p.type === 'urn:plektoets:problem:round-decided') {
    return () => t('roundDecidedRefused').replace('{date}', day(p.decidedOn)).replace('{reference}', p.decisionReference);
  }
  if (p.type === 'urn:plektoets:problem:round-not-decided') return () => t('roundNotDecided');
  if (err.status === 409) return () => t('roundStale');
  if (err.status === 422 && p.field === 'entries') {
    const open = (get().ranking ? get().ranking.ranking : []).filter(r => !r.complete).map(r => '#' + r.initiativeId);
    return () => t('roundIncomplete').replace('{list}', open.join(', '));
  }
  return failure(err);
}

function say(text) {
  setState({ roundMessage: text });
}

/** A download with the token (a link cannot send it): fetched, then saved under the server's file name. */
function download(what) {
  const url = '/api/v1/rounds/' + get().roundId + '/' + what;
  fetch(url, { headers: { Authorization: 'Bearer ' + get().token } }).then(r => {
    if (!r.ok) throw Object.assign(new Error('HTTP ' + r.status), { status: r.status });
    const name = (/filename="([^"]+)"/.exec(r.headers.get('Content-Disposition') || '') || [])[1] || 'ranking';
    return r.blob().then(blob => {
      const a = document.createElement('a');
      a.href = URL.createObjectURL(blob);
      a.download = name;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(a.href), 1000);
    });
  }).catch(err => setState({ roundError: failure(err) }));
}

function scoredCriteria(s) {
  const rules = s.ranking && s.ranking.round && s.ranking.round.rules;
  return rules ? rules.criteria.filter(c => c.kind === 'scored') : [];
}

function scoringRow(s) {
  return s.ranking && s.roundScoring ? s.ranking.ranking.find(r => r.entryId === s.roundScoring) : null;
}

function render(s) {
  const select = $('round-select');
  select.replaceChildren(...(s.rounds || []).map(r => new Option(r.name + ' (' + r.opensOn + ' – ' + r.closesOn + ')'
    + (r.status === 'decided' ? ', ' + t('roundDecidedShort') : ''), r.id)));
  if (s.roundId) select.value = String(s.roundId);
  const ranking = s.ranking;
  const lang = s.lang === 'en' ? 'en' : 'nl';
  // decided: frozen (no entering, scoring or second decision) and only then to the intake table
  const decision = ranking && ranking.round.status === 'decided' ? ranking.round.decision : null;
  $('round-enter').hidden = !ranking || !!decision;
  $('round-decide').hidden = !ranking || !!decision;
  for (const id of ['round-csv', 'round-pdf']) $(id).hidden = !ranking;
  $('round-intake').hidden = !decision;
  const status = $('round-decision');
  status.className = decision ? 'round-decided' : 'hint';
  status.textContent = !ranking ? '' : decision
    ? t('roundStatusDecided').replace('{date}', day(decision.decidedOn)).replace('{reference}', decision.reference)
      .replace('{by}', decision.recordedBy)
    : t('roundStatusOpen');
  $('round-indicative').hidden = !ranking || ranking.adopted;
  $('round-places').textContent = ranking
    ? ranking.places.map(p => t('roundPlaces').replace('{category}', p.category).replace('{cap}', p.cap).replace('{held}', p.held)
      .replace('{available}', p.available).replace('{left}', p.left)).join(' ')
    : '';
  $('round-tie').textContent = ranking ? t('roundTie') + ' ' + ranking.tieRule[lang] : '';
  // the initiatives that may be entered: not in the round yet
  const inRound = new Set(ranking ? ranking.ranking.map(r => r.initiativeId) : []);
  const initiative = $('round-initiative');
  const had = initiative.value;
  initiative.replaceChildren(...(s.initiatives || []).filter(i => !inRound.has(i.id)).map(i => new Option(initiativeLabel(i), i.id)));
  if ([...initiative.options].some(o => o.value === had)) initiative.value = had;
  const body = $('round-ranking').tBodies[0];
  body.replaceChildren();
  for (const r of ranking ? ranking.ranking : []) {
    const tr = body.insertRow();
    tr.dataset.initiative = r.initiativeId;
    tr.insertCell().textContent = r.rank;
    tr.insertCell().textContent = '#' + r.initiativeId + (r.initiator ? ' ' + r.initiator : '');
    tr.insertCell().textContent = r.category + ', ' + r.persons;
    tr.insertCell().textContent = String(r.total) + (r.tieBrokenBy ? ' (' + t('roundTieBroken') + ' ' + r.tieBrokenBy + ')' : '');
    tr.insertCell().textContent = (r.allocated ? t('roundYes') : t('roundNo')) + ': ' + r.reason[lang];
    if (decision) { tr.insertCell().textContent = t('roundFrozen'); continue; }
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'link';
    button.textContent = t('roundScoreButton');
    button.setAttribute('aria-label', t('roundScoreButton') + ' #' + r.initiativeId);
    button.addEventListener('click', () => { setState({ roundScoring: r.entryId }); $('round-score-heading').focus(); });
    tr.insertCell().append(button);
  }
}

function renderScoring(s) {
  const decided = s.ranking && s.ranking.round.status === 'decided';
  const row = decided ? null : scoringRow(s);
  $('round-score').hidden = !row;
  if (!row) return;
  const lang = s.lang === 'en' ? 'en' : 'nl';
  $('round-score-heading').textContent = t('roundScoreHeading').replace('{id}', row.initiativeId);
  const fields = $('round-score-fields');
  fields.replaceChildren();
  for (const c of scoredCriteria(s)) {
    const current = row.points.find(p => p.criterion === c.id) || {};
    const label = document.createElement('label');
    label.htmlFor = 'score-' + c.id;
    label.textContent = c.name[lang] + ' (' + c.minPoints + '–' + c.maxPoints + ', ' + c.policyRef + ')';
    const input = document.createElement('input');
    Object.assign(input, { id: 'score-' + c.id, type: 'number', min: c.minPoints, max: c.maxPoints, step: 1 });
    if (current.points !== null && current.points !== undefined) input.value = current.points;
    const noteLabel = document.createElement('label');
    noteLabel.htmlFor = 'note-' + c.id;
    noteLabel.textContent = t('roundNote') + ': ' + c.name[lang];
    const note = document.createElement('input');
    Object.assign(note, { id: 'note-' + c.id, value: current.note || '' });
    fields.append(label, input, noteLabel, note);
  }
}
