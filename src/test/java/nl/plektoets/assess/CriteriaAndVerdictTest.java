package nl.plektoets.assess;

import static nl.plektoets.assess.FixtureWorld.geometry;
import static nl.plektoets.assess.FixtureWorld.point;
import static nl.plektoets.assess.LocationDecisionTableTest.result;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nl.plektoets.criteria.CriterionResult;
import nl.plektoets.data.Role;
import nl.plektoets.policy.PolicyProfile;
import nl.plektoets.request.AssessmentRequest;
import nl.plektoets.request.HousingForm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** capacity (§5.1.1), fire_safety (Bijlage 2), permit_term (§5.1.2, §6.2.2), missing data and the overall verdict. */
class CriteriaAndVerdictTest {
    static final Assessor ASSESSOR = LocationDecisionTableTest.ASSESSOR;
    static final double[] EDGE = {1550, 300};

    @ParameterizedTest(name = "{0} x {1} -> capacity {2}, fire {3}, verdict {4}")
    @CsvSource({
        "room_rental,      1,  fail,        none,                        not_allowed",
        "room_rental,      2,  pass,        none,                        allowed",
        "room_rental,      5,  pass,        melding_brandveilig_gebruik, allowed",
        "room_rental,      11, pass,        gebruiksmelding,             allowed",
        "housing_facility, 4,  pass,        none,                        allowed",
        "housing_facility, 10, pass,        melding_brandveilig_gebruik, allowed",
        "housing_facility, 20, pass,        gebruiksmelding,             allowed",
        "housing_facility, 21, conditional, gebruiksmelding,             conditional",
        "housing_facility, 50, conditional, gebruiksmelding,             conditional",
        "housing_facility, 51, fail,        gebruiksmelding,             not_allowed",
    })
    void capacityAndFireSafetyBandsAtTheBusinessParkEdge(
            String form, int persons, String capacity, String fire, String verdict) {
        Assessment a = ASSESSOR.assess(new AssessmentRequest(
                geometry(point(EDGE[0], EDGE[1])), HousingForm.byId(form).orElseThrow(), persons, false));
        assertEquals(
                capacity,
                result(a, "capacity").status().id(),
                result(a, "capacity").message().en());
        assertEquals("§5.1.1", result(a, "capacity").policyRef());
        CriterionResult f = result(a, "fire_safety");
        assertEquals("pass", f.status().id());
        assertEquals(fire, f.evidence().get("obligation"));
        assertEquals("Bijlage 2", f.policyRef());
        assertEquals(verdict, a.verdict().id());
    }

    @Test
    void permitTermIsPermanentOnlyForRoomRental() {
        CriterionResult room = result(
                ASSESSOR.assess(new AssessmentRequest(geometry(point(500, 500)), HousingForm.ROOM_RENTAL, 3, false)),
                "permit_term");
        CriterionResult facility = result(
                ASSESSOR.assess(new AssessmentRequest(
                        geometry(point(EDGE[0], EDGE[1])), HousingForm.HOUSING_FACILITY, 3, false)),
                "permit_term");
        assertEquals(true, room.evidence().get("permanentPossible"));
        assertEquals(false, facility.evidence().get("permanentPossible"));
        assertEquals(10, facility.evidence().get("initialTermYears"));
        assertEquals(5, facility.evidence().get("renewalYears"));
        assertEquals(15, facility.evidence().get("maxTermYears"));
        assertTrue(
                facility.message().nl().contains("10 jaar, daarna te verlengen met 5 jaar"),
                facility.message().nl());
        assertTrue(
                facility.message().nl().endsWith("alleen mogelijk voor kamerverhuur (§5.1.2, §6.2.2)."),
                facility.message().nl());
        assertTrue(
                facility.message().en().endsWith("only possible for room rental (§5.1.2, §6.2.2)."),
                facility.message().en());
        assertEquals("§5.1.2, §6.2.2", facility.policyRef());
    }

    @Test
    void criteriaComeInTheDocumentedOrder() {
        Assessment a =
                ASSESSOR.assess(new AssessmentRequest(geometry(point(500, 500)), HousingForm.ROOM_RENTAL, 3, false));
        assertEquals(
                List.of(
                        "recreation_exclusion",
                        "location_class",
                        "capacity",
                        "fire_safety",
                        "permit_term",
                        "environmental_zoning",
                        "noise",
                        "livestock_odour",
                        "external_safety"),
                a.criteria().stream().map(CriterionResult::id).toList());
    }

