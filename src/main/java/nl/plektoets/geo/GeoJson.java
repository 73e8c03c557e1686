package nl.plektoets.geo;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * GeoJSON (RFC 7946) geometry out, on Jackson trees, and the topology check of a geometry read from a request. Pure
 * geometry: reading requests is {@code web.http.GeoJsonInput}'s job, features (our data model) {@code web.FeatureJson}'s.
 *
 * <p>Writing rounds to the CRS's decimals (7 for CRS84, about 1 cm; 3 for RD New, 1 mm): more digits only inflate
 * responses and suggest a precision the data does not have.
 */
public final class GeoJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private GeoJson() {}

    // ---------------------------------------------------------------- checking

    /** JTS's first topology error (self-intersection, ring self-intersection, nested shells...), if any. */
    public static Optional<TopologyValidationError> validationError(Geometry g) {
        return Optional.ofNullable(new IsValidOp(g).getValidationError());
    }

    // ---------------------------------------------------------------- writing

    /** A GeoJSON geometry object, coordinates rounded to {@code decimals}. */
    public static ObjectNode write(Geometry g, int decimals) {
        ObjectNode o = NODES.objectNode();
        o.put("type", g.getGeometryType());
        if (g instanceof GeometryCollection gc
                && !(g instanceof MultiPoint || g instanceof MultiLineString || g instanceof MultiPolygon)) {
            ArrayNode members = o.putArray("geometries");
            for (int i = 0; i < gc.getNumGeometries(); i++) members.add(write(gc.getGeometryN(i), decimals));
            return o;
        }
        o.set("coordinates", coordinates(g, decimals));
        return o;
    }

    /** A GeoJSON geometry in {@code crs} from a working-CRS geometry. */
    public static ObjectNode write(Geometry working, WorkingCrs workingCrs, ApiCrs crs) {
        return write(crs.fromWorking(working, workingCrs), crs.decimals());
    }

    /**
     * The same GeoJSON as {@link #write(Geometry, WorkingCrs, ApiCrs)}, streamed: for CRS84 each coordinate is
     * transformed as it is written (the tree version copies the geometry first), which is what an answer's evidence
     * geometries cost most of.
     */
    public static void write(Geometry working, WorkingCrs workingCrs, ApiCrs crs, JsonGenerator out)
            throws IOException {
        if (crs != ApiCrs.CRS84) {
            out.writeTree(write(working, workingCrs, crs));
            return;
        }
        new Streamed(workingCrs, crs.decimals(), out).write(working);
    }

    /**
     * A writer of CRS84 GeoJSON geometries into {@code out}, the same as {@link #write(Geometry, WorkingCrs, ApiCrs,
     * JsonGenerator)} for each: for the several geometries of one answer, which share its scratch and last cell. One
     * thread, one generator.
     */
    public static Streamed crs84(WorkingCrs workingCrs, JsonGenerator out) {
        return new Streamed(workingCrs, ApiCrs.CRS84.decimals(), out);
    }

    /**
     * Streamed geometries: each position rounded through the working CRS's {@link LonLatCells} (the same digits as
     * Proj4J's transform rounded, mostly without it). Into a byte generator ({@link JsonBytes#usableWith}) a geometry
     * is built as bytes and written as one raw value, its numbers' digits written from the rounded decimal by {@link
     * DecimalText} where that is proven to be {@code Double.toString}'s text (the generator's {@code writeNumber}),
     * else by {@code Double.toString}; into any other generator (a {@code TokenBuffer}) token by token.
     */
    public static final class Streamed {
        private static final byte[] TYPE = "{\"type\":\"".getBytes(StandardCharsets.US_ASCII);
        private static final byte[] COORDINATES = "\",\"coordinates\":".getBytes(StandardCharsets.US_ASCII);
        private static final byte[] GEOMETRIES = "\",\"geometries\":[".getBytes(StandardCharsets.US_ASCII);

        private final LonLatCells.Cursor lonLat;
        private final int decimals;
        private final JsonGenerator out;
        /** Where this writer builds a geometry as bytes, or null: token by token. */
        private final JsonBytes raw;
        /** Where the geometry being built goes: {@link #raw}, or a caller's bytes. */
        private JsonBytes buf;

        private Streamed(WorkingCrs workingCrs, int decimals, JsonGenerator out) {
            this.lonLat = workingCrs.lonLatCells().cursor();
            this.decimals = decimals;
            this.out = out;
            this.raw = JsonBytes.usableWith(out) ? new JsonBytes(2048) : null;
        }

        /** One working-CRS geometry as a GeoJSON geometry object in CRS84. */
        public void write(Geometry g) throws IOException {
            if (raw == null) {
                geometry(g);
                return;
            }
            raw.clear();
            buf = raw;
            rawGeometry(g);
            raw.writeTo(out);
        }

        /**
         * Appends the bytes {@link #write} writes for {@code g} into a byte generator ({@link JsonBytes#usableWith}) to
         * {@code to}: for a caller that builds a larger value as bytes.
         */
        public void appendTo(JsonBytes to, Geometry g) {
            buf = to;
            rawGeometry(g);
        }

        // ------------------------------------------------ as bytes: the tokens below, without the generator

        private void rawGeometry(Geometry g) {
            buf.append(TYPE);
            buf.appendAscii(g.getGeometryType());
            if (g instanceof GeometryCollection gc
                    && !(g instanceof MultiPoint || g instanceof MultiLineString || g instanceof MultiPolygon)) {
                buf.append(GEOMETRIES);
                for (int i = 0; i < gc.getNumGeometries(); i++) {
                    if (i > 0) buf.append((byte) ',');
                    rawGeometry(gc.getGeometryN(i));
                }
                buf.append((byte) ']');
            } else {
                buf.append(COORDINATES);
                rawCoordinates(g);
            }
            buf.append((byte) '}');
        }

        private void rawCoordinates(Geometry g) {
            if (g instanceof Point p) {
                if (p.isEmpty()) {
                    buf.append((byte) '[');
                    buf.append((byte) ']');
                } else {
                    rawPosition(p.getCoordinateSequence(), 0);
                }
                return;
            }
            buf.append((byte) '[');
            if (g instanceof LineString l) {
                rawPositions(l.getCoordinateSequence());
            } else if (g instanceof Polygon p) {
                if (!p.isEmpty()) {
                    rawRing(p.getExteriorRing());
                    for (int i = 0; i < p.getNumInteriorRing(); i++) {
                        buf.append((byte) ',');
                        rawRing(p.getInteriorRingN(i));
                    }
                }
            } else {
                for (int i = 0; i < g.getNumGeometries(); i++) {
                    if (i > 0) buf.append((byte) ',');
                    rawCoordinates(g.getGeometryN(i));
                }
            }
            buf.append((byte) ']');
        }

        private void rawRing(LineString ring) {
            buf.append((byte) '[');
            rawPositions(ring.getCoordinateSequence());
            buf.append((byte) ']');
        }

        private void rawPositions(org.locationtech.jts.geom.CoordinateSequence seq) {
            for (int i = 0; i < seq.size(); i++) {
                if (i > 0) buf.append((byte) ',');
                rawPosition(seq, i);
            }
        }

        private void rawPosition(org.locationtech.jts.geom.CoordinateSequence seq, int i) {
            lonLat.round(seq.getX(i), seq.getY(i), decimals);
            buf.append((byte) '[');
            rawNumber(lonLat.lonUnscaled, lonLat.lon);
            buf.append((byte) ',');
            rawNumber(lonLat.latUnscaled, lonLat.lat);
            buf.append((byte) ']');
        }

        /** What {@code writeNumber(d)} writes, {@code d} being {@code unscaled / 10^decimals} (always finite). */
        private void rawNumber(long unscaled, double d) {
            if (DecimalText.covers(unscaled, decimals)) {
                byte[] b = buf.room(DecimalText.MAX_LENGTH);
                buf.advanceTo(DecimalText.write(unscaled, decimals, b, buf.length()));
            } else {
                buf.appendAscii(Double.toString(d));
            }
        }

        // ------------------------------------------------ token by token

        private void geometry(Geometry g) throws IOException {
            out.writeStartObject();
            out.writeStringField("type", g.getGeometryType());
            if (g instanceof GeometryCollection gc
                    && !(g instanceof MultiPoint || g instanceof MultiLineString || g instanceof MultiPolygon)) {
                out.writeArrayFieldStart("geometries");
                for (int i = 0; i < gc.getNumGeometries(); i++) geometry(gc.getGeometryN(i));
                out.writeEndArray();
            } else {
                out.writeFieldName("coordinates");
                coordinates(g);
            }
            out.writeEndObject();
        }

        private void coordinates(Geometry g) throws IOException {
            if (g instanceof Point p) {
                if (p.isEmpty()) {
                    out.writeStartArray();
                    out.writeEndArray();
                } else {
                    position(p.getCoordinateSequence(), 0);
                }
                return;
            }
            out.writeStartArray();
            if (g instanceof LineString l) {
                positions(l.getCoordinateSequence());
            } else if (g instanceof Polygon p) {
                if (!p.isEmpty()) {
                    ring(p.getExteriorRing());
                    for (int i = 0; i < p.getNumInteriorRing(); i++) ring(p.getInteriorRingN(i));
                }
            } else {
                for (int i = 0; i < g.getNumGeometries(); i++) coordinates(g.getGeometryN(i));
            }
            out.writeEndArray();
        }

        private void ring(LineString ring) throws IOException {
            out.writeStartArray();
            positions(ring.getCoordinateSequence());
            out.writeEndArray();
        }

        private void positions(org.locationtech.jts.geom.CoordinateSequence seq) throws IOException {
            for (int i = 0; i < seq.size(); i++) position(seq, i);
        }

        private void position(org.locationtech.jts.geom.CoordinateSequence seq, int i) throws IOException {
            lonLat.round(seq.getX(i), seq.getY(i), decimals);
            out.writeStartArray();
            out.writeNumber(lonLat.lon);
            out.writeNumber(lonLat.lat);
            out.writeEndArray();
        }
    }

    private static JsonNode coordinates(Geometry g, int decimals) {
        if (g instanceof Point p) return p.isEmpty() ? NODES.arrayNode() : position(p.getCoordinate(), decimals);
        if (g instanceof LineString l) return positions(l.getCoordinates(), decimals);
        if (g instanceof Polygon p) {
            ArrayNode rings = NODES.arrayNode();
            if (p.isEmpty()) return rings;
            rings.add(positions(p.getExteriorRing().getCoordinates(), decimals));
            for (int i = 0; i < p.getNumInteriorRing(); i++)
                rings.add(positions(p.getInteriorRingN(i).getCoordinates(), decimals));
            return rings;
        }
        ArrayNode parts = NODES.arrayNode();
        for (int i = 0; i < g.getNumGeometries(); i++) parts.add(coordinates(g.getGeometryN(i), decimals));
        return parts;
    }

    private static ArrayNode positions(Coordinate[] cs, int decimals) {
        ArrayNode a = NODES.arrayNode();
        for (Coordinate c : cs) a.add(position(c, decimals));
        return a;
    }

    private static ArrayNode position(Coordinate c, int decimals) {
        return NODES.arrayNode().add(round(c.x, decimals)).add(round(c.y, decimals));
    }

    /** Rounds half-up to {@code decimals}; the double closest to the decimal prints as that decimal. */
    public static double round(double v, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(v * scale) / scale;
    }
}
