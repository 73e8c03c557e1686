package nl.plektoets.geo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import nl.plektoets.data.Feature;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * GeoJSON (RFC 7946) geometry in and GeoJSON geometry, features and feature collections out, on Jackson trees.
 *
 * <p>Reading accepts what a site can be, Point, Polygon and MultiPolygon, and says precisely what is wrong
 * otherwise: which member, which ring, which position ("ring not closed", "longitude out of range"). Reading checks
 * structure and ranges; topology (self-intersection) is {@link #validationError}'s job, so a caller can tell a
 * malformed request from a well-formed but unusable site.
 *
 * <p>Writing rounds to the CRS's decimals (7 for CRS84, about 1 cm; 3 for RD New, 1 mm): more digits only inflate
 * responses and suggest a precision the data does not have.
 */
public final class GeoJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** RD New's domain with a margin (EPSG:28992 area of use, projected); values outside are almost always lon/lat. */
    private static final double RD_MIN_X = -7000, RD_MAX_X = 300000, RD_MIN_Y = 289000, RD_MAX_Y = 629000;

    private GeoJson() {
    }

    // ---------------------------------------------------------------- reading

    /**
     * A site geometry from its GeoJSON object, in the coordinates of {@code crs} (not transformed).
     *
     * @param field the member's path for messages, e.g. {@code site}
     * @throws GeoJsonException naming the member at fault and the fix
     */
    public static Geometry readSite(JsonNode node, String field, ApiCrs crs, GeometryFactory factory) {
        if (node == null || !node.isObject()) {
            throw new GeoJsonException(field, "must be a GeoJSON geometry object such as "
                    + "{\"type\": \"Point\", \"coordinates\": [6.6, 52.6]}, got " + kind(node));
        }
        JsonNode type = node.get("type");
        if (type == null || !type.isTextual()) {
            throw new GeoJsonException(field + ".type", "missing or not a string; use \"Point\", \"Polygon\" or \"MultiPolygon\"");
        }
        JsonNode coords = node.get("coordinates");
        String t = type.asText();
        switch (t) {
            case "Point", "Polygon", "MultiPolygon" -> {
                if (coords == null || coords.isNull()) throw new GeoJsonException(field + ".coordinates", "missing");
            }
            case "Feature" -> throw new GeoJsonException(field + ".type",
                    "is a Feature; send its geometry member (a Point, Polygon or MultiPolygon) as the site");
            case "LineString", "MultiLineString", "MultiPoint", "GeometryCollection", "FeatureCollection" ->
                    throw new GeoJsonException(field + ".type", "\"" + t + "\" is not a site; use a Point (an address "
                            + "or building) or a Polygon/MultiPolygon (a plot)");
            default -> throw new GeoJsonException(field + ".type", "\"" + t + "\" is not a GeoJSON geometry type; use "
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

    /** JTS's first topology error (self-intersection, ring self-intersection, nested shells...), if any. */
    public static Optional<TopologyValidationError> validationError(Geometry g) {
        return Optional.ofNullable(new IsValidOp(g).getValidationError());
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
            throw new GeoJsonException(field, "ring has " + positions.size() + " positions; a linear ring needs at least 4,"
                    + " the last repeating the first");
        }
        Coordinate[] cs = new Coordinate[positions.size()];
        for (int i = 0; i < cs.length; i++) cs[i] = position(positions.get(i), field + "[" + i + "]", crs);
        if (!cs[0].equals2D(cs[cs.length - 1])) {
            throw new GeoJsonException(field, "ring not closed: the last position " + text(cs[cs.length - 1])
                    + " must repeat the first " + text(cs[0]));
        }
        return factory.createLinearRing(cs);
    }

    private static Coordinate position(JsonNode node, String field, ApiCrs crs) {
        if (node == null || !node.isArray() || node.size() < 2 || node.size() > 3) {
            throw new GeoJsonException(field, "a position must be an array of 2 numbers ["
                    + (crs == ApiCrs.CRS84 ? "longitude, latitude" : "x, y") + "], got " + kind(node));
        }
        for (int i = 0; i < node.size(); i++) {
            if (!node.get(i).isNumber()) {
                throw new GeoJsonException(field + "[" + i + "]", "must be a number, got " + kind(node.get(i)));
            }
        }
        double x = node.get(0).asDouble(), y = node.get(1).asDouble();
        if (!Double.isFinite(x) || !Double.isFinite(y)) throw new GeoJsonException(field, "coordinates must be finite");
        if (crs == ApiCrs.CRS84) {
            if (x < -180 || x > 180) {
                throw new GeoJsonException(field + "[0]", "longitude " + x + " out of range -180..180"
                        + (looksLikeRd(x, y) ? "; these look like RD New coordinates: set \"crs\": \"EPSG:28992\"" : ""));
            }
            if (y < -90 || y > 90) {
                throw new GeoJsonException(field + "[1]", "latitude " + y + " out of range -90..90");
            }
        } else {
            if (x < RD_MIN_X || x > RD_MAX_X || y < RD_MIN_Y || y > RD_MAX_Y) {
                throw new GeoJsonException(field, "[" + x + ", " + y + "] lies outside RD New's domain (x " + (long) RD_MIN_X
                        + ".." + (long) RD_MAX_X + ", y " + (long) RD_MIN_Y + ".." + (long) RD_MAX_Y + ")"
                        + (Math.abs(x) <= 180 && Math.abs(y) <= 90 ? "; these look like longitude, latitude: set \"crs\": \"CRS84\"" : ""));
            }
        }
        return new Coordinate(x, y);
    }

    private static boolean looksLikeRd(double x, double y) {
        return x >= RD_MIN_X && x <= RD_MAX_X && y >= RD_MIN_Y && y <= RD_MAX_Y;
    }

    private static List<JsonNode> array(JsonNode node, String field, String what, int min) {
        if (node == null || !node.isArray()) throw new GeoJsonException(field, "must be " + what + ", got " + kind(node));
        if (node.size() < min) throw new GeoJsonException(field, "must be " + what + " with at least " + min + " element");
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

    // ---------------------------------------------------------------- writing

    /** A GeoJSON geometry object, coordinates rounded to {@code decimals}. */
    public static ObjectNode write(Geometry g, int decimals) {
        ObjectNode o = NODES.objectNode();
        o.put("type", g.getGeometryType());
        if (g instanceof GeometryCollection gc && !(g instanceof MultiPoint || g instanceof MultiLineString || g instanceof MultiPolygon)) {
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
     * A GeoJSON Feature: id, geometry in {@code crs}, and properties {@code role}, the attributes (sorted by key, so
     * output is stable) and {@code provenance} {source, sourceId, sourceTag}.
     */
    public static ObjectNode feature(Feature f, WorkingCrs workingCrs, ApiCrs crs) {
        ObjectNode o = NODES.objectNode();
        o.put("type", "Feature");
        o.put("id", f.id());
        o.set("geometry", write(f.geometry(), workingCrs, crs));
        ObjectNode props = o.putObject("properties");
        props.put("role", f.role().id());
        for (Map.Entry<String, String> e : new TreeMap<>(f.attributes()).entrySet()) props.put(e.getKey(), e.getValue());
        if (f.provenance() != null) {
            ObjectNode p = props.putObject("provenance");
            p.put("source", f.provenance().source());
            p.put("sourceId", f.provenance().sourceId());
            p.put("sourceTag", f.provenance().sourceTag());
        }
        return o;
    }

    /** A GeoJSON FeatureCollection of {@code features}; callers add members such as links. */
    public static ObjectNode featureCollection(List<Feature> features, WorkingCrs workingCrs, ApiCrs crs) {
        ObjectNode o = NODES.objectNode();
        o.put("type", "FeatureCollection");
        ArrayNode fs = o.putArray("features");
        for (Feature f : features) fs.add(feature(f, workingCrs, crs));
        return o;
    }

    private static JsonNode coordinates(Geometry g, int decimals) {
        if (g instanceof Point p) return p.isEmpty() ? NODES.arrayNode() : position(p.getCoordinate(), decimals);
        if (g instanceof LineString l) return positions(l.getCoordinates(), decimals);
        if (g instanceof Polygon p) {
            ArrayNode rings = NODES.arrayNode();
            if (p.isEmpty()) return rings;
            rings.add(positions(p.getExteriorRing().getCoordinates(), decimals));
            for (int i = 0; i < p.getNumInteriorRing(); i++) rings.add(positions(p.getInteriorRingN(i).getCoordinates(), decimals));
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
