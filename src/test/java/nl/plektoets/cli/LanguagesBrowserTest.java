package nl.plektoets.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The languages of the pages (Dutch by default, English, and Polish and Romanian on the check, room-rental and
 * policy pages; issue 7), the page navigation in every header, and the layout that fills the window without
 * scrolling it when the fictitious-data banner shows. Screenshots go to target/screenshots/.
 */
class LanguagesBrowserTest extends BrowserTestBase {
    /** An address whose answers carry the criteria's messages (the demo's built-up area of Plekdam). */
    private static final String ADDRESS = "Arceringerf 1, Plekdam";

    private static final List<String> PAGES =
            List.of("/", "/huren.html", "/initiatieven.html", "/planner.html", "/beleid.html");

    /** Every key of nl.js that a language lacks in the given sections, and every {placeholder} it dropped. */
    @SuppressWarnings("unchecked")
    private List<String> missing(String code, List<String> sections) {
        return (List<String>) page.evaluate(
                "async ([code, sections]) => {"
                        + " const T = (await import('/i18n/languages.js')).default, out = [];"
                        + " const walk = (nl, other, path) => { for (const [k, v] of Object.entries(nl)) {"
                        + "   const o = other == null ? undefined : other[k];"
                        + "   if (o === undefined) { out.push(path + k); continue; }"
                        + "   if (v !== null && typeof v === 'object') { walk(v, o, path + k + '.'); continue; }"
                        + "   for (const p of String(v).match(/\\{\\w+\\}/g) || []) if (!String(o).includes(p)) out.push(path + k + ' ' + p); } };"
                        + " for (const s of sections) walk(T.nl[s], T[code][s], s + '.');"
                        + " if (!T[code].languageName) out.push('languageName');"
                        + " return out; }",
                List.of(code, sections));
    }

    @Test
    void everyDutchKeyIsInEnglishAndThePublicSectionsAreInPolishAndRomanian() {
        open("/");
        page.waitForFunction("() => document.querySelectorAll('#lang option').length > 0");
        assertEquals(
                List.of("nl", "en", "pl", "ro"),
                page.locator("#lang option").evaluateAll("os => os.map(o => o.value)"),
                "the switch");
        List<String> all =
                List.of("common", "check", "rental", "planner", "policy", "initiatives", "regisseur", "pagePolicy");
        assertEquals(
                all,
                page.evaluate("async () => { const nl = (await import('/i18n/nl.js')).default;"
                        + " return Object.keys(nl).filter(k => typeof nl[k] === 'object'); }"),
                "the sections of nl.js");
        assertEquals(List.of(), missing("en", all), "en.js");
        for (String code : List.of("pl", "ro")) {
            assertEquals(
                    List.of(),
                    missing(code, List.of("common", "check", "rental", "policy", "initiatives", "pagePolicy")),
                    code + ".js");
            assertEquals(
                    "en",
                    page.evaluate("async c => (await import('/i18n/' + c + '.js')).default.fallback", code),
                    code + " falls back to English");
        }
        // the planner view stays Dutch and English
        open("/planner.html");
        page.waitForFunction("() => document.querySelectorAll('#lang option').length > 0");
        assertEquals(List.of("nl", "en"), page.locator("#lang option").evaluateAll("os => os.map(o => o.value)"));
    }

    @Test
    void aKeyALanguageLacksFallsBackToEnglishThenToDutch() {
        open("/");
        page.waitForFunction("() => document.querySelectorAll('#lang option').length > 0");
        // the language files as the page imported them (one module each), with keys taken out; then Polish by the
        // switch
        page.evaluate("async () => { const T = (await import('/i18n/languages.js')).default;"
                + " delete T.pl.check.copyLink; delete T.pl.check.print; delete T.en.check.print; }");
        page.getByLabel("Taal").selectOption("pl");
        Object texts = page.evaluate(
                "() => ['copy-link', 'print', 'submit'].map(id => document.getElementById(id).textContent)");
        assertEquals(List.of("Copy link", "Afdrukken (A4)", "Sprawdź"), texts);
        // a server message in nl and en only: Polish shows the English one, English the English, Dutch the Dutch
        // (common/i18n.js over the same language files, as every page uses it)
        Object picked = page.evaluate("async () => { const { i18n } = await import('/common/i18n.js');"
                + " const T = (await import('/i18n/languages.js')).default; const m = { nl: 'Dutch', en: 'English' }; const out = [];"
                + " for (const c of ['pl', 'ro', 'en', 'nl']) { const ui = i18n('check', T, c); out.push(ui.pick(m) + '/' + ui.pickLang(m)); }"
                + " return out; }");
        assertEquals(List.of("English/en", "English/en", "English/en", "Dutch/nl"), picked);
    }

