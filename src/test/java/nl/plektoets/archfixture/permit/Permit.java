package nl.plektoets.archfixture.permit;

import nl.plektoets.archfixture.plan.Plan;

/** The other half of the deliberate cycle of {@link Plan}. */
public final class Permit {
    Plan plan;
}
