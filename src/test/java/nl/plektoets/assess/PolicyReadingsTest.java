package nl.plektoets.assess;

import static nl.plektoets.assess.FixtureWorld.geometry;
import static nl.plektoets.assess.FixtureWorld.point;
import static nl.plektoets.assess.FixtureWorld.rect;
import static nl.plektoets.assess.LocationDecisionTableTest.result;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import nl.plektoets.criteria.CriterionResult;
import nl.plektoets.criteria.Obligation;
import nl.plektoets.policy.PolicyProfile;
import nl.plektoets.request.AssessmentRequest;
import nl.plektoets.request.HousingForm;
import org.junit.jupiter.api.Test;

/**
 * Issue 11 items 11a, 11b and 12: readings of the policy the text supports, and every paragraph and number from the
 * profile. The fixture world has a farmyard (100..200 x 100..200) inside the village "Testdorp".
 */
class PolicyReadingsTest {
    static final Assessor HARDENBERG = LocationDecisionTableTest.ASSESSOR;
    /** voorbeeld-strict reads a plot in the built-up area as the farm rule alone ('agricultural'). */
    static final Assessor AGRICULTURAL = SecondProfileTest.STRICT;

    static final Assessor ARTICLES = new Assessor(
            FixtureWorld.standard(),
            PolicyProfile.load(Path.of("src", "test", "resources", "policy", "voorbeeld-artikelen.yaml")));

    static Assessment assess(Assessor a, String wkt, HousingForm form, int persons, boolean newBuild) {
        return a.assess(new AssessmentRequest(geometry(wkt), form, persons, newBuild));
    }

    // 11a: §5.1.2 names both the employer's terrain and the built-up area (room rental only)

    @Test
    void aFacilityOnAFarmyardInsideTheBuiltUpAreaGetsTheStricterOutcomeNamingBothRules() {
        Assessment a = assess(HARDENBERG, point(150, 150), HousingForm.HOUSING_FACILITY, 4, false);
        CriterionResult loc = result(a, "location_class");
        assertEquals("fail", loc.status().id(), loc.message().en());
        assertEquals(Verdict.NOT_ALLOWED, a.verdict());
        assertEquals("built_up_area", a.locationClass());
        assertTrue(
                loc.message()
                        .nl()
                        .contains("'op het terrein van de (agrarische) werkgever' en 'in de bebouwde kom via"
                                + " kamerverhuur'"),
                loc.message().nl());
        assertTrue(
                loc.message().en().contains("both rules apply and the stricter outcome counts")
                        && loc.message().en().contains("agricultural_plot_in_built_up_area = stricter"),
                loc.message().en());
        assertEquals(
                List.of("agricultural_plot", "built_up_area"), loc.evidence().get("bothRules"));
        assertEquals("stricter", loc.evidence().get("reading"));
        assertEquals("§5.1.2", loc.policyRef());
    }

    @Test
    void roomRentalThereFollowsBothRulesAndKeepsTheFarmConditions() {
        Assessment a = assess(HARDENBERG, point(150, 150), HousingForm.ROOM_RENTAL, 4, false);
        CriterionResult loc = result(a, "location_class");
        assertEquals("pass", loc.status().id());
        assertTrue(loc.message().en().contains("names both"), loc.message().en());
        List<String> ids = loc.obligations().stream().map(Obligation::id).toList();
        assertTrue(
                ids.containsAll(List.of("inside_building_plot", "balance_with_business", "room_rental_permit")),
                ids::toString);
    }

    @Test
    void aPolygonOnTheFarmyardInsideTheBuiltUpAreaAlsoGetsTheStricterOutcome() {
        Assessment a = assess(HARDENBERG, rect(120, 120, 160, 160), HousingForm.HOUSING_FACILITY, 4, false);
        CriterionResult loc = result(a, "location_class");
        assertEquals("fail", loc.status().id(), loc.message().en());
        assertTrue(loc.message().en().contains("names both"), loc.message().en());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> pieces =
                (List<Map<String, Object>>) loc.evidence().get("pieces");
        assertEquals(
                List.of("agricultural_plot", "built_up_area"),
                pieces.stream().map(p -> p.get("locationClass")).toList());
        assertEquals(1600.0, pieces.get(1).get("areaM2"));
    }

