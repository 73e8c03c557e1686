package nl.plektoets.data.osm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import nl.plektoets.data.Dataset;
import nl.plektoets.data.Feature;
import nl.plektoets.data.ImportProgress;
import nl.plektoets.data.Role;
import nl.plektoets.data.SourceArea;
import nl.plektoets.geo.WorkingCrs;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.algorithm.distance.DiscreteHausdorffDistance;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/**
 * Imports the two real OSM extracts in ../shared/data/osm and checks them against numbers derived without our
 * importer.
 *
 * <p>Where the expected numbers come from: osmium-tool (Debian package osmium-tool 1.15) assembles the areas
 * and lines independently of our code, and scripts/osm-expected-counts applies issue 2's tag rules, written
 * separately in Python, to its output:
 * <pre>
 *   osmium export -f geojsonseq -a type,id -u type_id -x print_record_separator=false -o X.geojsonseq FILE
 *   scripts/osm-expected-counts X.geojsonseq
 * </pre>
 * The expected geometries (WKT in lon/lat) are osmium's coordinates of the same elements, taken with
 * {@code jq} from that output; the expected UTM coordinates come from PROJ:
 * {@code echo "50.0183416 11.5011482" | cs2cs -f %.3f EPSG:4326 EPSG:32632}.
 */
class OsmImportRealDataTest {
    private static final Path OSM = Path.of("..", "shared", "data", "osm");
    private static OsmImport.Result bayreuth;
    private static OsmImport.Result andorra;

    @BeforeAll
    static void importBoth() {
        bayreuth = timed("north-bayreuth.osm.gz");
        andorra = timed("andorra.osm.pbf");
    }

    private static OsmImport.Result timed(String file) {
        Runtime rt = Runtime.getRuntime();
        System.gc();
        long before = rt.totalMemory() - rt.freeMemory();
        long t0 = System.nanoTime();
        OsmImport.Result r =
                OsmImport.readWithReport(OSM.resolve(file), OsmImportOptions.defaults(), ImportProgress.NONE);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        long after = rt.totalMemory() - rt.freeMemory();
        System.out.printf(
                "[import] %s: %d ms, %d features, heap +%d MB after import (incl. garbage)%n",
                file, ms, r.dataset().size(), (after - before) >> 20);
        return r;
    }

    // ---- north-bayreuth.osm.gz (OSM XML, gzip) ----

    @Test
    void bayreuthCountsPerRoleMatchOsmium() {
        Map<String, Integer> expected = new TreeMap<>(Map.of(
                "agricultural_plot",
                36,
                "business_park",
                18,
                "recreation_zone",
                1,
                "built_up_area",
                168,
                "village",
                70,
                "building",
                4267,
                "address",
                799,
                "facility",
                54,
                "road",
                2056,
                "water",
                378));
        expected.put("environmental_source", 40);
        assertEquals(expected, new TreeMap<>(counts(bayreuth.dataset())));
        // scripts/osm-expected-counts over osmium's export, rules written from issue 12's list
        java.util.Map<String, Long> activities = new java.util.TreeMap<>();
        for (Feature f : bayreuth.dataset().layer(Role.ENVIRONMENTAL_SOURCE))
            activities.merge(f.attribute("activity"), 1L, Long::sum);
        assertEquals(
                Map.of(
                        "car_repair",
                        1L,
                        "commercial_area",
                        8L,
                        "fuel_station",
                        1L,
                        "industrial_area",
                        10L,
                        "quarry",
                        2L,
                        "substation",
                        5L,
                        "wastewater_plant",
                        13L),
                activities);
        for (Feature f : bayreuth.dataset().layer(Role.ENVIRONMENTAL_SOURCE)) {
            assertTrue(f.attribute("category") != null && f.attribute("category_evidence") != null, f::toString);
        }
        assertEquals(
                Map.of("pharmacy", 1, "public_transport_stop", 25, "sports", 26, "supermarket", 2),
                categories(bayreuth.dataset()));
    }

