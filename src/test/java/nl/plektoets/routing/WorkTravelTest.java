package nl.plektoets.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.plektoets.assess.Assessor;
import nl.plektoets.criteria.CriterionInput;
import nl.plektoets.criteria.CriterionResult;
import nl.plektoets.criteria.DistanceToWorkCriterion;
import nl.plektoets.criteria.Status;
import nl.plektoets.criteria.WorkTravelLookup.Commute;
import nl.plektoets.data.Dataset;
import nl.plektoets.data.Feature;
import nl.plektoets.data.Role;
import nl.plektoets.geo.WorkingCrs;
import nl.plektoets.policy.PolicyProfile;
import nl.plektoets.policy.ReachSettings;
import nl.plektoets.policy.TravelMode;
import nl.plektoets.request.AssessmentRequest;
import nl.plektoets.request.Employer;
import nl.plektoets.request.HousingForm;
import nl.plektoets.request.InitiativeFacts;
import nl.plektoets.request.Stay;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Point;

/**
 * Commuting by bike and car ({@code distance_to_work}, §5.1, §7.1.2) on the real extract north of Bayreuth, with the
 * car profile in the same graph. Expected values are computed here, not by the code under test: the length of a
 * state road (St 2183, way 39407899) summed from its OSM node positions, the speed bounds that follow from the policy
 * cap, the straight line, and a plain forward Dijkstra over GraphHopper's edges ({@link GraphDijkstra}).
 */
@Tag("slow") // imports the layers and a GraphHopper graph with three profiles
class WorkTravelTest {
    @TempDir
    static Path dir;

    static Dataset dataset;
    static WorkingCrs crs;
    static ReachIndex reach;
    static WorkTravel travel;
    static OsmTestData osm;

    /** St 2183 between Bayreuth's north and the villages: a secondary road of 3.9 km without a parallel road. */
    static final long STATE_ROAD = 39407899L;

    @BeforeAll
    static void open() throws Exception {
        Path dataDir = BayreuthData.dataDir(dir.resolve("data"));
        dataset = BayreuthData.load(dataDir);
        crs = WorkingCrs.of(dataset.info().workingCrs());
        reach = ReachIndex.open(dataDir, dataset, ReachSettings.defaults());
        travel = new WorkTravel(reach);
        osm = OsmTestData.read(BayreuthData.OSM);
    }

    @AfterAll
    static void close() {
        if (reach != null) reach.close();
    }

    static Point at(OsmTestData.Node n) {
        return crs.geometryFactory().createPoint(crs.fromLonLat(n.lon(), n.lat()));
    }

    /** The state road's nodes, and the metres along it between two of them (haversine per segment). */
    static OsmTestData.Way stateRoad() {
        return osm.ways.stream().filter(w -> w.id() == STATE_ROAD).findFirst().orElseThrow();
    }

    static double along(OsmTestData.Way w, int from, int to) {
        double m = 0;
        for (int i = from; i < to; i++) {
            OsmTestData.Node a = osm.nodes.get(w.nodes()[i]);
            OsmTestData.Node b = osm.nodes.get(w.nodes()[i + 1]);
            m += OsmWalkGraph.haversine(a.lat(), a.lon(), b.lat(), b.lon());
        }
        return m;
    }

