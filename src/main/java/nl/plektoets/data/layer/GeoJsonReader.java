package nl.plektoets.data.layer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import nl.plektoets.data.BadSourceException;
import nl.plektoets.geo.CoordinateConverter;
import nl.plektoets.geo.CrsName;
import nl.plektoets.geo.WorkingCrs;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * Reads a GeoJSON FeatureCollection (plain or gzip) into features in the working CRS. CRS: the legacy {@code crs}
 * member when present (CBS and PDOK downloads in RD New carry {@code urn:ogc:def:crs:EPSG::28992}), else CRS84 as
 * RFC 7946 prescribes. GeoJSON positions are always read as (x/easting/longitude, y/northing/latitude), whatever
 * the crs member says: RFC 7946 and GDAL write them so, also for EPSG:4326.
 */
public final class GeoJsonReader {
    /** One feature: id (the GeoJSON id, else the index), properties as text, geometry in the working CRS. */
    public record GeoJsonFeature(String id, int index, Map<String, String> properties, Geometry geometry) {
        public String get(String name) {
            return properties.get(name);
        }
    }

    private GeoJsonReader() {}

    public static List<GeoJsonFeature> read(Path file, WorkingCrs crs) {
        if (!Files.isRegularFile(file)) throw new BadSourceException(file, null, "no such file");
        JsonNode root;
        try (InputStream raw = Files.newInputStream(file);
                InputStream in = file.toString().toLowerCase().endsWith(".gz") ? new GZIPInputStream(raw) : raw) {
            root = new ObjectMapper().readTree(in);
        } catch (JsonProcessingException e) {
            String where =
                    e.getLocation() == null ? null : "line " + e.getLocation().getLineNr();
            throw new BadSourceException(
                    file, where, "not valid JSON (" + e.getOriginalMessage() + "); is the download complete?", e);
        } catch (IOException e) {
            throw new BadSourceException(file, null, "cannot be read: " + e.getMessage(), e);
        }
        if (root == null || !"FeatureCollection".equals(root.path("type").asText())) {
            throw new BadSourceException(
                    file,
                    null,
                    "not a GeoJSON FeatureCollection (\"type\": \""
                            + (root == null ? "" : root.path("type").asText()) + "\")");
        }
        CrsName source = CrsName.CRS84;
        String crsName = root.path("crs").path("properties").path("name").asText(null);
        if (crsName != null) {
            try {
                CrsName parsed = CrsName.parse(crsName);
                source = new CrsName(parsed.epsg(), false, crsName); // GeoJSON positions are x/lon first
            } catch (IllegalArgumentException e) {
                throw new BadSourceException(file, "crs member", e.getMessage(), e);
            }
        }
        CoordinateConverter conv;
        try {
            conv = CoordinateConverter.between(source, crs);
        } catch (IllegalArgumentException e) {
            throw new BadSourceException(file, "crs member", e.getMessage(), e);
        }
        JsonNode features = root.path("features");
        List<GeoJsonFeature> out = new ArrayList<>();
        GeometryFactory gf = crs.geometryFactory();
        for (int i = 0; i < features.size(); i++) {
            JsonNode f = features.get(i);
            String id = f.hasNonNull("id") ? f.get("id").asText() : null;
            String where = "feature " + (i + 1) + (id == null ? "" : " (id " + id + ")");
            Map<String, String> props = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> it = f.path("properties").fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> p = it.next();
                if (!p.getValue().isNull())
                    props.put(
                            p.getKey(),
                            p.getValue().isValueNode()
                                    ? p.getValue().asText()
                                    : p.getValue().toString());
            }
            Geometry g = null;
            if (f.hasNonNull("geometry")) {
                try {
                    g = conv.toWorking(geometry(f.get("geometry"), gf));
                } catch (IllegalArgumentException e) {
                    throw new BadSourceException(file, where, "bad geometry: " + e.getMessage(), e);
                }
            }
            out.add(new GeoJsonFeature(id == null ? String.valueOf(i + 1) : id, i, props, g));
        }
        return out;
    }

    static Geometry geometry(JsonNode g, GeometryFactory gf) {
        String type = g.path("type").asText();
        JsonNode c = g.path("coordinates");
        return switch (type) {
            case "Point" -> gf.createPoint(position(c));
            case "MultiPoint" -> gf.createMultiPoint(points(c, gf));
            case "LineString" -> gf.createLineString(positions(c));
            case "MultiLineString" -> {
                LineString[] ls = new LineString[c.size()];
                for (int i = 0; i < c.size(); i++) ls[i] = gf.createLineString(positions(c.get(i)));
                yield gf.createMultiLineString(ls);
            }
            case "Polygon" -> polygon(c, gf);
            case "MultiPolygon" -> {
                Polygon[] ps = new Polygon[c.size()];
                for (int i = 0; i < c.size(); i++) ps[i] = polygon(c.get(i), gf);
                yield gf.createMultiPolygon(ps);
            }
            case "GeometryCollection" -> {
                JsonNode gs = g.path("geometries");
                Geometry[] parts = new Geometry[gs.size()];
                for (int i = 0; i < gs.size(); i++) parts[i] = geometry(gs.get(i), gf);
                yield gf.createGeometryCollection(parts);
            }
            default -> throw new IllegalArgumentException("unknown GeoJSON geometry type '" + type + "'");
        };
    }

    private static Polygon polygon(JsonNode rings, GeometryFactory gf) {
        if (rings.size() == 0) throw new IllegalArgumentException("a Polygon without rings");
        LinearRing shell = ring(rings.get(0), gf);
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 1; i < rings.size(); i++) holes[i - 1] = ring(rings.get(i), gf);
        return gf.createPolygon(shell, holes);
    }

    private static LinearRing ring(JsonNode c, GeometryFactory gf) {
        Coordinate[] cs = positions(c);
        if (cs.length < 4 || !cs[0].equals2D(cs[cs.length - 1])) {
            throw new IllegalArgumentException("a polygon ring must be closed and have at least 4 positions");
        }
        return gf.createLinearRing(cs);
    }

    private static Point[] points(JsonNode c, GeometryFactory gf) {
        Point[] ps = new Point[c.size()];
        for (int i = 0; i < c.size(); i++) ps[i] = gf.createPoint(position(c.get(i)));
        return ps;
    }

    private static Coordinate[] positions(JsonNode c) {
        Coordinate[] cs = new Coordinate[c.size()];
        for (int i = 0; i < c.size(); i++) cs[i] = position(c.get(i));
        return cs;
    }

    private static Coordinate position(JsonNode p) {
        if (!p.isArray() || p.size() < 2 || !p.get(0).isNumber() || !p.get(1).isNumber()) {
            throw new IllegalArgumentException("a position must be [x, y], got " + p);
        }
        return new Coordinate(p.get(0).asDouble(), p.get(1).asDouble());
    }
}