    @Test
    void bayreuthIsInUtm32AndAKnownNodeRoundTrips() {
        Dataset d = bayreuth.dataset();
        assertEquals("EPSG:32632", d.info().workingCrs());
        Feature village = byOsmId(d, Role.VILLAGE, "node/240050520");
        assertEquals("Neudrossenfeld", village.attribute("name"));
        assertEquals("3959", village.attribute("population"));
        assertEquals("place=village", village.provenance().sourceTag());
        assertEquals("north-bayreuth.osm.gz", village.provenance().source());
        Coordinate c = village.geometry().getCoordinate();
        assertEquals(679171.902, c.x, 0.01); // cs2cs, see class comment
        assertEquals(5543667.472, c.y, 0.01);
        Coordinate lonLat = WorkingCrs.of("EPSG:32632").toLonLat(c.x, c.y);
        assertEquals(11.5011482, lonLat.x, 1e-7);
        assertEquals(50.0183416, lonLat.y, 1e-7);
    }

    @Test
    void bayreuthFarmyardIndustrialAndCampsite() throws ParseException {
        Dataset d = bayreuth.dataset();
        Feature farmyard = byOsmId(d, Role.AGRICULTURAL_PLOT, "way/130892010");
        assertEquals("landuse=farmyard", farmyard.provenance().sourceTag());
        assertSameShape(
                "POLYGON ((11.5918369 49.9905444, 11.592278 49.9904373, 11.5923279 49.9906683, "
                        + "11.5927555 49.9907833, 11.5930201 49.9908876, 11.5932002 49.9909448, 11.593226 49.990956, "
                        + "11.5932433 49.9909383, 11.5937447 49.9911203, 11.5936898 49.9911746, 11.5935544 49.9924811, "
                        + "11.5932535 49.9922117, 11.5931205 49.9920274, 11.5928649 49.9916421, 11.5925279 49.9913416, "
                        + "11.5923377 49.9911407, 11.5921909 49.9909502, 11.5921012 49.9908419, 11.5919463 49.990655, "
                        + "11.5918369 49.9905444))",
                farmyard,
                d);

        Feature industrial = byOsmId(d, Role.BUSINESS_PARK, "way/32028103");
        assertEquals("landuse=industrial", industrial.provenance().sourceTag());
        assertSameShape(
                "POLYGON ((11.4980047 50.0254097, 11.4980825 50.0250887, 11.4986664 50.0251281, "
                        + "11.4986088 50.0255903, 11.4983443 50.0255129, 11.4980047 50.0254097))",
                industrial,
                d);

        // landuse=recreation_ground + tourism=camp_site: the camp_site rule matches first
        Feature camp = byOsmId(d, Role.RECREATION_ZONE, "way/139661453");
        assertEquals("tourism=camp_site", camp.provenance().sourceTag());
        assertEquals("Oberfränkischer Indianerzeltplatz", camp.attribute("name"));
        assertSameShape(
                "POLYGON ((11.5597321 49.9775993, 11.5599057 49.9775384, 11.5600754 49.9774544, "
                        + "11.5603445 49.9774331, 11.5604509 49.9774958, 11.560644 49.9775993, 11.5607728 49.9776821, "
                        + "11.5608595 49.9777784, 11.5607835 49.9778201, 11.5606977 49.9778546, 11.5605268 49.9779013, "
                        + "11.5602793 49.9777718, 11.560054 49.9777718, 11.5598394 49.9777235, 11.5597321 49.9775993))",
                camp,
                d);
    }

    @Test
    void bayreuthAddressRoadAndFacility() throws ParseException {
        Dataset d = bayreuth.dataset();
        Feature address = byOsmId(d, Role.ADDRESS, "node/305532214");
        assertEquals(
                Map.of("street", "Hauptstraße", "housenumber", "2", "postcode", "95500", "town", "Heinersreuth"),
                address.attributes());
        assertEquals("addr:housenumber=2", address.provenance().sourceTag());

        // an address on a building: a point inside it; building=yes says nothing about its use
        Feature onBuilding = byOsmId(d, Role.ADDRESS, "way/41769011");
        assertEquals("1a", onBuilding.attribute("housenumber"));
        assertNull(onBuilding.attribute("use"));
        assertInstanceOf(Point.class, onBuilding.geometry());
        assertTrue(byOsmId(d, Role.BUILDING, "way/41769011").geometry().contains(onBuilding.geometry()));

        Feature track = byOsmId(d, Role.ROAD, "way/23884343");
        assertEquals("track", track.attribute("highway"));
        assertSameShape("LINESTRING (11.6007126 49.9857849, 11.6007238 49.9855498, 11.601911 49.9839911)", track, d);

        Feature edeka = byOsmId(d, Role.FACILITY, "node/2023149558");
        assertEquals(Map.of("category", "supermarket", "name", "Edeka"), edeka.attributes());
        assertEquals("shop=supermarket", edeka.provenance().sourceTag());
    }

