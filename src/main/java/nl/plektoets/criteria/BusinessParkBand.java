package nl.plektoets.criteria;

import java.util.List;
import nl.plektoets.data.Role;
import nl.plektoets.policy.PolicyProfile;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.PolygonExtracter;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

/**
 * §5.1.2 "op/bij de rand van bedrijventerreinen" as areas, for drawing: the strip of the profile's
 * {@code business_park.edge_band_inside_m} inside a (merged) business park's boundary, and the strip of
 * {@code business_park.near_band_outside_m} outside it, less the built-up area (where the built-up-area rule,
 * room rental only, takes precedence, as in {@link LocationClassifier}). The same buffers the classifier cuts a
 * polygon site with, in the working CRS.
 *
 * @param park    the merged park area
 * @param inside  the edge band inside (business_park_edge, "op de rand"); empty when the band is 0 m
 * @param outside the near band outside ("bij de rand"); empty when the band is 0 m
 */
public record BusinessParkBand(Geometry park, Geometry inside, Geometry outside) {

    /** The bands of {@code park} with the profile's widths; {@code builtUp} (may be empty) is cut from the outside band. */
    public static BusinessParkBand of(Geometry park, double edgeInsideM, double nearOutsideM, Geometry builtUp) {
        Geometry empty = park.getFactory().createMultiPolygon();
        Geometry inside = edgeInsideM > 0 ? difference(park, park.buffer(-edgeInsideM)) : empty;
        Geometry outside = empty;
        if (nearOutsideM > 0) {
            outside = difference(park.buffer(nearOutsideM), park);
            if (builtUp != null && !builtUp.isEmpty()) outside = difference(outside, builtUp);
        }
        return new BusinessParkBand(park, inside, outside);
    }

    /**
     * The bands of the merged park area that holds {@code parkFeature}, over the lookup's layers: the merged area
     * (adjacent park polygons are one park, their shared line is no edge) and the built-up areas near it.
     */
    public static BusinessParkBand around(Geometry parkFeature, PolicyProfile profile, SpatialLookup lookup) {
        double edge = profile.businessParkEdgeBandInsideM();
        double near = profile.businessParkNearBandOutsideM();
        Geometry park = null;
        for (Geometry part : lookup.regionParts(Role.BUSINESS_PARK, parkFeature.getEnvelopeInternal())) {
            if (part.intersects(parkFeature.getInteriorPoint())) park = part;
        }
        if (park == null) park = parkFeature; // not merged (a lookup without regions): the feature itself
        Geometry zone = park.buffer(near);
        List<Geometry> built = lookup.intersecting(Role.BUILT_UP_AREA, zone).stream()
                .map(h -> h.feature().geometry())
                .toList();
        Geometry builtUp = built.isEmpty() ? null : OverlayNGRobust.union(built);
        return of(park, edge, near, builtUp);
    }

    private static Geometry difference(Geometry a, Geometry b) {
        Geometry g = OverlayNGRobust.overlay(a, b, OverlayNG.DIFFERENCE);
        if (g instanceof org.locationtech.jts.geom.Polygonal) return g;
        @SuppressWarnings("unchecked")
        List<Polygon> polys = PolygonExtracter.getPolygons(g);
        return g.getFactory().createMultiPolygon(polys.toArray(new Polygon[0]));
    }
}