    @Test
    void inPolishAndRomanianTheCheckIsTranslatedAndTheVerdictMessagesAreInEnglish() throws Exception {
        open("/");
        waitForMap();
        // the server's messages for the question the page asks (form and persons as the page starts)
        JsonNode criteria = api(
                        "POST",
                        "/api/v1/assessments",
                        null,
                        "{\"address\": \"" + ADDRESS + "\", \"form\": \"room_rental\", \"persons\": 4}")
                .get("criteria");
        List<String> english = new java.util.ArrayList<>(), dutch = new java.util.ArrayList<>();
        criteria.forEach(c -> {
            english.add(c.at("/message/en").asText());
            dutch.add(c.at("/message/nl").asText());
        });
        page.getByLabel("Taal").selectOption("pl");
        assertEquals("pl", page.locator("html").getAttribute("lang"));
        assertEquals("Sprawdź lokalizację", page.locator("#check-heading").textContent());
        page.getByLabel("Szukaj adresu").fill("Arceringerf 1");
        page.locator("#suggestions li", new Page.LocatorOptions().setHasText(ADDRESS))
                .click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sprawdź"))
                .click();
        page.locator("#verdict").waitFor();
        assertTrue(
                page.locator("#verdict").textContent().startsWith("Wynik: "),
                page.locator("#verdict").textContent());
        assertMessagesInEnglish(
                "#result .criterion > p:not(.policy-ref)",
                english,
                "Uzasadnienia wyniku według polityki gminy są wyświetlane po angielsku.");
        assertTrue(page.url().contains("lang=pl"), "the link keeps the language: " + page.url());
        page.locator("#messages-language").scrollIntoViewIfNeeded();
        screenshot("languages-check-polish.png");

        page.getByLabel("Język").selectOption("ro");
        assertEquals("Verificați o locație", page.locator("#check-heading").textContent());
        assertMessagesInEnglish(
                "#result .criterion > p:not(.policy-ref)",
                english,
                "Explicațiile rezultatului conform politicii municipalității sunt afișate în limba engleză.");
        screenshot("languages-check-romanian.png");

        // in Dutch and English the messages are the server's own, and there is no note
        page.getByLabel("Limba").selectOption("en");
        assertEquals(0, page.locator("#messages-language").count());
        assertEquals(
                english, page.locator("#result .criterion > p:not(.policy-ref)").allTextContents());
        page.getByLabel("Language").selectOption("nl");
        assertEquals(
                dutch, page.locator("#result .criterion > p:not(.policy-ref)").allTextContents());
        assertEquals(
                List.of("nl"),
                page.locator("#result .criterion > p:not(.policy-ref)")
                        .evaluateAll("ps => [...new Set(ps.map(p => p.lang))]"));
    }

    @Test
    void inPolishAndRomanianThePublicPageIsTranslatedAndTheAnswerMessageIsInEnglish() throws Exception {
        open("/huren.html");
        page.locator("#streets tbody tr").first().waitFor();
        String dutchHeading = page.locator("#search-heading").textContent();
        page.getByLabel("Taal").selectOption("pl");
        assertEquals(
                "Czy pod moim adresem można jeszcze wynajmować pokoje?",
                page.locator("#search-heading").textContent());
        assertEquals(
                "Coś się nie zgadza? Zgłoś to", page.locator("#report-heading").textContent());
        assertEquals(
                "(wybierz ulicę)", page.locator("#report-street option").first().textContent());
        page.getByLabel("Adres (ulica i numer, miejscowość)").fill(ADDRESS);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Szukaj"))
                .click();
        page.locator("#answer-status").waitFor();
        JsonNode answer = api(
                "GET",
                "/api/v1/room-rental/check?address="
                        + java.net.URLEncoder.encode(ADDRESS, java.nio.charset.StandardCharsets.UTF_8),
                null,
                null);
        String en = answer.at("/message/en").asText() + " ("
                + answer.get("policyRef").asText() + ")";
        assertMessagesInEnglish(
                "#answer > p[lang]",
                List.of(en),
                "Uzasadnienia wyniku według polityki gminy są wyświetlane po angielsku.");
        // a report outcome in Polish too (a refused one: it stores nothing)
        page.getByLabel("Co się nie zgadza?").fill("zle");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Wyślij zgłoszenie"))
                .click();
        assertEquals(
                "Opisz, co się nie zgadza, w 10 do 2000 znaków (bez danych osobowych).",
                page.locator("#report-message-out").textContent());
        screenshot("languages-public-polish.png");

        page.getByLabel("Język").selectOption("ro");
        assertEquals(
                "Se mai pot închiria camere la adresa mea?",
                page.locator("#search-heading").textContent());
        assertEquals(
                "Descrieți ce nu este corect în 10 până la 2000 de caractere (fără date personale).",
                page.locator("#report-message-out").textContent());
        assertMessagesInEnglish(
                "#answer > p[lang]",
                List.of(en),
                "Explicațiile rezultatului conform politicii municipalității sunt afișate în limba engleză.");
        page.locator("#answer").scrollIntoViewIfNeeded();
        screenshot("languages-public-romanian.png");
        page.getByLabel("Limba").selectOption("nl");
        assertEquals(dutchHeading, page.locator("#search-heading").textContent());
        assertEquals(0, page.locator("#messages-language").count());
    }