    @Test
    void aProfileMayReadTheFarmRuleAloneThere() {
        Assessment a = assess(AGRICULTURAL, point(150, 150), HousingForm.HOUSING_FACILITY, 4, false);
        assertEquals("agricultural_plot", a.locationClass());
        assertEquals("pass", result(a, "location_class").status().id());
        assertFalse(result(a, "location_class").evidence().containsKey("bothRules"));
    }

    // 11b: §5.1.1 asks the ETFAL motivation of every facility, also up to 20 persons

    @Test
    void everyFacilityStatesTheEtfalMotivationAsAnObligation() {
        for (int persons : new int[] {1, 12, 20, 35}) {
            CriterionResult capacity = result(
                    assess(HARDENBERG, point(3020, 20), HousingForm.HOUSING_FACILITY, persons, false), "capacity");
            assertEquals(
                    persons <= 20 ? "pass" : "conditional", capacity.status().id());
            Obligation etfal = capacity.obligations().stream()
                    .filter(o -> o.id().equals("etfal_motivation"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(persons + " persons: " + capacity.obligations()));
            assertEquals("§5.1.1", etfal.policyRef());
            assertTrue(
                    etfal.text().nl().contains("ETFAL")
                            && capacity.message().en().contains("ETFAL"),
                    capacity.message().en());
        }
    }

    // 12: every paragraph and number from the profile

    @Test
    void everyCriterionCitesTheProfilesParagraphsAndNumbers() {
        Assessment facility = assess(ARTICLES, point(1800, 300), HousingForm.HOUSING_FACILITY, 18, false);
        Map<String, String> expected = Map.of(
                "recreation_exclusion",
                "art. 11",
                "location_class",
                "art. 10, art. 50, art. 52",
                "capacity",
                "art. 23",
                "fire_safety",
                "art. 31",
                "permit_term",
                "art. 41");
        for (CriterionResult r : facility.criteria()) {
            assertEquals(expected.get(r.id()), r.policyRef(), r.id());
            assertFalse(
                    r.message().nl().contains("§")
                            || r.message().en().contains("§")
                            || r.message().en().contains("Bijlage"),
                    r.id() + ": " + r.message().en());
        }
        CriterionResult interior = result(facility, "location_class");
        assertTrue(
                interior.message().en().contains("stays of at most 6 months (art. 52)"),
                interior.message().en());
        assertTrue(
                result(assess(HARDENBERG, point(1800, 300), HousingForm.HOUSING_FACILITY, 12, false), "location_class")
                        .message()
                        .en()
                        .contains("stays of at most 4 months (Bijlage 1)"));
        // the capacity numbers: 16 regular, 40 exceptional
        assertEquals("conditional", result(facility, "capacity").status().id());
        assertTrue(result(facility, "capacity").message().en().contains("more than 16 only by exception, up to 40"));

        Assessment room = assess(ARTICLES, point(500, 500), HousingForm.ROOM_RENTAL, 4, true);
        CriterionResult loc = result(room, "location_class");
        assertEquals("art. 10, art. 13, art. 60", loc.policyRef());
        assertTrue(
                loc.message().en().contains("(art. 13)") && loc.message().en().contains("(art. 60)"),
                loc.message().en());
        CriterionResult capacity = result(room, "capacity");
        assertTrue(
                capacity.message().en().contains("(art. 14)"),
                capacity.message().en());
        assertEquals("art. 14", capacity.obligations().get(0).policyRef());
        assertTrue(result(room, "permit_term").message().en().contains("for 8 years"));

        Assessment farmInVillage = assess(ARTICLES, point(150, 150), HousingForm.HOUSING_FACILITY, 4, false);
        assertEquals(
                "art. 10, art. 10 lid 3",
                result(farmInVillage, "location_class").policyRef());
    }
}
