package nl.plektoets.routing;

import com.graphhopper.geohash.SpatialKeyAlgo;
import com.graphhopper.storage.BaseGraph;
import com.graphhopper.storage.index.IndexStructureInfo;
import com.graphhopper.storage.index.LineIntIndex;
import com.graphhopper.storage.index.LocationIndex;
import com.graphhopper.storage.index.LocationIndexTree;
import com.graphhopper.storage.index.Snap;
import com.graphhopper.util.EdgeIteratorState;
import com.graphhopper.util.FetchMode;
import com.graphhopper.util.PointList;
import com.graphhopper.util.shapes.BBox;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.function.IntPredicate;

/**
 * GraphHopper's {@code LocationIndexTree.findClosest} answered from the same tiles, held as arrays: the same snap (edge,
 * orientation, node, way index, position, distance and snapped point, bit for bit) at a fraction of the cost.
 *
 * <p>What {@code findClosest} does per query: for rings of tiles around the point (the point's own tile, then the
 * square one tile wider, up to {@code maxRegionSearch} rings, until the best distance so far is below the distance to
 * the searched square's border) it walks the index's tree down to each tile's leaf, and for every edge id there not
 * seen before that the filter accepts measures the point's distance to the edge ({@code traverseEdge}), keeping a
 * strictly nearer one. Two things are done differently here, neither changing the answer:
 *
 * <ul>
 *   <li>Each tile's edge ids are read once, when the network is opened, from GraphHopper's own index (its leaf of the
 *       tile, in its order), into one array with an offset per tile: a query reads the tiles of a ring in
 *       {@code findClosest}'s order without walking the tree. The edges are then measured by GraphHopper's own {@code
 *       traverseEdge} and kept by its rule (strictly nearer), so ties go to the same edge.
 *   <li>An edge whose bounding box is provably farther than the best distance so far is not measured: every distance
 *       {@code traverseEdge} computes is GraphHopper's plane distance from the point to a point of the edge (a tower, a
 *       pillar, or a projection that lies on a segment), so none can be below the plane distance to the box, and an
 *       edge that is not strictly nearer is never kept. The box is stored as floats rounded outwards, the cosine is
 *       taken at the largest latitude involved, and the comparison has a margin of 1e-12 radians (6 µm; rounding
 *       errors are some 1e-15), so the bound holds for GraphHopper's computed doubles, not just for exact arithmetic.
 * </ul>
 *
 * <p>Memory: 4 bytes per tile plus 4 per tile-edge entry (the size of GraphHopper's index itself) and 16 per edge;
 * not built beyond {@link #MAX_TILES} tiles or {@link #MAX_EDGES} edges (then {@link #of} answers null and snapping
 * asks GraphHopper). Immutable once built; thread-safe.
 */
final class SnapGrid {
    /** At most this many tiles (4 bytes each): 16 MB; a municipality at 100 m tiles has some 10^4-10^5. */
    static final int MAX_TILES = 1 << 22;
    /** At most this many edges (16 bytes of box each): 64 MB. */
    static final int MAX_EDGES = 1 << 22;
    /** The margin of the box bound, radians of plane distance (about 6 µm on the ground). */
    static final double MARGIN_RAD = 1e-12;
    /**
     * Latitudes within this many degrees of the query use one cosine taken at the band's edge; an edge reaching beyond
     * the band is always measured (no tile near a query lies that far away).
     */
    static final double LAT_BAND_DEG = 0.5;

    private final BaseGraph graph;
    private final LocationIndexTree tree;
    private final SpatialKeyAlgo keyAlgo;
    private final int parts;
    private final int maxRegionSearch;
    private final MethodHandle calculateRMin;
    /** Tile (y * parts + x): its edge ids are {@code tileEdges[tileStart[t] .. tileStart[t + 1])}, in the leaf's order. */
    private final int[] tileStart;

    private final int[] tileEdges;
    /** Per edge: minLat, maxLat, minLon, maxLon of its whole geometry (towers and pillars), rounded outwards. */
    private final float[] box;

    private final int edgeCount;

