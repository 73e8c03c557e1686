// The policy text, one paragraph at a time (beleid.html): beleid.html#5.1.2 shows §5.1.2 with the profile's numbers
// that cite it (GET /api/v1/policy/paragraphs/{ref}), and the list of all paragraphs (GET /api/v1/policy). The
// check page links every policy reference here.
//
// One state changed only through setState; who listens to what:
//   ref            -> the paragraph is fetched (an answer for an older ref is dropped)
//   policy, ref, lang      -> the list of paragraphs and the policy's title
//   paragraph, error, lang -> the paragraph, its thresholds, the alert
//   lang           -> the URL's ?lang= and the link back to the check
import { i18n } from '../common/i18n.js';
import { getJson, errorText } from '../common/api.js';
import { createStore } from '../common/store.js';
import LANGUAGES from '../i18n/languages.js';

const $ = id => document.getElementById(id);
const ui = i18n('policy', LANGUAGES, new URLSearchParams(location.search).get('lang'));
const t = key => ui.t(key);

const store = createStore({
  lang: ui.lang,
  // GET /api/v1/policy: the title and the list of paragraphs
  policy: null,
  // the paragraph asked for in the fragment ('' for none), and its answer once it came
  ref: currentRef(),
  paragraph: null,
  // a failed request as a function of the language
  error: null
});
const { get, set: setState, subscribe } = store;

function currentRef() {
  try {
    return decodeURIComponent(location.hash.replace(/^#/, '')).trim();
  } catch (e) {
    return location.hash.replace(/^#/, '');
  }
}

/** "§5.1.2 Huisvestingslocaties", "Bijlage 1 Locatie-eisen"; an unnumbered part by its title alone. */
function heading(p) {
  return /^(§|Bijlage )/.test(p.label) ? p.label + ' ' + p.title : p.title;
}

function load(s) {
  const ref = s.ref;
  setState({ paragraph: null, error: null });
  if (!ref) return;
  getJson('/api/v1/policy/paragraphs/' + encodeURIComponent(ref))
    .then(p => {
      if (get().ref !== ref) return;
      setState({ paragraph: p });
      $('paragraph-heading').focus();
    })
    .catch(err => {
      if (get().ref !== ref) return;
      setState({ error: () => errorText(ui, err.status === 404 ? 'notFound' : 'loadFailed', err) });
    });
}

function renderList(s) {
  const list = $('paragraph-list');
  list.innerHTML = '';
  if (!s.policy) return;
  for (const p of s.policy.paragraphs) {
    const li = document.createElement('li');
    const a = document.createElement('a');
    a.href = '#' + p.ref;
    a.textContent = heading(p);
    if (p.ref === s.ref) a.setAttribute('aria-current', 'true');
    li.appendChild(a);
    list.appendChild(li);
  }
  $('policy-title').textContent = s.policy.title + (s.policy.adopted ? ' (' + t('adopted') + ' ' + s.policy.adopted + ')' : '');
  renderSource(s.policy);
}

/**
 * "Source: {publication}. {kind}" from the profile's source block: Hardenberg's text is the published one, another
 * profile's may be a digest of a summary, so the page states what the profile says, never a fixed source. A profile
 * that does not say where its text was published is named by its document, without a kind.
 */
function renderSource(policy) {
  const source = policy.source || {};
  const kind = (t('sourceKinds') || {})[source.textKind] || '';
  $('policy-source').textContent = t('source')
    .replace('{publication}', (source.publication || policy.document || '').replace(/\.$/, ''))
    .replace('{kind}', kind)
    .trim();
}

function renderParagraph(s) {
  $('error').hidden = !s.error;
  $('error').textContent = s.error ? s.error() : '';
  $('choose').hidden = !!s.ref;
  const p = s.paragraph;
  $('paragraph').hidden = !p;
  if (!p) return;
  $('paragraph').dataset.ref = p.ref;
  $('paragraph-heading').textContent = heading(p);
  $('paragraph-text').textContent = p.text;
  $('text-language').textContent = t('textLanguage');
  $('text-language').hidden = !t('textLanguage');
  $('text-language').lang = ui.lang;
  const body = $('thresholds').querySelector('tbody');
  body.innerHTML = '';
  for (const th of p.thresholds) {
    const tr = document.createElement('tr');
    tr.dataset.key = th.key;
    const unit = t('units')[th.unit] || th.unit;
    for (const v of [th.key, ui.decimal(th.value) + ' ' + unit, th.note]) {
      const td = document.createElement('td');
      td.textContent = v;
      tr.appendChild(td);
    }
    body.appendChild(tr);
  }
  $('thresholds').hidden = p.thresholds.length === 0;
  $('no-thresholds').hidden = p.thresholds.length > 0;
  document.title = heading(p) + ' - ' + t('title');
}

function followLang(s) {
  const url = new URL(location.href);
  url.searchParams.set('lang', s.lang);
  history.replaceState(null, '', url);
  $('back').href = './#lang=' + s.lang;
}

subscribe(['ref'], load);
subscribe(['policy', 'ref', 'lang'], renderList);
subscribe(['paragraph', 'error', 'ref', 'lang'], renderParagraph);
subscribe(['lang'], followLang);
ui.onChange(code => setState({ lang: code }));
window.addEventListener('hashchange', () => setState({ ref: currentRef() }));

$('back').href = './#lang=' + ui.lang;
// back to the check as it was (its URL keeps the state) when the reader came from it
$('back').addEventListener('click', e => {
  if (document.referrer && new URL(document.referrer).origin === location.origin && history.length > 1) {
    e.preventDefault();
    history.back();
  }
});
getJson('/api/v1/policy')
  .then(p => setState({ policy: p }))
  .catch(err => setState({ error: () => errorText(ui, 'loadFailed', err) }));
renderList(get());
renderParagraph(get());
load(get());
