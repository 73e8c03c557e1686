package nl.plektoets.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.plektoets.data.Dataset;
import nl.plektoets.data.Feature;
import nl.plektoets.data.Role;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * The report's map, drawn with PDF vector operators from the layers (no browser, no tiles): the site, the features
 * the criteria name as deciding, environmental sources with their guide-distance zones, the effect area and the
 * walking and cycling reach, over a background of the land-use layers, roads, water and buildings. A fixed scale
 * from a list of round ones (1:1.000 .. 1:250.000) for A4 print, with scale bar, north arrow (grid north of the
 * working CRS), legend and attribution.
 */
final class ReportMap {
    private static final int[] SCALES = {1000, 2500, 5000, 10000, 25000, 50000, 100000, 250000};
    private static final float POINTS_PER_MM = 72f / 25.4f;
    /** How far beyond the site the map looks at least, so the surroundings are visible. */
    private static final double MIN_SURROUNDINGS_M = 150;
    /** Deciding features and effect areas further than this stay off the map (the scale would lose the site). */
    private static final double MAX_EXTENT_M = 3000;

    /** A layer as drawn and as the legend shows it. */
    enum Style {
        BUILT_UP("bebouwde kom", "built-up area", new Color(0xF3, 0xEC, 0xDC), null, 0, false),
        BUSINESS_PARK(
                "bedrijventerrein",
                "business park",
                new Color(0xE8, 0xDC, 0xF0),
                new Color(0xA0, 0x80, 0xB8),
                0.5f,
                false),
        RECREATION(
                "recreatieterrein",
                "recreation zone",
                new Color(0xD8, 0xEE, 0xD0),
                new Color(0x80, 0xB0, 0x70),
                0.5f,
                false),
        AGRICULTURAL(
                "agrarisch bouwvlak",
                "agricultural plot",
                new Color(0xF6, 0xF2, 0xC8),
                new Color(0xC0, 0xB0, 0x50),
                0.5f,
                false),
        WATER("water", "water", new Color(0xBF, 0xDB, 0xF0), null, 0, false),
        ROAD("weg", "road", null, new Color(0x9A, 0x9A, 0x9A), 0.9f, false),
        BUILDING("gebouw", "building", new Color(0xD0, 0xD0, 0xD0), new Color(0xA8, 0xA8, 0xA8), 0.2f, false),
        SAFETY(
                "aandachtsgebied externe veiligheid",
                "external safety area",
                null,
                new Color(0xD0, 0x40, 0x40),
                0.6f,
                true),
        ODOUR("geurcontour", "odour contour", null, new Color(0x80, 0x60, 0x20), 0.6f, true),
        ZONE(
                "richtafstand milieubron",
                "guide-distance zone",
                new Color(0xFF, 0xEC, 0xD8),
                new Color(0xE0, 0x80, 0x20),
                0.8f,
                true),
        SOURCE(
                "milieubelastend bedrijf",
                "environmental source",
                new Color(0xF5, 0xB0, 0x70),
                new Color(0xC0, 0x60, 0x10),
                0.6f,
                false),
        EFFECT("invloedsgebied", "effect area", null, new Color(0x20, 0x60, 0xC0), 1.2f, true),
        WALK("bereik lopen", "walking reach", null, new Color(0x20, 0x90, 0x40), 1.2f, false),
        CYCLE("bereik fietsen", "cycling reach", null, new Color(0x10, 0x70, 0xB0), 1.2f, false),
        DECIDING("bepalend object", "deciding feature", null, new Color(0xC0, 0x00, 0x80), 1.6f, false),
        SITE("locatie", "site", new Color(0xE0, 0x20, 0x20), new Color(0x80, 0x00, 0x00), 1.2f, false);
        final String nl, en;
        final Color fill, stroke;
        final float width;
        final boolean dashed;

        Style(String nl, String en, Color fill, Color stroke, float width, boolean dashed) {
            this.nl = nl;
            this.en = en;
            this.fill = fill;
            this.stroke = stroke;
            this.width = width;
            this.dashed = dashed;
        }
    }

    private final ReportInput input;
    private final Geometry site;
    private final Envelope ground;
    private final int scale;
    private final float boxW, boxH;
    private final Set<Style> used = new java.util.TreeSet<>();
    private final List<Geometry> deciding = new ArrayList<>();
    private final List<Geometry> zones = new ArrayList<>();
    private final List<Geometry> effect = new ArrayList<>();

