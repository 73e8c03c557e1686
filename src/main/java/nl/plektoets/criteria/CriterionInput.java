package nl.plektoets.criteria;

import nl.plektoets.policy.PolicyProfile;
import nl.plektoets.request.AssessmentRequest;

/** Everything a criterion may look at: the request (site in the working CRS, form, persons, new build), the
 *  policy profile and the spatial lookups over the dataset. */
public record CriterionInput(AssessmentRequest request, PolicyProfile profile, SpatialLookup lookup) {}
