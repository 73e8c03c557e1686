package nl.plektoets.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.geojson.GeoJsonReader;

/**
 * Issue 18, "the pages show which municipality's policy answers": a Noordoostpolder data directory imported from the
 * real TOP10NL woonkernen clipped to the real CBS boundary of GM0171 ({@code import --top10nl --gemeenten
 * --municipality GM0171}: Ens, Kraggenburg, Luttelgeest, Marknesse), served with {@code --policy-profile
 * noordoostpolder-2024}. A check in Marknesse names Noordoostpolder's policy under the verdict and gives the closed
 * village (§3) as the API does, saying it is indicative; the policy text page shows Noordoostpolder's title and its
 * §3 from the digest. Every page's header names Noordoostpolder's policy too (common/policy.js; the Hardenberg side is
 * {@link PagePolicyBrowserTest}).
 */
class NoordoostpolderPagesBrowserTest extends BrowserTestBase {
    static final Path DATA = Path.of("..", "shared", "data");
    static final String TITLE = "Beleid arbeidsmigranten Noordoostpolder 2024 (gemeente Noordoostpolder)";

    @Override
    Path dataDirectory(Path tmp) {
        Path out = tmp.resolve("noordoostpolder");
        StoreCommandsTest.Run r = StoreCommandsTest.run(
                "import",
                "--top10nl",
                DATA.resolve("cbs/top10nl_plaats.gml.gz").toString(),
                "--gemeenten",
                DATA.resolve("cbs/gemeenten_zonder_water.geojson").toString(),
                "--municipality",
                "GM0171",
                "--out",
                out.toString());
        assertEquals(Main.OK, r.code(), r::toString);
        return out;
    }

    @Override
    List<String> serveArguments(Path tmp) {
        return List.of("--policy-profile", "noordoostpolder-2024");
    }

    /** The interior point of the real woonkern {@code name}, in CRS84 from our own layer route. */
    private Point village(String name) throws Exception {
        JsonNode layer = api("GET", "/api/v1/layers/village?limit=50", null, null);
        for (JsonNode f : layer.get("features")) {
            if (name.equals(f.at("/properties/name").asText())) {
                Geometry g = new GeoJsonReader().read(f.get("geometry").toString());
                return g.getInteriorPoint();
            }
        }
        throw new AssertionError("no village " + name + " in " + layer);
    }

    @Test
    void aCheckInMarknesseNamesNoordoostpoldersPolicyAndItsClosedVillages() throws Exception {
        Point p = village("Marknesse");
        String pt = String.format(Locale.ROOT, "%.7f,%.7f", p.getX(), p.getY());
        JsonNode api = api(
                "POST",
                "/api/v1/assessments",
                null,
                "{\"site\":{\"type\":\"Point\",\"coordinates\":[" + pt + "]},\"form\":\"room_rental\",\"persons\":4}");
        assertEquals("noordoostpolder-2024", api.at("/policy/id").asText());
        JsonNode location = null;
        for (JsonNode c : api.get("criteria")) if (c.get("id").asText().equals("location_class")) location = c;
        assertEquals("fail", location.get("status").asText(), location::toString);
        assertEquals("§3", location.get("policyRef").asText());

        open("/#pt=" + pt + "&form=room_rental&persons=4");
        waitForMap();
        Locator policy = page.locator("#policy-name");
        policy.waitFor();
        assertEquals("Beleid: " + TITLE, policy.textContent());
        assertEquals("noordoostpolder-2024", policy.getAttribute("data-policy"));
        assertEquals("not_allowed", page.locator("#verdict").getAttribute("data-verdict"));
        Locator li = page.locator("#result li[data-criterion=location_class]");
        assertEquals("fail", li.getAttribute("data-status"));
        String shown = li.textContent();
        assertTrue(shown.contains(location.at("/message/nl").asText()), shown + " vs " + location);
        assertTrue(shown.contains("In de kernen komen geen nieuwe huisvestingslocaties"), shown);
        assertTrue(shown.contains("Indicatief, niet vastgesteld"), shown);

        // the paragraph link of the answer opens Noordoostpolder's own §3 on the policy text page
        li.locator("a", new Locator.LocatorOptions().setHasText("§3")).first().click();
        page.waitForURL("**/beleid.html**");
        page.locator("#policy-title").waitFor();
        page.waitForFunction("() => document.getElementById('policy-title').textContent.includes('Noordoostpolder')");
        assertTrue(
                page.locator("#policy-title").textContent().startsWith(TITLE),
                page.locator("#policy-title").textContent());
        page.locator("#paragraph-heading").waitFor();
        page.waitForFunction("() => document.getElementById('paragraph-heading').textContent.includes('§3')");
        String text = page.locator("#paragraph-text").textContent();
        // the digest's paragraph with the source it names
        assertTrue(text.contains("In de kernen (dorpen) komen geen nieuwe huisvestingslocaties"), text);
        assertTrue(text.contains("Bron: gemeentepagina"), text);
        // the English page names it too
        open("/?lang=en#pt=" + pt + "&form=room_rental&persons=4");
        page.locator("#policy-name").waitFor();
        assertEquals("Policy: " + TITLE, page.locator("#policy-name").textContent());
    }

    /**
     * Served with Noordoostpolder's profile, every page's header names Noordoostpolder's policy (not Hardenberg's),
     * links its policy text and says that answers using its values not adopted (almost all: the digest relies on the
     * municipality's summary) are indicative; in English after the switch.
     */
    @Test
    void everyPageNamesNoordoostpoldersPolicyInItsHeader() throws Exception {
        JsonNode policy = api("GET", "/api/v1/policy", null, null);
        assertEquals(TITLE, policy.get("title").asText());
        assertTrue(
                policy.get("notAdopted").toString().contains("round.criteria[housing_quality]"),
                policy.get("notAdopted").toString());
        for (String path : PagePolicyBrowserTest.PAGES) {
            open(path);
            PagePolicyBrowserTest.assertHeaderNamesThePolicy(page, "noordoostpolder-2024", TITLE, true);
            assertFalse(page.locator("#page-policy").textContent().contains("Hardenberg"), path);
        }
        open("/planner.html");
        page.locator("#page-policy-link").click();
        page.waitForURL("**/beleid.html");
        page.waitForFunction("() => document.getElementById('policy-title').textContent.includes('Noordoostpolder')");
        assertTrue(page.locator("#policy-title").textContent().startsWith(TITLE));
    }
}
