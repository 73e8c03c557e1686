package nl.plektoets.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.Color;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.TreeMap;
import nl.plektoets.data.DatasetInfo;
import nl.plektoets.data.Feature;
import nl.plektoets.geo.WorkingCrs;
import nl.plektoets.policy.PolicyProfile;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.AdobePDFSchema;
import org.apache.xmpbox.schema.DublinCoreSchema;
import org.apache.xmpbox.schema.PDFAIdentificationSchema;
import org.apache.xmpbox.schema.XMPBasicSchema;
import org.apache.xmpbox.type.BadFieldValueException;
import org.apache.xmpbox.xml.XmpSerializer;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygonal;

/**
 * The report for the file: one assessment as an archivable PDF/A-2b (fonts embedded, an sRGB output intent, the
 * PDF/A identification in the XMP metadata). Page 1 names the site, the verdict, the date, the data and the policy;
 * page 2 is the map; then every criterion with its status, message, paragraph, obligations and evidence; the
 * requirements the service does not check as a checklist with empty boxes; the data sources with their dates. Every
 * page carries its number and the SHA-256 of the inputs. The same inputs and date give the same bytes (the PDF's
 * ID and dates come from the inputs and the given date, not from the time of writing), so two reports can be
 * compared by their hash.
 */
public final class ReportPdf {
    /** The page the map is on (1-based), and its box on that page in points from the lower left (x, y, w, h). */
    public static final int MAP_PAGE = 2;

    public static final float[] MAP_BOX = {PdfPages.MARGIN, 270, PdfPages.TEXT_WIDTH, 460};

    private static final String PRODUCER = "plektoets (Apache PDFBox 3.0.8)";
    private static final Color GREY = new Color(0x55, 0x55, 0x55);
    private static final Color BANNER = new Color(0xB0, 0x10, 0x10);

    /** A report: the PDF and the SHA-256 of its bytes (kept with an initiative step to compare a later report). */
    public record Report(byte[] pdf, String sha256, String inputsSha256) {}

    private ReportPdf() {}

