// The answer in the panel: the verdict and what it means, the location class, a traffic light per criterion with
// its message and its paragraphs linked to the policy text (beleid.html), the nearest facilities, what the
// criteria ask of the initiator and what this check does not look at. Drawn from the state's result alone, again
// for every change of the result or the language.
import { noteDataset } from '../common/api.js';
import { subscribe } from './state.js';
import { ui, t, fmt } from './texts.js';

const $ = id => document.getElementById(id);

export function startResult() {
  subscribe(['result', 'busy', 'lang'], renderResult);
}

function renderResult(s) {
  const r = s.result;
  const out = $('result');
  out.innerHTML = '';
  if (s.busy) { out.textContent = t('busy'); return; }
  if (!r) return;
  noteDataset(r);
  $('print-dataset').textContent = t('datasetLabel') + ': ' + r.dataset.name
    + (r.policy ? ' · ' + t('policyRef') + ': ' + r.policy.title : '');
  const verdict = document.createElement('p');
  verdict.id = 'verdict';
  verdict.className = 'verdict ' + r.verdict;
  verdict.dataset.verdict = r.verdict;
  verdict.textContent = t('verdictLabel') + ': ' + (t('verdicts')[r.verdict] || r.verdict);
  out.appendChild(verdict);
  // what the verdict means: no objection in the criteria checked, never a permit (issue 11 item 11f)
  if (r.verdictExplanation) {
    const why = document.createElement('p');
    why.id = 'verdict-explanation';
    why.textContent = ui.pick(r.verdictExplanation);
    why.lang = ui.pickLang(r.verdictExplanation);
    out.appendChild(why);
  }
  // which municipality's policy answered (the service serves one profile, chosen by its configuration)
  if (r.policy) {
    const policy = document.createElement('p');
    policy.id = 'policy-name';
    policy.dataset.policy = r.policy.id;
    policy.textContent = t('policyRef') + ': ' + r.policy.title;
    out.appendChild(policy);
  }
  const lc = document.createElement('p');
  lc.id = 'location-class';
  lc.dataset.locationClass = r.locationClass;
  lc.textContent = t('locationClass') + ': ' + (t('locationClasses')[r.locationClass] || r.locationClass);
  out.appendChild(lc);
  const list = document.createElement('ul');
  list.className = 'criteria';
  for (const c of r.criteria) {
    const li = document.createElement('li');
    li.className = 'criterion ' + c.status;
    li.dataset.criterion = c.id;
    li.dataset.status = c.status;
    const light = document.createElement('span');
    light.className = 'light ' + c.status;
    light.setAttribute('role', 'img');
    light.setAttribute('aria-label', t('statuses')[c.status] || c.status);
    const head = document.createElement('strong');
    head.textContent = (t('criteria')[c.id] || c.id) + ' (' + (t('statuses')[c.status] || c.status) + ')';
    const msg = document.createElement('p');
    msg.textContent = ui.pick(c.message);
    msg.lang = ui.pickLang(c.message);
    const ref = document.createElement('p');
    ref.className = 'policy-ref';
    ref.append(t('policyRef') + ': ', ...paragraphLinks(c.policyRef));
    li.append(light, head, msg, ref);
    if (c.id === 'facility_reach') li.appendChild(facilityList(c.evidence));
    list.appendChild(li);
  }
  out.appendChild(list);
  out.appendChild(obligationsSection(r));
  out.appendChild(notCheckedSection(r));
  const note = ui.messagesNote(r.criteria.map(c => c.message));
  if (note) out.insertBefore(note, list);
}

/** What the criteria ask of the initiator, each with the criterion that states it and its paragraph. */
function obligationsSection(r) {
  const items = (r.obligations || []).map(o => listItem({ obligation: o.id, statedBy: o.criterion },
    (t('criteria')[o.criterion] || o.criterion) + ': ', o.text, o.policyRef));
  if (!items.length) items.push(listItem({}, t('noObligations')));
  return answerSection('obligations', t('obligationsHeading'), null, items);
}

