package nl.plektoets.criteria;

import java.util.List;
import java.util.Map;

/**
 * What one criterion says about one site.
 *
 * @param id          the criterion id, e.g. {@code recreation_exclusion}
 * @param policyRef   the paragraph of the policy that decides it, e.g. {@code §5.1.2}
 * @param evidence    JSON-serialisable facts: which feature (with provenance), distance in metres, area, ...
 * @param obligations what the initiator must do or show according to this criterion (may be empty)
 */
public record CriterionResult(
        String id,
        Status status,
        String policyRef,
        Message message,
        Map<String, Object> evidence,
        List<Obligation> obligations) {
    public CriterionResult {
        // Map.of()'s maps are immutable already (and their order is theirs): no copy; any other is frozen in its
        // order as one array (EvidenceMap), cheaper to copy and to walk than a LinkedHashMap copy behind a wrapper
        if (evidence.getClass() != IMMUTABLE_N && evidence.getClass() != IMMUTABLE_1)
            evidence = EvidenceMap.copyOf(evidence);
        obligations = List.copyOf(obligations);
    }

    private static final Class<?> IMMUTABLE_N = Map.of().getClass(),
            IMMUTABLE_1 = Map.of("", "").getClass();

    /** A result that states no obligation. */
    public CriterionResult(String id, Status status, String policyRef, Message message, Map<String, Object> evidence) {
        this(id, status, policyRef, message, evidence, List.of());
    }
}
