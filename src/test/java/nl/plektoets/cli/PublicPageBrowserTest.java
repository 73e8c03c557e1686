package nl.plektoets.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.RequestOptions;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The public room-rental page (frontend/huren.html) and what every page must do: no request to a third party by
 * default (AVG), the "report a wrong entry" form with every outcome, the English switch, a phone viewport for both
 * pages, and the buildings of a village at zoom 16. Screenshots go to target/screenshots/.
 */
class PublicPageBrowserTest extends BrowserTestBase {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ADDRESS = "Arceringerf 1, Plekdam";

    /** A new page with request and console listeners attached before it loads anything. */
    private Page openWatched(
            String path, Browser.NewPageOptions options, List<String> requests, List<String> consoleErrors) {
        if (page != null) page.close();
        page = browser.newPage(options);
        page.setDefaultTimeout(20_000);
        page.onRequest(r -> requests.add(r.url()));
        page.onConsoleMessage(m -> {
            if (m.type().equals("error")) consoleErrors.add(m.text());
        });
        page.navigate(base + path);
        return page;
    }

    private void waitForStreets() {
        page.locator("#streets tbody tr").first().waitFor();
    }

    private void searchAddress(String address) {
        page.getByLabel("Adres (straat en huisnummer, plaats)").fill(address);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Zoeken"))
                .click();
        page.locator("#answer-status").waitFor();
    }

    /** Centres the map on the middle of a street line at zoom 17; returns {street id, page x, page y}. */
    private List<?> streetOnPage(int index) {
        List<?> hit = (List<?>) onMap(
                "(map, P, i) => { const fs = map.getLayers().getArray().find(l => l.get('role') === 'room_rental_streets').getSource().getFeatures()"
                        + ".filter(f => f.getGeometry().getType() === 'LineString').sort((a, b) => String(a.getId()).localeCompare(String(b.getId())));"
                        + " const f = fs[i]; const c = f.getGeometry().getCoordinateAt(0.5);"
                        + " map.getView().setCenter(c); map.getView().setZoom(17); map.renderSync();"
                        + " const px = map.getPixelFromCoordinate(c); return [f.getId(), px[0], px[1]]; }",
                index);
        var box = page.locator("#map").boundingBox();
        return List.of(
                hit.get(0), box.x + ((Number) hit.get(1)).doubleValue(), box.y + ((Number) hit.get(2)).doubleValue());
    }

    @Test
    void byDefaultEveryRequestOfBothPagesGoesToOurOwnServer() {
        for (String path : new String[] {"/", "/huren.html"}) {
            List<String> requests = new CopyOnWriteArrayList<>();
            List<String> errors = new CopyOnWriteArrayList<>();
            openWatched(path, new Browser.NewPageOptions().setViewportSize(1280, 800), requests, errors);
            waitOnMap("(map, P) => map.getView().getZoom() > 10");
            if (path.equals("/huren.html")) waitForStreets();
            // zoom into a village so every background layer (buildings from zoom 15) loads as well
            zoomToTheSeatAt16();
            assertTrue(requests.size() > 5, path + ": " + requests);
            for (String url : requests) {
                assertTrue(
                        url.startsWith(base + "/") || url.startsWith("data:"), path + " asked a third party: " + url);
            }
            assertTrue(
                    requests.stream().anyMatch(u -> u.contains("/api/v1/map-config")),
                    "the page asks which background to draw");
            assertFalse(errors.stream().anyMatch(e -> e.contains("Content Security Policy")), path + ": " + errors);
            assertEquals(
                    0,
                    ((Number)
                                    onMap(
                                            "(map, P) => map.getLayers().getArray().filter(l => l.get('role') === 'basemap').length"))
                            .intValue(),
                    "no third-party base map by default");
        }
    }

