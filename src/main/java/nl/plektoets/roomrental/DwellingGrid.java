package nl.plektoets.roomrental;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Point;

/**
 * The dwellings of a {@link StreetModel} as points in square cells, for "which dwellings lie within r of this point":
 * the answer of the STRtree the model used to query plus a DistanceOp per dwelling, from plain arrays. Exactly the
 * same dwellings: a candidate passes the same test against the same search envelope (the point's, grown by r) as the
 * tree's, and then {@code location.distance(p) <= r}, computed as JTS computes it for two points (their coordinates'
 * {@code Math.hypot}). Each dwelling carries its rank in the tree's order (the tree returns the items of any query in
 * one fixed order: its leaves depth first), so callers that ordered ties by the tree's order still can.
 *
 * <p>Built once with the model; immutable, thread-safe.
 */
final class DwellingGrid {
    /** Cell size, metres: a 25 m query reads 1 to 4 cells, the 200 m one of an unknown answer about 81. */
    static final double CELL_M = 50;
    /** At most this many cells; a larger extent gets larger cells. */
    static final int MAX_CELLS = 1 << 22;

    private final double originX, originY, cell;
    private final int cols, rows;
    /** Per cell (row-major), where its dwellings start in the arrays below; one more at the end. */
    private final int[] cellStart;

    private final double[] xs, ys;
    private final Dwelling[] dwellings;
    private final int[] ranks;

    /** {@code inTreeOrder}: the dwellings as the model's tree returns them for a query covering them all. */
    DwellingGrid(List<Dwelling> inTreeOrder) {
        int n = inTreeOrder.size();
        Envelope extent = new Envelope();
        for (Dwelling d : inTreeOrder) extent.expandToInclude(d.location().getCoordinate());
        double size = CELL_M;
        if (n > 0) {
            while ((extent.getWidth() / size + 1) * (extent.getHeight() / size + 1) > MAX_CELLS) size *= 2;
        }
        cell = size;
        originX = n == 0 ? 0 : extent.getMinX();
        originY = n == 0 ? 0 : extent.getMinY();
        cols = n == 0 ? 1 : (int) Math.floor((extent.getMaxX() - originX) / cell) + 1;
        rows = n == 0 ? 1 : (int) Math.floor((extent.getMaxY() - originY) / cell) + 1;
        int[] cellOf = new int[n];
        cellStart = new int[cols * rows + 1];
        for (int i = 0; i < n; i++) {
            Coordinate c = inTreeOrder.get(i).location().getCoordinate();
            cellOf[i] = row(c.y) * cols + col(c.x);
            cellStart[cellOf[i] + 1]++;
        }
        for (int k = 0; k < cols * rows; k++) cellStart[k + 1] += cellStart[k];
        int[] next = cellStart.clone();
        xs = new double[n];
        ys = new double[n];
        dwellings = new Dwelling[n];
        ranks = new int[n];
        for (int i = 0; i < n; i++) { // in tree order, so each cell holds its dwellings by rank
            int at = next[cellOf[i]]++;
            Dwelling d = inTreeOrder.get(i);
            xs[at] = d.location().getX();
            ys[at] = d.location().getY();
            dwellings[at] = d;
            ranks[at] = i;
        }
    }

    private int col(double x) {
        return (int) Math.floor((x - originX) / cell);
    }

    private int row(double y) {
        return (int) Math.floor((y - originY) / cell);
    }

    /** A dwelling within the distance, its distance and its rank in the tree's order. */
    record Hit(Dwelling dwelling, double distanceM, int rank) {}

    /** The dwellings within {@code metres} of {@code p} (not empty), by cell: the order is the caller's to make. */
    List<Hit> within(Point p, double metres) {
        Coordinate q = p.getCoordinate();
        // the tree's search envelope, made as it was made
        Envelope env = new Envelope(q);
        env.expandBy(metres);
        List<Hit> out = new ArrayList<>();
        if (xs.length == 0 || env.isNull()) return out;
        // floor of (v - origin) / cell is monotone in v: every dwelling inside env lies in these cells
        int c0 = Math.max(0, col(env.getMinX())), c1 = Math.min(cols - 1, col(env.getMaxX()));
        int r0 = Math.max(0, row(env.getMinY())), r1 = Math.min(rows - 1, row(env.getMaxY()));
        double minX = env.getMinX(), maxX = env.getMaxX(), minY = env.getMinY(), maxY = env.getMaxY();
        for (int r = r0; r <= r1; r++) {
            for (int k = r * cols + c0, end = r * cols + c1; k <= end; k++) {
                for (int i = cellStart[k]; i < cellStart[k + 1]; i++) {
                    double x = xs[i], y = ys[i];
                    // Envelope.intersects of the dwelling's point envelope and the search envelope
                    if (x < minX || x > maxX || y < minY || y > maxY) continue;
                    double distance = Math.hypot(x - q.x, y - q.y); // Coordinate.distance, DistanceOp's for two points
                    if (distance <= metres) out.add(new Hit(dwellings[i], distance, ranks[i]));
                }
            }
        }
        return out;
    }
}
