package nl.plektoets.criteria;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import nl.plektoets.assess.AddressSite;
import nl.plektoets.assess.SpatialIndex;
import nl.plektoets.data.Dataset;
import nl.plektoets.data.DatasetInfo;
import nl.plektoets.data.Feature;
import nl.plektoets.data.ImportProgress;
import nl.plektoets.data.Provenance;
import nl.plektoets.data.Role;
import nl.plektoets.data.directory.DataDirectory;
import nl.plektoets.demo.CommittedDemo;
import nl.plektoets.policy.PolicyProfile;
import nl.plektoets.request.AssessmentRequest;
import nl.plektoets.request.HousingForm;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.PrecisionModel;

/**
 * The address index counts what the spatial index finds: for every demo address and many random points, at the
 * profile's radius and others, the number of addresses, by dwelling mark and by use are those of {@code
 * withinDistance(ADDRESS, ...)} counted one by one (the criterion's way before the index), in the same order; and the
 * criterion's whole result over every demo address is the one the one-by-one count gives.
 */
class NeighbourAddressesTest {
    private static final GeometryFactory RD = new GeometryFactory(new PrecisionModel(), 28992);

    @TempDir
    static Path tmp;

    static Dataset demo;
    static SpatialIndex lookup;

    @BeforeAll
    static void load() throws Exception {
        demo = DataDirectory.load(CommittedDemo.copyTo(tmp.resolve("demo")), null, ImportProgress.NONE);
        lookup = new SpatialIndex(demo);
    }

    /** The criterion's count before the index: every hit of the lookup, in its order. */
    private static List<Object> oneByOne(SpatialLookup lookup, Geometry site, double radius) {
        Map<String, Integer> byDwelling = new LinkedHashMap<>();
        for (String k : List.of("yes", "no", "assumed", "unknown")) byDwelling.put(k, 0);
        Map<String, Integer> byUse = new TreeMap<>();
        List<SpatialLookup.Hit> hits = lookup.withinDistance(Role.ADDRESS, site, radius);
        for (SpatialLookup.Hit h : hits) {
            byDwelling.merge(NeighboursCriterion.dwelling(h.feature()), 1, Integer::sum);
            String use = h.feature().attribute("use");
            if (use != null) for (String u : use.split(",")) byUse.merge(u.strip(), 1, Integer::sum);
        }
        return List.of(hits.size(), List.copyOf(byDwelling.entrySet()), List.copyOf(byUse.entrySet()));
    }

    private static List<Object> indexed(NeighbourAddresses index, Point p, double radius) {
        int[] counts = index.countWithin(p.getX(), p.getY(), radius);
        int total = 0;
        for (int c : counts) total += c;
        return List.of(
                total,
                List.copyOf(index.byDwelling(counts).entrySet()),
                List.copyOf(index.byUse(counts).entrySet()));
    }

    @Test
    void theDemoCountsAreTheLookupsAtEveryAddressAndRandomPoint() {
        NeighbourAddresses index = NeighbourAddresses.of(lookup);
        assertNotNull(index, "the demo's addresses are points");
        double[] radii = {100, 150.5, 37.25, 250, 700, 1000, 0.01};
        List<Feature> addresses = demo.layer(Role.ADDRESS);
        int compared = 0, nonEmpty = 0;
        for (int i = 0; i < addresses.size(); i++) {
            Point p = AddressSite.of(addresses.get(i));
            double r = radii[i % radii.length];
            List<Object> expected = oneByOne(lookup, p, r);
            assertEquals(expected, indexed(index, p, r), () -> p + " r " + r);
            // the address itself and its neighbours at their exact distance: the boundary of the radius
            assertEquals(oneByOne(lookup, p, 100), indexed(index, p, 100), () -> p + " r 100");
            compared += 2;
            if ((Integer) expected.get(0) > 0) nonEmpty++;
        }
        Envelope extent = demo.extent();
        Random random = new Random(17);
        for (int i = 0; i < 20_000; i++) {
            double x = extent.getMinX() - 500 + random.nextDouble() * (extent.getWidth() + 1000);
            double y = extent.getMinY() - 500 + random.nextDouble() * (extent.getHeight() + 1000);
            if (i % 2 == 0) {
                // beside an address: the town, where the counts are large
                Point a = AddressSite.of(addresses.get(random.nextInt(addresses.size())));
                x = a.getX() - 300 + random.nextDouble() * 600;
                y = a.getY() - 300 + random.nextDouble() * 600;
            }
            if (i % 3 == 0) {
                x = Math.rint(x);
                y = Math.rint(y);
            }
            Point p = RD.createPoint(new Coordinate(x, y));
            double r = radii[i % radii.length];
            List<Object> expected = oneByOne(lookup, p, r);
            assertEquals(expected, indexed(index, p, r), () -> p + " r " + r);
            compared++;
            if ((Integer) expected.get(0) > 0) nonEmpty++;
        }
        assertTrue(compared > 25_000 && nonEmpty > 10_000, compared + " compared, " + nonEmpty + " with addresses");
    }

