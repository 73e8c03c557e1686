package nl.plektoets.criteria;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one criterion says about one site.
 *
 * @param id        the criterion id, e.g. {@code recreation_exclusion}
 * @param policyRef the paragraph of the policy that decides it, e.g. {@code §5.1.2}
 * @param evidence  JSON-serialisable facts: which feature (with provenance), distance in metres, area, ...
 */
public record CriterionResult(String id, Status status, String policyRef, Message message, Map<String, Object> evidence) {
    public CriterionResult {
        evidence = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(evidence));
    }
}
