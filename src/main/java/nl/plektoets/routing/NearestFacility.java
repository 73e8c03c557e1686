package nl.plektoets.routing;

import nl.plektoets.data.Feature;
import nl.plektoets.policy.TravelMode;

/**
 * The facility of a category a site reaches first by a mode, and how long it takes.
 *
 * @param lon     the facility's position (its point, or a point inside its area), CRS84
 * @param seconds travel time from the site's access point to the facility's point on the network
 */
public record NearestFacility(
        String category, TravelMode mode, Feature facility, double lon, double lat, double seconds) {
    public double minutes() {
        return seconds / 60.0;
    }
}
