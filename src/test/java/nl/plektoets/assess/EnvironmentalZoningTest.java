package nl.plektoets.assess;

import static nl.plektoets.assess.FixtureWorld.X0;
import static nl.plektoets.assess.FixtureWorld.Y0;
import static nl.plektoets.assess.FixtureWorld.point;
import static nl.plektoets.assess.FixtureWorld.rect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.plektoets.criteria.CriterionResult;
import nl.plektoets.criteria.EnvironmentalZoningCriterion;
import nl.plektoets.criteria.Obligation;
import nl.plektoets.criteria.Status;
import nl.plektoets.data.Role;
import nl.plektoets.data.VngActivities;
import nl.plektoets.policy.PolicyProfile;
import nl.plektoets.request.AreaType;
import nl.plektoets.request.AssessmentRequest;
import nl.plektoets.request.HousingForm;
import nl.plektoets.request.Stay;
import org.junit.jupiter.api.Test;

/**
 * environmental_zoning and the 4-month logies rule on the fixture world with hand-placed sources; every expected
 * distance is worked out by hand from the rectangles (metres from the fixture origin):
 * <pre>
 *   pig farm building (VNG 0146: odour 200 m, category 4.1)   3300..3340 x 0..40
 *   fuel station with LPG (point; largest aspect 50 m, 3.1)  (2450, 300): 50 m east of park A2 (2100..2400 x 0..600)
 *   business park B as a plan zone "tot en met categorie 3.2" 1020..1300 x 700..1000 (no aspect distances)
 * </pre>
 */
class EnvironmentalZoningTest {
    static final PolicyProfile PROFILE = PolicyProfile.load(null);

    static Map<String, String> activity(String activity, String name) {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("name", name);
        a.put(VngActivities.ACTIVITY, activity);
        return VngActivities.defaults().enrich(a);
    }

    static FixtureWorld world() {
        return FixtureWorld.standardBuilder()
                .addWith(
                        Role.ENVIRONMENTAL_SOURCE,
                        rect(3300, 0, 3340, 40),
                        "building=pigsty",
                        "way/950",
                        activity("pig_farm", "Varkenshouderij Test"))
                .addWith(
                        Role.ENVIRONMENTAL_SOURCE,
                        point(2450, 300),
                        "amenity=fuel",
                        "node/951",
                        activity("fuel_station_lpg", "Tankstation Test"))
                .addWith(
                        Role.ENVIRONMENTAL_SOURCE,
                        rect(1020, 700, 1300, 1000),
                        "Enkelbestemming bedrijf",
                        "NL.IMRO.B",
                        Map.of("name", "Bedrijf", "category", "3.2"));
    }

    static final Assessor ENGINE = new Assessor(world().build(), PROFILE);

    static Assessment assess(Assessor engine, double x, double y, Stay stay, AreaType area) {
        return engine.assess(new AssessmentRequest(
                FixtureWorld.geometry(point(x, y)), HousingForm.HOUSING_FACILITY, 10, false, stay, area));
    }