/** The policy's requirements this check does not look at (from the profile), so the verdict is not read as a permit. */
function notCheckedSection(r) {
  return answerSection('not-checked', t('notCheckedHeading'), t('notCheckedIntro'),
    (r.notChecked || []).map(n => listItem({ requirement: n.id }, '', n.text, n.policyRef)));
}

/** A list item: a lead, a server text (nl/en) in the page's language where it has it, and its paragraph links. */
function listItem(data, lead, message, policyRef) {
  const li = document.createElement('li');
  Object.assign(li.dataset, data);
  li.append(lead);
  if (message) {
    const text = document.createElement('span');
    text.textContent = ui.pick(message);
    text.lang = ui.pickLang(message);
    li.append(text, ' (', ...paragraphLinks(policyRef), ')');
  }
  return li;
}

/** A titled section of the answer (h3, an optional hint, a list). */
function answerSection(id, heading, intro, items) {
  const section = document.createElement('section');
  section.id = id;
  section.setAttribute('aria-labelledby', id + '-heading');
  const h = document.createElement('h3');
  h.id = id + '-heading';
  h.textContent = heading;
  section.appendChild(h);
  if (intro) {
    const p = document.createElement('p');
    p.className = 'hint';
    p.textContent = intro;
    section.appendChild(p);
  }
  const ul = document.createElement('ul');
  ul.append(...items);
  section.appendChild(ul);
  return section;
}

/**
 * "§5.1.2, §6.2.2" -> two links to beleid.html#5.1.2 and #6.2.2 with the text between kept as it is, so the line
 * reads exactly as the API wrote it.
 */
export function paragraphLinks(policyRef) {
  const nodes = [];
  const pattern = /§\s*(\d+(?:\.\d+)*)|bijlage[\s-]*(\d+)/gi;
  let at = 0, m;
  while ((m = pattern.exec(policyRef)) !== null) {
    if (m.index > at) nodes.push(document.createTextNode(policyRef.slice(at, m.index)));
    const ref = m[1] ? m[1] : 'bijlage-' + m[2];
    const a = document.createElement('a');
    a.href = 'beleid.html?lang=' + ui.lang + '#' + ref;
    a.className = 'paragraph-link';
    a.dataset.ref = ref;
    a.textContent = m[0];
    a.title = fmt('readParagraph', { label: m[0] });
    nodes.push(a);
    at = m.index + m[0].length;
  }
  if (at < policyRef.length) nodes.push(document.createTextNode(policyRef.slice(at)));
  return nodes;
}

/** The nearest facility per category with its walking and cycling minutes, as on the map. */
function facilityList(ev) {
  const ul = document.createElement('ul');
  ul.className = 'facilities';
  for (const f of nearestFacilities(ev)) {
    const li = document.createElement('li');
    li.textContent = f.name + ' (' + (t('facilityCategories')[f.category] || f.category) + '): ' + minutesText(f);
    ul.appendChild(li);
  }
  return ul;
}
export function minutesText(f) {
  const part = (m, key) => (m === undefined ? '' : fmt(key, { minutes: ui.decimal(m) }));
  return [part(f.walking, 'walkMinutes'), part(f.cycling, 'cycleMinutes')].filter(Boolean).join(', ');
}

/** facility_reach evidence -> one entry per facility (a facility can be nearest on foot and by bike). */
export function nearestFacilities(ev) {
  const byId = new Map();
  for (const c of (ev && ev.categories) || []) {
    for (const mode of ['walking', 'cycling']) {
      const trip = c[mode];
      if (!trip || !trip.facility) continue;
      const f = trip.facility;
      const entry = byId.get(f.featureId) || { id: f.featureId, name: f.name || f.category, category: f.category, lon: f.lon, lat: f.lat };
      entry[mode] = trip.minutes;
      byId.set(f.featureId, entry);
    }
  }
  return [...byId.values()];
}
