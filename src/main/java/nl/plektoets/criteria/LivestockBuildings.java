package nl.plektoets.criteria;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import nl.plektoets.data.Feature;
import nl.plektoets.data.Role;
import nl.plektoets.data.VngActivities;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * Which buildings house livestock, read from the layers the criteria see: the {@code building} role with OSM's
 * {@code building=cowshed|stable|pigsty|sty|poultry_house}, or {@code farm_auxiliary|barn} with a {@code livestock} or
 * {@code animal} tag; and the {@code environmental_source} role's livestock farms (the VNG rows of SBI 014x, by
 * activity or SBI code), so the odour criterion and environmental_zoning see the same farms. A farm in both roles
 * (OSM's stable is also an environmental source) counts once.
 */
final class LivestockBuildings {
    private static final Set<String> LIVESTOCK = Set.of("cowshed", "stable", "pigsty", "sty", "poultry_house");
    private static final Set<String> WITH_TAG = Set.of("farm_auxiliary", "barn");
    /** The livestock rows of the shipped VNG table (environment/vng-categories.yaml), all SBI 014x. */
    private static final Set<String> LIVESTOCK_ACTIVITIES =
            Set.of("cattle_farm", "horse_farm", "sheep_goat_farm", "pig_farm", "poultry_farm", "livestock_building");
    // whether a dataset has any livestock building at all, once per lookup (a scan of every building is too slow
    // to repeat per assessment); weak keys so a reloaded dataset's lookup is dropped with it
    private static final Map<SpatialLookup, Boolean> ANY = new WeakHashMap<>();

    private LivestockBuildings() {}

    static boolean isLivestock(Feature f) {
        String b = f.attribute("building");
        if (b == null) return false;
        if (LIVESTOCK.contains(b)) return true;
        return WITH_TAG.contains(b) && (f.attribute("livestock") != null || f.attribute("animal") != null);
    }

    /** An environmental source that is a livestock farm: a VNG livestock activity, or an SBI code 014x. */
    static boolean isLivestockSource(Feature f) {
        String activity = f.attribute(VngActivities.ACTIVITY);
        if (activity != null && LIVESTOCK_ACTIVITIES.contains(activity.trim())) return true;
        String sbi = f.attribute(VngActivities.SBI);
        return sbi != null && sbi.trim().startsWith("014");
    }

    /** Livestock buildings and livestock sources within {@code distanceM} of the site, nearest first. */
    static List<SpatialLookup.Hit> near(SpatialLookup lookup, Geometry site, double distanceM) {
        List<SpatialLookup.Hit> out = new ArrayList<>();
        for (SpatialLookup.Hit h : lookup.withinDistance(Role.BUILDING, site, distanceM)) {
            if (isLivestock(h.feature())) out.add(h);
        }
        if (lookup.hasData(Role.ENVIRONMENTAL_SOURCE)) {
            List<SpatialLookup.Hit> buildings = List.copyOf(out);
            for (SpatialLookup.Hit h : lookup.withinDistance(Role.ENVIRONMENTAL_SOURCE, site, distanceM)) {
                if (isLivestockSource(h.feature()) && !sameAsAny(h.feature(), buildings)) out.add(h);
            }
            out.sort(Comparator.comparingDouble(SpatialLookup.Hit::distanceM));
        }
        return out;
    }

    // the same farm from OSM in both roles has the same outline
    private static boolean sameAsAny(Feature source, List<SpatialLookup.Hit> buildings) {
        for (SpatialLookup.Hit b : buildings) {
            if (b.feature().geometry().equalsExact(source.geometry())) return true;
        }
        return false;
    }

    /** Whether the dataset has any livestock building or source (else the fixed distances cannot be applied). */
    static boolean any(SpatialLookup lookup) {
        synchronized (ANY) {
            Boolean known = ANY.get(lookup);
            if (known != null) return known;
        }
        Envelope all = new Envelope(-1e12, 1e12, -1e12, 1e12);
        boolean found = false;
        if (lookup.hasData(Role.BUILDING)) {
            for (Feature f : lookup.inEnvelope(Role.BUILDING, all)) {
                if (isLivestock(f)) {
                    found = true;
                    break;
                }
            }
        }
        if (!found && lookup.hasData(Role.ENVIRONMENTAL_SOURCE)) {
            for (Feature f : lookup.inEnvelope(Role.ENVIRONMENTAL_SOURCE, all)) {
                if (isLivestockSource(f)) {
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
