// The check page's texts: the language switch and t()/fmt() over the section 'check' of i18n/*.js.
import { i18n } from '../common/i18n.js';
import LANGUAGES from '../i18n/languages.js';

/** Set once by start(); read through t(), fmt() and the functions of common/i18n.js. */
export let ui = null;

export const t = key => ui.t(key);

/** The text of key with {name} replaced by values.name; a {paragraph} without a value goes with its brackets. */
export function fmt(key, values) {
  const text = values.paragraph === undefined || values.paragraph === null || values.paragraph === ''
    ? t(key).replace(/\s*\(\{paragraph\}\)/, '') : t(key);
  return text.replace(/\{(\w+)\}/g, (m, k) => (values[k] !== undefined ? values[k] : m));
}

/** Whether the page offers language code (a link's lang= is checked against it). */
export const offers = code => Object.prototype.hasOwnProperty.call(LANGUAGES, code);

export function startTexts(lang) {
  ui = i18n('check', LANGUAGES, lang);
  return ui;
}
