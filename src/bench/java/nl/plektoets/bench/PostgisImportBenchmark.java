package nl.plektoets.bench;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.plektoets.data.Role;
import nl.plektoets.store.embedded.GeoPackageStore;
import nl.plektoets.store.postgis.PostgisStore;

/**
 * The PostGIS layer import at scale (not a test; {@code scripts/bench-import-postgis} runs it): {@code import DB DIR}
 * streams the layer set of DIR/plektoets.gpkg (e.g. the national test set) into a fresh database DB through
 * {@link PostgisStore#importLayers}, role by role as {@code plektoets import --db} hands a dataset over, and prints wall
 * time, the JVM's CPU time, the CPU time of the database's server processes (its backends, from /proc: the server runs
 * on this machine) and the load; {@code digest DB} hashes every stored layer row; {@code createdb DB} / {@code dropdb DB}
 * make and remove the database (with PostGIS).
 */
public final class PostgisImportBenchmark {
    private static final String SERVER =
            System.getenv().getOrDefault("PLEKTOETS_BENCH_PG_URL", "jdbc:postgresql://127.0.0.1:5432/");
    private static final String USER = System.getenv().getOrDefault("PLEKTOETS_BENCH_PG_USER", "postgres");

    private PostgisImportBenchmark() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: PostgisImportBenchmark createdb DB | dropdb DB | import DB DIR | digest DB");
            System.exit(2);
        }
        String db = args[1];
        switch (args[0]) {
            case "createdb" -> {
                try (Connection c = DriverManager.getConnection(SERVER + "postgres", USER, null);
                        Statement st = c.createStatement()) {
                    st.execute("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
                    st.execute("CREATE DATABASE " + db);
                }
                try (Connection c = DriverManager.getConnection(SERVER + db, USER, null);
                        Statement st = c.createStatement()) {
                    st.execute("CREATE EXTENSION postgis");
                }
            }
            case "dropdb" -> {
                try (Connection c = DriverManager.getConnection(SERVER + "postgres", USER, null);
                        Statement st = c.createStatement()) {
                    st.execute("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
                }
            }
            case "import" ->
                importSet(
                        db,
                        Path.of(args[2]),
                        args.length > 3 ? args[3] : "",
                        List.of(args).contains("--gist-after"));
            case "digest" -> System.out.println("digest   " + digest(db) + "  " + db);
            default -> throw new IllegalArgumentException("unknown step " + args[0]);
        }
    }

    /**
     * With {@code gistAfter} the layer tables' GiST indexes are dropped before the import and built after it (then
     * each table analysed), each step timed on its own: what maintaining the indexes during the load costs.
     */
    private static void importSet(String db, Path dir, String label, boolean gistAfter) throws Exception {
        try (GeoPackageStore source = GeoPackageStore.open(dir, Clock.systemUTC());
                PostgisStore store = PostgisStore.open(SERVER + db, USER, null, Clock.systemUTC())) {
            if (gistAfter) {
                sql(db, role -> "DROP INDEX layer_" + role + "_geom");
                label += "-nogist";
            }
            var info = source.layerSet().orElseThrow();
            var set = source.scanLayers(List.of(), f -> {}).orElseThrow();
            Map<Integer, Long> server0 = serverTicks(db);
            long t0 = System.nanoTime();
            long cpu0 = NationalBenchmark.cpuNanos();
            store.importLayers(set, sink -> source.scanLayers(List.of(Role.values()), sink));
            double wall = (System.nanoTime() - t0) / 1e9;
            double cpu = (NationalBenchmark.cpuNanos() - cpu0) / 1e9;
            Map<Integer, Long> server1 = serverTicks(db);
            long ticks = 0;
            for (var e : server1.entrySet()) ticks += e.getValue() - server0.getOrDefault(e.getKey(), 0L);
            double serverCpu = ticks / 100.0; // USER_HZ
            long features = store.layerSet().orElseThrow().featureCount();
            System.out.printf(
                    Locale.ROOT,
                    "%-9s %,10d features  wall %6.1f s  jvm cpu %6.1f s  server cpu %6.1f s  %,8.0f features/s wall"
                            + "  (%d cores, load %.1f)%n",
                    label,
                    features,
                    wall,
                    cpu,
                    serverCpu,
                    features / wall,
                    Runtime.getRuntime().availableProcessors(),
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            if (features != info.featureCount()) {
                throw new IllegalStateException("stored " + features + " features of " + info.featureCount());
            }
            if (gistAfter) {
                timed(
                        db,
                        "CREATE INDEX (GiST, every layer)",
                        role -> "CREATE INDEX layer_" + role + "_geom ON layer_" + role + " USING gist (geom)");
                timed(db, "ANALYZE (every layer)", role -> "ANALYZE layer_" + role);
            }
        }
    }

    private static void timed(String db, String what, java.util.function.Function<String, String> statement)
            throws Exception {
        try (Connection c = DriverManager.getConnection(SERVER + db, USER, null);
                Statement st = c.createStatement()) {
            Map<Integer, Long> server0 = serverTicks(db);
            long t0 = System.nanoTime();
            for (Role r : Role.values()) st.execute(statement.apply(r.id()));
            double wall = (System.nanoTime() - t0) / 1e9;
            Map<Integer, Long> server1 = serverTicks(db); // before the connection (and its backend) ends
            long ticks = 0;
            for (var e : server1.entrySet()) ticks += e.getValue() - server0.getOrDefault(e.getKey(), 0L);
            System.out.printf(
                    Locale.ROOT,
                    "  then %s: wall %.1f s  server cpu %.1f s  (load %.1f)%n",
                    what,
                    wall,
                    ticks / 100.0,
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    /** One statement per layer table on one connection kept open for all (its backend is counted). */
    private static void sql(String db, java.util.function.Function<String, String> statement) throws SQLException {
        try (Connection c = DriverManager.getConnection(SERVER + db, USER, null);
                Statement st = c.createStatement()) {
            for (Role r : Role.values()) st.execute(statement.apply(r.id()));
        }
    }

    /** utime + stime (clock ticks) of every server process connected to this database, by pid. */
    private static Map<Integer, Long> serverTicks(String db) throws Exception {
        Map<Integer, Long> out = new HashMap<>();
        try (Connection c = DriverManager.getConnection(SERVER + "postgres", USER, null);
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT pid FROM pg_stat_activity WHERE datname = '" + db + "'")) {
            while (rs.next()) {
                int pid = rs.getInt(1);
                try {
                    String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    out.put(pid, Long.parseLong(f[11]) + Long.parseLong(f[12]));
                } catch (java.io.IOException gone) {
                    // ended meanwhile
                }
            }
        }
        return out;
    }

    /**
     * Every row of every layer table in fid order (fid, EWKB, feature id, name, the jsonb's canonical text,
     * provenance) and the set row without its import time, as one SHA-256.
     */
    static String digest(String db) throws SQLException, java.security.NoSuchAlgorithmException {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        try (Connection c = DriverManager.getConnection(SERVER + db, USER, null)) {
            c.setAutoCommit(false);
            List<String> queries = new java.util.ArrayList<>(
                    List.of("SELECT name, fictitious, sources::text, working_crs, feature_count FROM layer_set"));
            for (Role r : Role.values()) {
                queries.add("SELECT fid, ST_AsEWKB(geom), feature_id, name, attributes::text, source, source_id,"
                        + " source_tag, pg_column_size(geom) FROM layer_" + r.id() + " ORDER BY fid");
            }
            for (String q : queries) {
                md.update(q.getBytes(StandardCharsets.UTF_8));
                try (Statement st = c.createStatement()) {
                    st.setFetchSize(10_000);
                    try (ResultSet rs = st.executeQuery(q)) {
                        int n = rs.getMetaData().getColumnCount();
                        while (rs.next()) {
                            for (int i = 1; i <= n; i++) {
                                Object v = rs.getObject(i);
                                if (v instanceof byte[] b) md.update(b);
                                else md.update(String.valueOf(v).getBytes(StandardCharsets.UTF_8));
                                md.update((byte) 0);
                            }
                        }
                    }
                }
            }
        }
        return HexFormat.of().formatHex(md.digest()).substring(0, 16);
    }
}
