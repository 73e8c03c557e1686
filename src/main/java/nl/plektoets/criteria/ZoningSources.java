package nl.plektoets.criteria;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.plektoets.data.EnvironmentalCategory;
import nl.plektoets.data.Feature;
import nl.plektoets.data.Role;
import nl.plektoets.policy.EnvironmentPolicy.Zoning;
import nl.plektoets.request.AreaType;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * The environmental source layer as {@link EnvironmentalZoningCriterion} and {@link NeighboursCriterion}'s effect area
 * read it around a site, made once per lookup and zoning rules: each source's category and aspect distances parsed
 * once (a source lies within the largest guide distance of thousands of addresses), its guide distance per area type,
 * the largest guide distance and the evidence's table of guide distances per area type, and the layer indexed by each
 * source's own reach ({@link SpatialLookup#reach}: its guide distance, or the largest for a source without a
 * category), so a site measures its distance only to the sources that can matter, not to every source within 1,500 m.
 *
 * <p>{@link #near} gives exactly the hits of {@code withinDistance(ENVIRONMENTAL_SOURCE, site, largestM(area))} that
 * the criteria do not skip by their distance alone: a categorised source within its guide distance (at most, so the
 * criteria's own {@code <} still decides) and an uncategorised one within the largest, nearest first.
 * Immutable; safe for concurrent use.
 */
final class ZoningSources {
    /** A source's attributes as read once and its guide distance in each area type. */
    record Kept(EnvironmentalZoningCriterion.Source source, double[] guideM) {
        double guideM(AreaType area) {
            return guideM[area.ordinal()];
        }
    }

    /**
     * The layer of the lookup last asked, made on the first answer that needs it (one lookup per served dataset: a
     * reload's new lookup replaces it); one per criterion.
     */
    static final class Holder {
        private final Map<Feature, EnvironmentalZoningCriterion.Source> parsed;
        private volatile ZoningSources last;

        /** {@code parsed}: sources the criterion already read (by identity). */
        Holder(Map<Feature, EnvironmentalZoningCriterion.Source> parsed) {
            this.parsed = parsed;
        }

        ZoningSources get(SpatialLookup lookup, Zoning z) {
            ZoningSources s = last;
            if (s != null && s.isFor(lookup, z)) return s;
            synchronized (this) {
                s = last;
                if (s == null || !s.isFor(lookup, z)) {
                    s = of(lookup, z, parsed);
                    last = s;
                }
                return s;
            }
        }
    }

    private final SpatialLookup lookup;
    private final Zoning zoning;
    private final Map<Feature, Kept> kept;
    private final SpatialLookup.Reach[] reach;
    private final double[] largestM;
    private final List<Map<String, Object>> guides;

    private ZoningSources(
            SpatialLookup lookup,
            Zoning zoning,
            Map<Feature, Kept> kept,
            SpatialLookup.Reach[] reach,
            double[] largestM,
            List<Map<String, Object>> guides) {
        this.lookup = lookup;
        this.zoning = zoning;
        this.kept = kept;
        this.reach = reach;
        this.largestM = largestM;
        this.guides = guides;
    }

    /**
     * The layer of this lookup under these zoning rules; {@code parsed}: sources already read (by identity), the
     * others are read here.
     */
    static ZoningSources of(SpatialLookup lookup, Zoning z, Map<Feature, EnvironmentalZoningCriterion.Source> parsed) {
        AreaType[] areas = AreaType.values();
        double[] largest = new double[areas.length];
        List<Map<String, Object>> guides = new java.util.ArrayList<>(areas.length);
        for (AreaType area : areas) {
            largest[area.ordinal()] = z.largestM(area);
            Map<String, Object> guide = new LinkedHashMap<>();
            for (EnvironmentalCategory c : EnvironmentalCategory.values()) guide.put(c.id(), z.guideDistanceM(c, area));
            guides.add(Collections.unmodifiableMap(guide));
        }
        Map<Feature, Kept> kept = new IdentityHashMap<>();
        Envelope all = new Envelope(-Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, Double.MAX_VALUE);
        for (Feature f : lookup.inEnvelope(Role.ENVIRONMENTAL_SOURCE, all)) {
            EnvironmentalZoningCriterion.Source s = parsed.get(f);
            kept.put(f, keep(s != null ? s : EnvironmentalZoningCriterion.Source.of(f), z));
        }
        SpatialLookup.Reach[] reach = new SpatialLookup.Reach[areas.length];
        for (AreaType area : areas) {
            int a = area.ordinal();
            reach[a] = lookup.reach(Role.ENVIRONMENTAL_SOURCE, f -> {
                Kept k = kept.get(f);
                if (k == null) return Double.POSITIVE_INFINITY; // not read: measured for every site, as before
                return k.source().category() == null ? largest[a] : k.guideM()[a];
            });
        }
        return new ZoningSources(lookup, z, kept, reach, largest, List.copyOf(guides));
    }

    /** Whether this was made for this lookup and these rules (both per served state, compared by identity). */
    boolean isFor(SpatialLookup lookup, Zoning z) {
        return this.lookup == lookup && this.zoning == z;
    }

    /** {@code zoning.largestM(area)}, worked out once. */
    double largestM(AreaType area) {
        return largestM[area.ordinal()];
    }

    /** The evidence's {@code guideDistancesM} (category id to guide distance) of the area type: unmodifiable. */
    Map<String, Object> guideDistances(AreaType area) {
        return guides.get(area.ordinal());
    }

    private static Kept keep(EnvironmentalZoningCriterion.Source s, Zoning z) {
        double[] g = new double[AreaType.values().length];
        // a source without a category has no guide distance (never asked); its reach is the largest
        if (s.category() != null) for (AreaType area : AreaType.values()) g[area.ordinal()] = s.guideDistanceM(area, z);
        return new Kept(s, g);
    }

    /** What was read of a source (one of {@link #near}'s hits; every one is, a feature of another layer is read now). */
    Kept kept(Feature f) {
        Kept k = kept.get(f);
        return k != null ? k : keep(EnvironmentalZoningCriterion.Source.of(f), zoning);
    }

    /**
     * The sources within the largest guide distance that can matter to the site: see the class comment. Nearest first,
     * then by feature id.
     */
    List<SpatialLookup.Hit> near(Geometry site, AreaType area) {
        return reach[area.ordinal()].within(site, largestM[area.ordinal()]);
    }

    /**
     * {@link EnvironmentalZoningCriterion#largestApplyingGuideM}: the largest guide distance of the categorised sources
     * that lie within it (0 when none does).
     */
    double largestApplyingGuideM(Geometry site, AreaType area) {
        double largest = 0;
        for (SpatialLookup.Hit h : near(site, area)) {
            Kept k = kept(h.feature());
            if (k.source().category() == null) continue;
            double g = k.guideM(area);
            if (h.distanceM() < g) largest = Math.max(largest, g);
        }
        return largest;
    }
}
