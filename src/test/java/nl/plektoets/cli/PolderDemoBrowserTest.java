package nl.plektoets.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import nl.plektoets.demo.PolderMunicipality;
import org.junit.jupiter.api.Test;

/**
 * The check page on the polder demo (issue 18) served with Noordoostpolder's profile: a shared link with a site on a
 * farm's erf, "employs migrants" and that farm's erf (picked from the served erf layer, the layer's own outline) shows
 * the location rule passing, the same site with the neighbouring farm's erf failing (§4, §2), each as the API answers
 * the same request; the page says the data are fictitious.
 */
class PolderDemoBrowserTest extends BrowserTestBase {
    @Override
    Path dataDirectory(Path tmp) throws Exception {
        Path dir = tmp.resolve(Demos.POLDER_DIR);
        PolderMunicipality.generate(dir, 1_200, PolderMunicipality.DEFAULT_SEED);
        assertEquals(19, Demos.seedRegister(dir));
        return dir;
    }

    @Override
    List<String> serveArguments(Path tmp) {
        return List.of("--policy-profile", "noordoostpolder-2024");
    }

    static String ring(JsonNode polygon) {
        StringBuilder sb = new StringBuilder();
        for (JsonNode p : polygon.at("/coordinates/0")) {
            if (sb.length() > 0) sb.append(';');
            sb.append(String.format(
                    Locale.ROOT, "%.7f,%.7f", p.get(0).asDouble(), p.get(1).asDouble()));
        }
        return sb.toString();
    }

    @Test
    void theLinkWithTheFarmsOwnErfPassesAndWithTheNeighboursFails() throws Exception {
        JsonNode erven = api("GET", "/api/v1/layers/erf?limit=2", null, null).get("features");
        JsonNode own = erven.get(0).get("geometry"), other = erven.get(1).get("geometry");
        JsonNode ownRing = own.at("/coordinates/0");
        double x = 0, y = 0;
        for (int i = 0; i < 4; i++) {
            x += ownRing.get(i).get(0).asDouble() / 4;
            y += ownRing.get(i).get(1).asDouble() / 4;
        }
        String pt = String.format(Locale.ROOT, "%.7f,%.7f", x, y);
        for (JsonNode erf : List.of(own, other)) {
            JsonNode api = api(
                    "POST",
                    "/api/v1/assessments",
                    null,
                    "{\"site\":{\"type\":\"Point\",\"coordinates\":[" + pt + "]},\"form\":\"housing_facility\","
                            + "\"persons\":16,\"employsMigrants\":true,\"employerErf\":" + erf + "}");
            JsonNode location = null;
            for (JsonNode c : api.get("criteria")) if (c.get("id").asText().equals("location_class")) location = c;
            assertEquals(erf == own ? "pass" : "fail", location.get("status").asText(), location::toString);

            open("/#pt=" + pt + "&form=housing_facility&persons=16&migrants=1&erf=" + ring(erf));
            waitForMap();
            page.locator("#erf-info[data-erf=chosen]").waitFor();
            Locator li = page.locator("#result li[data-criterion=location_class]");
            li.waitFor();
            assertEquals(location.get("status").asText(), li.getAttribute("data-status"));
            String shown = li.textContent();
            assertTrue(shown.contains(location.at("/message/nl").asText()), shown + " vs " + location);
            assertTrue(
                    page.content().toLowerCase(Locale.ROOT).contains("fictie"),
                    "the page says the data are fictitious");
        }
    }
}
