package nl.plektoets.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import nl.plektoets.registers.PermitStatus;
import nl.plektoets.registers.PermitType;
import nl.plektoets.registers.RoomRentalPermit;
import nl.plektoets.roomrental.StorePermits;
import nl.plektoets.store.postgis.PostgisStore;

/**
 * Several instances over one PostGIS (not a test; prints numbers): (1) how long a register write committed through
 * store A takes to reach store B's "registers changed" hook over LISTEN/NOTIFY (two stores over one database stand for
 * two instances; the time includes A's commit); (2) what the kept permits save: {@code StorePermits.active()} on a
 * listening store (kept until a change) versus one that does not listen (reads the store every time, as every
 * assessment did before), with {@value #PERMITS} permits in the register.
 *
 * <p>Needs PostgreSQL with PostGIS ({@code PLEKTOETS_BENCH_PG_URL}, default {@code jdbc:postgresql://127.0.0.1:5432/},
 * user postgres); creates and drops its own database. Run with {@code scripts/bench-instances}.
 */
public final class InstancesBenchmark {
    static final int WRITES = 200;
    static final int PERMITS = 500;
    static final int CALLS = 2_000;

    public static void main(String[] args) throws Exception {
        String server = System.getenv().getOrDefault("PLEKTOETS_BENCH_PG_URL", "jdbc:postgresql://127.0.0.1:5432/");
        String db = "plektoets_bench_" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection c = DriverManager.getConnection(server + "postgres", "postgres", null);
                Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + db);
        }
        try {
            try (Connection c = DriverManager.getConnection(server + db, "postgres", null);
                    Statement st = c.createStatement()) {
                st.execute("CREATE EXTENSION postgis");
            }
            run(server + db);
        } finally {
            try (Connection c = DriverManager.getConnection(server + "postgres", "postgres", null);
                    Statement st = c.createStatement()) {
                st.execute("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
            }
        }
    }

    private static void run(String url) throws Exception {
        try (PostgisStore a = PostgisStore.open(url, "postgres", null, Clock.systemUTC());
                PostgisStore b = PostgisStore.open(url, "postgres", null, Clock.systemUTC());
                PostgisStore deaf = PostgisStore.open(url, "postgres", null, Clock.systemUTC())) {
            b.listenToOtherWriters();
            while (!b.changes().heard()) Thread.sleep(10);

            long[] micros = new long[WRITES], afterCommit = new long[WRITES];
            for (int i = 0; i < WRITES; i++) {
                long before = b.changes().generation();
                long t0 = System.nanoTime();
                a.createPermit(permit(i), "bench");
                long committed = System.nanoTime();
                while (b.changes().generation() == before) Thread.onSpinWait();
                micros[i] = (System.nanoTime() - t0) / 1_000;
                afterCommit[i] = (System.nanoTime() - committed) / 1_000;
            }
            Arrays.sort(micros);
            Arrays.sort(afterCommit);
            System.out.printf(
                    Locale.ROOT,
                    "write through A seen by B, %d writes: from the write's start median %.2f ms, p90 %.2f ms, max %.2f"
                            + " ms; after A's commit returned median %.2f ms, p90 %.2f ms, max %.2f ms%n",
                    WRITES,
                    micros[WRITES / 2] / 1000.0,
                    micros[WRITES * 9 / 10] / 1000.0,
                    micros[WRITES - 1] / 1000.0,
                    afterCommit[WRITES / 2] / 1000.0,
                    afterCommit[WRITES * 9 / 10] / 1000.0,
                    afterCommit[WRITES - 1] / 1000.0);

            for (int i = WRITES; i < PERMITS; i++) a.createPermit(permit(i), "bench");
            StorePermits kept = new StorePermits(b), readEveryTime = new StorePermits(deaf);
            for (int warm = 0; warm < 200; warm++) {
                kept.active();
                readEveryTime.active();
            }
            System.out.printf(
                    Locale.ROOT,
                    "StorePermits.active() with %d permits, %d calls: kept (listening) median %.3f ms, read every"
                            + " time (not listening) median %.3f ms%n",
                    PERMITS,
                    CALLS,
                    median(kept),
                    median(readEveryTime));
        }
    }

    private static double median(StorePermits permits) {
        long[] nanos = new long[CALLS];
        for (int i = 0; i < CALLS; i++) {
            long t0 = System.nanoTime();
            int n = permits.active().size();
            nanos[i] = System.nanoTime() - t0;
            if (n != PERMITS) throw new IllegalStateException("expected " + PERMITS + " permits, read " + n);
        }
        Arrays.sort(nanos);
        return nanos[CALLS / 2] / 1e6;
    }

    private static RoomRentalPermit permit(int i) {
        return new RoomRentalPermit(
                0,
                0,
                null,
                "Benchstraat " + (i + 1) + ", Plekdam",
                "Benchstraat",
                "Plekdam",
                3,
                4,
                PermitStatus.APPLIED,
                PermitType.PERMANENT,
                LocalDate.parse("2026-02-01"),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }
}
