package nl.plektoets.isochrone;

import com.graphhopper.isochrone.algorithm.ContourBuilder;
import com.graphhopper.isochrone.algorithm.JTSTriangulator;
import com.graphhopper.isochrone.algorithm.ShortestPathTree;
import com.graphhopper.isochrone.algorithm.Triangulator;
import com.graphhopper.routing.RouterConfig;
import com.graphhopper.routing.querygraph.QueryGraph;
import com.graphhopper.routing.util.TraversalMode;
import com.graphhopper.storage.index.Snap;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import nl.plektoets.data.Feature;
import nl.plektoets.routing.ReachIndex;
import nl.plektoets.routing.RoutingNetwork;
import nl.plektoets.routing.TravelMode;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.geom.util.PolygonExtracter;

/**
 * Reach areas ("isochrones") of a point on the walking or cycling network, for several cut-offs in one search:
 * GraphHopper's {@link ShortestPathTree} by travel time (limit = largest cut-off plus a margin, so the contour
 * has points beyond it to interpolate against), a Delaunay triangulation of the reached nodes with their times
 * ({@link JTSTriangulator}) and a contour per cut-off ({@link ContourBuilder}).
 *
 * <p>Per cut-off the area is the contour's part around the origin, holes kept; other parts of the contour (patches
 * that the triangulation cut off from the origin's area) are left out, so the area is one connected polygon. Each
 * area is made valid and clipped by the next larger one, so 15 min always lies inside 30 min. Thread-safe.
 */
public final class IsochroneBuilder {
    public static final int MIN_MINUTES = 1;
    public static final int MAX_MINUTES = 120;

    private final ReachIndex index;
    private final RoutingNetwork network;
    private final GeometryFactory lonLatFactory = new GeometryFactory();
    /** Facilities with their point in CRS84, ordered by category then id. */
    private final List<Map.Entry<Feature, Point>> facilityPoints = new ArrayList<>();
    private final TreeSet<String> categories = new TreeSet<>();

    public IsochroneBuilder(ReachIndex index) {
        this.index = index;
        this.network = index.network();
        index.facilities().forEach((category, list) -> {
            categories.add(category);
            for (Feature f : list) {
                Coordinate c = f.geometry() instanceof Point p ? p.getCoordinate()
                        : f.geometry().getInteriorPoint().getCoordinate();
                Coordinate ll = index.crs().toLonLat(c.x, c.y);
                facilityPoints.add(Map.entry(f, lonLatFactory.createPoint(ll)));
            }
        });
    }

