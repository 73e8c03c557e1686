package nl.plektoets.criteria;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import nl.plektoets.data.Feature;
import nl.plektoets.data.Role;
import nl.plektoets.policy.PolicyProfile;
import nl.plektoets.policy.SettlementPolicy.Neighbours;
import org.locationtech.jts.geom.Geometry;

/**
 * §5.1.4 (the communication and participation plan: "hoe de initiatiefnemer de buurt informeert en betrekt") and
 * Bijlage 3 (a management plan "in samenwerking met omwonenden"): who lives around the site. The effect area is the
 * profile's {@code neighbours.radius_m}, or the largest environmental guide distance that applies to the site, at
 * least {@code min_radius_m}; the answer counts the addresses in it by use ({@code dwelling=yes|no|assumed} as the BAG
 * import sets it, and the BAG gebruiksdoel), and names the village and its council. Counts only: the addresses
 * themselves are for planners ({@link #addresses}, the CSV download). A pass with the two obligations; unknown without
 * an address layer.
 */
public final class NeighboursCriterion implements Criterion {
    public static final String ID = "neighbours";

    /** The effect area and how its radius was chosen. */
    public record EffectArea(Geometry area, double radiusM, String radiusFrom) {}

    @Override
    public String id() {
        return ID;
    }

    /** The effect area of a request: the profile's radius, or the largest applying guide distance (at least the minimum). */
    public static EffectArea effectArea(CriterionInput in) {
        return effectArea(in, null);
    }

    /** The environmental sources indexed once per lookup, for the effect area of every answer. */
    private final ZoningSources.Holder sources = new ZoningSources.Holder(Map.of());

    /**
     * {@code sources}: the source layer per lookup ({@link ZoningSources}), or null to read the sources near the site
     * from the lookup (one effect area asked alone).
     */
    private static EffectArea effectArea(CriterionInput in, ZoningSources.Holder sources) {
        Neighbours nb = in.profile().settlement().neighbours();
        Geometry site = in.request().site();
        if (nb.radiusM() != null) return new EffectArea(circle(site, nb.radiusM()), nb.radiusM(), "profile");
        double guide = 0;
        var zoning = in.profile().environment().zoning();
        if (zoning != null && zoning.enabled() && in.lookup().hasData(Role.ENVIRONMENTAL_SOURCE)) {
            guide = sources != null
                    ? EnvironmentalZoningCriterion.largestApplyingGuideM(in, sources)
                    : EnvironmentalZoningCriterion.largestApplyingGuideM(in);
        }
        double radius = Math.max(nb.minRadiusM(), guide);
        String from = guide > nb.minRadiusM() ? "environmental_guide_distance" : "minimum";
        return new EffectArea(circle(site, radius), radius, from);
    }

    /** Segments per quarter circle of the effect area, as JTS's buffer draws it. */
    private static final int QUADRANT_SEGMENTS = 16;

    /** The buffer of the origin per radius (a handful: the profile's minimum and the guide distances). */
    private static final java.util.concurrent.ConcurrentMap<Double, Geometry> CIRCLES =
            new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * {@code site.buffer(radius, 16)}: for a point, the buffer of the origin moved to the point. JTS draws a point's
     * buffer as the points {@code x + r cos a, y + r sin a}, so adding the point to the origin's ({@code 0 + r cos a})
     * gives the same doubles, in the same order, without noding and polygon building per request (the largest part
     * of this criterion). {@code NeighboursCircleTest} compares the two. A polygon site is buffered as before.
     */
    static Geometry circle(Geometry site, double radius) {
        if (!(site instanceof org.locationtech.jts.geom.Point p) || p.isEmpty() || !(radius > 0))
            return site.buffer(radius, QUADRANT_SEGMENTS);
        var factory = site.getFactory();
        if (factory.getPrecisionModel().getType() != org.locationtech.jts.geom.PrecisionModel.FLOATING)
            return site.buffer(radius, QUADRANT_SEGMENTS);
        Geometry origin = CIRCLES.computeIfAbsent(
                radius,
                r -> factory.createPoint(new org.locationtech.jts.geom.Coordinate(0, 0))
                        .buffer(r, QUADRANT_SEGMENTS));
        if (!(origin instanceof org.locationtech.jts.geom.Polygon shape) || shape.getNumInteriorRing() != 0)
            return site.buffer(radius, QUADRANT_SEGMENTS);
        org.locationtech.jts.geom.CoordinateSequence ring =
                shape.getExteriorRing().getCoordinateSequence();
        double x = p.getX(), y = p.getY();
        org.locationtech.jts.geom.Coordinate[] moved = new org.locationtech.jts.geom.Coordinate[ring.size()];
        for (int i = 0; i < moved.length; i++)
            moved[i] = new org.locationtech.jts.geom.Coordinate(x + ring.getX(i), y + ring.getY(i));
        // the sequence the default factory makes of plain Coordinates (dimension 3, no measures), without its scan of
        // every coordinate to find that out
        if (factory.getCoordinateSequenceFactory()
                == org.locationtech.jts.geom.impl.CoordinateArraySequenceFactory.instance())
            return factory.createPolygon(
                    factory.createLinearRing(new org.locationtech.jts.geom.impl.CoordinateArraySequence(moved, 3, 0)));
        return factory.createPolygon(moved);
    }

