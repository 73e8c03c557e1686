package nl.plektoets.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import nl.plektoets.data.Dataset;
import nl.plektoets.data.Feature;
import nl.plektoets.data.ImportProgress;
import nl.plektoets.data.Role;
import nl.plektoets.data.osm.OsmImport;
import nl.plektoets.data.osm.OsmImportOptions;
import nl.plektoets.geo.LayerGeometry;
import nl.plektoets.store.Store;
import nl.plektoets.store.embedded.GeoPackageStore;
import nl.plektoets.store.postgis.PostgisStore;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.io.WKBWriter;
import org.locationtech.jts.operation.distance.IndexedFacetDistance;

/**
 * Store benchmark (not a test; prints medians): (1) loading the north-bayreuth layer set from PostGIS versus from the
 * GeoPackage file; (2) a location-class style query for 100,000 points, "inside a farmyard (agricultural plot)" and
 * "within 100 m of an industrial area (business park)", done in memory (JTS STRtree + prepared geometries) versus in
 * PostGIS (ST_Intersects / ST_DWithin on GiST-indexed tables), as one set query and as one query per point.
 *
 * <p>Needs PostgreSQL with PostGIS ({@code PLEKTOETS_BENCH_PG_URL}, default {@code jdbc:postgresql://127.0.0.1:5432/},
 * user postgres); creates and drops its own database. Run with {@code scripts/bench-store [OSM-FILE]}.
 */
public final class StoreBenchmark {
    static final int POINTS = 100_000;
    static final int SINGLE_QUERIES = 2_000;
    static final double NEAR_M = 100;
    static final int RUNS = 5;

