package nl.plektoets.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import nl.plektoets.assess.Assessment;
import nl.plektoets.assess.Assessor;
import nl.plektoets.assess.Verdict;
import nl.plektoets.data.Dataset;
import nl.plektoets.data.Feature;
import nl.plektoets.data.Role;
import nl.plektoets.policy.PolicyProfile;
import nl.plektoets.request.AssessmentRequest;
import nl.plektoets.request.HousingForm;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;

/**
 * Engine benchmark (its own main, not a test): builds or imports a dataset, then assesses every address in it and
 * 100,000 random points in its extent on one thread, after a warm-up, and prints import time, assessments per
 * second per core, and p50/p99 per assessment in microseconds. Target (issue 2): p50 under 100 us and more than
 * 50,000 assessments per second per core.
 *
 * <p>Usage: {@code scripts/bench [synthetic | OSM-FILE]}; without an argument the north-Bayreuth extract.
 */
public final class AssessBenchmark {
    static final int RANDOM_POINTS = 100_000;
    static final long SEED = 42;

    public static void main(String[] args) throws Exception {
        String source = args.length > 0 ? args[0] : "../shared/data/osm/north-bayreuth.osm.gz";
        long t0 = System.nanoTime();
        Dataset dataset;
        if (source.equals("synthetic")) {
            dataset = SyntheticWorld.generate(SEED);
        } else {
            Path file = Path.of(source);
            if (!Files.isRegularFile(file)) {
                System.err.println("bench: " + file + " not found; give an OSM file or 'synthetic'");
                System.exit(2);
            }
            dataset = OsmSource.read(file);
        }
        double importS = (System.nanoTime() - t0) / 1e9;
        long t1 = System.nanoTime();
        Assessor assessor = new Assessor(dataset, PolicyProfile.load(null));
        double indexS = (System.nanoTime() - t1) / 1e9;

        GeometryFactory gf = dataset.layer(Role.ADDRESS).isEmpty()
                ? new GeometryFactory()
                : dataset.layer(Role.ADDRESS).get(0).geometry().getFactory();
        List<AssessmentRequest> addresses = new ArrayList<>();
        int i = 0;
        for (Feature f : dataset.layer(Role.ADDRESS))
            addresses.add(request(f.geometry().getInteriorPoint(), i++));
        Envelope ext = dataset.extent();
        Random rnd = new Random(SEED);
        List<AssessmentRequest> randoms = new ArrayList<>(RANDOM_POINTS);
        for (int k = 0; k < RANDOM_POINTS; k++) {
            Point p = gf.createPoint(new org.locationtech.jts.geom.Coordinate(
                    ext.getMinX() + rnd.nextDouble() * ext.getWidth(),
                    ext.getMinY() + rnd.nextDouble() * ext.getHeight()));
            randoms.add(request(p, k));
        }

        System.out.printf(Locale.ROOT, "dataset      %s%n", dataset.info().name());
        System.out.printf(Locale.ROOT, "layers       %s%n", counts(dataset));
        System.out.printf(Locale.ROOT, "import       %.2f s (%s)%n", importS, source);
        System.out.printf(
                Locale.ROOT, "index        %.3f s (Assessor: STRtrees, locators, merged business parks)%n", indexS);
        System.out.printf(
                Locale.ROOT,
                "jvm          %s, %d available processors, load average %.1f, measuring on 1" + " thread%n",
                System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                        .getSystemLoadAverage());

        // warm-up: the JIT compiles the hot paths; results are discarded. Count-based (two passes over everything,
        // then until 3 s have passed), because on a loaded machine a time-based warm-up may end before the JIT has
        // compiled anything
        List<AssessmentRequest> warmSet = new ArrayList<>(addresses);
        warmSet.addAll(randoms);
        long warmStart = System.nanoTime();
        int warm = 0;
        while (warm < 2 || System.nanoTime() - warmStart < 3_000_000_000L) {
            for (AssessmentRequest r : warmSet) assessor.assess(r);
            warm++;
        }
        System.out.printf(
                Locale.ROOT,
                "warm-up      %d passes over all %d requests (%.1f s)%n",
                warm,
                warmSet.size(),
                (System.nanoTime() - warmStart) / 1e9);
        measure("addresses", assessor, addresses);
        measure("random", assessor, randoms);
        List<AssessmentRequest> all = new ArrayList<>(addresses);
        all.addAll(randoms);
        measure("all", assessor, all);
        // (issue 12: "all" includes noise, livestock_odour and external_safety: the engine runs them itself)
        // drawn sites: 40 m x 40 m squares; they take the overlay path (cut into location-class pieces)
        List<AssessmentRequest> squares = new ArrayList<>();
        for (int k = 0; k < 10_000; k++) {
            double x = ext.getMinX() + rnd.nextDouble() * (ext.getWidth() - 40);
            double y = ext.getMinY() + rnd.nextDouble() * (ext.getHeight() - 40);
            squares.add(request(
                    gf.toGeometry(new Envelope(x, x + 40, y, y + 40))
                            .getFactory()
                            .createPolygon(gf.toGeometry(new Envelope(x, x + 40, y, y + 40))
                                    .getCoordinates()),
                    k));
        }
        for (AssessmentRequest r : squares.subList(0, 2000)) assessor.assess(r);
        measure("polygons", assessor, squares);
        if (!source.equals("synthetic")) initiatives(Path.of(source), dataset, assessor, addresses, squares);
    }

