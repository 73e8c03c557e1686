package nl.plektoets.criteria;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.plektoets.data.Feature;
import nl.plektoets.data.Role;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Point;

/**
 * The address layer as {@link NeighboursCriterion} counts it around a point: each address's point and its kind (its
 * {@code dwelling} mark and {@code use}, so {@link NeighboursCriterion#dwelling} and the split of {@code use} run once
 * per kind, not once per address per request), in rows of square cells sorted by (row, column), so the addresses
 * around a point are a few binary searches away. Built once per lookup.
 *
 * <p>It counts exactly the addresses {@code lookup.withinDistance(ADDRESS, point, r)} returns: the candidates are
 * those in the same box the spatial index searches (the point's envelope grown by {@code r}), and the distance is
 * {@code Coordinate.distance}'s (hypot), compared as the index compares it. Only a layer of points qualifies ({@link #of}
 * returns null otherwise: an area's distance is the index's to work out).
 */
final class NeighbourAddresses {
    /** Cell side in metres: a 100 m effect area (the profile's minimum) spans 5 rows of 5 cells. */
    private static final double CELL_M = 50;

    /** The dwelling marks in the order the answer lists them. */
    static final List<String> DWELLING = List.of("yes", "no", "assumed", "unknown");

    /** One combination of {@code dwelling} mark and {@code use}: its dwelling slot and the parts of its use. */
    record Kind(String dwelling, int slot, String[] useParts) {}

    private final double originX, originY;
    private final long[] keys; // (row << 32) | column, ascending
    private final double[] xs, ys;
    private final int[] kinds;
    private final Kind[] kindTable;

    private NeighbourAddresses(
            double originX, double originY, long[] keys, double[] xs, double[] ys, int[] kinds, Kind[] kindTable) {
        this.originX = originX;
        this.originY = originY;
        this.keys = keys;
        this.xs = xs;
        this.ys = ys;
        this.kinds = kinds;
        this.kindTable = kindTable;
    }

    /** The index of the lookup's address layer, or null when an address is not a point. */
    static NeighbourAddresses of(SpatialLookup lookup) {
        Envelope all = new Envelope(-Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, Double.MAX_VALUE);
        return of(lookup.inEnvelope(Role.ADDRESS, all));
    }

    /** The index over these addresses (as the lookup holds them), or null when one is not a point. */
    static NeighbourAddresses of(List<Feature> addresses) {
        List<Point> points = new ArrayList<>(addresses.size());
        List<Feature> features = new ArrayList<>(addresses.size());
        double minX = Double.POSITIVE_INFINITY, minY = Double.POSITIVE_INFINITY;
        for (Feature f : addresses) {
            if (!(f.geometry() instanceof Point p)) return null;
            // an empty point has no envelope: the spatial index never finds it
            if (p.isEmpty()) continue;
            if (!Double.isFinite(p.getX()) || !Double.isFinite(p.getY())) return null;
            points.add(p);
            features.add(f);
            minX = Math.min(minX, p.getX());
            minY = Math.min(minY, p.getY());
        }
        int n = points.size();
        Map<List<String>, Integer> kindIds = new HashMap<>();
        List<Kind> kindList = new ArrayList<>();
        long[] unsortedKeys = new long[n];
        Integer[] order = new Integer[n];
        int[] kindOf = new int[n];
        for (int i = 0; i < n; i++) {
            Point p = points.get(i);
            Feature f = features.get(i);
            long row = row(p.getY(), minY), column = column(p.getX(), minX);
            // rows and columns share a long: an extent of more than 100,000 km is no address layer
            if (row > Integer.MAX_VALUE || column > Integer.MAX_VALUE) return null;
            unsortedKeys[i] = key(row, column);
            order[i] = i;
            String mark = f.attribute("dwelling"), use = f.attribute("use");
            kindOf[i] = kindIds.computeIfAbsent(Arrays.asList(mark, use), k -> {
                kindList.add(kind(f, use));
                return kindList.size() - 1;
            });
        }
        Arrays.sort(order, (a, b) -> Long.compare(unsortedKeys[a], unsortedKeys[b]));
        long[] keys = new long[n];
        double[] xs = new double[n], ys = new double[n];
        int[] kinds = new int[n];
        for (int i = 0; i < n; i++) {
            int j = order[i];
            keys[i] = unsortedKeys[j];
            xs[i] = points.get(j).getX();
            ys[i] = points.get(j).getY();
            kinds[i] = kindOf[j];
        }
        return new NeighbourAddresses(minX, minY, keys, xs, ys, kinds, kindList.toArray(Kind[]::new));
    }