    /** The addresses in the effect area, nearest first (for planners: the CSV download). */
    public static List<SpatialLookup.Hit> addresses(CriterionInput in, EffectArea area) {
        return in.lookup().withinDistance(Role.ADDRESS, in.request().site(), area.radiusM());
    }

    /** "yes", "no", "assumed" (as data.bag sets them) or "unknown" (no mark and no use, e.g. an OSM address). */
    public static String dwelling(Feature f) {
        String mark = f.attribute("dwelling");
        if (mark != null) return mark;
        String use = f.attribute("use");
        if (use == null) return "unknown";
        String u = use.toLowerCase(Locale.ROOT);
        return u.contains("woonfunctie") || OSM_RESIDENTIAL.contains(u) ? "yes" : "no";
    }

    /**
     * OSM building values that are dwellings (an OSM address's {@code use}); the same list as the street model's
     * ({@code roomrental.StreetModel}), which criteria may not import.
     */
    private static final Set<String> OSM_RESIDENTIAL = Set.of(
            "yes",
            "house",
            "residential",
            "apartments",
            "detached",
            "semidetached_house",
            "terrace",
            "bungalow",
            "farm",
            "dormitory",
            "houseboat",
            "static_caravan");

    @Override
    public CriterionResult evaluate(CriterionInput in) {
        PolicyProfile p = in.profile();
        Neighbours nb = p.settlement().neighbours();
        String ref = nb.paragraph();
        // the status depends only on whether there is an address layer: a batch row asks no count, effect area or
        // village (the dearest part of an assessment over a dense town)
        if (in.statusOnly()) return statusOnly(in, ref);
        Map<String, Object> ev = new LinkedHashMap<>();
        EffectArea area = effectArea(in, sources);
        ev.put("radiusM", Evidence.round(area.radiusM()));
        ev.put("radiusFrom", area.radiusFrom());
        ev.put("effectArea", area.area());
        Villages.Found v = in.lookup().hasData(Role.VILLAGE)
                ? Villages.of(
                        in.lookup(),
                        in.request().site(),
                        p.settlement().spread() != null
                                ? p.settlement().spread().villageMaxDistanceM()
                                : 10 * area.radiusM())
                : null;
        String council = v == null ? null : nb.council(v.name());
        if (v != null) {
            Map<String, Object> village = new LinkedHashMap<>();
            village.put("name", v.name());
            village.put("featureId", v.village().id());
            village.put("distanceM", Evidence.round(v.distanceM()));
            ev.put("village", village);
        }
        if (council != null) {
            ev.put("villageCouncil", council);
            ev.put("villageCouncilSource", nb.councilsSource());
            ev.put("villageCouncilAdopted", nb.councilsAdopted());
            if (!nb.councilsAdopted()) ev.put("villageCouncilNote", nb.councilsAdoptedNote());
        }
        List<Obligation> obligations = List.of(
                new Obligation(
                        "participation_plan",
                        refs(ref).first(),
                        new Message(
                                "Een communicatie- en participatieplan: hoe de omwonenden in het effectgebied"
                                        + (council != null ? " en " + council : "")
                                        + " worden geïnformeerd en betrokken.",
                                "A communication and participation plan: how the neighbours in the effect area"
                                        + (council != null ? " and " + council : "") + " are informed and involved.")),
                new Obligation(
                        "management_plan_neighbours",
                        refs(ref).second(),
                        new Message(
                                "Een beheerplan, opgesteld in samenwerking met de omwonenden.",
                                "A management plan, drawn up together with the neighbours.")));
        if (!in.lookup().hasData(Role.ADDRESS)) {
            ev.put("missingLayer", Role.ADDRESS.id());
            return new CriterionResult(
                    ID,
                    Status.UNKNOWN,
                    ref,
                    new Message(
                            "De dataset bevat geen adressen; de omwonenden binnen " + fmt(area.radiusM())
                                    + " m zijn niet te tellen (" + ref + "). Importeer de BAG.",
                            "The dataset has no addresses; the neighbours within " + fmt(area.radiusM())
                                    + " m cannot be counted (" + ref + "). Import the BAG."),
                    ev,
                    obligations);
        }
        Counts counted = count(in, area);
        Map<String, Integer> byDwelling = counted.byDwelling();
        Map<String, Integer> byUse = counted.byUse();
        int addresses = counted.addresses();
        ev.put("addresses", addresses);
        ev.put("byDwelling", byDwelling);
        if (!byUse.isEmpty()) ev.put("byUse", byUse);
        int dwellings = byDwelling.get("yes") + byDwelling.get("assumed");
        String villageNl = v == null ? "" : " Kern: " + v.name() + (council != null ? " (" + council + ")" : "") + ".";
        String villageEn =
                v == null ? "" : " Village: " + v.name() + (council != null ? " (" + council + ")" : "") + ".";
        return new CriterionResult(
                ID,
                Status.PASS,
                ref,
                new Message(
                        addresses + " adressen binnen " + fmt(area.radiusM()) + " m, waarvan " + dwellings
                                + " woningen." + villageNl + " Betrek hen bij het communicatie- en participatieplan en"
                                + " het beheerplan (" + ref + ").",
                        addresses + " addresses within " + fmt(area.radiusM()) + " m, of which " + dwellings
                                + " dwellings." + villageEn + " Involve them in the communication and participation"
                                + " plan and the management plan (" + ref + ")."),
                ev,
                obligations);
    }