    @Test
    void noPageBreaksItsContentSecurityPolicyOrAsksAThirdParty() {
        for (String path : new String[] {"/", "/huren.html", "/initiatieven.html", "/planner.html", "/beleid.html"}) {
            List<String> requests = new CopyOnWriteArrayList<>();
            List<String> errors = new CopyOnWriteArrayList<>();
            openWatched(path, new Browser.NewPageOptions().setViewportSize(1280, 800), requests, errors);
            page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
            for (String url : requests)
                assertTrue(
                        url.startsWith(base + "/") || url.startsWith("data:"), path + " asked a third party: " + url);
            assertFalse(errors.stream().anyMatch(e -> e.contains("Content Security Policy")), path + ": " + errors);
        }
    }

    @Test
    void anAddressFillsTheReportFormAndReportsAreReceivedUntilTheHourlyLimit() throws Exception {
        open("/huren.html");
        waitForStreets();
        searchAddress(ADDRESS);
        String streetId = page.locator("#answer-status").getAttribute("data-street");
        assertEquals(
                api(
                                "GET",
                                "/api/v1/room-rental/check?address="
                                        + java.net.URLEncoder.encode(ADDRESS, java.nio.charset.StandardCharsets.UTF_8),
                                null,
                                null)
                        .at("/street/id")
                        .asText(),
                streetId,
                "the answer's street");
        assertEquals(
                streetId,
                page.getByLabel("Straat", new Page.GetByLabelOptions().setExact(true))
                        .inputValue(),
                "the searched address's street is pre-filled");
        assertTrue(
                page.locator("#report-privacy").textContent().contains("geen persoonsgegevens"),
                "a clear note: no personal data");
        Locator message = page.getByLabel("Wat klopt er niet?");
        Locator send = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Melding versturen"));
        Locator outcome = page.locator("#report-message-out");
        message.fill("Het aantal woningen klopt niet: nummer 3 is samengevoegd met nummer 5.");
        send.click();
        page.waitForFunction("() => document.querySelector('#report-message-out') !== null");
        assertEquals("received", outcome.getAttribute("data-outcome"), outcome.textContent());
        assertTrue(
                outcome.textContent().matches("Dank u wel\\. Uw melding is ontvangen \\(nummer \\d+\\)\\."),
                outcome.textContent());
        assertEquals("", message.inputValue(), "the sent text is cleared");
        screenshot("room-rental-report-received.png");

        // the planners see it, with the street and the text (GET /api/v1/room-rental/reports, planner token)
        APIResponse list = page.request()
                .get(
                        base + "/api/v1/room-rental/reports",
                        RequestOptions.create().setHeader("Authorization", "Bearer " + PLANNER_TOKEN));
        assertEquals(200, list.status(), list.text());
        assertTrue(list.text().contains(streetId) && list.text().contains("samengevoegd met nummer 5"), list.text());

        // at most 5 an hour per client: the sixth is refused (429) and the page says when to try again
        for (int i = 2; i <= 6; i++) {
            message.fill("Melding " + i + ": het aantal vergunningen lijkt niet te kloppen.");
            send.click();
            page.waitForFunction(
                    "n => { const o = document.querySelector('#report-message-out');"
                            + " return o && (o.dataset.outcome !== 'received' || o.textContent.includes('nummer ')) && !document.querySelector('#report-submit').disabled; }",
                    i);
            if (i < 6) assertEquals("received", outcome.getAttribute("data-outcome"), outcome.textContent());
        }
        assertEquals("429", outcome.getAttribute("data-outcome"), outcome.textContent());
        assertTrue(
                outcome.textContent()
                        .matches(
                                "U heeft het afgelopen uur al veel meldingen gestuurd\\. Probeer het over \\d+ minuten opnieuw\\."),
                outcome.textContent());
        assertTrue(message.inputValue().startsWith("Melding 6"), "a refused text stays, to send later");
        screenshot("room-rental-report-rate-limited.png");
    }

