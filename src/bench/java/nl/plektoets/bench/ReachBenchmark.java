package nl.plektoets.bench;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.IntConsumer;
import nl.plektoets.assess.Assessor;
import nl.plektoets.cli.AssessAllBatch;
import nl.plektoets.criteria.FacilityReachCriterion;
import nl.plektoets.data.Dataset;
import nl.plektoets.data.Feature;
import nl.plektoets.data.ImportProgress;
import nl.plektoets.data.Role;
import nl.plektoets.data.directory.DataDirectory;
import nl.plektoets.geo.WorkingCrs;
import nl.plektoets.isochrone.IsochroneBuilder;
import nl.plektoets.policy.PolicyProfile;
import nl.plektoets.policy.ReachSettings;
import nl.plektoets.policy.TravelMode;
import nl.plektoets.request.AssessmentRequest;
import nl.plektoets.request.HousingForm;
import nl.plektoets.routing.ReachIndex;
import nl.plektoets.routing.SiteAccess;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;

/**
 * Reach benchmark (its own main, not a test): imports the walking and cycling networks of an OSM file, computes
 * the facility tables, then times on one thread, after a warm-up:
 * <ul>
 *   <li>snap + lookup: joining an address to the foot network and reading the three policy categories;</li>
 *   <li>the facility_reach criterion (both modes) and a whole assessment with reach included;</li>
 *   <li>isochrones of 15 and 30 minutes, walking and cycling, from random addresses;</li>
 *   <li>the batch {@code assess-all} over every address, on one thread and on all cores.</li>
 * </ul>
 * Targets (issue 3): assessments with reach above 20,000 per second per core with p99 under 1 ms; isochrone p50
 * under 50 ms. Throughput is given per CPU-second of the measuring thread (the machine is shared) and per
 * wall-clock second.
 *
 * <p>Usage: {@code scripts/bench-reach [OSM-FILE]}; without an argument the north-Bayreuth extract; the demo is
 * {@code scripts/bench-reach gisdata/demo/demo.osm.gz}.
 */
public final class ReachBenchmark {
    static final long SEED = 42;
    static final int ISOCHRONES = 100;

    public static void main(String[] args) throws Exception {
        Path osm = Path.of(args.length > 0 ? args[0] : "../shared/data/osm/north-bayreuth.osm.gz")
                .toAbsolutePath();
        if (!Files.isRegularFile(osm)) {
            System.err.println("bench-reach: " + osm + " not found; give an .osm, .osm.gz or .osm.pbf file");
            System.exit(2);
        }
        Path dataDir = Files.createTempDirectory("plektoets-reach-bench");
        Files.createSymbolicLink(dataDir.resolve(osm.getFileName()), osm);
        Path description = osm.resolveSibling("dataset.json"); // e.g. the demo's: its name and "fictitious"
        if (Files.isRegularFile(description)) Files.createSymbolicLink(dataDir.resolve("dataset.json"), description);
        long t0 = System.nanoTime();
        Dataset dataset = DataDirectory.load(dataDir, null, ImportProgress.NONE);
        System.out.printf(
                Locale.ROOT,
                "data      %s: %d addresses, %d facilities, layers imported in %.1f s%n",
                osm.getFileName(),
                dataset.layer(Role.ADDRESS).size(),
                dataset.layer(Role.FACILITY).size(),
                (System.nanoTime() - t0) / 1e9);

        PolicyProfile profile = PolicyProfile.load(null);
        ReachSettings settings = ReachSettings.from(profile, ReachSettings.DEFAULT_MAX_SNAP_DISTANCE_M);
        long t1 = System.nanoTime();
        try (ReachIndex first = ReachIndex.open(dataDir, dataset, settings)) {
            System.out.printf(
                    Locale.ROOT,
                    "graph     import %.1f s (GraphHopper, foot + bike), %d nodes, %d edges;" + " with tables %.1f s%n",
                    first.network().openMillis() / 1e3,
                    first.network().graph().getNodes(),
                    first.network().graph().getEdges(),
                    (System.nanoTime() - t1) / 1e9);
            for (Map.Entry<String, Long> e : first.precomputeMillis().entrySet()) {
                System.out.printf(
                        Locale.ROOT,
                        "table     %-32s %5d ms (%d facilities)%n",
                        e.getKey(),
                        e.getValue(),
                        first.facilities()
                                .getOrDefault(e.getKey().substring(e.getKey().indexOf('/') + 1), List.of())
                                .size());
            }
        }
        long t2 = System.nanoTime();
        try (ReachIndex index = ReachIndex.open(dataDir, dataset, settings)) {
            System.out.printf(
                    Locale.ROOT,
                    "cache     second open (graph and tables from disk) %.2f s, imported=%s%n",
                    (System.nanoTime() - t2) / 1e9,
                    index.network().imported());
            run(dataset, profile, index);
        }
    }

