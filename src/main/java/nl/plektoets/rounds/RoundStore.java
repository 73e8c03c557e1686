package nl.plektoets.rounds;

import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Where rounds and their entries are kept, implemented by {@code store.Store} (PostGIS or the GeoPackage) as the
 * registers' {@code RegisterStore} is: optimistic changes ({@code registers.VersionConflictException}), one audit row
 * per committed change in the same transaction (registers {@value #ROUNDS} and {@value #ENTRIES}, read through
 * {@code RegisterStore.auditTrail}), nothing deleted. Thread-safe.
 *
 * <p>Entries of a decided round are frozen: {@link #createEntry} and {@link #updateEntry} lock the entry's round in
 * their transaction and refuse with {@link RoundStatusException} once it is decided, and {@link #updateRound} holds
 * the same lock while a decision ranks the entries, so an entry change and a decision never interleave.
 */
public interface RoundStore {
    String ROUNDS = "application_round";
    String ENTRIES = "round_entry";

    ApplicationRound createRound(ApplicationRound round, String actor);

    Optional<ApplicationRound> round(long id);

    /** Every round, oldest first. */
    List<ApplicationRound> rounds();

    ApplicationRound updateRound(long id, long expectedVersion, String actor, UnaryOperator<ApplicationRound> change);

    /** Enters an initiative into its round; once per round (a second entry is refused, 422); never a decided one. */
    RoundEntry createEntry(RoundEntry entry, String actor);

    Optional<RoundEntry> entry(long id);

    /** The entries of one round, in id order (the ranking never depends on it). */
    List<RoundEntry> entries(long roundId);

    RoundEntry updateEntry(long id, long expectedVersion, String actor, UnaryOperator<RoundEntry> change);
}
