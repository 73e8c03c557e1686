package nl.plektoets.routing;

import nl.plektoets.policy.TravelMode;

/**
 * Where a site or facility joins the network: a point on one edge. Edge ends and the fraction use the edge's
 * storage orientation (base -> adj), so two snaps on the same edge compare directly. Times are milliseconds,
 * {@link Double#POSITIVE_INFINITY} where the mode may not travel in that direction (one-way streets for bikes).
 *
 * @param mode            the reach mode; null for a snap on the car network ({@link RoutingNetwork#snapCar}), which
 *                        is no Bijlage 1 mode
 * @param fraction        position along the edge geometry, 0 at the base node, 1 at the adj node
 * @param distanceM       metres from the query point to the snapped point (the way to the road; reported, not
 *                        added to the travel time)
 * @param forwardMillis   time to travel the whole edge base -> adj
 * @param backwardMillis  time to travel the whole edge adj -> base
 */
public record NetworkSnap(
        TravelMode mode,
        int edge,
        int baseNode,
        int adjNode,
        double fraction,
        double lon,
        double lat,
        double queryLon,
        double queryLat,
        double distanceM,
        double forwardMillis,
        double backwardMillis) {

    /** From the snapped point to the base node (travelling adj -> base). */
    public double millisToBase() {
        return part(backwardMillis, fraction);
    }

    /** From the snapped point to the adj node (travelling base -> adj). */
    public double millisToAdj() {
        return part(forwardMillis, 1 - fraction);
    }

    /** From the base node to the snapped point. */
    public double millisFromBase() {
        return part(forwardMillis, fraction);
    }

    /** From the adj node to the snapped point. */
    public double millisFromAdj() {
        return part(backwardMillis, 1 - fraction);
    }

    /** Along this snap's edge from here to {@code other} on the same edge; infinite against a one-way. */
    public double millisAlongEdgeTo(NetworkSnap other) {
        if (other.edge != edge) throw new IllegalArgumentException("snaps on different edges");
        double d = other.fraction - fraction;
        return d >= 0 ? part(forwardMillis, d) : part(backwardMillis, -d);
    }

    /** A share of an edge's time; no share is free even on an edge closed in that direction (infinity * 0). */
    static double part(double edgeMillis, double share) {
        return share <= 0 ? 0 : edgeMillis * share;
    }
}
