package nl.plektoets.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import nl.plektoets.request.HousingForm;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.PDFAIdentificationSchema;
import org.apache.xmpbox.xml.DomXmpParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report read back by independent tools: Debian's pdftotext (every criterion, every paragraph, the verdict),
 * pdftoppm (the map is drawn: a PNG kept in target/screenshots/), pdffonts (every font embedded) and the XMP's PDF/A
 * identification parsed by xmpbox's own reader.
 */
class ReportPdfTest {
    @TempDir
    static Path temp;

    static DemoReport demo;
    static ObjectNode assessment;
    static ReportPdf.Report nl;

    @BeforeAll
    static void render() throws Exception {
        demo = new DemoReport(temp);
        assessment = demo.assessmentJson(demo.siteNearASource(), HousingForm.HOUSING_FACILITY, 12);
        nl = ReportPdf.render(demo.input(assessment, ReportLanguage.NL));
        Files.createDirectories(Path.of("target/reports"));
        Files.write(Path.of("target/reports/demo-report-nl.pdf"), nl.pdf());
    }

    @Test
    void pdftotextFindsTheVerdictEveryCriterionAndEveryParagraph() throws Exception {
        String text = words(pdftotext(nl.pdf()));
        assertTrue(text.contains("Oordeel:"), "the verdict's label");
        assertTrue(text.contains("(" + assessment.get("verdict").asText() + ")"), "verdict id in " + text);
        List<String> refs = new ArrayList<>();
        for (JsonNode c : assessment.get("criteria")) {
            String status = c.get("status").asText();
            assertTrue(text.contains(c.get("id").asText() + ": "), c.get("id") + " in the report");
            assertTrue(text.contains("(" + status + ")"), status);
            refs.add(c.get("policyRef").asText());
            for (JsonNode o : c.get("obligations")) refs.add(o.get("policyRef").asText());
        }
        for (JsonNode r : assessment.get("notChecked"))
            refs.add(r.get("policyRef").asText());
        assertFalse(refs.isEmpty());
        for (String ref : refs) assertTrue(text.contains(words(ref)), "paragraph " + ref + " in the report");
        // the not-checked requirements as a checklist, the banner of the fictitious demo, the inputs' hash, page
        // numbers
        assertTrue(text.contains("Niet getoetst: checklist"));
        assertTrue(text.contains("FICTIEVE GEGEVENS"));
        assertTrue(text.contains(
                ReportPdf.sha256(demo.input(assessment, ReportLanguage.NL).inputs())));
        int pages = pdfPages(nl.pdf());
        assertTrue(pages >= 3, "pages " + pages);
        assertTrue(text.contains("pagina " + pages + " van " + pages));
        assertTrue(text.contains("Schaal 1:"), "the scale is stated");
        assertTrue(text.contains("1 maart 2026") || text.contains("2 maart 2026"), "the report's date");
    }

    @Test
    void englishOnRequest() throws Exception {
        ReportPdf.Report en = ReportPdf.render(demo.input(assessment, ReportLanguage.EN));
        String text = words(pdftotext(en.pdf()));
        assertTrue(text.contains("Verdict:"), "English");
        assertTrue(text.contains("Not checked: checklist for the planner"));
        assertTrue(text.contains("FICTITIOUS DATA"));
        assertNotEquals(nl.sha256(), en.sha256());
    }

    @Test
    void theSameInputsGiveTheSameBytes() {
        ReportPdf.Report again = ReportPdf.render(demo.input(assessment, ReportLanguage.NL));
        assertEquals(nl.sha256(), again.sha256());
        assertArrayEquals(nl.pdf(), again.pdf());
        assertEquals(ReportPdf.sha256(nl.pdf()), nl.sha256());
    }