    private static Kind kind(Feature f, String use) {
        String dwelling = NeighboursCriterion.dwelling(f);
        String[] parts = null;
        if (use != null) {
            parts = use.split(",");
            for (int i = 0; i < parts.length; i++) parts[i] = parts[i].strip();
        }
        return new Kind(dwelling, DWELLING.indexOf(dwelling), parts);
    }

    private static long row(double y, double originY) {
        return (long) Math.floor((y - originY) / CELL_M);
    }

    private static long column(double x, double originX) {
        return (long) Math.floor((x - originX) / CELL_M);
    }

    private static long key(long row, long column) {
        return (row << 32) | column;
    }

    /**
     * The number of addresses of each kind within {@code radiusM} of (x, y); {@code radiusM} at least the spatial
     * index's boundary tolerance (1 cm), as the box it searches is then the point grown by the radius.
     */
    int[] countWithin(double x, double y, double radiusM) {
        int[] counts = new int[kindTable.length];
        if (keys.length == 0) return counts;
        // the box the spatial index searches: the point's envelope grown by the radius (Envelope.expandBy)
        double minX = x - radiusM, maxX = x + radiusM, minY = y - radiusM, maxY = y + radiusM;
        long lastRow = keys[keys.length - 1] >>> 32;
        long r0 = Math.max(0, row(minY, originY)), r1 = Math.min(lastRow, row(maxY, originY));
        long c0 = Math.max(0, column(minX, originX)), c1 = Math.min(Integer.MAX_VALUE, column(maxX, originX));
        if (c0 > c1) return counts;
        for (long r = r0; r <= r1; r++) {
            long last = key(r, c1);
            for (int i = lowerBound(key(r, c0)); i < keys.length && keys[i] <= last; i++) {
                double ax = xs[i], ay = ys[i];
                if (ax < minX || ax > maxX || ay < minY || ay > maxY) continue;
                double dx = x - ax, dy = y - ay;
                if (within(dx, dy, radiusM)) counts[kinds[i]]++;
            }
        }
        return counts;
    }

    /**
     * {@code Math.hypot(dx, dy) <= r}, the index's test ({@code Coordinate.distance} is hypot), without hypot's cost
     * away from the circle: the plain square root differs from hypot by a few units in the last place at most, so
     * only a distance within a relative 1e-12 of the radius needs hypot to decide it as the index does.
     */
    static boolean within(double dx, double dy, double r) {
        double d = Math.sqrt(dx * dx + dy * dy);
        if (d < r * (1 - 1e-12)) return true;
        if (d > r * (1 + 1e-12)) return false;
        return Math.hypot(dx, dy) <= r;
    }

    private int lowerBound(long key) {
        int lo = 0, hi = keys.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (keys[mid] < key) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    /** Whether a counted kind has a dwelling mark outside {@link #DWELLING} (its place in the answer needs the order). */
    boolean hasOtherMark(int[] counts) {
        for (int k = 0; k < counts.length; k++) if (counts[k] > 0 && kindTable[k].slot() < 0) return true;
        return false;
    }

    /** {yes, no, assumed, unknown} with the counts; only when {@link #hasOtherMark} is false. */
    Map<String, Integer> byDwelling(int[] counts) {
        int[] slots = new int[DWELLING.size()];
        for (int k = 0; k < counts.length; k++) slots[kindTable[k].slot()] += counts[k];
        Map<String, Integer> out = new LinkedHashMap<>();
        for (int s = 0; s < slots.length; s++) out.put(DWELLING.get(s), slots[s]);
        return out;
    }

    /** Each part of {@code use} with the number of counted addresses that name it. */
    Map<String, Integer> byUse(int[] counts) {
        Map<String, Integer> out = new TreeMap<>();
        for (int k = 0; k < counts.length; k++) {
            String[] parts = kindTable[k].useParts();
            if (counts[k] == 0 || parts == null) continue;
            for (String u : parts) out.merge(u, counts[k], Integer::sum);
        }
        return out;
    }
}
