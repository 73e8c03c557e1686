package nl.plektoets.criteria;

import nl.plektoets.policy.PolicyProfile;
import nl.plektoets.request.AssessmentRequest;

/**
 * Everything a criterion may look at: the request (site in the working CRS, form, persons, new build), the policy
 * profile and the spatial lookups over the dataset; and how much the answer must say ({@link Detail}).
 */
public record CriterionInput(AssessmentRequest request, PolicyProfile profile, SpatialLookup lookup, Detail detail) {
    /**
     * How much of its answer a criterion must work out. {@code FULL}: everything (an answer a person reads).
     * {@code STATUS}: the status, and the evidence the batch's row shows (facility_reach's minutes); a criterion whose
     * status does not depend on costly evidence may leave that evidence out. The status is always the same as with
     * {@code FULL} ({@code assess.StatusDetailTest} holds every criterion to it on the demo).
     */
    public enum Detail {
        FULL,
        STATUS
    }

    /** The full answer. */
    public CriterionInput(AssessmentRequest request, PolicyProfile profile, SpatialLookup lookup) {
        this(request, profile, lookup, Detail.FULL);
    }

    /** Only the status is asked (the batch's rows): costly evidence may be left out. */
    public boolean statusOnly() {
        return detail == Detail.STATUS;
    }
}
