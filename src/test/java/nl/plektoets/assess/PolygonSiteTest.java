package nl.plektoets.assess;

import static nl.plektoets.assess.FixtureWorld.geometry;
import static nl.plektoets.assess.FixtureWorld.rect;
import static nl.plektoets.assess.LocationDecisionTableTest.result;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import nl.plektoets.criteria.CriterionResult;
import nl.plektoets.policy.PolicyProfile;
import nl.plektoets.request.AssessmentRequest;
import nl.plektoets.request.HousingForm;
import org.junit.jupiter.api.Test;

/** Polygon sites: wholly inside a class, straddling classes (most restrictive applies), slivers. */
class PolygonSiteTest {
    static final Assessor ASSESSOR = LocationDecisionTableTest.ASSESSOR;

    @Test
    void polygonWhollyInsideTheFarmyardIsAgriculturalPlot() {
        Assessment a = assess(rect(3010, 110, 3040, 150), HousingForm.HOUSING_FACILITY, false);
        assertEquals("agricultural_plot", a.locationClass());
        assertEquals(Verdict.ALLOWED, a.verdict());
        assertFalse(result(a, "location_class").evidence().containsKey("pieces"));
    }

    @Test
    void polygonStickingOutOfTheFarmyardGetsTheMostRestrictiveClass() {
        // 3180..3230: 20 m inside the farmyard, 30 m outside in the open rural area
        Assessment a = assess(rect(3180, 100, 3230, 120), HousingForm.HOUSING_FACILITY, false);
        assertEquals("rural_other", a.locationClass());
        CriterionResult loc = result(a, "location_class");
        assertEquals("conditional", loc.status().id());
        assertEquals(Verdict.CONDITIONAL, a.verdict());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> pieces =
                (List<Map<String, Object>>) loc.evidence().get("pieces");
        assertEquals(2, pieces.size());
        assertEquals("agricultural_plot", pieces.get(0).get("locationClass"));
        assertEquals(400.0, pieces.get(0).get("areaM2"));
        assertEquals("pass", pieces.get(0).get("status"));
        assertEquals("rural_other", pieces.get(1).get("locationClass"));
        assertEquals(600.0, pieces.get(1).get("areaM2"));
        // the classes by their names, not their ids: the message is for a reader
        assertTrue(
                loc.message()
                        .en()
                        .startsWith("The site spans several location classes (agricultural plot (agrarisch"
                                + " bouwvlak) 40%, rural area 60%); the most restrictive applies: in the rural area, but not inside a"
                                + " known existing building."),
                loc.message().en());
        assertTrue(
                loc.message()
                        .nl()
                        .startsWith("Het terrein ligt in meerdere locatieklassen (agrarisch bouwvlak 40%,"
                                + " buitengebied 60%); de strengste geldt"),
                loc.message().nl());
    }

    @Test
    void facilityStraddlingBuiltUpAreaAndParkEdgeFails() {
        // 990..1030 x 750..760: 10 m in the village, 10 m in the 20 m gap, 10 m in business park B
        Assessment a = assess(rect(990, 750, 1030, 760), HousingForm.HOUSING_FACILITY, false);
        assertEquals("built_up_area", a.locationClass());
        assertEquals(Verdict.NOT_ALLOWED, a.verdict());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> pieces = (List<Map<String, Object>>)
                result(a, "location_class").evidence().get("pieces");
        assertEquals(
                List.of("business_park_edge", "built_up_area"),
                pieces.stream().map(p -> p.get("locationClass")).toList());
        assertEquals(300.0, pieces.get(0).get("areaM2")); // 10 m x 10 m inside park B + 20 m x 10 m near it
        assertEquals(100.0, pieces.get(1).get("areaM2"));
    }

    @Test
    void roomRentalStraddlingBuiltUpAreaAndParkEdgePasses() {
        Assessment a = assess(rect(990, 750, 1030, 760), HousingForm.ROOM_RENTAL, false);
        assertEquals(Verdict.ALLOWED, a.verdict());
        assertEquals("business_park_edge", a.locationClass()); // equal status: the larger part names the class
    }

    @Test
    void polygonAcrossTheEdgeBandSplitsIntoEdgeAndInterior() {
        // 1550..1650 in park A: 50 m in the edge band, 50 m deeper
        Assessment a = assess(rect(1550, 290, 1650, 310), HousingForm.HOUSING_FACILITY, false);
        assertEquals("business_park_interior", a.locationClass());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> pieces = (List<Map<String, Object>>)
                result(a, "location_class").evidence().get("pieces");
        assertEquals(
                List.of("business_park_edge", "business_park_interior"),
                pieces.stream().map(p -> p.get("locationClass")).sorted().toList());
    }