    static CriterionResult zoning(Assessment a) {
        return a.criteria().stream()
                .filter(c -> c.id().equals(EnvironmentalZoningCriterion.ID))
                .findFirst()
                .orElseThrow();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> sources(CriterionResult r) {
        return (List<Map<String, Object>>) r.evidence().get("sources");
    }

    @Test
    void aPigFarmWithinItsOdourDistanceMakesTheSiteConditional() {
        // (3300, 150): 150 - 40 = 110 m north of the building; the row's largest distance is odour 200 m; no park
        // within
        // 100 m (A2 ends at x 2400, 900 m away): quiet area
        CriterionResult r = zoning(assess(ENGINE, 3300, 150, Stay.MID, null));
        assertEquals(Status.CONDITIONAL, r.status());
        assertEquals("quiet", r.evidence().get("areaType"));
        Map<String, Object> s = sources(r).get(0);
        assertEquals(110.0, (double) s.get("distanceM"), 1e-9);
        assertEquals(200.0, s.get("guideDistanceM"));
        assertEquals("4.1", s.get("category"));
        assertEquals("0146", s.get("sbi"));
        assertEquals(false, s.get("categoryAssumed"));
        assertEquals(1, r.evidence().get("count"));
        assertTrue(
                r.message()
                        .en()
                        .contains("An ETFAL motivation must show the environment is acceptable, otherwise stays"
                                + " are limited to logies of at most 4 months (Bijlage 1)"),
                r.message().en());
        // worded once (criteria.EtfalOutcome): the same sentence as noise, livestock_odour and external_safety
        assertTrue(
                r.message()
                        .nl()
                        .contains("Een ETFAL-motivering moet aantonen dat de omgeving aanvaardbaar is; anders wordt het"
                                + " verblijf beperkt tot logies van maximaal 4 maanden (Bijlage 1)."),
                r.message().nl());
        assertTrue(r.message().en().contains("indicative, not adopted"), "the profile's distances are not adopted");
        assertEquals(false, r.evidence().get("adopted"));
        assertEquals(
                List.of("etfal_environment"),
                r.obligations().stream().map(Obligation::id).toList());
    }

    @Test
    void beyondTheGuideDistanceItPasses() {
        // (3300, 300): 260 m from the building, more than 200 m; the fuel station is 850 m away, park B 2000 m
        CriterionResult r = zoning(assess(ENGINE, 3300, 300, Stay.MID, null));
        assertEquals(Status.PASS, r.status(), r.message().en());
        assertEquals(0, r.evidence().get("count"));
    }

    @Test
    void nearABusinessParkTheAreaIsMixedAndTheDistanceOneStepLower() {
        // (2480, 300): 80 m east of park A2, so mixed; 30 m from the fuel station; its 50 m (quiet) is 30 m mixed, and
        // 30 m is not less than 30 m
        CriterionResult mixed = zoning(assess(ENGINE, 2480, 300, Stay.MID, null));
        assertEquals("mixed", mixed.evidence().get("areaType"));
        assertEquals(Status.PASS, mixed.status(), mixed.message().en());
        // the requester says the area is quiet: 30 m < 50 m
        CriterionResult quiet = zoning(assess(ENGINE, 2480, 300, Stay.MID, AreaType.QUIET));
        assertEquals("request", quiet.evidence().get("areaTypeFrom"));
        assertEquals(Status.CONDITIONAL, quiet.status());
        assertEquals(30.0, (double) sources(quiet).get(0).get("distanceM"), 1e-9);
        assertEquals(50.0, sources(quiet).get(0).get("guideDistanceM"));
    }

    @Test
    void aPlanZoneCategoryWithoutAspectsUsesTheCategoryDistance() {
        // (1100, 660): 40 m south of zone B (category 3.2), in B's 100 m surroundings: mixed, 3.2 = 100 m one step
        // lower = 50 m; 40 < 50
        CriterionResult r = zoning(assess(ENGINE, 1100, 660, Stay.MID, null));
        assertEquals("mixed", r.evidence().get("areaType"));
        assertEquals(Status.CONDITIONAL, r.status());
        assertEquals(40.0, (double) sources(r).get(0).get("distanceM"), 1e-9);
        assertEquals(50.0, sources(r).get(0).get("guideDistanceM"));
        // (1100, 640): 60 m, not less than 50 m
        assertEquals(
                Status.PASS, zoning(assess(ENGINE, 1100, 640, Stay.MID, null)).status());
    }

    @Test
    void withoutTheLayerTheAnswerIsUnknownNamingIt() {
        Assessor engine = new Assessor(
                FixtureWorld.standardBuilder()
                        .without(Role.ENVIRONMENTAL_SOURCE)
                        .build(),
                PROFILE);
        CriterionResult r = zoning(assess(engine, 3300, 150, Stay.MID, null));
        assertEquals(Status.UNKNOWN, r.status());
        assertEquals("environmental_source", r.evidence().get("missingLayer"));
        assertTrue(r.message().en().contains("environmental_source"));
    }

    @Test
    void aSourceWithoutCategoryNearbyIsUnknownNotAPass() {
        Assessor engine = new Assessor(
                FixtureWorld.standardBuilder()
                        .without(Role.ENVIRONMENTAL_SOURCE)
                        .addWith(
                                Role.ENVIRONMENTAL_SOURCE,
                                rect(1500, 0, 2100, 600),
                                "Enkelbestemming bedrijf",
                                "NL.IMRO.A",
                                Map.of("name", "Bedrijf"))
                        .build(),
                PROFILE);
        // (1800, 800): 200 m north of zone A, which has no category; the largest quiet guide distance is 1500 m
        CriterionResult r = zoning(assess(engine, 1800, 800, Stay.MID, null));
        assertEquals(Status.UNKNOWN, r.status());
        assertEquals(1, ((List<?>) r.evidence().get("uncategorised")).size());
    }

    @Test
    void aShortStayTurnsTheEnvironmentalConditionalIntoAPassWithTheObligation() {
        Assessment mid = assess(ENGINE, 3300, 150, Stay.MID, null);
        Assessment shortStay = assess(ENGINE, 3300, 150, Stay.SHORT, null);
        assertEquals(Status.CONDITIONAL, zoning(mid).status());
        CriterionResult r = zoning(shortStay);
        assertEquals(Status.PASS, r.status());
        assertEquals("conditional", r.evidence().get("statusBeforeStay"));
        assertEquals(
                List.of("short_stay_only"),
                r.obligations().stream().map(Obligation::id).toList());
        assertTrue(r.obligations().get(0).text().en().contains("Stays limited to 4 months"));
        assertTrue(shortStay.obligations().stream()
                .anyMatch(o -> o.obligation().id().equals("short_stay_only")));
        assertFalse(shortStay.obligations().stream()
                .anyMatch(o -> o.obligation().id().equals("etfal_environment")));
    }

    @Test
    void theBusinessParkEdgeFollowsTheEnvironment() {
        // (1550, 300): 50 m inside park A, the edge band (LocationDecisionTableTest); the fuel station is 900 m away
        // and zone B 452 m ((1300,700)-(1550,300): sqrt(250^2 + 400^2) = 471.7 m): both beyond; nothing in range
        Assessment clean = assess(ENGINE, 1550, 300, Stay.MID, null);
        assertEquals("business_park_edge", clean.locationClass());
        assertEquals(Status.PASS, result(clean, "location_class").status());
        // a metal workshop inside the park, 20 m from the site: category 3.1, largest aspect 50 m (noise); mixed: 30 m
        Assessor engine = new Assessor(
                world().addWith(
                                Role.ENVIRONMENTAL_SOURCE,
                                rect(1570, 290, 1590, 310),
                                "craft=metal_construction",
                                "way/952",
                                activity("metal_workshop", "Smederij Test"))
                        .build(),
                PROFILE);
        Assessment near = assess(engine, 1550, 300, Stay.MID, null);
        assertEquals(Status.CONDITIONAL, zoning(near).status());
        CriterionResult edge = result(near, "location_class");
        assertEquals(Status.CONDITIONAL, edge.status(), edge.message().en());
        assertEquals(List.of("environmental_zoning"), edge.evidence().get("environmentDeciding"));
        assertEquals(Verdict.CONDITIONAL, near.verdict());
        // logies: the environment passes with the obligation, and so does the edge
        Assessment shortStay = assess(engine, 1550, 300, Stay.SHORT, null);
        assertEquals(Status.PASS, result(shortStay, "location_class").status());
        // without the layer the edge no longer passes blindly
        Assessment unknown = assess(
                new Assessor(
                        FixtureWorld.standardBuilder()
                                .without(Role.ENVIRONMENTAL_SOURCE)
                                .build(),
                        PROFILE),
                1550,
                300,
                Stay.MID,
                null);
        assertEquals(Status.UNKNOWN, result(unknown, "location_class").status());
    }

    @Test
    void theInteriorStaysConditionalWhateverTheStay() {
        // (1800, 300): 300 m inside park A (edge band 100 m): interior
        Assessment a = assess(ENGINE, 1800, 300, Stay.SHORT, null);
        assertEquals("business_park_interior", a.locationClass());
        assertEquals(Status.CONDITIONAL, result(a, "location_class").status());
    }

    @Test
    void distancesAreMeasuredOutlineToOutlineForPolygonSites() {
        // a 20 x 20 m site whose south edge is 60 m north of the pig building: 60 < 200
        String site = String.format(
                java.util.Locale.ROOT,
                "POLYGON ((%s %s, %s %s, %s %s, %s %s, %s %s))",
                X0 + 3300,
                Y0 + 100,
                X0 + 3320,
                Y0 + 100,
                X0 + 3320,
                Y0 + 120,
                X0 + 3300,
                Y0 + 120,
                X0 + 3300,
                Y0 + 100);
        Assessment a = ENGINE.assess(new AssessmentRequest(
                FixtureWorld.geometry(site), HousingForm.HOUSING_FACILITY, 10, false, Stay.MID, null));
        assertEquals(60.0, (double) sources(zoning(a)).get(0).get("distanceM"), 1e-9);
    }

    static CriterionResult result(Assessment a, String id) {
        return a.criteria().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }
}