    @Test
    void pdftoppmShowsADrawnMap() throws Exception {
        Path pdf = temp.resolve("map.pdf");
        Files.write(pdf, nl.pdf());
        int dpi = 72; // one pixel per point: the box in points is the box in pixels
        Path prefix = temp.resolve("map");
        run(
                "pdftoppm",
                "-png",
                "-r",
                Integer.toString(dpi),
                "-f",
                "" + ReportPdf.MAP_PAGE,
                "-l",
                "" + ReportPdf.MAP_PAGE,
                "-singlefile",
                pdf.toString(),
                prefix.toString());
        Path png = temp.resolve("map.png");
        BufferedImage page = ImageIO.read(png.toFile());
        float[] box = ReportPdf.MAP_BOX;
        int x0 = Math.round(box[0]) + 2, w = Math.round(box[2]) - 4;
        int y0 = page.getHeight() - Math.round(box[1] + box[3]) + 2, h = Math.round(box[3]) - 4;
        long coloured = 0, red = 0;
        for (int y = y0; y < y0 + h; y++) {
            for (int x = x0; x < x0 + w; x++) {
                int rgb = page.getRGB(x, y);
                int r = rgb >> 16 & 0xff, g = rgb >> 8 & 0xff, b = rgb & 0xff;
                if (r < 245 || g < 245 || b < 245) coloured++;
                if (r > 180 && g < 80 && b < 80) red++; // the site's red
            }
        }
        double share = coloured / (double) (w * h);
        assertTrue(share > 0.05, "the map area is not blank: " + share);
        assertTrue(red > 10, "the site is drawn: " + red + " red pixels");
        Files.createDirectories(Path.of("target/screenshots"));
        Files.copy(png, Path.of("target/screenshots/report-map.png"), StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void pdfaIdentificationInTheXmpAndEveryFontEmbedded() throws Exception {
        try (PDDocument doc = Loader.loadPDF(nl.pdf())) {
            byte[] xml = doc.getDocumentCatalog().getMetadata().toByteArray();
            XMPMetadata xmp = new DomXmpParser().parse(new ByteArrayInputStream(xml));
            PDFAIdentificationSchema id = xmp.getPDFAIdentificationSchema();
            assertEquals(2, id.getPart());
            assertEquals("B", id.getConformance());
            assertEquals(1, doc.getDocumentCatalog().getOutputIntents().size());
            assertEquals("nl-NL", doc.getDocumentCatalog().getLanguage());
            assertTrue(doc.getDocument().getTrailer().getCOSArray(org.apache.pdfbox.cos.COSName.ID) != null);
        }
        Path pdf = temp.resolve("fonts.pdf");
        Files.write(pdf, nl.pdf());
        String fonts = run("pdffonts", pdf.toString());
        List<String> rows = fonts.lines().skip(2).filter(l -> !l.isBlank()).toList();
        assertFalse(rows.isEmpty(), fonts);
        for (String row : rows) assertTrue(row.matches(".*\\byes\\s+yes\\s+(yes|no)\\s+\\d+\\s+\\d+\\s*$"), row);
        assertTrue(run("pdfinfo", pdf.toString()).matches("(?s).*PDF version:\\s+1\\.7.*"));
    }

    /** A criterion the report has never seen (as ETFAL part 2 adds them) appears with its evidence and tables. */
    @Test
    void aNewCriterionAppearsWithItsEvidenceAsWordsAndTables() throws Exception {
        ObjectNode withNew = assessment.deepCopy();
        ObjectNode spread = ((ArrayNode) withNew.get("criteria")).addObject();
        spread.put("id", "spread");
        spread.put("status", "conditional");
        spread.put("policyRef", "§5.1.1");
        spread.putObject("message").put("nl", "Spreiding over de kernen.").put("en", "Spread over the villages.");
        spread.putArray("obligations");
        ObjectNode ev = spread.putObject("evidence");
        ArrayNode villages = ev.putArray("villages");
        villages.addObject().put("name", "Oostmarke").put("population", 4210).put("personsPer1000", 3.8);
        villages.addObject().put("name", "Westerbrink").put("population", 1320).put("personsPer1000", 12.1);
        ev.put("clusterWithinM", 250).put("adopted", false);
        byte[] pdf = ReportPdf.render(demo.input(withNew, ReportLanguage.NL)).pdf();
        String text = words(pdftotext(pdf));
        assertTrue(text.contains("spread: voorwaardelijk (conditional)"), "the new criterion");
        assertTrue(text.contains("Kernen (2):"), "the villages, in Dutch");
        assertTrue(text.contains("Cluster within: 250 m"), "a value with its unit");
        assertTrue(text.contains("Vastgesteld: nee"), "a boolean in words");
        // a table: one line per village with its numbers (pdftotext -layout keeps the rows)
        String layout = pdftotextLayout(pdf);
        assertTrue(layout.lines().anyMatch(l -> l.matches("\\s*Oostmarke\\s+4\\.210\\s+3,8\\s*")), "a row");
        assertTrue(layout.lines().anyMatch(l -> l.matches("\\s*Westerbrink\\s+1\\.320\\s+12,1\\s*")), "a row");
        assertTrue(layout.lines().anyMatch(l -> l.matches("\\s*Naam\\s+Inwoners\\s+Persons per1000\\s*")), "header");
    }

    static String pdftotext(byte[] pdf) throws Exception {
        Path file = Files.createTempFile(temp, "report", ".pdf");
        Files.write(file, pdf);
        return run("pdftotext", "-enc", "UTF-8", file.toString(), "-");
    }

    static String pdftotextLayout(byte[] pdf) throws Exception {
        Path file = Files.createTempFile(temp, "report", ".pdf");
        Files.write(file, pdf);
        return run("pdftotext", "-layout", "-enc", "UTF-8", file.toString(), "-");
    }

    static int pdfPages(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return doc.getNumberOfPages();
        }
    }

    /** Whitespace (line ends of pdftotext included) as single spaces. */
    static String words(String s) {
        return s.replaceAll("\\s+", " ");
    }

    static String run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        String s = new String(out, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), String.join(" ", command) + ": " + s);
        return s;
    }
}