    @Test
    void aTripAlongTheStateRoadIsTheRoadsLengthByCarAndNoLongerByBike() {
        OsmTestData.Way road = stateRoad();
        int from = 2;
        int to = road.nodes().length - 3; // away from the extract's edge, where the road is cut
        double expectedM = along(road, from, to);
        assertTrue(expectedM > 3000, "a long stretch: " + expectedM);
        Point home = at(osm.nodes.get(road.nodes()[from]));
        Point work = at(osm.nodes.get(road.nodes()[to]));

        Commute c = travel.commutes(home, List.of(work)).get(0);
        assertTrue(c.driving().reached(), c::toString);
        // both points are nodes of the road: the car follows it (a secondary road, no parallel one), so its length
        assertEquals(expectedM / 1000, c.driving().km(), expectedM / 1000 * 0.01, c::toString);
        assertTrue(c.driving().accessM() < 1, "both points lie on the road: " + c);
        // every bike speed is capped at the policy's 15 km/h, so a quicker route is never longer than the road, and
        // no route is quicker than its length at 15 km/h
        assertTrue(c.cycling().reached(), c::toString);
        assertTrue(c.cycling().km() <= expectedM / 1000 + 0.005, c::toString);
        assertTrue(c.cycling().minutes() <= expectedM / 1000 / 15 * 60 + 0.05, c::toString);
        assertTrue(c.cycling().minutes() >= c.cycling().km() / 15 * 60 - 0.01, c::toString);
        assertTrue(c.cycling().km() * 1000 >= home.distance(work) - 1, "never shorter than the straight line: " + c);
        // a car is quicker than a bike on a state road
        assertTrue(c.driving().minutes() < c.cycling().minutes() / 2, c::toString);
    }

    @Test
    void timesMatchAForwardDijkstraAndDistancesAreNeverBelowTheStraightLine() {
        List<Feature> addresses = dataset.layer(Role.ADDRESS);
        List<Point> work = List.of(
                (Point) addresses.get(0).geometry(),
                (Point) addresses.get(addresses.size() / 2).geometry(),
                (Point) addresses.get(addresses.size() - 1).geometry());
        int checked = 0;
        for (int i = 0; i < addresses.size(); i += 37) {
            Point home = (Point) addresses.get(i).geometry().getInteriorPoint();
            List<Commute> commutes = travel.commutes(home, work);
            Coordinate hl = crs.toLonLat(home.getX(), home.getY());
            NetworkSnap bikeSite =
                    reach.network().snap(hl.x, hl.y, TravelMode.BIKE).orElseThrow();
            NetworkSnap carSite = reach.network().snapCar(hl.x, hl.y).orElseThrow();
            double[] bikeMillis = GraphDijkstra.millisFrom(
                    bikeSite, reach.network().graph(), reach.network().weighting(TravelMode.BIKE));
            double[] carMillis = GraphDijkstra.millisFrom(
                    carSite, reach.network().graph(), reach.network().carWeighting());
            for (int k = 0; k < work.size(); k++) {
                Commute c = commutes.get(k);
                Coordinate wl = crs.toLonLat(work.get(k).getX(), work.get(k).getY());
                double straightM = home.distance(work.get(k));
                assertEquals(straightM / 1000, c.straightLineKm(), 1e-9);
                check(
                        c.cycling(),
                        bikeSite,
                        reach.network().snap(wl.x, wl.y, TravelMode.BIKE).orElseThrow(),
                        bikeMillis,
                        straightM);
                check(c.driving(), carSite, reach.network().snapCar(wl.x, wl.y).orElseThrow(), carMillis, straightM);
                checked++;
            }
        }
        assertTrue(checked > 50, "checked " + checked);
        assertTrue(travel.cachedTrees() <= 6, "one tree per workplace and mode, reused: " + travel.cachedTrees());
    }

    static void check(
            nl.plektoets.criteria.WorkTravelLookup.Leg leg,
            NetworkSnap site,
            NetworkSnap work,
            double[] millisFromSite,
            double straightM) {
        double expected = Math.min(
                millisFromSite[work.baseNode()] + work.millisFromBase(),
                millisFromSite[work.adjNode()] + work.millisFromAdj());
        if (work.edge() == site.edge()) expected = Math.min(expected, site.millisAlongEdgeTo(work));
        if (Double.isInfinite(expected)) {
            assertFalse(leg.reached(), leg::toString);
            return;
        }
        assertTrue(leg.reached(), leg::toString);
        assertEquals(expected / 60_000, leg.minutes(), Math.max(1e-3, expected / 60_000 * 1e-5), leg::toString);
        // the network route plus the way to the road at both ends is never shorter than the straight line
        assertTrue(leg.km() * 1000 + leg.accessM() >= straightM - 0.5, leg + " vs " + straightM);
    }

