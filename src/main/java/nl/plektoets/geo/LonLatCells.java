package nl.plektoets.geo;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * Working-CRS positions to CRS84 rounded to a few decimals, the digits GeoJSON writes, mostly without Proj4J: the same
 * rounded doubles as {@code GeoJson.round(toLonLat(x, y), decimals)}, several times cheaper (an answer's evidence
 * geometries are mostly made per request, e.g. {@code neighbours}' 65-vertex effect area around the site, so nothing
 * can be kept per feature; see docs/performance.md, session 9).
 *
 * <p>The working plane is cut into cells of {@link #CELL_M} metres. A cell, on first use, holds a bicubic polynomial
 * interpolating Proj4J's longitude and latitude at 4 x 4 Chebyshev nodes; the transform is smooth at this scale, so
 * the polynomial differs from Proj4J by about 1e-15 degrees. A position is rounded from the polynomial only when
 * every value within {@link #BOUND_DEG} of it rounds to the same decimal: rounding ({@code Math.round(v * scale)}) is
 * monotone, so Proj4J's value, which lies within that interval, rounds to it too and the written digits are the
 * same. Otherwise (about 2 in 1,000 ordinates at 7 decimals) the position takes Proj4J's transform as before.
 *
 * <p>The bound is checked, not assumed: each cell is compared with Proj4J at its corners and centre when it is made,
 * and a cell off by more than a hundredth of the bound (never seen in RD New or UTM) sends its positions to Proj4J.
 * Cells are kept per {@link WorkingCrs} instance (a served state's), at most {@link #MAX_CELLS}; beyond that the
 * positions take Proj4J's transform.
 */
final class LonLatCells {
    /** Side of a cell in working-CRS units (metres). */
    static final double CELL_M = 1024;
    /** The most a cell's polynomial may differ from Proj4J's longitude or latitude, in degrees (about 10 um). */
    static final double BOUND_DEG = 1e-10;
    /** About 6 MB at most; a municipality of 1,000 km^2 needs under 1,000 cells. */
    static final int MAX_CELLS = 16_384;

    private static final int N = 4;
    /** Chebyshev nodes of the first kind on [-1, 1]. */
    private static final double[] NODES = new double[N];
    /** The inverse of the Vandermonde matrix of the nodes: monomial coefficients from values at the nodes. */
    private static final double[][] VANDERMONDE_INVERSE;

    static {
        for (int k = 0; k < N; k++) NODES[k] = Math.cos((2 * k + 1) * Math.PI / (2 * N));
        double[][] v = new double[N][N];
        for (int k = 0; k < N; k++) for (int i = 0; i < N; i++) v[k][i] = Math.pow(NODES[k], i);
        VANDERMONDE_INVERSE = invert(v);
    }

    /** A cell whose polynomial could not be trusted (or made): its positions take Proj4J's transform. */
    private static final Cell UNUSABLE = new Cell(0, 0, 0, 0, null, null);

    private final WorkingCrs crs;
    private final ConcurrentHashMap<Long, Cell> cells = new ConcurrentHashMap<>();
    private final AtomicInteger made = new AtomicInteger();
    /** A counter many threads add to when a cell cannot help (beyond the cap, say): not one contended word. */
    private final LongAdder exact = new LongAdder();

    LonLatCells(WorkingCrs crs) {
        this.crs = crs;
    }

    /** Per writer (one thread): the scratch of Proj4J's transform and the last cell used. */
    final class Cursor {
        private final ProjCoordinate in = new ProjCoordinate();
        private final ProjCoordinate out = new ProjCoordinate();
        private long lastKey = Long.MIN_VALUE;
        private Cell last;
        /** Math.pow(10, decimals) of the last call: pow per position cost more than the polynomial. */
        private int decimals = Integer.MIN_VALUE;

        private double scale;
        /** The rounded longitude and latitude of the last {@link #round} call. */
        double lon;

        double lat;
        /** The same as decimals' units ({@code lon == lonUnscaled / 10^decimals}): the digits to write. */
        long lonUnscaled;

        long latUnscaled;

        /** Working-CRS x, y to CRS84 rounded to {@code decimals} into {@link #lon}, {@link #lat}. */
        void round(double x, double y, int decimals) {
            if (decimals != this.decimals) {
                this.scale = Math.pow(10, decimals);
                this.decimals = decimals;
            }
            double scale = this.scale;
            Cell c = cell(x, y);
            if (c != null && c.lon != null && BOUND_DEG * scale < 0.01) {
                double u = (x - c.cx) * (2 / CELL_M);
                double v = (y - c.cy) * (2 / CELL_M);
                double approxLon = c.lon0 + eval(c.lon, u, v);
                double approxLat = c.lat0 + eval(c.lat, u, v);
                long lonLow = Math.round((approxLon - BOUND_DEG) * scale);
                long latLow = Math.round((approxLat - BOUND_DEG) * scale);
                if (lonLow == Math.round((approxLon + BOUND_DEG) * scale)
                        && latLow == Math.round((approxLat + BOUND_DEG) * scale)) {
                    // GeoJson.round's expression on the decimal both ends of the interval agree on
                    lonUnscaled = lonLow;
                    latUnscaled = latLow;
                    lon = lonLow / scale;
                    lat = latLow / scale;
                    return;
                }
            }
            exact.increment();
            crs.toLonLat(x, y, in, out);
            // GeoJson.round(v, decimals), its two steps apart
            lonUnscaled = Math.round(out.x * scale);
            latUnscaled = Math.round(out.y * scale);
            lon = lonUnscaled / scale;
            lat = latUnscaled / scale;
        }

        /** The cell's polynomial at x, y, unrounded ({lon, lat}), or null where Proj4J answers (for tests). */
        double[] polynomial(double x, double y) {
            Cell c = cell(x, y);
            if (c == null || c.lon == null) return null;
            double u = (x - c.cx) * (2 / CELL_M);
            double v = (y - c.cy) * (2 / CELL_M);
            return new double[] {c.lon0 + eval(c.lon, u, v), c.lat0 + eval(c.lat, u, v)};
        }

        private Cell cell(double x, double y) {
            if (!(Math.abs(x) < 1e9 && Math.abs(y) < 1e9)) return null; // NaN, infinite or far outside any CRS
            long ix = (long) Math.floor(x / CELL_M);
            long iy = (long) Math.floor(y / CELL_M);
            long key = (ix << 32) ^ (iy & 0xffffffffL);
            if (key == lastKey) return last;
            Cell c = cells.get(key);
            if (c == null) {
                if (cells.size() >= MAX_CELLS) return null;
                c = cells.computeIfAbsent(key, k -> make(ix, iy, in, out));
            }
            lastKey = key;
            last = c;
            return c;
        }
    }

    Cursor cursor() {
        return new Cursor();
    }

    /** Cells made so far (for tests and benchmarks). */
    int cellsMade() {
        return made.get();
    }

    /** Positions that took Proj4J's transform so far (for tests and benchmarks). */
    int exactPositions() {
        return exact.intValue();
    }

    private Cell make(long ix, long iy, ProjCoordinate in, ProjCoordinate out) {
        made.incrementAndGet();
        double cx = (ix + 0.5) * CELL_M;
        double cy = (iy + 0.5) * CELL_M;
        try {
            crs.toLonLat(cx, cy, in, out);
            double lon0 = out.x;
            double lat0 = out.y;
            double[][] lonAt = new double[N][N];
            double[][] latAt = new double[N][N];
            for (int k = 0; k < N; k++) {
                for (int l = 0; l < N; l++) {
                    crs.toLonLat(cx + NODES[k] * CELL_M / 2, cy + NODES[l] * CELL_M / 2, in, out);
                    lonAt[k][l] = out.x - lon0;
                    latAt[k][l] = out.y - lat0;
                }
            }
            Cell c = new Cell(cx, cy, lon0, lat0, coefficients(lonAt), coefficients(latAt));
            // the corners and the centre against Proj4J: the cell is used only if they agree well inside the bound
            double[] checkU = {-1, -1, 1, 1, 0};
            double[] checkV = {-1, 1, -1, 1, 0};
            for (int i = 0; i < checkU.length; i++) {
                crs.toLonLat(cx + checkU[i] * CELL_M / 2, cy + checkV[i] * CELL_M / 2, in, out);
                double dLon = Math.abs(lon0 + eval(c.lon, checkU[i], checkV[i]) - out.x);
                double dLat = Math.abs(lat0 + eval(c.lat, checkU[i], checkV[i]) - out.y);
                if (!(dLon < BOUND_DEG / 100 && dLat < BOUND_DEG / 100)) return UNUSABLE;
            }
            return c;
        } catch (RuntimeException e) {
            return UNUSABLE; // outside the projection's domain: Proj4J answers (or refuses) each position itself
        }
    }

    /** Monomial coefficients a[i * N + j] of u^i v^j from the values at the nodes (node k in u, node l in v). */
    private static double[] coefficients(double[][] at) {
        double[] a = new double[N * N];
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < N; j++) {
                double s = 0;
                for (int k = 0; k < N; k++)
                    for (int l = 0; l < N; l++) s += VANDERMONDE_INVERSE[i][k] * VANDERMONDE_INVERSE[j][l] * at[k][l];
                a[i * N + j] = s;
            }
        }
        return a;
    }

    private static double eval(double[] a, double u, double v) {
        double q3 = ((a[15] * v + a[14]) * v + a[13]) * v + a[12];
        double q2 = ((a[11] * v + a[10]) * v + a[9]) * v + a[8];
        double q1 = ((a[7] * v + a[6]) * v + a[5]) * v + a[4];
        double q0 = ((a[3] * v + a[2]) * v + a[1]) * v + a[0];
        return ((q3 * u + q2) * u + q1) * u + q0;
    }

    private static double[][] invert(double[][] m) {
        int n = m.length;
        double[][] a = new double[n][2 * n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(m[i], 0, a[i], 0, n);
            a[i][n + i] = 1;
        }
        for (int c = 0; c < n; c++) {
            int p = c;
            for (int r = c + 1; r < n; r++) if (Math.abs(a[r][c]) > Math.abs(a[p][c])) p = r;
            double[] t = a[c];
            a[c] = a[p];
            a[p] = t;
            double d = a[c][c];
            for (int k = 0; k < 2 * n; k++) a[c][k] /= d;
            for (int r = 0; r < n; r++) {
                if (r == c) continue;
                double f = a[r][c];
                for (int k = 0; k < 2 * n; k++) a[r][k] -= f * a[c][k];
            }
        }
        double[][] inv = new double[n][n];
        for (int i = 0; i < n; i++) System.arraycopy(a[i], n, inv[i], 0, n);
        return inv;
    }

    /** Centre, Proj4J's value there, and the coefficients of the offsets from it (null: unusable). */
    private record Cell(double cx, double cy, double lon0, double lat0, double[] lon, double[] lat) {}
}
