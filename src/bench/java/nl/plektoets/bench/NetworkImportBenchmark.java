package nl.plektoets.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;
import nl.plektoets.policy.ReachSettings;
import nl.plektoets.routing.RoutingNetwork;

/**
 * Network import benchmark (its own main, not a test): imports an OSM file into a fresh GraphHopper graph three
 * times and prints the import time, the heap in use after a full collection with the network open, the size of
 * the graph directory and the node and edge counts. Run it before and after a change to the network's profiles or
 * encoded values (the car profile of distance_to_work was measured this way).
 *
 * <p>Usage: {@code scripts/bench-network [OSM-FILE]}; without an argument the north-Bayreuth extract.
 */
public final class NetworkImportBenchmark {
    public static void main(String[] args) throws Exception {
        Path osm = Path.of(args.length > 0 ? args[0] : "../shared/data/osm/north-bayreuth.osm.gz")
                .toAbsolutePath();
        ReachSettings settings = ReachSettings.defaults();
        for (int run = 1; run <= 3; run++) {
            Path dir = Files.createTempDirectory("plektoets-network-bench");
            long before = usedAfterGc();
            long t0 = System.nanoTime();
            long cpu0 = cpuNanos();
            try (RoutingNetwork network = RoutingNetwork.open(osm, dir, settings)) {
                double seconds = (System.nanoTime() - t0) / 1e9;
                double cpuSeconds = (cpuNanos() - cpu0) / 1e9;
                long used = usedAfterGc() - before;
                System.out.printf(
                        Locale.ROOT,
                        "run %d  import %.2f s wall-clock, %.2f s CPU  heap with network open %.1f MB  graph directory %.1f MB  nodes %d"
                                + "  edges %d%n",
                        run,
                        seconds,
                        cpuSeconds,
                        used / 1e6,
                        size(dir) / 1e6,
                        network.graph().getNodes(),
                        network.graph().getEdges());
            } finally {
                deleteTree(dir);
            }
        }
    }

    /** CPU time of the whole process (GraphHopper imports on several threads): on a shared machine the wall clock
     * also counts the time spent waiting for a core. */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static long usedAfterGc() {
        for (int i = 0; i < 3; i++) System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long size(Path dir) throws Exception {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile)
                    .mapToLong(p -> {
                        try {
                            return Files.size(p);
                        } catch (java.io.IOException e) {
                            return 0;
                        }
                    })
                    .sum();
        }
    }

    private static void deleteTree(Path dir) throws Exception {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
