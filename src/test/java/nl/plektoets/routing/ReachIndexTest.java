package nl.plektoets.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.plektoets.data.Dataset;
import nl.plektoets.data.Feature;
import nl.plektoets.data.Provenance;
import nl.plektoets.data.Role;
import nl.plektoets.geo.WorkingCrs;
import nl.plektoets.policy.ReachSettings;
import nl.plektoets.policy.TravelMode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.WKTReader;

/**
 * Reach on the real OSM extract north of Bayreuth, as a data directory loaded by the project's OSM importer (its
 * facilities and addresses) with one imported graph for the whole class. Expected values come from computations
 * written here, not from the code under test: a plain Dijkstra over the OSM ways at 5 km/h ({@link OsmWalkGraph}),
 * and a forward Dijkstra over GraphHopper's edges ({@link GraphDijkstra}).
 */
@Tag("slow") // imports the layers and a GraphHopper graph (about 25 s on a shared machine)
class ReachIndexTest {
    @TempDir
    static Path dir;

    static Dataset dataset;
    /** The importer's choice for the extract: UTM zone 32N. */
    static WorkingCrs CRS;

    static OsmWalkGraph walkGraph;
    static ReachIndex index;

    @BeforeAll
    static void open() throws Exception {
        Path dataDir = BayreuthData.dataDir(dir.resolve("data"));
        dataset = BayreuthData.load(dataDir);
        CRS = WorkingCrs.of(dataset.info().workingCrs());
        walkGraph = new OsmWalkGraph(OsmTestData.read(BayreuthData.OSM));
        index = ReachIndex.open(dataDir, dataset, ReachSettings.defaults());
    }

    @AfterAll
    static void close() {
        if (index != null) index.close();
    }

    static Point site(double lon, double lat) {
        return CRS.geometryFactory().createPoint(CRS.fromLonLat(lon, lat));
    }

    static NetworkSnap snapped(Geometry site, TravelMode mode) {
        SiteAccess a = index.access(site, mode);
        assertTrue(a.snapped(), () -> "not snapped: " + a.reason());
        return a.snap().orElseThrow();
    }

    static Coordinate lonLat(Feature f) {
        return CRS.toLonLat(f.geometry().getCoordinate().x, f.geometry().getCoordinate().y);
    }

    /** The independent answer: walking minutes from a place to the nearest facility of a category. */
    static Map.Entry<Feature, Double> independentNearest(Coordinate from, String category) {
        double[] seconds = walkGraph.secondsFrom(walkGraph.nearestVertex(from.x, from.y));
        Feature best = null;
        double bestSeconds = Double.POSITIVE_INFINITY;
        for (Feature f : index.facilities().get(category)) {
            Coordinate ll =
                    CRS.toLonLat(f.geometry().getCoordinate().x, f.geometry().getCoordinate().y);
            double s = seconds[walkGraph.nearestVertex(ll.x, ll.y)];
            if (s < bestSeconds) {
                bestSeconds = s;
                best = f;
            }
        }
        return best == null ? null : Map.entry(best, bestSeconds / 60.0);
    }

    /** Independent walking minutes from a place to one given facility. */
    static double independentMinutesTo(Coordinate from, Feature facility) {
        double[] seconds = walkGraph.secondsFrom(walkGraph.nearestVertex(from.x, from.y));
        Coordinate ll = CRS.toLonLat(
                facility.geometry().getCoordinate().x, facility.geometry().getCoordinate().y);
        return seconds[walkGraph.nearestVertex(ll.x, ll.y)] / 60.0;
    }

