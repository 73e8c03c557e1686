package nl.plektoets.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
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
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
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

    @Test
    void zeroThreadsMeansOnePerProcessor() {
        assertEquals(Runtime.getRuntime().availableProcessors(), new EngineAdmission(0, 0).threads());
        assertEquals(3, new EngineAdmission(3, 0).threads());
    }
}