    public static Report render(ReportInput in) {
        String inputsHash = sha256(in.inputs());
        ReportLanguage lang = in.language();
        boolean fictitious = in.dataset().info().fictitious();
        try (PDDocument doc = new PDDocument()) {
            PdfPages[] holder = new PdfPages[1];
            PdfPages pages = new PdfPages(doc, () -> {
                if (fictitious) banner(holder[0], lang);
            });
            holder[0] = pages;
            WorkingCrs working = Geometries.working(in.dataset());
            Geometry site = Geometries.fromGeoJson(in.assessment().get("site"), in.dataset());
            JsonNode a = in.assessment();

            summary(pages, in, a, site, working);
            pages.newPage();
            map(pages, in, site, working);
            criteria(pages, in, a);
            obligations(pages, lang, a);
            checklist(pages, lang, a);
            sources(pages, in);
            pages.close();
            footers(doc, pages, lang, inputsHash, in.date());
            ReportLanguage lang0 = in.language();
            String title = lang0.pick("Toets huisvesting arbeidsmigranten", "Housing check for labour migrants") + ", "
                    + in.dataset().info().name();
            String description =
                    "plektoets report; dataset: " + in.dataset().info().name() + "; fictitious: "
                            + in.dataset().info().fictitious() + "; inputs sha256: " + inputsHash;
            archival(doc, title, description, lang0, in.date(), inputsHash);
            return saved(doc, inputsHash);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---------------------------------------------------------------- page 1

    private static void summary(PdfPages p, ReportInput in, JsonNode a, Geometry site, WorkingCrs working) {
        ReportLanguage lang = in.language();
        p.paragraph(
                lang.pick(
                        "Toets huisvesting arbeidsmigranten: rapport voor het dossier",
                        "Housing check for labour migrants: report for the file"),
                16,
                true,
                0,
                Color.BLACK);
        p.gap(8);
        String verdict = a.path("verdict").asText();
        p.paragraph(
                lang.pick("Oordeel: ", "Verdict: ") + verdictWords(verdict, lang) + " (" + verdict + ")",
                13,
                true,
                0,
                statusColor(verdict));
        p.paragraph(lang.pick(a.get("verdictExplanation")), 9.5f, false, 0, Color.BLACK);
        p.gap(10);

        List<ReportInput.Row> rows = new ArrayList<>();
        rows.add(new ReportInput.Row(lang.pick("Datum", "Date"), date(in.date(), lang)));
        rows.addAll(in.subject());
        if (site != null) rows.add(new ReportInput.Row(lang.pick("Locatie", "Site"), siteWords(site, working, lang)));
        if (a.hasNonNull("locationClass"))
            rows.add(new ReportInput.Row(
                    lang.pick("Locatieklasse", "Location class"),
                    a.get("locationClass").asText()));
        DatasetInfo info = in.dataset().info();
        rows.add(new ReportInput.Row(
                lang.pick("Gegevens", "Dataset"),
                info.name() + (info.fictitious() ? lang.pick(" (fictief)", " (fictitious)") : "")));
        rows.add(new ReportInput.Row(
                lang.pick("Datum gegevens", "Dataset date"),
                in.datasetDate() == null
                        ? lang.pick("niet vastgelegd", "not recorded")
                        : date(in.datasetDate(), lang)));
        PolicyProfile profile = in.profile();
        rows.add(new ReportInput.Row(lang.pick("Beleidsprofiel", "Policy profile"), profile.title()));
        rows.add(new ReportInput.Row(
                lang.pick("Versie profiel", "Profile version"),
                profile.id()
                        + (profile.source() == null || profile.source().adopted() == null
                                ? ""
                                : lang.pick(", vastgesteld ", ", adopted ")
                                        + profile.source().adopted())));
        rows(p, rows);
        p.gap(10);
        p.paragraph(
                lang.pick(
                        "Dit rapport geeft de uitkomst van de criteria die plektoets toetst, met hun onderbouwing. Het is"
                                + " geen vergunning en geen besluit: de verplichtingen en de eisen die de toets niet"
                                + " nagaat (de checklist achterin), gelden ook.",
                        "This report gives the outcome of the criteria plektoets checks, with their evidence. It is"
                                + " neither a permit nor a decision: the obligations and the requirements the check does"
                                + " not look at (the checklist at the end) apply too."),
                9,
                false,
                0,
                GREY);
    }

    private static void rows(PdfPages p, List<ReportInput.Row> rows) {
        float labelW = 130, size = 9.5f, leading = size * 1.3f;
        for (ReportInput.Row r : rows) {
            List<String> lines = p.wrap(r.value(), size, PdfPages.TEXT_WIDTH - labelW);
            p.need(leading * lines.size());
            p.text(PdfPages.MARGIN, p.y - leading, r.label(), size, true, Color.BLACK);
            for (String line : lines) {
                p.y -= leading;
                p.text(PdfPages.MARGIN + labelW, p.y, line, size, false, Color.BLACK);
            }
        }
    }

    private static String siteWords(Geometry site, WorkingCrs working, ReportLanguage lang) {
        Coordinate c = site.getCentroid().getCoordinate();
        Coordinate ll = working.toLonLat(c.x, c.y);
        String kind = site instanceof Polygonal
                ? lang.pick("vlak van ", "area of ") + Math.round(site.getArea()) + " m²"
                : lang.pick("punt", "point");
        return kind + "; " + String.format(java.util.Locale.ROOT, "x %.1f, y %.1f (%s)", c.x, c.y, working.code())
                + String.format(java.util.Locale.ROOT, "; %.6f° O, %.6f° N", ll.x, ll.y)
                        .replace("O", lang.pick("O", "E"));
    }

    // ---------------------------------------------------------------- page 2: the map

    private static void map(PdfPages p, ReportInput in, Geometry site, WorkingCrs working) {
        ReportLanguage lang = in.language();
        p.paragraph(lang.pick("Kaart", "Map"), 13, true, 0, Color.BLACK);
        if (site == null) {
            p.paragraph(lang.pick("Geen locatie om te tonen.", "No site to show."), 9, false, 0, GREY);
            return;
        }
        ReportMap map = new ReportMap(in, site, MAP_BOX[2], MAP_BOX[3]);
        p.paragraph(
                lang.pick("Schaal ", "Scale ")
                        + ReportMap.scaleText(map.scale(), lang)
                        + lang.pick(" bij afdruk op A4, ", " when printed on A4, ")
                        + working.code()
                        + (working.srid() == 28992 ? " (RD New)" : "")
                        + lang.pick(", noord is rasternoord", ", north is grid north"),
                9,
                false,
                0,
                Color.BLACK);
        p.y = MAP_BOX[1] + MAP_BOX[3];
        map.draw(p, MAP_BOX[0], MAP_BOX[1]);
        p.y = MAP_BOX[1] - 4;
        map.legend(p, lang);
        DatasetInfo info = in.dataset().info();
        p.paragraph(
                lang.pick(
                                "Kaart getekend door plektoets uit de lagen van ",
                                "Map drawn by plektoets from the layers of ")
                        + info.name()
                        + (info.sources().isEmpty() ? "" : " (" + String.join("; ", info.sources()) + ")")
                        + (in.reach().isEmpty()
                                ? ""
                                : lang.pick(
                                        "; bereik over het wegennet uit dezelfde gegevens",
                                        "; reach over the road network of the same data")),
                7.5f,
                false,
                0,
                GREY);
        p.newPage();
    }

    // ---------------------------------------------------------------- criteria

    private static void criteria(PdfPages p, ReportInput in, JsonNode a) {
        ReportLanguage lang = in.language();
        p.paragraph(lang.pick("Criteria", "Criteria"), 13, true, 0, Color.BLACK);
        EvidenceWriter evidence = new EvidenceWriter(p, lang);
        for (JsonNode c : a.path("criteria")) {
            p.need(60);
            p.gap(8);
            String status = c.path("status").asText();
            p.paragraph(
                    c.path("id").asText() + ": " + statusWords(status, lang) + " (" + status + ")",
                    11,
                    true,
                    0,
                    statusColor(status));
            p.paragraph(
                    lang.pick("Paragraaf: ", "Paragraph: ")
                            + c.path("policyRef").asText(),
                    9,
                    false,
                    0,
                    GREY);
            p.paragraph(lang.pick(c.get("message")), 9.5f, false, 0, Color.BLACK);
            for (JsonNode o : c.path("obligations")) {
                p.paragraph(
                        lang.pick("Verplichting ", "Obligation ") + "("
                                + o.path("policyRef").asText() + "): " + lang.pick(o.get("text")),
                        9,
                        false,
                        12,
                        Color.BLACK);
            }
            p.paragraph(lang.pick("Onderbouwing", "Evidence"), 9, true, 0, Color.BLACK);
            evidence.write(c.get("evidence"), 12);
        }
    }

    private static void obligations(PdfPages p, ReportLanguage lang, JsonNode a) {
        JsonNode all = a.path("obligations");
        if (all.isEmpty()) return;
        p.need(40);
        p.gap(12);
        p.paragraph(lang.pick("Alle verplichtingen", "All obligations"), 13, true, 0, Color.BLACK);
        for (JsonNode o : all) {
            p.paragraph(
                    "- " + lang.pick(o.get("text")) + " (" + o.path("policyRef").asText() + "; "
                            + o.path("criterion").asText() + ")",
                    9,
                    false,
                    0,
                    Color.BLACK);
        }
    }

    /** What the service does not check, with a box the planner ticks on paper. */
    private static void checklist(PdfPages p, ReportLanguage lang, JsonNode a) {
        p.need(60);
        p.gap(12);
        p.paragraph(
                lang.pick("Niet getoetst: checklist voor de behandelaar", "Not checked: checklist for the planner"),
                13,
                true,
                0,
                Color.BLACK);
        p.paragraph(
                lang.pick(
                        "Deze eisen uit het beleid gaat de toets niet na; vink af wat is beoordeeld.",
                        "The check does not look at these requirements of the policy; tick what has been assessed."),
                9,
                false,
                0,
                GREY);
        float size = 9.5f, leading = size * 1.3f;
        for (JsonNode r : a.path("notChecked")) {
            String text = lang.pick(r.get("text")) + " (" + r.path("policyRef").asText() + ")";
            List<String> lines = p.wrap(text, size, PdfPages.TEXT_WIDTH - 20);
            p.need(leading * lines.size() + 4);
            p.y -= 4;
            p.box(PdfPages.MARGIN, p.y, 10);
            for (String line : lines) {
                p.y -= leading;
                p.text(PdfPages.MARGIN + 18, p.y, line, size, false, Color.BLACK);
            }
        }
    }

    /** The data behind the answer: the dataset's sources, the files its features come from, the policy document. */
    private static void sources(PdfPages p, ReportInput in) {
        ReportLanguage lang = in.language();
        p.need(60);
        p.gap(12);
        p.paragraph(lang.pick("Bronnen", "Sources"), 13, true, 0, Color.BLACK);
        DatasetInfo info = in.dataset().info();
        String when = in.datasetDate() == null
                ? lang.pick("datum niet vastgelegd", "date not recorded")
                : lang.pick("ingelezen ", "imported ") + date(in.datasetDate(), lang);
        p.paragraph(info.name() + " (" + when + ")", 9.5f, true, 0, Color.BLACK);
        for (String s : info.sources()) p.paragraph("- " + s, 9, false, 8, Color.BLACK);
        Map<String, Integer> perSource = new TreeMap<>();
        for (List<Feature> layer : in.dataset().layers().values())
            for (Feature f : layer)
                if (f.provenance() != null && f.provenance().source() != null)
                    perSource.merge(f.provenance().source(), 1, Integer::sum);
        for (Map.Entry<String, Integer> e : perSource.entrySet())
            p.paragraph(
                    "- " + e.getKey() + ": " + e.getValue() + lang.pick(" objecten", " features"),
                    9,
                    false,
                    8,
                    Color.BLACK);
        PolicyProfile.SourceDocument doc = in.profile().source();
        if (doc != null) {
            p.paragraph(
                    lang.pick("Beleid: ", "Policy: ")
                            + doc.document()
                            + (doc.adopted() == null ? "" : lang.pick(", vastgesteld ", ", adopted ") + doc.adopted())
                            + (doc.publisher() == null ? "" : ", " + doc.publisher()),
                    9,
                    false,
                    0,
                    Color.BLACK);
        }
        p.paragraph(
                lang.pick("Beleidsprofiel ", "Policy profile ") + in.profile().id() + " ("
                        + in.profile().origin() + ")",
                9,
                false,
                0,
                Color.BLACK);
    }

    // ---------------------------------------------------------------- every page

    static void banner(PdfPages p, ReportLanguage lang) {
        String text = lang.pick(
                "FICTIEVE GEGEVENS: demo, geen echte plaats; niet gebruiken voor een besluit",
                "FICTITIOUS DATA: demo, no real place; not for a decision");
        p.fillRect(PdfPages.MARGIN, PdfPages.HEIGHT - 40, PdfPages.TEXT_WIDTH, 18, BANNER);
        p.text(PdfPages.MARGIN + 6, PdfPages.HEIGHT - 34, text, 9.5f, true, Color.WHITE);
    }

    static void footers(PDDocument doc, PdfPages pages, ReportLanguage lang, String inputsHash, Instant date)
            throws IOException {
        int n = pages.pages().size();
        for (int i = 0; i < n; i++) {
            PDPage page = pages.pages().get(i);
            try (PDPageContentStream c =
                    new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.APPEND, true)) {
                c.setStrokingColor(GREY);
                c.setLineWidth(0.4f);
                c.moveTo(PdfPages.MARGIN, 44);
                c.lineTo(PdfPages.WIDTH - PdfPages.MARGIN, 44);
                c.stroke();
                String left = "plektoets, " + date(date, lang);
                String right = lang.pick("pagina ", "page ") + (i + 1) + lang.pick(" van ", " of ") + n;
                footerText(c, pages, PdfPages.MARGIN, 34, left);
                footerText(c, pages, PdfPages.WIDTH - PdfPages.MARGIN - pages.width(right, 7.5f), 34, right);
                footerText(
                        c,
                        pages,
                        PdfPages.MARGIN,
                        24,
                        lang.pick("SHA-256 van de invoer: ", "SHA-256 of the inputs: ") + inputsHash);
            }
        }
    }

    private static void footerText(PDPageContentStream c, PdfPages pages, float x, float y, String s)
            throws IOException {
        c.beginText();
        c.setFont(pages.font, 7.5f);
        c.setNonStrokingColor(GREY);
        c.newLineAtOffset(x, y);
        c.showText(pages.printable(s));
        c.endText();
    }

    // ---------------------------------------------------------------- PDF/A

    /**
     * PDF/A-2b: the identification and the document's description in XMP (matching the information dictionary),
     * an sRGB output intent (the JDK's own sRGB profile), the language, and an ID derived from the inputs.
     */
    static void archival(
            PDDocument doc, String title, String description, ReportLanguage lang, Instant date, String inputsHash)
            throws IOException {
        Calendar when = GregorianCalendar.from(date.atZone(ZoneOffset.UTC));
        when.setTimeZone(TimeZone.getTimeZone("UTC"));
        PDDocumentInformation info = doc.getDocumentInformation();
        info.setTitle(title);
        // machine-readable, as every answer says whether its data is fictitious (the XMP stream is not compressed)
        info.setSubject(description);
        info.setCreator("plektoets");
        info.setProducer(PRODUCER);
        info.setCreationDate(when);
        info.setModificationDate(when);

        XMPMetadata xmp = XMPMetadata.createXMPMetadata();
        try {
            PDFAIdentificationSchema id = xmp.createAndAddPDFAIdentificationSchema();
            id.setPart(2);
            id.setConformance("B");
            DublinCoreSchema dc = xmp.createAndAddDublinCoreSchema();
            dc.setTitle(title);
            dc.addDescription(null, description);
            dc.addCreator("plektoets");
            dc.addLanguage(lang == ReportLanguage.NL ? "nl-NL" : "en-GB");
            XMPBasicSchema basic = xmp.createAndAddXMPBasicSchema();
            basic.setCreatorTool("plektoets");
            basic.setCreateDate(when);
            basic.setModifyDate(when);
            AdobePDFSchema pdf = xmp.createAndAddAdobePDFSchema();
            pdf.setProducer(PRODUCER);
        } catch (BadFieldValueException e) {
            throw new IllegalStateException(e);
        }
        ByteArrayOutputStream xml = new ByteArrayOutputStream();
        try {
            new XmpSerializer().serialize(xmp, xml, true);
        } catch (javax.xml.transform.TransformerException e) {
            throw new IOException("cannot write the XMP metadata", e);
        }
        PDMetadata metadata = new PDMetadata(doc);
        metadata.importXMPMetadata(xml.toByteArray());
        doc.getDocumentCatalog().setMetadata(metadata);
        doc.getDocumentCatalog().setLanguage(lang == ReportLanguage.NL ? "nl-NL" : "en-GB");

        byte[] icc = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
        PDOutputIntent intent = new PDOutputIntent(doc, new ByteArrayInputStream(icc));
        intent.setInfo("sRGB IEC61966-2.1");
        intent.setOutputCondition("sRGB IEC61966-2.1");
        intent.setOutputConditionIdentifier("sRGB IEC61966-2.1");
        intent.setRegistryName("http://www.color.org");
        doc.getDocumentCatalog().addOutputIntent(intent);

        // the file identifier from the inputs and the date, not from the clock of the machine: same report, same bytes
        byte[] fileId = HexFormat.of()
                .parseHex(sha256((inputsHash + "|" + date + "|" + lang.id()).getBytes(StandardCharsets.UTF_8))
                        .substring(0, 32));
        COSArray ids = new COSArray();
        ids.add(new COSString(fileId));
        ids.add(new COSString(fileId));
        doc.getDocument().getTrailer().setItem(COSName.ID, ids);
        doc.getDocument().setVersion(1.7f);
        doc.setVersion(1.7f);
    }

    // ---------------------------------------------------------------- words

    static String statusWords(String status, ReportLanguage lang) {
        return switch (status) {
            case "pass" -> lang.pick("voldoet", "passes");
            case "conditional" -> lang.pick("voorwaardelijk", "conditional");
            case "fail" -> lang.pick("voldoet niet", "fails");
            case "unknown" -> lang.pick("onbekend, gegevens ontbreken", "unknown, data missing");
            case "not_applicable" -> lang.pick("niet van toepassing", "not applicable");
            default -> status;
        };
    }

    static String verdictWords(String verdict, ReportLanguage lang) {
        return switch (verdict) {
            case "allowed" ->
                lang.pick("geen bezwaar in de getoetste criteria", "no objection in the criteria checked");
            case "conditional" -> lang.pick("mogelijk onder voorwaarden", "possible under conditions");
            case "not_allowed" -> lang.pick("niet toegestaan", "not allowed");
            default -> verdict;
        };
    }

    private static Color statusColor(String status) {
        return switch (status) {
            case "pass", "allowed" -> new Color(0x1A, 0x6B, 0x2A);
            case "conditional", "unknown" -> new Color(0x8A, 0x5A, 0x00);
            case "fail", "not_allowed" -> new Color(0xB0, 0x10, 0x10);
            default -> Color.BLACK;
        };
    }

    static String date(Instant t, ReportLanguage lang) {
        return DateTimeFormatter.ofPattern("d MMMM yyyy", lang.locale())
                .withZone(ZoneId.of("Europe/Amsterdam"))
                .format(t);
    }

    /** The finished document's bytes with their SHA-256 (what a register step stores). */
    static Report saved(PDDocument doc, String inputsHash) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        doc.save(out);
        byte[] pdf = out.toByteArray();
        return new Report(pdf, sha256(pdf), inputsHash);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
