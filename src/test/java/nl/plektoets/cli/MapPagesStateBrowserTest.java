package nl.plektoets.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Locator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a user's next action must not leave behind, found in a review of the map pages: the language kept in the
 * URL of the public and the planner page across a reload, no street left chosen after a failed address search,
 * messages that follow a language switch, a failed request said where it can be seen (also before login) and no
 * earlier overview left standing after a failed one.
 */
class MapPagesStateBrowserTest extends BrowserTestBase {
    private static final String ADDRESS = "Arceringerf 1, Plekdam";

    private void openRental(String path) {
        open(path);
        page.locator("#streets tbody tr").first().waitFor();
    }

    private void openPlanner(String path) {
        open(path);
        page.waitForFunction("() => document.querySelectorAll('#layers li').length > 0");
    }

    private void searchRental(String address) {
        page.locator("#address").fill(address);
        page.locator("#search button[type=submit]").click();
    }

    @Test
    void theRentalAndPlannerPagesKeepTheLanguageInTheirUrlOnReload() {
        openRental("/huren.html?proj=rd");
        page.locator("#lang").selectOption("pl");
        assertTrue(page.url().endsWith("/huren.html?proj=rd&lang=pl"), page.url());
        page.reload();
        page.locator("#streets tbody tr").first().waitFor();
        assertEquals("pl", page.locator("html").getAttribute("lang"));
        assertEquals("pl", page.locator("#lang").inputValue());
        assertEquals("rd", page.locator("#projection").inputValue());
        assertEquals(
                "Czy pod moim adresem można jeszcze wynajmować pokoje?",
                page.locator("#search-heading").textContent());
        page.locator("#lang").selectOption("nl");
        assertTrue(page.url().endsWith("/huren.html?proj=rd"), "Dutch is the default: " + page.url());

        openPlanner("/planner.html");
        page.locator("#lang").selectOption("en");
        assertTrue(page.url().endsWith("/planner.html?lang=en"), page.url());
        page.reload();
        page.waitForFunction("() => document.querySelectorAll('#layers li').length > 0");
        assertEquals("en", page.locator("html").getAttribute("lang"));
        assertEquals("en", page.locator("#lang").inputValue());
    }

    /** The layer of the streets on the public page's map. */
    private static final String STREETS =
            "map.getLayers().getArray().find(l => l.get('role') === 'room_rental_streets')";

    /** The streets the map draws highlighted (with the dark casing: two strokes). */
    private List<?> highlightedStreets() {
        return (List<?>) onMap("map => { const l = " + STREETS + "; return l.getSource().getFeatures()"
                + ".filter(f => Array.isArray(l.getStyleFunction()(f, 1))).map(f => f.getId()); }");
    }

    @Test
    void aFailedAddressSearchLeavesNoStreetChosenAndItsErrorFollowsTheLanguage() {
        openRental("/huren.html");
        searchRental(ADDRESS);
        page.locator("#answer-status").waitFor();
        assertEquals(List.of("plekdam/arceringerf"), highlightedStreets(), "the street found, highlighted on the map");
        assertEquals(
                "plekdam/arceringerf", page.locator("#report-street").inputValue(), "and named in the report form");

        searchRental("Nergensstraat 99, Plekdam");
        Locator error = page.locator("#error");
        error.waitFor();
        // in the page's language (the server's detail is English)
        assertTrue(
                error.textContent()
                        .startsWith("Dit adres staat niet in de gegevens. Schrijf het als \"Straat 12, Plaats\"."),
                error.textContent());
        assertEquals("", page.locator("#answer").textContent(), "no numbers of the street found before");
        assertEquals(List.of(), highlightedStreets(), "no street left highlighted on the map");
        assertEquals(
                "", page.locator("#report-street").inputValue(), "the report form names no street of another address");

        page.locator("#lang").selectOption("pl");
        assertTrue(error.textContent().startsWith("Tego adresu nie ma w danych."), error.textContent());
        screenshot("review-rental-failed-search.png");
    }

