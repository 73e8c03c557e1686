package nl.plektoets.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.plektoets.assess.Assessor;
import nl.plektoets.cli.AssessAllBatch;
import nl.plektoets.cli.Main;
import nl.plektoets.criteria.HousedPersons;
import nl.plektoets.criteria.NeighboursCriterion;
import nl.plektoets.criteria.NoReachNetworkCriterion;
import nl.plektoets.criteria.SpreadCriterion;
import nl.plektoets.data.Dataset;
import nl.plektoets.data.ImportProgress;
import nl.plektoets.policy.PolicyProfile;
import nl.plektoets.roomrental.RoomRentalPermits;
import nl.plektoets.roomrental.RoomRentalRules;
import nl.plektoets.roomrental.RoomRentalStreetCriterion;
import nl.plektoets.store.embedded.GeoPackageStore;

/**
 * The national batch's benchmark (not a test; {@code scripts/bench-national} runs each step in its own JVM so peak
 * heap and RSS are the step's own): {@code generate DIR ADDRESSES MUNICIPALITIES SEED} (the test set into
 * DIR/plektoets.gpkg, i.e. the import), {@code stream DIR OUT.csv} ({@code assess-all --partition-by town}) and
 * {@code memory DIR OUT.csv} (today's in-memory path: the whole stored set loaded, one engine, the same batch
 * writer). Each prints wall time, process CPU time, addresses per second, peak heap and peak RSS on one line.
 */
public final class NationalBenchmark {
    private NationalBenchmark() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: NationalBenchmark generate DIR ADDRESSES MUNICIPALITIES SEED | stream DIR OUT"
                    + " | memory DIR OUT | digest DIR");
            System.exit(2);
        }
        String step = args[0];
        Path dir = Path.of(args[1]);
        long t0 = System.nanoTime();
        long cpu0 = cpuNanos();
        long addresses;
        switch (step) {
            case "generate" -> {
                addresses = Long.parseLong(args[2]);
                run(
                        "demo",
                        "--out",
                        dir.toString(),
                        "--addresses",
                        args[2],
                        "--municipalities",
                        args[3],
                        "--seed",
                        args[4]);
            }
            case "stream" -> {
                run("assess-all", "--data", dir.toString(), "--out", args[2], "--partition-by", "town");
                addresses = Files.lines(Path.of(args[2])).count() - 1;
            }
            case "memory" -> addresses = memory(dir, Path.of(args[2]));
            case "digest" -> {
                System.out.println("digest   " + digest(dir.resolve(GeoPackageStore.FILE_NAME)) + "  " + dir);
                return;
            }
            default -> throw new IllegalArgumentException("unknown step " + step);
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        double cpu = (cpuNanos() - cpu0) / 1e9;
        System.out.printf(
                Locale.ROOT,
                "%-8s %,11d addresses  wall %7.1f s  cpu %7.1f s  %,8.0f addr/s wall  %,8.0f addr/cpu-s  peak heap"
                        + " %,6d MB  peak RSS %,6d MB  (max heap %,d MB, %d cores, load %.1f)%n",
                step,
                addresses,
                wall,
                cpu,
                addresses / wall,
                addresses / cpu,
                peakHeapBytes() >> 20,
                peakRssKb() >> 10,
                Runtime.getRuntime().maxMemory() >> 20,
                Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static void run(String... args) {
        int code = new Main(System.err, System.err, Map.of()).run(args);
        if (code != Main.OK) throw new IllegalStateException("plektoets " + String.join(" ", args) + ": exit " + code);
    }

    /**
     * Today's path at this size: the whole stored set in one heap and one engine with the criteria assess-all builds
     * over an empty register and no network (the generated set has none), written by the same batch writer.
     */
    private static long memory(Path dir, Path out) throws Exception {
        PolicyProfile profile = PolicyProfile.load(null);
        Dataset dataset;
        try (GeoPackageStore store = GeoPackageStore.open(dir, Clock.systemUTC())) {
            dataset = store.loadDataset().orElseThrow();
        }
        Assessor assessor = new Assessor(
                dataset,
                profile,
                List.of(
                        new NoReachNetworkCriterion(),
                        new RoomRentalStreetCriterion(
                                RoomRentalRules.of(dataset, profile.roomRental()), RoomRentalPermits.NONE),
                        new SpreadCriterion(HousedPersons.NONE),
                        new NeighboursCriterion()));
        AssessAllBatch batch =
                new AssessAllBatch(assessor, List.of(), nl.plektoets.request.HousingForm.ROOM_RENTAL, 4, false);
        return batch.writeFile(
                        out, AssessAllBatch.Format.CSV, Runtime.getRuntime().availableProcessors(), ImportProgress.NONE)
                .addresses();
    }

    /**
     * What the store holds, as one SHA-256: every row of every layer table (fid, geometry blob, feature id, name,
     * attributes, provenance), the layers' extents and the set's description (not its import time). The attribute
     * JSON is compared with its keys sorted: a feature's attribute map iterates in an order that changes from one
     * JVM to the next (Map.copyOf), so two runs of the same code store the same object in different key orders.
     */
    static String digest(Path gpkg) throws Exception {
        java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper()
                .configure(com.fasterxml.jackson.databind.SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
        com.fasterxml.jackson.core.type.TypeReference<java.util.TreeMap<String, Object>> map =
                new com.fasterxml.jackson.core.type.TypeReference<>() {};
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + gpkg);
                java.sql.Statement st = c.createStatement()) {
            List<String> queries = new java.util.ArrayList<>(List.of(
                    "SELECT name, fictitious, sources, working_crs, feature_count FROM layer_set",
                    "SELECT table_name, min_x, min_y, max_x, max_y FROM gpkg_contents WHERE table_name LIKE 'layer%'"
                            + " AND table_name <> 'layer_set' ORDER BY table_name"));
            for (nl.plektoets.data.Role r : nl.plektoets.data.Role.values()) {
                queries.add("SELECT fid, geom, feature_id, name, attributes, source, source_id, source_tag FROM layer_"
                        + r.id() + " ORDER BY fid");
            }
            for (String q : queries) {
                md.update(q.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                try (java.sql.ResultSet rs = st.executeQuery(q)) {
                    int n = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        for (int i = 1; i <= n; i++) {
                            Object v = rs.getObject(i);
                            if (v instanceof byte[] b) md.update(b);
                            else if ("attributes".equals(rs.getMetaData().getColumnName(i)) && v != null)
                                md.update(json.writeValueAsBytes(json.readValue((String) v, map)));
                            else md.update(String.valueOf(v).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                            md.update((byte) 0);
                        }
                    }
                }
            }
        }
        return java.util.HexFormat.of().formatHex(md.digest()).substring(0, 16);
    }

    static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** The heap pools' peak use added up (an upper bound of the peak of their sum). */
    static long peakHeapBytes() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) sum += p.getPeakUsage().getUsed();
        }
        return sum;
    }

    /** VmHWM: the process's peak resident set, from /proc (Linux). */
    static long peakRssKb() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
        return -1;
    }
}