    @Test
    void aClickOnAStreetChoosesItAndEveryReportErrorIsReadable() {
        open("/huren.html");
        waitForStreets();
        List<?> street = streetOnPage(3);
        page.mouse().click((Double) street.get(1), (Double) street.get(2));
        Locator numbers = page.locator("#answer-street");
        numbers.waitFor();
        Locator streetSelect = page.getByLabel("Straat", new Page.GetByLabelOptions().setExact(true));
        assertEquals(street.get(0), streetSelect.inputValue(), "the clicked street is the report's street");
        String row = page.locator("#streets tbody tr[data-street='" + street.get(0) + "'] td")
                .first()
                .textContent();
        assertTrue(numbers.textContent().startsWith(row + ": Woningen "), numbers.textContent() + " vs " + row);

        // too short: the server's 400, said in the page's words
        Locator message = page.getByLabel("Wat klopt er niet?");
        Locator send = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Melding versturen"));
        Locator outcome = page.locator("#report-message-out");
        message.fill("fout");
        send.click();
        page.waitForFunction(
                "() => { const o = document.querySelector('#report-message-out'); return o && o.dataset.outcome === '400'; }");
        assertEquals(
                "Beschrijf wat er niet klopt in 10 tot 2000 tekens (zonder persoonsgegevens).", outcome.textContent());

        // no street chosen: said before anything is sent
        streetSelect.selectOption("");
        message.fill("Dit klopt niet, de straat heeft meer woningen.");
        send.click();
        page.waitForFunction(
                "() => document.querySelector('#report-message-out').dataset.outcome === 'reportNoStreet'");
        assertEquals("Kies eerst de straat waar het om gaat.", outcome.textContent());

        // the server cannot be reached
        streetSelect.selectOption(street.get(0).toString());
        page.route("**/api/v1/room-rental/reports", r -> r.abort());
        send.click();
        page.waitForFunction("() => document.querySelector('#report-message-out').dataset.outcome === 'network'");
        assertEquals(
                "Versturen is mislukt: De server is niet bereikbaar. Probeer het later opnieuw.",
                outcome.textContent());
        assertEquals("status", page.locator("#report-result").getAttribute("role"), "read out by screen readers");
        screenshot("room-rental-report-errors.png");
    }

    @Test
    void thePublicPageSwitchesToEnglish() {
        open("/huren.html");
        waitForStreets();
        searchAddress(ADDRESS);
        page.getByLabel("Taal").selectOption("en");
        assertEquals("en", page.locator("html").getAttribute("lang"));
        assertEquals("Room rental per street", page.title());
        assertEquals("Room rental per street", page.locator("h1").textContent());
        assertEquals(
                "Can my address still be room-rented?",
                page.locator("#search-heading").textContent());
        assertTrue(
                page.locator("#answer-status").textContent().endsWith(": Yes, a permit still fits here."),
                page.locator("#answer-status").textContent());
        assertTrue(
                page.locator("#answer-street").textContent().startsWith("Arceringerf, Plekdam: Dwellings "),
                page.locator("#answer-street").textContent());
        assertEquals(
                List.of("Street", "Dwellings", "Maximum", "Left"),
                page.locator("#streets thead th").allTextContents());
        assertTrue(
                page.locator("#streets tbody tr")
                        .first()
                        .locator("td")
                        .nth(3)
                        .textContent()
                        .matches("\\d+ (Room left|Almost full|Full)|- (Not full|Full)|Not possible"),
                page.locator("#streets tbody tr").first().textContent());
        assertEquals(
                List.of(
                        "Room left",
                        "Almost full",
                        "Full",
                        "Room rental not possible here: fewer than 5 dwellings",
                        "Maximum per street: 10% of its dwellings, rounded down; at least 1 from 5 dwellings (indicative, not yet adopted)",
                        "Streets of fewer than 10 dwellings: only whether the street is full, no counts"),
                page.locator("#legend li").allTextContents());
        assertTrue(page.locator("#data-date").textContent().startsWith("As of "));
        assertTrue(page.locator("#fictitious").textContent().startsWith("Note: this is fictitious data"));
        assertEquals(
                "Something wrong? Report it", page.locator("#report-heading").textContent());
        assertTrue(page.locator("#report-privacy").textContent().startsWith("Do not enter personal data"));
        assertEquals(
                "(choose a street)",
                page.locator("#report-street option").first().textContent());
        assertEquals(
                "Address (street and number, town)",
                page.locator("label[for=address]").textContent());
        screenshot("room-rental-english.png");
    }

