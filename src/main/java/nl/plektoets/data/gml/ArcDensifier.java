package nl.plektoets.data.gml;

import java.util.List;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;

/**
 * Replaces circular arcs (GML {@code Arc}, {@code ArcString}, {@code Circle}: each arc given by three points on the
 * circle) by straight chords. The chord count is chosen so that no chord deviates more than {@link #MAX_DEVIATION_M}
 * from the true arc (sagitta = r (1 - cos(step / 2)) <= tolerance), with at least 4 chords per arc. The start and
 * end points are kept exactly, so arcs join their neighbouring segments without gaps.
 */
public final class ArcDensifier {
    /** Maximum distance between the arc and its chords, in metres (working CRS units): 0.1 m. */
    public static final double MAX_DEVIATION_M = 0.1;

    private final double tolerance;

    public ArcDensifier(double tolerance) {
        if (tolerance <= 0) throw new IllegalArgumentException("tolerance must be > 0, got " + tolerance);
        this.tolerance = tolerance;
    }

    public ArcDensifier() {
        this(MAX_DEVIATION_M);
    }

    /**
     * Appends the arc p0 -> p1 -> p2 to {@code out}, excluding p0 (the caller has it already) and including p2.
     * Collinear points give the straight segment.
     */
    public void appendArc(Coordinate p0, Coordinate p1, Coordinate p2, List<Coordinate> out) {
        Coordinate c = center(p0, p1, p2);
        if (c == null) {
            out.add(p1);
            out.add(p2);
            return;
        }
        double r = c.distance(p0);
        double a0 = Math.atan2(p0.y - c.y, p0.x - c.x);
        double a2 = Math.atan2(p2.y - c.y, p2.x - c.x);
        boolean ccw = Orientation.index(p0, p1, p2) == Orientation.COUNTERCLOCKWISE;
        double sweep = ccw ? normalise(a2 - a0) : -normalise(a0 - a2);
        if (p0.equals2D(p2)) sweep = ccw ? 2 * Math.PI : -2 * Math.PI; // full circle
        int n = chords(r, Math.abs(sweep));
        for (int i = 1; i < n; i++) {
            double a = a0 + sweep * i / n;
            out.add(new Coordinate(c.x + r * Math.cos(a), c.y + r * Math.sin(a)));
        }
        out.add(new Coordinate(p2));
    }

    /** The closed ring of the full circle through three points (GML {@code Circle}). */
    public void appendCircle(Coordinate p0, Coordinate p1, Coordinate p2, List<Coordinate> out) {
        Coordinate c = center(p0, p1, p2);
        if (c == null)
            throw new IllegalArgumentException("Circle through three collinear points " + p0 + " " + p1 + " " + p2);
        double r = c.distance(p0);
        double a0 = Math.atan2(p0.y - c.y, p0.x - c.x);
        double dir = Orientation.index(p0, p1, p2) == Orientation.COUNTERCLOCKWISE ? 1 : -1;
        int n = chords(r, 2 * Math.PI);
        out.add(new Coordinate(p0));
        for (int i = 1; i < n; i++) {
            double a = a0 + dir * 2 * Math.PI * i / n;
            out.add(new Coordinate(c.x + r * Math.cos(a), c.y + r * Math.sin(a)));
        }
        out.add(new Coordinate(p0));
    }

    int chords(double r, double sweep) {
        double step = r <= tolerance ? Math.PI / 2 : 2 * Math.acos(1 - tolerance / r);
        return Math.max(4, (int) Math.ceil(sweep / step));
    }

    private static double normalise(double a) {
        double t = a % (2 * Math.PI);
        return t <= 0 ? t + 2 * Math.PI : t;
    }

    /** Centre of the circle through three points, or null when they are (nearly) collinear. */
    static Coordinate center(Coordinate a, Coordinate b, Coordinate c) {
        // translate to a to keep precision with RD coordinates of ~500,000 m
        double bx = b.x - a.x, by = b.y - a.y, cx = c.x - a.x, cy = c.y - a.y;
        double d = 2 * (bx * cy - by * cx);
        double scale = Math.max(bx * bx + by * by, cx * cx + cy * cy);
        if (Math.abs(d) < 1e-12 * scale) return null;
        double b2 = bx * bx + by * by, c2 = cx * cx + cy * cy;
        double ux = (cy * b2 - by * c2) / d;
        double uy = (bx * c2 - cx * b2) / d;
        return new Coordinate(a.x + ux, a.y + uy);
    }
}
