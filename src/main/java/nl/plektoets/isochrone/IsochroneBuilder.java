package nl.plektoets.isochrone;

import com.graphhopper.isochrone.algorithm.ContourBuilder;
import com.graphhopper.isochrone.algorithm.ReadableTriangulation;
import com.graphhopper.isochrone.algorithm.ShortestPathTree;
import com.graphhopper.routing.querygraph.QueryGraph;
import com.graphhopper.routing.util.TraversalMode;
import com.graphhopper.storage.NodeAccess;
import com.graphhopper.storage.index.Snap;
import com.graphhopper.util.FetchMode;
import com.graphhopper.util.PointList;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import nl.plektoets.data.Feature;
import nl.plektoets.policy.TravelMode;
import nl.plektoets.routing.ReachIndex;
import nl.plektoets.routing.RoutingNetwork;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.geom.util.PolygonExtracter;
import org.locationtech.jts.triangulate.ConformingDelaunayTriangulator;
import org.locationtech.jts.triangulate.ConstraintVertex;
import org.locationtech.jts.triangulate.quadedge.QuadEdgeSubdivision;
import org.locationtech.jts.triangulate.quadedge.Vertex;

/**
 * Reach areas ("isochrones") of a point on the walking or cycling network, for several cut-offs in one search:
 * GraphHopper's {@link ShortestPathTree} by travel time (limit = largest cut-off plus a margin, so the contour
 * has points beyond it to interpolate against), a Delaunay triangulation of the reached nodes with their times
 * (as GraphHopper's {@code JTSTriangulator}, plus barrier vertices for unreached nodes, see {@link #triangulate})
 * and a contour per cut-off ({@link ContourBuilder}).
 *
 * <p>Per cut-off the area is the contour's part around the origin, holes kept; other parts of the contour (patches
 * that the triangulation cut off from the origin's area) are left out, so the area is one connected polygon. Each
 * area is made valid and clipped by the next larger one, so 15 min always lies inside 30 min. Thread-safe.
 */
