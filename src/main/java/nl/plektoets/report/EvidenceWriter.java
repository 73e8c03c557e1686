package nl.plektoets.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.Color;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A criterion's evidence in words, whatever its members: a value becomes "label: value", an object an indented
 * block, a list of values one line, a list of objects a table (sources with their distances, villages, employers,
 * ...). Generic on purpose: a criterion added later (spread, distance_to_work, neighbours, parking_access, ...)
 * appears in the report without a change here. Labels are the member names in words, in Dutch where the name is
 * known; units are read from the name's suffix ({@code M} metres, {@code M2} square metres, {@code Minutes}, ...).
 */
final class EvidenceWriter {
    /** More columns than this do not fit an A4 width: such objects are written as blocks instead. */
    private static final int MAX_COLUMNS = 7;

    private static final float SIZE = 8.5f;
    private static final Color GREY = new Color(0x55, 0x55, 0x55);
    private static final Color HEADER = new Color(0xE4, 0xE8, 0xEE);

    /** Dutch words for the evidence members that occur most; others are written as their name in words. */
    private static final Map<String, String> DUTCH = Map.ofEntries(
            Map.entry("distance", "afstand"),
            Map.entry("distances", "afstanden"),
            Map.entry("source", "bron"),
            Map.entry("sources", "bronnen"),
            Map.entry("feature", "object"),
            Map.entry("feature id", "object-id"),
            Map.entry("role", "laag"),
            Map.entry("name", "naam"),
            Map.entry("description", "beschrijving"),
            Map.entry("category", "categorie"),
            Map.entry("categories", "categorieën"),
            Map.entry("area", "oppervlakte"),
            Map.entry("area type", "omgevingstype"),
            Map.entry("adopted", "vastgesteld"),
            Map.entry("adopted note", "toelichting vaststelling"),
            Map.entry("reason", "reden"),
            Map.entry("status", "status"),
            Map.entry("count", "aantal"),
            Map.entry("persons", "personen"),
            Map.entry("rooms", "kamers"),
            Map.entry("note", "opmerking"),
            Map.entry("missing layer", "ontbrekende laag"),
            Map.entry("missing layers", "ontbrekende lagen"),
            Map.entry("guide distance", "richtafstand"),
            Map.entry("guide distances", "richtafstanden"),
            Map.entry("in range", "binnen bereik"),
            Map.entry("in reach", "bereikbaar"),
            Map.entry("searched within", "gezocht binnen"),
            Map.entry("walking", "lopen"),
            Map.entry("cycling", "fietsen"),
            Map.entry("minutes", "minuten"),
            Map.entry("village", "kern"),
            Map.entry("villages", "kernen"),
            Map.entry("employers", "werkgevers"),
            Map.entry("employer", "werkgever"),
            Map.entry("workers", "werknemers"),
            Map.entry("address", "adres"),
            Map.entry("addresses", "adressen"),
            Map.entry("dwellings", "woningen"),
            Map.entry("street", "straat"),
            Map.entry("town", "plaats"),
            Map.entry("limit", "limiet"),
            Map.entry("method", "methode"),
            Map.entry("value", "waarde"),
            Map.entry("form", "woonvorm"),
            Map.entry("stay", "verblijfsduur"),
            Map.entry("parking spaces", "parkeerplaatsen"),
            Map.entry("required", "vereist"),
            Map.entry("radius", "straal"),
            Map.entry("population", "inwoners"),
            Map.entry("location class", "locatieklasse"),
            Map.entry("access", "ontsluiting"),
            Map.entry("outcome", "uitkomst"),
            Map.entry("rule", "regel"),
            Map.entry("rules", "regels"));

    private final PdfPages pages;
    private final ReportLanguage lang;
    private final NumberFormat numbers;

    EvidenceWriter(PdfPages pages, ReportLanguage lang) {
        this.pages = pages;
        this.lang = lang;
        this.numbers = NumberFormat.getNumberInstance(lang.locale());
        numbers.setMaximumFractionDigits(2);
    }

