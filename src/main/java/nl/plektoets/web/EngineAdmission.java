package nl.plektoets.web;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import nl.plektoets.web.http.Problem;

/**
 * Lets at most {@code threads} requests compute an assessment at once; the others wait their turn in arrival order,
 * at most {@code queue} of them, and one more is refused at once with 503 {@code overloaded} and {@code Retry-After}.
 *
 * <p>Why: an assessment is pure CPU work (the engine, its JSON). Jetty runs each request on its own thread from a
 * pool of up to 250, so 64 connections meant 64 runnable threads on 2 cores. The kernel then slices the processors
 * among all of them: every answer takes as long as the slowest share, a request that needs one slice more waits a
 * whole round of 64, and a garbage collection has to wait until all 64 threads reach a safepoint while they hold 64
 * requests' worth of live objects. With as many computing as there are processors, the others park (no CPU, no
 * safepoint to reach) and are served first come, first served, so an answer's time is its wait in line plus its own
 * work, the same throughput with a short tail (measured in {@code scripts/bench-http}, docs/performance.md).
 *
 * <p>The semaphore is fair (FIFO); {@code tryAcquire(0, ...)} keeps that fairness, where the plain
 * {@code tryAcquire()} would let a newcomer overtake those waiting.
 */
final class EngineAdmission {
    private final int threads;
    private final int queue;
    private final Semaphore turns;
    private final AtomicInteger waiting = new AtomicInteger();

    /**
     * @param threads assessments computed at once; 0 = one per processor
     * @param queue   requests that may wait for a turn at most; 0 = none waits (refused when all turns are taken)
     */
    EngineAdmission(int threads, int queue) {
        if (threads < 0 || queue < 0) throw new IllegalArgumentException("threads and queue must be >= 0");
        this.threads = threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
        this.queue = queue;
        this.turns = new Semaphore(this.threads, true);
    }

    /** The number of assessments computed at once. */
    int threads() {
        return threads;
    }

    /** The requests waiting for a turn now. */
    int waiting() {
        return waiting.get();
    }

    /**
     * Runs {@code work} in its turn and returns its result (a problem it throws passes through).
     *
     * @throws Problem 503 {@code overloaded} with Retry-After when {@code queue} requests wait already
     */
    <T> T run(Supplier<T> work) {
        acquire();
        try {
            return work.get();
        } finally {
            turns.release();
        }
    }

    private void acquire() {
        try {
            if (turns.tryAcquire(0, TimeUnit.MILLISECONDS)) return;
            if (waiting.incrementAndGet() > queue) {
                waiting.decrementAndGet();
                throw overloaded();
            }
            try {
                turns.acquire();
            } finally {
                waiting.decrementAndGet();
            }
        } catch (InterruptedException e) {
            // Jetty interrupts a request's thread only when it stops: the client gets the same retryable refusal
            Thread.currentThread().interrupt();
            throw overloaded();
        }
    }

    private Problem overloaded() {
        return new Problem(
                        Problem.Type.OVERLOADED,
                        null,
                        "The server is computing " + threads + " assessments and " + queue
                                + " more wait their turn (the configuration keys engine-threads and engine-queue);"
                                + " send the request again in a second")
                .header("Retry-After", "1");
    }
}
