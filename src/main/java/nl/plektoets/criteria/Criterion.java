package nl.plektoets.criteria;

/**
 * One rule of the policy. Implementations are pure and stateless: the result depends only on the input (site,
 * request, profile, spatial lookups), so they are thread-safe and testable with small WKT fixtures.
 */
public interface Criterion {
    /** The stable id used in the API, e.g. {@code recreation_exclusion}. */
    String id();

    CriterionResult evaluate(CriterionInput input);

    /**
     * True for the criteria of the planner's assessment of one initiative (ETFAL part 2: {@code distance_to_work},
     * {@code parking_access}): the engine runs them only for a request that tells something about the initiative
     * ({@code AssessmentRequest.facts()} other than {@code InitiativeFacts.NONE}), so a plain check of a site, form and
     * size answers as before; within such a request a missing input makes them {@code unknown}, naming what to add.
     */
    default boolean assessesInitiative() {
        return false;
    }
}
