package nl.plektoets.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Position;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.geojson.GeoJsonReader;

/**
 * Issue 18, the employer's erf on the map beyond {@link EmployerErfBrowserTest} (which picks it on a Web Mercator
 * map): drawing it ("Erf tekenen") in Web Mercator, and picking and drawing it on an RD New map, where the page
 * sends the site and the erf in RD New metres ({@code crs: EPSG:28992}). Served with {@code --policy-profile
 * noordoostpolder-2024} on the demo; a small location (16 persons) at a demo farmyard's interior point. What the page
 * shows is compared with {@code POST /api/v1/assessments} for the same request, and the erf it sent is compared with
 * the farmyard (picked) or the square drawn. A picked farmyard matches the layer and passes; a square drawn around the
 * site is no erf of the layer, so it is conditional (a planner verifies it).
 */
class EmployerErfDrawBrowserTest extends BrowserTestBase {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final GeometryFactory GEOMETRY = new GeometryFactory();

    @Override
    List<String> serveArguments(Path tmp) {
        return List.of("--policy-profile", "noordoostpolder-2024");
    }

    /** A demo farmyard (CRS84) whose interior point the API classes as agricultural_plot, and that point. */
    private record Plot(JsonNode geometry, Point inside) {}

    private Plot plotOnAnErf() throws Exception {
        JsonNode plots = api("GET", "/api/v1/layers/agricultural_plot?limit=30", null, null);
        for (JsonNode f : plots.get("features")) {
            JsonNode g = f.get("geometry");
            if (!g.get("type").asText().equals("Polygon")) continue;
            Point inside = new GeoJsonReader().read(g.toString()).getInteriorPoint();
            JsonNode answer = api("POST", "/api/v1/assessments", null, request(inside, ""));
            if (answer.at("/locationClass").asText().equals("agricultural_plot")) return new Plot(g, inside);
        }
        throw new AssertionError("no demo farmyard classed agricultural_plot in " + plots);
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

    /** Opens the page with the site and the box ticked, recording the bodies of POST /api/v1/assessments. */
    private void openAt(Plot plot, String proj, List<String> bodies) {
        String pt = String.format(
                Locale.ROOT, "%.7f,%.7f", plot.inside().getX(), plot.inside().getY());
        if (page != null) page.close();
        page = browser.newPage(new Browser.NewPageOptions().setViewportSize(1280, 800));
        page.setDefaultTimeout(20_000);
        page.onRequest(r -> {
            if (r.method().equals("POST") && r.url().endsWith("/api/v1/assessments")) bodies.add(r.postData());
        });
        page.navigate(base + "/#pt=" + pt + "&form=housing_facility&persons=16&migrants=1&proj=" + proj);
        waitForMap();
        page.locator("#employer-fields").waitFor();
        assertTrue(page.getByLabel("Het bedrijf heeft zelf arbeidsmigranten in dienst")
                .isChecked());
    }

    private void button(String name) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name))
                .click();
    }

    /** The map pixel of a CRS84 point, in the map's projection (Web Mercator or RD New). */
    @SuppressWarnings("unchecked")
    private double[] pixel(double lon, double lat) {
        List<Number> px = (List<Number>)
                onMap("(map, P, p) => map.getPixelFromCoordinate(P.fromLonLat(p, map))", List.of(lon, lat));
        return new double[] {px.get(0).doubleValue(), px.get(1).doubleValue()};
    }

    private void clickMap(double[] px) {
        page.locator("#map").click(new Locator.ClickOptions().setPosition(new Position(px[0], px[1])));
    }

    /** Draws a square of {@code side} pixels around the site pixel, closing it on its first corner. */
    private void drawSquareAround(double[] site, double half) {
        double[][] corners = {
            {site[0] - half, site[1] - half},
            {site[0] + half, site[1] - half},
            {site[0] + half, site[1] + half},
            {site[0] - half, site[1] + half},
            {site[0] - half, site[1] - half}
        };
        for (double[] c : corners) {
            clickMap(c);
            page.waitForTimeout(350); // separate clicks, not a double click
        }
    }

    /** Checks and waits for the location criterion of the new answer; returns the last request body. */
    private JsonNode check(List<String> bodies) throws Exception {
        page.evaluate("() => { const v = document.querySelector('#verdict'); if (v) v.dataset.old = 'true'; }");
        int before = bodies.size();
        button("Toetsen");
        page.waitForFunction("() => { const v = document.querySelector('#verdict'); return v && !v.dataset.old; }");
        assertTrue(bodies.size() > before, "the page asked the API");
        return JSON.readTree(bodies.get(bodies.size() - 1));
    }

    private String shownStatus() {
        return page.locator("#result li[data-criterion=location_class]").getAttribute("data-status");
    }

    /** The polygon of a request's employerErf in the request's CRS. */
    private static Polygon erfOf(JsonNode body) throws Exception {
        return (Polygon) new GeoJsonReader().read(body.get("employerErf").toString());
    }

    @Test
    void drawingTheErfInWebMercatorDecidesTheSmallLocationAsTheApiSays() throws Exception {
        Plot plot = plotOnAnErf();
        List<String> bodies = new ArrayList<>();
        openAt(plot, "mercator", bodies);
        JsonNode first = check(bodies);
        assertFalse(first.has("employerErf"), first.toString());
        String without = shownStatus();
        assertEquals(
                locationCriterion(api(
                                "POST",
                                "/api/v1/assessments",
                                null,
                                request(plot.inside(), ",\"employsMigrants\":true")))
                        .get("status")
                        .asText(),
                without);

        button("Erf tekenen");
        assertEquals("true", page.locator("#draw-erf").getAttribute("aria-pressed"));
        double[] site = pixel(plot.inside().getX(), plot.inside().getY());
        drawSquareAround(site, 30);
        page.locator("#erf-info[data-erf=chosen]").waitFor();
        page.waitForFunction("() => document.getElementById('draw-erf').getAttribute('aria-pressed') === 'false'");
        // drawing did not move the site
        assertEquals(
                String.format(
                        Locale.ROOT,
                        "%.7f,%.7f",
                        plot.inside().getX(),
                        plot.inside().getY()),
                hashParam("pt"));
        JsonNode body = check(bodies);
        assertEquals("CRS84", body.get("crs").asText());
        Polygon drawn = erfOf(body);
        assertEquals(5, drawn.getExteriorRing().getNumPoints(), drawn.toText());
        assertTrue(drawn.contains(GEOMETRY.createPoint(
                new Coordinate(plot.inside().getX(), plot.inside().getY()))));
        JsonNode api = locationCriterion(api("POST", "/api/v1/assessments", null, body.toString()));
        assertEquals(api.get("status").asText(), shownStatus());
        // a square drawn around the site is not the farmyard's outline: the data cannot confirm it as the employer's
        // erf, so a planner verifies it (conditional, never pass); the answer names the farmyard it covers
        assertEquals("conditional", shownStatus(), api.toString());
        assertEquals("no_match", api.at("/evidence/employerErf/result").asText(), api.toString());
        assertTrue(api.at("/message/en").asText().contains("a planner verifies it"), api.toString());
        assertNotEquals(without, shownStatus());
        // the drawn erf is in the link and comes back from it
        page.waitForFunction("() => location.hash.includes('erf=')");
        // the ring as drawn: four corners and the closing one
        assertEquals(5, hashParam("erf").split(";").length, hashParam("erf"));
    }

    @Test
    void onAnRdNewMapThePickedAndTheDrawnErfGoToTheApiInRdNewMetres() throws Exception {
        Plot plot = plotOnAnErf();
        List<String> bodies = new ArrayList<>();
        openAt(plot, "rd", bodies);
        assertEquals("EPSG:28992", onMap("(map) => map.getView().getProjection().getCode()"));
        double[] site = pixel(plot.inside().getX(), plot.inside().getY());
        // a site from the link is CRS84 and so is its request; a site clicked on the RD New map is RD New metres,
        // and the erf goes with the site's CRS
        clickMap(site);
        page.waitForTimeout(600); // the map's singleclick comes 250 ms after the click

        // picked: the farmyard under the click
        button("Erf kiezen op de kaart");
        clickMap(site);
        page.locator("#erf-info[data-erf=chosen]").waitFor();
        JsonNode picked = check(bodies);
        assertEquals("EPSG:28992", picked.get("crs").asText());
        Polygon erf = erfOf(picked);
        Geometry siteRd = new GeoJsonReader().read(picked.get("site").toString());
        assertTrue(
                erf.getEnvelopeInternal().getMinX() > 0
                        && erf.getEnvelopeInternal().getMaxX() < 300_000,
                erf.toText());
        assertTrue(
                erf.getEnvelopeInternal().getMinY() > 289_000
                        && erf.getEnvelopeInternal().getMaxY() < 629_000,
                erf.toText());
        assertTrue(erf.covers(siteRd), erf.toText() + " " + siteRd);
        // the same farmyard as the layer gives it: as many vertices, and the same area within rd.js's half metre
        assertEquals(
                plot.geometry().at("/coordinates/0").size(),
                erf.getExteriorRing().getNumPoints());
        JsonNode plotRd = api("GET", "/api/v1/layers/agricultural_plot?crs=EPSG:28992&limit=200", null, null);
        Geometry same = null;
        for (JsonNode f : plotRd.get("features")) {
            Geometry g = new GeoJsonReader().read(f.get("geometry").toString());
            if (g.covers(siteRd)) same = g;
        }
        assertTrue(same != null, "the farmyard in RD New");
        assertEquals(same.getArea(), erf.getArea(), same.getLength() * 0.5, "area within half a metre of the outline");
        JsonNode api = locationCriterion(api("POST", "/api/v1/assessments", null, picked.toString()));
        assertEquals(api.get("status").asText(), shownStatus());
        assertEquals("pass", shownStatus(), api.toString());

        // drawn: clear it, draw a square of about 40 m around the site, check again
        button("Erf wissen");
        page.locator("#erf-info[data-erf=none]").waitFor();
        button("Erf tekenen");
        drawSquareAround(site, 20);
        page.locator("#erf-info[data-erf=chosen]").waitFor();
        JsonNode drawnBody = check(bodies);
        assertEquals("EPSG:28992", drawnBody.get("crs").asText());
        Polygon drawn = erfOf(drawnBody);
        Geometry drawnSite = new GeoJsonReader().read(drawnBody.get("site").toString());
        assertTrue(drawn.covers(drawnSite), drawn.toText());
        // 40 pixels at the view's resolution (metres per pixel in RD New): the square's side in metres
        double resolution = ((Number) onMap("(map) => map.getView().getResolution()")).doubleValue();
        double side = Math.sqrt(drawn.getArea());
        assertEquals(40 * resolution, side, 2 * resolution + 0.5, drawn.toText());
        JsonNode api2 = locationCriterion(api("POST", "/api/v1/assessments", null, drawnBody.toString()));
        assertEquals(api2.get("status").asText(), shownStatus());
        // the picked farmyard (sent through rd.js, within half a metre) is the layer's; the square drawn is not
        assertEquals("match", api.at("/evidence/employerErf/result").asText(), api.toString());
        assertEquals("conditional", shownStatus(), api2.toString());
        assertEquals("no_match", api2.at("/evidence/employerErf/result").asText(), api2.toString());
    }
}
