// Which municipality's policy answers, named in every page's header (issue 18: one service serves either profile,
// chosen by its configuration): "Beleid: <title>" linking to the policy text (beleid.html), the profile's id in
// data-policy, and, where the profile marks values adopted: false (GET /api/v1/policy's notAdopted), a note that
// answers using them are indicative. Texts in the section pagePolicy of i18n/<lang>.js. Our own API only.
import { getJson } from './api.js';

const SECTION = 'pagePolicy';
let asked = null;

/** GET /api/v1/policy, once per page (the modules that need the profile share the answer); a failure is asked again. */
export function currentPolicy() {
  if (!asked) asked = getJson('/api/v1/policy').catch(err => { asked = null; throw err; });
  return asked;
}

/**
 * Fills the header's #page-policy from the profile and rewrites it on every language switch. Without an answer the
 * line stays hidden: the page's own requests report a server that cannot be reached.
 */
export function showPagePolicy(ui) {
  const line = document.getElementById('page-policy');
  if (!line) return Promise.resolve();
  let policy = null;
  const render = () => {
    if (!policy) return;
    const t = key => ui.tIn(SECTION, key);
    const link = document.createElement('a');
    link.id = 'page-policy-link';
    link.href = 'beleid.html' + (ui.lang === 'nl' ? '' : '?lang=' + ui.lang);
    link.textContent = policy.title;
    line.replaceChildren(t('lead') + ': ', link);
    if ((policy.notAdopted || []).length) {
      const note = document.createElement('span');
      note.id = 'page-policy-indicative';
      note.textContent = t('indicative');
      line.append(' ', note);
    }
    line.dataset.policy = policy.id;
    line.hidden = false;
  };
  ui.onChange(render);
  return currentPolicy().then(p => { policy = p; render(); }).catch(() => {});
}
