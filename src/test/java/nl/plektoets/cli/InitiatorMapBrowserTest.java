package nl.plektoets.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Media;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The initiator check's map (frontend/index.html, check/*.js) and the policy text (beleid.html) in Debian's headless
 * chromium against {@code serve} on a copy of the demo municipality ({@link BrowserTestBase}): the evidence drawn
 * with legend and toggles, paragraph links, the shareable URL (and a tampered one), printing to one A4 page, and a
 * whole check by keyboard.
 */
class InitiatorMapBrowserTest extends BrowserTestBase {
    /** Just inside the demo's business park "Plekdam-Zuid" (in its 100 m edge band), 2 km from Plekdam's facilities. */
    private static final String NEAR_PARK = "3.6909,52.5494";

    /** The labels the map draws at the facility markers (the facilities layer's style text). */
    private List<?> facilityLabels() {
        return (List<?>)
                onMap("map => { const l = map.getLayers().getArray().find(x => x.get('evidence') === 'facilities');"
                        + " return l.getSource().getFeatures().filter(f => f.get('facility'))"
                        + ".map(f => l.getStyleFunction()(f, 1).getText().getText()); }");
    }

    /** The answer of our API to the question in {@code body} (what the page asked), to compare the page with. */
    private JsonNode assessment(String body) throws Exception {
        return api("POST", "/api/v1/assessments", null, body);
    }

    /** Features on the map's evidence layer {@code name}, and whether it is visible. */
    private Map<?, ?> evidenceLayer(String name) {
        return (Map<?, ?>) onMap(
                "(map, P, name) => { const l = map.getLayers().getArray().find(x => x.get('evidence') === name);"
                        + " return { count: l.getSource().getFeatures().length, visible: l.getVisible() }; }",
                name);
    }

    @Test
    void theEvidenceIsDrawnWithALegendEntryAndAToggleEach() throws Exception {
        open("/#pt=" + NEAR_PARK + "&form=housing_facility&persons=12");
        page.locator("#verdict").waitFor();
        assertEquals("business_park_edge", page.locator("#location-class").getAttribute("data-location-class"));
        for (String layer : new String[] {"deciding", "band", "facilities", "walking", "cycling"}) {
            page.locator("#legend li[data-layer=" + layer + "]").waitFor();
        }
        assertEquals(1, ((Number) evidenceLayer("deciding").get("count")).intValue(), "the business park that decided");
        assertEquals(
                2, ((Number) evidenceLayer("band").get("count")).intValue(), "the strip inside and the strip outside");
        assertEquals(1, ((Number) evidenceLayer("walking").get("count")).intValue());
        assertEquals(1, ((Number) evidenceLayer("cycling").get("count")).intValue());
        // the cut-offs are the evidence's walkingMinutes and cyclingMinutes (the profile's Bijlage 1 values)
        List<?> requests = (List<?>) page.evaluate("() => performance.getEntriesByType('resource').map(e => e.name)");
        JsonNode reach = null;
        for (JsonNode c : assessment("{\"site\": {\"type\": \"Point\", \"coordinates\": [" + NEAR_PARK + "]},"
                        + " \"form\": \"housing_facility\", \"persons\": 12}")
                .get("criteria")) {
            if (c.get("id").asText().equals("facility_reach")) reach = c.get("evidence");
        }
        String walk = reach.get("walkingMinutes").asText(),
                cycle = reach.get("cyclingMinutes").asText();
        assertTrue(
                requests.stream().anyMatch(u -> u.toString().contains("/api/v1/reach?mode=foot&minutes=" + walk + "&")),
                requests::toString);
        assertTrue(
                requests.stream()
                        .anyMatch(u -> u.toString().contains("/api/v1/reach?mode=bike&minutes=" + cycle + "&")),
                requests::toString);
        String legend = page.locator("#legend").textContent();
        assertTrue(
                legend.contains("Bereik " + walk + " minuten lopen")
                        && legend.contains("Bereik " + cycle + " minuten fietsen"),
                legend);
        assertTrue(legend.contains("100 m binnen en 100 m buiten de rand (§5.1.2)"), legend);
        // the nearest facilities: a marker per facility named in the evidence, labelled with its minutes
        List<?> labels = facilityLabels();
        assertTrue(labels.size() >= 3, labels::toString);
        assertTrue(
                labels.stream()
                        .anyMatch(l -> l.toString().startsWith("Supermarkt Plekdam: ")
                                && l.toString().contains("min lopen")),
                labels::toString);
        assertTrue(
                page.locator("li[data-criterion=facility_reach] .facilities li").count() >= 3);
        screenshot("initiator-evidence.png");
        page.locator("#legend")
                .screenshot(new Locator.ScreenshotOptions().setPath(SCREENSHOTS.resolve("initiator-legend.png")));

        // a toggle per entry
        page.getByLabel("Bereik " + walk + " minuten lopen (Bijlage 1)").uncheck();
        assertEquals(Boolean.FALSE, evidenceLayer("walking").get("visible"));
        page.getByLabel("Randzone bedrijventerrein", new Page.GetByLabelOptions().setExact(false))
                .uncheck();
        assertEquals(Boolean.FALSE, evidenceLayer("band").get("visible"));
        assertEquals(Boolean.TRUE, evidenceLayer("cycling").get("visible"));
        screenshot("initiator-evidence-toggled.png");
        page.getByLabel("Bereik " + walk + " minuten lopen (Bijlage 1)").check();
        assertEquals(Boolean.TRUE, evidenceLayer("walking").get("visible"));

        // the legend and the markers follow the language, the toggles keep their state
        page.getByLabel("Taal").selectOption("en");
        String english = page.locator("#legend").textContent();
        assertTrue(
                english.contains("Reach in " + walk + " minutes walking") && english.contains("On the map"), english);
        assertFalse(page.locator("#toggle-band").isChecked(), "still switched off");
        assertTrue(facilityLabels().get(0).toString().contains("min walking"), facilityLabels()::toString);
    }

