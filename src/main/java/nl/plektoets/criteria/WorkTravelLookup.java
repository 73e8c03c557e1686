package nl.plektoets.criteria;

import java.util.List;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

/**
 * What {@code distance_to_work} (§5.1, §7.1.2) needs of the networks: cycling and driving from a site to workplaces.
 * {@code routing.WorkTravel} implements it over the GraphHopper graph, so criteria know no routing. Implementations
 * are thread-safe.
 */
public interface WorkTravelLookup {

    /** The cycling speed cap the cycling times use (km/h; the profile's reach.cycling_speed_kmh). */
    double cyclingSpeedKmh();

    /** A site or workplace further than this from a usable road (metres) is not joined to the network. */
    double maxSnapDistanceM();

    /**
     * For each workplace (a point in the working CRS), in the order given: the trip from the site (working CRS) by bike
     * and by car over the network, the time-fastest route of each.
     */
    List<Commute> commutes(Geometry site, List<Point> workplaces);

    /**
     * One way of travelling to one workplace.
     *
     * @param reached  a route exists (both ends joined to the network, connected)
     * @param km       the route's length over the network, km (NaN when not reached)
     * @param minutes  the route's travel time, minutes (NaN when not reached)
     * @param accessM  metres from the site and from the workplace to the road where each joins the network, added
     *                 up (not part of {@code km}; NaN when not reached)
     * @param reason   null when reached, else why not (for the evidence)
     */
    record Leg(boolean reached, double km, double minutes, double accessM, String reason) {
        public static Leg none(String reason) {
            return new Leg(false, Double.NaN, Double.NaN, Double.NaN, reason);
        }
    }

    /**
     * @param straightLineKm the straight-line distance from the site to the workplace, km (a lower bound of both legs)
     */
    record Commute(double straightLineKm, Leg cycling, Leg driving) {}
}