    @Test
    void aPolygonOverTwoLocationClassesNamesThemInWordsNotIds() {
        // a farm yard drawn half over the agricultural plot of Stippelweg 1, Gradusmeer
        open(
                "/#poly=3.6591564,52.5554972;3.6617302,52.5555346;3.6617916,52.553965;3.6592179,52.5539275;3.6591564,52.5554972"
                        + "&form=housing_facility&persons=30");
        Locator location = page.locator("#result li[data-criterion=location_class]");
        location.waitFor();
        String text = location.textContent();
        assertTrue(text.contains("Het terrein ligt in meerdere locatieklassen (agrarisch bouwvlak "), text);
        assertTrue(text.contains("%, buitengebied "), text);
        assertFalse(text.contains("_"), "no ids such as rural_other: " + text);
    }

    @Test
    void onAPhoneTheMapShowsTheStreetOfTheAddressFoundAndOfTheReportedStreet() {
        open(
                "/huren.html",
                new com.microsoft.playwright.Browser.NewPageOptions()
                        .setViewportSize(390, 844)
                        .setIsMobile(true)
                        .setHasTouch(true));
        page.locator("#streets tbody tr").first().waitFor();
        String inView =
                "(map, P, id) => { const e = " + STREETS + ".getSource().getFeatureById(id).getGeometry().getExtent();"
                        + " const v = map.getView().calculateExtent(map.getSize()); return ol.extent.containsExtent(v, e)"
                        + " && ol.extent.getWidth(v) < 5 * Math.max(ol.extent.getWidth(e), ol.extent.getHeight(e)); }";
        searchRental(ADDRESS);
        page.locator("#answer-status").waitFor();
        waitOnMap(inView, "plekdam/arceringerf");

        String other = page.locator("#streets tbody tr[data-street^='gradusmeer/']")
                .first()
                .getAttribute("data-street");
        page.locator("#report-street").selectOption(other);
        waitOnMap(inView, other);
        assertEquals("", page.locator("#address").inputValue(), "the field names no address of another street");

        // the same in RD New
        open(
                "/huren.html?proj=rd",
                new com.microsoft.playwright.Browser.NewPageOptions()
                        .setViewportSize(390, 844)
                        .setIsMobile(true)
                        .setHasTouch(true));
        page.locator("#streets tbody tr").first().waitFor();
        searchRental(ADDRESS);
        page.locator("#answer-status").waitFor();
        waitOnMap(inView, "plekdam/arceringerf");
        assertEquals("EPSG:28992", onMap("map => map.getView().getProjection().getCode()"));
        screenshot("review-rental-phone-street.png");
    }

    /** The words in the planner's tables broken over more than one line ("Toegestaa" / "n"); a soft hyphen may break. */
    private Object brokenWords() {
        return page.evaluate(
                "() => { const broken = []; for (const table of document.querySelectorAll('table.register')) {"
                        + " const walk = document.createTreeWalker(table, NodeFilter.SHOW_TEXT); let text;"
                        + " while ((text = walk.nextNode())) { let at = 0;"
                        + " for (const word of text.textContent.split(/[ \\u00AD]/)) {"
                        // from the word's second character: a range just after a soft hyphen also holds the hyphen
                        // drawn before
                        + " if (word.length < 2) { at += word.length + 1; continue; } const r = document.createRange(); r.setStart(text, at + 1);"
                        + " r.setEnd(text, at + word.length); const tops = new Set([...r.getClientRects()].map(x => Math.round(x.top)));"
                        + " if (tops.size > 1) broken.push(word); at += word.length + 1; } } } return broken; }");
    }

