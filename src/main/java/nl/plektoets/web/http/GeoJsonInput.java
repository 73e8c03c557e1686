package nl.plektoets.web.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import nl.plektoets.geo.ApiCrs;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

/**
 * The one GeoJSON (RFC 7946) reader of every request body that carries a geometry (the assessment's site, the
 * housing initiative's site on POST and PATCH), with one set of messages.
 *
 * <p>It accepts what a site can be, Point, Polygon and MultiPolygon, and says precisely what is wrong otherwise:
 * which member, which ring, which position ("ring not closed", "longitude out of range"), as a 400
 * {@code invalid-geojson} problem whose {@code field} is that member's path. It checks structure and ranges;
 * topology (self-intersection) is {@code geo.GeoJson.validationError}'s job, so a caller can tell a malformed request
 * from a well-formed but unusable site (422).
 */
public final class GeoJsonInput {
    /** RD New's domain with a margin (EPSG:28992 area of use, projected); values outside are almost always lon/lat. */
    private static final double RD_MIN_X = -7000, RD_MAX_X = 300000, RD_MIN_Y = 289000, RD_MAX_Y = 629000;

    private GeoJsonInput() {}

    /**
     * A site geometry from its GeoJSON object, in the coordinates of {@code crs} (not transformed).
     *
     * @param field the member's path for messages, e.g. {@code site}
     * @throws Problem 400 invalid-geojson naming the member at fault and the fix
     */
    public static Geometry site(JsonNode node, String field, ApiCrs crs, GeometryFactory factory) {
        if (node == null || !node.isObject()) {
            throw bad(
                    field,
                    "must be a GeoJSON geometry object such as "
                            + "{\"type\": \"Point\", \"coordinates\": [6.6, 52.6]}, got " + kind(node));
        }
        JsonNode type = node.get("type");
        if (type == null || !type.isTextual()) {
            throw bad(field + ".type", "missing or not a string; use \"Point\", \"Polygon\" or \"MultiPolygon\"");
        }
        JsonNode coords = node.get("coordinates");
        String t = type.asText();
        switch (t) {
            case "Point", "Polygon", "MultiPolygon" -> {
                if (coords == null || coords.isNull()) throw bad(field + ".coordinates", "missing");
            }
            case "Feature" ->
                throw bad(
                        field + ".type",
                        "is a Feature; send its geometry member (a Point, Polygon or MultiPolygon) as the site");
            case "LineString", "MultiLineString", "MultiPoint", "GeometryCollection", "FeatureCollection" ->
                throw bad(
                        field + ".type",
                        "\"" + t + "\" is not a site; use a Point (an address "
                                + "or building) or a Polygon/MultiPolygon (a plot)");
            default ->
                throw bad(
                        field + ".type",
                        "\"" + t + "\" is not a GeoJSON geometry type; use "
                                + "\"Point\", \"Polygon\" or \"MultiPolygon\" (case-sensitive)");
        }
        String c = field + ".coordinates";
        return switch (t) {
            case "Point" -> factory.createPoint(position(coords, c, crs));
            case "Polygon" -> polygon(coords, c, crs, factory);
            default -> {
                List<JsonNode> polys = array(coords, c, "an array of polygons", 1);
                Polygon[] ps = new Polygon[polys.size()];
                for (int i = 0; i < ps.length; i++) ps[i] = polygon(polys.get(i), c + "[" + i + "]", crs, factory);
                yield factory.createMultiPolygon(ps);
            }
        };
    }

