package nl.plektoets.assess;

import nl.plektoets.data.Feature;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

/**
 * An address as a site: its point, or a point inside its outline when the source gave one. Shared by
 * {@code assess-all} and the planner's overview, so both assess the very same site for an address.
 */
public final class AddressSite {
    private AddressSite() {
    }

    public static Point of(Feature address) {
        Geometry g = address.geometry();
        return g instanceof Point p ? p : g.getInteriorPoint();
    }
}
