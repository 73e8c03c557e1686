package nl.plektoets.data.osm;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Hands a reader's elements to the element store on a thread of its own, so that the XML parse (the import's
 * largest single cost) has a core to itself: the reader's thread only parses, the store thread indexes, matches and
 * keeps. Elements go over in batches through a bounded queue (the heap does not grow with the file) and reach the
 * store in file order, on one thread, so the store ends up exactly as if the reader had called it directly. A store
 * failure (a node outside the earth) stops the reader at its next batch and is thrown there as it was thrown; the
 * reader's caller calls {@link #finish} after a failure of its own too, so that a store failure earlier in the file
 * is the one reported, as when the reader called the store directly.
 */
final class StoreThread implements OsmSink {
    private static final int BATCH = 2048;
    private static final List<Object> END = List.of();

    private record Node(long id, double lon, double lat, String[] tags) {}

    private record Way(long id, long[] refs, String[] tags) {}

    private record Relation(long id, OsmMember[] members, String[] tags) {}

    private record Bounds(double minLon, double minLat, double maxLon, double maxLat) {}

    private final OsmSink store;
    private final BlockingQueue<List<Object>> queue = new ArrayBlockingQueue<>(16);
    private final Thread thread;
    private volatile Throwable failure;
    private List<Object> batch = new ArrayList<>(BATCH);

    StoreThread(OsmSink store) {
        this.store = store;
        this.thread = new Thread(this::run, "osm-store");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        try {
            for (List<Object> b = queue.take(); b != END; b = queue.take()) {
                if (failure != null) continue; // drain, so the reader never blocks on a full queue
                try {
                    for (Object e : b) apply(e);
                } catch (RuntimeException | Error e) {
                    failure = e;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // nobody interrupts this thread; END ends it
        }
    }

    private void apply(Object e) {
        if (e instanceof Node n) store.node(n.id, n.lon, n.lat, n.tags);
        else if (e instanceof Way w) store.way(w.id, w.refs, w.tags);
        else if (e instanceof Relation r) store.relation(r.id, r.members, r.tags);
        else if (e instanceof Bounds b) store.bounds(b.minLon, b.minLat, b.maxLon, b.maxLat);
    }

    private void add(Object e) {
        batch.add(e);
        if (batch.size() == BATCH) handOver();
    }

    private void handOver() {
        rethrow();
        try {
            queue.put(batch);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading", e);
        }
        batch = new ArrayList<>(BATCH);
    }

    private void rethrow() {
        Throwable f = failure;
        if (f instanceof RuntimeException r) throw r;
        if (f instanceof Error e) throw e;
    }

    @Override
    public void bounds(double minLon, double minLat, double maxLon, double maxLat) {
        add(new Bounds(minLon, minLat, maxLon, maxLat));
    }

    @Override
    public void node(long id, double lon, double lat, String[] tags) {
        add(new Node(id, lon, lat, tags));
    }

    @Override
    public void way(long id, long[] nodeRefs, String[] tags) {
        add(new Way(id, nodeRefs, tags));
    }

    @Override
    public void relation(long id, OsmMember[] members, String[] tags) {
        add(new Relation(id, members, tags));
    }

    /** Waits until the store holds every element handed over; throws the store's failure, if any. */
    void finish() {
        if (!batch.isEmpty()) handOver();
        try {
            queue.put(END);
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading", e);
        }
        rethrow();
    }
}
