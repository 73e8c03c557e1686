// The page's texts and a street's numbers in words, shared by the answer, the table and the report form.
import { i18n } from '../common/i18n.js';
import LANGUAGES from '../i18n/languages.js';
import { get } from './state.js';

/** Set once by startTexts(). */
export let ui = null;
export const t = key => ui.t(key);

export function startTexts() {
  ui = i18n('rental', LANGUAGES);
  return ui;
}

export function streetName(p) { return p.name + (p.segment ? ' (' + p.segment + ')' : '') + ', ' + p.town; }

/** The rules' numbers of the overview (percent, minimum, minimumFromDwellings, countPerStreet) into a text. */
export function withLimits(text) {
  const streets = get().streets;
  const l = (streets && streets.limits) || {};
  return text.replace('{p}', l.percent).replace('{m}', l.minimum).replace('{n}', l.minimumFromDwellings)
    .replace('{c}', l.countPerStreet).replace('{k}', l.countsFromDwellings);
}

/** A street's status in words: below the published-counts size only full or not (the server sends no counts). */
export function statusText(p) {
  if (p.status === 'available' && p.countsPublished === false) return t('notFull');
  return withLimits(t('statuses')[p.status] || p.status);
}

/** Which rule gave the maximum, in words (issue 16), marked indicative when the council has not adopted it. */
function limitText(p) {
  if (p.limit == null) return t('noLimit');
  const by = p.limitBy ? withLimits(t('limitBy')[p.limitBy] || '') : '';
  return p.limit + (by ? ' (' + by + (p.indicative ? '; ' + t('indicative') : '') + ')' : '');
}

export function numbersText(p) {
  return streetName(p) + ': ' + t('dwellings') + ' ' + p.dwellings + ', ' + t('limit') + ' '
    + limitText(p) + ', ' + t('left') + ' ' + (p.left == null ? '-' : p.left) + ' (' + statusText(p) + ')';
}
