package nl.plektoets.criteria;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import nl.plektoets.geo.WorkingCrs;
import nl.plektoets.policy.PolicyProfile;
import nl.plektoets.request.AssessmentRequest;
import nl.plektoets.request.HousingForm;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;

/** permit_term's kept answer per form is the answer built anew, for every built-in profile and form, in turn. */
class PermitTermCriterionTest {
    @Test
    void theKeptAnswerIsTheAnswerBuiltAnew() {
        PermitTermCriterion criterion = new PermitTermCriterion();
        var site = WorkingCrs.rdNew().geometryFactory().createPoint(new Coordinate(240_000, 510_000));
        for (int round = 0; round < 3; round++) {
            // profiles in turn: each change of profile builds its answers again
            for (String id : PolicyProfile.BUILT_IN) {
                PolicyProfile profile = PolicyProfile.builtIn(id);
                for (HousingForm form : HousingForm.values()) {
                    CriterionInput in =
                            new CriterionInput(new AssessmentRequest(site, form, 4 + round, round == 1), profile, null);
                    CriterionResult kept = criterion.evaluate(in);
                    CriterionResult fresh = PermitTermCriterion.answer(profile, form);
                    assertEquals(fresh, kept, id + " " + form);
                    assertEquals(fresh.evidence().toString(), kept.evidence().toString());
                    assertNotSame(fresh, kept);
                    assertSame(kept, criterion.evaluate(in), "kept for the same profile and form");
                }
            }
        }
        PolicyProfile a = PolicyProfile.builtIn(PolicyProfile.BUILT_IN.get(0)),
                b = PolicyProfile.builtIn(PolicyProfile.BUILT_IN.get(1));
        assertEquals(
                PermitTermCriterion.answer(b, HousingForm.ROOM_RENTAL),
                criterion.evaluate(
                        new CriterionInput(new AssessmentRequest(site, HousingForm.ROOM_RENTAL, 2, false), b, null)));
        assertEquals(
                PermitTermCriterion.answer(a, HousingForm.ROOM_RENTAL),
                criterion.evaluate(
                        new CriterionInput(new AssessmentRequest(site, HousingForm.ROOM_RENTAL, 2, false), a, null)));
    }
}
