package nl.plektoets.criteria;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.plektoets.data.Feature;
import nl.plektoets.data.Role;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

/**
 * Whether the employer's erf a request tells ({@code employerErf}: picked from the layer or drawn on the map) is an
 * erf of the layers the profile counts as an erf ({@code locations.class_layers}, issue 18). A told erf is never
 * taken at its word: it <b>matches</b> a layer erf when their outlines coincide within {@link #MATCH_SHARE} /
 * {@link #MATCH_BAND_M}, and then the site is judged against the layer's erf; otherwise the data cannot confirm it and
 * a planner has to (the condition answers conditional, never pass).
 *
 * <p>Outlines are compared with their holes filled: the BGT's ground partition cuts the farm buildings out of the
 * erf (Otterlo's 193 erven have 1,111 holes), and an erf drawn by hand goes around them. The candidates come from
 * an envelope query over the erf layers ({@link SpatialLookup#inEnvelope}); each costs one intersection overlay, and
 * the told erf's area and vertices are bounded by the request checks, so the work follows the told polygon.
 */
public final class EmployerErfMatch {
    /**
     * A hand-drawn erf coincides with a layer erf when the symmetric difference of their outlines is at most this
     * share of the layer erf's area. A geometric matching tolerance, not a policy value: an outline clicked at the
     * check page's street zoom (about 0.3 m per pixel) strays a few pixels, 1-2 m, from every edge, which on a polder
     * erf of 1-2 ha (a perimeter of 400-600 m) is 400-1,200 m², 4-10% of its area, on each side of the line. Below
     * one half the matched erf is unique (two disjoint erven cannot both be within it), and because the site is then
     * judged against the layer's erf, not the drawing, a loose tolerance can never pass a site off that erf.
     */
    public static final double MATCH_SHARE = 0.15;

    /**
     * ... or at most this many metres times the layer erf's perimeter, whichever is larger: an outline that lies
     * within d of the layer's everywhere differs from it by at most d times the perimeter. 1 m covers what an erf
     * picked from the layer goes through on its way back: the API's 1 cm coordinates and the check page's RD New
     * conversion (rd.js, within 0.5 m), so a picked erf always matches itself, however small.
     */
    public static final double MATCH_BAND_M = 1.0;

    /** The overlaps the evidence lists, largest first; the told erf's bounded area keeps them few anyway. */
    static final int MAX_OVERLAPS = 10;

    /** How the told erf and the layers compare. */
    public enum Result {
        /** No employerErf in the request. */
        NOT_TOLD("not_told"),
        /** None of the erf layers has data: the told erf cannot be checked. */
        NO_ERF_LAYER("no_erf_layer"),
        /** The told erf is an erf of the layers (within the tolerance); the site is judged against the layer's. */
        MATCH("match"),
        /** The told erf is no erf of the layers: the data cannot confirm it. */
        NO_MATCH("no_match");

        private final String id;