    @Test
    void everyPolicyReferenceLinksToItsParagraphs() {
        open("/#pt=" + NEAR_PARK + "&form=housing_facility&persons=12");
        page.locator("#verdict").waitFor();
        Locator permit = page.locator("li[data-criterion=permit_term] .policy-ref");
        assertEquals("Beleid: §5.1.2, §6.2.2", permit.textContent(), "the reference reads as the API wrote it");
        Locator links = permit.locator("a");
        assertEquals(2, links.count(), "one link per paragraph");
        assertEquals("beleid.html?lang=nl#5.1.2", links.nth(0).getAttribute("href"));
        assertEquals("beleid.html?lang=nl#6.2.2", links.nth(1).getAttribute("href"));
        assertEquals(
                "beleid.html?lang=nl#bijlage-2",
                page.locator("li[data-criterion=fire_safety] .policy-ref a").getAttribute("href"));
        int criteria = page.locator(".criterion").count();
        assertTrue(page.locator(".criterion .policy-ref a").count() >= criteria, "every criterion links its paragraph");

        links.nth(1).click();
        page.waitForURL("**/beleid.html?lang=nl#6.2.2");
        Locator heading = page.locator("#paragraph-heading");
        page.waitForFunction("() => document.querySelector('#paragraph-heading').textContent.length > 0");
        assertEquals("§6.2.2 (Tijdelijke) Omgevingsvergunning", heading.textContent());
        assertTrue(page.locator("#paragraph-text").textContent().contains("looptijd van tien jaar"));
        assertTrue(page.locator("#thresholds tr[data-key='permit.initial_term_years']")
                .textContent()
                .contains("10 jaar"));
        assertTrue(page.locator("#paragraph-list a").count() > 40, "the list of all paragraphs");
        screenshot("policy-paragraph.png");

        // back to the check: its URL restores it
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Terug naar de toets"))
                .click();
        page.locator("#verdict").waitFor();
        assertEquals("housing_facility", page.locator("#form").inputValue());

        // a paragraph by its fragment, from the list, and an unknown one
        page.navigate(base + "/beleid.html#bijlage-1");
        page.waitForFunction("() => document.querySelector('#paragraph-heading').textContent.startsWith('Bijlage 1')");
        assertTrue(page.locator("#thresholds").textContent().contains("reach.walking_minutes"));
        page.locator("#paragraph-list a", new Page.LocatorOptions().setHasText("§5.1.3 Kamerverhuurbeleid"))
                .click();
        page.waitForFunction(
                "() => document.querySelector('#paragraph-heading').textContent === '§5.1.3 Kamerverhuurbeleid'");
        assertTrue(page.locator("#no-thresholds").isVisible(), "no threshold cites §5.1.3 alone");
        page.navigate(base + "/beleid.html#9.9.9");
        Locator error = page.getByRole(AriaRole.ALERT);
        error.waitFor();
        assertTrue(
                error.textContent().startsWith("Deze paragraaf is niet gevonden: No paragraph '9.9.9'"),
                error.textContent());
        screenshot("policy-unknown.png");
    }

