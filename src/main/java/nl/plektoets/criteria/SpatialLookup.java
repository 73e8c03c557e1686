package nl.plektoets.criteria;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import nl.plektoets.data.Feature;
import nl.plektoets.data.Role;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

/**
 * The spatial questions criteria may ask about a dataset. Criteria see only this, never the database, HTTP or the
 * index structures behind it, so they stay pure functions of site, request, profile and data. Implementations are
 * thread-safe. All geometry is in the dataset's metric working CRS; distances in metres, areas in m².
 */
public interface SpatialLookup {

    /** Whether the dataset has any feature of the role; an empty layer means the data to decide is missing. */
    boolean hasData(Role role);

    /**
     * Areal features of the role that cover the site: for a point, the point lies in the area or on its boundary
     * (within the coordinate precision of the API, 1 cm: an address on a node of its building's outline is in the
     * building); for a polygon, the site lies wholly in the area (covers). Sorted by feature id, distance 0.
     */
    List<Hit> containing(Role role, Geometry site);

    /**
     * Features of the role that intersect (overlap or touch) the site, sorted by feature id, distance 0; a point on
     * the boundary (within 1 cm, as for {@link #containing}) touches.
     */
    List<Hit> intersecting(Role role, Geometry site);

    /** Features of the role within {@code distanceM} of the site (0 when they intersect), nearest first. */
    List<Hit> withinDistance(Role role, Geometry site, double distanceM);

    /**
     * The role's features each with a distance of its own ({@code ownM} of the feature, read once here), for a layer
     * asked around many sites where each feature reaches its own distance (an environmental source its guide
     * distance): {@link Reach#within} gives the hits of {@code withinDistance(role, site, maxM)} that also lie within
     * their own distance, without measuring the features that cannot. Built by the caller, which keeps it as long as
     * it keeps this lookup. This default measures as {@link #withinDistance} does and filters.
     */
    default Reach reach(Role role, ToDoubleFunction<Feature> ownM) {
        Envelope all = new Envelope(-Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, Double.MAX_VALUE);
        Map<Feature, Double> own = new IdentityHashMap<>();
        for (Feature f : inEnvelope(role, all)) own.put(f, ownM.applyAsDouble(f));
        return (site, maxM) -> {
            List<Hit> out = new ArrayList<>();
            for (Hit h : withinDistance(role, site, maxM)) {
                Double d = own.get(h.feature());
                if (d != null && h.distanceM() <= d) out.add(h);
            }
            return out;
        };
    }

    /** A layer indexed by each feature's own distance ({@link #reach}); thread-safe. */
    interface Reach {
        /**
         * The hits of {@code withinDistance(role, site, maxM)} whose distance is at most their feature's own distance,
         * in the same order (nearest first, then by id).
         */
        List<Hit> within(Geometry site, double maxM);
    }

    /**
     * Where a point lies relative to the merged area of a role (overlapping or adjacent features of the role count
     * as one area, so the shared line between an industrial and a commercial polygon is no edge): inside or not,
     * and the distance to the merged area's boundary. For a point outside, the distance is exact up to
     * {@code maxDistanceM} and infinite beyond it (the caller only needs to know it is farther); for a point inside
     * it is always exact.
     */
    RegionDistance regionDistance(Role role, Point point, double maxDistanceM);

    /** The merged areas of a role (see {@link #regionDistance}) that intersect the envelope. */
    List<Geometry> regionParts(Role role, Envelope envelope);

    /** Features of the role whose envelope intersects the given one (for map layers), in id order. */
    List<Feature> inEnvelope(Role role, Envelope envelope);

    /** A feature and its distance to the site in metres. */
    record Hit(Feature feature, double distanceM) {}

    /**
     * @param inside         whether the point lies in the merged area (on the boundary counts as inside)
     * @param distanceToEdgeM distance to the merged area's boundary; infinite when the role has no area at all or
     *                        the point lies outside farther than the distance asked for
     */
    record RegionDistance(boolean inside, double distanceToEdgeM) {}
}