    /**
     * 1 minute plus 3 %: the independent walk starts and ends at the nearest OSM way vertex instead of the point
     * projected onto the way (village vertices lie up to ~40 m apart: up to ~0.5 min at each end at 5 km/h), and
     * GraphHopper walks steps at 3 km/h where the independent graph uses 5 km/h throughout.
     */
    static double tolerance(double minutes) {
        return 1.0 + 0.03 * minutes;
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "Marktplatz|2a|Neudrossenfeld",
                "Altdrossenfeld|8|Neudrossenfeld",
                "Am Fichtenhain|14|Bindlach",
                "Hauptstraße|2|Heinersreuth"
            })
    void walkingTimeToNearestSupermarketAndStopAgreesWithPlainDijkstraOverOsmWays(
            String street, String number, String town) {
        Feature address = BayreuthData.address(dataset, street, number, town);
        Coordinate a = lonLat(address);
        NetworkSnap snap = snapped(address.geometry(), TravelMode.FOOT);
        for (String category : List.of("supermarket", "public_transport_stop")) {
            NearestFacility got = index.nearest(snap, category).orElseThrow();
            Map.Entry<Feature, Double> expected = independentNearest(a, category);
            assertNotNull(expected);
            String what = street + " " + number + " -> " + category + ": code says "
                    + got.facility().attribute("name") + " "
                    + got.minutes() + " min, independent " + expected.getKey().attribute("name") + " "
                    + expected.getValue() + " min";
            assertEquals(expected.getValue(), got.minutes(), tolerance(expected.getValue()), what);
            // the facility found is the nearest, or one the independent walk reaches within the tolerance as well
            assertEquals(
                    expected.getValue(), independentMinutesTo(a, got.facility()), tolerance(expected.getValue()), what);
        }
    }

    @Test
    void marktplatzNeudrossenfeldWalksToTheEdekaOnTheSquare() {
        Feature address = BayreuthData.address(dataset, "Marktplatz", "2a", "Neudrossenfeld");
        Coordinate a = lonLat(address);
        NearestFacility walk = index.nearest(snapped(address.geometry(), TravelMode.FOOT), "supermarket")
                .orElseThrow();
        NearestFacility ride = index.nearest(snapped(address.geometry(), TravelMode.BIKE), "supermarket")
                .orElseThrow();
        assertEquals("Edeka", walk.facility().attribute("name"));
        assertEquals("node/2023149558", walk.facility().provenance().sourceId());
        assertEquals(independentNearest(a, "supermarket").getValue(), walk.minutes(), tolerance(walk.minutes()));
        // same roads, three times the speed (5 vs 15 km/h cap; all roads on this trip allow 15 km/h by bike)
        assertEquals(walk.minutes() / 3, ride.minutes(), 0.5);
    }

    @Test
    void sampleOfAddressesAgreesWithPlainDijkstraOverOsmWays() {
        int compared = 0;
        int i = 0;
        List<String> failures = new ArrayList<>();
        for (Feature address : dataset.layer(Role.ADDRESS)) {
            if (i++ % 10 != 0) continue;
            Coordinate a = lonLat(address);
            Optional<NetworkSnap> snap =
                    index.access(address.geometry(), TravelMode.FOOT).snap();
            Map.Entry<Feature, Double> expected = independentNearest(a, "supermarket");
            if (snap.isEmpty() || expected == null) continue; // the address's nearest OSM vertex is an island
            double got = index.nearest(snap.get(), "supermarket").orElseThrow().minutes();
            compared++;
            if (Math.abs(got - expected.getValue()) > tolerance(expected.getValue())) {
                failures.add(address.attribute("street") + " " + address.attribute("housenumber") + ": " + got + " vs "
                        + expected.getValue());
            }
        }
        assertTrue(compared >= 50, "compared " + compared + " addresses");
        assertEquals(List.of(), failures);
    }

    @Test
    void tablesEqualAForwardSearchFromTheSiteOverGraphHopperEdges() {
        int checked = 0;
        int i = 0;
        for (Feature address : dataset.layer(Role.ADDRESS)) {
            if (i++ % 15 != 0) continue;
            for (TravelMode mode : TravelMode.values()) {
                Optional<NetworkSnap> site =
                        index.access(address.geometry(), mode).snap();
                if (site.isEmpty()) continue;
                double[] millis = GraphDijkstra.millisFrom(
                        site.get(), index.network().graph(), index.network().weighting(mode));
                for (String category : List.of("supermarket", "public_transport_stop")) {
                    double expected = Double.POSITIVE_INFINITY;
                    for (Feature f : index.facilities().get(category)) {
                        Coordinate ll = lonLat(f);
                        NetworkSnap fs = index.network().snap(ll.x, ll.y, mode).orElseThrow();
                        double viaEnds = Math.min(
                                millis[fs.baseNode()] + fs.millisFromBase(), millis[fs.adjNode()] + fs.millisFromAdj());
                        double direct = fs.edge() == site.get().edge()
                                ? site.get().millisAlongEdgeTo(fs)
                                : Double.POSITIVE_INFINITY;
                        expected = Math.min(expected, Math.min(viaEnds, direct));
                    }
                    double got = index.nearest(site.get(), category)
                            .map(NearestFacility::seconds)
                            .orElse(Double.POSITIVE_INFINITY);
                    assertEquals(expected / 1000.0, got, 1.0, mode + " " + category + " at " + lonLat(address));
                    checked++;
                }
            }
        }
        assertTrue(checked >= 100, "checked " + checked);
    }

    @Test
    void walkingTimesAreSymmetricButCyclingTimesDependOnTheDirection() {
        // time FROM every facility TO each node (the wrong direction for the policy) versus the tables (TO)
        int directional = 0;
        for (TravelMode mode : TravelMode.values()) {
            List<NetworkSnap> stops = new ArrayList<>();
            for (Feature f : index.facilities().get("public_transport_stop")) {
                Coordinate ll = CRS.toLonLat(
                        f.geometry().getCoordinate().x, f.geometry().getCoordinate().y);
                stops.add(index.network().snap(ll.x, ll.y, mode).orElseThrow());
            }
            double[] fromStops = GraphDijkstra.millisFromAll(
                    stops, index.network().graph(), index.network().weighting(mode));
            int differing = 0;
            for (int node = 0; node < fromStops.length; node++) {
                double table = tableSeconds(mode, node);
                if (Double.isInfinite(table) && Double.isInfinite(fromStops[node])) continue;
                if (Math.abs(table - fromStops[node] / 1000.0) > 1.0) differing++;
            }
            if (mode == TravelMode.FOOT) assertEquals(0, differing, "walking is the same both ways");
            else directional = differing;
        }
        assertTrue(directional > 0, "one-way streets make some cycling times differ by direction");
    }

    private static double tableSeconds(TravelMode mode, int node) {
        return index.table(mode, "public_transport_stop").seconds(node);
    }

    @Test
    void theRoterMainSeparatesASiteFromAFacilityJustAcrossIt() throws Exception {
        // a supermarket placed on the far bank of the Roter Main, 300 m away in a straight line; the nearest
        // bridges are far up- and downstream (found by searching the extract for close pairs of distant nodes)
        Point nearBank = site(11.522372, 49.988657);
        Point farBank = site(11.524535, 49.986373);
        Feature acrossTheRiver = new Feature(
                1,
                Role.FACILITY,
                farBank,
                Map.of("category", "supermarket", "name", "test supermarket across the river"),
                new Provenance("test", "fixture/1", "shop=supermarket"));
        try (ReachIndex across = ReachIndex.on(
                index.network(), dir.resolve("across"), List.of(acrossTheRiver), CRS, ReachSettings.defaults())) {
            double straightM = nearBank.distance(farBank);
            NearestFacility walk = across.nearest(snapped(nearBank, TravelMode.FOOT), "supermarket")
                    .orElseThrow();
            assertTrue(straightM < 310, "straight line " + straightM);
            // 300 m would be under 4 minutes' walk; the way round takes more than the policy's 30 minutes
            assertTrue(walk.minutes() > 30, "walking " + walk.minutes() + " min");
            double independent = independentMinutesTo(new Coordinate(11.522372, 49.988657), acrossTheRiver);
            assertEquals(independent, walk.minutes(), tolerance(independent));
        }
    }

    @Test
    void aSiteFarFromAnyRoadIsNotSnappedAndSaysHowFar() {
        // a field between Harsdorf and Lanzendorf, about 320 m from the nearest road or track (fits 500 m, not 100 m)
        Point field = site(11.5650, 50.0200);
        SiteAccess lenient = index.access(field, TravelMode.FOOT);
        assertTrue(lenient.snapped());
        assertTrue(lenient.nearestM() > 250 && lenient.nearestM() < 500, "snap distance " + lenient.nearestM());
        ReachSettings strict = new ReachSettings(5, 15, 30, 15, List.of("supermarket"), 1, 100);
        try (ReachIndex strictIndex = ReachIndex.on(
                index.network(), dir.resolve("strict"), index.facilities().get("supermarket"), CRS, strict)) {
            SiteAccess a = strictIndex.access(field, TravelMode.FOOT);
            assertFalse(a.snapped());
            assertEquals(lenient.nearestM(), a.nearestM(), 1e-6);
            assertTrue(a.reason().contains("more than the 100 m allowed"), a.reason());
        }
        // 8 km outside the extract: nothing near at all
        SiteAccess outside = index.access(site(11.70, 50.10), TravelMode.BIKE);
        assertFalse(outside.snapped());
        assertNotNull(outside.reason());
    }

    @Test
    void aPolygonSiteJoinsTheNetworkAtTheBoundaryPointNearestToARoad() throws Exception {
        Coordinate c = BayreuthData.address(dataset, "Marktplatz", "2a", "Neudrossenfeld")
                .geometry()
                .getCoordinate();
        // an 80 x 80 m plot with the address at its north-west corner, reaching away from the square
        Geometry plot = new WKTReader(CRS.geometryFactory())
                .read(String.format(
                        java.util.Locale.ROOT,
                        "POLYGON ((%f %f, %f %f, %f %f, %f %f, %f %f))",
                        c.x,
                        c.y,
                        c.x + 80,
                        c.y,
                        c.x + 80,
                        c.y - 80,
                        c.x,
                        c.y - 80,
                        c.x,
                        c.y));
        NetworkSnap polygonSnap = snapped(plot, TravelMode.FOOT);
        double boundaryToRoad = Double.POSITIVE_INFINITY;
        for (Coordinate v : org.locationtech.jts.densify.Densifier.densify(plot.getBoundary(), 5)
                .getCoordinates()) {
            Coordinate ll = CRS.toLonLat(v.x, v.y);
            boundaryToRoad = Math.min(
                    boundaryToRoad,
                    index.network()
                            .snap(ll.x, ll.y, TravelMode.FOOT)
                            .orElseThrow()
                            .distanceM());
        }
        NetworkSnap centroidSnap = snapped(plot.getCentroid(), TravelMode.FOOT);
        // the chosen access point is (within the 25 m sampling) the boundary point closest to a road ...
        assertTrue(
                polygonSnap.distanceM() <= boundaryToRoad + 12.5,
                polygonSnap.distanceM() + " vs best boundary " + boundaryToRoad);
        // ... and no further from the network than the plot's centre
        assertTrue(polygonSnap.distanceM() <= centroidSnap.distanceM());
    }

    @Test
    void oneSharedSnapForBothModesEqualsTheSnapPerMode() throws Exception {
        // accessAll asks the location index once for all modes where it can; it must answer what one query per
        // mode answers: for every address, and for plots around a sample of them (several boundary points each)
        List<Geometry> sites = new ArrayList<>();
        List<Feature> addresses = dataset.layer(Role.ADDRESS);
        for (Feature a : addresses) sites.add(a.geometry());
        WKTReader wkt = new WKTReader(CRS.geometryFactory());
        for (int i = 0; i < addresses.size(); i += 20) {
            Coordinate c = addresses.get(i).geometry().getCoordinate();
            sites.add(wkt.read(String.format(
                    java.util.Locale.ROOT,
                    "POLYGON ((%f %f, %f %f, %f %f, %f %f, %f %f))",
                    c.x - 30,
                    c.y - 30,
                    c.x + 60,
                    c.y - 30,
                    c.x + 60,
                    c.y + 40,
                    c.x - 30,
                    c.y + 40,
                    c.x - 30,
                    c.y - 30)));
        }
        int sharedEdges = 0, compared = 0;
        for (Geometry site : sites) {
            Map<TravelMode, SiteAccess> all = index.accessAll(site);
            for (TravelMode mode : TravelMode.values()) {
                SiteAccess one = index.access(site, mode), shared = all.get(mode);
                String where = mode + " at " + site;
                assertEquals(one.snapped(), shared.snapped(), where);
                assertEquals(one.nearestM(), shared.nearestM(), 1e-9, where);
                if (!one.snapped()) continue;
                NetworkSnap a = one.snap().orElseThrow(), b = shared.snap().orElseThrow();
                if (a.edge() == b.edge()) {
                    sharedEdges++;
                    assertEquals(a.fraction(), b.fraction(), 1e-12, where);
                }
                for (String category : List.of("supermarket", "public_transport_stop")) {
                    Optional<NearestFacility> x = index.nearest(a, category), y = index.nearest(b, category);
                    assertEquals(x.isPresent(), y.isPresent(), where);
                    if (x.isPresent()) assertEquals(x.get().minutes(), y.get().minutes(), 1e-6, category + " " + where);
                }
                compared++;
            }
        }
        // ties between edges at the same distance (at a shared node) may pick another edge; almost never otherwise
        assertTrue(sharedEdges >= compared * 0.95, sharedEdges + " of " + compared + " on the same edge");
        assertTrue(compared > 1500, "compared " + compared);
    }
}