    // ---- andorra.osm.pbf (PBF) ----

    @Test
    void andorraCountsPerRoleMatchOsmium() {
        assertEquals(
                Map.of(
                        "agricultural_plot",
                        3,
                        "business_park",
                        2,
                        "built_up_area",
                        26,
                        "village",
                        59,
                        "building",
                        292,
                        "address",
                        3,
                        "facility",
                        40,
                        "road",
                        1615,
                        "water",
                        230,
                        "environmental_source",
                        23),
                counts(andorra.dataset()));
        assertEquals(
                Map.of("pharmacy", 3, "primary_school", 1, "public_transport_stop", 7, "sports", 12, "supermarket", 17),
                categories(andorra.dataset()));
        assertTrue(andorra.dataset().layer(Role.RECREATION_ZONE).isEmpty());
    }

    @Test
    void andorraIsInUtm31AndAKnownNodeRoundTrips() {
        Dataset d = andorra.dataset();
        assertEquals("EPSG:32631", d.info().workingCrs());
        Feature capital = byOsmId(d, Role.VILLAGE, "node/58957648");
        assertEquals("Andorra la Vella", capital.attribute("name"));
        assertEquals("24678", capital.attribute("population"));
        // first vertex of relation 2813721's outer ring (1.544092, 42.5094444): cs2cs gives 380390.533 4707368.742
        Geometry residential =
                byOsmId(d, Role.BUILT_UP_AREA, "relation/2813721").geometry();
        boolean found = false;
        for (Coordinate c : residential.getCoordinates()) {
            if (Math.abs(c.x - 380390.533) < 0.01 && Math.abs(c.y - 4707368.742) < 0.01) found = true;
        }
        assertTrue(found, "the projected node is a vertex of the polygon");
        Coordinate back = WorkingCrs.of("EPSG:32631").toLonLat(380390.533, 4707368.742);
        assertEquals(1.544092, back.x, 1e-7);
        assertEquals(42.5094444, back.y, 1e-7);
    }

    @Test
    void andorraMultipolygonKeepsItsHole() throws ParseException {
        Dataset d = andorra.dataset();
        Feature f = byOsmId(d, Role.BUILT_UP_AREA, "relation/2813721");
        assertEquals("landuse=residential", f.provenance().sourceTag());
        Polygon p = assertInstanceOf(Polygon.class, f.geometry());
        assertEquals(1, p.getNumInteriorRing());
        assertSameShape(
                "POLYGON ((1.544092 42.5094444, 1.5443212 42.5086477, 1.545778 42.5085997, "
                        + "1.5458424 42.5080619, 1.5466256 42.5080065, 1.5478594 42.5079828, 1.5489216 42.506923, "
                        + "1.5495546 42.5073026, 1.5499194 42.5075161, 1.5497692 42.5079986, 1.5500481 42.5083229, "
                        + "1.5498335 42.5088686, 1.5494366 42.509098, 1.549458 42.5096832, 1.5484817 42.510221, "
                        + "1.5486707 42.510694, 1.5490486 42.5111583, 1.5487394 42.5116395, 1.5477602 42.5114158, "
                        + "1.5468326 42.511209, 1.5464318 42.5110233, 1.5460367 42.5107658, 1.5456989 42.5104661, "
                        + "1.545049 42.5098737, 1.544092 42.5094444), (1.5461965 42.5090663, 1.5465923 42.5092687, "
                        + "1.5471132 42.5098077, 1.5473308 42.5104492, 1.5477946 42.5105547, 1.5476663 42.5101973, "
                        + "1.5478986 42.5097849, 1.5474373 42.5087567, 1.5467436 42.508489, 1.5461965 42.5090663))",
                f,
                d);
        Polygon outer = p.getFactory().createPolygon(p.getExteriorRing());
        Polygon inner = p.getFactory().createPolygon(p.getInteriorRingN(0));
        assertEquals(outer.getArea() - inner.getArea(), p.getArea(), 1e-6);
        assertTrue(inner.getArea() > 10_000, "the hole is a real area, not a sliver");
    }

