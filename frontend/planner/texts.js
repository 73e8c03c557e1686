// The planner view's texts: Dutch and English only (the view is for the municipality's staff).
import { i18n } from '../common/i18n.js';
import { errorText } from '../common/api.js';
import nl from '../i18n/nl.js';
import en from '../i18n/en.js';

/** Set once by startTexts(). */
export let ui = null;
export const t = key => ui.t(key);
export const roleName = role => (t('roles') || {})[role] || role;
/** A failed request in the page's language, as a function of it (for the state's messages). */
export const failure = err => () => errorText(ui, 'failed', err);

export function startTexts() {
  ui = i18n('planner', { nl, en });
  return ui;
}
