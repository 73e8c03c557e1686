package nl.plektoets.criteria;

import java.util.List;

/**
 * How many housing initiatives of the register hold a place of a capped size category (Noordoostpolder: at most 12
 * medium and 6 large locations in the municipality, counted from the granted and realised ones). Implemented by
 * {@code registers.RegisterInitiativeCounts} over the register; criteria never see the store.
 */
@FunctionalInterface
public interface InitiativeCounts {
    /** Initiatives whose status is one of {@code statuses} (ids: granted, realised) with minPersons..maxPersons. */
    long count(List<String> statuses, int minPersons, int maxPersons);
}
