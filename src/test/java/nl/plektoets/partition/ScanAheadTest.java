package nl.plektoets.partition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import nl.plektoets.data.Role;
import nl.plektoets.geo.LayerGeometry;
import nl.plektoets.store.StoredRow;
import org.junit.jupiter.api.Test;

/** The spill's scan on its own thread: every row in order, and a failure on either side stops both. */
class ScanAheadTest {
    private static final StoredRow.Format FORMAT = new StoredRow.Format(new LayerGeometry("EPSG:28992"), true, b -> {
        throw new IllegalStateException("not decoded here");
    });

    private static StoredRow row(long id) {
        return new StoredRow(Role.BUILDING, id, new byte[0], new byte[0], "s", "i", "t", FORMAT);
    }

    @Test
    void everyRowArrivesInScanOrderOnTheCallingThread() {
        int n = ScanAhead.BATCH * ScanAhead.QUEUED * 3 + 17; // more than the queue holds, and a partial batch
        List<Long> seen = new ArrayList<>();
        Thread caller = Thread.currentThread();
        AtomicBoolean scannedElsewhere = new AtomicBoolean();
        ScanAhead.run(
                (roles, each) -> {
                    scannedElsewhere.set(Thread.currentThread() != caller);
                    assertEquals(List.of(Role.ADDRESS), roles);
                    for (long i = 0; i < n; i++) each.accept(row(i));
                },
                List.of(Role.ADDRESS),
                r -> {
                    assertSame(caller, Thread.currentThread());
                    seen.add(r.id());
                });
        assertEquals(n, seen.size());
        for (int i = 0; i < n; i++) assertEquals(i, seen.get(i));
        assertTrue(scannedElsewhere.get(), "the scan ran on a thread of its own");
    }

    @Test
    void aFailingScanIsRethrown() {
        IllegalStateException broken = new IllegalStateException("disk I/O error");
        AtomicInteger handled = new AtomicInteger();
        IllegalStateException thrown = assertThrows(
                IllegalStateException.class,
                () -> ScanAhead.run(
                        (roles, each) -> {
                            for (long i = 0; i < 5000; i++) each.accept(row(i));
                            throw broken;
                        },
                        List.of(Role.values()),
                        r -> handled.incrementAndGet()));
        assertSame(broken, thrown);
        assertTrue(handled.get() <= 5000, "a prefix of the rows at most: " + handled.get());
    }

    @Test
    void aFailingConsumerStopsTheScan() {
        AtomicBoolean scanEnded = new AtomicBoolean();
        AtomicInteger emitted = new AtomicInteger();
        RuntimeException full = new RuntimeException("No space left on device");
        RuntimeException thrown = assertThrows(
                RuntimeException.class,
                () -> ScanAhead.run(
                        (roles, each) -> {
                            try {
                                for (long i = 0; i < 10_000_000; i++) {
                                    each.accept(row(i));
                                    emitted.incrementAndGet();
                                }
                            } finally {
                                scanEnded.set(true);
                            }
                        },
                        List.of(Role.values()),
                        r -> {
                            if (r.id() == 10) throw full;
                        }));
        assertSame(full, thrown);
        assertTrue(scanEnded.get(), "the scan has ended when run returns");
        assertTrue(
                emitted.get() <= ScanAhead.BATCH * (ScanAhead.QUEUED + 2),
                "the scan stopped at a hand-over, not at the end: " + emitted.get());
    }
}
