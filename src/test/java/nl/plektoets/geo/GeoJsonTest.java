package nl.plektoets.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.WKTReader;

class GeoJsonTest {
    private static final GeometryFactory GF = new GeometryFactory();

    @Test
    void reportsWhereAPolygonIntersectsItself() throws Exception {
        Geometry bowtie = new WKTReader(GF).read("POLYGON ((0 0, 2 2, 2 0, 0 2, 0 0))");
        var error = GeoJson.validationError(bowtie).orElseThrow();
        assertEquals("POINT (1 1)", GF.createPoint(error.getCoordinate()).toText());
        assertTrue(
                GeoJson.validationError(new WKTReader(GF).read("POINT (1 1)")).isEmpty());
    }

    @Test
    void writesRoundedCoordinatesPerCrs() throws Exception {
        WorkingCrs rd = WorkingCrs.rdNew();
        Geometry working = new WKTReader(rd.geometryFactory()).read("POINT (240000.12345 510000.98765)");
        assertEquals(
                "{\"type\":\"Point\",\"coordinates\":[240000.123,510000.988]}",
                GeoJson.write(working, rd, ApiCrs.RD_NEW).toString());
        JsonNode ll = GeoJson.write(working, rd, ApiCrs.CRS84);
        double lon = ll.get("coordinates").get(0).asDouble();
        assertEquals(lon, GeoJson.round(lon, 7));
        assertTrue(ll.get("coordinates").get(0).toString().length() <= "6.6666666".length(), ll.toString());
        // round trip through CRS84 stays within a few centimetres
        Geometry back = rd.fromLonLat(new GeometryFactory()
                .createPoint(new org.locationtech.jts.geom.Coordinate(
                        lon, ll.get("coordinates").get(1).asDouble())));
        assertTrue(back.distance(working) < 0.05, back.toText());
    }

    @Test
    void writesPolygonsWithEveryRing() throws Exception {
        WorkingCrs rd = WorkingCrs.rdNew();
        Geometry poly = new WKTReader(rd.geometryFactory())
                .read("POLYGON ((240000 510000, 240010 510000, 240010 510010, 240000 510000))");
        assertEquals(
                "{\"type\":\"Polygon\",\"coordinates\":[[[240000.0,510000.0],[240010.0,510000.0],[240010.0,510010.0],[240000.0,510000.0]]]}",
                GeoJson.write(poly, rd, ApiCrs.RD_NEW).toString());
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /**
     * The streamed geometries (built as bytes, digits from the rounded decimals) are the tree's bytes, token for
     * token: every kind of geometry, empty ones, in RD New over the Netherlands (digits by DecimalText) and in UTM
     * zones east and west (longitudes outside its domain: Double.toString), several into one generator (separators)
     * and each alone; the token-by-token path (a TokenBuffer) too.
     */
    @Test
    void streamedGeometriesAreTheTreesBytes() throws Exception {
        int geometries = 0;
        for (String code : new String[] {"EPSG:28992", "EPSG:32632", "EPSG:32617"}) {
            WorkingCrs crs = WorkingCrs.of(code);
            GeometryFactory gf = crs.geometryFactory();
            SplittableRandom rnd = new SplittableRandom(code.hashCode());
            double x0 = code.equals("EPSG:28992") ? 10_000 : 300_000,
                    y0 = code.equals("EPSG:28992") ? 300_000 : 5_500_000;
            List<Geometry> all = new ArrayList<>();
            WKTReader wkt = new WKTReader(gf);
            for (String empty : new String[] {
                "POINT EMPTY",
                "LINESTRING EMPTY",
                "POLYGON EMPTY",
                "MULTIPOINT EMPTY",
                "MULTIPOLYGON EMPTY",
                "GEOMETRYCOLLECTION EMPTY"
            }) all.add(wkt.read(empty));
            for (int i = 0; i < 3000; i++) {
                double x = x0 + rnd.nextDouble() * 270_000, y = y0 + rnd.nextDouble() * 320_000;
                Geometry point = gf.createPoint(new Coordinate(x, y));
                Geometry g = switch (i % 6) {
                    case 0 -> point;
                    case 1 -> point.buffer(1 + rnd.nextDouble() * 500, 16); // an effect area's circle
                    case 2 ->
                        gf.createLineString(new Coordinate[] {
                            new Coordinate(x, y), new Coordinate(x + 10.5, y - 3.25), new Coordinate(x + 20, y)
                        });
                    case 3 -> withHole(gf, x, y);
                    case 4 -> gf.createMultiPolygon(new Polygon[] {withHole(gf, x, y), withHole(gf, x + 100, y)});
                    default ->
                        gf.createGeometryCollection(new Geometry[] {
                            point,
                            point.buffer(25, 2),
                            gf.createMultiPoint(new Coordinate[] {new Coordinate(x, y), new Coordinate(x + 1, y + 1)})
                        });
                };
                all.add(g);
            }
            // one generator, one writer for all: an answer's several geometries
            ByteArrayOutputStream streamed = new ByteArrayOutputStream();
            try (JsonGenerator g = MAPPER.getFactory().createGenerator(streamed)) {
                assertTrue(JsonBytes.usableWith(g));
                g.writeStartArray();
                GeoJson.Streamed writer = GeoJson.crs84(crs, g);
                for (Geometry geometry : all) writer.write(geometry);
                g.writeEndArray();
            }
            StringBuilder tree = new StringBuilder("[");
            for (Geometry geometry : all) {
                if (tree.length() > 1) tree.append(',');
                String one = MAPPER.writeValueAsString(GeoJson.write(geometry, crs, ApiCrs.CRS84));
                tree.append(one);
                // alone, through the static writer
                ByteArrayOutputStream alone = new ByteArrayOutputStream();
                try (JsonGenerator g = MAPPER.getFactory().createGenerator(alone)) {
                    GeoJson.write(geometry, crs, ApiCrs.CRS84, g);
                }
                assertEquals(one, alone.toString(StandardCharsets.UTF_8));
                // token by token (the tree form of an answer)
                TokenBuffer tokens = new TokenBuffer(MAPPER, false);
                GeoJson.write(geometry, crs, ApiCrs.CRS84, tokens);
                assertEquals(one, MAPPER.writeValueAsString(MAPPER.readTree(tokens.asParser())));
                geometries++;
            }
            tree.append(']');
            assertEquals(tree.toString(), streamed.toString(StandardCharsets.UTF_8), code);
        }
        assertEquals(3 * 3006, geometries);
    }

    private static Polygon withHole(GeometryFactory gf, double x, double y) {
        LinearRing shell = gf.createLinearRing(new Coordinate[] {
            new Coordinate(x, y), new Coordinate(x + 60, y), new Coordinate(x + 60, y + 40), new Coordinate(x, y)
        });
        LinearRing hole = gf.createLinearRing(new Coordinate[] {
            new Coordinate(x + 30, y + 5),
            new Coordinate(x + 40, y + 5),
            new Coordinate(x + 40, y + 10),
            new Coordinate(x + 30, y + 5)
        });
        return gf.createPolygon(shell, new LinearRing[] {hole});
    }
}
