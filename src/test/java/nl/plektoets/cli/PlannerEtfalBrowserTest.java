package nl.plektoets.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Request;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The planner view's ETFAL panel (frontend/planner/etfal.js) in chromium against {@code serve} on the demo: the site
 * picked on the map, an employer by address and one by a click on the map, rooms and parking; the answer shows every
 * criterion with the status and paragraph the API gives for the same request, the evidence's geometries, the site and
 * both employers on the map; logged in, the neighbours' addresses download as CSV, as many as the public count.
 */
class PlannerEtfalBrowserTest extends BrowserTestBase {
    @BeforeEach
    void openPage() {
        open("/planner.html");
        waitOnMap("(map, P) => document.querySelectorAll('#layers li').length > 0 && map.getView().getZoom() > 10");
    }

    double[] centreOn(double lon, double lat, int zoom) {
        List<?> xy = (List<?>) onMap(
                "(map, P, [lon, lat, zoom]) => { const c = P.fromLonLat([lon, lat], map);"
                        + " map.getView().setCenter(c); map.getView().setZoom(zoom); map.renderSync();"
                        + " return map.getPixelFromCoordinate(c); }",
                List.of(lon, lat, zoom));
        var box = page.locator("#map").boundingBox();
        return new double[] {box.x + ((Number) xy.get(0)).doubleValue(), box.y + ((Number) xy.get(1)).doubleValue()};
    }

    /** The ETFAL layer's features by kind (site, employer, evidence). */
    @SuppressWarnings("unchecked")
    Map<String, Object> etfalFeatures() {
        return new TreeMap<>((Map<String, Object>) onMap("(map) => { const l = map.getLayers().getArray()"
                + ".find(x => x.get('name') === 'etfal'); const out = {};"
                + " for (const f of l.getSource().getFeatures()) out[f.get('kind')] = (out[f.get('kind')] || 0) + 1;"
                + " return out; }"));
    }

    @Test
    void aPlannerAssessesAnInitiativeAndSeesEveryCriterionWithItsEvidence() throws Exception {
        JsonNode addresses = api("GET", "/api/v1/addresses?q=Hoogtelijnerf&limit=2", null, null);
        JsonNode site = addresses.at("/features/0/geometry/coordinates");
        String employerAddress = addresses.at("/features/1/properties/label").asText();

        // the site: a click on the map
        double[] xy = centreOn(site.get(0).asDouble(), site.get(1).asDouble(), 17);
        page.locator("#etfal-pick-site").click();
        assertEquals("true", page.locator("#etfal-pick-site").getAttribute("aria-pressed"));
        page.mouse().click(xy[0], xy[1]);
        // OpenLayers' singleclick waits out a double click first
        page.locator("#etfal-site")
                .filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("Point"))
                .waitFor();
        assertEquals("false", page.locator("#etfal-pick-site").getAttribute("aria-pressed"));
        // no "what lies here" for a click that picks the site
        assertTrue(page.locator("#here").isHidden());

        // an employer by address, one by a click 200 px to the east
        page.locator("#etfal-employer-name").fill("Kwekerij De Plek");
        page.locator("#etfal-employer-address").fill(employerAddress);
        page.locator("#etfal-employer-workers").fill("8");
        page.locator("#etfal-add-employer").click();
        page.locator("#etfal-employer-name").fill("Slachterij");
        page.locator("#etfal-employer-workers").fill("4");
        page.locator("#etfal-pick-employer").click();
        page.mouse().click(xy[0] + 200, xy[1]);
        page.locator("#etfal-employers li[data-index='1']").waitFor();
        assertEquals(2, page.locator("#etfal-employers li").count());
        assertEquals(Map.of("employer", 1, "site", 1), etfalFeatures());

        page.locator("#etfal-persons").fill("12");
        page.locator("#etfal-rooms").fill("6");
        page.locator("#etfal-parking").fill("3");
        Request sent = page.waitForRequest(
                r -> r.url().endsWith("/api/v1/assessments") && r.method().equals("POST"),
                () -> page.locator("#etfal-submit").click());
        page.locator("#etfal-verdict").waitFor();

