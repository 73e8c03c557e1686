package nl.plektoets.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Page;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The policy text page over Noordoostpolder's profile: its text is a digest, and the source line says so. */
class PolicySourceNoordoostpolderBrowserTest extends BrowserTestBase {
    @Override
    List<String> serveArguments(Path tmp) {
        return List.of("--policy-profile", "noordoostpolder-2024");
    }

    String sourceLine(String lang) {
        Page p = open("/beleid.html?lang=" + lang);
        p.waitForFunction("() => document.getElementById('policy-source').textContent.length > 0");
        return p.locator("#policy-source").textContent();
    }

    @Test
    void theSourceLineSaysTheTextIsADigestNotThePublishedText() {
        String nl = sourceLine("nl");
        assertTrue(nl.startsWith("Bron: CVDR717623"), nl);
        assertTrue(nl.endsWith("Bewerking van de samenvatting van de gemeente, niet de gepubliceerde tekst."), nl);
        assertFalse(nl.contains("Gemeenteblad"), nl);
        String en = sourceLine("en");
        assertTrue(en.endsWith("Digest of the municipality's summary, not the published text."), en);
        assertFalse(en.contains("Text as published"), en);
        assertTrue(sourceLine("pl").endsWith("nie opublikowany tekst."));
        assertTrue(sourceLine("ro").endsWith("nu textul publicat."));
    }
}
