package nl.plektoets.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The map page (frontend/) in Debian's headless chromium against {@code serve} on a copy of the demo municipality
 * ({@link BrowserTestBase}): the initiator check by address and by map click, the English switch, a readable
 * error, and the public room-rental page.
 */
class MapPageBrowserTest extends BrowserTestBase {
    @BeforeEach
    void openPage() {
        open("/");
        // the dataset's extent is fitted once /api/v1/layers answers
        waitForMap();
    }

    @Test
    void anAddressSearchShowsTheVerdictWithATrafficLightPerCriterion() {
        assertTrue(page.locator("#fictitious").isVisible(), "the demo is fictitious and the page says so");
        page.getByLabel("Adres zoeken").fill("Arceringerf 1");
        page.locator("#suggestions li", new Page.LocatorOptions().setHasText("Arceringerf 1, Plekdam"))
                .click();
        page.getByLabel("Woonvorm").selectOption("housing_facility");
        page.getByLabel("Aantal personen").fill("12");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Toetsen"))
                .click();
        Locator verdict = page.locator("#verdict");
        verdict.waitFor();
        // README: a housing facility in the built-up area fails §5.1.2 (room rental only)
        assertEquals("not_allowed", verdict.getAttribute("data-verdict"));
        assertTrue(verdict.textContent().contains("Niet toegestaan"), verdict.textContent());
        Locator location = page.locator("li[data-criterion=location_class]");
        assertEquals("fail", location.getAttribute("data-status"));
        assertTrue(location.textContent().contains("§5.1.2"), location.textContent());
        assertTrue(page.locator(".criterion .light").count() >= 5, "a traffic light per criterion");
        screenshot("check-address.png");
    }

    /** A point inside the first recreation zone the map has loaded, centred at zoom 16, as page coordinates. */
    private double[] holidayParkOnPage() {
        List<?> xy = (List<?>) onMap("map => new Promise(resolve => { const tryIt = () => {"
                + " const l = map.getLayers().getArray().find(x => x.get('role') === 'recreation_zone');"
                + " const fs = l.getSource().getFeatures();"
                + " if (!fs.length) { setTimeout(tryIt, 100); return; }"
                + " const g = fs[0].getGeometry();"
                + " const p = g.getType() === 'Polygon' ? g.getInteriorPoint() : g.getInteriorPoints().getPoint(0);"
                + " map.getView().setCenter(p.getCoordinates().slice(0, 2)); map.getView().setZoom(16);"
                + " map.renderSync(); resolve(map.getPixelFromCoordinate(p.getCoordinates().slice(0, 2))); };"
                + " tryIt(); })");
        var box = page.locator("#map").boundingBox();
        return new double[] {box.x + ((Number) xy.get(0)).doubleValue(), box.y + ((Number) xy.get(1)).doubleValue()};
    }

    @Test
    void clickingAHolidayParkShowsTheRecreationExclusion() {
        // an address chosen first is replaced by the clicked point, in the search field too
        page.getByLabel("Adres zoeken").fill("Arceringerf 1");
        page.locator("#suggestions li").first().click();
        double[] park = holidayParkOnPage();
        page.mouse().click(park[0], park[1]);
        Locator recreation = page.locator("li[data-criterion=recreation_exclusion]");
        recreation.waitFor();
        assertEquals("fail", recreation.getAttribute("data-status"));
        assertTrue(recreation.textContent().contains("§5.1.2"), recreation.textContent());
        assertEquals("not_allowed", page.locator("#verdict").getAttribute("data-verdict"));
        assertEquals(
                "Locatieklasse: buitengebied", page.locator("#location-class").textContent(), "the class in words");
        assertEquals("", page.getByLabel("Adres zoeken").inputValue(), "the earlier address is cleared");
        assertTrue(
                page.locator("#site-info").textContent().startsWith("Gekozen punt: "),
                page.locator("#site-info").textContent());
        screenshot("check-holiday-park.png");
    }

