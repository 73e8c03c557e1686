package nl.plektoets.criteria;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import nl.plektoets.data.Dataset;
import nl.plektoets.data.Feature;
import nl.plektoets.data.Role;
import nl.plektoets.geo.WorkingCrs;
import nl.plektoets.policy.PolicyProfile;
import nl.plektoets.policy.ReachSettings;
import nl.plektoets.policy.TravelMode;
import nl.plektoets.request.AssessmentRequest;
import nl.plektoets.request.HousingForm;
import nl.plektoets.routing.BayreuthData;
import nl.plektoets.routing.NearestFacility;
import nl.plektoets.routing.ReachIndex;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

/**
 * facility_reach (Bijlage 1) on the real extract north of Bayreuth. The travel times themselves are checked
 * against independent computations in ReachIndexTest; here: which status they lead to, and what the evidence says.
 */
@Tag("slow") // imports the layers and a GraphHopper graph (about 25 s)
class FacilityReachCriterionTest {
    static final List<String> SHOP_AND_STOP = List.of("supermarket", "public_transport_stop");

    @TempDir
    static Path dir;

    static Dataset dataset;
    static WorkingCrs crs;
    static ReachIndex index;

    @BeforeAll
    static void open() throws Exception {
        Path dataDir = BayreuthData.dataDir(dir.resolve("data"));
        dataset = BayreuthData.load(dataDir);
        crs = WorkingCrs.of(dataset.info().workingCrs());
        index = ReachIndex.open(dataDir, dataset, ReachSettings.defaults());
    }

    @AfterAll
    static void close() {
        if (index != null) index.close();
    }