    /** The messages are the server's English ones, marked lang="en", with one note in the page's language. */
    private void assertMessagesInEnglish(String messages, Object expected, String note) {
        Locator shown = page.locator(messages);
        assertEquals(expected, shown.allTextContents());
        assertEquals(List.of("en"), shown.evaluateAll("ps => [...new Set(ps.map(p => p.lang))]"));
        assertEquals(1, page.locator("#messages-language").count(), "the note shows once");
        assertEquals(note, page.locator("#messages-language").textContent());
    }

    @Test
    void everyPageHasTheNavigationWithTheCurrentPageMarked() {
        for (String path : PAGES) {
            open(path);
            Locator links = page.locator("header nav.pages a");
            links.first().waitFor();
            // the planner view links on to the regisseur's page (issue 14), the public pages do not
            boolean staff = path.equals("/planner.html");
            assertEquals(
                    staff
                            ? List.of(
                                    "Locatie toetsen",
                                    "Kamerverhuur per straat",
                                    "Initiatieven",
                                    "Voor planners",
                                    "Regisseur",
                                    "Beleidstekst")
                            : List.of(
                                    "Locatie toetsen",
                                    "Kamerverhuur per straat",
                                    "Initiatieven",
                                    "Voor planners",
                                    "Beleidstekst"),
                    links.allTextContents(),
                    path);
            assertEquals("Pagina's", page.locator("header nav.pages").getAttribute("aria-label"), path);
            Locator current = page.locator("header nav.pages a[aria-current=page]");
            assertEquals(1, current.count(), path);
            String target = (String) current.evaluate("a => new URL(a.href).pathname");
            assertEquals(path, target, "the current page is the one marked");
            page.getByLabel("Taal").selectOption("en");
            assertEquals(
                    staff
                            ? List.of(
                                    "Check a site",
                                    "Room rental per street",
                                    "Initiatives",
                                    "For planners",
                                    "Coordinator",
                                    "Policy text")
                            : List.of(
                                    "Check a site",
                                    "Room rental per street",
                                    "Initiatives",
                                    "For planners",
                                    "Policy text"),
                    links.allTextContents(),
                    path);
            assertEquals("Pages", page.locator("header nav.pages").getAttribute("aria-label"), path);
            for (Object href : (List<?>) links.evaluateAll("as => as.map(a => a.getAttribute('href'))")) {
                assertTrue(href.toString().endsWith("?lang=en"), path + ": the next page keeps the language: " + href);
            }
        }
    }