    private static void run(Dataset dataset, PolicyProfile profile, ReachIndex index) throws IOException {
        List<Geometry> sites =
                dataset.layer(Role.ADDRESS).stream().map(Feature::geometry).toList();
        if (sites.isEmpty()) {
            System.out.println("no addresses: nothing to time");
            return;
        }
        List<String> categories = index.settings().categories();
        long[] sink = new long[1];
        IntConsumer snapAndLookup = i -> {
            SiteAccess a = index.access(sites.get(i % sites.size()), TravelMode.FOOT);
            a.snap().ifPresent(s -> {
                for (String c : categories) sink[0] += index.nearest(s, c).isPresent() ? 1 : 0;
            });
        };
        FacilityReachCriterion criterion = new FacilityReachCriterion(index);
        IntConsumer reach = i -> sink[0] += criterion
                .evaluate(
                        sites.get(i % sites.size()),
                        profile.paragraph(nl.plektoets.policy.ThresholdKey.REACH_WALKING_MINUTES))
                .status()
                .ordinal();
        // the engine as serve, assess and assess-all build it: facility_reach after the built-in criteria
        Assessor assessor = new Assessor(dataset, profile, List.of(criterion));
        IntConsumer assessWithReach = i -> sink[0] += assessor.assess(
                        new AssessmentRequest(sites.get(i % sites.size()), HousingForm.ROOM_RENTAL, 4, false))
                .verdict()
                .ordinal();
        int n = Math.max(20_000, sites.size() * 10);
        // joining a site to both networks: one location-index query per mode (as before) against one shared query
        // (accessAll); alternated, so a busy machine slows both alike
        IntConsumer perMode = i -> {
            for (TravelMode mode : TravelMode.values())
                sink[0] += index.access(sites.get(i % sites.size()), mode).snapped() ? 1 : 0;
        };
        IntConsumer shared =
                i -> sink[0] += index.accessAll(sites.get(i % sites.size())).size();
        for (int round = 0; round < 3; round++) {
            time("snap foot + bike, one query per mode", n, perMode);
            time("snap foot + bike, shared query", n, shared);
        }
        time("snap + lookup (foot, " + categories.size() + " categories)", n, snapAndLookup);
        time("facility_reach criterion (foot + bike)", n, reach);
        time("assessment incl. facility_reach", n, assessWithReach);
        assessAll(assessor, categories, sites.size());

        IsochroneBuilder isochrones = new IsochroneBuilder(index);
        WorkingCrs crs = index.crs();
        Random random = new Random(SEED);
        List<Coordinate> origins = new ArrayList<>();
        for (int i = 0; i < ISOCHRONES; i++) {
            Coordinate c = sites.get(random.nextInt(sites.size())).getCoordinate();
            origins.add(crs.toLonLat(c.x, c.y));
        }
        for (TravelMode mode : TravelMode.values()) {
            for (int minutes : new int[] {15, 30}) {
                IntConsumer iso = i -> {
                    Coordinate o = origins.get(i % origins.size());
                    try {
                        sink[0] += isochrones
                                .isochrones(o.x, o.y, mode, List.of(minutes), false)
                                .isochrones()
                                .size();
                    } catch (RuntimeException e) {
                        sink[0]++; // an origin off the network: counted, the time still measured
                    }
                };
                time("isochrone " + mode.id() + " " + minutes + " min", ISOCHRONES, iso);
            }
        }
        System.out.println("(checksum " + sink[0] + ")");
    }

