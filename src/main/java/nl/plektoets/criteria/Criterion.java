package nl.plektoets.criteria;

/**
 * One rule of the policy. Implementations are pure and stateless: the result depends only on the input (site,
 * request, profile, spatial lookups), so they are thread-safe and testable with small WKT fixtures.
 */
public interface Criterion {
    /** The stable id used in the API, e.g. {@code recreation_exclusion}. */
    String id();

    CriterionResult evaluate(CriterionInput input);
}
