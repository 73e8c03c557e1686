package nl.plektoets.criteria;

import static nl.plektoets.assess.FixtureWorld.geometry;
import static nl.plektoets.assess.FixtureWorld.point;
import static nl.plektoets.assess.FixtureWorld.rect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import nl.plektoets.assess.FixtureWorld;
import nl.plektoets.assess.SpatialIndex;
import nl.plektoets.data.Role;
import nl.plektoets.policy.PolicyProfile;
import nl.plektoets.request.AssessmentRequest;
import nl.plektoets.request.HousingForm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * noise, livestock_odour, external_safety (Bijlage 1) on a WKT fixture. Expected outcomes are worked by hand from the
 * profile's values (road standard 50 dB, limit 65; industry 50; odour 3 / 14 OU_E/m3; fixed distances 100 / 50 m;
 * LPG 160 m) and the rectangles below (metres from FixtureWorld's origin; the built-up area is 0..1000 x 0..1000).
 */
class EnvironmentCriteriaTest {
    static final PolicyProfile PROFILE = PolicyProfile.load(null);
    static final String ETFAL_EN = "An ETFAL motivation must show the environment is acceptable, otherwise stays are"
            + " limited to logies of at most 4 months (Bijlage 1).";
    // the policy's own words (Bijlage 1): "wordt het verblijf beperkt tot logies van maximaal 4 maanden"
    static final String ETFAL_NL =
            "Een ETFAL-motivering moet aantonen dat de omgeving aanvaardbaar is; anders wordt het"
                    + " verblijf beperkt tot logies van maximaal 4 maanden (Bijlage 1).";

    static SpatialIndex world(FixtureWorld w) {
        return new SpatialIndex(w.build());
    }

    static CriterionResult run(Criterion c, SpatialIndex index, String wkt) {
        return c.evaluate(new CriterionInput(
                new AssessmentRequest(geometry(wkt), HousingForm.HOUSING_FACILITY, 10, false), PROFILE, index));
    }

    static final SpatialIndex NOISE = world(FixtureWorld.standardBuilder()
            .addWith(
                    Role.NOISE,
                    rect(0, 0, 100, 100),
                    "noise contour",
                    "c1",
                    Map.of("source_type", "road", "lden_low", "55", "lden_high", "60"))
            .addWith(
                    Role.NOISE,
                    rect(-100, -100, 200, 200),
                    "noise contour",
                    "c2",
                    Map.of("source_type", "road", "lden_low", "50", "lden_high", "55"))
            .addWith(
                    Role.NOISE,
                    rect(0, 0, 50, 50),
                    "noise contour",
                    "c3",
                    Map.of("source_type", "industry", "lden_low", "45", "lden_high", "50"))
            .addWith(
                    Role.NOISE,
                    rect(250, 250, 350, 350),
                    "noise raster",
                    "r1",
                    Map.of("source_type", "road", "lden_low", "50", "lden_high", "50"))
            .addWith(
                    Role.NOISE,
                    rect(400, 400, 450, 450),
                    "noise raster",
                    "r2",
                    Map.of("source_type", "road", "lden_low", "66", "lden_high", "66"))
            .addWith(
                    Role.NOISE,
                    rect(600, 600, 700, 700),
                    "noise contour",
                    "a1",
                    Map.of("source_type", "aircraft", "lden_low", "45", "lden_high", "50"))
            .addWith(
                    Role.NOISE,
                    rect(800, 800, 900, 900),
                    "GIO",
                    "g1",
                    Map.of("metric", "laeq", "kind", "norm_area", "lden_high", "40")));

    @ParameterizedTest(name = "site ({0},{1}) -> {2}")
    @CsvSource({
        // inside road 55-60: whole band above 50
        "10,  10,  conditional, road, above_standard",
        // in road 50-55 only: the band reaches above 50, so it may be above
        "150, 150, conditional, road, possibly_above_standard",
        // a raster cell of exactly 50 dB: "niet hoger dan" 50 is met
        "300, 300, pass,        road, at_or_below_standard",
        // 66 dB is above the limit value 65 too
        "425, 425, conditional, road, above_limit",
        // aircraft has no Bkl standard value: reported, the municipality judges
        "650, 650, conditional, aircraft, no_standard",
    })
    void noiseBandsAgainstTheBklValues(double x, double y, String status, String type, String outcome) {
        CriterionResult r = run(new NoiseCriterion(), NOISE, point(x, y));
        assertEquals(status, r.status().id(), r.message().en());
        assertEquals("Bijlage 1", r.policyRef());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows =
                (List<Map<String, Object>>) r.evidence().get("sourceTypes");
        Map<String, Object> row = rows.stream()
                .filter(m -> type.equals(m.get("sourceType")))
                .findFirst()
                .orElseThrow();
        assertEquals(outcome, row.get("outcome"));
        if (status.equals("conditional"))
            assertTrue(
                    r.message()
                                    .en()
                                    .endsWith(ETFAL_EN + " Indicative: the council has"
                                            + " not adopted this norm for this check.")
                            || type.equals("aircraft"),
                    r.message().en());
        // aircraft uses no value of the profile; every Bkl value used is adopted: false
        assertEquals(type.equals("aircraft"), r.evidence().get("adopted"));
    }

    @Test
    void noiseTakesTheHighestBandPerSourceTypeAndCitesTheArticle() {
        CriterionResult r = run(new NoiseCriterion(), NOISE, point(10, 10));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows =
                (List<Map<String, Object>>) r.evidence().get("sourceTypes");
        assertEquals(
                List.of("industry", "road"),
                rows.stream().map(m -> m.get("sourceType")).toList());
        assertEquals(55.0, rows.get(1).get("ldenLow"));
        assertEquals(60.0, rows.get(1).get("ldenHigh"));
        assertEquals("at_or_below_standard", rows.get(0).get("outcome"), "industry 45-50 is at or below 50");
        assertTrue(
                r.message().en().contains("road 55-60 dB against the standard value 50 dB (Bkl art. 5.78t"),
                r.message().en());
    }

    @Test
    void noiseOutsideEveryBandPassesAndOtherMetricsAreListedNotJudged() {
        assertEquals(
                "pass",
                run(new NoiseCriterion(), NOISE, point(950, 50)).status().id());
        CriterionResult gio = run(new NoiseCriterion(), NOISE, point(850, 850));
        assertEquals("pass", gio.status().id());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> other =
                (List<Map<String, Object>>) gio.evidence().get("otherNoiseInformation");
        assertEquals("laeq", other.get(0).get("metric"));
    }

    @Test
    void aNoiseLayerOfOnlyLaeqNormAreasGivesNoPass() {
        // Zeeland's Omgevingswet noise areas (STOP GIO) alone: norms, no levels; outside and inside them, unknown
        SpatialIndex laeqOnly = world(FixtureWorld.standardBuilder()
                .without(Role.NOISE)
                .addWith(
                        Role.NOISE,
                        rect(0, 0, 100, 100),
                        "stiltegebied",
                        "g1",
                        Map.of("metric", "laeq", "kind", "quiet_area", "value", "40")));
        for (String site : List.of(point(500, 500), point(50, 50))) {
            CriterionResult r = run(new NoiseCriterion(), laeqOnly, site);
            assertEquals("unknown", r.status().id(), site);
            assertTrue(
                    r.message().en().contains("no noise levels (Lden)"),
                    r.message().en());
        }
        assertTrue(run(new NoiseCriterion(), laeqOnly, point(50, 50)).evidence().containsKey("otherNoiseInformation"));
    }

    @Test
    void everyEnvironmentCriterionIsUnknownWithoutItsLayerAndNamesIt() {
        SpatialIndex none = world(FixtureWorld.standardBuilder()
                .without(Role.BUILDING)
                .without(Role.NOISE)
                .without(Role.ODOUR_CONTOUR)
                .without(Role.EXTERNAL_SAFETY_AREA));
        for (Criterion c :
                List.of(new NoiseCriterion(), new LivestockOdourCriterion(), new ExternalSafetyCriterion())) {
            CriterionResult r = run(c, none, point(10, 10));
            assertEquals("unknown", r.status().id(), c.id());
            String layer = (String) r.evidence().get("missingLayer");
            assertTrue(
                    r.message().en().contains("no " + layer + " layer"),
                    r.message().en());
            assertTrue(
                    r.message().en().contains("Add ") || r.message().en().contains("add "),
                    r.message().en());
        }
    }

    static final SpatialIndex ODOUR = world(FixtureWorld.standardBuilder()
            .addWith(Role.ODOUR_CONTOUR, rect(900, 0, 1100, 200), "odour contour", "o3", Map.of("ou_m3", "3"))
            .addWith(Role.ODOUR_CONTOUR, rect(1050, 0, 1100, 50), "odour contour", "o14", Map.of("ou_m3", "14")));

    @ParameterizedTest(name = "site ({0},{1}) -> {2}")
    @CsvSource({
        // inside the built-up area and the 3 contour: at the built-up standard 3
        "950,  100, conditional, built_up_area",
        // outside the built-up area (x > 1000) in the 3 contour only: below 14
        "1080, 150, pass,        outside_built_up_area",
        // outside, in the 14 contour: at the standard 14
        "1075, 25,  conditional, outside_built_up_area",
        // in no contour
        "500,  500, pass,        built_up_area",
    })
    void odourContoursAgainstTheStandardOfTheArea(double x, double y, String status, String area) {
        CriterionResult r = run(new LivestockOdourCriterion(), ODOUR, point(x, y));
        assertEquals(status, r.status().id(), r.message().en());
        assertEquals(area, r.evidence().get("area"));
        assertEquals("odour_contours", r.evidence().get("method"));
    }

    // the cowshed stands on the Erve Test plot (3000..3200 x 0..200), outside the built-up area: fixed distance 50 m
    static final SpatialIndex FARMS = world(FixtureWorld.standardBuilder()
            .addWith(
                    Role.BUILDING,
                    rect(3150, 150, 3190, 190),
                    "building=cowshed",
                    "way/990",
                    Map.of("building", "cowshed")));

    @Test
    void theSitesOwnFarmDoesNotCountAgainstItAndTheMessageSaysSo() {
        // (3140, 140) is on the plot, 14 m from the cowshed's corner: it would count, were it not the farm's own
        CriterionResult own = run(new LivestockOdourCriterion(), FARMS, point(3140, 140));
        assertEquals("pass", own.status().id(), own.message().en());
        assertEquals(1, ((List<?>) own.evidence().get("ownFarmExcluded")).size());
        assertTrue(
                own.message().en().contains("on the same agricultural plot as the site (the farm's own) do not count"),
                own.message().en());
    }

    @Test
    void aNeighboursCowshedWithinTheFixedDistanceIsConditional() {
        // (3150, 240) is 50 m north of the cowshed's top edge (y = 190) and off the plot (y > 200)
        CriterionResult at50 = run(new LivestockOdourCriterion(), FARMS, point(3150, 240));
        assertEquals("conditional", at50.status().id(), at50.message().en());
        assertTrue(
                at50.message().en().contains("the nearest at 50 m"),
                at50.message().en());
        assertTrue(at50.message().en().contains(ETFAL_EN), at50.message().en());
        assertTrue(at50.message().nl().contains(ETFAL_NL), at50.message().nl());
        CriterionResult at51 = run(new LivestockOdourCriterion(), FARMS, point(3150, 241));
        assertEquals("pass", at51.status().id(), at51.message().en());
        // inside the built-up area the fixed distance is 100 m: a cowshed 80 m away counts
        SpatialIndex village = world(FixtureWorld.standardBuilder()
                .addWith(
                        Role.BUILDING,
                        rect(500, 580, 520, 600),
                        "building=stable",
                        "way/991",
                        Map.of("building", "stable")));
        CriterionResult in = run(new LivestockOdourCriterion(), village, point(500, 500));
        assertEquals("conditional", in.status().id(), in.message().en());
        assertTrue(
                in.message().en().contains("within the fixed distance inside the built-up area of 100 m"),
                in.message().en());
        // a farm_auxiliary building counts only with a livestock tag
        assertTrue(LivestockBuildings.isLivestock(new nl.plektoets.data.Feature(
                1,
                Role.BUILDING,
                geometry(point(0, 0)),
                Map.of("building", "farm_auxiliary", "livestock", "cattle"),
                null)));
        assertTrue(!LivestockBuildings.isLivestock(new nl.plektoets.data.Feature(
                1, Role.BUILDING, geometry(point(0, 0)), Map.of("building", "farm_auxiliary"), null)));
    }

    static final SpatialIndex SAFETY = world(FixtureWorld.standardBuilder()
            .addWith(Role.EXTERNAL_SAFETY_AREA, point(6000, 0), "amenity=fuel", "node/1", Map.of("kind", "lpg_station"))
            .addWith(
                    Role.EXTERNAL_SAFETY_AREA,
                    rect(7000, 0, 7100, 100),
                    "aandachtsgebied",
                    "a/1",
                    Map.of("kind", "area")));

    @ParameterizedTest(name = "site ({0},{1}) -> {2}")
    @CsvSource({
        "6100, 0,  conditional", // 100 m from the LPG station, within 160 m
        "6160, 0,  conditional", // exactly 160 m
        "6200, 0,  pass", // 200 m
        "7050, 50, conditional", // inside the aandachtsgebied
        "7101, 50, pass", // 1 m outside it: an area counts only where the site touches it
    })
    void externalSafetyAreasAndLpgDistance(double x, double y, String status) {
        CriterionResult r = run(new ExternalSafetyCriterion(), SAFETY, point(x, y));
        assertEquals(status, r.status().id(), r.message().en());
    }
}
