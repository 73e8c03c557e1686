package nl.plektoets.report;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * The ranking of an application round (Noordoostpolder §6, issue 18) as a PDF/A for the college's decision, in the
 * report's style (the same font, archival metadata, fictitious banner and footers with the hash of the inputs): the
 * places per size category, the criteria with weight, scale and paragraph, the tie rule, the ranking with the
 * allocation and its reason, and per initiative its points with the planners' notes and the computed distance.
 * Knows no register: the web layer hands it plain rows, as {@link MonitorPdf}.
 */
public final class RoundPdf {
    /** The places of one size category: cap, held in the register when opened, available, left after allocation. */
    public record Places(String category, int cap, int held, int available, int left) {}

    /** One criterion of the round as the profile holds it. */
    public record Criterion(
            String id, String name, String weight, int min, int max, String paragraph, boolean adopted) {}

    /** One criterion's points for one initiative, with the note (a planner's) or the evidence (computed) in words. */
    public record Points(String criterion, String points, String weighted, String note) {}

    /** One ranked initiative. */
    public record Row(
            int rank,
            long initiativeId,
            String initiator,
            String category,
            int persons,
            String submittedAt,
            String total,
            boolean allocated,
            String reason,
            String tieBrokenBy,
            List<Points> points) {}

    /**
     * Everything the decision needs.
     *
     * @param decision the round's status in words: "decided on 2025-04-22, 25.0000123" or "not decided (draft)"
     * @param decided  whether the college has decided (the status line is drawn as a draft's warning otherwise)
     */
    public record Round(
            String name,
            String opensOn,
            String closesOn,
            String policyTitle,
            String paragraph,
            boolean adopted,
            String adoptedNote,
            String tieRule,
            String decision,
            boolean decided,
            List<Places> places,
            List<Criterion> criteria,
            List<Row> rows) {}

    private RoundPdf() {}

