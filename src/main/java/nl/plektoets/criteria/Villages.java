package nl.plektoets.criteria;

import java.util.List;
import java.util.Locale;
import nl.plektoets.data.Feature;
import nl.plektoets.data.Role;
import org.locationtech.jts.geom.Geometry;

/**
 * The village (kern: TOP10NL/CBS woonkern or OSM place, role {@code village}) a site belongs to: the one that contains
 * it, else the nearest within a distance (the rural area around a kern counts for it). Shared by {@code spread} and
 * {@code neighbours}, so both name the same village.
 */
public final class Villages {
    private Villages() {}

    /** A village and the site's distance to it (0 inside). */
    public record Found(Feature village, double distanceM) {
        public String name() {
            String n = village.attribute("name");
            return n == null ? "#" + village.id() : n;
        }

        /** The population the village layer states, or -1 when it has none. */
        public long population() {
            return population(village);
        }

        static long population(Feature f) {
            String p = f.attribute("population");
            if (p == null) return -1;
            try {
                long v = Math.round(Double.parseDouble(p.strip().replace(",", "")));
                return v > 0 ? v : -1;
            } catch (NumberFormatException e) {
                return -1;
            }
        }
    }

    /**
     * The village of {@code site}, or null when none lies within {@code maxDistanceM}. Among containing villages the one
     * with a population wins (a TOP10NL woonkern over an OSM place node), then the lowest id (stable answers).
     */
    public static Found of(SpatialLookup lookup, Geometry site, double maxDistanceM) {
        List<SpatialLookup.Hit> hits = lookup.withinDistance(Role.VILLAGE, site, maxDistanceM);
        Found best = null;
        for (SpatialLookup.Hit h : hits) {
            Found f = new Found(h.feature(), h.distanceM());
            if (best == null || better(f, best)) best = f;
        }
        return best;
    }

    private static boolean better(Found a, Found b) {
        // nearest first (0 = inside), then one with a population, then the lowest id
        if (a.distanceM() != b.distanceM()) return a.distanceM() < b.distanceM();
        boolean ap = a.population() > 0, bp = b.population() > 0;
        if (ap != bp) return ap;
        return a.village().id() < b.village().id();
    }

    /** The key villages are grouped by (name, lower case; the feature id when unnamed). */
    static String key(Found f) {
        return f.name().toLowerCase(Locale.ROOT);
    }
}
