// The regisseur page's texts: Dutch and English (the page is for the municipality's staff, as the planner view).
import { i18n } from '../common/i18n.js';
import { errorText } from '../common/api.js';
import nl from '../i18n/nl.js';
import en from '../i18n/en.js';

/** Set once by startTexts(). */
export let ui = null;
export const t = key => ui.t(key);
/** A value's word from one of the section's tables (outcomes, advice, ...), else the value itself. */
export const word = (table, value) => ((t(table) || {})[value]) || value;
/** A date (yyyy-mm-dd) in the language's way, or ''. */
export const day = iso => iso ? new Date(iso + 'T12:00:00Z').toLocaleDateString(ui.locale, { timeZone: 'UTC' }) : '';
/** A failed request in the page's language, as a function of it (for the state's messages). */
export const failure = err => () => errorText(ui, 'failed', err);

export function startTexts() {
  ui = i18n('regisseur', { nl, en });
  return ui;
}