    /**
     * @param site the site in the working CRS
     * @param boxW the map's width on paper in points
     * @param boxH its height
     */
    ReportMap(ReportInput input, Geometry site, float boxW, float boxH) {
        this.input = input;
        this.site = site;
        this.boxW = boxW;
        this.boxH = boxH;
        collectEvidence(input.assessment().path("criteria"), input.dataset());
        Envelope want = new Envelope(site.getEnvelopeInternal());
        want.expandBy(MIN_SURROUNDINGS_M);
        Envelope limit = new Envelope(site.getEnvelopeInternal());
        limit.expandBy(MAX_EXTENT_M);
        for (Geometry g : deciding) include(want, limit, g.getEnvelopeInternal());
        for (Geometry g : effect) include(want, limit, g.getEnvelopeInternal());
        this.scale = scaleFor(want, boxW, boxH);
        double metresPerPoint = scale / 1000.0 / POINTS_PER_MM;
        Coordinate c = want.centre();
        double halfW = boxW * metresPerPoint / 2, halfH = boxH * metresPerPoint / 2;
        this.ground = new Envelope(c.x - halfW, c.x + halfW, c.y - halfH, c.y + halfH);
    }

    private static void include(Envelope want, Envelope limit, Envelope e) {
        Envelope clipped = e.intersection(limit);
        if (!clipped.isNull()) want.expandToInclude(clipped);
    }

    /** The smallest round scale at which {@code want} fits the box. */
    static int scaleFor(Envelope want, float boxW, float boxH) {
        for (int s : SCALES) {
            double metresPerPoint = s / 1000.0 / POINTS_PER_MM;
            if (want.getWidth() <= boxW * metresPerPoint && want.getHeight() <= boxH * metresPerPoint) return s;
        }
        return SCALES[SCALES.length - 1];
    }

    int scale() {
        return scale;
    }

    Envelope ground() {
        return ground;
    }

    /**
     * The features the evidence names ({@code featureId}), each environmental source's zone ({@code guideDistanceM}
     * around its outline), the effect area (a {@code radiusM} around the site in the {@code neighbours} evidence, or
     * any evidence member that is a geometry) — found by walking the evidence, so a new criterion's features are on
     * the map without a change here.
     */
    private void collectEvidence(JsonNode criteria, Dataset dataset) {
        Map<Long, Double> ids = new LinkedHashMap<>();
        for (JsonNode c : criteria) {
            JsonNode ev = c.path("evidence");
            walk(ev, ids);
            if ("neighbours".equals(c.path("id").asText())) {
                JsonNode r = ev.get("radiusM");
                if (r == null) r = ev.get("effectAreaRadiusM");
                if (r != null && r.isNumber() && r.asDouble() > 0) effect.add(site.buffer(r.asDouble(), 32));
            }
        }
        if (ids.isEmpty()) return;
        for (List<Feature> layer : dataset.layers().values()) {
            for (Feature f : layer) {
                Double guide = ids.get(f.id());
                if (guide == null) continue;
                deciding.add(f.geometry());
                if (guide > 0 && f.role() == Role.ENVIRONMENTAL_SOURCE)
                    zones.add(f.geometry().buffer(guide, 16));
            }
        }
    }

    private void walk(JsonNode n, Map<Long, Double> ids) {
        if (n == null) return;
        if (n.isObject()) {
            if (EvidenceWriter.isGeometry(n)) {
                Geometry g = Geometries.fromGeoJson(n, input.dataset());
                if (g != null) effect.add(g);
                return;
            }
            JsonNode id = n.get("featureId");
            if (id != null && id.canConvertToLong()) {
                JsonNode guide = n.get("guideDistanceM");
                ids.merge(id.asLong(), guide != null && guide.isNumber() ? guide.asDouble() : 0.0, Math::max);
            }
            for (Iterator<JsonNode> it = n.elements(); it.hasNext(); ) walk(it.next(), ids);
        } else if (n.isArray()) {
            for (JsonNode x : n) walk(x, ids);
        }
    }

