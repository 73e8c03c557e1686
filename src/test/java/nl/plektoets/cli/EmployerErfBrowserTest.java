package nl.plektoets.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Position;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * Issue 18 on the check page: served with {@code --policy-profile noordoostpolder-2024} (whose small-location rule
 * requires employsMigrants and employerErf, GET /api/v1/policy inputs) the page asks whether the business employs
 * labour migrants itself and for the employer's erf, picked on the map from the demo's agricultural plots. The
 * location criterion the page shows is the one the API gives for the same request, before and after; the inputs are
 * in the link and come back from it. WCAG 2.1 AA with the inputs shown. {@link EmployerErfHiddenBrowserTest}: hidden
 * on Hardenberg's profile.
 */
class EmployerErfBrowserTest extends BrowserTestBase {
    private static final GeometryFactory GEOMETRY = new GeometryFactory();

    @Override
    List<String> serveArguments(Path tmp) {
        return List.of("--policy-profile", "noordoostpolder-2024");
    }

    /** A demo agricultural plot (CRS84) whose interior point the API classes as agricultural_plot, and that point. */
    private record Plot(JsonNode geometry, Point inside) {}

    private Plot plotOnAnErf() throws Exception {
        JsonNode plots = api("GET", "/api/v1/layers/agricultural_plot?limit=30", null, null);
        for (JsonNode f : plots.get("features")) {
            JsonNode g = f.get("geometry");
            if (!g.get("type").asText().equals("Polygon")) continue;
            Point inside = polygon(g).getInteriorPoint();
            JsonNode answer = api("POST", "/api/v1/assessments", null, request(inside, ""));
            if (answer.at("/locationClass").asText().equals("agricultural_plot")) return new Plot(g, inside);
        }
        throw new AssertionError("no demo agricultural plot classed agricultural_plot in " + plots);
    }

    private static Polygon polygon(JsonNode g) {
        JsonNode ring = g.at("/coordinates/0");
        Coordinate[] cs = new Coordinate[ring.size()];
        for (int i = 0; i < cs.length; i++)
            cs[i] = new Coordinate(
                    ring.get(i).get(0).asDouble(), ring.get(i).get(1).asDouble());
        return GEOMETRY.createPolygon(cs);
    }

    private static String request(Point p, String extra) {
        return String.format(
                Locale.ROOT,
                "{\"site\":{\"type\":\"Point\",\"coordinates\":[%.7f,%.7f]},\"crs\":\"CRS84\","
                        + "\"form\":\"housing_facility\",\"persons\":16,\"stay\":\"mid\"%s}",
                p.getX(),
                p.getY(),
                extra);
    }

    private static JsonNode locationCriterion(JsonNode answer) {
        for (JsonNode c : answer.get("criteria")) if (c.get("id").asText().equals("location_class")) return c;
        throw new AssertionError("no location_class in " + answer);
    }

    /** The page's location criterion: its status and its text as shown. */
    private Map<String, String> shownLocation() {
        Locator li = page.locator("#result li[data-criterion=location_class]");
        li.waitFor();
        return Map.of("status", li.getAttribute("data-status"), "text", li.textContent());
    }

    /** The criterion's message as the Dutch page shows it. */
    private static String dutch(JsonNode criterion) {
        JsonNode m = criterion.get("message");
        return m.isObject() ? m.get("nl").asText() : m.asText();
    }

    @Test
    void tickingTheBoxAndPickingTheErfChangesTheLocationCriterionAsTheApiSays() throws Exception {
        Plot plot = plotOnAnErf();
        String pt = String.format(
                Locale.ROOT, "%.7f,%.7f", plot.inside().getX(), plot.inside().getY());
        open("/#pt=" + pt + "&form=housing_facility&persons=16");
        waitForMap();
        Locator box = page.getByLabel("Het bedrijf heeft zelf arbeidsmigranten in dienst");
        box.waitFor();
        assertTrue(page.locator("#employer-fields").isVisible());
        // before: the box unticked (the page sends false) and no erf
        page.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Page.GetByRoleOptions().setName("Toetsen"))
                .click();
        page.locator("#result li[data-criterion=location_class]").waitFor();
        JsonNode apiBefore = locationCriterion(
                api("POST", "/api/v1/assessments", null, request(plot.inside(), ",\"employsMigrants\":false")));
        Map<String, String> before = shownLocation();
        assertEquals(apiBefore.get("status").asText(), before.get("status"));
        assertTrue(before.get("text").contains(dutch(apiBefore)), before + " vs " + apiBefore);

