package nl.plektoets.data;

import java.util.Optional;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygonal;

/**
 * The area behind a point feature. Facilities and addresses are points (distances are measured to them), but
 * a supermarket or a school mapped as an area keeps that polygon as the point's JTS user data, so no attribute
 * (which the API would show as text) and no second feature is needed. The dataset cache keeps it too.
 */
public final class SourceArea {
    private SourceArea() {}

    /** The polygon the feature's point was derived from, if it was derived from an area. */
    public static Optional<Geometry> of(Feature feature) {
        Object data = feature.geometry().getUserData();
        return data instanceof Geometry g && g instanceof Polygonal ? Optional.of(g) : Optional.empty();
    }
}