    private static Polygon polygon(JsonNode node, String field, ApiCrs crs, GeometryFactory factory) {
        List<JsonNode> rings = array(node, field, "an array of linear rings (the first is the outer ring)", 1);
        LinearRing shell = ring(rings.get(0), field + "[0]", crs, factory);
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 1; i < rings.size(); i++) holes[i - 1] = ring(rings.get(i), field + "[" + i + "]", crs, factory);
        return factory.createPolygon(shell, holes);
    }

    private static LinearRing ring(JsonNode node, String field, ApiCrs crs, GeometryFactory factory) {
        List<JsonNode> positions = array(node, field, "a linear ring (an array of positions)", 0);
        if (positions.size() < 4) {
            throw bad(
                    field,
                    "ring has " + positions.size() + " positions; a linear ring needs at least 4,"
                            + " the last repeating the first");
        }
        Coordinate[] cs = new Coordinate[positions.size()];
        for (int i = 0; i < cs.length; i++) cs[i] = position(positions.get(i), field + "[" + i + "]", crs);
        if (!cs[0].equals2D(cs[cs.length - 1])) {
            throw bad(
                    field,
                    "ring not closed: the last position " + text(cs[cs.length - 1]) + " must repeat the first "
                            + text(cs[0]));
        }
        return factory.createLinearRing(cs);
    }

    private static Coordinate position(JsonNode node, String field, ApiCrs crs) {
        if (node == null || !node.isArray() || node.size() < 2 || node.size() > 3) {
            throw bad(
                    field,
                    "a position must be an array of 2 numbers ["
                            + (crs == ApiCrs.CRS84 ? "longitude, latitude" : "x, y") + "], got " + kind(node));
        }
        for (int i = 0; i < node.size(); i++) {
            if (!node.get(i).isNumber()) {
                throw bad(field + "[" + i + "]", "must be a number, got " + kind(node.get(i)));
            }
        }
        double x = node.get(0).asDouble(), y = node.get(1).asDouble();
        if (!Double.isFinite(x) || !Double.isFinite(y)) throw bad(field, "coordinates must be finite");
        if (crs == ApiCrs.CRS84) {
            if (x < -180 || x > 180) {
                throw bad(
                        field + "[0]",
                        "longitude " + x + " out of range -180..180"
                                + (looksLikeRd(x, y)
                                        ? "; these look like RD New coordinates: set \"crs\": \"EPSG:28992\""
                                        : ""));
            }
            if (y < -90 || y > 90) {
                throw bad(field + "[1]", "latitude " + y + " out of range -90..90");
            }
        } else {
            if (x < RD_MIN_X || x > RD_MAX_X || y < RD_MIN_Y || y > RD_MAX_Y) {
                throw bad(
                        field,
                        "[" + x + ", " + y + "] lies outside RD New's domain (x " + (long) RD_MIN_X
                                + ".." + (long) RD_MAX_X + ", y " + (long) RD_MIN_Y + ".." + (long) RD_MAX_Y + ")"
                                + (Math.abs(x) <= 180 && Math.abs(y) <= 90
                                        ? "; these look like longitude, latitude: set \"crs\": \"CRS84\""
                                        : ""));
            }
        }
        return new Coordinate(x, y);
    }

    private static boolean looksLikeRd(double x, double y) {
        return x >= RD_MIN_X && x <= RD_MAX_X && y >= RD_MIN_Y && y <= RD_MAX_Y;
    }

    private static List<JsonNode> array(JsonNode node, String field, String what, int min) {
        if (node == null || !node.isArray()) throw bad(field, "must be " + what + ", got " + kind(node));
        if (node.size() < min) throw bad(field, "must be " + what + " with at least " + min + " element");
        List<JsonNode> out = new ArrayList<>(node.size());
        node.forEach(out::add);
        return out;
    }

    private static String kind(JsonNode n) {
        if (n == null || n.isMissingNode()) return "nothing";
        if (n.isNull()) return "null";
        if (n.isArray()) return "an array of " + n.size();
        if (n.isObject()) return "an object";
        if (n.isTextual()) return "the string \"" + n.asText() + "\"";
        return n.toString();
    }

    private static String text(Coordinate c) {
        return "[" + c.x + ", " + c.y + "]";
    }

    /** 400 invalid-geojson; the detail starts with the member's path, as the field does. */
    private static Problem bad(String field, String message) {
        return new Problem(Problem.Type.INVALID_GEOJSON, field, field + ": " + message);
    }
}