    private static Browser.NewPageOptions phone() {
        return new Browser.NewPageOptions()
                .setViewportSize(390, 844)
                .setDeviceScaleFactor(2)
                .setIsMobile(true)
                .setHasTouch(true);
    }

    /** The map has a size of its own on the phone (OpenLayers draws into it), not just an empty box. */
    private void assertUsableMap(String what) {
        page.locator("#map").scrollIntoViewIfNeeded();
        var box = page.locator("#map").boundingBox();
        List<?> size = (List<?>) onMap("(map, P) => { map.updateSize(); return map.getSize(); }");
        assertTrue(box.width >= 380 && box.height >= 300, what + ": map box " + box.width + "x" + box.height);
        assertTrue(
                ((Number) size.get(0)).intValue() >= 380 && ((Number) size.get(1)).intValue() >= 300,
                what + ": OpenLayers draws " + size);
        assertTrue(page.locator("#map .ol-zoom-in").isVisible(), what + ": the zoom buttons show");
    }

    private void phoneScreenshot(String name) {
        page.screenshot(
                new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name)).setFullPage(true));
    }

    private void assertNoHorizontalScroll(String what) {
        Object widths = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]");
        List<?> w = (List<?>) widths;
        assertTrue(
                ((Number) w.get(0)).intValue() <= ((Number) w.get(1)).intValue(),
                what + ": page wider than the phone " + w);
    }

    @Test
    void theCheckPageWorksOnAPhone() {
        open("/", phone());
        waitOnMap("(map, P) => map.getView().getZoom() > 10");
        assertNoHorizontalScroll("/");
        assertUsableMap("/");
        page.getByLabel("Adres zoeken").fill("Arceringerf 1");
        page.locator("#suggestions li", new Page.LocatorOptions().setHasText(ADDRESS))
                .tap();
        page.getByLabel("Woonvorm").selectOption("housing_facility");
        page.getByLabel("Aantal personen").fill("12");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Toetsen"))
                .tap();
        Locator verdict = page.locator("#verdict");
        verdict.waitFor();
        // README: a housing facility in the built-up area fails §5.1.2 (room rental only)
        assertEquals("not_allowed", verdict.getAttribute("data-verdict"), verdict.textContent());
        assertTrue(page.locator(".criterion .light").count() >= 5, "a traffic light per criterion");
        assertNoHorizontalScroll("/ with a verdict");
        phoneScreenshot("phone-check.png");
    }

    @Test
    void thePublicPageWorksOnAPhone() {
        open("/huren.html", phone());
        waitForStreets();
        assertNoHorizontalScroll("/huren.html");
        searchAddress(ADDRESS);
        assertEquals("pass", page.locator("#answer-status").getAttribute("data-status"));
        assertNoHorizontalScroll("/huren.html with an answer");
        List<?> table = (List<?>) page.evaluate(
                "() => { const w = document.querySelector('.table-wrap'); return [w.scrollWidth, w.clientWidth]; }");
        assertTrue(
                ((Number) table.get(0)).intValue() <= ((Number) table.get(1)).intValue(),
                "the street table fits the phone: " + table);
        assertUsableMap("/huren.html");
        // a tap on a street chooses it, as a click does
        List<?> street = streetOnPage(5);
        page.touchscreen().tap((Double) street.get(1), (Double) street.get(2));
        page.waitForFunction("id => document.querySelector('#report-street').value === id", street.get(0));
        assertTrue(
                page.locator("#answer-street").textContent().contains(": Woningen "),
                page.locator("#answer-street").textContent());
        phoneScreenshot("phone-room-rental.png");
    }

    /** Centres the map on the seat (Plekdam) at zoom 16 and waits until the building layer has loaded that view. */
    private void zoomToTheSeatAt16() {
        zoomToTheSeat(16);
    }

    private void zoomToTheSeat(double zoom) {
        Object buildings = onMap(
                "(map, P) => fetch('/api/v1/layers/village').then(r => r.json()).then(fc => new Promise(resolve => {"
                        + " const f = fc.features.find(x => x.properties.name === 'Plekdam') || fc.features[0];"
                        + " const g = P.geojson.readGeometry(f.geometry);"
                        + " const c = g.getType() === 'Point' ? g.getCoordinates() : ol.extent.getCenter(g.getExtent());"
                        + " const l = map.getLayers().getArray().find(x => x.get('role') === 'building');"
                        + " l.getSource().once('featuresloadend', () => resolve('loaded'));"
                        + " l.getSource().once('featuresloaderror', () => resolve('failed'));"
                        + " map.getView().setCenter(c); map.getView().setZoom(" + zoom + "); }))");
        assertEquals("loaded", buildings, "the building layer loaded the view");
    }

    @Test
    void allBuildingsOfAVillageAtZoom16AreLoaded() throws Exception {
        List<String> requests = new CopyOnWriteArrayList<>();
        openWatched(
                "/", new Browser.NewPageOptions().setViewportSize(1280, 800), requests, new CopyOnWriteArrayList<>());
        waitOnMap("(map, P) => map.getView().getZoom() > 10");
        zoomToTheSeatAt16();
        int loaded = ((Number) onMap("(map, P) => map.getLayers().getArray().find(x => x.get('role') === 'building')"
                        + ".getSource().getFeatures().length"))
                .intValue();
        String first = requests.stream()
                .filter(u -> u.contains("/api/v1/layers/building?"))
                .findFirst()
                .orElseThrow();
        String bbox = first.replaceAll(".*[?&]bbox=([^&]+).*", "$1");
        APIResponse r = page.request().get(base + "/api/v1/layers/building?limit=1&bbox=" + bbox);
        JsonNode body = JSON.readTree(r.text());
        int matched = body.get("numberMatched").asInt();
        System.out.printf(
                "[zoom16] Plekdam at zoom 16: %d buildings in the loaded bbox, %d loaded in %d request(s)%n",
                matched,
                loaded,
                requests.stream()
                        .filter(u -> u.contains("/api/v1/layers/building?"))
                        .count());
        assertTrue(matched > 0, "the village has buildings: " + bbox);
        assertEquals(matched, loaded, "every building of the view is loaded, across the pages of 1000");
        page.waitForTimeout(300); // let the last frame paint before the screenshot
        screenshot("village-zoom16.png");
    }

    @Test
    void aViewWithMoreThanOnePageOfBuildingsLoadsThemAllByFollowingNext() throws Exception {
        List<String> requests = new CopyOnWriteArrayList<>();
        // a large screen just above zoom 15 (the building layer shows above 15): more than one page of 1000
        openWatched(
                "/", new Browser.NewPageOptions().setViewportSize(2560, 1600), requests, new CopyOnWriteArrayList<>());
        waitOnMap("(map, P) => map.getView().getZoom() > 10");
        zoomToTheSeat(15.1);
        int loaded = ((Number) onMap("(map, P) => map.getLayers().getArray().find(x => x.get('role') === 'building')"
                        + ".getSource().getFeatures().length"))
                .intValue();
        List<String> building = requests.stream()
                .filter(u -> u.contains("/api/v1/layers/building?"))
                .toList();
        String bbox = building.get(0).replaceAll(".*[?&]bbox=([^&]+).*", "$1");
        int matched = JSON.readTree(page.request()
                        .get(base + "/api/v1/layers/building?limit=1&bbox=" + bbox)
                        .text())
                .get("numberMatched")
                .asInt();
        System.out.printf(
                "[zoom15] Plekdam at zoom 15.1, 2560x1600: %d buildings in the loaded bbox, %d loaded in %d request(s)%n",
                matched, loaded, building.size());
        assertTrue(matched > 1000, "the view holds more than one page: " + matched);
        assertEquals(
                (matched + 999) / 1000, building.size(), "one request per page of 1000, following next: " + building);
        assertEquals(matched, loaded, "every building of the view is loaded");
        screenshot("buildings-zoom15-large-screen.png");
    }
}
