package nl.plektoets.registers;

import java.util.function.Supplier;

/**
 * A value read from the registers, kept until they change ({@link RegisterChanges}): many requests, one read. While
 * changes are not heard (PostGIS with its LISTEN connection down) every {@link #get} reads the store again, so an
 * instance never answers from a value another instance may have made stale.
 *
 * @param <T> the value; it must be immutable, since concurrent requests share it
 */
public final class RegisterSnapshot<T> implements Supplier<T> {
    private record Kept<T>(long generation, T value) {}

    private final RegisterChanges changes;
    private final Supplier<T> read;
    private volatile Kept<T> kept;

    public RegisterSnapshot(RegisterChanges changes, Supplier<T> read) {
        this.changes = changes;
        this.read = read;
    }

    /** The kept value while the registers are unchanged and every change is heard, else a new read. */
    @Override
    public T get() {
        Kept<T> k = kept;
        // the generation is taken before the read: a change committed during the read moves it, so the value read is
        // kept under the older number and dropped at the next get, never served as current after that change
        long generation = changes.generation();
        boolean heard = changes.heard();
        if (k != null && heard && k.generation() == generation) return k.value();
        T value = read.get();
        if (heard) kept = new Kept<>(generation, value);
        return value;
    }
}
