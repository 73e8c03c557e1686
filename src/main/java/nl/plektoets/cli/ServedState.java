package nl.plektoets.cli;

import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;
import nl.plektoets.web.http.Problem;

/**
 * The one reference through which {@code serve} swaps its {@link ServeState}, and the rules around it:
 * <ul>
 *   <li>A request uses one state from start to end: {@link #pin()} (a servlet filter around Javalin) fixes the state
 *       current when the request starts for the Jetty thread that runs it, and {@link #now()} returns that one,
 *       however often a handler asks (a route that reads the data and the dataset it names in two calls gets them from
 *       the same state); {@link #unpin()} ends it when the filter returns, also after an exception. An assessment takes
 *       its state along into its turn (web.Routes); what Javalin runs after it on the turn's thread (the after
 *       handlers, a problem's {@code dataset}) sees {@link #now()} there, the current state, which is the same unless
 *       a reload finished in between. Outside a request {@link #now()} is the current state.</li>
 *   <li>Reloads are serialised and never wait: a reload while another runs is refused with 409
 *       {@code reload-running} (a second one would build its networks into the same graph directory, and an admin
 *       whose request waited minutes behind another could not tell it from a hang); the admin retries after the first
 *       finished, which picks up any change made after the first one started reading.</li>
 * </ul>
 */
final class ServedState {
    private final AtomicReference<ServeState> current;
    private final ThreadLocal<ServeState> pinned = new ThreadLocal<>();
    private final ReentrantLock reloading = new ReentrantLock();

    ServedState(ServeState first) {
        this.current = new AtomicReference<>(first);
    }

    /** The state of the request running on this thread, else the current one. */
    ServeState now() {
        ServeState p = pinned.get();
        return p != null ? p : current.get();
    }

    /** A view of one part of {@link #now()}, for the route classes that take suppliers. */
    <T> Supplier<T> part(Function<ServeState, T> part) {
        return () -> part.apply(now());
    }

    void pin() {
        pinned.set(current.get());
    }

    void unpin() {
        pinned.remove();
    }

    /**
     * Builds the next state from the current one and swaps it in; the rest of the calling request runs on the new
     * state (the reload's answer describes what was loaded). A failing build changes nothing.
     *
     * @throws Problem 409 when another reload is running
     */
    ServeState reload(Function<ServeState, ServeState> next) {
        if (!reloading.tryLock()) {
            throw new Problem(
                    Problem.Type.RELOAD_RUNNING,
                    null,
                    "Another reload is running; the data it loads is"
                            + " served when it finishes. Send this reload again after it, if the data changed after it started");
        }
        try {
            ServeState built = next.apply(current.get());
            current.set(built);
            if (pinned.get() != null) pinned.set(built);
            return built;
        } finally {
            reloading.unlock();
        }
    }
}
