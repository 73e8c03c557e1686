package nl.plektoets.web.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import nl.plektoets.geo.ApiCrs;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

class GeoJsonInputTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final GeometryFactory GF = new GeometryFactory();

    private static Geometry read(String json, ApiCrs crs) throws Exception {
        return GeoJsonInput.site(JSON.readTree(json), "site", crs, GF);
    }

    /** Every refusal is the same kind of answer: 400 invalid-geojson, the member's path as field and detail prefix. */
    private static Problem refused(String json, ApiCrs crs) {
        Problem p = assertThrows(Problem.class, () -> read(json, crs));
        assertEquals(400, p.status());
        assertEquals(Problem.Type.INVALID_GEOJSON, p.type());
        assertTrue(p.getMessage().startsWith(p.field() + ": "), p.getMessage());
        return p;
    }

    @Test
    void readsPointPolygonAndMultiPolygonAsWkt() throws Exception {
        assertEquals(
                "POINT (6.5 52.5)",
                read("{\"type\":\"Point\",\"coordinates\":[6.5,52.5]}", ApiCrs.CRS84)
                        .toText());
        assertEquals(
                "POLYGON ((0 0, 1 0, 1 1, 0 0), (0.2 0.1, 0.8 0.1, 0.8 0.7, 0.2 0.1))",
                read(
                                "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[1,1],[0,0]],[[0.2,0.1],[0.8,0.1],[0.8,0.7],[0.2,0.1]]]}",
                                ApiCrs.CRS84)
                        .toText());
        assertEquals(
                "MULTIPOLYGON (((240000 510000, 240100 510000, 240100 510100, 240000 510000)))",
                read(
                                "{\"type\":\"MultiPolygon\",\"coordinates\":[[[[240000,510000],[240100,510000],[240100,510100],[240000,510000]]]]}",
                                ApiCrs.RD_NEW)
                        .toText());
    }

    @Test
    void namesTheMemberAndTheFault() {
        Problem e = refused(
                "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[1,1],[0,0]],[[0,0],[1,0],[1,1],[0.5,0]]]}",
                ApiCrs.CRS84);
        assertEquals("site.coordinates[1]", e.field());
        assertTrue(e.getMessage().contains("ring not closed"), e.getMessage());

        e = refused("{\"type\":\"Point\",\"coordinates\":[240000,510000]}", ApiCrs.CRS84);
        assertEquals("site.coordinates[0]", e.field());
        assertTrue(
                e.getMessage().contains("longitude 240000.0 out of range")
                        && e.getMessage().contains("EPSG:28992"),
                e.getMessage());

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
}
