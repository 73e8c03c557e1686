package nl.plektoets.archfixture.plan;

import nl.plektoets.archfixture.permit.Permit;

/** A deliberate package cycle (plan -> permit -> plan) that {@code ArchitectureTest} must report; never in main. */
public final class Plan {
    Permit permit;
}