    @Test
    void theCriterionJudgesEachEmployerAgainstTheProfilesMaximum() throws Exception {
        OsmTestData.Way road = stateRoad();
        Point home = at(osm.nodes.get(road.nodes()[2]));
        Point far = at(osm.nodes.get(road.nodes()[road.nodes().length - 3]));
        Point near = at(osm.nodes.get(road.nodes()[6]));
        double nearM = along(road, 2, 6);
        List<Employer> employers =
                List.of(new Employer("Far farm", far, null, 12), new Employer("Near works", near, "Road 1", 3));
        // the profile's maximum between the two employers' road distances: the near one within, the far one over
        double maxKm = Math.ceil(nearM / 100 + 5) / 10; // 0.5 km above the near distance, below the far one
        PolicyProfile profile = profileWithMaximum(maxKm);
        CriterionResult r = evaluate(profile, home, employers);
        assertEquals(Status.CONDITIONAL, r.status(), r::toString);
        assertEquals("§5.1, §7.1.2", r.policyRef());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows =
                (List<Map<String, Object>>) r.evidence().get("employers");
        assertEquals("Far farm", rows.get(0).get("name"));
        assertEquals(false, rows.get(0).get("withinMaximum"), rows::toString);
        assertEquals(true, rows.get(1).get("withinMaximum"), rows::toString);
        assertEquals(12, rows.get(0).get("workers"));
        assertEquals(3, r.evidence().get("workersWithinMaximum"));
        assertTrue(r.message().en().contains("Far farm") && r.message().en().contains("Indicative"), r.message()::en);
        assertEquals("commute_motivation", r.obligations().get(0).id());

        // the built-in profile's maximum (15 km, not adopted) covers the whole extract
        CriterionResult pass = evaluate(PolicyProfile.load(null), home, employers);
        assertEquals(Status.PASS, pass.status(), pass::toString);

        // without employers: unknown, naming what to add; without a network: unknown, saying so
        CriterionResult none = evaluate(PolicyProfile.load(null), home, List.of());
        assertEquals(Status.UNKNOWN, none.status());
        assertEquals("employers", none.evidence().get("missing"));
        CriterionResult noNetwork =
                new DistanceToWorkCriterion(null).evaluate(input(PolicyProfile.load(null), home, employers));
        assertEquals(Status.UNKNOWN, noNetwork.status());
        assertNull(noNetwork.evidence().get("employers"));
        assertNotNull(noNetwork.evidence().get("reason"));
    }

    /** The public-road rule of the profile, written out here from its description, over the raw OSM tags. */
    static boolean publicForFireEngines(Map<String, String> tags) {
        String h = tags.getOrDefault("highway", "");
        if (!java.util.Set.of(
                        "trunk",
                        "trunk_link",
                        "primary",
                        "primary_link",
                        "secondary",
                        "secondary_link",
                        "tertiary",
                        "tertiary_link",
                        "unclassified",
                        "residential",
                        "living_street",
                        "service",
                        "road",
                        "track")
                .contains(h)) return false;
        if (h.equals("track") && !"grade1".equals(tags.get("tracktype"))) return false;
        if (java.util.Set.of("driveway", "emergency_access").contains(tags.getOrDefault("service", ""))) return false;
        for (String key : List.of("motor_vehicle", "vehicle", "access")) {
            String v = tags.get(key);
            if (v == null) continue;
            for (String part : v.split(";"))
                if (!java.util.Set.of(
                                "no",
                                "private",
                                "agricultural",
                                "forestry",
                                "delivery",
                                "customers",
                                "permit",
                                "military")
                        .contains(part.trim())) return true;
            return false;
        }
        return true;
    }

