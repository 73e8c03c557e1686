package nl.plektoets.assess;

import static nl.plektoets.assess.FixtureWorld.geometry;
import static nl.plektoets.assess.LocationDecisionTableTest.result;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import nl.plektoets.data.Dataset;
import nl.plektoets.data.Role;
import nl.plektoets.policy.PolicyProfile;
import nl.plektoets.request.AssessmentRequest;
import nl.plektoets.request.HousingForm;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 11 item 10: an OpenStreetMap address often sits on a node of its building's outline (the entrance). A site
 * on an area's boundary counts as inside it ("covers", not "contains") for every role. WKT in, class out: each
 * point below is a vertex of the outline named, with the odd coordinates of real data (not on a metre grid), and
 * both the plain ring scan (small outlines) and the indexed locator (>= 32 vertices) are hit.
 */
class BoundaryPointTest {
    /** A skewed 5-vertex outline (plain ring scan); vertex 2 is 241234.567 501987.654. */
    static final String SMALL_BARN = "POLYGON ((241220.113 501970.221, 241234.567 501987.654, 241221.908 501998.377,"
            + " 241207.454 501980.944, 241213.002 501974.118, 241220.113 501970.221))";
    /** A 40-vertex round silo-like outline (indexed locator) around 242000.5 502000.5, radius 12.3 m. */
    static final String ROUND_BUILDING = circle(242000.5, 502000.5, 12.3, 40);

    static final Assessor ASSESSOR = new Assessor(world(), PolicyProfile.load(null));

    static Dataset world() {
        return FixtureWorld.standardBuilder()
                .add(Role.BUILDING, SMALL_BARN, "building=barn", "way/9101", null)
                .add(Role.BUILDING, ROUND_BUILDING, "building=yes", "way/9102", null)
                // a farmyard with a skewed edge and a village with a skewed edge, far from the others
                .add(
                        Role.AGRICULTURAL_PLOT,
                        "POLYGON ((243100.137 500100.291, 243180.733 500111.479,"
                                + " 243171.313 500190.861, 243097.519 500177.337, 243100.137 500100.291))",
                        "landuse=farmyard",
                        "way/9103",
                        "Erve Rand")
                .add(
                        Role.BUILT_UP_AREA,
                        "POLYGON ((246000.111 500000.333, 246800.777 500010.999,"
                                + " 246790.123 500700.456, 246005.789 500690.135, 246000.111 500000.333))",
                        "place=village",
                        "relation/9104",
                        "Randdorp")
                .add(
                        Role.BUSINESS_PARK,
                        "POLYGON ((247500.217 501500.389, 248100.641 501522.903,"
                                + " 248080.317 502100.773, 247490.029 502090.451, 247500.217 501500.389))",
                        "landuse=industrial",
                        "way/9105",
                        "Randpark")
                .add(
                        Role.RECREATION_ZONE,
                        "POLYGON ((249000.321 501000.987, 249300.654 501012.345,"
                                + " 249290.987 501310.678, 248995.432 501300.111, 249000.321 501000.987))",
                        "tourism=camp_site",
                        "way/9106",
                        "Camping Rand")
                // keeps every outline inside the dataset's extent (a site outside it is refused)
                .add(Role.ROAD, "LINESTRING (239000 499000, 250000 503000)", "highway=track", "way/9107", null)
                .build();
    }

    @ParameterizedTest(name = "{0} on a vertex of {1} -> {2}")
    @CsvSource({
        "POINT (241234.567 501987.654), small barn (ring scan),   rural_existing_building",
        "POINT (241207.454 501980.944), small barn (ring scan),   rural_existing_building",
        "ROUND,                         round building (indexed), rural_existing_building",
        "POINT (243180.733 500111.479), farmyard,                 agricultural_plot",
        "POINT (246800.777 500010.999), built-up area,            built_up_area",
        "POINT (248100.641 501522.903), business park,            business_park_edge",
    })
    void aVertexOfAnOutlineIsInsideIt(String wkt, String what, String expected) {
        String site = wkt.equals("ROUND") ? "POINT (" + vertex(242000.5, 502000.5, 12.3, 40, 7) + ")" : wkt;
        Assessment a = ASSESSOR.assess(new AssessmentRequest(geometry(site), HousingForm.ROOM_RENTAL, 4, false));
        assertEquals(expected, a.locationClass(), what);
        if (expected.startsWith("business_park")) {
            assertEquals("inside", result(a, "location_class").evidence().get("position"));
        }
    }