    /**
     * The reach areas around (lon, lat) for each cut-off.
     *
     * @param minutes cut-offs in minutes, each 1..120; duplicates are merged, the result is ordered ascending
     * @param reverse false: reachable from the point; true: the area from which the point is reached
     * @throws IllegalArgumentException for cut-offs outside 1..120 or none at all (bad request)
     * @throws OffNetworkException      when the point is further than the maximum snap distance from the network
     */
    public IsochroneResult isochrones(double lon, double lat, TravelMode mode, List<Integer> minutes, boolean reverse) {
        TreeSet<Integer> cutoffs = validate(minutes);
        if (!(lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90)) {
            throw new IllegalArgumentException("lon/lat " + lon + "," + lat + " is not a CRS84 position; give"
                    + " longitude -180..180 and latitude -90..90");
        }
        double maxSnap = index.settings().maxSnapDistanceM();
        Snap snap = network.findClosest(lon, lat, mode);
        if (!snap.isValid()) {
            throw new OffNetworkException("No road or path usable on " + mode.id() + " near " + fmt(lon, lat)
                    + ": the point is outside the network of this dataset", Double.NaN);
        }
        if (snap.getQueryDistance() > maxSnap) {
            throw new OffNetworkException(String.format(Locale.ROOT, "The nearest road or path usable on %s is %.0f m"
                    + " from %s, more than the %.0f m allowed; pick a point near a road", mode.id(),
                    snap.getQueryDistance(), fmt(lon, lat), maxSnap), snap.getQueryDistance());
        }
        QueryGraph queryGraph = QueryGraph.create(network.graph(), snap);
        ShortestPathTree tree = new ShortestPathTree(queryGraph, queryGraph.wrapWeighting(network.weighting(mode)),
                reverse, TraversalMode.NODE_BASED);
        double limitMillis = cutoffs.last() * 60_000.0;
        // GraphHopper's isochrone margin: nodes beyond the limit give the contour something to interpolate against
        tree.setTimeLimit(limitMillis + Math.max(limitMillis * 0.14, 200_000));
        Triangulator.Result triangulation;
        try {
            triangulation = new JTSTriangulator(new RouterConfig()).triangulate(snap, queryGraph, tree,
                    label -> label.time, 0.0);
        } catch (IllegalArgumentException e) {
            throw new OffNetworkException("Too little network is reachable from " + fmt(lon, lat) + " on "
                    + mode.id() + " to draw an area (" + e.getMessage() + ")", snap.getQueryDistance());
        }
        ContourBuilder contours = new ContourBuilder(triangulation.triangulation);
        Point origin = lonLatFactory.createPoint(new Coordinate(snap.getSnappedPoint().lon, snap.getSnappedPoint().lat));

        List<Integer> ordered = new ArrayList<>(cutoffs);
        Geometry[] areas = new Geometry[ordered.size()];
        for (int i = ordered.size() - 1; i >= 0; i--) {
            MultiPolygon contour = contours.computeIsoline(ordered.get(i) * 60_000.0, triangulation.seedEdges);
            Geometry area = originPart(GeometryFixer.fix(contour), origin);
            if (i < ordered.size() - 1 && !areas[i + 1].isEmpty() && !areas[i + 1].covers(area)) {
                area = originPart(area.intersection(areas[i + 1]), origin); // numeric slivers only
            }
            areas[i] = area;
        }
        List<Isochrone> out = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) out.add(withFacilities(ordered.get(i), areas[i]));
        return new IsochroneResult(lon, lat, mode, reverse, snap.getSnappedPoint().lon, snap.getSnappedPoint().lat,
                snap.getQueryDistance(), out);
    }

    static TreeSet<Integer> validate(List<Integer> minutes) {
        if (minutes == null || minutes.isEmpty()) {
            throw new IllegalArgumentException("minutes: give at least one cut-off, e.g. 15,30");
        }
        for (Integer m : minutes) {
            if (m == null || m < MIN_MINUTES || m > MAX_MINUTES) {
                throw new IllegalArgumentException("minutes: " + m + " is outside " + MIN_MINUTES + ".." + MAX_MINUTES
                        + "; give whole minutes in that range, e.g. 15,30");
            }
        }
        return new TreeSet<>(minutes);
    }

    /** The polygon of {@code g} containing (or, failing that, nearest to) the origin; holes kept. */
    private Geometry originPart(Geometry g, Point origin) {
        @SuppressWarnings("unchecked")
        List<Polygon> parts = PolygonExtracter.getPolygons(g);
        Polygon best = null;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (Polygon p : parts) {
            if (p.isEmpty()) continue;
            double d = p.distance(origin);
            if (d < bestDistance) {
                bestDistance = d;
                best = p;
            }
        }
        return best == null ? lonLatFactory.createPolygon() : best;
    }

    private Isochrone withFacilities(int minutes, Geometry area) {
        PreparedGeometry prepared = PreparedGeometryFactory.prepare(area);
        List<Feature> inside = new ArrayList<>();
        Map<String, Integer> counts = new TreeMap<>();
        for (String c : categories) counts.put(c, 0);
        for (Map.Entry<Feature, Point> e : facilityPoints) {
            if (prepared.covers(e.getValue())) {
                inside.add(e.getKey());
                counts.merge(e.getKey().attribute("category"), 1, Integer::sum);
            }
        }
        inside.sort(Comparator.comparing((Feature f) -> f.attribute("category")).thenComparingLong(Feature::id));
        return new Isochrone(minutes, area, inside, counts);
    }

    private static String fmt(double lon, double lat) {
        return String.format(Locale.ROOT, "%.6f,%.6f", lon, lat);
    }
}
