package nl.plektoets.criteria;

import java.util.List;

/**
 * The environment criteria of this branch (Bijlage 1, ETFAL): {@code noise}, {@code livestock_odour},
 * {@code external_safety}. One list, so the engine and the ETFAL short-stay mechanism (which turns their
 * {@code conditional} into {@code pass} for stays of at most 4 months) name the same ids.
 */
public final class EnvironmentCriteria {
    private EnvironmentCriteria() {}

    public static List<Criterion> noiseOdourSafety() {
        return List.of(new NoiseCriterion(), new LivestockOdourCriterion(), new ExternalSafetyCriterion());
    }

    public static List<String> ids() {
        return List.of(NoiseCriterion.ID, LivestockOdourCriterion.ID, ExternalSafetyCriterion.ID);
    }
}
