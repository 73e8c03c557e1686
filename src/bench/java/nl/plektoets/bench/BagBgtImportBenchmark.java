package nl.plektoets.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import nl.plektoets.data.SourceFeatures;
import nl.plektoets.data.bag.BagExtractImport;
import nl.plektoets.data.bgt.BgtImport;
import nl.plektoets.geo.WorkingCrs;

/**
 * Import benchmark (not a test; prints medians): the BAG 2.0 panden zip of Doesburg (13,098 records with history) and
 * the BGT zip of Otterlo, each read once to warm up and 5 times (or -Druns), with records per second and the peak
 * heap of a run (heap pools' peak after a GC, reset before each run: what the streamed import holds at most, the
 * features it returns included). Run with {@code scripts/bench-import-bgt-bag [PANDEN-ZIP [BGT-ZIP]]}.
 */
public final class BagBgtImportBenchmark {
    static final int RUNS = Integer.getInteger("runs", 5);

    public static void main(String[] args) {
        Path panden = Path.of(args.length > 0 ? args[0] : "../shared/data/bag/0221PND15092020.zip");
        Path bgt = Path.of(args.length > 1 ? args[1] : "../shared/data/bgt/otterlo_bgt.zip");
        WorkingCrs rd = WorkingCrs.rdNew();
        int[] records = new int[1];
        run(
                "BAG 2.0 panden " + panden.getFileName(),
                () -> {
                    BagExtractImport.Counts c = new BagExtractImport.Counts();
                    SourceFeatures s = BagExtractImport.read(panden, rd, x -> {}, c);
                    records[0] = c.records();
                    return s;
                },
                records);
        int[] members = {2273 + 2444 + 830}; // cityObjectMembers of the three layers read (grep -c, see the test)
        run("BGT " + bgt.getFileName(), () -> BgtImport.read(bgt, null, rd, x -> {}), members);
    }

    private static void run(String what, Supplier<SourceFeatures> read, int[] records) {
        SourceFeatures warm = read.get();
        double[] ms = new double[RUNS];
        long[] peak = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            System.gc();
            List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(p -> p.getType() == MemoryType.HEAP)
                    .toList();
            heap.forEach(MemoryPoolMXBean::resetPeakUsage);
            long t0 = System.nanoTime();
            SourceFeatures s = read.get();
            ms[i] = (System.nanoTime() - t0) / 1e6;
            peak[i] = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
            if (s.features().size() != warm.features().size()) throw new IllegalStateException("runs differ");
        }
        Arrays.sort(ms);
        Arrays.sort(peak);
        double median = ms[RUNS / 2];
        System.out.printf(
                Locale.ROOT,
                "%s: %,d records -> %,d features; median %.0f ms (min %.0f, max %.0f) = %,.0f records/s;"
                        + " peak heap median %.0f MB (max %.0f MB, -Xmx %.0f MB)%n",
                what,
                records[0],
                warm.features().size(),
                median,
                ms[0],
                ms[RUNS - 1],
                records[0] / (median / 1000),
                peak[RUNS / 2] / 1048576.0,
                peak[RUNS - 1] / 1048576.0,
                Runtime.getRuntime().maxMemory() / 1048576.0);
    }
}