    @Test
    void aPolygonDrawnInAHolidayParkIsAssessedAsThatPolygon() {
        double[] park = holidayParkOnPage();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Vlak tekenen"))
                .click();
        assertEquals("true", page.locator("#draw").getAttribute("aria-pressed"));
        double[][] corners = {{-20, -20}, {20, -20}, {20, 20}, {-20, 20}, {-20, -20}}; // the last click closes it
        for (double[] c : corners) {
            page.mouse().click(park[0] + c[0], park[1] + c[1]);
            page.waitForTimeout(300);
        }
        Locator recreation = page.locator("li[data-criterion=recreation_exclusion]");
        recreation.waitFor();
        assertEquals("fail", recreation.getAttribute("data-status"));
        // the site as the page keeps it in its link: the drawn polygon, not a point, was assessed
        page.waitForFunction("() => location.hash.includes('poly=')");
        assertEquals(null, hashParam("pt"), page.url());
        assertEquals(5, hashParam("poly").split(";").length, "a closed ring of 4 corners: " + page.url());
        assertEquals("Getekend vlak", page.locator("#site-info").textContent());
        assertEquals("false", page.locator("#draw").getAttribute("aria-pressed"));
        screenshot("check-polygon.png");
    }

    @Test
    void theEnglishSwitchTranslatesTheFormAndTheResult() {
        page.getByLabel("Taal").selectOption("en");
        assertEquals("en", page.locator("html").getAttribute("lang"));
        page.getByLabel("Search an address").fill("Arceringerf 1");
        page.locator("#suggestions li").first().waitFor();
        page.getByLabel("Search an address").press("ArrowDown");
        page.getByLabel("Search an address").press("Enter");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Check"))
                .click();
        page.locator("#verdict").waitFor();
        assertTrue(
                page.locator("#verdict").textContent().startsWith("Verdict: "),
                page.locator("#verdict").textContent());
        String messages = page.locator(".criteria").textContent();
        assertTrue(messages.contains("Policy: §5.1.1"), messages);
        screenshot("check-english.png");
    }

    @Test
    void aRefusedRequestShowsTheServersReasonNotABlankPanel() {
        page.getByLabel("Adres zoeken").fill("Arceringerf 1");
        page.locator("#suggestions li").first().click();
        page.getByLabel("Aantal personen").fill("0");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Toetsen"))
                .click();
        Locator error = page.getByRole(AriaRole.ALERT);
        error.waitFor();
        String text = error.textContent();
        // the problem+json detail of the server's 400 answer, behind the page's own lead-in
        assertTrue(text.startsWith("De toets is mislukt: "), text);
        assertTrue(text.contains("persons"), text);
        assertFalse(page.locator("#verdict").isVisible(), "no stale verdict beside the error");
        screenshot("error.png");
    }

    @Test
    void thePublicRoomRentalPageShowsAnAddressesStreetWithItsNumbers() {
        page.navigate(base + "/huren.html");
        Locator rows = page.locator("#streets tbody tr");
        rows.first().waitFor();
        assertEquals(64, rows.count(), "the demo's 64 streets, each with its numbers");
        page.locator("#fictitious").waitFor();
        assertTrue(
                page.locator("#data-date").textContent().startsWith("Stand van "),
                page.locator("#data-date").textContent());
        page.getByLabel("Adres (straat en huisnummer, plaats)").fill("Arceringerf 1, Plekdam");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Zoeken"))
                .click();
        Locator status = page.locator("#answer-status");
        status.waitFor();
        assertEquals("pass", status.getAttribute("data-status"), "no permits in a fresh store: room left");
        String numbers = page.locator("#answer-street").textContent();
        // the answer's street is one of the table's rows, with the same dwellings count
        Locator row = page.locator("#streets tbody tr", new Page.LocatorOptions().setHasText("Arceringerf, Plekdam"));
        String dwellings = row.locator("td").nth(1).textContent();
        assertTrue(
                numbers.startsWith("Arceringerf, Plekdam: Woningen " + dwellings + ", "),
                numbers + " vs row " + dwellings);
        screenshot("room-rental-public.png");
    }
}
