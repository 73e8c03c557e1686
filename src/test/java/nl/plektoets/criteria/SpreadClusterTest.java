package nl.plektoets.criteria;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import nl.plektoets.assess.AddressSite;
import nl.plektoets.assess.SpatialIndex;
import nl.plektoets.data.Dataset;
import nl.plektoets.data.Feature;
import nl.plektoets.data.ImportProgress;
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
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.PrecisionModel;

/**
 * The cluster of {@code spread} (the facilities within the cluster distance, with their rounded distances, nearest
 * first, and their persons) is the one the criterion computed before it kept the facilities' coordinates and skipped
 * those farther along one axis: every shown facility measured ({@code Coordinate.distance} between points, JTS's
 * distance otherwise), in register order, stably sorted. Over the demo with 600 facilities (points, areas, no
 * location; public and not), for both audiences, at every 3rd demo address and 20,000 random points, and at facilities
 * on and just beside the cluster distance along an axis and a diagonal.
 */
class SpreadClusterTest {
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

    /** The criterion's cluster before: [members, persons]. */
    private static List<Object> before(
            List<HousedPersons.Housed> all, Audience audience, Geometry site, int persons, double clusterM) {
        List<Map<String, Object>> cluster = new ArrayList<>();
        int clusterPersons = persons;
        for (HousedPersons.Housed h : all) {
            if (h.location() == null || !h.facility() || !(audience == Audience.PLANNER || h.publicSite())) continue;
            double d = site instanceof Point a && h.location() instanceof Point b && !a.isEmpty() && !b.isEmpty()
                    ? a.getCoordinate().distance(b.getCoordinate())
                    : site.distance(h.location());
            if (d <= clusterM) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("kind", h.kind().id());
                m.put("persons", h.persons());
                m.put("distanceM", Evidence.round(d));
                cluster.add(m);
                clusterPersons += h.persons();
            }
        }
        cluster.sort(Comparator.comparingDouble(m -> (Double) m.get("distanceM")));
        return List.of(cluster, clusterPersons);
    }

    private static Point point(double x, double y) {
        return RD.createPoint(new Coordinate(x, y));
    }

    @Test
    void theClusterIsTheOneEveryFacilityMeasuredGives() {
        PolicyProfile profile = PolicyProfile.load(null);
        double clusterM = profile.settlement().spread().clusterDistanceM();
        List<Feature> addresses = demo.layer(Role.ADDRESS);
        Random random = new Random(11);
        List<HousedPersons.Housed> housed = new ArrayList<>();
        Point centre = AddressSite.of(addresses.get(addresses.size() / 2));
        // on the cluster distance and an ulp or a hair beside it, along the axes and a 3-4-5 diagonal
        double[][] offsets = {
            {clusterM, 0},
            {-clusterM, 0},
            {0, clusterM},
            {0, -clusterM},
            {Math.nextUp(clusterM), 0},
            {Math.nextDown(clusterM), 0},
            {0, clusterM * (1 + 1e-12)},
            {0.6 * clusterM, 0.8 * clusterM},
            {clusterM * (1 + 1e-13), 1e-9},
            {clusterM, 1e-6}
        };
        for (int i = 0; i < offsets.length; i++)
            housed.add(new HousedPersons.Housed(
                    HousedPersons.Kind.INITIATIVE,
                    i,
                    point(centre.getX() + offsets[i][0], centre.getY() + offsets[i][1]),
                    10 + i,
                    true,
                    i % 2 == 0));
        for (int i = 0; i < 600; i++) {
            Point a = AddressSite.of(addresses.get(random.nextInt(addresses.size())));
            Geometry location = switch (i % 10) {
                case 0 -> null;
                case 1 -> a.buffer(20 + random.nextInt(50));
                default ->
                    point(a.getX() + random.nextDouble() * 200 - 100, a.getY() + random.nextDouble() * 200 - 100);
            };
            housed.add(new HousedPersons.Housed(
                    HousedPersons.Kind.values()[i % 3],
                    100 + i,
                    location,
                    1 + random.nextInt(40),
                    i % 4 != 3,
                    random.nextBoolean()));
        }
        HousedPersons registers = () -> housed;
        int compared = 0, withMembers = 0;
        for (Audience audience : Audience.values()) {
            SpreadCriterion criterion = new SpreadCriterion(registers, audience);
            List<Geometry> sites = new ArrayList<>();
            sites.add(centre);
            for (int i = 0; i < addresses.size(); i += 3) sites.add(AddressSite.of(addresses.get(i)));
            for (int i = 0; i < 20_000; i++) {
                Point a = AddressSite.of(addresses.get(random.nextInt(addresses.size())));
                double x = a.getX() + random.nextDouble() * 1200 - 600, y = a.getY() + random.nextDouble() * 1200 - 600;
                sites.add(i % 50 == 0 ? point(x, y).buffer(30) : point(i % 3 == 0 ? Math.rint(x) : x, y));
            }
            for (Geometry site : sites) {
                AssessmentRequest req = new AssessmentRequest(site, HousingForm.HOUSING_FACILITY, 12, false);
                Map<String, Object> ev = criterion
                        .evaluate(new CriterionInput(req, profile, lookup))
                        .evidence();
                if (!ev.containsKey("clusterMembers")) continue; // no village: no cluster asked
                List<Object> expected = before(housed, audience, site, 12, clusterM);
                assertEquals(expected.get(0), ev.get("clusterMembers"), site::toString);
                assertEquals(expected.get(1), ev.get("clusterPersons"), site::toString);
                compared++;
                if (!((List<?>) expected.get(0)).isEmpty()) withMembers++;
            }
        }
        assertTrue(compared > 30_000 && withMembers > 10_000, compared + " compared, " + withMembers + " with members");
    }
}