    @Test
    void missingLayersMakeTheAnswerUnknownNotAllowed() {
        Assessor noBuildings = new Assessor(
                FixtureWorld.standardBuilder()
                        .without(Role.BUILDING)
                        .without(Role.RECREATION_ZONE)
                        .build(),
                PolicyProfile.load(null));
        Assessment a = noBuildings.assess(
                new AssessmentRequest(geometry(point(4015, 10)), HousingForm.HOUSING_FACILITY, 4, false));
        assertEquals("unknown", result(a, "location_class").status().id());
        assertEquals(List.of("building"), result(a, "location_class").evidence().get("missingLayers"));
        // people read the layer in words, the evidence keeps its id
        assertTrue(
                result(a, "location_class").message().nl().startsWith("Gegevens ontbreken (gebouwen): "),
                result(a, "location_class").message().nl());
        assertTrue(
                result(a, "location_class").message().en().startsWith("Data is missing (buildings): "),
                result(a, "location_class").message().en());
        assertEquals("unknown", result(a, "recreation_exclusion").status().id());
        assertEquals(Verdict.CONDITIONAL, a.verdict());
        // a failing outcome stays a failure: missing buildings cannot make a facility in the village acceptable
        assertEquals(
                Verdict.NOT_ALLOWED,
                noBuildings
                        .assess(new AssessmentRequest(
                                geometry(point(500, 500)), HousingForm.HOUSING_FACILITY, 4, false))
                        .verdict());
    }

    @Test
    void verdictCombination() {
        CriterionResult pass =
                new CriterionResult("a", nl.plektoets.criteria.Status.PASS, "§x", msg(), java.util.Map.of());
        CriterionResult cond =
                new CriterionResult("b", nl.plektoets.criteria.Status.CONDITIONAL, "§x", msg(), java.util.Map.of());
        CriterionResult unknown =
                new CriterionResult("c", nl.plektoets.criteria.Status.UNKNOWN, "§x", msg(), java.util.Map.of());
        CriterionResult fail =
                new CriterionResult("d", nl.plektoets.criteria.Status.FAIL, "§x", msg(), java.util.Map.of());
        assertEquals(Verdict.ALLOWED, Assessor.verdictOf(List.of(pass, pass)));
        assertEquals(Verdict.CONDITIONAL, Assessor.verdictOf(List.of(pass, cond)));
        assertEquals(Verdict.CONDITIONAL, Assessor.verdictOf(List.of(unknown, pass)));
        assertEquals(Verdict.NOT_ALLOWED, Assessor.verdictOf(List.of(cond, unknown, fail)));
    }

    @Test
    void concurrentAssessmentsGiveTheSameAnswersAsSequentialOnes() throws Exception {
        // a fresh Assessor, so the lazily built indexes are built under contention
        Assessor fresh = new Assessor(FixtureWorld.standard(), PolicyProfile.load(null));
        List<AssessmentRequest> requests = new ArrayList<>();
        java.util.Random rnd = new java.util.Random(7);
        for (int i = 0; i < 4000; i++) {
            requests.add(new AssessmentRequest(
                    geometry(point(rnd.nextDouble() * 5300, rnd.nextDouble() * 1000)),
                    HousingForm.values()[i % 2],
                    1 + rnd.nextInt(60),
                    rnd.nextBoolean()));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Assessment>> futures = new ArrayList<>();
            for (AssessmentRequest r : requests) futures.add(pool.submit(() -> fresh.assess(r)));
            for (int i = 0; i < requests.size(); i++) {
                Assessment expected = ASSESSOR.assess(requests.get(i));
                Assessment actual = futures.get(i).get();
                assertEquals(expected.verdict(), actual.verdict());
                assertEquals(expected.locationClass(), actual.locationClass());
                assertEquals(expected.criteria(), actual.criteria());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static nl.plektoets.criteria.Message msg() {
        return new nl.plektoets.criteria.Message("nl", "en");
    }
}
