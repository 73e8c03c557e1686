package nl.plektoets.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
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
}