    @Test
    void aBuildingOutlineDrawnAFewCentimetresOffIsStillTheBuilding() {
        // barn 4000..4030 x 0..20; drawn 2 cm too high: a 0.6 m2 sliver outside, below the 1 m2 tolerance
        Assessment a = assess(rect(4000, 0, 4030, 20.02), HousingForm.HOUSING_FACILITY, false);
        assertEquals("rural_existing_building", a.locationClass());
        assertEquals(Verdict.ALLOWED, a.verdict());
        // 20 cm too high (6 m2) is no longer noise
        assertEquals(
                "rural_other",
                assess(rect(4000, 0, 4030, 20.2), HousingForm.HOUSING_FACILITY, false)
                        .locationClass());
    }

    @Test
    void polygonTouchingTheFarmyardAlongAnEdgeIsNotOnIt() {
        // shares the farmyard's eastern edge (x = 3200) only; then an L-shaped site partly on it whose edge runs along
        // it
        Assessment touching = assess(rect(3200, 50, 3230, 80), HousingForm.HOUSING_FACILITY, false);
        assertEquals("rural_other", touching.locationClass());
        assertFalse(result(touching, "location_class").evidence().containsKey("pieces"));
        String lShape = "POLYGON ((243190 500150, 243200 500150, 243200 500200, 243230 500200, 243230 500250,"
                + " 243190 500250, 243190 500150))";
        Assessment l = assess(lShape, HousingForm.HOUSING_FACILITY, false);
        assertEquals("rural_other", l.locationClass());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> pieces = (List<Map<String, Object>>)
                result(l, "location_class").evidence().get("pieces");
        assertEquals(500.0, pieces.get(0).get("areaM2")); // 10 m x 50 m inside the farmyard
        assertEquals(2000.0, pieces.get(1).get("areaM2")); // the rest of the 2,500 m2
    }

    @Test
    void polygonTouchingTheCampsiteFails() {
        Assessment a = assess(rect(4950, 100, 5000, 150), HousingForm.HOUSING_FACILITY, false);
        CriterionResult rec = result(a, "recreation_exclusion");
        assertEquals("fail", rec.status().id());
        assertEquals(Verdict.NOT_ALLOWED, a.verdict());
        @SuppressWarnings("unchecked")
        Map<String, Object> f = (Map<String, Object>) rec.evidence().get("feature");
        assertEquals("Camping Test", f.get("name"));
        assertEquals("tourism=camp_site", f.get("sourceTag"));
        assertEquals(0.0, f.get("distanceM"));
        assertTrue(rec.message().nl().contains("recreatieterrein"));
        // one metre away passes under the Hardenberg profile (exclusion distance 0 m)
        assertEquals(
                "pass",
                result(assess(rect(4949, 100, 4999, 150), HousingForm.HOUSING_FACILITY, false), "recreation_exclusion")
                        .status()
                        .id());
    }

    @Test
    void siteLargerThanTheProfileMaximumIsRejected() {
        PolicyProfile p = PolicyProfile.load(null);
        InvalidRequestException e = org.junit.jupiter.api.Assertions.assertThrows(
                InvalidRequestException.class, () -> assess(rect(0, 0, 400, 300), HousingForm.HOUSING_FACILITY, false));
        assertEquals("site", e.field());
        assertTrue(e.getMessage().contains("site.max_area_m2"), e.getMessage());
        assertTrue(120000 > p.siteMaxAreaM2());
    }

    @Test
    void selfIntersectingPolygonAndOutOfExtentSiteAreRejected() {
        String bowtie = "POLYGON ((240000 500000, 240010 500010, 240010 500000, 240000 500010, 240000 500000))";
        assertEquals(
                "site",
                org.junit.jupiter.api.Assertions.assertThrows(
                                InvalidRequestException.class,
                                () -> ASSESSOR.assess(
                                        new AssessmentRequest(geometry(bowtie), HousingForm.ROOM_RENTAL, 4, false)))
                        .field());
        InvalidRequestException far = org.junit.jupiter.api.Assertions.assertThrows(
                InvalidRequestException.class,
                () -> ASSESSOR.assess(
                        new AssessmentRequest(geometry("POINT (100000 400000)"), HousingForm.ROOM_RENTAL, 4, false)));
        assertTrue(far.getMessage().contains("outside the dataset"), far.getMessage());
        assertEquals(
                "persons",
                org.junit.jupiter.api.Assertions.assertThrows(
                                InvalidRequestException.class,
                                () -> ASSESSOR.assess(new AssessmentRequest(
                                        geometry(FixtureWorld.point(500, 500)), HousingForm.ROOM_RENTAL, 0, false)))
                        .field());
    }

    static Assessment assess(String wkt, HousingForm form, boolean newBuild) {
        return ASSESSOR.assess(new AssessmentRequest(geometry(wkt), form, 4, newBuild));
    }
}
