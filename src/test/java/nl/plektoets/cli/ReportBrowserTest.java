package nl.plektoets.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Download;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The initiator's check page offers the PDF of its own check (issue 13): the button downloads the report of the
 * answer shown, in the page's language. Real serve on the demo, headless chromium, the PDF read with pdftotext.
 */
class ReportBrowserTest extends BrowserTestBase {
    /** In the edge band of the demo's business park "Plekdam-Zuid", as EnvironmentBrowserTest. */
    private static final String NEAR_PARK = "3.6909,52.5494";

    @Test
    void theButtonDownloadsTheReportOfTheCheckShown() throws Exception {
        open("/#pt=" + NEAR_PARK + "&form=housing_facility&persons=12");
        page.locator("#verdict").waitFor();
        assertTrue(page.locator("#report-pdf").isEnabled(), "enabled once there is an answer");
        String verdict = page.locator("#verdict").getAttribute("data-verdict");
        Download download =
                page.waitForDownload(() -> page.locator("#report-pdf").click());
        assertTrue(download.suggestedFilename().endsWith(".pdf"), download.suggestedFilename());
        Path pdf = Files.createDirectories(Path.of("target", "reports")).resolve("check-page-report.pdf");
        download.saveAs(pdf);
        byte[] bytes = Files.readAllBytes(pdf);
        assertEquals("%PDF-", new String(bytes, 0, 5, StandardCharsets.ISO_8859_1));
        String text = pdftotext(pdf);
        assertTrue(text.contains("Oordeel:"), "Dutch, as the page");
        if (verdict != null) assertTrue(text.contains("(" + verdict + ")"), "the verdict shown: " + verdict);
        // every criterion the page lists is in the report
        for (String id : page.locator("li[data-criterion]")
                .evaluateAll("els => els.map(e => e.dataset.criterion)")
                .toString()
                .replaceAll("[\\[\\] ]", "")
                .split(",")) {
            assertTrue(text.contains(id + ": "), id);
        }
        assertTrue(text.contains("Personen 12") || text.contains("Personen"), "the request");
    }

    @Test
    void inEnglishWhenThePageIs() throws Exception {
        open("/?lang=en#pt=" + NEAR_PARK + "&form=housing_facility&persons=12");
        page.locator("#verdict").waitFor();
        Download download =
                page.waitForDownload(() -> page.locator("#report-pdf").click());
        Path pdf = Files.createDirectories(Path.of("target", "reports")).resolve("check-page-report-en.pdf");
        download.saveAs(pdf);
        String text = pdftotext(pdf);
        assertTrue(text.contains("Verdict:"), "English");
        assertTrue(text.contains("Not checked: checklist for the planner"));
    }

    private static String pdftotext(Path pdf) throws Exception {
        Process p = new ProcessBuilder("pdftotext", "-enc", "UTF-8", pdf.toString(), "-")
                .redirectErrorStream(true)
                .start();
        String s = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), s);
        return s.replaceAll("\\s+", " ");
    }
}