    /**
     * The batch {@code assess-all} (CSV into a null stream, so the disk is not timed): every address once per run,
     * on one thread and on all available cores, after a warm-up run; addresses per second of wall time and per
     * CPU-second of the whole process (the machine is shared, so wall time includes waiting for a core).
     */
    private static void assessAll(Assessor assessor, List<String> categories, int addresses) throws IOException {
        AssessAllBatch batch = new AssessAllBatch(assessor, categories, HousingForm.ROOM_RENTAL, 4, false);
        int cores = Runtime.getRuntime().availableProcessors();
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        // at least ~50,000 addresses per measurement, so small datasets are not timed on a few milliseconds
        int rounds = Math.max(1, 50_000 / Math.max(1, addresses));
        batch.write(OutputStream.nullOutputStream(), AssessAllBatch.Format.CSV, cores, ImportProgress.NONE);
        for (int threads : cores > 1 ? new int[] {1, cores} : new int[] {1}) {
            long cpu0 = os.getProcessCpuTime();
            long wall0 = System.nanoTime();
            long done = 0;
            for (int r = 0; r < rounds; r++) {
                done += batch.write(
                                OutputStream.nullOutputStream(),
                                AssessAllBatch.Format.CSV,
                                threads,
                                ImportProgress.NONE)
                        .addresses();
            }
            double wall = (System.nanoTime() - wall0) / 1e9;
            double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
            System.out.printf(
                    Locale.ROOT,
                    "%-42s n=%6d %8.0f/s per core (process CPU) %7.0f/s wall (%d addresses x %d" + " runs)%n",
                    "assess-all, " + threads + " thread" + (threads > 1 ? "s" : ""),
                    done,
                    done / cpu,
                    done / wall,
                    addresses,
                    rounds);
        }
    }

    /**
     * Warm-up, then {@code n} timed calls on this thread; prints throughput per CPU-second and per wall second, and
     * p50/p99 per call both in thread CPU time and in wall time (the wall figures include waiting for the CPU on a
     * shared machine).
     */
    private static void time(String name, int n, IntConsumer call) {
        int warmup = Math.max(10, n / 5);
        for (int i = 0; i < warmup; i++) call.accept(i);
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long[] wallNs = new long[n];
        long[] cpuNs = new long[n];
        long cpu0 = mx.getCurrentThreadCpuTime();
        long wall0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            long c = mx.getCurrentThreadCpuTime();
            long s = System.nanoTime();
            call.accept(i);
            wallNs[i] = System.nanoTime() - s;
            cpuNs[i] = mx.getCurrentThreadCpuTime() - c;
        }
        double wall = (System.nanoTime() - wall0) / 1e9;
        double cpu = (mx.getCurrentThreadCpuTime() - cpu0) / 1e9;
        Arrays.sort(wallNs);
        Arrays.sort(cpuNs);
        int p50 = n / 2;
        int p99 = Math.min(n - 1, (int) (n * 0.99));
        System.out.printf(
                Locale.ROOT,
                "%-42s n=%6d %8.0f/s per core (CPU) %7.0f/s wall | CPU p50 %s p99 %s | wall" + " p50 %s p99 %s%n",
                name,
                n,
                n / cpu,
                n / wall,
                fmt(cpuNs[p50]),
                fmt(cpuNs[p99]),
                fmt(wallNs[p50]),
                fmt(wallNs[p99]));
    }

    private static String fmt(long nanos) {
        return nanos >= 1_000_000
                ? String.format(Locale.ROOT, "%.1f ms", nanos / 1e6)
                : String.format(Locale.ROOT, "%.0f us", nanos / 1e3);
    }
}