    /** The members of {@code evidence} below the cursor, indented by {@code indent} points. */
    void write(JsonNode evidence, float indent) {
        if (evidence == null || !evidence.isObject() || evidence.isEmpty()) {
            pages.paragraph(lang.pick("(geen onderbouwing)", "(no evidence)"), SIZE, false, indent, GREY);
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = evidence.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            member(e.getKey(), e.getValue(), indent);
        }
    }

    private void member(String key, JsonNode v, float indent) {
        String label = label(key);
        if (isGeometry(v)) {
            pages.paragraph(
                    label + ": " + lang.pick("geometrie (", "geometry (")
                            + v.get("type").asText() + lang.pick("), op de kaart", "), on the map"),
                    SIZE,
                    false,
                    indent,
                    Color.BLACK);
        } else if (isMessage(v)) {
            pages.paragraph(label + ": " + lang.pick(v), SIZE, false, indent, Color.BLACK);
        } else if (v.isObject()) {
            if (v.isEmpty()) {
                pages.paragraph(label + ": -", SIZE, false, indent, Color.BLACK);
                return;
            }
            pages.paragraph(label + ":", SIZE, true, indent, Color.BLACK);
            write(v, indent + 12);
        } else if (v.isArray()) {
            array(key, label, v, indent);
        } else {
            pages.paragraph(label + ": " + scalar(key, v), SIZE, false, indent, Color.BLACK);
        }
    }