    /** The addresses in the effect area: how many, by dwelling mark (yes, no, assumed, unknown) and by use. */
    private record Counts(int addresses, Map<String, Integer> byDwelling, Map<String, Integer> byUse) {}

    /**
     * The address index of the last lookup asked (one per served dataset): built on the first full answer, so a batch
     * asking statuses only never builds it.
     */
    private record Indexed(SpatialLookup lookup, NeighbourAddresses index) {}

    private volatile Indexed indexed;

    private NeighbourAddresses index(SpatialLookup lookup) {
        Indexed i = indexed;
        if (i != null && i.lookup() == lookup) return i.index();
        synchronized (this) {
            i = indexed;
            if (i == null || i.lookup() != lookup) {
                i = new Indexed(lookup, NeighbourAddresses.of(lookup));
                indexed = i;
            }
            return i.index();
        }
    }

    /**
     * Counts the addresses within the effect area's radius. A point site is counted on the address index; a polygon
     * site, an address layer with areas, or a dwelling mark outside the four (whose place among the counts follows
     * the order of the addresses) take the addresses from the lookup one by one, as {@link #addresses} lists them.
     */
    private Counts count(CriterionInput in, EffectArea area) {
        Geometry site = in.request().site();
        // at least the spatial index's 1 cm boundary tolerance: then its search box is the point grown by the radius
        if (site instanceof org.locationtech.jts.geom.Point p && !p.isEmpty() && area.radiusM() >= 0.01) {
            NeighbourAddresses index = index(in.lookup());
            if (index != null) {
                int[] counts = index.countWithin(p.getX(), p.getY(), area.radiusM());
                if (!index.hasOtherMark(counts)) {
                    int total = 0;
                    for (int c : counts) total += c;
                    return new Counts(total, index.byDwelling(counts), index.byUse(counts));
                }
            }
        }
        Map<String, Integer> byDwelling = new LinkedHashMap<>();
        for (String k : NeighbourAddresses.DWELLING) byDwelling.put(k, 0);
        Map<String, Integer> byUse = new TreeMap<>();
        List<SpatialLookup.Hit> hits = addresses(in, area);
        for (SpatialLookup.Hit h : hits) {
            byDwelling.merge(dwelling(h.feature()), 1, Integer::sum);
            String use = h.feature().attribute("use");
            if (use != null) {
                for (String u : use.split(",")) byUse.merge(u.strip(), 1, Integer::sum);
            }
        }
        return new Counts(hits.size(), byDwelling, byUse);
    }

    private static CriterionResult statusOnly(CriterionInput in, String ref) {
        boolean addresses = in.lookup().hasData(Role.ADDRESS);
        return new CriterionResult(
                ID,
                addresses ? Status.PASS : Status.UNKNOWN,
                ref,
                new Message(
                        "Omwonenden niet geteld: alleen de status gevraagd (" + ref + ").",
                        "Neighbours not counted: only the status was asked (" + ref + ")."),
                addresses ? Map.of() : Map.of("missingLayer", Role.ADDRESS.id()));
    }

    /** The obligations' references of the profile's citation, split once (the citation is the profile's). */
    private record Refs(String refs, String first, String second) {}

    private volatile Refs refs;

    private Refs refs(String ref) {
        Refs r = refs;
        if (r == null || !r.refs().equals(ref)) {
            r = new Refs(ref, nthRef(ref, 0), nthRef(ref, 1));
            refs = r;
        }
        return r;
    }

    /** The i-th of "§5.1.4, Bijlage 3" (the whole citation when it has fewer parts). */
    private static String nthRef(String refs, int i) {
        String[] parts = refs.split(",");
        return parts.length > i ? parts[i].strip() : refs;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }
}
