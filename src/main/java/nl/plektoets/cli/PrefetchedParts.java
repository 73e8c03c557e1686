package nl.plektoets.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nl.plektoets.partition.Partitions;

/**
 * The national batch's parts, each prepared one ahead on a thread of its own: while the workers assess partition N,
 * partition N+1 is read back from its spill file and its engine (spatial index, street model) is built, so the
 * workers never wait for that single-threaded work. At most two prepared partitions are held (the one being
 * assessed and the next), besides the one being built: memory stays that of a few towns.
 */
final class PrefetchedParts implements AssessAllBatch.Parts, AutoCloseable {
    private final Partitions partitions;
    private final Engines.Partitioned engine;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "partition-prepare");
        t.setDaemon(true);
        return t;
    });
    private Future<AssessAllBatch.Part> next;
    private long prepareCpuNanos;
    private long waitNanos;

    PrefetchedParts(Partitions partitions, Engines.Partitioned engine) {
        this.partitions = partitions;
        this.engine = engine;
        this.next = partitions.hasNext() ? thread.submit(this::prepare) : null;
    }

    // runs on the one preparing thread, so the partitions are read strictly in order
    private AssessAllBatch.Part prepare() {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long cpu0 = mx.getCurrentThreadCpuTime();
        try {
            Partitions.Partition p = partitions.next();
            return new AssessAllBatch.Part(engine.assessor(p.dataset()), p.own());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            prepareCpuNanos += mx.getCurrentThreadCpuTime() - cpu0;
        }
    }

    @Override
    public AssessAllBatch.Part next() throws IOException {
        if (next == null) return null;
        long t0 = System.nanoTime();
        AssessAllBatch.Part part;
        try {
            part = next.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UncheckedIOException u) throw u.getCause();
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw new IOException(e.getCause());
        }
        waitNanos += System.nanoTime() - t0;
        next = partitions.hasNext() ? thread.submit(this::prepare) : null;
        return part;
    }

    /** CPU time of reading the partitions back and building their engines (read after the last part). */
    double prepareCpuSeconds() {
        return prepareCpuNanos / 1e9;
    }

    /** Wall time the writer waited for a partition that was not ready yet. */
    double waitSeconds() {
        return waitNanos / 1e9;
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
