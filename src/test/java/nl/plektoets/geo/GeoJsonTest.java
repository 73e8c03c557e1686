package nl.plektoets.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import nl.plektoets.data.Feature;
import nl.plektoets.data.Provenance;
import nl.plektoets.data.Role;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.WKTReader;

class GeoJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final GeometryFactory GF = new GeometryFactory();

    private static Geometry read(String json, ApiCrs crs) throws Exception {
        return GeoJson.readSite(JSON.readTree(json), "site", crs, GF);
    }

    private static GeoJsonException refused(String json, ApiCrs crs) {
        return assertThrows(GeoJsonException.class, () -> read(json, crs));
    }

    @Test
    void readsPointPolygonAndMultiPolygonAsWkt() throws Exception {
        assertEquals("POINT (6.5 52.5)", read("{\"type\":\"Point\",\"coordinates\":[6.5,52.5]}", ApiCrs.CRS84).toText());
        assertEquals("POLYGON ((0 0, 1 0, 1 1, 0 0), (0.2 0.1, 0.8 0.1, 0.8 0.7, 0.2 0.1))", read(
                "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[1,1],[0,0]],[[0.2,0.1],[0.8,0.1],[0.8,0.7],[0.2,0.1]]]}",
                ApiCrs.CRS84).toText());
        assertEquals("MULTIPOLYGON (((240000 510000, 240100 510000, 240100 510100, 240000 510000)))", read(
                "{\"type\":\"MultiPolygon\",\"coordinates\":[[[[240000,510000],[240100,510000],[240100,510100],[240000,510000]]]]}",
                ApiCrs.RD_NEW).toText());
    }

    @Test
    void namesTheMemberAndTheFault() {
        GeoJsonException e = refused("{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[1,1],[0,0]],[[0,0],[1,0],[1,1],[0.5,0]]]}", ApiCrs.CRS84);
        assertEquals("site.coordinates[1]", e.field());
        assertTrue(e.getMessage().contains("ring not closed"), e.getMessage());

        e = refused("{\"type\":\"Point\",\"coordinates\":[240000,510000]}", ApiCrs.CRS84);
        assertEquals("site.coordinates[0]", e.field());
        assertTrue(e.getMessage().contains("longitude 240000.0 out of range") && e.getMessage().contains("EPSG:28992"), e.getMessage());

        e = refused("{\"type\":\"Point\",\"coordinates\":[6.5,95]}", ApiCrs.CRS84);
        assertEquals("site.coordinates[1]", e.field());
        assertTrue(e.getMessage().contains("latitude 95.0 out of range"), e.getMessage());

        e = refused("{\"type\":\"Point\",\"coordinates\":[6.5,52.5]}", ApiCrs.RD_NEW);
        assertTrue(e.getMessage().contains("CRS84"), e.getMessage());

        e = refused("{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[0,0]]]}", ApiCrs.CRS84);
        assertEquals("site.coordinates[0]", e.field());
        assertTrue(e.getMessage().contains("at least 4"), e.getMessage());

        e = refused("{\"type\":\"Point\",\"coordinates\":[6.5,\"52\"]}", ApiCrs.CRS84);
        assertEquals("site.coordinates[1]", e.field());

        e = refused("{\"type\":\"LineString\",\"coordinates\":[[0,0],[1,1]]}", ApiCrs.CRS84);
        assertEquals("site.type", e.field());
        assertTrue(e.getMessage().contains("not a site"), e.getMessage());

        e = refused("{\"type\":\"point\",\"coordinates\":[0,0]}", ApiCrs.CRS84);
        assertTrue(e.getMessage().contains("case-sensitive"), e.getMessage());

        e = refused("{\"coordinates\":[0,0]}", ApiCrs.CRS84);
        assertEquals("site.type", e.field());

        e = refused("{\"type\":\"Polygon\"}", ApiCrs.CRS84);
        assertEquals("site.coordinates", e.field());

        e = refused("[1,2]", ApiCrs.CRS84);
        assertEquals("site", e.field());
    }

    @Test
    void reportsWhereAPolygonIntersectsItself() throws Exception {
        Geometry bowtie = read("{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[2,2],[2,0],[0,2],[0,0]]]}", ApiCrs.CRS84);
        var error = GeoJson.validationError(bowtie).orElseThrow();
        assertEquals("POINT (1 1)", GF.createPoint(error.getCoordinate()).toText());
        assertTrue(GeoJson.validationError(read("{\"type\":\"Point\",\"coordinates\":[1,1]}", ApiCrs.CRS84)).isEmpty());
    }

    @Test
    void writesRoundedCoordinatesPerCrs() throws Exception {
        WorkingCrs rd = WorkingCrs.rdNew();
        Geometry working = new WKTReader(rd.geometryFactory()).read("POINT (240000.12345 510000.98765)");
        assertEquals("{\"type\":\"Point\",\"coordinates\":[240000.123,510000.988]}", GeoJson.write(working, rd, ApiCrs.RD_NEW).toString());
        JsonNode ll = GeoJson.write(working, rd, ApiCrs.CRS84);
        double lon = ll.get("coordinates").get(0).asDouble();
        assertEquals(lon, GeoJson.round(lon, 7));
        assertTrue(ll.get("coordinates").get(0).toString().length() <= "6.6666666".length(), ll.toString());
        // round trip through CRS84 stays within a few centimetres
        Geometry back = rd.fromLonLat(new GeometryFactory().createPoint(new org.locationtech.jts.geom.Coordinate(
                lon, ll.get("coordinates").get(1).asDouble())));
        assertTrue(back.distance(working) < 0.05, back.toText());
    }

    @Test
    void writesFeaturesWithSortedAttributesAndProvenance() throws Exception {
        WorkingCrs rd = WorkingCrs.rdNew();
        Feature f = new Feature(7, Role.FACILITY, new WKTReader(rd.geometryFactory()).read("POINT (240000 510000)"),
                Map.of("name", "Buurtsuper", "category", "supermarket"), new Provenance("demo.osm.gz", "node/7", "shop=supermarket"));
        assertEquals("{\"type\":\"Feature\",\"id\":7,\"geometry\":{\"type\":\"Point\",\"coordinates\":[240000.0,510000.0]},"
                + "\"properties\":{\"role\":\"facility\",\"category\":\"supermarket\",\"name\":\"Buurtsuper\",\"provenance\":"
                + "{\"source\":\"demo.osm.gz\",\"sourceId\":\"node/7\",\"sourceTag\":\"shop=supermarket\"}}}",
                GeoJson.feature(f, rd, ApiCrs.RD_NEW).toString());
        Geometry poly = new WKTReader(rd.geometryFactory()).read("POLYGON ((240000 510000, 240010 510000, 240010 510010, 240000 510000))");
        assertEquals("{\"type\":\"Polygon\",\"coordinates\":[[[240000.0,510000.0],[240010.0,510000.0],[240010.0,510010.0],[240000.0,510000.0]]]}",
                GeoJson.write(poly, rd, ApiCrs.RD_NEW).toString());
    }
}
