package nl.plektoets.criteria;

import java.util.function.Function;
import nl.plektoets.policy.PolicyProfile;
import nl.plektoets.request.HousingForm;

/**
 * A criterion's results kept per form and number of persons for the last profile asked, for a criterion whose answer
 * depends on nothing else ({@code capacity}, {@code fire_safety}): built once, then handed out as the same object,
 * which the answer's writer recognises by identity and copies as bytes ({@code web.RecurringCriteria}). Persons
 * from 0 to {@link #MAX_PERSONS} are kept (a few kB per profile); any other number is answered anew every time.
 * Racy on purpose, as {@code PermitTermCriterion}'s: a result is immutable (final fields), and two threads building
 * the same one build equal ones.
 */
final class ResultsByPersons {
    static final int MAX_PERSONS = 255;
    private static final int FORMS = HousingForm.values().length;

    private record Kept(PolicyProfile profile, CriterionResult[] results) {}

    private final Function<CriterionInput, CriterionResult> answer;
    private volatile Kept kept;

    /** @param answer the criterion's answer, built anew from the input's profile, form and persons only */
    ResultsByPersons(Function<CriterionInput, CriterionResult> answer) {
        this.answer = answer;
    }

    CriterionResult get(CriterionInput in) {
        int persons = in.request().persons();
        if (persons < 0 || persons > MAX_PERSONS) return answer.apply(in);
        PolicyProfile p = in.profile();
        Kept k = kept;
        if (k == null || k.profile() != p) {
            k = new Kept(p, new CriterionResult[FORMS * (MAX_PERSONS + 1)]);
            kept = k;
        }
        int i = in.request().form().ordinal() * (MAX_PERSONS + 1) + persons;
        CriterionResult r = k.results()[i];
        if (r == null) {
            r = answer.apply(in);
            k.results()[i] = r;
        }
        return r;
    }
}
