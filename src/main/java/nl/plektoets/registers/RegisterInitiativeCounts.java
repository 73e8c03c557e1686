package nl.plektoets.registers;

import java.util.List;
import java.util.function.Supplier;
import nl.plektoets.criteria.InitiativeCounts;

/**
 * The register's count of initiatives holding a place of a capped size category (criterion {@code location_cap}):
 * those in the given statuses whose number of persons lies in the category. Over the store (read per assessment, so
 * a grant counts at once) or over one snapshot (the command line reads the register once per run).
 */
public final class RegisterInitiativeCounts implements InitiativeCounts {
    private final Supplier<List<HousingInitiative>> initiatives;

    private RegisterInitiativeCounts(Supplier<List<HousingInitiative>> initiatives) {
        this.initiatives = initiatives;
    }

    /** Counts over the store's register, read at each count. */
    public static RegisterInitiativeCounts of(RegisterStore store) {
        return new RegisterInitiativeCounts(() -> store.initiatives(null));
    }

    /**
     * Counts over the store's register as it stands, read once per register change ({@link RegisterSnapshot}): the
     * served {@code location_cap} asks for a count on every assessment, and a grant still counts in the next one.
     */
    public static RegisterInitiativeCounts snapshotted(RegisterStore store) {
        RegisterSnapshot<List<HousingInitiative>> snapshot =
                new RegisterSnapshot<>(store.changes(), () -> List.copyOf(store.initiatives(null)));
        return new RegisterInitiativeCounts(snapshot);
    }

    /** Counts over a snapshot of the register. */
    public static RegisterInitiativeCounts of(List<HousingInitiative> snapshot) {
        List<HousingInitiative> copy = List.copyOf(snapshot);
        return new RegisterInitiativeCounts(() -> copy);
    }

    @Override
    public long count(List<String> statuses, int minPersons, int maxPersons) {
        return initiatives.get().stream()
                .filter(i -> statuses.contains(i.status().id()))
                .filter(i -> i.persons() >= minPersons && i.persons() <= maxPersons)
                .count();
    }
}