    public static ReportPdf.Report render(
            Round r, String datasetName, boolean fictitious, ReportLanguage lang, Instant date) {
        String inputsHash = ReportPdf.sha256(inputs(r).getBytes(StandardCharsets.UTF_8));
        try (PDDocument doc = new PDDocument()) {
            PdfPages[] holder = new PdfPages[1];
            PdfPages p = new PdfPages(doc, () -> {
                if (fictitious) ReportPdf.banner(holder[0], lang);
            });
            holder[0] = p;
            p.newPage();
            p.paragraph(
                    lang.pick("Rangschikking aanvraagronde: ", "Ranking of the application round: ") + r.name() + " ("
                            + r.paragraph() + ")",
                    16,
                    true,
                    0,
                    Color.BLACK);
            p.gap(4);
            p.paragraph(
                    r.policyTitle() + "; " + lang.pick("ronde open van ", "round open from ") + r.opensOn()
                            + lang.pick(" tot en met ", " to ") + r.closesOn() + "; "
                            + lang.pick("gegevens: ", "data: ") + datasetName + "; " + lang.pick("stand van ", "as of ")
                            + ReportPdf.date(date, lang),
                    9.5f,
                    false,
                    0,
                    Color.DARK_GRAY);
            // the status first: a college member must see at once whether this is the decided ranking or a draft
            p.gap(4);
            p.paragraph(
                    lang.pick("Status: ", "Status: ") + r.decision(),
                    11.5f,
                    true,
                    0,
                    r.decided() ? new Color(0x1e, 0x5e, 0x20) : new Color(0x9a, 0x4d, 0x00));
            if (!r.adopted()) {
                p.gap(4);
                p.paragraph(
                        lang.pick(
                                        "Indicatief: de gewichten, schalen en de regel bij gelijke punten zijn niet door"
                                                + " de raad vastgesteld (adopted: false): ",
                                        "Indicative: the weights, scales and the tie rule were not adopted by the council"
                                                + " (adopted: false): ")
                                + r.adoptedNote(),
                        9.5f,
                        true,
                        0,
                        new Color(0x9a, 0x4d, 0x00));
            }
            p.gap(10);
            p.paragraph(lang.pick("Beschikbare plaatsen", "Places available"), 11.5f, true, 0, Color.BLACK);
            float[] px = {
                PdfPages.MARGIN,
                PdfPages.MARGIN + 120,
                PdfPages.MARGIN + 200,
                PdfPages.MARGIN + 300,
                PdfPages.MARGIN + 400
            };
            header(
                    p,
                    px,
                    lang.pick("categorie", "category"),
                    lang.pick("maximum", "cap"),
                    lang.pick("in register", "held"),
                    lang.pick("beschikbaar", "available"),
                    lang.pick("over", "left"));
            for (Places pl : r.places()) {
                p.need(13);
                p.y -= 12;
                p.text(px[0], p.y, pl.category(), 9, false, Color.BLACK);
                p.text(px[1], p.y, String.valueOf(pl.cap()), 9, false, Color.BLACK);
                p.text(px[2], p.y, String.valueOf(pl.held()), 9, false, Color.BLACK);
                p.text(px[3], p.y, String.valueOf(pl.available()), 9, false, Color.BLACK);
                p.text(px[4], p.y, String.valueOf(pl.left()), 9, false, Color.BLACK);
            }
            p.gap(10);
            p.paragraph(lang.pick("Criteria", "Criteria"), 11.5f, true, 0, Color.BLACK);
            for (Criterion c : r.criteria()) {
                p.paragraph(
                        c.name() + " (" + c.id() + "): " + lang.pick("gewicht ", "weight ") + c.weight() + ", "
                                + c.min() + lang.pick(" tot ", " to ") + c.max() + lang.pick(" punten, ", " points, ")
                                + c.paragraph() + (c.adopted() ? "" : lang.pick(" (indicatief)", " (indicative)")),
                        9.5f,
                        false,
                        8,
                        Color.BLACK);
            }
            p.gap(4);
            p.paragraph(
                    lang.pick("Bij gelijke punten: ", "On equal points: ") + r.tieRule(), 9.5f, false, 0, Color.BLACK);
            p.gap(10);
            p.paragraph(lang.pick("Rangschikking", "Ranking"), 11.5f, true, 0, Color.BLACK);
            float[] x = {
                PdfPages.MARGIN,
                PdfPages.MARGIN + 30,
                PdfPages.MARGIN + 200,
                PdfPages.MARGIN + 260,
                PdfPages.MARGIN + 310,
                PdfPages.MARGIN + 370
            };
            header(
                    p,
                    x,
                    "#",
                    lang.pick("initiatief", "initiative"),
                    lang.pick("categorie", "category"),
                    lang.pick("personen", "persons"),
                    lang.pick("punten", "points"),
                    lang.pick("toegewezen", "allocated"));
            if (r.rows().isEmpty())
                p.paragraph(lang.pick("Nog geen aanvragen.", "No applications yet."), 10, false, 0, Color.BLACK);
            for (Row row : r.rows()) {
                p.need(13);
                p.y -= 12;
                p.text(x[0], p.y, String.valueOf(row.rank()), 9, false, Color.BLACK);
                p.text(x[1], p.y, clip(p, row.initiativeId() + " " + row.initiator(), 165), 9, false, Color.BLACK);
                p.text(x[2], p.y, row.category(), 9, false, Color.BLACK);
                p.text(x[3], p.y, String.valueOf(row.persons()), 9, false, Color.BLACK);
                p.text(x[4], p.y, row.total(), 9, true, Color.BLACK);
                p.text(
                        x[5],
                        p.y,
                        row.allocated() ? lang.pick("ja", "yes") : lang.pick("nee", "no"),
                        9,
                        false,
                        Color.BLACK);
            }
            for (Row row : r.rows()) {
                p.gap(10);
                p.need(60);
                p.paragraph(
                        row.rank() + ". " + lang.pick("Initiatief ", "Initiative ") + row.initiativeId() + " ("
                                + row.initiator() + "), " + row.category() + ", " + row.persons()
                                + lang.pick(" personen", " persons") + ": " + row.total()
                                + lang.pick(" punten", " points"),
                        10.5f,
                        true,
                        0,
                        Color.BLACK);
                p.paragraph(
                        lang.pick("Ingediend: ", "Submitted: ") + row.submittedAt() + ". " + row.reason()
                                + (row.tieBrokenBy() == null
                                        ? ""
                                        : lang.pick(
                                                        " Gelijke punten met de vorige; beslist op ",
                                                        " Equal points with the one above; decided on ")
                                                + row.tieBrokenBy() + "."),
                        9.5f,
                        false,
                        8,
                        Color.DARK_GRAY);
                for (Points pt : row.points()) {
                    p.paragraph(
                            pt.criterion() + ": " + pt.points() + " (" + lang.pick("gewogen ", "weighted ")
                                    + pt.weighted() + ")" + (pt.note() == null ? "" : ". " + pt.note()),
                            9.5f,
                            false,
                            16,
                            Color.BLACK);
                }
            }
            p.close();
            ReportPdf.footers(doc, p, lang, inputsHash, date);
            String title =
                    lang.pick("Rangschikking aanvraagronde", "Ranking of the application round") + ", " + r.name();
            ReportPdf.archival(
                    doc,
                    title,
                    "plektoets application round (" + r.paragraph() + "); dataset: " + datasetName + "; fictitious: "
                            + fictitious + "; inputs sha256: " + inputsHash,
                    lang,
                    date,
                    inputsHash);
            return ReportPdf.saved(doc, inputsHash);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the decision rests on, for the hash in the footers: the ranking and its reasons, row by row. */
    private static String inputs(Round r) {
        StringBuilder b = new StringBuilder(r.name())
                .append('|')
                .append(r.opensOn())
                .append('|')
                .append(r.closesOn())
                .append('|')
                .append(r.decision());
        for (Places p : r.places()) b.append('\n').append(p);
        for (Row row : r.rows()) b.append('\n').append(row);
        return b.toString();
    }

    private static String clip(PdfPages p, String s, float width) {
        String out = s;
        while (out.length() > 3 && p.width(out, 9) > width) out = out.substring(0, out.length() - 2);
        return out.equals(s) ? s : out + "…";
    }

    private static void header(PdfPages p, float[] x, String... names) {
        p.need(28);
        p.y -= 12;
        for (int i = 0; i < names.length; i++) p.text(x[i], p.y, names[i], 9, true, Color.BLACK);
        p.line(PdfPages.MARGIN, p.y - 3, PdfPages.MARGIN + PdfPages.TEXT_WIDTH, p.y - 3, 0.4f, Color.GRAY);
    }
}
