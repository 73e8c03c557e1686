package nl.plektoets.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import nl.plektoets.registers.RegisterJson;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The public overview of initiatives (initiatieven.html, §4.1.2) on the served demo: two initiatives entered by a
 * planner through the register API, a private person's at Arceringerf 1, Plekdam and a company's in Gradusmeer with
 * its project page. The page lists them per village as the public API gives them, never the person's house number or
 * any name, draws the person's at Plekdam's village point (not the home) and the company's at its site, is worked by
 * keyboard and on a phone, keeps the village filter in the URL, speaks English, and meets WCAG 2.1 AA (axe-core).
 */
class PublicInitiativesBrowserTest extends BrowserTestBase {
    static final String PERSON_ADDRESS = "Arceringerf 1, Plekdam";
    JsonNode personAddress;
    JsonNode companyAddress;

    @BeforeAll
    void enterTwoInitiatives() throws Exception {
        personAddress = firstAddress(PERSON_ADDRESS);
        companyAddress = firstAddress("Gradusmeer");
        api(
                "POST",
                "/api/v1/initiatives",
                PLANNER_TOKEN,
                initiative(personAddress, "room_rental", 4, "Jan Jansen", null));
        var company = RegisterJson.MAPPER.readTree(
                initiative(companyAddress, "housing_facility", 18, "Uitzendbureau Voorbeeld BV", "organisation"));
        ((com.fasterxml.jackson.databind.node.ObjectNode) company)
                .put("projectPage", "https://www.voorbeeld.nl/huisvesting")
                .put("status", "permit_applied");
        api("POST", "/api/v1/initiatives", PLANNER_TOKEN, company.toString());
    }

