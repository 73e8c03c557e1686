package nl.plektoets.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import nl.plektoets.web.http.Problem;
import org.junit.jupiter.api.Test;

/**
 * The rules of {@link ServedState} step by step, with the timing forced by latches (the HTTP test in
 * {@link ServeStateTest} shows them under real load, where a race may or may not hit the window).
 */
class ServedStateTest {
    private static ServeState state(long generation) {
        return new ServeState(generation, null, null, null, null, null, null, null, null, null, null);
    }

    @Test
    void aPinnedRequestKeepsItsStateWhileAReloadSwapsInTheNext() throws Exception {
        ServedState states = new ServedState(state(1));
        states.pin();
        try {
            ServeState next = CompletableFuture.supplyAsync(
                            () -> states.reload(previous -> state(previous.generation() + 1)))
                    .get(10, TimeUnit.SECONDS);
            assertEquals(2, next.generation());
            assertEquals(1, states.now().generation(), "the request that started on state 1 ends on it");
            assertEquals(1, states.part(ServeState::generation).get(), "so does every part it asks for");
            assertEquals(
                    2,
                    CompletableFuture.supplyAsync(states::now)
                            .get(10, TimeUnit.SECONDS)
                            .generation(),
                    "another thread (a new request) gets the new state");
        } finally {
            states.unpin();
        }
        assertEquals(2, states.now().generation(), "after its end this thread sees the current state");
    }

    @Test
    void aSecondReloadWhileOneRunsIsRefusedWith409AndChangesNothing() throws Exception {
        ServedState states = new ServedState(state(1));
        CountDownLatch building = new CountDownLatch(1), release = new CountDownLatch(1);
        CompletableFuture<ServeState> first = CompletableFuture.supplyAsync(() -> states.reload(previous -> {
            building.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return state(previous.generation() + 1);
        }));
        building.await(10, TimeUnit.SECONDS);
        Problem p = assertThrows(Problem.class, () -> states.reload(previous -> state(99)));
        assertEquals(409, p.status());
        assertEquals(1, states.now().generation(), "the first is still building: state 1 is served");
        release.countDown();
        assertEquals(2, first.get(10, TimeUnit.SECONDS).generation());
        assertEquals(
                3, states.reload(previous -> state(previous.generation() + 1)).generation(), "then reloads run again");
    }

    @Test
    void aFailedReloadKeepsTheStateServed() {
        ServedState states = new ServedState(state(1));
        ServeState before = states.now();
        assertThrows(
                IllegalArgumentException.class,
                () -> states.reload(previous -> {
                    throw new IllegalArgumentException("bad OSM file");
                }));
        assertSame(before, states.now());
        assertEquals(2, states.reload(previous -> state(2)).generation(), "the lock was released");
    }

    @Test
    void theReloadingRequestContinuesOnWhatItLoaded() {
        ServedState states = new ServedState(state(1));
        states.pin();
        try {
            states.reload(previous -> state(2));
            assertEquals(2, states.now().generation(), "the reload's answer describes the new state");
        } finally {
            states.unpin();
        }
    }

    /** serve's before/after pair (ServeCommand) relies on Javalin running {@code after} also when a route throws. */
    @Test
    void theAfterHandlerUnpinsAlsoWhenTheRouteFailed() {
        ServedState states = new ServedState(state(1));
        AtomicInteger pinned = new AtomicInteger();
        Javalin app = Javalin.create(c -> {
            c.routes.before(ctx -> {
                states.pin();
                pinned.incrementAndGet();
            });
            c.routes.after(ctx -> {
                states.unpin();
                pinned.decrementAndGet();
            });
            c.routes.get("/fails", ctx -> {
                throw new IllegalStateException("route failed");
            });
            c.routes.exception(
                    IllegalStateException.class, (e, ctx) -> ctx.status(500).result(e.getMessage()));
        });
        JavalinTest.test(app, (server, client) -> {
            var r = client.get("/fails");
            assertEquals(500, r.code());
            assertEquals("route failed", r.body().string());
            assertEquals(0, pinned.get(), "every pin was followed by its unpin");
        });
    }
}
