package nl.plektoets.criteria;

import java.util.Map;
import nl.plektoets.data.Feature;
import nl.plektoets.policy.ReachSettings;
import nl.plektoets.policy.TravelMode;
import org.locationtech.jts.geom.Geometry;

/**
 * What {@code facility_reach} (Bijlage 1) needs of the walking and cycling networks, as {@link SpatialLookup} is what
 * the other criteria need of the layers. {@code routing.ReachIndex} implements it, so criteria know no routing and
 * no GraphHopper. Implementations are thread-safe.
 */
public interface ReachLookup {

    /** The reach numbers the answer is judged by (Bijlage 1 from the profile, the snap limit from configuration). */
    ReachSettings settings();

    /** Whether the dataset has any facility of {@code category}. */
    boolean hasFacilities(String category);

    /**
     * For every mode: how the site (working CRS) joins that mode's network and, where it does, the nearest facility
     * of each of the settings' categories by that mode.
     */
    Map<TravelMode, Access> reach(Geometry site);

    /**
     * How a site joins one mode's network.
     *
     * @param snapped  a usable edge lies within the maximum snap distance
     * @param nearestM metres to the nearest usable edge (also when too far), NaN when there is none at all
     * @param reason   null when snapped, else a sentence saying why not
     * @param lon      the snapped point, CRS84 (NaN when not snapped)
     * @param lat      the snapped point, CRS84 (NaN when not snapped)
     * @param nearest  per category the nearest facility reached by this mode; a category none is reachable of is absent
     */
    record Access(boolean snapped, double nearestM, String reason, double lon, double lat, Map<String, Trip> nearest) {
        public Access {
            nearest = Map.copyOf(nearest);
        }
    }

    /**
     * The nearest facility of a category by one mode.
     *
     * @param lon the facility's position (its point, or a point inside its area), CRS84
     */
    record Trip(Feature facility, double minutes, double lon, double lat) {}
}
