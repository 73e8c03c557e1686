package nl.plektoets.web;

import nl.plektoets.geo.ApiCrs;
import nl.plektoets.geo.WorkingCrs;
import nl.plektoets.web.http.Problem;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * The {@code bbox} query parameter (minx,miny,maxx,maxy in CRS84 or RD New; or six numbers with heights, which are
 * ignored) of every endpoint that filters by area.
 */
final class BboxParameter {
    private BboxParameter() {}

    /** The envelope in the working CRS that covers the requested box; a {@link Problem} naming {@code bbox} if bad. */
    static Envelope toWorking(String text, ApiCrs crs, WorkingCrs workingCrs) {
        String[] parts = text.split(",", -1);
        if (parts.length == 6) {
            // OGC API - Features: minx,miny,minz,maxx,maxy,maxz; every layer here is flat, so the heights select
            // nothing
            for (int i : new int[] {2, 5}) {
                try {
                    Double.parseDouble(parts[i].trim());
                } catch (NumberFormatException e) {
                    throw new Problem(
                            Problem.Type.INVALID_PARAMETER,
                            "bbox",
                            "bbox value " + (i + 1) + " '" + parts[i] + "' (a height) is not a number");
                }
            }
            parts = new String[] {parts[0], parts[1], parts[3], parts[4]};
        } else if (parts.length != 4) {
            throw new Problem(
                    Problem.Type.INVALID_PARAMETER,
                    "bbox",
                    "bbox must be 4 numbers minx,miny,maxx,maxy ("
                            + (crs == ApiCrs.CRS84 ? "longitude, latitude" : "RD New metres") + "), or 6 with heights"
                            + " minx,miny,minz,maxx,maxy,maxz; got '" + text + "'");
        }
        double[] v = new double[4];
        for (int i = 0; i < 4; i++) {
            try {
                v[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                v[i] = Double.NaN;
            }
            if (!Double.isFinite(v[i])) {
                throw new Problem(
                        Problem.Type.INVALID_PARAMETER,
                        "bbox",
                        "bbox value " + (i + 1) + " '" + parts[i] + "' is not a number");
            }
        }
        if (v[0] > v[2] || v[1] > v[3]) {
            throw new Problem(
                    Problem.Type.INVALID_PARAMETER,
                    "bbox",
                    "bbox must be minx,miny,maxx,maxy with min <= max, got '" + text + "'");
        }
        if (crs == ApiCrs.CRS84 && (v[0] < -180 || v[2] > 180 || v[1] < -90 || v[3] > 90)) {
            throw new Problem(
                    Problem.Type.INVALID_PARAMETER,
                    "bbox",
                    "bbox '" + text + "' is outside longitude -180..180,"
                            + " latitude -90..90; for RD New metres add bbox-crs=" + ApiCrs.RD_NEW.uri());
        }
        // densified so the box's curved image in the working CRS is covered
        Coordinate[] ring = new Coordinate[4 * 8 + 1];
        double[][] corners = {{v[0], v[1]}, {v[2], v[1]}, {v[2], v[3]}, {v[0], v[3]}};
        int k = 0;
        for (int side = 0; side < 4; side++) {
            double[] a = corners[side], b = corners[(side + 1) % 4];
            for (int s = 0; s < 8; s++)
                ring[k++] = new Coordinate(a[0] + (b[0] - a[0]) * s / 8, a[1] + (b[1] - a[1]) * s / 8);
        }
        ring[k] = ring[0];
        Geometry box = workingCrs.geometryFactory().createPolygon(ring);
        return crs.toWorking(box, workingCrs).getEnvelopeInternal();
    }
}
