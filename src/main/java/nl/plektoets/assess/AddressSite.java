package nl.plektoets.assess;

import nl.plektoets.data.Feature;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

/**
 * An address as a site: its point, or a point inside its outline when the source gave one, and its label. Shared by
 * {@code assess-all} and the planner's overview, so both assess the very same site for an address.
 */
public final class AddressSite {
    private AddressSite() {}

    public static Point of(Feature address) {
        Geometry g = address.geometry();
        return g instanceof Point p ? p : g.getInteriorPoint();
    }

    /** "Street 12, Town" (the town left out when unknown), as assess-all and the overview write an address. */
    public static String label(Feature address) {
        String street = nz(address.attribute("street")), number = nz(address.attribute("housenumber"));
        String town = nz(address.attribute("town"));
        String s = (street + " " + number).trim();
        return town.isEmpty() ? s : s + ", " + town;
    }

    private static String nz(String s) {
        return s == null ? "" : s.trim();
    }
}
