package nl.plektoets.registers;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The one signal "the registers changed", which every cache of register state follows (the permits snapshot of
 * {@code roomrental.StorePermits}, hence the planner overview and the public street standings; any other snapshot
 * plugs in the same way, best through {@link RegisterSnapshot}).
 *
 * <p>Who calls {@link #changed}: the store itself after every committed register write of this process (so an instance
 * always reads its own writes), and, for PostGIS, the store's {@code LISTEN} connection for every write committed by
 * any process on the same database (PostgreSQL {@code NOTIFY} from a trigger: other instances, a planner's SQL).
 *
 * <p>{@link #heard()} says whether every change reaches this hook now: always for the embedded GeoPackage (one
 * process writes it), for PostGIS only while its {@code LISTEN} connection is up. A cache must not serve a kept value
 * while it is false: another instance's grant would go unseen. When listening starts again (after a database restart)
 * the generation moves once, so every cache drops what it had, since changes may have been missed meanwhile.
 */
public final class RegisterChanges {
    /** What {@link #changed} is told when the register is unknown or all of them may have changed. */
    public static final String ALL = "*";

    private final AtomicLong generation = new AtomicLong();
    private final List<Consumer<String>> subscribers = new CopyOnWriteArrayList<>();
    private volatile boolean heard;

    private RegisterChanges(boolean heard) {
        this.heard = heard;
    }

    /** For a store only this process writes: every change is heard from the start. */
    public static RegisterChanges singleWriter() {
        return new RegisterChanges(true);
    }

    /** For a shared store: changes by others are heard only once {@link #hearing()} was called. */
    public static RegisterChanges shared() {
        return new RegisterChanges(false);
    }

    /** Moves on every change (and on every loss or return of hearing); a cache compares the value it kept it with. */
    public long generation() {
        return generation.get();
    }

    /** Whether every committed change reaches this hook now, so a kept value may be served. */
    public boolean heard() {
        return heard;
    }

    /** A register changed (its table name, or {@link #ALL}); moves the generation, then tells the subscribers. */
    public void changed(String register) {
        generation.incrementAndGet();
        for (Consumer<String> s : subscribers) {
            try {
                s.accept(register);
            } catch (RuntimeException e) {
                // one subscriber's fault must not keep the change from the others (nor from the writer who caused it)
                System.err.println("plektoets: a register-change subscriber failed: " + e);
            }
        }
    }

    /**
     * Changes by others are no longer heard (the LISTEN connection is gone): {@link RegisterSnapshot}s read the store
     * until {@link #hearing()}, which then tells the subscribers once; a subscriber that keeps values itself checks
     * {@link #heard()} before serving one.
     */
    public void deaf() {
        heard = false;
        generation.incrementAndGet();
    }

    /** Every change is heard again from now on; what was kept before is dropped once (changes may have been missed). */
    public void hearing() {
        heard = true;
        changed(ALL);
    }

    /**
     * Calls {@code onChange} with the register's name after every change (on the writer's thread, or the listener's:
     * keep it short, e.g. {@code cache.invalidateAll()}). Close the result to stop, e.g. when a reload drops the cache.
     */
    public AutoCloseable subscribe(Consumer<String> onChange) {
        subscribers.add(onChange);
        return () -> subscribers.remove(onChange);
    }
}