    @Test
    void theFireBrigadeDistanceIsTheNearestPublicRoadOfTheRawOsmWays() {
        PolicyProfile profile = PolicyProfile.load(null);
        var lookup = new Assessor(dataset, profile).lookup();
        // the road layer keeps the tags the rule reads: as many private highways as the raw file has
        long rawPrivate = osm.ways.stream()
                .filter(w -> w.tags().containsKey("highway")
                        && "private".equals(w.tags().get("access")))
                .count();
        long imported = dataset.layer(Role.ROAD).stream()
                .filter(f -> "private".equals(f.attribute("access")))
                .count();
        assertTrue(rawPrivate > 20, "the extract has private ways: " + rawPrivate);
        assertEquals(rawPrivate, imported);

        var gf = crs.geometryFactory();
        List<org.locationtech.jts.geom.Geometry> publicWays = new ArrayList<>();
        for (OsmTestData.Way w : osm.ways) {
            if (!publicForFireEngines(w.tags())) continue;
            List<Coordinate> cs = new ArrayList<>();
            for (long id : w.nodes()) {
                OsmTestData.Node n = osm.nodes.get(id);
                if (n != null) cs.add(crs.fromLonLat(n.lon(), n.lat()));
            }
            if (cs.size() >= 2) publicWays.add(gf.createLineString(cs.toArray(Coordinate[]::new)));
        }
        List<Feature> addresses = dataset.layer(Role.ADDRESS);
        int compared = 0;
        int within = 0;
        for (int i = 0; i < addresses.size(); i += 7) {
            Coordinate c = addresses.get(i).geometry().getInteriorPoint().getCoordinate();
            // a drawn 20 x 20 m site around the address, so the distance is from the site itself
            var site = gf.toGeometry(new org.locationtech.jts.geom.Envelope(c.x - 10, c.x + 10, c.y - 10, c.y + 10));
            double nearest = Double.POSITIVE_INFINITY;
            for (var g : publicWays) nearest = Math.min(nearest, g.distance(site));
            double expected = nearest;
            AssessmentRequest r = new AssessmentRequest(
                    site,
                    HousingForm.ROOM_RENTAL,
                    4,
                    false,
                    Stay.MID,
                    null,
                    new InitiativeFacts(List.of(), 2, null, null, null));
            CriterionResult result =
                    new nl.plektoets.criteria.ParkingAccessCriterion().evaluate(new CriterionInput(r, profile, lookup));
            @SuppressWarnings("unchecked")
            Map<String, Object> fire = (Map<String, Object>) result.evidence().get("fireAccess");
            @SuppressWarnings("unchecked")
            Map<String, Object> road = (Map<String, Object>) fire.get("nearestPublicRoad");
            if (expected > 250) {
                assertNull(road, fire::toString);
                assertEquals(Status.CONDITIONAL, result.status());
            } else {
                assertNotNull(road, () -> "expected a public road at " + expected + ": " + fire);
                assertEquals(expected, (double) road.get("distanceM"), 0.011, fire::toString);
                assertEquals(expected <= 10 ? Status.PASS : Status.CONDITIONAL, result.status(), result.message()::en);
                if (expected <= 10) within++;
            }
            compared++;
        }
        assertTrue(compared > 100 && within > 0, compared + " sites, " + within + " within 10 m");
    }

    static CriterionResult evaluate(PolicyProfile profile, Point home, List<Employer> employers) {
        return new DistanceToWorkCriterion(travel).evaluate(input(profile, home, employers));
    }

    static CriterionInput input(PolicyProfile profile, Point home, List<Employer> employers) {
        AssessmentRequest request = new AssessmentRequest(
                home,
                HousingForm.HOUSING_FACILITY,
                15,
                false,
                Stay.MID,
                null,
                new InitiativeFacts(new ArrayList<>(employers), null, null, null, null));
        return new CriterionInput(request, profile, new Assessor(dataset, profile).lookup());
    }

    static PolicyProfile profileWithMaximum(double km) throws Exception {
        String yaml;
        try (var in = PolicyProfile.class.getClassLoader().getResourceAsStream(PolicyProfile.DEFAULT_RESOURCE)) {
            yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String changed =
                yaml.replace("  max_commute_km:\n    value: 15\n", "  max_commute_km:\n    value: " + km + "\n");
        assertFalse(changed.equals(yaml), "the profile's maximum was replaced");
        return PolicyProfile.parse(changed, "test profile");
    }
}