    @Test
    void thePlannersTablesBreakNoWordAndFitAPhone() throws Exception {
        int port = served.main().server().port();
        var initiative = StoreCommandsTest.send(
                port,
                "POST",
                "/api/v1/initiatives",
                PLANNER_TOKEN,
                "{\"site\": {\"type\": \"Point\","
                        + " \"coordinates\": [3.69, 52.552]}, \"form\": \"housing_facility\", \"persons\": 16, \"initiator\": \"Proef Flex BV\"}");
        assertTrue(initiative.statusCode() < 300, initiative.body());
        var permit = StoreCommandsTest.send(
                port,
                "POST",
                "/api/v1/permits",
                PLANNER_TOKEN,
                "{\"address\": \"Grenssteeweg 1, Plekdam\","
                        + " \"street\": \"Grenssteeweg\", \"town\": \"Plekdam\", \"rooms\": 2, \"persons\": 3}");
        assertTrue(permit.statusCode() < 300, permit.body());
        for (boolean phone : new boolean[] {false, true}) {
            open(
                    "/planner.html",
                    phone
                            ? new com.microsoft.playwright.Browser.NewPageOptions()
                                    .setViewportSize(390, 844)
                                    .setIsMobile(true)
                            : new com.microsoft.playwright.Browser.NewPageOptions().setViewportSize(1280, 800));
            page.waitForFunction("() => document.querySelectorAll('#layers li').length > 0");
            page.locator("#token").fill(PLANNER_TOKEN);
            page.locator("#login-button").click();
            page.locator("#overview-form").waitFor();
            page.locator("#ov-submit").click();
            page.locator("#ov-totals tr.total").waitFor();
            page.locator("#permits tbody tr").first().waitFor();
            page.locator("#initiatives tbody tr").first().waitFor();
            assertEquals(List.of(), brokenWords(), phone ? "phone" : "desktop");
            assertTrue(
                    ((Number) page.evaluate("() => document.documentElement.scrollWidth")).intValue()
                            <= (phone ? 390 : 1280),
                    "no sideways scrolling of the page");
            page.locator("#initiatives").scrollIntoViewIfNeeded();
            screenshot(phone ? "review-planner-tables-phone.png" : "review-planner-tables.png");
        }
    }

    @Test
    void loggingInByKeyboardKeepsTheFocusOnThePanel() {
        openPlanner("/planner.html");
        page.locator("#token").fill(PLANNER_TOKEN);
        page.locator("#token").press("Enter");
        page.locator("#logged-in").waitFor();
        assertEquals("logout", page.evaluate("() => document.activeElement.id"), "not lost to the page's start");
        page.locator("#logout").press("Enter");
        assertEquals("token", page.evaluate("() => document.activeElement.id"));
    }

    private int evidenceOnMap() {
        return ((Number)
                        onMap(
                                "map => map.getLayers().getArray().filter(l => ['walking', 'cycling', 'band', 'deciding', 'facilities']"
                                        + ".includes(l.get('evidence'))).reduce((n, l) => n + l.getSource().getFeatures().length, 0)"))
                .intValue();
    }

    @Test
    void aNewAddressOnTheCheckPageLeavesNoVerdictOfTheOldOneAndATypedAddressIsChecked() {
        open("/");
        Locator address = page.locator("#address");
        address.fill("Stippelweg 1, Gradus");
        page.locator(
                        "#suggestions li",
                        new com.microsoft.playwright.Page.LocatorOptions().setHasText("Stippelweg 1, Gradusmeer"))
                .click();
        page.locator("#form").selectOption("housing_facility");
        page.locator("#persons").fill("30");
        page.locator("#submit").click();
        page.locator("#verdict").waitFor();
        waitOnMap(
                "map => map.getLayers().getArray().find(l => l.get('evidence') === 'walking').getSource().getFeatures().length > 0");

        // another address picked: the old verdict and its evidence go until this one is checked
        address.fill("Arceringerf 1, Plek");
        page.locator(
                        "#suggestions li",
                        new com.microsoft.playwright.Page.LocatorOptions().setHasText("Arceringerf 1, Plekdam"))
                .click();
        assertEquals(0, page.locator("#verdict").count(), "no verdict of Stippelweg 1 beside Arceringerf 1");
        assertEquals(0, evidenceOnMap(), "no isochrones or facilities of Stippelweg 1");

        // an address typed in full and sent with Enter (not picked) is the one checked
        address.fill("Stippelweg 1, Gradusmeer");
        address.press("Enter");
        page.waitForFunction(
                "() => document.querySelector('#verdict') && document.querySelector('#site-info').textContent === 'Stippelweg 1, Gradusmeer'");
        // the link follows (updated 100 ms after a change)
        page.waitForFunction("() => location.hash.includes('addr=Stippelweg+1,+Gradusmeer')");

        // a typed address that does not exist: said, and no marker of the site before
        address.fill("Nergensstraat 99, Gradusmeer");
        address.press("Enter");
        page.locator("#error").waitFor();
        // in the page's words, not the server's English detail
        assertTrue(
                page.locator("#error").textContent().startsWith("Dit adres staat niet in de gegevens."),
                page.locator("#error").textContent());
        assertEquals(
                0,
                ((Number)
                                onMap(
                                        "map => map.getLayers().getArray().find(l => l.get('evidence') === 'site').getSource().getFeatures().length"))
                        .intValue());
        assertEquals(0, page.locator("#verdict").count());
    }

