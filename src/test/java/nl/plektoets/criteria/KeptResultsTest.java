package nl.plektoets.criteria;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.function.Function;
import nl.plektoets.geo.WorkingCrs;
import nl.plektoets.policy.PolicyProfile;
import nl.plektoets.request.AssessmentRequest;
import nl.plektoets.request.HousingForm;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Point;

/**
 * capacity's and fire_safety's kept answers (per profile, form and persons) are the answers built anew, for every
 * built-in profile in turn, every form and persons around each threshold and beyond what is kept.
 */
class KeptResultsTest {
    private static final Point SITE =
            WorkingCrs.rdNew().geometryFactory().createPoint(new Coordinate(240_000, 510_000));

    private record Kept(Criterion criterion, Function<CriterionInput, CriterionResult> build) {}

    @Test
    void theKeptAnswersAreTheAnswersBuiltAnew() {
        List<Kept> criteria = List.of(
                new Kept(new CapacityCriterion(), CapacityCriterion::build),
                new Kept(new FireSafetyCriterion(), FireSafetyCriterion::build));
        int[] persons = {0, 1, 2, 4, 5, 9, 10, 11, 12, 19, 20, 21, 40, 49, 50, 51, 255, 256, 1000, -1};
        for (int round = 0; round < 2; round++) {
            for (String id : PolicyProfile.BUILT_IN) {
                PolicyProfile profile = PolicyProfile.builtIn(id);
                for (Kept k : criteria) {
                    for (HousingForm form : HousingForm.values()) {
                        for (int n : persons) {
                            CriterionInput in =
                                    new CriterionInput(new AssessmentRequest(SITE, form, n, round == 1), profile, null);
                            CriterionResult kept = k.criterion().evaluate(in);
                            CriterionResult fresh = k.build().apply(in);
                            String what = id + " " + k.criterion().id() + " " + form + " " + n;
                            assertEquals(fresh, kept, what);
                            assertEquals(
                                    fresh.evidence().toString(), kept.evidence().toString(), what);
                            assertNotSame(fresh, kept, what);
                            CriterionResult again = k.criterion().evaluate(in);
                            if (n >= 0 && n <= KeptResults.MAX_PERSONS) assertSame(kept, again, what);
                            else assertNotSame(kept, again, what + ": beyond what is kept, built anew");
                        }
                    }
                }
            }
        }
    }

    @Test
    void anotherProfileOrFormOrNumberIsAnotherAnswer() {
        CapacityCriterion capacity = new CapacityCriterion();
        PolicyProfile a = PolicyProfile.builtIn(PolicyProfile.BUILT_IN.get(0)),
                b = PolicyProfile.builtIn(PolicyProfile.BUILT_IN.get(1));
        CriterionResult facility12 = capacity.evaluate(
                new CriterionInput(new AssessmentRequest(SITE, HousingForm.HOUSING_FACILITY, 12, false), a, null));
        assertNotEquals(
                facility12,
                capacity.evaluate(new CriterionInput(
                        new AssessmentRequest(SITE, HousingForm.HOUSING_FACILITY, 13, false), a, null)));
        assertNotEquals(
                facility12,
                capacity.evaluate(
                        new CriterionInput(new AssessmentRequest(SITE, HousingForm.ROOM_RENTAL, 12, false), a, null)));
        CriterionResult underB = capacity.evaluate(
                new CriterionInput(new AssessmentRequest(SITE, HousingForm.HOUSING_FACILITY, 12, false), b, null));
        assertEquals(
                CapacityCriterion.build(new CriterionInput(
                        new AssessmentRequest(SITE, HousingForm.HOUSING_FACILITY, 12, false), b, null)),
                underB);
        assertNotSame(facility12, underB, "another profile's answers are built again");
    }
}
