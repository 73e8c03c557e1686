package nl.plektoets.partition;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import nl.plektoets.data.Role;
import nl.plektoets.store.StoredRow;

/**
 * The spill's store scan on a thread of its own: the store's reading (SQLite stepping through the rows, the driver's
 * copies) runs beside the spill's work on the rows (envelope, partitions, writes), which stays on the calling thread
 * in storage order. Memory is bounded: at most {@value #QUEUED} batches of {@value #BATCH} rows wait.
 *
 * <p>Failures stop both: a scan that throws makes {@link #run} throw the same exception (after the batches handed over
 * before it: a prefix of the rows); a consumer that throws stops the scan at its next hand-over (the store's read transaction ends) before
 * {@link #run} rethrows.
 */
final class ScanAhead {
    static final int BATCH = 1024;
    static final int QUEUED = 16;

    private ScanAhead() {}

    static void run(Partitions.LayerScan scan, Collection<Role> roles, Consumer<StoredRow> each) {
        BlockingQueue<List<StoredRow>> queue = new ArrayBlockingQueue<>(QUEUED);
        List<StoredRow> end = new ArrayList<>(0); // by identity: every real batch holds at least one row
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Hand hand = new Hand(queue);
        Thread reader = new Thread(
                () -> {
                    try {
                        List<List<StoredRow>> batch = new ArrayList<>(1);
                        batch.add(new ArrayList<>(BATCH));
                        scan.scan(roles, r -> {
                            batch.get(0).add(r);
                            if (batch.get(0).size() == BATCH) {
                                hand.put(batch.get(0));
                                batch.set(0, new ArrayList<>(BATCH));
                            }
                        });
                        if (!batch.get(0).isEmpty()) hand.put(batch.get(0));
                    } catch (Stopped s) {
                        return; // the consumer failed and no longer takes
                    } catch (RuntimeException | Error e) {
                        failure.set(e);
                    }
                    try {
                        hand.put(end);
                    } catch (Stopped s) {
                        // the consumer is gone; it needs no end mark
                    }
                },
                "partition-scan");
        reader.setDaemon(true);
        reader.start();
        boolean finished = false;
        try {
            for (List<StoredRow> b; (b = queue.take()) != end; ) {
                for (StoredRow r : b) each.accept(r);
            }
            finished = true;
            reader.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the partitioning was interrupted", e);
        } finally {
            if (!finished) {
                hand.stopped = true; // the scan stops at its next hand-over
                try {
                    reader.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        Throwable t = failure.get();
        if (t instanceof RuntimeException r) throw r;
        if (t instanceof Error e) throw e;
    }

    /** The hand-over; once stopped, every put throws (never an interrupt: the scan's thread is in the driver). */
    private static final class Hand {
        private final BlockingQueue<List<StoredRow>> queue;
        volatile boolean stopped;

        Hand(BlockingQueue<List<StoredRow>> queue) {
            this.queue = queue;
        }

        void put(List<StoredRow> batch) {
            try {
                while (!queue.offer(batch, 50, TimeUnit.MILLISECONDS)) {
                    if (stopped) throw new Stopped();
                }
                if (stopped) throw new Stopped();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Stopped();
            }
        }
    }

    /** Thrown through the scan when the consumer has stopped; never leaves the scan's thread. */
    private static final class Stopped extends RuntimeException {
        Stopped() {
            super("the spill stopped", null, false, false);
        }
    }
}
