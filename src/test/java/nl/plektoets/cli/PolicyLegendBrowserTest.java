package nl.plektoets.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The check page's map legends cite the paragraphs the served profile gives its rules (GET /api/v1/policy), not
 * Hardenberg's "(§5.1.2)" and "(Bijlage 1)": served with a profile that cites articles, the edge band reads "art. 10"
 * (its rule locations) and the isochrones "art. 50" (its location requirements), in every language.
 */
class PolicyLegendBrowserTest extends BrowserTestBase {
    /** Just inside the demo's business park "Plekdam-Zuid" (in its 100 m edge band). */
    private static final String NEAR_PARK = "3.6909,52.5494";

    @Override
    List<String> serveArguments(Path tmp) {
        return List.of(
                "--policy",
                Path.of("src", "test", "resources", "policy", "voorbeeld-artikelen.yaml")
                        .toAbsolutePath()
                        .toString());
    }

    @Test
    void theLegendsCiteTheServedProfilesParagraphs() {
        open("/#pt=" + NEAR_PARK + "&form=housing_facility&persons=12");
        for (String layer : new String[] {"band", "walking", "cycling"})
            page.locator("#legend li[data-layer=" + layer + "]").waitFor();
        String band = page.locator("#legend li[data-layer=band]").textContent();
        assertTrue(band.startsWith(" Randzone bedrijventerrein: ") && band.endsWith(" buiten de rand (art. 10)"), band);
        assertTrue(page.locator("#legend li[data-layer=walking]").textContent().endsWith(" minuten lopen (art. 50)"));
        assertTrue(page.locator("#legend li[data-layer=cycling]").textContent().endsWith(" minuten fietsen (art. 50)"));
        String legend = page.locator("#legend").textContent();
        assertFalse(legend.contains("§") || legend.contains("Bijlage"), "nothing of Hardenberg's profile: " + legend);

        page.getByLabel("Taal").selectOption("pl");
        assertTrue(
                page.locator("#legend li[data-layer=walking]").textContent().endsWith(" pieszo (art. 50)"),
                page.locator("#legend li[data-layer=walking]").textContent());
    }
}
