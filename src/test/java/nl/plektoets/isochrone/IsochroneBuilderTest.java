package nl.plektoets.isochrone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import nl.plektoets.data.Dataset;
import nl.plektoets.data.Feature;
import nl.plektoets.geo.WorkingCrs;
import nl.plektoets.policy.ReachSettings;
import nl.plektoets.policy.TravelMode;
import nl.plektoets.routing.BayreuthData;
import nl.plektoets.routing.NearestFacility;
import nl.plektoets.routing.ReachIndex;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/** Isochrones on the real extract north of Bayreuth; one imported graph for the class. */
@Tag("slow") // imports the layers and a GraphHopper graph (about 25 s)
class IsochroneBuilderTest {
    static WorkingCrs CRS;
    /** Marktplatz 2a, Neudrossenfeld: the village square, next to the Edeka. */
    static final double LON = 11.50153;

    static final double LAT = 50.01693;
    static final GeometryFactory LONLAT = new GeometryFactory();

    @TempDir
    static Path dir;

    static ReachIndex index;
    static IsochroneBuilder builder;

    @BeforeAll
    static void open() throws Exception {
        Path dataDir = BayreuthData.dataDir(dir.resolve("data"));
        Dataset dataset = BayreuthData.load(dataDir);
        CRS = WorkingCrs.of(dataset.info().workingCrs());
        index = ReachIndex.open(dataDir, dataset, ReachSettings.defaults());
        builder = new IsochroneBuilder(index);
    }

    @AfterAll
    static void close() {
        if (index != null) index.close();
    }

    static Point lonLat(double lon, double lat) {
        return LONLAT.createPoint(new Coordinate(lon, lat));
    }

    @Test
    void walkingAreasAreValidNestedAndContainTheirOrigin() {
        IsochroneResult r = builder.isochrones(LON, LAT, TravelMode.FOOT, List.of(30, 15), false);
        assertEquals(
                List.of(15, 30), r.isochrones().stream().map(Isochrone::minutes).toList());
        Geometry small = r.isochrones().get(0).area();
        Geometry large = r.isochrones().get(1).area();
        for (Geometry area : List.of(small, large)) {
            assertTrue(area instanceof Polygon, area.getGeometryType());
            assertTrue(area.isValid());
            assertTrue(area.contains(lonLat(LON, LAT)), "contains the origin");
            assertTrue(area.contains(lonLat(r.snappedLon(), r.snappedLat())), "contains the snapped origin");
        }
        assertTrue(large.covers(small), "15 min lies inside 30 min");
        assertTrue(large.getArea() > 1.5 * small.getArea());
        // a 15-minute walk at 5 km/h covers at most 1.25 km from the origin
        assertTrue(areaM2(small) < Math.PI * 1250 * 1250, "area " + areaM2(small));
        assertTrue(areaM2(small) > 0.1 * Math.PI * 1250 * 1250, "area " + areaM2(small));
    }

    @Test
    void facilitiesInsideAgreeWithTheReachTables() {
        IsochroneResult r = builder.isochrones(LON, LAT, TravelMode.FOOT, List.of(15, 30), false);
        var snap = index.access(CRS.geometryFactory().createPoint(CRS.fromLonLat(LON, LAT)), TravelMode.FOOT)
                .snap()
                .orElseThrow();
        for (Isochrone iso : r.isochrones()) {
            int total =
                    iso.counts().values().stream().mapToInt(Integer::intValue).sum();
            assertEquals(iso.facilities().size(), total);
            for (Feature f : iso.facilities()) {
                Coordinate ll = CRS.toLonLat(
                        f.geometry().getCoordinate().x, f.geometry().getCoordinate().y);
                assertTrue(iso.area().covers(lonLat(ll.x, ll.y)));
            }
        }
        assertTrue(r.isochrones()
                .get(1)
                .facilities()
                .containsAll(r.isochrones().get(0).facilities()));
        // the nearest supermarket is a 4-5 minute walk: well inside the 15-minute area
        NearestFacility edeka = index.nearest(snap, "supermarket").orElseThrow();
        assertTrue(edeka.minutes() < 10);
        assertTrue(r.isochrones().get(0).facilities().contains(edeka.facility()));
        assertTrue(r.isochrones().get(0).counts().get("supermarket") >= 1);
    }

    @Test
    void cyclingReachesFurtherAndWalkingIsTheSameBothWays() {
        Geometry walk = builder.isochrones(LON, LAT, TravelMode.FOOT, List.of(15), false)
                .isochrones()
                .get(0)
                .area();
        Geometry walkBack = builder.isochrones(LON, LAT, TravelMode.FOOT, List.of(15), true)
                .isochrones()
                .get(0)
                .area();
        IsochroneResult ride = builder.isochrones(LON, LAT, TravelMode.BIKE, List.of(15), true);
        Geometry rideArea = ride.isochrones().get(0).area();
        assertTrue(ride.reverse());
        assertTrue(rideArea.isValid());
        assertTrue(rideArea.contains(lonLat(LON, LAT)));
        assertTrue(rideArea.getArea() > 2 * walk.getArea(), "cycling covers more ground");
        // walking has no one-way rules: "from here" and "to here" are the same area
        assertEquals(walk.getArea(), walkBack.getArea(), walk.getArea() * 1e-6);
        assertTrue(
                walk.equalsExact(walkBack, 1e-9) || walk.symDifference(walkBack).getArea() < walk.getArea() * 1e-6);
    }

    @Test
    void theRiverKeepsTheFarBankOutOfTheWalkingArea() {
        // Roter Main: the far bank is 300 m away in a straight line, over 30 minutes' walk round by a bridge
        IsochroneResult r = builder.isochrones(11.522372, 49.988657, TravelMode.FOOT, List.of(15), false);
        Geometry area = r.isochrones().get(0).area();
        assertTrue(area.contains(lonLat(11.522372, 49.988657)));
        assertFalse(area.contains(lonLat(11.524535, 49.986373)), "the far bank is out of reach");
    }

    @Test
    void badCutOffsAndPointsOffTheNetworkAreRejected() {
        IllegalArgumentException zero = assertThrows(
                IllegalArgumentException.class,
                () -> builder.isochrones(LON, LAT, TravelMode.FOOT, List.of(0, 15), false));
        assertTrue(zero.getMessage().startsWith("minutes:"), zero.getMessage());
        assertThrows(
                IllegalArgumentException.class,
                () -> builder.isochrones(LON, LAT, TravelMode.FOOT, List.of(121), false));
        assertThrows(
                IllegalArgumentException.class, () -> builder.isochrones(LON, LAT, TravelMode.FOOT, List.of(), false));
        OffNetworkException off = assertThrows(
                OffNetworkException.class, () -> builder.isochrones(11.70, 50.10, TravelMode.BIKE, List.of(15), false));
        assertTrue(off.getMessage().contains("bike"), off.getMessage());
    }

    /** Area in m2 of a lon/lat polygon, via the working CRS. */
    static double areaM2(Geometry lonLat) {
        return CRS.fromLonLat(lonLat).getArea();
    }
}