    @Test
    void aPermitOnNoKnownStreetShowsItsStatusInWords() throws Exception {
        var permit = StoreCommandsTest.send(
                served.main().server().port(),
                "POST",
                "/api/v1/permits",
                PLANNER_TOKEN,
                "{\"address\": \"Nergensstraat 1, Plekdam\", \"street\": \"Nergensstraat\", \"town\": \"Plekdam\", \"rooms\": 2, \"persons\": 3}");
        assertTrue(permit.statusCode() < 300, permit.body());
        openPlanner("/planner.html");
        page.locator("#token").fill(PLANNER_TOKEN);
        page.locator("#login-button").click();
        Locator row = page.locator(
                "#permits tbody tr", new com.microsoft.playwright.Page.LocatorOptions().setHasText("Nergensstraat 1"));
        row.waitFor();
        assertTrue(row.textContent().contains("Nergensstraat 1, Plekdam (aangevraagd)"), row.textContent());
    }

    @Test
    void theCheckPagesErrorFollowsTheLanguage() {
        open("/");
        page.locator("#submit").click();
        Locator error = page.locator("#error");
        error.waitFor();
        assertEquals("Kies eerst een adres of klik op de kaart.", error.textContent());
        page.locator("#lang").selectOption("pl");
        assertEquals("Najpierw wybierz adres lub kliknij na mapie.", error.textContent());
    }

    @Test
    void thePlannersMessagesFollowTheLanguage() {
        openPlanner("/planner.html");
        page.locator("#token").fill("not-a-token-of-anyone-at-all");
        page.locator("#login-button").click();
        Locator error = page.locator("#login-error");
        page.waitForFunction("() => document.querySelector('#login-error').textContent.includes('401')");
        assertTrue(error.textContent().startsWith("Dit token is onbekend"), error.textContent());
        page.locator("#lang").selectOption("en");
        assertTrue(error.textContent().startsWith("The server does not know this token"), error.textContent());
    }

    @Test
    void aFailedClickBeforeLoginIsShownWhereItsAnswerWouldBe() {
        openPlanner("/planner.html");
        page.route("**/api/v1/features?**", r -> r.abort());
        page.locator("#map").click();
        Locator error = page.locator("#here-list .error");
        error.waitFor();
        assertTrue(error.isVisible(), "not inside the hidden planner part");
        assertEquals(
                "Het opvragen is mislukt: De server is niet bereikbaar. Probeer het later opnieuw.",
                error.textContent());
        assertEquals("alert", error.getAttribute("role"));
        page.locator("#lang").selectOption("en");
        assertEquals("The request failed: The server cannot be reached. Please try again later.", error.textContent());
    }

    @Test
    void aFailedOverviewLeavesNoEarlierOverviewStanding() {
        openPlanner("/planner.html");
        page.locator("#token").fill(PLANNER_TOKEN);
        page.locator("#login-button").click();
        page.locator("#overview-form").waitFor();
        page.locator("#ov-form").selectOption("room_rental");
        page.locator("#ov-submit").click();
        page.locator("#ov-totals tr.total").waitFor();
        assertTrue(((Number)
                                onMap(
                                        "map => map.getLayers().getArray().find(l => l.get('name') === 'overview').getSource().getFeatures().length"))
                        .intValue()
                > 0);

        page.route("**/api/v1/overview?**", r -> r.abort());
        page.locator("#ov-persons").fill("8");
        page.locator("#ov-submit").click();
        Locator error = page.locator("#planner-error");
        error.waitFor();
        assertEquals(
                "Het opvragen is mislukt: De server is niet bereikbaar. Probeer het later opnieuw.",
                error.textContent());
        assertFalse(page.locator("#ov-totals").isVisible(), "no totals of the earlier question");
        assertEquals(0, page.locator("#ov-legend li").count());
        assertEquals(
                0,
                ((Number)
                                onMap(
                                        "map => map.getLayers().getArray().find(l => l.get('name') === 'overview').getSource().getFeatures().length"))
                        .intValue(),
                "no dots of the earlier question");
        page.locator("#lang").selectOption("en");
        assertTrue(error.textContent().startsWith("The request failed: "), error.textContent());
    }
}
