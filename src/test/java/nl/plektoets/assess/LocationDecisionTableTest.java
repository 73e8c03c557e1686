package nl.plektoets.assess;

import static nl.plektoets.assess.FixtureWorld.geometry;
import static nl.plektoets.assess.FixtureWorld.point;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import nl.plektoets.criteria.CriterionResult;
import nl.plektoets.policy.PolicyProfile;
import nl.plektoets.request.AssessmentRequest;
import nl.plektoets.request.HousingForm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every row of the §5.1.2 decision table (docs/user-guide.md), as WKT point in the fixture world -> class, status, verdict. */
class LocationDecisionTableTest {
    static final Assessor ASSESSOR = new Assessor(FixtureWorld.standard(), PolicyProfile.load(null));

    /** A point per class in the fixture world (metres from its origin). */
    static final Map<String, double[]> SITE = Map.of(
            "agricultural_plot", new double[] {3020, 20},
            "business_park_edge", new double[] {1550, 300},
            "business_park_interior", new double[] {1800, 300},
            "built_up_area", new double[] {500, 500},
            "rural_existing_building", new double[] {4015, 10},
            "rural_other", new double[] {4500, 500});

    @ParameterizedTest(name = "{0} {1} newBuild={2} -> {3}")
    @CsvSource({
        "agricultural_plot,       room_rental,      false, pass,        allowed",
        "agricultural_plot,       room_rental,      true,  conditional, conditional",
        "agricultural_plot,       housing_facility, false, pass,        allowed",
        "agricultural_plot,       housing_facility, true,  pass,        allowed",
        "business_park_edge,      room_rental,      false, pass,        allowed",
        "business_park_edge,      room_rental,      true,  conditional, conditional",
        "business_park_edge,      housing_facility, false, pass,        allowed",
        "business_park_edge,      housing_facility, true,  pass,        allowed",
        "business_park_interior,  room_rental,      false, conditional, conditional",
        "business_park_interior,  room_rental,      true,  conditional, conditional",
        "business_park_interior,  housing_facility, false, conditional, conditional",
        "business_park_interior,  housing_facility, true,  conditional, conditional",
        "built_up_area,           room_rental,      false, pass,        allowed",
        "built_up_area,           room_rental,      true,  conditional, conditional",
        "built_up_area,           housing_facility, false, fail,        not_allowed",
        "built_up_area,           housing_facility, true,  fail,        not_allowed",
        "rural_existing_building, room_rental,      false, pass,        allowed",
        "rural_existing_building, room_rental,      true,  conditional, conditional",
        "rural_existing_building, housing_facility, false, pass,        allowed",
        "rural_existing_building, housing_facility, true,  conditional, conditional",
        "rural_other,             room_rental,      false, conditional, conditional",
        "rural_other,             room_rental,      true,  conditional, conditional",
        "rural_other,             housing_facility, false, conditional, conditional",
        "rural_other,             housing_facility, true,  conditional, conditional",
    })
    void decisionTableRow(String cls, String form, boolean newBuild, String status, String verdict) {
        double[] xy = SITE.get(cls);
        Assessment a = ASSESSOR.assess(new AssessmentRequest(
                geometry(point(xy[0], xy[1])), HousingForm.byId(form).orElseThrow(), 4, newBuild));
        CriterionResult loc = result(a, "location_class");
        assertEquals(cls, a.locationClass());
        assertEquals(status, loc.status().id(), loc.message().en());
        assertEquals(verdict, a.verdict().id());
        assertTrue(loc.policyRef().startsWith("§5.1.2"), loc.policyRef());
        assertTrue(loc.message().nl().contains("§5.1.2") && loc.message().en().contains("§5.1.2"));
        assertEquals(cls, loc.evidence().get("locationClass"));
    }

    @Test
    void agriculturalPlotNamesTheDecidingFeatureWithProvenance() {
        Assessment a = ASSESSOR.assess(
                new AssessmentRequest(geometry(point(3020, 20)), HousingForm.HOUSING_FACILITY, 12, false));
        @SuppressWarnings("unchecked")
        Map<String, Object> f =
                (Map<String, Object>) result(a, "location_class").evidence().get("feature");
        assertEquals("agricultural_plot", f.get("role"));
        assertEquals("way/123456", f.get("sourceId"));
        assertEquals("landuse=farmyard", f.get("sourceTag"));
        assertEquals("fixture.osm", f.get("source"));
        assertEquals("Erve Test", f.get("name"));
        assertEquals(40000.0, f.get("areaM2"));
        assertEquals("agricultural_plot from fixture.osm way/123456 (landuse=farmyard)", f.get("description"));
        assertTrue(result(a, "location_class").message().nl().contains("bedrijfswoning"));
        assertTrue(result(a, "location_class").message().en().contains("balance with the size of the business"));
    }

    @Test
    void edgeIsMeasuredFromTheMergedParkNotFromTheSharedLineBetweenAdjacentParks() {
        // 10 m east of the line between the industrial and the commercial polygon, 290 m from the outer boundary
        Assessment a = ASSESSOR.assess(
                new AssessmentRequest(geometry(point(2110, 300)), HousingForm.HOUSING_FACILITY, 4, false));
        assertEquals("business_park_interior", a.locationClass());
        assertEquals(290.0, result(a, "location_class").evidence().get("distanceToEdgeM"));
        assertTrue(result(a, "location_class").message().en().contains("environmental zones"));
    }

    @Test
    void nearBandOutsideAParkCountsAsEdgeInTheRuralArea() {
        Assessment a = ASSESSOR.assess(
                new AssessmentRequest(geometry(point(1450, 300)), HousingForm.HOUSING_FACILITY, 4, true));
        assertEquals("business_park_edge", a.locationClass());
        CriterionResult loc = result(a, "location_class");
        assertEquals("outside", loc.evidence().get("position"));
        assertEquals(50.0, loc.evidence().get("distanceToEdgeM"));
        @SuppressWarnings("unchecked")
        Map<String, Object> f = (Map<String, Object>) loc.evidence().get("feature");
        assertEquals("way/903", f.get("sourceId"));
        assertEquals(50.0, f.get("distanceM"));
    }

    @Test
    void nearBandDoesNotOverrideTheBuiltUpArea() {
        // in the village, 30 m from business park B: the built-up-area rule holds (room rental only)
        Assessment a = ASSESSOR.assess(
                new AssessmentRequest(geometry(point(990, 850)), HousingForm.HOUSING_FACILITY, 4, false));
        assertEquals("built_up_area", a.locationClass());
        assertEquals(Verdict.NOT_ALLOWED, a.verdict());
    }

    @Test
    void agriculturalPlotTakesPrecedenceOverBuildingsOnIt() {
        // (a plot inside the built-up area: PolicyReadingsTest)
        assertEquals(
                "agricultural_plot",
                ASSESSOR.assess(new AssessmentRequest(
                                geometry(point(3075, 75)), HousingForm.HOUSING_FACILITY, 4, false))
                        .locationClass());
    }

    @Test
    void edgeBandBoundaryIsInclusive() {
        // exactly 100 m inside park A's western boundary
        assertEquals(
                "business_park_edge",
                ASSESSOR.assess(new AssessmentRequest(
                                geometry(point(1600, 300)), HousingForm.HOUSING_FACILITY, 4, false))
                        .locationClass());
        assertEquals(
                "business_park_interior",
                ASSESSOR.assess(new AssessmentRequest(
                                geometry(point(1600.5, 300)), HousingForm.HOUSING_FACILITY, 4, false))
                        .locationClass());
    }

    static CriterionResult result(Assessment a, String id) {
        return a.criteria().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }
}