    /**
     * ETFAL part 2 (issue 13): the same addresses and drawn squares as the planner's assessment of an initiative, with
     * rooms, planned parking spaces (every other request) and three employers, so parking_access and distance_to_work
     * (over a cycling and car network imported from the same OSM file) run beside the criteria above. The rows
     * "addresses" and "polygons" above are the same sites without initiative facts: the old figures.
     */
    static void initiatives(
            Path osm,
            Dataset dataset,
            Assessor assessor,
            List<AssessmentRequest> addresses,
            List<AssessmentRequest> squares)
            throws Exception {
        Path graphDir = Files.createTempDirectory("plektoets-bench-graph");
        nl.plektoets.policy.ReachSettings settings = nl.plektoets.policy.ReachSettings.from(
                assessor.profile(), nl.plektoets.policy.ReachSettings.DEFAULT_MAX_SNAP_DISTANCE_M);
        long t0 = System.nanoTime();
        try (nl.plektoets.routing.ReachIndex reach = nl.plektoets.routing.ReachIndex.open(
                osm,
                graphDir,
                dataset.layer(Role.FACILITY),
                nl.plektoets.geo.WorkingCrs.of(dataset.info().workingCrs()),
                settings)) {
            System.out.printf(
                    Locale.ROOT,
                    "network      %.1f s (GraphHopper foot + bike + car, reach tables)%n",
                    (System.nanoTime() - t0) / 1e9);
            nl.plektoets.routing.WorkTravel travel = new nl.plektoets.routing.WorkTravel(reach);
            Assessor etfal =
                    assessor.withAdditional(List.of(new nl.plektoets.criteria.DistanceToWorkCriterion(travel)));
            List<Feature> all = dataset.layer(Role.ADDRESS);
            List<nl.plektoets.request.Employer> employers = List.of(
                    employer("A", all.get(0), 10),
                    employer("B", all.get(all.size() / 2), 6),
                    employer("C", all.get(all.size() - 1), 4));
            long c0 = System.nanoTime();
            etfal.assess(withFacts(addresses.get(0), employers, 0));
            System.out.printf(
                    Locale.ROOT,
                    "initiative   first assessment %.1f ms (searches from 3 employers by bike and car, then cached)%n",
                    (System.nanoTime() - c0) / 1e6);
            List<AssessmentRequest> withFacts = new ArrayList<>();
            for (int i = 0; i < addresses.size(); i++) withFacts.add(withFacts(addresses.get(i), employers, i));
            List<AssessmentRequest> squaresWithFacts = new ArrayList<>();
            for (int i = 0; i < squares.size(); i++) squaresWithFacts.add(withFacts(squares.get(i), employers, i));
            for (int k = 0; k < 3; k++) for (AssessmentRequest r : withFacts) etfal.assess(r); // warm-up
            for (AssessmentRequest r : squaresWithFacts.subList(0, 2000)) etfal.assess(r);
            measure("addresses+", etfal, withFacts);
            measure("polygons+", etfal, squaresWithFacts);
        } finally {
            try (var walk = Files.walk(graphDir)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
            }
        }
    }

