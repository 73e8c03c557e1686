package nl.plektoets.criteria;

import java.util.function.Function;
import java.util.function.ToIntFunction;
import nl.plektoets.policy.PolicyProfile;
import nl.plektoets.request.HousingForm;

/**
 * A criterion's results for the last profile asked, kept per request shape, for a criterion whose answer depends on
 * the profile and that shape only ({@code permit_term} per form, {@code capacity} per form and persons, {@code
 * fire_safety} per persons): built once, then handed out as the same object, so its texts, evidence and obligations
 * are not built again and the answer's writer recognises it by identity and copies it as bytes ({@code
 * web.RecurringCriteria}). Persons from 0 to {@link #MAX_PERSONS} are kept (a few kB per profile); any other number
 * is answered anew every time. Racy on purpose: a result is immutable (final fields), and two threads building the
 * same one build equal ones.
 */
final class KeptResults {
    static final int MAX_PERSONS = 255;
    private static final int FORMS = HousingForm.values().length;

    private record Kept(PolicyProfile profile, CriterionResult[] results) {}

    private final int size;
    /** The input's slot in {@code 0..size-1}, or -1: not kept. */
    private final ToIntFunction<CriterionInput> slot;

    private final Function<CriterionInput, CriterionResult> answer;
    private volatile Kept kept;

    private KeptResults(
            int size, ToIntFunction<CriterionInput> slot, Function<CriterionInput, CriterionResult> answer) {
        this.size = size;
        this.slot = slot;
        this.answer = answer;
    }

    /** @param answer the criterion's answer built anew, from the input's profile and form only */
    static KeptResults byForm(Function<CriterionInput, CriterionResult> answer) {
        return new KeptResults(FORMS, in -> in.request().form().ordinal(), answer);
    }

    /** @param answer the criterion's answer built anew, from the input's profile and persons only */
    static KeptResults byPersons(Function<CriterionInput, CriterionResult> answer) {
        return new KeptResults(MAX_PERSONS + 1, KeptResults::persons, answer);
    }

    /** @param answer the criterion's answer built anew, from the input's profile, form and persons only */
    static KeptResults byFormAndPersons(Function<CriterionInput, CriterionResult> answer) {
        return new KeptResults(
                FORMS * (MAX_PERSONS + 1),
                in -> {
                    int persons = persons(in);
                    return persons < 0 ? -1 : in.request().form().ordinal() * (MAX_PERSONS + 1) + persons;
                },
                answer);
    }

    private static int persons(CriterionInput in) {
        int persons = in.request().persons();
        return persons < 0 || persons > MAX_PERSONS ? -1 : persons;
    }

    CriterionResult get(CriterionInput in) {
        int i = slot.applyAsInt(in);
        if (i < 0) return answer.apply(in);
        PolicyProfile p = in.profile();
        Kept k = kept;
        if (k == null || k.profile() != p) {
            k = new Kept(p, new CriterionResult[size]);
            kept = k;
        }
        CriterionResult r = k.results()[i];
        if (r == null) {
            r = answer.apply(in);
            k.results()[i] = r;
        }
        return r;
    }
}
