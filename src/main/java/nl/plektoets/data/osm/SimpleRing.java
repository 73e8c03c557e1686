package nl.plektoets.data.osm;

import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;

/**
 * A quick proof that a closed way's polygon is valid, so that JTS's full validity check (a noding of the ring, a
 * topology graph: most of the import's geometry time) runs only where a polygon may be invalid. A polygon without
 * holes is valid when its coordinates are finite and its ring is simple with at least three distinct corners. This
 * proves the latter only in the plain case and answers false in every other one (the caller then asks JTS): no two
 * consecutive corners equal, no three consecutive corners on one line, and no two non-adjacent edges meeting at all,
 * decided with JTS's exact orientation predicate. The edges are compared pairwise, so only rings up to
 * {@link #MAX_CORNERS} corners (buildings, plots) are tried.
 */
final class SimpleRing {
    /** Beyond this many corners the pairwise comparison costs more than JTS's check. */
    static final int MAX_CORNERS = 48;

    private SimpleRing() {}

    /** True only when the closed ring {@code c} (first == last) is certainly simple; false = unknown. */
    static boolean certainlySimple(Coordinate[] c) {
        int n = c.length - 1; // corners, and edges: edge i runs from c[i] to c[i + 1]
        if (n < 3 || n > MAX_CORNERS || !c[0].equals2D(c[n])) return false;
        for (int i = 0; i <= n; i++) {
            if (!Double.isFinite(c[i].x) || !Double.isFinite(c[i].y)) return false;
        }
        for (int i = 0; i < n; i++) {
            Coordinate a = c[i], b = c[i + 1], next = c[i + 2 > n ? 1 : i + 2];
            if (a.equals2D(b)) return false;
            // collinear neighbours may fold back over each other: left to JTS
            if (Orientation.index(a, b, next) == Orientation.COLLINEAR) return false;
        }
        for (int i = 0; i < n; i++) {
            // edges i and j are adjacent when j == i + 1, or i == 0 and j == n - 1 (they share c[0])
            for (int j = i + 2; j < n; j++) {
                if (i == 0 && j == n - 1) continue;
                if (mayMeet(c[i], c[i + 1], c[j], c[j + 1])) return false;
            }
        }
        return true;
    }

    /** False only when the segments p1-p2 and q1-q2 certainly share no point. */
    private static boolean mayMeet(Coordinate p1, Coordinate p2, Coordinate q1, Coordinate q2) {
        if (Math.max(p1.x, p2.x) < Math.min(q1.x, q2.x)
                || Math.max(q1.x, q2.x) < Math.min(p1.x, p2.x)
                || Math.max(p1.y, p2.y) < Math.min(q1.y, q2.y)
                || Math.max(q1.y, q2.y) < Math.min(p1.y, p2.y)) return false;
        int q1Side = Orientation.index(p1, p2, q1), q2Side = Orientation.index(p1, p2, q2);
        if (q1Side != 0 && q1Side == q2Side) return false;
        int p1Side = Orientation.index(q1, q2, p1), p2Side = Orientation.index(q1, q2, p2);
        return !(p1Side != 0 && p1Side == p2Side);
    }
}