    @ParameterizedTest(name = "{0} on a vertex of the campsite fails")
    @CsvSource({"POINT (249300.654 501012.345)", "POINT (248995.432 501300.111)"})
    void aVertexOfARecreationZoneIsOnIt(String wkt) {
        Assessment a = ASSESSOR.assess(new AssessmentRequest(geometry(wkt), HousingForm.ROOM_RENTAL, 4, false));
        var r = result(a, "recreation_exclusion");
        assertEquals("fail", r.status().id(), r.message().en());
        @SuppressWarnings("unchecked")
        Map<String, Object> f = (Map<String, Object>) r.evidence().get("feature");
        assertEquals("way/9106", f.get("sourceId"));
    }

    /**
     * The same vertices as the API gives them back and the check page sends them again: CRS84 rounded to 7 decimals
     * (about 1 cm) or RD New to 3 (1 mm). The round trip moves the point up to half a centimetre, often just outside
     * a convex corner; it is still the address on the outline and must stay in the building, farmyard, village, park
     * and campsite.
     */
    @ParameterizedTest(name = "every vertex of {0}, rounded as the API writes it, is inside")
    @CsvSource({
        "way/9101, rural_existing_building",
        "way/9102, rural_existing_building",
        "way/9103, agricultural_plot",
        "relation/9104, built_up_area",
        "way/9105, business_park_edge",
        "way/9106, recreation"
    })
    void aVertexRoundedAsTheApiWritesItIsStillInside(String sourceId, String expected) {
        nl.plektoets.geo.WorkingCrs rd = nl.plektoets.geo.WorkingCrs.rdNew();
        var feature = ASSESSOR.dataset().layers().values().stream()
                .flatMap(java.util.List::stream)
                .filter(f ->
                        f.provenance() != null && sourceId.equals(f.provenance().sourceId()))
                .findFirst()
                .orElseThrow();
        int moved = 0;
        for (org.locationtech.jts.geom.Coordinate v : feature.geometry().getCoordinates()) {
            org.locationtech.jts.geom.Coordinate ll = rd.toLonLat(v.x, v.y);
            org.locationtech.jts.geom.Coordinate back = rd.fromLonLat(round(ll.x, 7), round(ll.y, 7));
            for (org.locationtech.jts.geom.Coordinate site : new org.locationtech.jts.geom.Coordinate[] {
                back, new org.locationtech.jts.geom.Coordinate(round(v.x, 3), round(v.y, 3))
            }) {
                if (!site.equals2D(v)) moved++;
                String wkt = "POINT (" + site.x + " " + site.y + ")";
                Assessment a = ASSESSOR.assess(new AssessmentRequest(geometry(wkt), HousingForm.ROOM_RENTAL, 4, false));
                if (expected.equals("recreation")) {
                    assertEquals(
                            "fail", result(a, "recreation_exclusion").status().id(), wkt + " vertex " + v);
                } else {
                    assertEquals(expected, a.locationClass(), wkt + " vertex " + v);
                }
            }
        }
        org.junit.jupiter.api.Assertions.assertTrue(
                moved > 0, "the round trip moved no vertex; the test shows nothing");
    }

    static double round(double v, int decimals) {
        return java.math.BigDecimal.valueOf(v)
                .setScale(decimals, java.math.RoundingMode.HALF_UP)
                .doubleValue();
    }

    static String circle(double cx, double cy, double r, int n) {
        StringBuilder b = new StringBuilder("POLYGON ((");
        for (int i = 0; i <= n; i++) b.append(i == 0 ? "" : ", ").append(vertex(cx, cy, r, n, i % n));
        return b.append("))").toString();
    }

    /** Vertex i of the n-gon, as the WKT writes it (so the point and the vertex are the very same numbers). */
    static String vertex(double cx, double cy, double r, int n, int i) {
        double a = 2 * Math.PI * i / n;
        return (cx + r * Math.cos(a)) + " " + (cy + r * Math.sin(a));
    }
}
