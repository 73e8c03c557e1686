package nl.plektoets.store;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Function;
import nl.plektoets.data.Feature;

/**
 * A layer import on two threads: the source emits and each feature is encoded into a row (geometry blob, JSON) on a
 * producer thread, while the calling thread, which holds the transaction's connection, writes the rows in the order
 * they were emitted. On a machine with two cores the source's work (a generator, a file reader) and the encoding
 * overlap the database's. Memory is bounded: at most {@value #QUEUED_BATCHES} batches of {@value #BATCH} rows wait.
 *
 * <p>Failures end both threads: a source or encoder that throws makes {@link #run} throw the same exception after the
 * producer has stopped; a writer that throws stops the producer (interrupted at its next hand-over) and is rethrown.
 * Either way the caller's transaction rolls back, so the previous layers stay.
 */
public final class RowPipeline {
    static final int BATCH = 1024;
    static final int QUEUED_BATCHES = 16;

    /** Writes one batch of encoded rows, in emission order. */
    @FunctionalInterface
    public interface BatchWriter<R> {
        void write(List<R> rows) throws SQLException;
    }

    private RowPipeline() {}

    /**
     * Runs {@code source} on a producer thread, encodes every feature with {@code encode} there and hands the rows in
     * emission order, in batches, to {@code writer} on this thread; returns when every row was written.
     */
    public static <R> void run(Store.LayerSource source, Function<Feature, R> encode, BatchWriter<R> writer)
            throws SQLException {
        Hand hand = new Hand();
        Throwable[] failure = {null};
        Thread producer = new Thread(
                () -> {
                    Object last;
                    try {
                        List<R>[] batch = newBatch();
                        source.emit(f -> {
                            batch[0].add(encode.apply(f));
                            if (batch[0].size() == BATCH) {
                                hand.put(batch[0]);
                                batch[0] = new ArrayList<>(BATCH);
                            }
                        });
                        if (!batch[0].isEmpty()) hand.put(batch[0]);
                        last = End.DONE;
                    } catch (Cancelled c) {
                        return; // the writer failed and stopped listening
                    } catch (RuntimeException | Error e) {
                        failure[0] = e;
                        last = End.FAILED;
                    }
                    try {
                        hand.put(last);
                    } catch (Cancelled c) {
                        // the writer is gone; it does not need the end mark
                    }
                },
                "plektoets-import-source");
        producer.setDaemon(true);
        producer.start();
        boolean finished = false;
        try {
            while (true) {
                Object item = hand.queue.take();
                if (item == End.DONE) {
                    finished = true;
                    break;
                }
                if (item == End.FAILED) {
                    finished = true;
                    producer.join();
                    if (failure[0] instanceof RuntimeException r) throw r;
                    throw (Error) failure[0];
                }
                @SuppressWarnings("unchecked")
                List<R> rows = (List<R>) item;
                writer.write(rows);
            }
            producer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the layer import was interrupted", e);
        } finally {
            if (!finished) {
                // the writer failed: stop the producer before the transaction rolls back
                hand.cancelled = true;
                producer.interrupt();
                try {
                    producer.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static <R> List<R>[] newBatch() {
        return new List[] {new ArrayList<R>(BATCH)};
    }

    /** The queue between the threads; once cancelled, every hand-over throws (a source may swallow one). */
    private static final class Hand {
        final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(QUEUED_BATCHES);
        volatile boolean cancelled;

        void put(Object item) {
            if (cancelled) throw new Cancelled();
            try {
                queue.put(item);
            } catch (InterruptedException e) {
                throw new Cancelled();
            }
        }
    }

    private enum End {
        DONE,
        FAILED
    }

    /** Thrown through the source when the writer has stopped; never leaves the producer thread. */
    private static final class Cancelled extends RuntimeException {
        Cancelled() {
            super("the layer import's writer stopped", null, false, false);
        }
    }
}