    @Test
    void theUrlKeepsTheCheckAndReopensIt() {
        open("/");
        waitForMap();
        page.getByLabel("Taal").selectOption("en");
        page.getByLabel("Search an address").fill("Arceringerf 1");
        page.locator("#suggestions li", new Page.LocatorOptions().setHasText("Arceringerf 1, Plekdam"))
                .click();
        page.getByLabel("Number of persons").fill("3");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Check"))
                .click();
        page.locator("#verdict").waitFor();
        String verdict = page.locator("#verdict").textContent();
        waitOnMap("map => !map.getView().getAnimating()"); // the zoom to the address
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Copy link"))
                .click();
        String link = page.locator("#share-url").inputValue();
        assertTrue(link.startsWith(base + "/#map="), link);
        assertTrue(
                link.contains("addr=Arceringerf+1%2C+Plekdam") || link.contains("addr=Arceringerf+1,+Plekdam"), link);
        assertTrue(link.contains("&form=room_rental&persons=3&lang=en"), link);
        assertEquals(link, page.url(), "the address bar holds the same link");
        double[] view = view();

        open(link.substring(base.length()));
        page.locator("#verdict").waitFor();
        assertEquals(verdict, page.locator("#verdict").textContent(), "the same check, re-run");
        assertEquals("en", page.locator("html").getAttribute("lang"));
        assertEquals("Arceringerf 1, Plekdam", page.locator("#address").inputValue());
        assertEquals("3", page.locator("#persons").inputValue());
        // the page fits the dataset first, then takes the link's view: wait for that view (the asserts say what
        // differs)
        try {
            waitOnMap(
                    "(map, P, [z, lon, lat]) => { const c = ol.proj.toLonLat(map.getView().getCenter());"
                            + " return Math.abs(map.getView().getZoom() - z) < 0.01 && Math.abs(c[0] - lon) < 1e-5"
                            + " && Math.abs(c[1] - lat) < 1e-5; }",
                    List.of(view[0], view[1], view[2]));
        } catch (AssertionError e) {
            // fall through to the assertions, which name the difference
        }
        double[] restored = view();
        assertEquals(view[0], restored[0], 0.01, () -> "zoom, link " + link);
        assertEquals(view[1], restored[1], 1e-5, "centre lon");
        assertEquals(view[2], restored[2], 1e-5, "centre lat");
        screenshot("initiator-link-restored.png");

        // a polygon in the link
        open("/#poly=3.6905,52.5492;3.6915,52.5492;3.6915,52.5497;3.6905,52.5497&form=room_rental&persons=4");
        page.locator("#verdict").waitFor();
        // the site the page took from the link, as it writes it back into the link
        page.waitForFunction("() => location.hash.includes('poly=') && location.hash.includes('map=')");
        assertEquals(5, hashParam("poly").split(";").length, "closed by the page: " + page.url());
        // the isochrones of a polygon start from its interior point
        page.locator("#legend li[data-layer=walking]").waitFor();
        String reach = (String) page.evaluate("() => performance.getEntriesByType('resource').map(e => e.name)"
                + ".find(u => u.includes('/api/v1/reach?mode=foot'))");
        Matcher at = Pattern.compile("lon=([0-9.]+)&lat=([0-9.]+)").matcher(reach);
        assertTrue(at.find(), reach);
        double lon = Double.parseDouble(at.group(1)), lat = Double.parseDouble(at.group(2));
        assertTrue(lon > 3.6905 && lon < 3.6915 && lat > 52.5492 && lat < 52.5497, "inside the polygon: " + reach);
    }