    @Test
    void theNavigationWorksByKeyboardAndKeepsTheLanguage() {
        open("/");
        waitForMap();
        page.getByLabel("Taal").selectOption("pl");
        // from the top of the page, Tab reaches the map switch, the language switch and then the navigation
        page.locator("header h1").click(); // the starting point of Tab: the top of the page
        page.keyboard().press("Tab");
        assertEquals("projection", page.evaluate("() => document.activeElement.id"), "first the map's projection");
        page.keyboard().press("Tab");
        assertEquals("lang", page.evaluate("() => document.activeElement.id"), "then the language, then the pages");
        page.keyboard().press("Tab");
        assertEquals("Sprawdź lokalizację", page.evaluate("() => document.activeElement.textContent"));
        page.keyboard().press("Tab");
        assertEquals("Wynajem pokoi na ulicy", page.evaluate("() => document.activeElement.textContent"));
        page.keyboard().press("Enter");
        page.waitForURL(Pattern.compile("/huren\\.html\\?lang=pl$"));
        page.locator("#streets tbody tr").first().waitFor();
        assertEquals("pl", page.locator("html").getAttribute("lang"));
        assertEquals("Polski", page.locator("#lang option:checked").textContent());
        assertEquals(
                "Czy pod moim adresem można jeszcze wynajmować pokoje?",
                page.locator("#search-heading").textContent());
        assertEquals(
                "huren.html",
                page.locator("header nav.pages a[aria-current=page]").getAttribute("data-page"));
        screenshot("languages-nav-public-polish.png");
        // the policy page in Polish: the note that the policy text is Dutch, in Polish and marked so
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Tekst polityki"))
                .click();
        page.waitForURL(Pattern.compile("/beleid\\.html\\?lang=pl$"));
        page.locator("#paragraph-list a").first().waitFor();
        page.locator("#paragraph-list a[href='#5.1.2']").click();
        page.locator("#paragraph[data-ref='5.1.2']").waitFor();
        Locator note = page.locator("#text-language");
        assertEquals("Tekst polityki jest po niderlandzku, tak jak przyjęła go rada gminy.", note.textContent());
        assertEquals("pl", note.getAttribute("lang"));
        // the planner view has no Polish: the link opens it in English
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Dla planistów"))
                .click();
        page.waitForURL(Pattern.compile("/planner\\.html\\?lang=pl$"));
        page.locator("#layers li").first().waitFor();
        assertEquals("en", page.locator("html").getAttribute("lang"));
        assertEquals("Layers", page.locator("#layers-heading").textContent());
        // and back to the check, in English
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Check a site"))
                .focus();
        page.keyboard().press("Enter");
        page.waitForURL(Pattern.compile("/\\?lang=en"));
        page.locator("#check-heading").waitFor();
        assertEquals("Check a site", page.locator("#check-heading").textContent());
    }

    @Test
    @SuppressWarnings("unchecked")
    void onADesktopThePagesFillTheWindowWithTheBannerAndDoNotScroll() {
        for (String path : List.of("/", "/huren.html", "/planner.html")) {
            open(path);
            page.locator("#fictitious").waitFor();
            waitForMap();
            Map<?, ?> m = (Map<?, ?>)
                    page.evaluate("() => { const r = id => document.getElementById(id).getBoundingClientRect();"
                            + " const main = document.querySelector('main').getBoundingClientRect();"
                            + " return { scroll: document.scrollingElement.scrollHeight, inner: window.innerHeight,"
                            + "   bannerBottom: r('fictitious').bottom, mainTop: main.top, mapTop: r('map').top, mapBottom: r('map').bottom,"
                            + " }; }");
            m = new java.util.HashMap<>(m);
            ((Map<Object, Object>) m).put("canvas", onMap("map => map.getSize()[1]"));
            double inner = ((Number) m.get("inner")).doubleValue();
            assertTrue(((Number) m.get("scroll")).doubleValue() <= inner, path + ": the page does not scroll: " + m);
            assertEquals(
                    inner, ((Number) m.get("mapBottom")).doubleValue(), 1, path + ": the map reaches the bottom: " + m);
            assertEquals(
                    ((Number) m.get("bannerBottom")).doubleValue(),
                    ((Number) m.get("mainTop")).doubleValue(),
                    1,
                    path + ": main starts under the banner");
            assertEquals(
                    ((Number) m.get("mainTop")).doubleValue(),
                    ((Number) m.get("mapTop")).doubleValue(),
                    1,
                    path + ": the map fills main: " + m);
            double mapHeight = ((Number) m.get("mapBottom")).doubleValue() - ((Number) m.get("mapTop")).doubleValue();
            assertEquals(
                    mapHeight,
                    ((Number) m.get("canvas")).doubleValue(),
                    1,
                    path + ": OpenLayers draws the whole height");
        }
        screenshot("languages-layout-planner.png");
    }

    @Test
    void onAPhoneThePagesStackAndTheMapKeepsItsHeight() {
        for (String path : List.of("/", "/huren.html")) {
            open(path, new Browser.NewPageOptions().setViewportSize(390, 844).setIsMobile(true));
            page.locator("#fictitious").waitFor();
            waitForMap();
            Map<Object, Object> m = new java.util.HashMap<>(
                    (Map<?, ?>) page.evaluate("() => ({ width: document.scrollingElement.scrollWidth,"
                            + " nav: document.querySelector('nav.pages').getBoundingClientRect().right })"));
            m.put("map", onMap("map => map.getSize()[1]"));
            assertTrue(((Number) m.get("map")).doubleValue() > 300, path + ": the map has a real height: " + m);
            assertTrue(
                    ((Number) m.get("width")).doubleValue() <= 390 && ((Number) m.get("nav")).doubleValue() <= 390,
                    path + ": nothing wider than the phone: " + m);
            assertFalse(page.locator("header nav.pages a").first().boundingBox().height == 0);
        }
        screenshot("languages-phone-public.png");
    }
}
