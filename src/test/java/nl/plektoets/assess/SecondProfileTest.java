package nl.plektoets.assess;

import static nl.plektoets.assess.FixtureWorld.geometry;
import static nl.plektoets.assess.FixtureWorld.point;
import static nl.plektoets.assess.FixtureWorld.rect;
import static nl.plektoets.assess.LocationDecisionTableTest.result;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import nl.plektoets.policy.PolicyProfile;
import nl.plektoets.request.AssessmentRequest;
import nl.plektoets.request.HousingForm;
import org.junit.jupiter.api.Test;

/**
 * The same sites under a second, fictitious profile with other thresholds give other answers: the engine reads
 * its numbers from the profile, nothing of Hardenberg is built in.
 */
class SecondProfileTest {
    static final Assessor HARDENBERG = LocationDecisionTableTest.ASSESSOR;
    static final Assessor STRICT = new Assessor(
            FixtureWorld.standard(),
            PolicyProfile.load(Path.of("src", "test", "resources", "policy", "voorbeeld-strict.yaml")));

    @Test
    void edgeBandWidthComesFromTheProfile() {
        AssessmentRequest fiftyMetresIn =
                new AssessmentRequest(geometry(point(1550, 300)), HousingForm.HOUSING_FACILITY, 4, false);
        assertEquals("business_park_edge", HARDENBERG.assess(fiftyMetresIn).locationClass());
        assertEquals("business_park_interior", STRICT.assess(fiftyMetresIn).locationClass());
        assertEquals(
                20.0,
                result(STRICT.assess(fiftyMetresIn), "location_class")
                        .evidence()
                        .get("edgeBandInsideM"));
    }

    @Test
    void nearBandWidthComesFromTheProfile() {
        AssessmentRequest twoHundredOut =
                new AssessmentRequest(geometry(point(1300, 300)), HousingForm.HOUSING_FACILITY, 4, false);
        assertEquals("rural_other", HARDENBERG.assess(twoHundredOut).locationClass());
        assertEquals("business_park_edge", STRICT.assess(twoHundredOut).locationClass());
        assertEquals(Verdict.ALLOWED, STRICT.assess(twoHundredOut).verdict());
    }

    @Test
    void capacityFireSafetyAndPermitsComeFromTheProfile() {
        AssessmentRequest twelve =
                new AssessmentRequest(geometry(point(1510, 300)), HousingForm.HOUSING_FACILITY, 12, false);
        assertEquals(
                "pass", result(HARDENBERG.assess(twelve), "capacity").status().id());
        assertEquals(
                "conditional",
                result(STRICT.assess(twelve), "capacity").status().id());
        AssessmentRequest sixteen =
                new AssessmentRequest(geometry(point(1510, 300)), HousingForm.HOUSING_FACILITY, 16, false);
        assertEquals(Verdict.NOT_ALLOWED, STRICT.assess(sixteen).verdict());
        AssessmentRequest seven = new AssessmentRequest(geometry(point(500, 500)), HousingForm.ROOM_RENTAL, 7, false);
        assertEquals(
                "melding_brandveilig_gebruik",
                result(HARDENBERG.assess(seven), "fire_safety").evidence().get("obligation"));
        assertEquals(
                "gebruiksmelding",
                result(STRICT.assess(seven), "fire_safety").evidence().get("obligation"));
        assertEquals(
                false, result(STRICT.assess(seven), "permit_term").evidence().get("permanentPossible"));
        assertEquals(5, result(STRICT.assess(seven), "permit_term").evidence().get("initialTermYears"));
        AssessmentRequest two = new AssessmentRequest(geometry(point(500, 500)), HousingForm.ROOM_RENTAL, 2, false);
        assertEquals(Verdict.ALLOWED, HARDENBERG.assess(two).verdict());
        assertEquals(Verdict.NOT_ALLOWED, STRICT.assess(two).verdict());
    }

    @Test
    void recreationDistanceAndSiteLimitsComeFromTheProfile() {
        AssessmentRequest hundredFromCampsite =
                new AssessmentRequest(geometry(point(4900, 100)), HousingForm.HOUSING_FACILITY, 4, false);
        assertEquals(
                "pass",
                result(HARDENBERG.assess(hundredFromCampsite), "recreation_exclusion")
                        .status()
                        .id());
        var strict = result(STRICT.assess(hundredFromCampsite), "recreation_exclusion");
        assertEquals("fail", strict.status().id());
        assertTrue(
                strict.message().en().contains("100 m from recreational terrain 'Camping Test'"),
                strict.message().en());
        AssessmentRequest bigSite =
                new AssessmentRequest(geometry(rect(4200, 200, 4300, 300)), HousingForm.HOUSING_FACILITY, 4, false);
        assertEquals("rural_other", HARDENBERG.assess(bigSite).locationClass());
        assertThrows(InvalidRequestException.class, () -> STRICT.assess(bigSite));
    }
}
