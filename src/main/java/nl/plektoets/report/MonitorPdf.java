package nl.plektoets.report;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * The monitor of §8.1 as a PDF/A for the council: per measure (initiatives per status, permit applications, realised
 * locations and places, signals per category, room-rental permits) a table per year and village, the same rows as
 * {@code GET /api/v1/monitor}; dated, with the fictitious banner where so and the SHA-256 of the rows on every page.
 */
public final class MonitorPdf {
    /** One count of the monitor: as {@code monitor.Monitor.Row}, which this package may not know (it reads the store). */
    public record Count(int year, String village, String measure, String key, long count) {}

    private MonitorPdf() {}

    public static ReportPdf.Report render(
            List<Count> rows, String datasetName, boolean fictitious, ReportLanguage lang, Instant date) {
        StringBuilder inputs = new StringBuilder();
        for (Count c : rows)
            inputs.append(c.year())
                    .append('|')
                    .append(c.village())
                    .append('|')
                    .append(c.measure())
                    .append('|')
                    .append(c.key())
                    .append('|')
                    .append(c.count())
                    .append('\n');
        String inputsHash = ReportPdf.sha256(inputs.toString().getBytes(StandardCharsets.UTF_8));
        try (PDDocument doc = new PDDocument()) {
            PdfPages[] holder = new PdfPages[1];
            PdfPages p = new PdfPages(doc, () -> {
                if (fictitious) ReportPdf.banner(holder[0], lang);
            });
            holder[0] = p;
            p.newPage();
            p.paragraph(
                    lang.pick(
                            "Monitor huisvesting arbeidsmigranten (§8.1)", "Monitor of labour migrant housing (§8.1)"),
                    16,
                    true,
                    0,
                    Color.BLACK);
            p.gap(4);
            p.paragraph(
                    lang.pick("Gegevens: ", "Data: ") + datasetName + "; " + lang.pick("stand van ", "as of ")
                            + ReportPdf.date(date, lang),
                    9.5f,
                    false,
                    0,
                    Color.DARK_GRAY);
            p.gap(10);
            if (rows.isEmpty())
                p.paragraph(lang.pick("Nog niets te tellen.", "Nothing to count yet."), 10, false, 0, Color.BLACK);
            Map<String, List<Count>> byMeasure = new LinkedHashMap<>();
            for (Count c : rows)
                byMeasure
                        .computeIfAbsent(c.measure(), k -> new java.util.ArrayList<>())
                        .add(c);
            float[] x = {PdfPages.MARGIN, PdfPages.MARGIN + 50, PdfPages.MARGIN + 220, PdfPages.MARGIN + 420};
            for (Map.Entry<String, List<Count>> m : byMeasure.entrySet()) {
                p.need(40);
                p.paragraph(m.getKey(), 11.5f, true, 0, Color.BLACK);
                p.gap(2);
                header(p, x, lang);
                for (Count c : m.getValue()) {
                    p.need(13);
                    p.y -= 12;
                    p.text(x[0], p.y, String.valueOf(c.year()), 9, false, Color.BLACK);
                    p.text(x[1], p.y, c.village(), 9, false, Color.BLACK);
                    p.text(x[2], p.y, c.key(), 9, false, Color.BLACK);
                    String n = String.valueOf(c.count());
                    p.text(x[3] + 60 - p.width(n, 9), p.y, n, 9, false, Color.BLACK);
                }
                p.gap(10);
            }
            p.close();
            ReportPdf.footers(doc, p, lang, inputsHash, date);
            String title = lang.pick("Monitor huisvesting arbeidsmigranten", "Monitor of labour migrant housing") + ", "
                    + datasetName;
            ReportPdf.archival(
                    doc,
                    title,
                    "plektoets monitor (§8.1); dataset: " + datasetName + "; fictitious: " + fictitious
                            + "; inputs sha256: " + inputsHash,
                    lang,
                    date,
                    inputsHash);
            return ReportPdf.saved(doc, inputsHash);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void header(PdfPages p, float[] x, ReportLanguage lang) {
        p.y -= 12;
        p.text(x[0], p.y, lang.pick("jaar", "year"), 9, true, Color.BLACK);
        p.text(x[1], p.y, lang.pick("kern", "village"), 9, true, Color.BLACK);
        p.text(x[2], p.y, lang.pick("soort", "kind"), 9, true, Color.BLACK);
        p.text(x[3], p.y, lang.pick("aantal", "count"), 9, true, Color.BLACK);
        p.line(PdfPages.MARGIN, p.y - 3, PdfPages.MARGIN + PdfPages.TEXT_WIDTH, p.y - 3, 0.4f, Color.GRAY);
    }
}
