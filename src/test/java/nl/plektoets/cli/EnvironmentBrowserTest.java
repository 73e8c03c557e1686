package nl.plektoets.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The check page draws every environmental source in range with its guide-distance zone (issue 12), and sends the
 * stay chosen in the form. Real serve on the demo, headless chromium.
 */
class EnvironmentBrowserTest extends BrowserTestBase {
    /** In the edge band of the demo's business park "Plekdam-Zuid": the park's own land (3.2) is in range. */
    private static final String NEAR_PARK = "3.6909,52.5494";

    @Test
    void eachSourceInRangeIsDrawnWithItsZoneAndTheStayIsSent() throws Exception {
        open("/#pt=" + NEAR_PARK + "&form=housing_facility&persons=12");
        page.locator("#verdict").waitFor();
        // the page shows what the API answers for the same site; the sources in range come from the API
        assertEquals(
                "conditional",
                page.locator("li[data-criterion=environmental_zoning]").getAttribute("data-status"));
        String[] pt = NEAR_PARK.split(",");
        var answer = api(
                "POST",
                "/api/v1/assessments",
                null,
                "{\"site\":{\"type\":\"Point\",\"coordinates\":[" + pt[0] + "," + pt[1]
                        + "]},\"form\":\"housing_facility\",\"persons\":12}");
        int sources = 0;
        for (var c : answer.get("criteria")) {
            if (c.get("id").asText().equals("environmental_zoning"))
                sources = c.get("evidence").get("sources").size();
        }
        assertTrue(sources >= 1, answer::toString);
        // two features per source on the map: its outline and its zone
        waitOnMap(
                "(map, P, n) => { const l = map.getLayers().getArray().find(x => x.get('name') === 'environment');"
                        + " return l && l.getSource().getFeatures().length === 2 * n; }",
                sources);
        Object zones = onMap("map => map.getLayers().getArray().find(x => x.get('name') === 'environment')"
                + ".getSource().getFeatures().filter(f => f.get('kind') === 'zone').length");
        assertEquals(sources, ((Number) zones).intValue());

        // logies: the same site, stay short: the environment passes with the obligation
        page.selectOption("#stay", "short");
        page.locator("#submit").click();
        page.locator("li[data-criterion=environmental_zoning][data-status=pass]")
                .waitFor();
        assertTrue(
                page.locator("#result").textContent().contains("4 maanden"),
                page.locator("#result").textContent());
    }
}
