// The policy text, one paragraph at a time: beleid.html#5.1.2 shows §5.1.2 with the profile's numbers that cite
// it (GET /api/v1/policy/paragraphs/{ref}), and the list of all paragraphs (GET /api/v1/policy). The check page
// links every policy reference here.
'use strict';

const $ = id => document.getElementById(id);
const langParam = new URLSearchParams(location.search).get('lang');
const ui = Plek.i18n('policy', langParam);
const t = key => ui.t(key);
let policy = null;

function showError(text) { $('error').textContent = text; $('error').hidden = false; }

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

function renderList() {
  const ol = $('paragraph-list');
  ol.innerHTML = '';
  if (!policy) return;
  const ref = currentRef();
  for (const p of policy.paragraphs) {
    const li = document.createElement('li');
    const a = document.createElement('a');
    a.href = '#' + p.ref;
    a.textContent = heading(p);
    if (p.ref === ref) a.setAttribute('aria-current', 'true');
    li.appendChild(a);
    ol.appendChild(li);
  }
  $('policy-title').textContent = policy.title + (policy.adopted ? ' (' + t('adopted') + ' ' + policy.adopted + ')' : '');
}

function showParagraph() {
  const ref = currentRef();
  $('error').hidden = true;
  renderList();
  if (!ref) {
    $('paragraph').hidden = true;
    $('choose').hidden = false;
    return;
  }
  $('choose').hidden = true;
  Plek.getJson('/api/v1/policy/paragraphs/' + encodeURIComponent(ref))
    .then(p => {
      $('paragraph').hidden = false;
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
        const value = ui.decimal(th.value);
        for (const v of [th.key, value + ' ' + unit, th.note]) {
          const td = document.createElement('td');
          td.textContent = v;
          tr.appendChild(td);
        }
        body.appendChild(tr);
      }
      $('thresholds').hidden = p.thresholds.length === 0;
      $('no-thresholds').hidden = p.thresholds.length > 0;
      document.title = heading(p) + ' - ' + t('title');
      $('paragraph-heading').focus();
    })
    .catch(err => {
      $('paragraph').hidden = true;
      showError(Plek.errorText(ui, err.status === 404 ? 'notFound' : 'loadFailed', err));
    });
}

Plek.getJson('/api/v1/policy')
  .then(p => { policy = p; renderList(); })
  .catch(err => showError(Plek.errorText(ui, 'loadFailed', err)));
window.addEventListener('hashchange', showParagraph);
ui.onChange(() => {
  const url = new URL(location.href);
  url.searchParams.set('lang', ui.lang);
  history.replaceState(null, '', url);
  $('back').href = './#lang=' + ui.lang;
  showParagraph();
});
$('back').href = './#lang=' + ui.lang;
// back to the check as it was (its URL keeps the state) when the reader came from it
$('back').addEventListener('click', e => {
  if (document.referrer && new URL(document.referrer).origin === location.origin && history.length > 1) {
    e.preventDefault();
    history.back();
  }
});
showParagraph();
