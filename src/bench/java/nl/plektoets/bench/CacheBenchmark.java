package nl.plektoets.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;
import nl.plektoets.data.Dataset;
import nl.plektoets.data.ImportProgress;
import nl.plektoets.data.Role;
import nl.plektoets.data.directory.DataDirectory;
import nl.plektoets.data.directory.DatasetCache;
import nl.plektoets.store.embedded.GeoPackageStore;

/**
 * Layer-load benchmark (not a test; prints medians): a data directory's layers read from its import cache
 * ({@link DatasetCache}, {@code cache/dataset.bin}) versus from the embedded GeoPackage store
 * ({@link GeoPackageStore#loadDataset}), the question of issue 15: is the GeoPackage within 2x of the cache?
 *
 * <p>Arguments: data directories or OSM files (an OSM file gets a temporary data directory that links to it). The
 * first load imports the sources and writes the cache; the GeoPackage is filled from the same dataset in a temporary
 * directory. Then each path is loaded once to warm up and 7 times (or -Druns) alternately, each run checked for the
 * full feature count. Run with {@code scripts/bench-cache [DIR-OR-OSM-FILE ...]}.
 */
public final class CacheBenchmark {
    static final int RUNS = Integer.getInteger("runs", 7);

    public static void main(String[] args) throws Exception {
        String[] inputs = args.length > 0 ? args : new String[] {"../shared/data/osm/north-bayreuth.osm.gz"};
        for (String input : inputs) run(Path.of(input));
    }

    private static void run(Path input) throws IOException {
        Path temp = Files.createTempDirectory("plektoets-cache-bench");
        try {
            Path dataDir = Files.isDirectory(input) ? input : linkedDataDir(input, temp);
            long t0 = System.nanoTime();
            Dataset dataset = DataDirectory.load(dataDir, null, ImportProgress.NONE);
            System.out.printf(
                    Locale.ROOT,
                    "%s: %,d features in %s; first load (import or cache) %.0f ms%n",
                    input,
                    dataset.size(),
                    dataset.info().workingCrs(),
                    ms(t0));
            Path cacheFile = DatasetCache.file(dataDir);
            if (!Files.exists(cacheFile)) throw new IllegalStateException("no cache was written to " + cacheFile);

            try (GeoPackageStore store = GeoPackageStore.open(temp.resolve("store"), Clock.systemUTC())) {
                long ti = System.nanoTime();
                store.importLayers(dataset);
                System.out.printf(
                        Locale.ROOT,
                        "  sizes: cache %.1f MB, GeoPackage %.1f MB (its import %.0f ms)%n",
                        mb(cacheFile),
                        mb(store.file()) + mb(Path.of(store.file() + "-wal")),
                        ms(ti));
                int expected = dataset.size();
                dataset = null; // the two loads below must not compete with a third copy for the heap
                time(() -> check(DatasetCache.read(dataDir).orElseThrow(), expected));
                time(() -> check(fromStore(store, dataDir), expected));
                double[] cache = new double[RUNS];
                double[] gpkg = new double[RUNS];
                double[] rows = new double[RUNS];
                for (int i = 0; i < RUNS; i++) {
                    cache[i] = time(() -> check(DatasetCache.read(dataDir).orElseThrow(), expected));
                    gpkg[i] = time(() -> check(fromStore(store, dataDir), expected));
                    rows[i] = time(() -> {
                        if (rawRows(store.file()) != expected) throw new IllegalStateException("row count");
                    });
                }
                double ratio = median(gpkg) / median(cache);
                System.out.printf(
                        Locale.ROOT,
                        "  layer load, median of %d: cache %.0f ms, GeoPackage %.0f ms; "
                                + "GeoPackage/cache %.2f (%s 2x)%n  runs: cache %s ms, GeoPackage %s ms%n",
                        RUNS,
                        median(cache),
                        median(gpkg),
                        ratio,
                        ratio <= 2 ? "within" : "NOT within",
                        Arrays.toString(round(cache)),
                        Arrays.toString(round(gpkg)));
                System.out.printf(
                        Locale.ROOT,
                        "  GeoPackage rows alone (SQLite reads every column, nothing decoded): "
                                + "median %.0f ms = %.2f x cache, %.0f%% of the GeoPackage load%n",
                        median(rows),
                        median(rows) / median(cache),
                        100 * median(rows) / median(gpkg));
            }
        } finally {
            try (Stream<Path> files = Files.walk(temp)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
            }
        }
    }

    /**
     * The store's layers, plus what a cache in the store would also have to do at every start: compute the data
     * directory's fingerprint (which {@link DatasetCache#read(Path)} includes) to see whether it is fresh.
     */
    private static Dataset fromStore(GeoPackageStore store, Path dataDir) {
        DataDirectory.fingerprint(dataDir);
        return store.loadDataset().orElseThrow();
    }

    /**
     * The floor of any GeoPackage load with one row per feature: every layer table's rows fetched and each column's
     * value taken (bytes and strings), without decoding geometry or parsing the attribute JSON. Returns the row count.
     */
    private static int rawRows(Path gpkg) {
        int n = 0;
        long touched = 0;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + gpkg);
                Statement st = c.createStatement()) {
            for (Role role : Role.values()) {
                try (ResultSet rs =
                        st.executeQuery("SELECT feature_id, attributes, source, source_id, source_tag, geom "
                                + "FROM layer_" + role.id() + " ORDER BY fid")) {
                    while (rs.next()) {
                        touched += rs.getLong(1)
                                + rs.getString(2).length()
                                + rs.getString(3).length()
                                + rs.getString(4).length()
                                + rs.getString(5).length()
                                + rs.getBytes(6).length;
                        n++;
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return touched > 0 ? n : -1;
    }

    /** A data directory in {@code temp} whose only source is a link to {@code osm} (the data is not copied). */
    private static Path linkedDataDir(Path osm, Path temp) throws IOException {
        Path dir = Files.createDirectory(temp.resolve("data"));
        Files.createSymbolicLink(dir.resolve(osm.getFileName()), osm.toAbsolutePath());
        return dir;
    }

    private static void check(Dataset loaded, int expected) {
        if (loaded.size() != expected) {
            throw new IllegalStateException("loaded " + loaded.size() + " features, expected " + expected);
        }
    }

    private static double time(Runnable r) {
        System.gc(); // the previous run's dataset is garbage now: collect it outside the timed part
        long t = System.nanoTime();
        r.run();
        return ms(t);
    }

    private static double ms(long since) {
        return (System.nanoTime() - since) / 1e6;
    }

    private static double mb(Path f) throws IOException {
        return Files.exists(f) ? Files.size(f) / 1e6 : 0;
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static long[] round(double[] v) {
        return Arrays.stream(v).mapToLong(Math::round).toArray();
    }
}