    private SnapGrid(
            BaseGraph graph,
            LocationIndexTree tree,
            SpatialKeyAlgo keyAlgo,
            int parts,
            int maxRegionSearch,
            MethodHandle calculateRMin,
            int[] tileStart,
            int[] tileEdges,
            float[] box) {
        this.graph = graph;
        this.tree = tree;
        this.keyAlgo = keyAlgo;
        this.parts = parts;
        this.maxRegionSearch = maxRegionSearch;
        this.calculateRMin = calculateRMin;
        this.tileStart = tileStart;
        this.tileEdges = tileEdges;
        this.box = box;
        this.edgeCount = graph.getEdges();
    }

    /**
     * The grid of a network's location index, or null when it cannot be built (not GraphHopper's tree index, a
     * GraphHopper whose internals differ from 11's, or beyond the size limits): snapping then asks GraphHopper.
     */
    static SnapGrid of(BaseGraph graph, LocationIndex index) {
        if (!(index instanceof LocationIndexTree tree)) return null;
        if (graph.getEdges() > MAX_EDGES) return null;
        try {
            // GraphHopper keeps these package-private: the tiles' index, its structure, the ring limit and the
            // stopping distance are read from the index itself, so the grid is the index's own
            LineIntIndex lines = (LineIntIndex)
                    field(LocationIndexTree.class, "lineIntIndex").get(tree);
            int maxRegionSearch =
                    field(LocationIndexTree.class, "maxRegionSearch").getInt(tree);
            MethodHandle rMin = MethodHandles.privateLookupIn(LocationIndexTree.class, MethodHandles.lookup())
                    .findVirtual(
                            LocationIndexTree.class,
                            "calculateRMin",
                            MethodType.methodType(double.class, double.class, double.class, int.class));
            if (lines == null) return null;
            // the tiles as the line index itself cuts them (its key algorithm, from its own copy of the bounds)
            IndexStructureInfo info = (IndexStructureInfo)
                    field(LineIntIndex.class, "indexStructureInfo").get(lines);
            SpatialKeyAlgo keyAlgo =
                    (SpatialKeyAlgo) field(LineIntIndex.class, "keyAlgo").get(lines);
            if (info == null || keyAlgo == null) return null;
            int parts = info.getParts();
            if ((long) parts * parts > MAX_TILES) return null;
            BBox bounds = info.getBounds();
            // a point inside each column and row: findEdgeIdsInNeighborhood(.., 0, ..) at it reads exactly that tile
            double[] lonOf = new double[parts];
            double[] latOf = new double[parts];
            for (int i = 0; i < parts; i++) {
                lonOf[i] = inside(i, bounds.minLon, info.getDeltaLon(), keyAlgo::x);
                latOf[i] = inside(i, bounds.minLat, info.getDeltaLat(), keyAlgo::y);
                if (Double.isNaN(lonOf[i]) || Double.isNaN(latOf[i])) return null;
            }
            int[] start = new int[parts * parts + 1];
            int[][] edges = {new int[1024]};
            int[] n = {0};
            for (int y = 0; y < parts; y++) {
                for (int x = 0; x < parts; x++) {
                    start[y * parts + x] = n[0];
                    lines.findEdgeIdsInNeighborhood(latOf[y], lonOf[x], 0, e -> {
                        if (n[0] == edges[0].length) edges[0] = Arrays.copyOf(edges[0], n[0] * 2);
                        edges[0][n[0]++] = e;
                    });
                }
            }
            start[parts * parts] = n[0];
            return new SnapGrid(
                    graph,
                    tree,
                    keyAlgo,
                    parts,
                    maxRegionSearch,
                    rMin,
                    start,
                    Arrays.copyOf(edges[0], n[0]),
                    boxes(graph));
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    private static Field field(Class<?> owner, String name) throws NoSuchFieldException {
        Field f = owner.getDeclaredField(name);
        f.setAccessible(true);
        return f;
    }

    /** A coordinate whose cell is {@code i} by {@code cellOf}; NaN when none of a few tries is. */
    private static double inside(int i, double min, double delta, java.util.function.DoubleToIntFunction cellOf) {
        for (double f : new double[] {0.5, 0.25, 0.75, 0.1, 0.9}) {
            double v = min + (i + f) * delta;
            if (cellOf.applyAsInt(v) == i) return v;
        }
        return Double.NaN;
    }

    /** Each edge's bounding box over all its points, as floats rounded outwards (so it still contains them). */
    private static float[] boxes(BaseGraph graph) {
        int edges = graph.getEdges();
        float[] box = new float[edges * 4];
        for (int e = 0; e < edges; e++) {
            PointList points = graph.getEdgeIteratorState(e, Integer.MIN_VALUE).fetchWayGeometry(FetchMode.ALL);
            double minLat = Double.POSITIVE_INFINITY, maxLat = Double.NEGATIVE_INFINITY;
            double minLon = Double.POSITIVE_INFINITY, maxLon = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < points.size(); i++) {
                double lat = points.getLat(i), lon = points.getLon(i);
                minLat = Math.min(minLat, lat);
                maxLat = Math.max(maxLat, lat);
                minLon = Math.min(minLon, lon);
                maxLon = Math.max(maxLon, lon);
            }
            box[4 * e] = down(minLat);
            box[4 * e + 1] = up(maxLat);
            box[4 * e + 2] = down(minLon);
            box[4 * e + 3] = up(maxLon);
        }
        return box;
    }

    private static float down(double v) {
        float f = (float) v;
        return f > v ? Math.nextDown(f) : f;
    }

    private static float up(double v) {
        float f = (float) v;
        return f < v ? Math.nextUp(f) : f;
    }

    /** Per query: the edges already seen (GraphHopper's {@code seenEdges}), reused by the thread. */
    private static final class Seen {
        int[] keys = new int[256]; // edge id + 1; 0 is empty
        int[] stamp = new int[256];
        int epoch;
        int size;

        void clear() {
            if (++epoch == 0) { // wrapped: forget every old stamp
                Arrays.fill(stamp, 0);
                epoch = 1;
            }
            size = 0;
        }

        /** Adds {@code e}; false when it was there. */
        boolean add(int e) {
            if (2 * (size + 1) > keys.length) grow();
            int mask = keys.length - 1;
            int i = (e * 0x9E3779B9) >>> 7 & mask;
            while (stamp[i] == epoch) {
                if (keys[i] == e + 1) return false;
                i = (i + 1) & mask;
            }
            stamp[i] = epoch;
            keys[i] = e + 1;
            size++;
            return true;
        }

        private void grow() {
            int[] oldKeys = keys, oldStamp = stamp;
            int oldEpoch = epoch;
            keys = new int[oldKeys.length * 2];
            stamp = new int[oldKeys.length * 2];
            epoch = 1;
            size = 0;
            for (int i = 0; i < oldKeys.length; i++) if (oldStamp[i] == oldEpoch) add(oldKeys[i] - 1);
        }
    }

    private static final ThreadLocal<Seen> SEEN = ThreadLocal.withInitial(Seen::new);

    /** The best snap so far, as GraphHopper's {@code findClosest} keeps it, and the box bound's threshold. */
    private static final class Best implements LocationIndexTree.EdgeCheck {
        final Snap snap;
        EdgeIteratorState edge;
        /** Boxes with a bound above this (radians^2 of plane distance) hold no strictly nearer point. */
        double prune = Double.POSITIVE_INFINITY;

        Best(Snap snap) {
            this.snap = snap;
        }

        @Override
        public void check(int node, double normedDist, int wayIndex, Snap.Position pos) {
            // findClosest's own rule: strictly nearer replaces
            if (normedDist < snap.getQueryDistance()) {
                snap.setQueryDistance(normedDist);
                snap.setClosestNode(node);
                snap.setClosestEdge(edge.detach(false));
                snap.setWayIndex(wayIndex);
                snap.setSnappedPosition(pos);
                double r = Math.sqrt(normedDist) + MARGIN_RAD;
                prune = r * r;
            }
        }
    }

    /**
     * {@code findClosest(lat, lon, filter)} of GraphHopper's index, with the filter as a test of the edge id (the snap
     * filters' bits): the same {@link Snap}.
     */
    Snap findClosest(double lat, double lon, IntPredicate accepts) {
        Best best = new Best(new Snap(lat, lon));
        Seen seen = SEEN.get();
        seen.clear();
        double cos = Math.cos(Math.toRadians(Math.min(90, Math.abs(lat) + LAT_BAND_DEG))) * (1 - 1e-12);
        double bandLat = Math.abs(lat) + LAT_BAND_DEG;
        int x = keyAlgo.x(lon);
        int y = keyAlgo.y(lat);
        for (int iteration = 0; iteration < maxRegionSearch; iteration++) {
            // the ring's tiles in findEdgeIdsInNeighborhood's order: by row its west and east tile, then the columns
            // between them, their south and north tile
            for (int yreg = -iteration; yreg <= iteration; yreg++) {
                tile(x - iteration, y + yreg, lat, lon, accepts, best, seen, cos, bandLat);
                if (iteration > 0) tile(x + iteration, y + yreg, lat, lon, accepts, best, seen, cos, bandLat);
            }
            for (int xreg = -iteration + 1; xreg <= iteration - 1; xreg++) {
                tile(x + xreg, y - iteration, lat, lon, accepts, best, seen, cos, bandLat);
                tile(x + xreg, y + iteration, lat, lon, accepts, best, seen, cos, bandLat);
            }
            if (best.snap.isValid()) {
                double rMin = rMin(lat, lon, iteration);
                double minDistance = com.graphhopper.util.DistancePlaneProjection.DIST_PLANE.calcDenormalizedDist(
                        best.snap.getQueryDistance());
                if (minDistance < rMin) break;
            }
        }
        Snap snap = best.snap;
        if (snap.isValid()) {
            var plane = com.graphhopper.util.DistancePlaneProjection.DIST_PLANE;
            snap.calcSnappedPoint(plane);
            snap.setQueryDistance(plane.calcDist(snap.getSnappedPoint().lat, snap.getSnappedPoint().lon, lat, lon));
        }
        return snap;
    }

    private double rMin(double lat, double lon, int iteration) {
        try {
            return (double) calculateRMin.invokeExact(tree, lat, lon, iteration);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private void tile(
            int tx,
            int ty,
            double lat,
            double lon,
            IntPredicate accepts,
            Best best,
            Seen seen,
            double cos,
            double bandLat) {
        if (tx < 0 || ty < 0 || tx >= parts || ty >= parts) return;
        int t = ty * parts + tx;
        for (int k = tileStart[t], end = tileStart[t + 1]; k < end; k++) {
            int e = tileEdges[k];
            if (!seen.add(e) || !accepts.test(e)) continue;
            if (e < edgeCount && farther(e, lat, lon, cos, bandLat, best.prune)) continue;
            EdgeIteratorState edge = graph.getEdgeIteratorStateForKey(e * 2);
            best.edge = edge;
            tree.traverseEdge(lat, lon, edge, best);
        }
    }

    /** Whether every point of edge {@code e}'s box is farther than {@code prune} (plane distance, radians^2). */
    private boolean farther(int e, double lat, double lon, double cos, double bandLat, double prune) {
        if (prune == Double.POSITIVE_INFINITY) return false;
        int b = 4 * e;
        double minLat = box[b], maxLat = box[b + 1], minLon = box[b + 2], maxLon = box[b + 3];
        if (Math.max(Math.abs(minLat), Math.abs(maxLat)) > bandLat) return false; // beyond the cosine's band
        double gapLat = minLat > lat ? minLat - lat : lat > maxLat ? lat - maxLat : 0;
        double gapLon = minLon > lon ? minLon - lon : lon > maxLon ? lon - maxLon : 0;
        double dLat = Math.toRadians(gapLat);
        double dLon = Math.toRadians(gapLon) * cos;
        return dLat * dLat + dLon * dLon > prune;
    }

    /** Tiles (for the tests and the notes). */
    int tiles() {
        return tileStart.length - 1;
    }

    /** Tile-edge entries (for the tests and the notes). */
    int entries() {
        return tileEdges.length;
    }
}