        // the page sent the inputs, and shows what the API answers to them
        JsonNode body = nl.plektoets.registers.RegisterJson.MAPPER.readTree(sent.postData());
        assertEquals(6, body.get("rooms").asInt());
        assertEquals(3, body.get("parkingSpaces").asInt());
        assertEquals(employerAddress, body.at("/employers/0/address").asText());
        assertEquals("CRS84", body.at("/employers/1/crs").asText());
        JsonNode answer = api("POST", "/api/v1/assessments", null, sent.postData());
        assertEquals(
                answer.get("verdict").asText(), page.locator("#etfal-verdict").getAttribute("data-verdict"));
        List<String> ids = new ArrayList<>();
        int geometries = 0;
        for (JsonNode c : answer.get("criteria")) {
            ids.add(c.get("id").asText());
            var li = page.locator(
                    "#etfal-result li[data-criterion=" + c.get("id").asText() + "]");
            assertEquals(c.get("status").asText(), li.getAttribute("data-status"));
            assertTrue(li.textContent().contains(c.get("policyRef").asText()), li.textContent());
            assertTrue(li.textContent().contains(c.at("/message/nl").asText()), li.textContent());
            for (var it = c.get("evidence").fields(); it.hasNext(); ) {
                var e = it.next();
                if (e.getValue().isObject() && e.getValue().has("coordinates")) geometries++;
            }
        }
        assertTrue(ids.containsAll(List.of("spread", "neighbours")), ids.toString());
        assertEquals(
                ids.size(), page.locator("#etfal-result li[data-criterion]").count());
        // the evidence of neighbours in words: the count of addresses, no address list
        int count = answer.at("/criteria").findParents("id").stream()
                .filter(c -> c.get("id").asText().equals("neighbours"))
                .findFirst()
                .orElseThrow()
                .at("/evidence/addresses")
                .asInt();
        assertEquals(
                String.valueOf(count),
                page.locator("#etfal-result li[data-criterion=neighbours] dd[data-key=addresses]")
                        .textContent());
        assertEquals(Map.of("employer", 2, "evidence", geometries, "site", 1), etfalFeatures());
        assertTrue(geometries >= 2, "the effect area and the village at least: " + geometries);
        screenshot("planner-etfal.png");

        // the report for the file of the same request, as the assessment is public
        Download report = page.waitForDownload(() -> page.locator("#etfal-pdf").click());
        byte[] pdf = Files.readAllBytes(report.path());
        assertEquals("%PDF-", new String(pdf, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1));
        Path saved = Files.createDirectories(Path.of("target", "reports")).resolve("planner-etfal.pdf");
        Files.write(saved, pdf);
        Process text = new ProcessBuilder("pdftotext", "-enc", "UTF-8", saved.toString(), "-")
                .redirectErrorStream(true)
                .start();
        String words = new String(text.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, text.waitFor());
        for (String criterion : List.of("spread", "neighbours", "distance_to_work", "parking_access"))
            assertTrue(words.contains(criterion + ": "), criterion + " in the report");

        // the CSV is for planners: the button appears after logging in
        assertTrue(page.locator("#etfal-csv").isHidden());
        page.getByLabel("Token").fill(PLANNER_TOKEN);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Inloggen"))
                .click();
        page.locator("#etfal-csv").waitFor();
        Download d = page.waitForDownload(() -> page.locator("#etfal-csv").click());
        List<String> lines = Files.readAllLines(d.path());
        assertTrue(lines.get(0).startsWith("bag_id,street,housenumber"), lines.get(0));
        assertEquals(count, lines.size() - 1);

        // logged in, the panel asks for the planner's assessment (spread with every cluster member), with the token
        Request planner = page.waitForRequest(
                r -> r.url().endsWith("/api/v1/planner/assessments")
                        && r.method().equals("POST"),
                () -> page.locator("#etfal-submit").click());
        assertEquals("Bearer " + PLANNER_TOKEN, planner.headerValue("authorization"));
        page.locator("#etfal-result li[data-criterion=spread]").waitFor();
        JsonNode plannerAnswer = api("POST", "/api/v1/planner/assessments", PLANNER_TOKEN, planner.postData());
        assertEquals(
                plannerAnswer.get("verdict").asText(),
                page.locator("#etfal-verdict").getAttribute("data-verdict"));
    }

    @Test
    void aDrawnSiteIsSentAsAPolygonAndAMissingSiteIsSaid() {
        page.locator("#etfal-submit").click();
        assertTrue(
                page.locator("#etfal-error").textContent().contains("locatie"),
                page.locator("#etfal-error").textContent());
        JsonNode addresses;
        try {
            addresses = api("GET", "/api/v1/addresses?q=Hoogtelijnerf&limit=1", null, null);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        JsonNode site = addresses.at("/features/0/geometry/coordinates");
        double[] xy = centreOn(site.get(0).asDouble(), site.get(1).asDouble(), 18);
        page.locator("#etfal-draw-site").click();
        page.mouse().click(xy[0] - 20, xy[1] - 20);
        page.mouse().click(xy[0] + 20, xy[1] - 20);
        page.mouse().click(xy[0] + 20, xy[1] + 20);
        page.mouse().dblclick(xy[0] - 20, xy[1] + 20);
        page.locator("#etfal-site")
                .filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("Polygon"))
                .waitFor();
        Request sent = page.waitForRequest(
                r -> r.url().endsWith("/api/v1/assessments"),
                () -> page.locator("#etfal-submit").click());
        assertTrue(sent.postData().contains("\"Polygon\""), sent.postData());
        page.locator("#etfal-verdict").waitFor();
    }
}