    @Test
    void andorraSupermarketAreaBecomesAPointAndKeepsItsArea() {
        Feature f = byOsmId(andorra.dataset(), Role.FACILITY, "way/54858984");
        assertEquals(Map.of("category", "supermarket", "name", "Pyrénées Hyper-Centre"), f.attributes());
        assertInstanceOf(Point.class, f.geometry());
        Geometry area = SourceArea.of(f).orElseThrow();
        assertEquals(4, area.getNumPoints() - 1, "the way's 5 nodes, closed");
        assertTrue(area.contains(f.geometry()));
    }

    // ---- both ----

    @Test
    void everyPolygonIsValidAndEveryFeatureIsInTheWorkingCrs() {
        for (OsmImport.Result r : List.of(bayreuth, andorra)) {
            Dataset d = r.dataset();
            int srid = WorkingCrs.of(d.info().workingCrs()).srid();
            Set<Long> ids = new HashSet<>();
            for (Feature f : d.layers().values().stream().flatMap(List::stream).toList()) {
                assertTrue(f.geometry().isValid(), () -> f.provenance().describe() + " is invalid");
                assertFalse(f.geometry().isEmpty(), () -> f.provenance().describe() + " is empty");
                assertEquals(srid, f.geometry().getSRID());
                assertTrue(ids.add(f.id()), "ids are unique");
                assertTrue(f.provenance().sourceId().matches("(node|way|relation)/\\d+"));
                assertTrue(f.provenance().sourceTag().contains("="));
                SourceArea.of(f).ifPresent(a -> assertTrue(a.isValid()));
                if (f.role() == Role.AGRICULTURAL_PLOT
                        || f.role() == Role.BUSINESS_PARK
                        || f.role() == Role.BUILT_UP_AREA
                        || f.role() == Role.BUILDING) {
                    assertInstanceOf(Polygonal.class, f.geometry());
                }
            }
            // UTM metres: the extracts are some 10-30 km across
            assertTrue(
                    d.extent().getWidth() > 5_000 && d.extent().getWidth() < 100_000,
                    d.extent().toString());
        }
    }

    // ---- helpers ----

    static Map<String, Integer> counts(Dataset d) {
        Map<String, Integer> out = new TreeMap<>();
        d.layers().forEach((role, list) -> {
            if (!list.isEmpty()) out.put(role.id(), list.size());
        });
        return out;
    }

    static Map<String, Integer> categories(Dataset d) {
        return d.layer(Role.FACILITY).stream()
                .collect(Collectors.toMap(f -> f.attribute("category"), f -> 1, Integer::sum, TreeMap::new));
    }

    static Feature byOsmId(Dataset d, Role role, String osmId) {
        List<Feature> found = d.layer(role).stream()
                .filter(f -> f.provenance().sourceId().equals(osmId))
                .toList();
        assertEquals(1, found.size(), () -> role.id() + " " + osmId + " found " + found.size() + " times");
        return found.get(0);
    }

    /** The feature's geometry equals the lon/lat WKT projected to the working CRS, within a centimetre. */
    static void assertSameShape(String lonLatWkt, Feature f, Dataset d) throws ParseException {
        WorkingCrs crs = WorkingCrs.of(d.info().workingCrs());
        Geometry expected = crs.fromLonLat(new WKTReader().read(lonLatWkt));
        Geometry actual = f.geometry();
        assertEquals(expected.getGeometryType(), actual.getGeometryType());
        double hausdorff = DiscreteHausdorffDistance.distance(expected, actual);
        assertTrue(hausdorff < 0.01, () -> f.provenance().describe() + " differs by " + hausdorff + " m");
        assertEquals(expected.getArea(), actual.getArea(), 0.01);
        assertEquals(expected.getLength(), actual.getLength(), 0.01);
    }
}
