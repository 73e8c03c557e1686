package nl.plektoets.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * Issue 18: on Hardenberg's profile (the default) no location rule requires the employer's inputs (GET /api/v1/policy
 * inputs is empty), so the check page does not ask for them, and a check sends neither.
 */
class EmployerErfHiddenBrowserTest extends BrowserTestBase {
    @Test
    void hardenbergsProfileAsksForNoEmployerOrErf() throws Exception {
        JsonNode policy = api("GET", "/api/v1/policy", null, null);
        assertEquals("hardenberg-2025", policy.get("id").asText());
        assertEquals(0, policy.get("inputs").size());
        open("/#pt=3.6909,52.5494&form=housing_facility&persons=12");
        waitForMap();
        page.locator("#result li[data-criterion=location_class]").waitFor();
        assertTrue(page.locator("#employer-fields").isHidden());
        assertFalse(page.getByLabel("Het bedrijf heeft zelf arbeidsmigranten in dienst")
                .isVisible());
        assertEquals(0, page.locator("#pick-erf:visible").count());
        // the link names neither
        page.waitForFunction("() => location.hash.includes('persons=12')");
        assertTrue(hashParam("migrants") == null && hashParam("erf") == null, page.url());
    }
}
