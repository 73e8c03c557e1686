package nl.plektoets.request;

import java.util.Objects;
import org.locationtech.jts.geom.Point;

/**
 * An establishment where residents of the initiative work (issue "ETFAL part 2", §5.1.1 "zo dicht mogelijk bij het
 * werk"): a name as the initiator gives it, its location in the working CRS (resolved from an address or given as a
 * point), the address as written (null when a point was given) and the number of residents working there.
 */
public record Employer(String name, Point location, String address, int workers) {
    public Employer {
        Objects.requireNonNull(location, "an employer needs a location (a point, or an address that was found)");
        if (workers < 0) throw new IllegalArgumentException("workers must be 0 or more, not " + workers);
    }
}