    public static void main(String[] args) throws Exception {
        Path osm = Path.of(args.length > 0 ? args[0] : "../shared/data/osm/north-bayreuth.osm.gz");
        String server = System.getenv().getOrDefault("PLEKTOETS_BENCH_PG_URL", "jdbc:postgresql://127.0.0.1:5432/");
        String db = "plektoets_bench_" + UUID.randomUUID().toString().substring(0, 8);

        long t0 = System.nanoTime();
        Dataset dataset = OsmImport.read(osm, OsmImportOptions.defaults(), ImportProgress.NONE);
        System.out.printf(
                Locale.ROOT,
                "import %s: %d features in %s, %.0f ms (OSM parse, not a store number)%n",
                osm.getFileName(),
                dataset.size(),
                dataset.info().workingCrs(),
                ms(t0));

        try (Connection admin = DriverManager.getConnection(server + "postgres", "postgres", null);
                Statement st = admin.createStatement()) {
            st.execute("CREATE DATABASE " + db);
        }
        Path dir = Files.createTempDirectory("plektoets-bench");
        try {
            try (Connection c = DriverManager.getConnection(server + db, "postgres", null);
                    Statement st = c.createStatement()) {
                st.execute("CREATE EXTENSION postgis");
            }
            run(dataset, server + db, dir);
        } finally {
            try (Connection admin = DriverManager.getConnection(server + "postgres", "postgres", null);
                    Statement st = admin.createStatement()) {
                st.execute("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
            }
            try (var files = Files.list(dir)) {
                for (Path p : files.toList()) Files.deleteIfExists(p);
            }
            Files.deleteIfExists(dir);
        }
    }

    private static void run(Dataset dataset, String url, Path dir) throws Exception {
        try (Store pg = PostgisStore.open(url, "postgres", null, Clock.systemUTC());
                Store gpkg = GeoPackageStore.open(dir, Clock.systemUTC())) {
            double pgImport = time(() -> pg.importLayers(dataset));
            double gpkgImport = time(() -> gpkg.importLayers(dataset));
            System.out.printf(
                    Locale.ROOT,
                    "store import (one transaction): PostGIS %.0f ms, GeoPackage %.0f ms%n",
                    pgImport,
                    gpkgImport);
            double[] pgLoad = new double[RUNS];
            double[] gpkgLoad = new double[RUNS];
            for (int i = 0; i < RUNS; i++) {
                pgLoad[i] = time(() -> check(pg.loadDataset().orElseThrow(), dataset));
                gpkgLoad[i] = time(() -> check(gpkg.loadDataset().orElseThrow(), dataset));
            }
            System.out.printf(
                    Locale.ROOT,
                    "layer load, median of %d: PostGIS %.0f ms, GeoPackage %.0f ms, "
                            + "ratio PostGIS/GeoPackage %.2f%n",
                    RUNS,
                    median(pgLoad),
                    median(gpkgLoad),
                    median(pgLoad) / median(gpkgLoad));
        }
        locationQuery(dataset, url);
    }

    private static void check(Dataset loaded, Dataset imported) {
        if (loaded.size() != imported.size()) {
            throw new IllegalStateException("loaded " + loaded.size() + " features, imported " + imported.size());
        }
    }

    // ---- location-class query ----

    private static void locationQuery(Dataset dataset, String url) throws Exception {
        List<Feature> farms = dataset.layer(Role.AGRICULTURAL_PLOT);
        List<Feature> industry = dataset.layer(Role.BUSINESS_PARK);
        Envelope extent = dataset.extent();
        Random random = new Random(42);
        Point[] points = new Point[POINTS];
        var factory = dataset.layer(Role.ROAD).get(0).geometry().getFactory();
        for (int i = 0; i < POINTS; i++) {
            points[i] = factory.createPoint(new Coordinate(
                    extent.getMinX() + random.nextDouble() * extent.getWidth(),
                    extent.getMinY() + random.nextDouble() * extent.getHeight()));
        }
        System.out.printf(
                Locale.ROOT,
                "location query: %d points over %.1f x %.1f km, %d farmyards, %d industrial "
                        + "areas, near = within %.0f m%n",
                POINTS,
                extent.getWidth() / 1000,
                extent.getHeight() / 1000,
                farms.size(),
                industry.size(),
                NEAR_M);

        // in memory: built once per dataset (as the engine does at load), then queried
        long tb = System.nanoTime();
        STRtree farmTree = new STRtree();
        for (Feature f : farms)
            farmTree.insert(f.geometry().getEnvelopeInternal(), PreparedGeometryFactory.prepare(f.geometry()));
        STRtree industryTree = new STRtree();
        for (Feature f : industry) industryTree.insert(f.geometry().getEnvelopeInternal(), new Near(f.geometry()));
        farmTree.build();
        industryTree.build();
        double build = ms(tb);
        int[] memCounts = new int[2];
        double[] mem = new double[RUNS];
        for (int r = 0; r < RUNS; r++) {
            mem[r] = time(() -> {
                int inFarm = 0;
                int near = 0;
                for (Point p : points) {
                    if (inFarmyard(farmTree, p)) inFarm++;
                    if (nearIndustry(industryTree, p)) near++;
                }
                memCounts[0] = inFarm;
                memCounts[1] = near;
            });
        }

        // PostGIS: the same points in a GiST-indexed table next to the stored layers (RD New, as the layers)
        LayerGeometry crs = new LayerGeometry(dataset.info().workingCrs());
        int[] sqlCounts = new int[2];
        double[] sql = new double[RUNS];
        double[] single = new double[RUNS];
        try (Connection c = DriverManager.getConnection(url, "postgres", null)) {
            try (Statement st = c.createStatement()) {
                st.execute("CREATE TABLE bench_points (id integer PRIMARY KEY, geom geometry(Point, 28992) NOT NULL)");
            }
            WKBWriter wkb = new WKBWriter(2);
            c.setAutoCommit(false);
            try (PreparedStatement ins =
                    c.prepareStatement("INSERT INTO bench_points VALUES (?, ST_GeomFromWKB(?, 28992))")) {
                for (int i = 0; i < POINTS; i++) {
                    ins.setInt(1, i);
                    ins.setBytes(2, wkb.write(crs.toStorage(points[i])));
                    ins.addBatch();
                    if (i % 5000 == 4999) ins.executeBatch();
                }
                ins.executeBatch();
            }
            c.commit();
            c.setAutoCommit(true);
            try (Statement st = c.createStatement()) {
                st.execute("CREATE INDEX bench_points_geom ON bench_points USING gist (geom)");
                st.execute("ANALYZE");
            }
            String setQuery = "SELECT count(*) FILTER (WHERE farm), count(*) FILTER (WHERE near) FROM (SELECT "
                    + "EXISTS (SELECT 1 FROM layer_agricultural_plot a WHERE ST_Intersects(a.geom, p.geom)) AS farm, "
                    + "EXISTS (SELECT 1 FROM layer_business_park b WHERE ST_DWithin(b.geom, p.geom, " + NEAR_M
                    + ")) AS near "
                    + "FROM bench_points p) q";
            for (int r = 0; r < RUNS; r++) {
                sql[r] = time(() -> {
                    try (Statement st = c.createStatement();
                            ResultSet rs = st.executeQuery(setQuery)) {
                        rs.next();
                        sqlCounts[0] = rs.getInt(1);
                        sqlCounts[1] = rs.getInt(2);
                    }
                });
            }
            // one round trip per point, as a request-time lookup would do
            try (PreparedStatement one = c.prepareStatement("SELECT "
                    + "EXISTS (SELECT 1 FROM layer_agricultural_plot a WHERE ST_Intersects(a.geom, g)), "
                    + "EXISTS (SELECT 1 FROM layer_business_park b WHERE ST_DWithin(b.geom, g, " + NEAR_M + ")) "
                    + "FROM (SELECT ST_GeomFromWKB(?, 28992) AS g) s")) {
                for (int r = 0; r < RUNS; r++) {
                    single[r] = time(() -> {
                        for (int i = 0; i < SINGLE_QUERIES; i++) {
                            one.setBytes(1, wkb.write(crs.toStorage(points[i])));
                            try (ResultSet rs = one.executeQuery()) {
                                rs.next();
                            }
                        }
                    });
                }
            }
        }
        double memMedian = median(mem);
        double sqlMedian = median(sql);
        double singleMedian = median(single) / SINGLE_QUERIES * POINTS;
        System.out.printf(
                Locale.ROOT,
                "in memory (STRtree + prepared, index build %.0f ms once): median %.0f ms for %d "
                        + "points = %.2f µs/point; in farmyard %d, near industry %d%n",
                build,
                memMedian,
                POINTS,
                memMedian * 1000 / POINTS,
                memCounts[0],
                memCounts[1]);
        System.out.printf(
                Locale.ROOT,
                "PostGIS set query (GiST): median %.0f ms for %d points = %.2f µs/point; in "
                        + "farmyard %d, near industry %d%n",
                sqlMedian,
                POINTS,
                sqlMedian * 1000 / POINTS,
                sqlCounts[0],
                sqlCounts[1]);
        System.out.printf(
                Locale.ROOT,
                "PostGIS one query per point: median %.0f ms per %d queries = %.1f µs/point "
                        + "(%.0f ms extrapolated to %d)%n",
                median(single),
                SINGLE_QUERIES,
                median(single) * 1000 / SINGLE_QUERIES,
                singleMedian,
                POINTS);
        System.out.printf(
                Locale.ROOT,
                "ratio PostGIS set query / in memory: %.1f; one query per point / in memory: %.0f%n",
                sqlMedian / memMedian,
                singleMedian / memMedian);
        if (memCounts[0] != sqlCounts[0] || memCounts[1] != sqlCounts[1]) {
            System.out.println("(counts differ slightly: the layers are stored in RD New, whose scale far from the "
                    + "Netherlands is ~0.14% off the UTM working CRS, so points right at 100 m can fall either side)");
        }
    }

    private static boolean inFarmyard(STRtree tree, Point p) {
        for (Object o : tree.query(p.getEnvelopeInternal())) {
            if (((PreparedGeometry) o).intersects(p)) return true;
        }
        return false;
    }

    private static boolean nearIndustry(STRtree tree, Point p) {
        Envelope search = p.getEnvelopeInternal();
        search.expandBy(NEAR_M);
        for (Object o : tree.query(search)) {
            if (((Near) o).within(p)) return true;
        }
        return false;
    }

    /** Inside (prepared intersects) or within the distance of the boundary (indexed facet distance). */
    private record Near(PreparedGeometry area, IndexedFacetDistance boundary) {
        Near(org.locationtech.jts.geom.Geometry g) {
            this(PreparedGeometryFactory.prepare(g), new IndexedFacetDistance(g));
        }

        boolean within(Point p) {
            return area.intersects(p) || boundary.isWithinDistance(p, NEAR_M);
        }
    }

    // ---- timing ----

    @FunctionalInterface
    interface Work {
        void run() throws Exception;
    }

    static double time(Work w) throws Exception {
        long t = System.nanoTime();
        w.run();
        return ms(t);
    }

    static double ms(long t0) {
        return (System.nanoTime() - t0) / 1e6;
    }

    static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