    @Test
    void theCriterionsResultsAreThoseOfTheOneByOneCount() {
        PolicyProfile profile = PolicyProfile.load(null);
        NeighboursCriterion criterion = new NeighboursCriterion();
        for (Feature a : demo.layer(Role.ADDRESS)) {
            for (HousingForm form : HousingForm.values()) {
                CriterionInput in =
                        new CriterionInput(new AssessmentRequest(AddressSite.of(a), form, 12, false), profile, lookup);
                CriterionResult result = criterion.evaluate(in);
                NeighboursCriterion.EffectArea area = NeighboursCriterion.effectArea(in);
                List<Object> expected = oneByOne(lookup, in.request().site(), area.radiusM());
                Map<String, Object> ev = result.evidence();
                assertEquals(expected.get(0), ev.get("addresses"));
                assertEquals(expected.get(1), List.copyOf(((Map<?, ?>) ev.get("byDwelling")).entrySet()));
                List<?> byUse =
                        ev.containsKey("byUse") ? List.copyOf(((Map<?, ?>) ev.get("byUse")).entrySet()) : List.of();
                assertEquals(expected.get(2), byUse);
            }
        }
    }

    private static Feature address(long id, Geometry g, Map<String, String> attributes) {
        return new Feature(id, Role.ADDRESS, g, attributes, new Provenance("test", Long.toString(id), "address"));
    }

    private static Point point(double x, double y) {
        return RD.createPoint(new Coordinate(x, y));
    }

    @Test
    void addressesOnTheRadiusOddMarksEmptyPointsAndAreas() {
        double x = 230_000.125, y = 480_000.5;
        List<Feature> features = new ArrayList<>();
        // on the circle of 100 m (3-4-5 triangles), just inside and just outside it, at the site itself
        features.add(address(1, point(x + 100, y), Map.of("dwelling", "yes", "use", "woonfunctie")));
        features.add(address(2, point(x - 60, y + 80), Map.of("use", "woonfunctie,winkelfunctie")));
        features.add(address(3, point(x + 60, y - 80.000001), Map.of("use", "industriefunctie")));
        features.add(address(4, point(Math.nextDown(x + 100), y), Map.of("dwelling", "assumed")));
        features.add(address(5, point(x, y), Map.of("use", "house")));
        features.add(address(6, point(x, y + 99.99), Map.of()));
        features.add(address(7, RD.createPoint(), Map.of("dwelling", "yes")));
        features.add(address(8, point(x + 5000, y + 5000), Map.of("use", " kantoorfunctie , woonfunctie")));
        SpatialIndex points = new SpatialIndex(
                new Dataset(new DatasetInfo("points", false, List.of("test"), "EPSG:28992"), features));
        NeighbourAddresses index = NeighbourAddresses.of(points);
        assertNotNull(index);
        for (double r : new double[] {100, 99.99, 50, 7100, 7072, 0.01, 1e-3}) {
            for (Point p : List.of(point(x, y), point(x + 0.5, y - 0.25), point(x + 5000, y + 4999))) {
                if (r < 0.01) continue; // the criterion counts one by one below the index's tolerance
                assertEquals(oneByOne(points, p, r), indexed(index, p, r), () -> p + " r " + r);
            }
        }

        // a mark outside the four: the criterion counts one by one (the order of the marks follows the hits)
        features.add(address(9, point(x + 10, y), Map.of("dwelling", "maybe")));
        SpatialIndex odd =
                new SpatialIndex(new Dataset(new DatasetInfo("odd", false, List.of("test"), "EPSG:28992"), features));
        NeighbourAddresses oddIndex = NeighbourAddresses.of(odd);
        assertTrue(oddIndex.hasOtherMark(oddIndex.countWithin(x, y, 100)));
        PolicyProfile profile = PolicyProfile.load(null);
        CriterionInput in =
                new CriterionInput(new AssessmentRequest(point(x, y), HousingForm.ROOM_RENTAL, 4, false), profile, odd);
        Map<?, ?> byDwelling =
                (Map<?, ?>) new NeighboursCriterion().evaluate(in).evidence().get("byDwelling");
        assertEquals(List.of("yes", "no", "assumed", "unknown", "maybe"), List.copyOf(byDwelling.keySet()));

        // an address that is an area: no index, the lookup's distances
        features.add(address(10, point(x, y).buffer(5), Map.of("dwelling", "yes")));
        assertNull(NeighbourAddresses.of(new SpatialIndex(
                new Dataset(new DatasetInfo("areas", false, List.of("test"), "EPSG:28992"), features))));
    }

    @Test
    void decidesTheCircleAsCoordinateDistanceDoes() {
        // hypot and the plain square root can differ in the last bits: on the circle the index's test must decide
        Random random = new Random(7);
        int onTheEdge = 0;
        for (int i = 0; i < 200_000; i++) {
            double r = 0.01 + random.nextDouble() * 2000;
            double angle = random.nextDouble() * 2 * Math.PI;
            double dx = r * Math.cos(angle), dy = r * Math.sin(angle);
            boolean expected = new org.locationtech.jts.geom.Coordinate(0, 0)
                            .distance(new org.locationtech.jts.geom.Coordinate(-dx, -dy))
                    <= r;
            assertEquals(expected, NeighbourAddresses.within(dx, dy, r), "dx " + dx + ", dy " + dy + ", r " + r);
            if (Math.sqrt(dx * dx + dy * dy) <= r != Math.hypot(dx, dy) <= r) onTheEdge++;
        }
        assertTrue(onTheEdge > 0, "some points on the circle must tell the square root from hypot");
    }
}
