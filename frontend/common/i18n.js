// The texts and the language switch every page shares. A page imports the languages it offers (i18n/*.js, one
// module per language) and hands them to i18n(); nothing is kept in a global.

/**
 * The texts of one page's section. t(key) looks in the page's section, then in common; a key the language lacks
 * falls back to the language's own fallback (pl and ro: English), then to Dutch, so a half-done translation never
 * shows an empty label. ALL: the page's languages ({nl, en, ...}, the i18n/*.js modules it imports). The language:
 * initialLang, else ?lang= in the URL, else Dutch; a language this page does not offer (the planner view has no
 * Polish) gives English. The page navigation (nav.pages) keeps the language.
 */
export function i18n(section, ALL, initialLang) {
  const asked = initialLang || new URLSearchParams(location.search).get('lang');
  let lang = ALL[asked] ? asked : (asked && asked !== 'nl' && ALL.en ? 'en' : 'nl');
  const listeners = [];
  const lookup = (code, key, from = section) => {
    const texts = ALL[code] || {};
    if (texts[from] && texts[from][key] !== undefined) return texts[from][key];
    return texts.common ? texts.common[key] : undefined;
  };
  /** The languages to try, in order, for a text or a server message in the current language. */
  const chain = () => [lang, (ALL[lang] || {}).fallback, 'nl'].filter(Boolean);
  const ui = {
    get lang() { return lang; },
    /** For dates: nl-NL, en-GB, pl-PL, ro-RO (the language file's locale). */
    get locale() { return (ALL[lang] || {}).locale || lang; },
    t(key) {
      for (const code of chain()) {
        const text = lookup(code, key);
        if (text !== undefined) return text;
      }
      return key;
    },
    /** t(key) from another section than the page's (a module every page shares, e.g. pagePolicy), then common. */
    tIn(from, key) {
      for (const code of chain()) {
        const text = lookup(code, key, from);
        if (text !== undefined) return text;
      }
      return key;
    },
    /**
     * The language a server message ({nl: ..., en: ...}, as the criteria write them) is shown in: the page's
     * language if the server wrote it, else the language's fallback, else Dutch.
     */
    pickLang(message) {
      return chain().find(code => message && typeof message[code] === 'string') || 'nl';
    },
    /** The server message's text in {@link pickLang}'s language. */
    pick(message) {
      return message ? (message[ui.pickLang(message)] || '') : '';
    },
    /**
     * When some of the server's messages are not in the page's language: a note, in the page's language, that
     * they are shown in the fallback language (#messages-language; once per answer); else null.
     */
    messagesNote(messages) {
      if (!ui.t('messagesLanguage') || messages.every(m => ui.pickLang(m) === lang)) return null;
      const note = document.createElement('p');
      note.id = 'messages-language';
      note.className = 'hint';
      note.textContent = ui.t('messagesLanguage');
      return note;
    },
    /** A number written with the language's decimal separator (7,5 in Dutch, Polish and Romanian; 7.5 in English). */
    decimal(value) {
      return String(value).replace('.', (1.5).toLocaleString(ui.locale).charAt(1));
    },
    setLang(code) {
      if (!ALL[code]) return;
      lang = code;
      const select = document.getElementById('lang');
      if (select) select.value = code;
      ui.apply();
      listeners.forEach(fn => fn(code));
    },
    onChange(fn) { listeners.push(fn); },
    /**
     * Texts into [data-i18n] elements, [data-i18n-label] aria-labels, [data-i18n-placeholder], the title; the
     * page navigation's links get ?lang= so the next page opens in the same language.
     */
    apply() {
      document.documentElement.lang = lang;
      document.querySelectorAll('[data-i18n]').forEach(el => { el.textContent = ui.t(el.dataset.i18n); });
      document.querySelectorAll('[data-i18n-label]').forEach(el => el.setAttribute('aria-label', ui.t(el.dataset.i18nLabel)));
      document.querySelectorAll('[data-i18n-placeholder]').forEach(el => el.setAttribute('placeholder', ui.t(el.dataset.i18nPlaceholder)));
      document.querySelectorAll('nav.pages a[data-page]').forEach(a => {
        a.href = a.dataset.page + (lang === 'nl' ? '' : '?lang=' + lang);
      });
      document.title = ui.t('title');
    }
  };
  // the switch lists every language whose file the page loaded
  const select = document.getElementById('lang');
  if (select) {
    select.innerHTML = '';
    for (const [code, texts] of Object.entries(ALL)) {
      const option = document.createElement('option');
      option.value = code;
      option.textContent = texts.languageName || code;
      option.lang = code; // each name in its own language (WCAG 3.1.2)
      select.appendChild(option);
    }
    select.value = lang;
    select.addEventListener('change', () => ui.setLang(select.value));
  }
  ui.apply();
  return ui;
}

/**
 * Keeps the language in the page's own URL as ?lang= (none for Dutch, the default), so a reload or a copied
 * address opens in the same language; other parameters and the fragment stay. For the pages without a link of
 * their own (the check page keeps the language in its #fragment).
 */
export function keepLangInUrl(ui) {
  ui.onChange(code => {
    const url = new URL(location.href);
    if (code === 'nl') url.searchParams.delete('lang'); else url.searchParams.set('lang', code);
    history.replaceState(history.state, '', url.pathname + url.search + url.hash);
  });
}
