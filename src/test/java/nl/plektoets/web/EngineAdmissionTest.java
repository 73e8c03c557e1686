package nl.plektoets.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import nl.plektoets.web.http.Problem;
import org.junit.jupiter.api.Test;

/**
 * {@link EngineAdmission} on real threads: the waiting are served in arrival order (a newcomer does not overtake
 * them), the queue is bounded, and a turn is given back when the work fails.
 */
class EngineAdmissionTest {
    /** Waits (without asserting any time) until {@code n} requests wait for a turn. */
    private static void untilWaiting(EngineAdmission admission, int n) throws InterruptedException {
        while (admission.waiting() != n) Thread.sleep(1);
    }

    @Test
    void waitingRequestsAreServedInArrivalOrderAndTheQueueIsBounded() throws Exception {
        EngineAdmission admission = new EngineAdmission(1, 2);
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<String> order = new CopyOnWriteArrayList<>();
        Thread holder = new Thread(() -> admission.run(() -> {
            inside.countDown();
            await(release);
            return order.add("first");
        }));
        holder.start();
        assertTrue(inside.await(30, TimeUnit.SECONDS));
        Thread second = new Thread(() -> admission.run(() -> order.add("second")));
        second.start();
        untilWaiting(admission, 1);
        Thread third = new Thread(() -> admission.run(() -> order.add("third")));
        third.start();
        untilWaiting(admission, 2);

        // the queue of 2 is full: refused at once, retryable
        Problem p = assertThrows(Problem.class, () -> admission.run(() -> order.add("refused")));
        assertEquals(503, p.status());
        assertEquals("urn:plektoets:problem:overloaded", p.type().uri());
        assertEquals("1", p.headers().get("Retry-After"));

        release.countDown();
        for (Thread t : List.of(holder, second, third)) t.join(30_000);
        assertEquals(List.of("first", "second", "third"), order);
        assertEquals(0, admission.waiting());
    }

    @Test
    void aFailingAssessmentGivesItsTurnBack() {
        EngineAdmission admission = new EngineAdmission(1, 0);
        for (int i = 0; i < 3; i++) {
            Problem p = assertThrows(
                    Problem.class,
                    () -> admission.run(() -> {
                        throw new Problem(Problem.Type.INVALID_REQUEST, "form", "an unknown form");
                    }));
            assertEquals(400, p.status(), "the work's own problem passes through, not a refusal");
        }
        assertEquals("done", admission.run(() -> "done"));
    }

    /** Waits for {@code latch} inside work, keeping an interruption for the caller. */
    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * A request computed on a thread of its own that holds the one turn until {@code letGo} opens; returns once it
     * holds it, so the next requests go to the turn threads.
     */
    private static Thread holdTheTurn(EngineAdmission admission, CountDownLatch letGo) throws InterruptedException {
        CountDownLatch holding = new CountDownLatch(1);
        Thread holder = new Thread(() -> admission.run(() -> {
            holding.countDown();
            await(letGo);
            return "held";
        }));
        holder.start();
        assertTrue(holding.await(30, TimeUnit.SECONDS));
        return holder;
    }

    @Test
    void aWriteThatBlocksGivesItsTurnToAnotherThreadAndTheTurnsComeBackToTheirNumber() throws Exception {
        EngineAdmission admission = new EngineAdmission(1, 10);
        // the one turn taken by a request computed on its own thread: the next ones go to the turn threads
        CountDownLatch letGo = new CountDownLatch(1);
        Thread holder = holdTheTurn(admission, letGo);
        CountDownLatch attached = new CountDownLatch(1);
        CountDownLatch clientReads = new CountDownLatch(1);
        List<String> writtenOn = new CopyOnWriteArrayList<>();
        CompletableFuture<String> first = admission.submit(() -> {
            await(attached); // the write below is chained before the answer exists, as Routes chains it
            return "first";
        });
        CompletableFuture<Void> firstWritten = first.thenAccept(answer -> {
            writtenOn.add(Thread.currentThread().getName());
            await(clientReads); // a client that does not read: the write blocks
        });
        attached.countDown();
        letGo.countDown();
        holder.join(30_000);
        // the one turn thread is blocked in a write; the next assessment is computed all the same, on another thread
        CompletableFuture<String> second =
                admission.submit(() -> Thread.currentThread().getName());
        String secondOn = second.get(30, TimeUnit.SECONDS);
        assertFalse(firstWritten.isDone(), "the first write is still blocked");
        assertTrue(writtenOn.get(0).startsWith("engine-turn-"), "the answer is written on its turn's thread");
        assertNotEquals(writtenOn.get(0), secondOn);
        clientReads.countDown();
        firstWritten.get(30, TimeUnit.SECONDS);
        // the handed-over thread ends: computing at once is one again
        for (int i = 0; i < 20; i++) assertEquals("x", admission.run(() -> "x"));
        assertEquals(1, admission.computingAtMost());
    }

    @Test
    void aLoneRequestIsComputedOnItsOwnThreadAndQueuedOnesOnTheTurnThreads() throws Exception {
        EngineAdmission admission = new EngineAdmission(1, 4);
        String caller = Thread.currentThread().getName();
        assertEquals(caller, admission.run(() -> Thread.currentThread().getName()), "nobody waits: no hand-over");
        CountDownLatch letGo = new CountDownLatch(1);
        Thread holder = holdTheTurn(admission, letGo);
        CompletableFuture<String> queued =
                admission.submit(() -> Thread.currentThread().getName());
        untilWaiting(admission, 1);
        letGo.countDown();
        assertTrue(queued.get(30, TimeUnit.SECONDS).startsWith("engine-turn-"), "the turn was taken: queued");
        holder.join(30_000);
    }

    @Test
    void zeroThreadsMeansOnePerProcessor() {
        assertEquals(Runtime.getRuntime().availableProcessors(), new EngineAdmission(0, 0).threads());
        assertEquals(3, new EngineAdmission(3, 0).threads());
    }
}
