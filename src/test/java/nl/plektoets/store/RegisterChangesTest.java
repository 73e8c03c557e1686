package nl.plektoets.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import nl.plektoets.registers.RegisterChanges;
import nl.plektoets.registers.RegisterSnapshot;
import nl.plektoets.store.embedded.GeoPackageStore;
import nl.plektoets.store.postgis.PostgisStore;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "The registers changed" (issue 17): a store hears its own writes at once, a PostGIS store hears the writes of
 * another store (another instance) over the same database through LISTEN/NOTIFY within seconds and ignores another
 * schema's, and a lost LISTEN connection makes kept values read through until it is back, then drops them once.
 * Real PostgreSQL; waits are polls against a deadline.
 */
class RegisterChangesTest {
    static final long DEADLINE_MS = 5_000;

    @TempDir
    Path temp;

    /** A snapshot of the number of permits that counts its reads of the store. */
    record Counted(RegisterSnapshot<Integer> snapshot, AtomicInteger reads) {
        static Counted over(Store store) {
            AtomicInteger reads = new AtomicInteger();
            return new Counted(
                    new RegisterSnapshot<>(store.changes(), () -> {
                        reads.incrementAndGet();
                        return store.permits(null, null).size();
                    }),
                    reads);
        }

        int get() {
            return snapshot.get();
        }
    }

    @Test
    void anotherInstancesWriteIsHeardWithinSecondsAndOwnWritesAtOnce() throws Exception {
        String url = TestPostgis.freshSchemaUrl();
        try (PostgisStore a = PostgisStore.open(url, TestPostgis.USER, null, Clock.systemUTC());
                PostgisStore b = PostgisStore.open(url, TestPostgis.USER, null, Clock.systemUTC());
                PostgisStore elsewhere =
                        PostgisStore.open(TestPostgis.freshSchemaUrl(), TestPostgis.USER, null, Clock.systemUTC())) {
            Counted inA = Counted.over(a), inB = Counted.over(b);
            assertFalse(b.changes().heard(), "not listening yet: nothing may be kept");
            assertEquals(0, inB.get());
            assertEquals(0, inB.get());
            assertEquals(2, inB.reads().get(), "a store that does not listen reads every time");

            for (PostgisStore s : List.of(a, b, elsewhere)) s.listenToOtherWriters();
            await(
                    () -> a.changes().heard()
                            && b.changes().heard()
                            && elsewhere.changes().heard(),
                    "listening");
            List<String> heardByB = new CopyOnWriteArrayList<>();
            b.changes().subscribe(heardByB::add);
            int readsBefore = inB.reads().get();
            assertEquals(0, inB.get());
            assertEquals(0, inB.get());
            assertEquals(0, inA.get());
            assertEquals(readsBefore + 1, inB.reads().get(), "kept while nothing changes");
            long elsewhereBefore = elsewhere.changes().generation();

            a.createPermit(StoreContractTest.permit("Jachthuisweg", 4), "planner");
            assertEquals(1, inA.get(), "the writing store drops its kept value before the write returns");
            await(() -> inB.get() == 1, "B sees A's write");
            assertTrue(heardByB.contains("room_rental_permit"), heardByB.toString());
            assertEquals(elsewhereBefore, elsewhere.changes().generation(), "another schema is another store");
        }
    }

    @Test
    void theEmbeddedStoreHearsEveryChangeItself() {
        try (Store store = GeoPackageStore.open(temp, Clock.systemUTC())) {
            Counted counted = Counted.over(store);
            assertTrue(store.changes().heard());
            assertEquals(0, counted.get());
            assertEquals(0, counted.get());
            assertEquals(1, counted.reads().get());
            store.createPermit(StoreContractTest.permit("Jachthuisweg", 4), "planner");
            assertEquals(1, counted.get());
            assertEquals(2, counted.reads().get());
        }
    }

    @Test
    @Tag("slow")
    void aLostListenerReconnectsAndDropsEveryKeptValueOnce() throws Exception {
        String db = TestPostgis.createDatabase();
        try (PostgisStore store = PostgisStore.open(TestPostgis.url(db), TestPostgis.USER, null, Clock.systemUTC())) {
            store.listenToOtherWriters();
            await(() -> store.changes().heard(), "listening");
            AtomicInteger dropped = new AtomicInteger();
            store.changes().subscribe(r -> {
                if (r.equals(RegisterChanges.ALL)) dropped.incrementAndGet();
            });
            Counted counted = Counted.over(store);
            assertEquals(0, counted.get());
            assertEquals(0, counted.get());
            assertEquals(1, counted.reads().get());

            outage(db, true); // a PostgreSQL restart, as the server's clients see it
            await(() -> !store.changes().heard(), "deaf once the connection is gone");
            outage(db, false);
            await(() -> store.changes().heard(), "listening again");
            assertEquals(1, dropped.get(), "every cache dropped once on reconnecting");
            // the pool may still hand out a connection the outage killed (503 to a request); the next one is fresh
            int value = -1;
            for (int attempt = 0; attempt < 10 && value < 0; attempt++) {
                try {
                    value = counted.get();
                } catch (StoreUnavailableException e) {
                    Thread.sleep(100);
                }
            }
            assertEquals(0, value);
            assertTrue(counted.reads().get() >= 2, "the kept value was dropped, so read again");

            // and it hears writes again: another store over the same database writes
            try (PostgisStore other =
                    PostgisStore.open(TestPostgis.url(db), TestPostgis.USER, null, Clock.systemUTC())) {
                other.createPermit(StoreContractTest.permit("Jachthuisweg", 4), "planner");
            }
            await(() -> counted.get() == 1, "a write after the reconnect is heard");
        } finally {
            TestPostgis.dropQuietly(db);
        }
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + DEADLINE_MS * 1_000_000;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError(what + ": not within " + DEADLINE_MS + " ms");
            Thread.sleep(20);
        }
    }

    /** Takes the database away from (or gives it back to) every client, as {@code web.PostgisOutageTest} does. */
    private static void outage(String db, boolean down) throws Exception {
        try (Connection c = TestPostgis.server();
                Statement st = c.createStatement()) {
            st.execute("ALTER DATABASE " + db + " ALLOW_CONNECTIONS " + !down);
            if (down) {
                st.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + db + "'");
            }
        }
    }
}
