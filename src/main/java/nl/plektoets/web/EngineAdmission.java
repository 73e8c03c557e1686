package nl.plektoets.web;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import nl.plektoets.web.http.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Computes assessments on {@code threads} turn threads of its own, in arrival order; at most {@code queue} more wait,
 * and one more is refused at once with 503 {@code overloaded} and {@code Retry-After}.
 *
 * <p>Why: an assessment is pure CPU work (the engine, its JSON). Jetty runs each request on its own thread from a pool
 * of up to 250, so 64 connections meant 64 runnable threads on 2 cores: every answer took as long as the slowest share
 * and a garbage collection waited for 64 threads to reach a safepoint. Session 8 let them wait on a fair semaphore,
 * but then every turn was handed over: the thread ending a turn woke the next one, which had to be scheduled before
 * the turn did work again (a futex wake-up and a context switch per answer, and on a loaded machine an idle turn until
 * the woken thread got a processor). Now the request's Jetty thread only queues the work and returns to Jetty; a turn
 * thread takes the next request from the queue as soon as it finished one, without ever giving up its processor while
 * there is work (docs/performance.md, session 10).
 *
 * <p>Where nobody waits, that queue would cost a wake-up per request (the turn thread is parked): a request that finds
 * a turn free and the turn threads idle is computed on its own Jetty thread, which writes its answer after giving the
 * turn back. Turns are counted by one semaphore that both take, so never more than {@code threads} compute at once.
 *
 * <p>The turn thread also completes the request's future, and Javalin then writes the answer on that thread: the
 * answer is written without another hand-over. A client that reads slowly would hold the turn for as long as its
 * write blocks (up to the connection's idle timeout), so a write still running after {@link #HAND_OVER_MS} gives the
 * turn away: one more turn thread is started and the writing one ends when its write does. At most
 * {@link #MOST_WRITERS_HANDED_OVER} writes are handed over at once (Jetty's own pool has 250 threads); beyond that the
 * turns wait for their writes as a blocked Jetty thread would.
 */
final class EngineAdmission {
    private static final Logger LOG = LoggerFactory.getLogger(EngineAdmission.class);
    /** How long a turn's write may block before the turn goes to a new thread (a healthy write takes microseconds). */
    static final long HAND_OVER_MS = 20;

    static final int MOST_WRITERS_HANDED_OVER = 256;
    /** Turn threads without work end after this (an idle server, or a test's server that stopped). */
    private static final long IDLE_S = 30;

    private static final AtomicInteger INSTANCES = new AtomicInteger();

    private final int threads;
    private final int queue;
    /** Requests queued or computing: at most threads + queue. */
    private final AtomicInteger admitted = new AtomicInteger();
    /** The turns not computing now; taken by a request computed on its own thread and by the turn threads alike. */
    private final Semaphore turns;
    /** Requests queued for, computing on or being written by the turn threads. */
    private final AtomicInteger onTurnThreads = new AtomicInteger();

    private final AtomicInteger handedOver = new AtomicInteger();
    private final List<TurnThread> turnThreads = new CopyOnWriteArrayList<>();
    private final AtomicBoolean watching = new AtomicBoolean();
    private final ThreadPoolExecutor pool;
    private final String name;

    /**
     * @param threads assessments computed at once; 0 = one per processor
     * @param queue   requests that may wait for a turn at most; 0 = none waits (refused when all turns are taken)
     */
    EngineAdmission(int threads, int queue) {
        if (threads < 0 || queue < 0) throw new IllegalArgumentException("threads and queue must be >= 0");
        this.threads = threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
        this.queue = queue;
        this.turns = new Semaphore(this.threads);
        this.name = "engine-turn-" + INSTANCES.incrementAndGet() + "-";
        AtomicInteger made = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(
                this.threads, this.threads, IDLE_S, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
                    TurnThread t = new TurnThread(r, name + made.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        pool.allowCoreThreadTimeOut(true);
    }

    /** The number of assessments computed at once. */
    int threads() {
        return threads;
    }

    /** The turns now (the pool's core size): {@link #threads()} unless a write was handed over and has not ended. */
    int computingAtMost() {
        return pool.getCorePoolSize();
    }

    /** The requests waiting for a turn now. */
    int waiting() {
        return Math.max(0, admitted.get() - (threads - turns.availablePermits()));
    }

    /**
     * Queues {@code work}; a turn thread computes it and completes the returned future with its result (or with the
     * exception it threw), so what the caller chained to the future (the answer's write) runs on the turn thread.
     *
     * @throws Problem 503 {@code overloaded} with Retry-After when {@code queue} requests wait already
     */
    <T> CompletableFuture<T> submit(Supplier<T> work) {
        if (admitted.incrementAndGet() > threads + queue) {
            admitted.decrementAndGet();
            throw overloaded();
        }
        CompletableFuture<T> answer = new CompletableFuture<>();
        if (onTurnThreads.get() == 0 && turns.tryAcquire()) {
            // a free turn and the turn threads idle: computed on the caller's thread, which also writes the answer
            // (without the turn), so a lone request pays no hand-over to a parked turn thread; once requests queue,
            // the turn threads take them all (a request on its own thread beside them would make them wait for turns)
            try {
                answer.complete(work.get());
            } catch (Throwable t) {
                answer.completeExceptionally(t);
            } finally {
                turns.release();
                admitted.decrementAndGet();
            }
            return answer;
        }
        onTurnThreads.incrementAndGet();
        pool.execute(() -> {
            T result = null;
            Throwable failure = null;
            turns.acquireUninterruptibly();
            try {
                result = work.get();
            } catch (Throwable t) {
                failure = t;
            } finally {
                turns.release();
                admitted.decrementAndGet();
            }
            try {
                write(answer, result, failure);
            } finally {
                // counted until written: behind a turn thread's blocked write the others queue (and are handed over)
                onTurnThreads.decrementAndGet();
            }
        });
        if (watching.compareAndSet(false, true)) startWatch();
        return answer;
    }

    /**
     * Runs {@code work} in its turn on the calling thread's behalf and returns its result (a problem it throws passes
     * through): {@link #submit} and a wait, for callers that have no future to give (benchmarks, tests).
     */
    <T> T run(Supplier<T> work) {
        try {
            return submit(work).join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw e;
        }
    }

    private <T> void write(CompletableFuture<T> answer, T result, Throwable failure) {
        TurnThread self = (TurnThread) Thread.currentThread();
        self.writingSince = System.nanoTime();
        self.state.set(TurnThread.WRITING);
        try {
            if (failure != null) answer.completeExceptionally(failure);
            else answer.complete(result);
        } finally {
            if (!self.state.compareAndSet(TurnThread.WRITING, TurnThread.COMPUTING)) {
                // the watch gave this turn to another thread while the write blocked: this thread ends here
                self.state.set(TurnThread.COMPUTING);
                resize(-1);
                handedOver.decrementAndGet();
            }
        }
    }

    /** One more (or one less) thread; the one less ends when it next asks for work. */
    private synchronized void resize(int by) {
        if (by > 0) {
            pool.setMaximumPoolSize(pool.getMaximumPoolSize() + by);
            pool.setCorePoolSize(pool.getCorePoolSize() + by);
        } else {
            pool.setCorePoolSize(pool.getCorePoolSize() + by);
            pool.setMaximumPoolSize(pool.getMaximumPoolSize() + by);
        }
    }

    /**
     * A daemon thread that looks at the turn threads every few milliseconds while any exists, and hands over the turn
     * of a write blocked longer than {@link #HAND_OVER_MS}. It ends when the pool has no thread left (idle).
     */
    private void startWatch() {
        Thread watch = new Thread(
                () -> {
                    try {
                        long handOverNs = TimeUnit.MILLISECONDS.toNanos(HAND_OVER_MS);
                        while (pool.getPoolSize() > 0 || !pool.getQueue().isEmpty()) {
                            Thread.sleep(HAND_OVER_MS / 4);
                            long now = System.nanoTime();
                            for (TurnThread t : turnThreads) {
                                if (t.state.get() == TurnThread.WRITING
                                        && now - t.writingSince > handOverNs
                                        && handedOver.get() < MOST_WRITERS_HANDED_OVER
                                        && t.state.compareAndSet(TurnThread.WRITING, TurnThread.HANDED_OVER)) {
                                    if (handedOver.incrementAndGet() == MOST_WRITERS_HANDED_OVER)
                                        LOG.warn(
                                                "{} answers are being written to clients that read slowly; further"
                                                        + " slow writes hold their turn",
                                                MOST_WRITERS_HANDED_OVER);
                                    resize(+1);
                                }
                            }
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } finally {
                        watching.set(false);
                        // work queued while this thread was ending would have no watch: start one again
                        if (pool.getPoolSize() > 0 && watching.compareAndSet(false, true)) startWatch();
                    }
                },
                name + "watch");
        watch.setDaemon(true);
        watch.start();
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

    /** A turn's thread, with what the watch needs to see of its write. */
    private final class TurnThread extends Thread {
        static final int COMPUTING = 0;
        static final int WRITING = 1;
        static final int HANDED_OVER = 2;
        final AtomicInteger state = new AtomicInteger(COMPUTING);
        volatile long writingSince;

        TurnThread(Runnable work, String name) {
            super(
                    () -> {
                        try {
                            work.run();
                        } finally {
                            turnThreads.remove((TurnThread) Thread.currentThread());
                        }
                    },
                    name);
            turnThreads.add(this);
        }
    }
}
