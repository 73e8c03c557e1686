package nl.plektoets.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

/**
 * The policy text page's source line comes from the served profile (its {@code source} block through
 * {@code GET /api/v1/policy}): Hardenberg's text is the published one in its Gemeenteblad; Noordoostpolder's is a
 * digest of the municipality's summary and must not be called the published text ({@link PolicySourceNoordoostpolderBrowserTest}). In every
 * public language.
 */
class PolicySourceBrowserTest extends BrowserTestBase {
    /** The page's source line in {@code lang}, once the policy has come. */
    String sourceLine(String lang) {
        Page p = open("/beleid.html?lang=" + lang);
        p.waitForFunction("() => document.getElementById('policy-source').textContent.length > 0");
        return p.locator("#policy-source").textContent();
    }

    @Test
    void theSourceLineSaysWhereTheTextWasPublishedAndThatItIsThePublishedText() {
        String nl = sourceLine("nl");
        assertTrue(nl.startsWith("Bron: Gemeenteblad van de gemeente Hardenberg"), nl);
        assertTrue(nl.endsWith("Tekst zoals gepubliceerd."), nl);
        assertEquals(
                "Source: Gemeenteblad van de gemeente Hardenberg, officiële uitgave; als officiële publicatie vrij van"
                        + " auteursrecht (art. 11 Auteurswet). Text as published.",
                sourceLine("en"));
        assertTrue(sourceLine("pl").endsWith("Tekst w brzmieniu opublikowanym."));
        assertTrue(sourceLine("ro").endsWith("Text în forma publicată."));
    }
}