    private void array(String key, String label, JsonNode a, float indent) {
        if (a.isEmpty()) {
            pages.paragraph(label + ": " + lang.pick("geen", "none"), SIZE, false, indent, Color.BLACK);
            return;
        }
        boolean allScalar = true, allObjects = true;
        for (JsonNode n : a) {
            allScalar &= n.isValueNode();
            allObjects &= n.isObject() && !isGeometry(n) && !isMessage(n);
        }
        if (allScalar) {
            List<String> vs = new ArrayList<>();
            for (JsonNode n : a) vs.add(scalar(key, n));
            pages.paragraph(label + ": " + String.join(", ", vs), SIZE, false, indent, Color.BLACK);
            return;
        }
        Set<String> columns = new LinkedHashSet<>();
        boolean flat = allObjects;
        if (allObjects) {
            for (JsonNode n : a) {
                for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    columns.add(e.getKey());
                    if (!e.getValue().isValueNode() && !isMessage(e.getValue())) flat = false;
                }
            }
        }
        pages.paragraph(label + " (" + a.size() + "):", SIZE, true, indent, Color.BLACK);
        if (flat && columns.size() <= MAX_COLUMNS) {
            table(new ArrayList<>(columns), a, indent + 12);
            return;
        }
        int i = 1;
        for (JsonNode n : a) {
            if (n.isObject() && !isGeometry(n) && !isMessage(n)) {
                pages.paragraph(i + ".", SIZE, true, indent + 12, Color.BLACK);
                write(n, indent + 24);
            } else {
                member(Integer.toString(i), n, indent + 12);
            }
            i++;
        }
    }

    /** A table: a shaded header row of labels, then one row per object; cells wrap, a row never splits a page. */
    private void table(List<String> columns, JsonNode rows, float indent) {
        float width = PdfPages.TEXT_WIDTH - indent;
        float[] widths = columnWidths(columns, rows, width);
        float leading = SIZE * 1.25f;
        List<List<String>> header = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) header.add(pages.wrap(label(columns.get(c)), SIZE, widths[c] - 4));
        row(header, widths, indent, leading, true);
        for (JsonNode r : rows) {
            List<List<String>> cells = new ArrayList<>();
            for (int c = 0; c < columns.size(); c++) {
                JsonNode v = r.get(columns.get(c));
                String text = v == null || v.isNull() ? "-" : isMessage(v) ? lang.pick(v) : scalar(columns.get(c), v);
                cells.add(pages.wrap(text, SIZE, widths[c] - 4));
            }
            if (!row(cells, widths, indent, leading, false)) row(header, widths, indent, leading, true);
        }
        pages.gap(3);
    }

    /** Writes one row; false when it had to start a new page first (the caller repeats the header after it). */
    private boolean row(List<List<String>> cells, float[] widths, float indent, float leading, boolean header) {
        int lines = 1;
        for (List<String> c : cells) lines = Math.max(lines, c.size());
        float h = lines * leading + 2;
        int before = pages.pages().size();
        pages.need(h);
        boolean samePage = pages.pages().size() == before;
        if (!samePage && !header) {
            // a new page: this row's header first, then the row
            return false;
        }
        float x = PdfPages.MARGIN + indent;
        float top = pages.y;
        float total = 0;
        for (float w : widths) total += w;
        if (header) pages.fillRect(x, top - h, total, h, HEADER);
        for (int c = 0; c < cells.size(); c++) {
            float ly = top - SIZE - 1;
            for (String line : cells.get(c)) {
                pages.text(x + 2, ly, line, SIZE, header, Color.BLACK);
                ly -= leading;
            }
            x += widths[c];
        }
        pages.line(PdfPages.MARGIN + indent, top - h, PdfPages.MARGIN + indent + total, top - h, 0.3f, GREY);
        pages.y = top - h;
        return true;
    }

    /** Widths in proportion to the longest text of each column (at most 3x another), filling {@code width}. */
    private float[] columnWidths(List<String> columns, JsonNode rows, float width) {
        float[] w = new float[columns.size()];
        for (int c = 0; c < w.length; c++) {
            float longest = pages.width(label(columns.get(c)), SIZE);
            for (JsonNode r : rows) {
                JsonNode v = r.get(columns.get(c));
                if (v != null)
                    longest = Math.max(
                            longest, pages.width(isMessage(v) ? lang.pick(v) : scalar(columns.get(c), v), SIZE));
            }
            w[c] = Math.max(30, Math.min(longest + 6, 200));
        }
        float sum = 0;
        for (float x : w) sum += x;
        for (int c = 0; c < w.length; c++) w[c] = w[c] / sum * width;
        return w;
    }

    /** A value in words: yes/no, numbers in the report's locale with the unit the member's name gives. */
    String scalar(String key, JsonNode v) {
        if (v == null || v.isNull()) return "-";
        if (v.isBoolean()) return v.asBoolean() ? lang.pick("ja", "yes") : lang.pick("nee", "no");
        if (v.isNumber()) {
            double d = v.asDouble();
            String unit = unit(key);
            return (Double.isFinite(d) ? numbers.format(d) : lang.pick("onbeperkt", "unbounded"))
                    + (unit.isEmpty() ? "" : " " + unit);
        }
        return v.asText();
    }

    private static String unit(String key) {
        if (key.endsWith("M2")) return "m²";
        if (key.endsWith("Km")) return "km";
        if (key.endsWith("M") && key.length() > 1 && Character.isLowerCase(key.charAt(key.length() - 2))) return "m";
        if (key.endsWith("Minutes")) return "min";
        if (key.endsWith("Seconds")) return "s";
        if (key.endsWith("Kmh")) return "km/h";
        if (key.endsWith("Lden")) return "dB";
        return "";
    }

    /** "distanceToEdgeM" -> "distance to edge" (Dutch where the words are known), units left to the value. */
    String label(String key) {
        String base = key;
        for (String suffix : new String[] {"M2", "Km", "Kmh", "Minutes", "M", "Lden"}) {
            if (base.endsWith(suffix)
                    && base.length() > suffix.length()
                    && Character.isLowerCase(base.charAt(base.length() - suffix.length() - 1))) {
                if (!suffix.equals("Minutes") && !suffix.equals("Lden"))
                    base = base.substring(0, base.length() - suffix.length());
                break;
            }
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < base.length(); i++) {
            char ch = base.charAt(i);
            if (Character.isUpperCase(ch) && i > 0) b.append(' ');
            b.append(ch == '_' ? ' ' : Character.toLowerCase(ch));
        }
        String words = b.toString();
        if (lang == ReportLanguage.NL) words = DUTCH.getOrDefault(words, words);
        return words.isEmpty() ? key : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    static boolean isGeometry(JsonNode v) {
        return v != null && v.isObject() && v.has("type") && (v.has("coordinates") || v.has("geometries"));
    }

    static boolean isMessage(JsonNode v) {
        return v != null && v.isObject() && v.size() == 2 && v.has("nl") && v.has("en");
    }
}