        Result(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    /** A layer erf the told erf's outline covers, and by how much (m², outlines). */
    public record Overlap(Feature erf, double areaM2) {}

    private final Result result;
    private final Geometry told;
    private final List<Role> layers;
    private final double toldAreaM2;
    private final Feature matched;
    private final double symmetricDifferenceM2;
    private final double toleranceM2;
    private final List<Overlap> overlaps;

    private EmployerErfMatch(
            Result result,
            Geometry told,
            List<Role> layers,
            double toldAreaM2,
            Feature matched,
            double symmetricDifferenceM2,
            double toleranceM2,
            List<Overlap> overlaps) {
        this.result = result;
        this.told = told;
        this.layers = List.copyOf(layers);
        this.toldAreaM2 = toldAreaM2;
        this.matched = matched;
        this.symmetricDifferenceM2 = symmetricDifferenceM2;
        this.toleranceM2 = toleranceM2;
        this.overlaps = List.copyOf(overlaps);
    }

    /** Nothing told: the condition stays unknown with the profile's text. */
    public static final EmployerErfMatch NOT_TOLD =
            new EmployerErfMatch(Result.NOT_TOLD, null, List.of(), 0, null, Double.NaN, Double.NaN, List.of());

    /**
     * Compares the told erf (working CRS; null: not told) with the features of the erf layers.
     *
     * @param erfRoles the layers the profile counts as an erf ({@code locations.class_layers})
     */
    public static EmployerErfMatch of(Geometry told, List<Role> erfRoles, SpatialLookup lookup) {
        if (told == null) return NOT_TOLD;
        if (erfRoles.stream().noneMatch(lookup::hasData))
            return new EmployerErfMatch(
                    Result.NO_ERF_LAYER, told, erfRoles, told.getArea(), null, Double.NaN, Double.NaN, List.of());
        Geometry toldOutline = outline(told);
        double toldArea = toldOutline.getArea();
        List<Overlap> overlaps = new ArrayList<>();
        Feature best = null;
        double bestSymDiff = Double.POSITIVE_INFINITY, bestTolerance = Double.NaN;
        // the nearest miss, for the evidence of a no-match: the erf the told one overlaps most
        for (Role role : erfRoles) {
            for (Feature f : lookup.inEnvelope(role, told.getEnvelopeInternal())) {
                Geometry erf = outline(f.geometry());
                double inter = OverlayNGRobust.overlay(toldOutline, erf, OverlayNG.INTERSECTION)
                        .getArea();
                if (inter <= 0) continue;
                overlaps.add(new Overlap(f, inter));
                // |A xor B| = |A| + |B| - 2 |A and B|: no second overlay
                double symDiff = Math.max(0, toldArea + erf.getArea() - 2 * inter);
                double tolerance = tolerance(erf);
                if (symDiff <= tolerance && symDiff < bestSymDiff) {
                    best = f;
                    bestSymDiff = symDiff;
                    bestTolerance = tolerance;
                }
            }
        }
        overlaps.sort(Comparator.comparingDouble(Overlap::areaM2)
                .reversed()
                .thenComparingLong(o -> o.erf().id()));
        if (best != null)
            return new EmployerErfMatch(
                    Result.MATCH, told, erfRoles, toldArea, best, bestSymDiff, bestTolerance, overlaps);
        double symDiff = Double.NaN, tolerance = Double.NaN;
        if (!overlaps.isEmpty()) {
            Geometry most = outline(overlaps.get(0).erf().geometry());
            symDiff =
                    Math.max(0, toldArea + most.getArea() - 2 * overlaps.get(0).areaM2());
            tolerance = tolerance(most);
        }
        return new EmployerErfMatch(Result.NO_MATCH, told, erfRoles, toldArea, null, symDiff, tolerance, overlaps);
    }

    /** The larger of the share of the erf's area and the band along its perimeter (outline, holes filled). */
    static double tolerance(Geometry erfOutline) {
        return Math.max(MATCH_SHARE * erfOutline.getArea(), MATCH_BAND_M * erfOutline.getLength());
    }

    /** The polygon(s) with their holes filled; the parts of a valid multipolygon never overlap, their shells may. */
    static Geometry outline(Geometry g) {
        GeometryFactory gf = g.getFactory();
        if (g instanceof Polygon p) return p.getNumInteriorRing() == 0 ? p : gf.createPolygon(p.getExteriorRing());
        List<Geometry> shells = new ArrayList<>(g.getNumGeometries());
        for (int i = 0; i < g.getNumGeometries(); i++)
            if (g.getGeometryN(i) instanceof Polygon p) shells.add(gf.createPolygon(p.getExteriorRing()));
        return shells.size() == 1 ? shells.get(0) : OverlayNGRobust.union(shells);
    }

    public Result result() {
        return result;
    }

    /** The layer erf the told one matched; null unless {@link Result#MATCH}. */
    public Feature matched() {
        return matched;
    }

    public List<Overlap> overlaps() {
        return overlaps;
    }

    /**
     * The erf the site is judged against: the layer's on a match (the data's outline, not the drawing), the told
     * one otherwise; null when not told.
     */
    public Geometry judged() {
        return result == Result.MATCH ? matched.geometry() : told;
    }

    /**
     * {result, layers, toldAreaM2, erf? (the matched feature: layer, feature id, source), symmetricDifferenceM2?,
     * toleranceM2?, overlaps [{feature, overlapM2, shareOfToldErf}], overlapsTotal, matching (the rule, said to be
     * this service's geometric tolerance)}; for the answer's {@code employerErf} evidence.
     */
    public Map<String, Object> evidence() {
        Map<String, Object> ev = new LinkedHashMap<>();
        ev.put("result", result.id());
        if (result == Result.NOT_TOLD) return ev;
        ev.put("layers", layers.stream().map(Evidence::id).toList());
        ev.put("toldAreaM2", Evidence.round(toldAreaM2));
        if (result == Result.NO_ERF_LAYER) {
            ev.put("checked", false);
            return ev;
        }
        if (matched != null) ev.put("erf", Evidence.feature(matched, 0));
        if (!Double.isNaN(symmetricDifferenceM2)) {
            // of the matched erf, or on a no-match of the erf the told one overlaps most
            ev.put("symmetricDifferenceM2", Evidence.round(symmetricDifferenceM2));
            ev.put("toleranceM2", Evidence.round(toleranceM2));
        }
        List<Map<String, Object>> list = new ArrayList<>();
        for (Overlap o : overlaps.subList(0, Math.min(MAX_OVERLAPS, overlaps.size()))) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("feature", Evidence.feature(o.erf(), 0));
            m.put("overlapM2", Evidence.round(o.areaM2()));
            m.put("shareOfToldErf", toldAreaM2 > 0 ? Math.round(1000 * o.areaM2() / toldAreaM2) / 1000.0 : 0.0);
            list.add(m);
        }
        ev.put("overlaps", list);
        ev.put("overlapsTotal", overlaps.size());
        ev.put(
                "matching",
                String.format(
                        Locale.ROOT,
                        "the told erf matches an erf of the layers when their outlines (holes filled) differ by at"
                                + " most %.0f%% of the layer erf's area or %.0f m times its perimeter, whichever is"
                                + " larger; a geometric matching tolerance of this service, not a policy value",
                        100 * MATCH_SHARE,
                        MATCH_BAND_M));
        return ev;
    }