    @Test
    void onAPhoneTheMapAndTheAnswerStack() {
        open(
                "/#pt=" + NEAR_PARK + "&form=housing_facility&persons=12",
                new com.microsoft.playwright.Browser.NewPageOptions()
                        .setViewportSize(390, 844)
                        .setIsMobile(true)
                        .setHasTouch(true));
        page.locator("#verdict").waitFor();
        page.locator("#legend li[data-layer=band]").waitFor();
        var map = page.locator("#map").boundingBox();
        var panel = page.locator("#panel").boundingBox();
        assertTrue(map.width > 350 && map.height > 300, "the map fills the width: " + map.width + "x" + map.height);
        assertTrue(panel.width > 350, "the panel too: " + panel.width);
        screenshot("initiator-phone.png");
        page.locator("#verdict").scrollIntoViewIfNeeded();
        screenshot("initiator-phone-answer.png");
    }

    private double[] view() {
        List<?> v = (List<?>) onMap("map => { const c = ol.proj.toLonLat(map.getView().getCenter());"
                + " return [map.getView().getZoom(), c[0], c[1]]; }");
        return new double[] {
            ((Number) v.get(0)).doubleValue(), ((Number) v.get(1)).doubleValue(), ((Number) v.get(2)).doubleValue()
        };
    }

    @Test
    void aTamperedUrlShowsAReadableMessageAndAWorkingPage() {
        open("/#map=99/1/1&pt=abc,52&form=villa&persons=-3&lang=xx&evil=%3Cscript%3E");
        waitForMap();
        Locator message = page.locator("#link-error");
        message.waitFor();
        String text = message.textContent();
        assertTrue(text.startsWith("Een deel van de link is niet bruikbaar en is genegeerd: "), text);
        for (String name : new String[] {"map", "pt", "form", "persons", "lang", "evil"})
            assertTrue(text.contains(name + " = "), text);
        assertTrue(text.contains("<script>"), "shown as text, not markup: " + text);
        assertEquals(0, page.locator("#link-error script").count());
        assertEquals("room_rental", page.locator("#form").inputValue(), "defaults where the link was wrong");
        assertEquals("nl", page.locator("html").getAttribute("lang"));
        screenshot("initiator-bad-link.png");
        // the page still works
        page.getByLabel("Adres zoeken").fill("Arceringerf 1");
        page.locator("#suggestions li").first().click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Toetsen"))
                .click();
        page.locator("#verdict").waitFor();

        // an address the data lacks: the reason in the page's words (the server's detail is English), no blank panel
        open("/#addr=Nergensstraat%2099%2C%20Nergenshuizen&form=room_rental&persons=2");
        Locator error = page.locator("#error");
        error.waitFor();
        assertTrue(error.textContent().startsWith("Dit adres staat niet in de gegevens."), error.textContent());
        assertFalse(page.locator("#verdict").isVisible());
    }

