package nl.plektoets.registers;

import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A value computed from the registers once per register state and reused until a change is committed: the housed
 * persons of {@code spread} with their placement, the initiatives {@code location_cap} counts. Each {@link #get()}
 * asks the store only for its {@link RegisterStamp} (one small query) instead of reading and placing every entry per
 * assessment. The stamp is read before the value is computed, so a change committed meanwhile makes the next call
 * compute again: a snapshot is never older than the stamp it is kept under. Thread-safe; two threads that find it
 * stale at once may both compute (the same value), which is cheaper than making every assessment wait on a lock.
 *
 * @param <T> what is computed; it should be immutable, since every assessment until the next change shares it
 */
public final class RegisterSnapshot<T> implements Supplier<T> {
    private record Kept<T>(RegisterStamp stamp, T value) {}

    private final RegisterStore store;
    private final Function<RegisterStore, T> compute;
    private volatile Kept<T> kept;

    public RegisterSnapshot(RegisterStore store, Function<RegisterStore, T> compute) {
        this.store = store;
        this.compute = compute;
    }

    /** The value for the registers as they stand now. */
    @Override
    public T get() {
        RegisterStamp now = store.registerStamp();
        Kept<T> k = kept;
        if (k != null && k.stamp().equals(now)) return k.value();
        T value = compute.apply(store);
        kept = new Kept<>(now, value);
        return value;
    }
}