    static nl.plektoets.request.Employer employer(String name, Feature address, int workers) {
        return new nl.plektoets.request.Employer(name, address.geometry().getInteriorPoint(), null, workers);
    }

    static AssessmentRequest withFacts(AssessmentRequest r, List<nl.plektoets.request.Employer> employers, int i) {
        return new AssessmentRequest(
                r.site(),
                r.form(),
                r.persons(),
                r.newBuild(),
                r.stay(),
                r.areaType(),
                new nl.plektoets.request.InitiativeFacts(
                        employers, i % 3 == 0 ? null : 1 + r.persons() / 2, i % 2 == 0 ? null : 8, null, null));
    }

    /** Alternates the form, persons and new build so every branch of the criteria runs. */
    static AssessmentRequest request(org.locationtech.jts.geom.Geometry p, int i) {
        return new AssessmentRequest(
                p, i % 2 == 0 ? HousingForm.ROOM_RENTAL : HousingForm.HOUSING_FACILITY, 1 + i % 60, i % 3 == 0);
    }

    static void measure(String name, Assessor assessor, List<AssessmentRequest> requests) {
        if (requests.isEmpty()) {
            System.out.printf(Locale.ROOT, "%-12s none in this dataset%n", name);
            return;
        }
        long[] ns = new long[requests.size()];
        Map<Verdict, Integer> verdicts = new EnumMap<>(Verdict.class);
        Map<String, Integer> classes = new java.util.TreeMap<>();
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpuStart = mx.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        for (int i = 0; i < ns.length; i++) {
            long t = System.nanoTime();
            Assessment a = assessor.assess(requests.get(i));
            ns[i] = System.nanoTime() - t;
            verdicts.merge(a.verdict(), 1, Integer::sum);
            classes.merge(a.locationClass(), 1, Integer::sum);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (mx.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        Arrays.sort(ns);
        // per core = per second of this thread's CPU time: on a shared machine wall-clock time also counts the time
        // the thread waited for a core; both are printed
        System.out.printf(
                Locale.ROOT,
                "%-12s n=%d  %.0f assessments/s/core (CPU time)  %.0f/s wall-clock  p50 %.1f us"
                        + "  p99 %.1f us  max %.0f us%n",
                name,
                ns.length,
                ns.length / cpuSeconds,
                ns.length / seconds,
                ns[ns.length / 2] / 1e3,
                ns[(int) (ns.length * 0.99)] / 1e3,
                ns[ns.length - 1] / 1e3);
        // a second pass timing each call in thread CPU time: on a shared machine the wall-clock percentiles above
        // include the time the thread waited for a core (the clock read adds about a microsecond per call)
        long[] cpu = new long[requests.size()];
        for (int i = 0; i < cpu.length; i++) {
            long t = mx.getCurrentThreadCpuTime();
            assessor.assess(requests.get(i));
            cpu[i] = mx.getCurrentThreadCpuTime() - t;
        }
        Arrays.sort(cpu);
        System.out.printf(
                Locale.ROOT,
                "             CPU time per assessment: p50 %.1f us  p99 %.1f us%n",
                cpu[cpu.length / 2] / 1e3,
                cpu[(int) (cpu.length * 0.99)] / 1e3);
        System.out.printf(Locale.ROOT, "             verdicts %s%n             classes %s%n", verdicts, classes);
    }

    static String counts(Dataset d) {
        StringBuilder b = new StringBuilder();
        for (Role r : Role.values())
            b.append(r.id()).append('=').append(d.layer(r).size()).append(' ');
        return b.toString().trim();
    }
}