    /**
     * Issue 11 item 11f: below the verdict the page says what it means (no objection in the criteria checked, never a
     * permit), lists what the criteria ask of the initiator and what the service does not check, in the page's
     * language, with paragraph links; the print carries all of it.
     */
    @Test
    void theVerdictComesWithItsMeaningTheObligationsAndWhatIsNotChecked() throws Exception {
        open("/#pt=" + NEAR_PARK + "&form=housing_facility&persons=12");
        page.locator("#verdict").waitFor();
        JsonNode answer = assessment("{\"site\": {\"type\": \"Point\", \"coordinates\": [" + NEAR_PARK + "]},"
                + " \"form\": \"housing_facility\", \"persons\": 12}");
        assertEquals(
                answer.at("/verdictExplanation/nl").asText(),
                page.locator("#verdict-explanation").textContent());
        assertTrue(page.locator("#verdict-explanation").textContent().contains("Dit is geen vergunning"));
        assertEquals(
                answer.get("obligations").size(),
                page.locator("#obligations li").count());
        String etfal = page.locator("#obligations li[data-obligation=etfal_motivation]")
                .textContent();
        assertTrue(
                etfal.startsWith("Aantal personen: Een goede motivering")
                        && etfal.contains("ETFAL")
                        && etfal.endsWith("(§5.1.1)"),
                etfal);
        assertEquals(
                "5.1.1",
                page.locator("#obligations li[data-obligation=etfal_motivation] a.paragraph-link")
                        .getAttribute("data-ref"));
        assertEquals(
                answer.get("notChecked").size(), page.locator("#not-checked li").count());
        assertTrue(page.locator("#not-checked li").count() >= 10, "the Bijlage 1-3 requirements");
        assertEquals(
                "Niet getoetst door deze dienst",
                page.locator("#not-checked-heading").textContent());
        String snf = page.locator("#not-checked li[data-requirement=snf_quality_mark]")
                .textContent();
        assertTrue(snf.contains("Stichting Normering Flexwonen") && snf.endsWith("(Bijlage 2)"), snf);

        // in English, the server's texts and the page's headings switch together
        page.getByLabel("Taal").selectOption("en");
        page.waitForFunction(
                "() => document.querySelector('#not-checked-heading').textContent === 'Not checked by this service'");
        assertTrue(page.locator("#verdict-explanation").textContent().contains("This is not a permit"));
        assertTrue(page.locator("#obligations li[data-obligation=etfal_motivation]")
                .textContent()
                .startsWith("Number of persons: A good motivation"));

        // on paper too
        page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
        beforePrint();
        assertTrue(page.locator("#verdict-explanation").isVisible());
        assertTrue(page.locator("#obligations li[data-obligation=etfal_motivation]")
                .isVisible());
        assertTrue(page.locator("#not-checked li[data-requirement=snf_quality_mark]")
                .isVisible());
    }

    @Test
    void thePrintIsExactlyOneA4Page() throws Exception {
        open("/#pt=" + NEAR_PARK + "&form=housing_facility&persons=12");
        page.locator("#verdict").waitFor();
        page.locator("#legend li[data-layer=cycling]").waitFor();
        page.locator("#legend li[data-layer=band]").waitFor();
        assertTrue(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Afdrukken (A4)"))
                .isVisible());
        page.setViewportSize(794, 1123); // A4 at 96 dpi, so the screenshot shows the print layout
        page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
        beforePrint();
        screenshot("initiator-print.png");
        assertFalse(page.locator("#check").isVisible(), "no form controls on paper");
        assertFalse(page.locator("#actions").isVisible());
        assertFalse(page.locator("#toggle-walking").isVisible(), "the legend on paper, without its toggles");
        assertTrue(page.locator("#legend li[data-layer=band]").isVisible());
        assertTrue(page.locator("#fictitious").isVisible(), "the fictitious notice on paper");
        String info = page.locator("#print-info").textContent();
        assertTrue(info.contains("Afgedrukt op ") && info.contains("Gegevens: Gemeente Plekdam"), info);
        byte[] pdf = page.pdf(new Page.PdfOptions()
                .setFormat("A4")
                .setPrintBackground(true)
                .setPath(SCREENSHOTS.resolve("initiator-print.pdf")));
        assertEquals(1, pages(pdf), "one A4 page");

        // a longer answer: a polygon over two location classes, too many persons, in English
        open(
                "/#poly=3.6880,52.5480;3.6935,52.5480;3.6935,52.5497;3.6880,52.5497&form=housing_facility&persons=60&lang=en");
        page.locator("#verdict").waitFor();
        page.locator("#legend li[data-layer=cycling]").waitFor();
        page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
        beforePrint();
        assertTrue(page.locator("#print-info").textContent().contains("Printed on "));
        byte[] longer = page.pdf(new Page.PdfOptions()
                .setFormat("A4")
                .setPrintBackground(true)
                .setPath(SCREENSHOTS.resolve("initiator-print-polygon-en.pdf")));
        assertEquals(1, pages(longer), "one A4 page for a longer answer too");
    }

    /** The page count of a PDF: its page objects ("/Type /Page", not "/Pages"). */
    static int pages(byte[] pdf) {
        String s = new String(pdf, StandardCharsets.ISO_8859_1);
        assertTrue(s.startsWith("%PDF-"), "a PDF");
        Matcher m = Pattern.compile("/Type\\s*/Page(?![s\\w])").matcher(s);
        int n = 0;
        while (m.find()) n++;
        Matcher count = Pattern.compile("/Count\\s+(\\d+)").matcher(s);
        assertTrue(count.find(), "a page tree");
        assertEquals(n, Integer.parseInt(count.group(1)), "page objects and the tree's count agree");
        return n;
    }