    /** The same index with other settings (same speeds, so the same network weights). */
    static CriterionResult evaluate(Geometry site, List<String> categories, int min, double maxSnapM) {
        ReachSettings s = new ReachSettings(5, 15, 30, 15, categories, min, maxSnapM);
        try (ReachIndex other = ReachIndex.on(
                index.network(),
                dir.resolve("tables-" + categories.size() + "-" + min + "-" + (int) maxSnapM),
                dataset.layer(Role.FACILITY),
                crs,
                s)) {
            return new FacilityReachCriterion(other).evaluate(site, "Bijlage 1");
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> category(CriterionResult r, String category) {
        return ((List<Map<String, Object>>) r.evidence().get("categories"))
                .stream()
                        .filter(c -> category.equals(c.get("category")))
                        .findFirst()
                        .orElseThrow();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> trip(CriterionResult r, String category, String mode) {
        return (Map<String, Object>) category(r, category).get(mode);
    }

    /** Issue 11 item 12: the reach minutes and the paragraph come from the profile, not from the code. */
    @Test
    void theMinutesAndTheParagraphComeFromTheProfile() {
        PolicyProfile articles =
                PolicyProfile.load(Path.of("src", "test", "resources", "policy", "voorbeeld-artikelen.yaml"));
        Feature address = BayreuthData.address(dataset, "Marktplatz", "2a", "Neudrossenfeld");
        try (ReachIndex other = ReachIndex.on(
                index.network(),
                dir.resolve("tables-articles"),
                dataset.layer(Role.FACILITY),
                crs,
                ReachSettings.from(articles, ReachSettings.DEFAULT_MAX_SNAP_DISTANCE_M))) {
            CriterionResult r = new FacilityReachCriterion(other)
                    .evaluate(new CriterionInput(
                            new AssessmentRequest(address.geometry(), HousingForm.ROOM_RENTAL, 4, false),
                            articles,
                            null));
            assertEquals("art. 51", r.policyRef());
            assertEquals(25, r.evidence().get("walkingMinutes"));
            assertEquals(12, r.evidence().get("cyclingMinutes"));
            assertTrue(
                    r.message().en().contains("(art. 51)") && !r.message().en().contains("Bijlage"),
                    r.message().en());
        }
    }

    @Test
    void villageSquareHasShopAndStopInReachButTheDataHasNoDoctor() {
        Feature address = BayreuthData.address(dataset, "Marktplatz", "2a", "Neudrossenfeld");
        assertTrue(
                dataset.layer(Role.FACILITY).stream()
                        .noneMatch(f -> "general_practitioner".equals(f.attribute("category"))),
                "fixture fact: no doctor mapped");
        // the engine's input: request plus the Hardenberg profile
        CriterionResult r = new FacilityReachCriterion(index)
                .evaluate(new CriterionInput(
                        new AssessmentRequest(address.geometry(), HousingForm.ROOM_RENTAL, 4, false),
                        PolicyProfile.load(null),
                        null));
        assertEquals(Status.UNKNOWN, r.status(), r.message().en());
        assertEquals("Bijlage 1", r.policyRef());
        assertEquals(
                "the dataset has no facility of general_practitioner",
                r.evidence().get("reason"));
        assertEquals(
                List.of("supermarket", "public_transport_stop"), r.evidence().get("inReach"));

        NearestFacility walk = index.nearest(
                        index.access(address.geometry(), TravelMode.FOOT).snap().orElseThrow(), "supermarket")
                .orElseThrow();
        Map<String, Object> shop = trip(r, "supermarket", "walking");
        assertEquals(Math.round(walk.minutes() * 10) / 10.0, shop.get("minutes"));
        @SuppressWarnings("unchecked")
        Map<String, Object> facility = (Map<String, Object>) shop.get("facility");
        assertEquals("Edeka", facility.get("name"));
        assertEquals("supermarket", facility.get("category"));
        assertEquals("node/2023149558", facility.get("osmId"));
        assertEquals(11.5012653, (double) facility.get("lon"), 1e-5); // the OSM node's position
        assertEquals(50.0172265, (double) facility.get("lat"), 1e-5);

        CriterionResult withoutDoctor = evaluate(address.geometry(), SHOP_AND_STOP, 2, 500);
        assertEquals(
                Status.PASS, withoutDoctor.status(), withoutDoctor.message().en());
        assertTrue(
                withoutDoctor.message().nl().contains("Edeka"),
                withoutDoctor.message().nl());
    }

    @Test
    void farmhouseOutsideReachOfTheSupermarketIsConditionalNotFail() {
        // Dörflas, a hamlet of Bindlach: the nearest supermarket (Neudrossenfeld) is over 30 min on foot and
        // over 15 min by bike; the bus stop in Ramsenthal is within a 15-minute ride
        Feature address = BayreuthData.address(dataset, "Dörflas", "1", "Bindlach");
        CriterionResult r = evaluate(address.geometry(), SHOP_AND_STOP, 2, 500);
        assertEquals(Status.CONDITIONAL, r.status(), r.message().en());
        assertTrue(r.message().nl().contains("bij voorkeur"), r.message().nl());
        assertEquals(false, category(r, "supermarket").get("inReach"));
        assertTrue((double) trip(r, "supermarket", "walking").get("minutes") > 30);
        assertTrue((double) trip(r, "supermarket", "cycling").get("minutes") > 15);
        assertEquals(true, category(r, "public_transport_stop").get("inReach"));

        // the profile decides how many categories must be in reach: one is enough here
        assertEquals(
                Status.PASS, evaluate(address.geometry(), SHOP_AND_STOP, 1, 500).status());
    }

    @Test
    void aSiteTooFarFromTheNetworkIsUnknownWithTheSnapDistance() {
        // a field about 320 m from the nearest road or track, with a 100 m snap limit
        Point field = crs.geometryFactory().createPoint(crs.fromLonLat(11.5650, 50.0200));
        CriterionResult r = evaluate(field, SHOP_AND_STOP, 2, 100);
        assertEquals(Status.UNKNOWN, r.status());
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> access =
                (Map<String, Map<String, Object>>) r.evidence().get("access");
        assertEquals(false, access.get("foot").get("snapped"));
        double snapM = (double) access.get("foot").get("snapDistanceM");
        assertTrue(snapM > 250 && snapM < 500, "snap distance " + snapM);
        assertTrue(String.valueOf(r.evidence().get("reason")).contains("more than the 100 m allowed"));
        assertTrue(
                r.message().nl().contains("dichtstbijzijnde weg of pad op"),
                r.message().nl());
        assertFalse(r.evidence().containsKey("categories"));

        // with the default 500 m it is assessed, and the evidence says how far the walk to the road is
        CriterionResult lenient = evaluate(field, SHOP_AND_STOP, 2, 500);
        assertTrue(lenient.status() != Status.UNKNOWN, lenient.message().en());
    }

    @Test
    void aPolygonSiteIsAssessedFromItsBestAccessPoint() throws Exception {
        Feature address = BayreuthData.address(dataset, "Marktplatz", "2a", "Neudrossenfeld");
        Geometry plot = address.geometry().buffer(30);
        CriterionResult r = evaluate(plot, SHOP_AND_STOP, 2, 500);
        assertEquals(Status.PASS, r.status());
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> access =
                (Map<String, Map<String, Object>>) r.evidence().get("access");
        // the plot's boundary lies nearer to the square's roads than the address point
        double pointSnap = index.access(address.geometry(), TravelMode.FOOT).nearestM();
        assertTrue((double) access.get("foot").get("snapDistanceM") <= pointSnap);
    }
}
