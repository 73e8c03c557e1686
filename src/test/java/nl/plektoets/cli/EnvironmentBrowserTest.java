package nl.plektoets.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The check page draws every environmental source in range with its guide-distance zone (issue 12), and sends the
 * stay chosen in the form. Real serve on the demo, headless chromium.
 */
class EnvironmentBrowserTest extends BrowserTestBase {
    /** In the edge band of the demo's business park "Plekdam-Zuid": the park's own land (3.2) is in range. */
    private static final String NEAR_PARK = "3.6909,52.5494";

    @Test
    void eachSourceInRangeIsDrawnWithItsZoneAndTheStayIsSent() {
        open("/#pt=" + NEAR_PARK + "&form=housing_facility&persons=12");
        page.locator("#verdict").waitFor();
        Map<?, ?> zoning = (Map<?, ?>) page.evaluate(
                "() => state.lastResult.criteria.find(c => c.id === 'environmental_zoning')");
        assertEquals("conditional", zoning.get("status"));
        int sources = ((List<?>) ((Map<?, ?>) zoning.get("evidence")).get("sources")).size();
        assertTrue(sources >= 1, zoning::toString);
        // two features per source: its outline and its zone
        page.waitForFunction("n => { const l = map.getLayers().getArray().find(x => x.get('name') === 'environment');"
                + " return l && l.getSource().getFeatures().length === 2 * n; }", sources);
        Object zones = page.evaluate("() => map.getLayers().getArray().find(x => x.get('name') === 'environment')"
                + ".getSource().getFeatures().filter(f => f.get('kind') === 'zone').length");
        assertEquals(sources, ((Number) zones).intValue());

        // logies: the same site, stay short: the environment passes with the obligation
        page.selectOption("#stay", "short");
        page.locator("#submit").click();
        page.waitForFunction("() => state.lastResult && state.lastResult.criteria.find(c => c.id === 'environmental_zoning')"
                + ".status === 'pass'");
        assertTrue(page.locator("#result").textContent().contains("4 maanden"), page.locator("#result").textContent());
    }
}