    /** Draws the map with its lower-left corner at (x, y), and the scale bar, north arrow and frame on it. */
    void draw(PdfPages pages, float x, float y) {
        PDPageContentStream c = pages.content();
        try {
            c.saveGraphicsState();
            c.addRect(x, y, boxW, boxH);
            c.clip();
            pages.fillRect(x, y, boxW, boxH, Color.WHITE);
            Map<Role, Style> background = new LinkedHashMap<>();
            background.put(Role.BUILT_UP_AREA, Style.BUILT_UP);
            background.put(Role.AGRICULTURAL_PLOT, Style.AGRICULTURAL);
            background.put(Role.RECREATION_ZONE, Style.RECREATION);
            background.put(Role.BUSINESS_PARK, Style.BUSINESS_PARK);
            background.put(Role.WATER, Style.WATER);
            for (Geometry z : zones) shape(c, z, Style.ZONE, x, y);
            for (Map.Entry<Role, Style> e : background.entrySet()) layer(c, e.getKey(), e.getValue(), x, y);
            layer(c, Role.ROAD, Style.ROAD, x, y);
            layer(c, Role.BUILDING, Style.BUILDING, x, y);
            layer(c, Role.ODOUR_CONTOUR, Style.ODOUR, x, y);
            layer(c, Role.EXTERNAL_SAFETY_AREA, Style.SAFETY, x, y);
            layer(c, Role.ENVIRONMENTAL_SOURCE, Style.SOURCE, x, y);
            for (Geometry z : zones) outline(c, z, Style.ZONE, x, y);
            for (Geometry g : effect) outline(c, g, Style.EFFECT, x, y);
            for (ReportInput.ReachArea r : input.reach())
                outline(c, r.area(), r.cycling() ? Style.CYCLE : Style.WALK, x, y);
            for (Geometry g : deciding) outline(c, g, Style.DECIDING, x, y);
            shape(c, site, Style.SITE, x, y);
            c.restoreGraphicsState();
            c.setLineDashPattern(new float[0], 0);
            c.setStrokingColor(Color.BLACK);
            c.setLineWidth(0.8f);
            c.addRect(x, y, boxW, boxH);
            c.stroke();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        scaleBar(pages, x + 8, y + 8);
        northArrow(pages, x + boxW - 24, y + boxH - 40);
    }

    private void layer(PDPageContentStream c, Role role, Style style, float x, float y) throws IOException {
        for (Feature f : input.dataset().layer(role)) {
            if (!f.geometry().getEnvelopeInternal().intersects(ground)) continue;
            shape(c, f.geometry(), style, x, y);
        }
    }

    private void shape(PDPageContentStream c, Geometry g, Style s, float x, float y) throws IOException {
        if (!g.getEnvelopeInternal().intersects(ground)) return;
        used.add(s);
        if (g instanceof Point p) {
            float px = px(p.getX(), x), py = py(p.getY(), y);
            float r = s == Style.SITE ? 5 : 2.5f;
            c.setLineDashPattern(new float[0], 0);
            if (s.fill != null) c.setNonStrokingColor(s.fill);
            c.setStrokingColor(s.stroke == null ? Color.BLACK : s.stroke);
            c.setLineWidth(Math.max(0.5f, s.width));
            circle(c, px, py, r);
            if (s.fill != null) c.fillAndStroke();
            else c.stroke();
            return;
        }
        boolean areal = g.getDimension() == 2;
        if (areal && s.fill != null) {
            c.setNonStrokingColor(s.fill);
            path(c, g, x, y);
            c.fillEvenOdd();
        }
        if (s.stroke != null && (s.width > 0)) outline(c, g, s, x, y);
    }

    private void outline(PDPageContentStream c, Geometry g, Style s, float x, float y) throws IOException {
        if (!g.getEnvelopeInternal().intersects(ground)) return;
        used.add(s);
        if (g instanceof Point p) {
            c.setLineDashPattern(new float[0], 0);
            c.setStrokingColor(s.stroke);
            c.setLineWidth(s.width);
            circle(c, px(p.getX(), x), py(p.getY(), y), 4);
            c.stroke();
            return;
        }
        c.setStrokingColor(s.stroke);
        c.setLineWidth(s.width);
        c.setLineDashPattern(s.dashed ? new float[] {4, 2} : new float[0], 0);
        path(c, g, x, y);
        c.stroke();
        c.setLineDashPattern(new float[0], 0);
    }

    private void path(PDPageContentStream c, Geometry g, float x, float y) throws IOException {
        for (int i = 0; i < g.getNumGeometries(); i++) {
            Geometry part = g.getGeometryN(i);
            if (part instanceof Polygon poly) {
                ring(c, poly.getExteriorRing().getCoordinates(), x, y, true);
                for (int h = 0; h < poly.getNumInteriorRing(); h++)
                    ring(c, poly.getInteriorRingN(h).getCoordinates(), x, y, true);
            } else if (part instanceof LineString l) {
                ring(c, l.getCoordinates(), x, y, false);
            } else if (part instanceof Point p) {
                circle(c, px(p.getX(), x), py(p.getY(), y), 2);
            } else if (part.getNumGeometries() > 1) {
                path(c, part, x, y);
            }
        }
    }

    private void ring(PDPageContentStream c, Coordinate[] cs, float x, float y, boolean close) throws IOException {
        if (cs.length < 2) return;
        c.moveTo(px(cs[0].x, x), py(cs[0].y, y));
        for (int i = 1; i < cs.length; i++) c.lineTo(px(cs[i].x, x), py(cs[i].y, y));
        if (close) c.closePath();
    }

    /** A circle of four Bézier curves. */
    private static void circle(PDPageContentStream c, float cx, float cy, float r) throws IOException {
        float k = 0.552284749831f * r;
        c.moveTo(cx + r, cy);
        c.curveTo(cx + r, cy + k, cx + k, cy + r, cx, cy + r);
        c.curveTo(cx - k, cy + r, cx - r, cy + k, cx - r, cy);
        c.curveTo(cx - r, cy - k, cx - k, cy - r, cx, cy - r);
        c.curveTo(cx + k, cy - r, cx + r, cy - k, cx + r, cy);
        c.closePath();
    }

    private float px(double gx, float x) {
        return (float) (x + (gx - ground.getMinX()) / ground.getWidth() * boxW);
    }

    private float py(double gy, float y) {
        return (float) (y + (gy - ground.getMinY()) / ground.getHeight() * boxH);
    }

    /** A bar of a round length near a quarter of the map's width, in four black and white parts. */
    private void scaleBar(PdfPages pages, float x, float y) {
        double quarter = ground.getWidth() / 4;
        double length = 1;
        for (double candidate : new double[] {10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 2500, 5000, 10000}) {
            if (candidate <= quarter) length = candidate;
        }
        float barW = (float) (length / ground.getWidth() * boxW);
        pages.fillRect(x - 3, y - 3, barW + 40, 22, Color.WHITE);
        for (int i = 0; i < 4; i++)
            pages.fillRect(x + i * barW / 4, y, barW / 4, 4, i % 2 == 0 ? Color.BLACK : Color.WHITE);
        try {
            PDPageContentStream c = pages.content();
            c.setStrokingColor(Color.BLACK);
            c.setLineWidth(0.5f);
            c.addRect(x, y, barW, 4);
            c.stroke();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String label = length >= 1000 ? trim(length / 1000) + " km" : trim(length) + " m";
        pages.text(x, y + 7, "0", 7, false, Color.BLACK);
        pages.text(x + barW - pages.width(label, 7) / 2, y + 7, label, 7, false, Color.BLACK);
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    private void northArrow(PdfPages pages, float x, float y) {
        try {
            PDPageContentStream c = pages.content();
            pages.fillRect(x - 9, y - 4, 18, 36, Color.WHITE);
            c.setNonStrokingColor(Color.BLACK);
            c.moveTo(x, y + 22);
            c.lineTo(x - 6, y);
            c.lineTo(x, y + 5);
            c.lineTo(x + 6, y);
            c.closePath();
            c.fill();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        pages.text(x - pages.width("N", 9) / 2, y + 24, "N", 9, true, Color.BLACK);
    }

    /** The legend: the styles drawn, in drawing order, in rows below the map. */
    void legend(PdfPages pages, ReportLanguage lang) {
        float size = 8;
        float x = PdfPages.MARGIN;
        float col = PdfPages.TEXT_WIDTH / 3;
        int i = 0;
        pages.need(14);
        pages.y -= 12;
        for (Style s : used) {
            if (i > 0 && i % 3 == 0) {
                pages.need(12);
                pages.y -= 12;
            }
            float cx = x + (i % 3) * col;
            swatch(pages, s, cx, pages.y);
            pages.text(cx + 18, pages.y, lang.pick(s.nl, s.en), size, false, Color.BLACK);
            i++;
        }
        pages.y -= 4;
    }

    private void swatch(PdfPages pages, Style s, float x, float y) {
        try {
            PDPageContentStream c = pages.content();
            if (s.fill != null) {
                c.setNonStrokingColor(s.fill);
                c.addRect(x, y - 1, 12, 8);
                c.fill();
            }
            if (s.stroke != null) {
                c.setStrokingColor(s.stroke);
                c.setLineWidth(Math.max(0.6f, s.width));
                c.setLineDashPattern(s.dashed ? new float[] {3, 1.5f} : new float[0], 0);
                if (s == Style.ROAD) {
                    c.moveTo(x, y + 3);
                    c.lineTo(x + 12, y + 3);
                } else {
                    c.addRect(x, y - 1, 12, 8);
                }
                c.stroke();
                c.setLineDashPattern(new float[0], 0);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "1:5.000" / "1:5,000". */
    static String scaleText(int scale, ReportLanguage lang) {
        return "1:" + NumberFormat.getIntegerInstance(lang.locale()).format(scale);
    }
}