    /**
     * What was found when the told erf is no erf of the layers: which erven it covers and by how much (or none), in
     * Dutch and English, without the conclusion.
     */
    public Message found() {
        String layersNl = String.join(", ", layers.stream().map(Role::nl).toList());
        String layersEn = String.join(", ", layers.stream().map(Role::en).toList());
        StringBuilder nl = new StringBuilder("Het opgegeven erf is geen erf uit de gegevens (lagen " + layersNl)
                .append("): het valt met geen daarvan samen binnen de meettolerantie van deze dienst; ");
        StringBuilder en = new StringBuilder("The erf given is not an erf of the data (layers " + layersEn)
                .append("): it coincides with none of them within this service's matching tolerance; ");
        if (overlaps.isEmpty()) {
            nl.append("het bedekt geen enkel erf van die lagen.");
            en.append("it covers no erf of those layers at all.");
        } else {
            int shown = Math.min(3, overlaps.size());
            for (int i = 0; i < shown; i++) {
                Overlap o = overlaps.get(i);
                String sep = i == 0 ? "het bedekt " : i == shown - 1 ? " en " : ", ";
                String sepEn = i == 0 ? "it covers " : i == shown - 1 ? " and " : ", ";
                nl.append(sep)
                        .append(m2(o.areaM2(), true))
                        .append(" m² van erf ")
                        .append(name(o.erf()));
                en.append(sepEn)
                        .append(m2(o.areaM2(), false))
                        .append(" m² of erf ")
                        .append(name(o.erf()));
            }
            if (overlaps.size() > shown) {
                nl.append(" en ").append(overlaps.size() - shown).append(" andere erven");
                en.append(" and ").append(overlaps.size() - shown).append(" other erven");
            }
            nl.append('.');
            en.append('.');
        }
        return new Message(nl.toString(), en.toString());
    }

    /** The told erf is no erf of the layers, the site lies on it: a planner verifies (conditional). */
    public Message unconfirmed() {
        Message f = found();
        return new Message(
                f.nl() + " Of het terrein op het eigen erf van het bedrijf ligt, is uit de gegevens niet te bevestigen;"
                        + " een planner beoordeelt dat.",
                f.en() + " Whether the site lies on the business's own erf cannot be confirmed from the data; a"
                        + " planner verifies it.");
    }

    /** The data has no erf layer: the told erf was not checked (unknown). */
    public Message notChecked() {
        String layersNl = String.join(" of ", layers.stream().map(Role::nl).toList());
        String layersEn = String.join(" or ", layers.stream().map(Role::en).toList());
        return new Message(
                "Het opgegeven erf kon niet aan de BGT of een andere erflaag worden getoetst: de gegevens hebben geen "
                        + layersNl + "; een planner beoordeelt of het terrein op het eigen erf van het bedrijf ligt.",
                "The erf given could not be checked against the BGT or another erf layer: the data has no " + layersEn
                        + "; a planner verifies whether the site lies on the business's own erf.");
    }

    /** The BGT id where the source gives one (e.g. G0171.0001...), else the feature id. */
    private static String name(Feature f) {
        if (f.provenance() != null && f.provenance().sourceId() != null)
            return f.provenance().sourceId() + " (" + Evidence.id(f.role()) + ", "
                    + f.provenance().source() + ")";
        return "#" + f.id() + " (" + Evidence.id(f.role()) + ")";
    }

    private static String m2(double v, boolean dutch) {
        String s = String.format(Locale.ROOT, "%,d", Math.round(v));
        return dutch ? s.replace(',', '.') : s;
    }
}
