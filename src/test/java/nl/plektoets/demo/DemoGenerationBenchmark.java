package nl.plektoets.demo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Prints generation time, CPU time and file size of the demo at a given size (not a unit test):
 * {@code java -cp target/classes:target/test-classes:<deps> nl.plektoets.demo.DemoGenerationBenchmark OUTDIR
 * [ADDRESSES] [SEED]}. Run it with a small heap (-Xmx128m) to see that memory does not grow with the size.
 */
public final class DemoGenerationBenchmark {
    private DemoGenerationBenchmark() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: DemoGenerationBenchmark OUTDIR [ADDRESSES=1000000] [SEED=2025]");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        int addresses = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : DemoMunicipality.DEFAULT_SEED;
        var bean = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = bean.getProcessCpuTime();
        long t0 = System.nanoTime();
        DemoMunicipality.Summary s = DemoMunicipality.generate(out, addresses, seed);
        double wall = (System.nanoTime() - t0) / 1e9;
        double cpu = (bean.getProcessCpuTime() - cpu0) / 1e9;
        Runtime rt = Runtime.getRuntime();
        System.out.printf(
                Locale.ROOT,
                "%,d addresses, %d villages, %,d farms: %,d nodes, %,d ways%n",
                s.addresses(),
                s.villages(),
                s.farms(),
                s.nodes(),
                s.ways());
        System.out.printf(
                Locale.ROOT,
                "wall %.1f s, process CPU %.1f s, %s %.1f MB, max heap %d MB%n",
                wall,
                cpu,
                s.osmFile().getFileName(),
                Files.size(s.osmFile()) / 1e6,
                rt.maxMemory() >> 20);
        System.out.printf(
                Locale.ROOT,
                "extent RD New %s (%.1f x %.1f km)%n",
                s.extentRd(),
                s.extentRd().getWidth() / 1000,
                s.extentRd().getHeight() / 1000);
    }
}