public final class IsochroneBuilder {
    public static final int MIN_MINUTES = 1;
    public static final int MAX_MINUTES = 120;
    /** Height of the barrier vertices, in multiples of the largest cut-off: far above any contour drawn. */
    private static final double UNREACHABLE_FACTOR = 10;

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
                Coordinate c = f.geometry() instanceof Point p
                        ? p.getCoordinate()
                        : f.geometry().getInteriorPoint().getCoordinate();
                Coordinate ll = index.crs().toLonLat(c.x, c.y);
                facilityPoints.add(Map.entry(f, lonLatFactory.createPoint(ll)));
            }
        });
    }

    /** The working CRS of the dataset's features (facilities). */
    public nl.plektoets.geo.WorkingCrs crs() {
        return index.crs();
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
            throw new OffNetworkException(
                    "No road or path usable on " + mode.id() + " near " + fmt(lon, lat)
                            + ": the point is outside the network of this dataset",
                    Double.NaN);
        }
        if (snap.getQueryDistance() > maxSnap) {
            throw new OffNetworkException(
                    String.format(
                            Locale.ROOT,
                            "The nearest road or path usable on %s is %.0f m"
                                    + " from %s, more than the %.0f m allowed; pick a point near a road",
                            mode.id(),
                            snap.getQueryDistance(),
                            fmt(lon, lat),
                            maxSnap),
                    snap.getQueryDistance());
        }
        QueryGraph queryGraph = QueryGraph.create(network.graph(), snap);
        ShortestPathTree tree = new ShortestPathTree(
                queryGraph, queryGraph.wrapWeighting(network.weighting(mode)), reverse, TraversalMode.NODE_BASED);
        double limitMillis = cutoffs.last() * 60_000.0;
        // GraphHopper's isochrone margin: nodes beyond the limit give the contour something to interpolate against
        tree.setTimeLimit(limitMillis + Math.max(limitMillis * 0.14, 200_000));
        ReadableTriangulation triangulation = triangulate(snap, queryGraph, tree, limitMillis, lon, lat, mode);
        ContourBuilder contours = new ContourBuilder(triangulation);
        Point origin =
                lonLatFactory.createPoint(new Coordinate(snap.getSnappedPoint().lon, snap.getSnappedPoint().lat));

        List<Integer> ordered = new ArrayList<>(cutoffs);
        Geometry[] areas = new Geometry[ordered.size()];
        for (int i = ordered.size() - 1; i >= 0; i--) {
            MultiPolygon contour = contours.computeIsoline(ordered.get(i) * 60_000.0, triangulation.getEdges());
            Geometry area = originPart(GeometryFixer.fix(contour), origin);
            if (i < ordered.size() - 1 && !areas[i + 1].isEmpty() && !areas[i + 1].covers(area)) {
                area = originPart(area.intersection(areas[i + 1]), origin); // numeric slivers only
            }
            areas[i] = area;
        }
        List<Isochrone> out = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) out.add(withFacilities(ordered.get(i), areas[i]));
        return new IsochroneResult(
                lon,
                lat,
                mode,
                reverse,
                snap.getSnappedPoint().lon,
                snap.getSnappedPoint().lat,
                snap.getQueryDistance(),
                out);
    }

    /**
     * A Delaunay triangulation of the reached network with travel time as height - what GraphHopper's
     * {@code JTSTriangulator} builds (every reached node, plus the middle of each tree edge's geometry), plus one
     * addition: every network node in the reached area that the search did not reach within its limit is added as a
     * barrier vertex with an "unreachable" height. Without them the triangles span a river or a motorway between
     * reached nodes on one side and the contour claims the far bank (north of Bayreuth a 15-minute walking area
     * crossed the Roter Main to a bank 35 minutes away); with them the contour stays on the reachable side.
     */
    private ReadableTriangulation triangulate(
            Snap snap,
            QueryGraph queryGraph,
            ShortestPathTree tree,
            double limitMillis,
            double lon,
            double lat,
            TravelMode mode) {
        NodeAccess nodes = queryGraph.getNodeAccess();
        List<ConstraintVertex> vertices = new ArrayList<>();
        BitSet reached = new BitSet(queryGraph.getNodes());
        Envelope envelope = new Envelope();
        tree.search(snap.getClosestNode(), label -> {
            reached.set(label.node);
            Coordinate c = new Coordinate(nodes.getLon(label.node), nodes.getLat(label.node), label.time);
            vertices.add(new ConstraintVertex(c));
            envelope.expandToInclude(c);
            if (label.parent != null) {
                // longer roads: the middle of the edge's shape, at the time of its end, sharpens the contour
                PointList inner =
                        queryGraph.getEdgeIteratorState(label.edge, label.node).fetchWayGeometry(FetchMode.PILLAR_ONLY);
                if (!inner.isEmpty()) {
                    int mid = inner.size() / 2;
                    vertices.add(
                            new ConstraintVertex(new Coordinate(inner.getLon(mid), inner.getLat(mid), label.time)));
                }
            }
        });
        if (vertices.size() < 3) {
            throw new OffNetworkException(
                    "Too little network is reachable from " + fmt(lon, lat) + " on " + mode.id()
                            + " to draw an area; pick a point on a larger road network",
                    snap.getQueryDistance());
        }
        double unreachable = UNREACHABLE_FACTOR * limitMillis;
        int baseNodes = network.graph().getNodes();
        for (int n = 0; n < baseNodes; n++) {
            if (reached.get(n)) continue;
            double x = nodes.getLon(n);
            double y = nodes.getLat(n);
            if (envelope.contains(x, y)) vertices.add(new ConstraintVertex(new Coordinate(x, y, unreachable)));
        }
        // the triangulator keeps the first height it sees for a repeated coordinate: reached nodes come first
        ConformingDelaunayTriangulator delaunay = new ConformingDelaunayTriangulator(vertices, 0.0);
        delaunay.setConstraints(new ArrayList<>(), new ArrayList<>());
        delaunay.formInitialDelaunay();
        delaunay.enforceConstraints();
        if (!(delaunay.getConvexHull() instanceof Polygon)) {
            throw new OffNetworkException(
                    "The network reachable from " + fmt(lon, lat) + " on " + mode.id()
                            + " is a line, not an area; pick a point on a larger road network",
                    snap.getQueryDistance());
        }
        QuadEdgeSubdivision tin = delaunay.getSubdivision();
        for (Object o : tin.getVertices(true)) {
            Vertex v = (Vertex) o;
            if (tin.isFrameVertex(v)) v.setZ(Double.MAX_VALUE); // outside the network: never reached
        }
        return ReadableTriangulation.wrap(tin);
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
    static Geometry originPart(Geometry g, Point origin) {
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
        return best == null ? g.getFactory().createPolygon() : best;
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