    JsonNode firstAddress(String q) throws Exception {
        return api("GET", "/api/v1/addresses?limit=1&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8), null, null)
                .get("features")
                .get(0);
    }

    static String initiative(JsonNode address, String form, int persons, String initiator, String kind) {
        var o = RegisterJson.MAPPER.createObjectNode();
        o.set("site", address.get("geometry"));
        o.put("form", form);
        o.put("persons", persons);
        o.put("initiator", initiator);
        if (kind != null) o.put("initiatorKind", kind);
        o.put("status", "intake");
        o.put("notes", "bel 06-12345678");
        return o.toString();
    }

    Page openForAxe(String path) {
        return open(
                path, new Browser.NewPageOptions().setViewportSize(1280, 800).setBypassCSP(true));
    }

    @SuppressWarnings("unchecked")
    List<List<Double>> mapPoints() {
        return (List<List<Double>>) onMap("(map, P) => map.getLayers().getArray().find(l => l.get('role') ==="
                + " 'public_initiatives').getSource().getFeatures().map(f => P.toLonLat(f.getGeometry().getCoordinates(),"
                + " map)).sort((a, b) => a[0] - b[0])");
    }

    @Test
    void theListAndTheMapShowWhatThePublicApiGivesAndNothingPersonal() throws Exception {
        JsonNode published = api("GET", "/api/v1/public/initiatives", null, null);
        assertEquals(2, published.get("count").asInt(), published::toString);
        openForAxe("/initiatieven.html");
        Locator rows = page.locator("#list tbody tr");
        rows.nth(1).waitFor();
        assertEquals(2, rows.count());
        assertEquals(
                List.of("Gradusmeer (1)", "Plekdam (1)"),
                page.locator("#list caption").allTextContents(),
                "a table per village, in the API's order");
        assertEquals("2 initiatieven", page.locator("#count").textContent());
        page.locator("#fictitious").waitFor();
        assertFalse(page.locator("#adoption").isHidden(), "the reading is not adopted, and the page says so");

        String personStreet = personAddress.get("properties").get("street").asText();
        Locator person = page.locator("#list tr", new Page.LocatorOptions().setHasText("Kamerverhuur"));
        assertEquals(
                List.of(
                        personStreet + " (particulier: alleen de straat)",
                        "Kamerverhuur",
                        "4",
                        "intake",
                        "geen",
                        "Op de kaart"),
                person.locator("td").allTextContents());
        Locator company = page.locator("#list tr", new Page.LocatorOptions().setHasText("Huisvestingsvoorziening"));
        assertEquals("vergunning aangevraagd", company.locator("td").nth(3).textContent());
        Locator link = company.locator("a");
        assertEquals("https://www.voorbeeld.nl/huisvesting", link.getAttribute("href"));
        assertEquals("www.voorbeeld.nl", link.textContent());
        assertTrue(link.getAttribute("rel").contains("noopener"));

        String text = page.locator("main").textContent();
        for (String secret : List.of("Jansen", "Voorbeeld BV", "06-1234", PERSON_ADDRESS, personStreet + " 1")) {
            assertFalse(text.contains(secret), "the page must not show " + secret);
        }

        // the map: the company at its address, the person at Plekdam's village point, never at the home
        waitOnMap("(map) => map.getLayers().getArray().find(l => l.get('role') === 'public_initiatives')"
                + ".getSource().getFeatures().length === 2");
        List<List<Double>> points = mapPoints();
        JsonNode personPublished = null, companyPublished = null;
        for (JsonNode f : published.get("features")) {
            if (f.get("properties").get("form").asText().equals("room_rental")) personPublished = f;
            else companyPublished = f;
        }
        assertEquals("street", personPublished.get("properties").get("location").asText());
        assertEquals("site", companyPublished.get("properties").get("location").asText());
        assertNear(
                companyAddress.get("geometry").get("coordinates"),
                companyPublished.get("geometry").get("coordinates"),
                1e-6);
        assertFalse(
                near(
                        personAddress.get("geometry").get("coordinates"),
                        personPublished.get("geometry").get("coordinates"),
                        1e-3),
                "the person's initiative is not drawn at the home");
        for (JsonNode f : List.of(personPublished, companyPublished)) {
            JsonNode c = f.get("geometry").get("coordinates");
            assertTrue(
                    points.stream()
                            .anyMatch(p -> Math.abs(p.get(0) - c.get(0).asDouble()) < 1e-6
                                    && Math.abs(p.get(1) - c.get(1).asDouble()) < 1e-6),
                    "on the map where the API puts it: " + c + " in " + points);
        }
        screenshot("initiatives-page.png");
        Accessibility.assertNoViolations(page, "/initiatieven.html");

        // keyboard: Tab to the person's "Op de kaart" and press Enter; the row is chosen (aria-pressed, .selected)
        Locator show = person.getByRole(AriaRole.BUTTON);
        show.focus();
        page.keyboard().press("Enter");
        assertEquals("true", show.getAttribute("aria-pressed"));
        assertTrue(person.getAttribute("class").contains("selected"));
        Accessibility.assertNoViolations(page, "/initiatieven.html with an initiative chosen");

        // Enter again lets go of it; a click on its point (the map is at its village now) chooses its row again
        page.keyboard().press("Enter");
        assertEquals("false", show.getAttribute("aria-pressed"));
        assertEquals(0, page.locator("#list tr.selected").count());
        List<Double> c = List.of(
                personPublished.get("geometry").get("coordinates").get(0).asDouble(),
                personPublished.get("geometry").get("coordinates").get(1).asDouble());
        @SuppressWarnings("unchecked")
        List<Number> pixel = (List<Number>) onMap(
                "(map, P, c) => { map.renderSync(); return map.getPixelFromCoordinate(P.fromLonLat(c, map)); }", c);
        var box = page.locator("#map").boundingBox();
        page.mouse()
                .click(box.x + pixel.get(0).doubleValue(), box.y + pixel.get(1).doubleValue());
        page.waitForFunction("() => document.querySelector('#list tr.selected') &&"
                + " document.querySelector('#list tr.selected').textContent.includes('Kamerverhuur')");
        assertEquals("true", show.getAttribute("aria-pressed"));

        // English, and Polish through the fallback where needed
        page.getByLabel("Taal").selectOption("en");
        assertEquals("Street", page.locator("#list th").first().textContent());
        assertEquals(
                "permit applied for",
                page.locator("#list tr", new Page.LocatorOptions().setHasText("Housing facility"))
                        .locator("td")
                        .nth(3)
                        .textContent());
        assertTrue(page.url().contains("lang=en"), page.url());
        Accessibility.assertNoViolations(page, "/initiatieven.html in English");
        page.getByLabel("Language").selectOption("pl");
        assertEquals("Ulica", page.locator("#list th").first().textContent());
        Accessibility.assertNoViolations(page, "/initiatieven.html in Polish");
        page.getByLabel("Język").selectOption("ro");
        assertEquals("Strada", page.locator("#list th").first().textContent());
    }

    @Test
    void theVillageFilterIsInTheUrlAndTheCsvLinkFollowsIt() {
        open("/initiatieven.html?village=Plekdam");
        page.locator("#list tbody tr").first().waitFor();
        assertEquals(List.of("Plekdam (1)"), page.locator("#list caption").allTextContents());
        assertEquals(
                "Plekdam",
                page.getByLabel("Kern", new Page.GetByLabelOptions().setExact(true))
                        .inputValue());
        assertTrue(page.locator("#download").getAttribute("href").endsWith(".csv?village=Plekdam"));
        page.getByLabel("Kern", new Page.GetByLabelOptions().setExact(true)).selectOption("");
        page.locator("#list caption").nth(1).waitFor();
        assertFalse(page.url().contains("village="), page.url());
        assertEquals("/api/v1/public/initiatives.csv", page.locator("#download").getAttribute("href"));
        page.getByLabel("Kern", new Page.GetByLabelOptions().setExact(true)).selectOption("Gradusmeer");
        page.waitForFunction("() => document.querySelectorAll('#list caption').length === 1");
        assertEquals(List.of("Gradusmeer (1)"), page.locator("#list caption").allTextContents());
        assertTrue(page.url().contains("village=Gradusmeer"), page.url());
    }

    @Test
    void onAPhoneTheMapComesFirstAndNothingScrollsSideways() {
        open("/initiatieven.html", new Browser.NewPageOptions().setViewportSize(390, 800));
        page.locator("#list tbody tr").first().waitFor();
        @SuppressWarnings("unchecked")
        Map<String, Number> m = (Map<String, Number>) page.evaluate("() => ({ width:"
                + " document.documentElement.scrollWidth, map: document.getElementById('map').getBoundingClientRect().top,"
                + " panel: document.getElementById('panel').getBoundingClientRect().top, mapHeight:"
                + " document.getElementById('map').getBoundingClientRect().height })");
        assertTrue(m.get("width").doubleValue() <= 390, "no sideways scroll: " + m);
        assertTrue(m.get("map").doubleValue() < m.get("panel").doubleValue(), "the map above the list: " + m);
        assertTrue(m.get("mapHeight").doubleValue() > 200, "the map has a height: " + m);
        screenshot("initiatives-phone.png");
    }

    private static boolean near(JsonNode a, JsonNode b, double tolerance) {
        return Math.abs(a.get(0).asDouble() - b.get(0).asDouble()) < tolerance
                && Math.abs(a.get(1).asDouble() - b.get(1).asDouble()) < tolerance;
    }

    private static void assertNear(JsonNode a, JsonNode b, double tolerance) {
        assertTrue(near(a, b, tolerance), a + " vs " + b);
    }
}