    @Test
    void aWholeCheckByKeyboardWithAVisibleFocusRing() {
        open("/");
        waitForMap();
        // to the map, pan it with the arrow keys
        tabTo("map");
        assertEquals(
                "4px",
                page.evaluate("() => getComputedStyle(document.getElementById('map-focus')).borderTopWidth"),
                "the map's focus ring");
        assertTrue(page.locator("#crosshair").isVisible());
        double[] before = view();
        for (String key : new String[] {"ArrowRight", "ArrowRight", "ArrowDown"}) {
            page.keyboard().press(key);
            // each press pans by an animation of 100 ms; a person presses slower than that
            waitOnMap("map => !map.getView().getAnimating()");
        }
        screenshot("initiator-keyboard-map.png");
        double[] panned = view();
        assertTrue(
                panned[1] > before[1] && panned[2] < before[2],
                () -> "east and south: " + java.util.Arrays.toString(before) + " -> "
                        + java.util.Arrays.toString(panned));

        // the point under the crosshair, by keyboard
        tabTo("use-centre", "Shift+Tab");
        assertFocusRing();
        page.keyboard().press("Enter");
        page.locator("#verdict").waitFor();
        // the site as the page writes it into its link (lon,lat to 7 decimals)
        page.waitForFunction("() => location.hash.includes('pt=')");
        String[] site = hashParam("pt").split(",");
        double[] now = view();
        assertEquals(now[1], Double.parseDouble(site[0]), 1e-6, "the map centre is the site");
        assertEquals(now[2], Double.parseDouble(site[1]), 1e-6);

        // an address, form and persons, submitted with Enter
        tabTo("address", "Shift+Tab");
        page.keyboard().type("Arceringerf 1");
        page.locator("#suggestions li").first().waitFor();
        page.keyboard().press("ArrowDown");
        page.keyboard().press("Enter");
        tabTo("form");
        page.keyboard().press("ArrowDown"); // housing_facility
        tabTo("persons");
        page.keyboard().press("Control+A");
        page.keyboard().type("12");
        assertFocusRing();
        page.keyboard().press("Enter");
        // the answer to this question: the address and the form in the page's link, and a verdict again
        page.waitForFunction(
                "() => document.querySelector('#verdict') && location.hash.includes('form=housing_facility')"
                        + " && location.hash.includes('addr=')");
        assertEquals(
                "not_allowed",
                page.locator("#verdict").getAttribute("data-verdict"),
                "a facility in the built-up area");
        assertEquals("housing_facility", page.locator("#form").inputValue());
        // onwards to a paragraph link: focusable, with the ring
        tabTo(null);
        assertFocusRing();
        screenshot("initiator-keyboard.png");
    }

    /** Presses {@code key} (Tab) until the element with {@code id} has the focus, or a paragraph link when null. */
    private void tabTo(String id, String... key) {
        String press = key.length > 0 ? key[0] : "Tab";
        for (int i = 0; i < 60; i++) {
            Object at = page.evaluate("() => document.activeElement.id || document.activeElement.className");
            if (id == null ? "paragraph-link".equals(at) : id.equals(at)) return;
            page.keyboard().press(press);
        }
        throw new AssertionError("no focus on " + id + " after 60 presses of " + press);
    }

    private void assertFocusRing() {
        Map<?, ?> s = (Map<?, ?>) page.evaluate("() => { const c = getComputedStyle(document.activeElement);"
                + " return { style: c.outlineStyle, width: c.outlineWidth, color: c.outlineColor,"
                + " visible: document.activeElement.matches(':focus-visible') }; }");
        assertEquals(Boolean.TRUE, s.get("visible"), s::toString);
        assertEquals("solid", s.get("style"), s::toString);
        assertEquals("3px", s.get("width"), s::toString);
        assertEquals("rgb(255, 191, 0)", s.get("color"), s::toString);
    }
}
