package nl.plektoets.criteria;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import nl.plektoets.data.Feature;
import nl.plektoets.data.Role;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * Which buildings house livestock, read from the layers the criteria see. Today that is the {@code building} role
 * with OSM's {@code building=cowshed|stable|pigsty|sty|poultry_house}, or {@code farm_auxiliary|barn} with a
 * {@code livestock} or {@code animal} tag. The parallel {@code environmental_source} role (VNG categories) will also
 * name livestock farms; this lookup is the one place to add it, so the odour criterion stays the same.
 */
final class LivestockBuildings {
    private static final Set<String> LIVESTOCK = Set.of("cowshed", "stable", "pigsty", "sty", "poultry_house");
    private static final Set<String> WITH_TAG = Set.of("farm_auxiliary", "barn");
    // whether a dataset has any livestock building at all, once per lookup (a scan of every building is too slow
    // to repeat per assessment); weak keys so a reloaded dataset's lookup is dropped with it
    private static final Map<SpatialLookup, Boolean> ANY = new WeakHashMap<>();

    private LivestockBuildings() {
    }

    static boolean isLivestock(Feature f) {
        String b = f.attribute("building");
        if (b == null) return false;
        if (LIVESTOCK.contains(b)) return true;
        return WITH_TAG.contains(b) && (f.attribute("livestock") != null || f.attribute("animal") != null);
    }

    /** Livestock buildings within {@code distanceM} of the site, nearest first. */
    static List<SpatialLookup.Hit> near(SpatialLookup lookup, Geometry site, double distanceM) {
        List<SpatialLookup.Hit> out = new ArrayList<>();
        for (SpatialLookup.Hit h : lookup.withinDistance(Role.BUILDING, site, distanceM)) {
            if (isLivestock(h.feature())) out.add(h);
        }
        return out;
    }

    /** Whether the dataset has any livestock building (else the fixed distances cannot be applied). */
    static boolean any(SpatialLookup lookup) {
        synchronized (ANY) {
            Boolean known = ANY.get(lookup);
            if (known != null) return known;
        }
        boolean found = false;
        if (lookup.hasData(Role.BUILDING)) {
            Envelope all = new Envelope(-1e12, 1e12, -1e12, 1e12);
            for (Feature f : lookup.inEnvelope(Role.BUILDING, all)) {
                if (isLivestock(f)) {
                    found = true;
                    break;
                }
            }
        }
        synchronized (ANY) {
            ANY.put(lookup, found);
        }
        return found;
    }
}