        // tick, pick the erf by clicking the map at the site, check again
        box.check();
        page.getByRole(
                        AriaRole.BUTTON,
                        new com.microsoft.playwright.Page.GetByRoleOptions().setName("Erf kiezen op de kaart"))
                .click();
        assertEquals("true", page.locator("#pick-erf").getAttribute("aria-pressed"));
        @SuppressWarnings("unchecked")
        List<Number> pixel = (List<Number>) onMap(
                "(map, P, p) => map.getPixelFromCoordinate(P.fromLonLat(p, map))",
                List.of(plot.inside().getX(), plot.inside().getY()));
        page.locator("#map")
                .click(new Locator.ClickOptions()
                        .setPosition(new Position(
                                pixel.get(0).doubleValue(), pixel.get(1).doubleValue())));
        page.locator("#erf-info[data-erf=chosen]").waitFor();
        assertEquals("false", page.locator("#pick-erf").getAttribute("aria-pressed"));
        // the click picked the erf, not a new site: the site in the link is still the plot's point
        assertEquals(pt, hashParam("pt"));
        // the erf drawn on the map is the plot's polygon
        Object onMapRing =
                onMap("(map) => { const l = map.getLayers().getArray().find(x => x.get('evidence') === 'employer-erf');"
                        + " return l.getSource().getFeatures().length; }");
        assertEquals(1, ((Number) onMapRing).intValue());
        page.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Page.GetByRoleOptions().setName("Toetsen"))
                .click();
        page.waitForFunction(
                "s => { const li = document.querySelector('#result li[data-criterion=location_class]');"
                        + " return li && li.textContent !== s; }",
                before.get("text"));
        JsonNode apiAfter = locationCriterion(api(
                "POST",
                "/api/v1/assessments",
                null,
                request(plot.inside(), ",\"employsMigrants\":true,\"employerErf\":" + plot.geometry())));
        Map<String, String> after = shownLocation();
        assertEquals(apiAfter.get("status").asText(), after.get("status"));
        assertTrue(after.get("text").contains(dutch(apiAfter)), after + " vs " + apiAfter);
        assertNotEquals(before.get("status"), after.get("status"), "the inputs decide the small location on the erf");

        // the link carries both; opened anew it asks the same
        page.waitForFunction("() => location.hash.includes('erf=')");
        assertEquals("1", hashParam("migrants"));
        String erf = hashParam("erf");
        assertNotNull(erf);
        assertEquals(plot.geometry().at("/coordinates/0").size(), erf.split(";").length, erf);
        String link = page.url().substring(page.url().indexOf('#'));
        open("/" + link);
        page.locator("#erf-info[data-erf=chosen]").waitFor();
        assertTrue(page.getByLabel("Het bedrijf heeft zelf arbeidsmigranten in dienst")
                .isChecked());
        page.locator("#result li[data-criterion=location_class]").waitFor();
        page.waitForFunction(
                "s => document.querySelector('#result li[data-criterion=location_class]').dataset.status === s",
                after.get("status"));

        // cleared: the erf goes from the map and the link
        page.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Page.GetByRoleOptions().setName("Erf wissen"))
                .click();
        page.locator("#erf-info[data-erf=none]").waitFor();
        page.waitForFunction("() => !location.hash.includes('erf=')");
    }

    @Test
    void theCheckPageWithTheEmployerInputsMeetsWcag21AA() throws Exception {
        Plot plot = plotOnAnErf();
        String pt = String.format(
                Locale.ROOT, "%.7f,%.7f", plot.inside().getX(), plot.inside().getY());
        open(
                "/#pt=" + pt + "&form=housing_facility&persons=16&migrants=1",
                new Browser.NewPageOptions().setViewportSize(1280, 800).setBypassCSP(true));
        waitForMap();
        page.locator("#employer-fields").waitFor();
        page.locator("#verdict").waitFor();
        page.getByRole(
                        AriaRole.BUTTON,
                        new com.microsoft.playwright.Page.GetByRoleOptions().setName("Erf onder het kruisje"))
                .click();
        page.locator("#erf-info[data-erf=chosen]").waitFor();
        assertFalse(page.locator("#employer-fields").isHidden());
        Accessibility.assertNoViolations(page, "/ with the employer's inputs (Noordoostpolder)");
        page.getByLabel("Taal").selectOption("en");
        page.getByLabel("The business employs labour migrants itself").waitFor();
        Accessibility.assertNoViolations(page, "/ with the employer's inputs, in English");
    }
}
