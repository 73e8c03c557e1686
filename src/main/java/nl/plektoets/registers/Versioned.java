package nl.plektoets.registers;

import java.time.Instant;

/**
 * A register entry the store changes optimistically and audits the same way (intake cases, housing locations,
 * signals): it has a version and its creation, and can be stamped with the id, version and who changed it when.
 * The store writes every such entry through one create and one update path, so the version check, the write and the
 * audit row cannot drift apart between registers.
 *
 * @param <T> the entry's own type, which {@link #stamped} returns
 */
public interface Versioned<T extends Versioned<T>> {
    long version();

    Instant createdAt();

    String createdBy();

    /** This entry as stored: its id and version, created by {@code creator}, last changed {@code now} by {@code actor}. */
    T stamped(long newId, long newVersion, Instant created, String creator, Instant now, String actor);
}
