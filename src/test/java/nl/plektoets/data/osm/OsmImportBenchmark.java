package nl.plektoets.data.osm;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import nl.plektoets.cli.ConsoleProgress;
import nl.plektoets.data.Dataset;
import nl.plektoets.data.Role;
import nl.plektoets.data.directory.DataDirectory;
import nl.plektoets.data.directory.DatasetCache;

/**
 * Import benchmark (a main, not a unit test): writes a synthetic municipality of N dwellings (a building way of
 * four nodes with an address each, 100 to a street) as .osm.gz into a temporary data directory, loads it with
 * {@link DataDirectory#load} twice (import + cache write, then from the cache) and prints times and peak heap
 * (the sum of the heap pools' peaks, an upper bound).
 *
 * <pre>
 *   mvn -o -q test-compile
 *   java -Xmx2g -cp target/classes:target/test-classes:$(cat cp.txt) nl.plektoets.data.osm.OsmImportBenchmark 1000000
 * </pre>
 * (cp.txt from {@code mvn dependency:build-classpath -Dmdep.outputFile=cp.txt}).
 */
public final class OsmImportBenchmark {
    private OsmImportBenchmark() {}

    public static void main(String[] args) throws IOException {
        int dwellings = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path dir = Files.createTempDirectory("osm-bench");
        Path file = dir.resolve("synthetic.osm.gz");
        long t0 = System.nanoTime();
        write(file, dwellings);
        System.out.printf(
                Locale.ROOT,
                "[bench] wrote %,d dwellings, %,d MB gzip, in %.1f s%n",
                dwellings,
                Files.size(file) >> 20,
                (System.nanoTime() - t0) / 1e9);
        System.gc();
        resetPeaks();
        long t1 = System.nanoTime();
        Dataset d = DataDirectory.load(dir, null, new ConsoleProgress());
        double seconds = (System.nanoTime() - t1) / 1e9;
        System.out.printf(
                Locale.ROOT,
                "[bench] import + cache write: %.1f s, %,d features (%,d addresses, %,d"
                        + " buildings), peak heap %,d MB (-Xmx %,d MB), cache %,d MB%n",
                seconds,
                d.size(),
                d.layer(Role.ADDRESS).size(),
                d.layer(Role.BUILDING).size(),
                peakHeap() >> 20,
                Runtime.getRuntime().maxMemory() >> 20,
                Files.size(DatasetCache.file(dir)) >> 20);
        d = null;
        System.gc();
        long t2 = System.nanoTime();
        Dataset cached = DataDirectory.load(dir, null, new ConsoleProgress());
        System.out.printf(
                Locale.ROOT,
                "[bench] load from cache: %.1f s, %,d features%n",
                (System.nanoTime() - t2) / 1e9,
                cached.size());
        Files.delete(DatasetCache.file(dir));
        Files.delete(DatasetCache.file(dir).getParent());
        Files.delete(file);
        Files.delete(dir);
    }

    /** Dwellings 20 m apart on a square grid south-west of Hardenberg (52.3 N 6.3 E): RD New is chosen. */
    private static void write(Path file, int dwellings) throws IOException {
        try (OutputStream raw = new GZIPOutputStream(Files.newOutputStream(file), 1 << 16) {
                    {
                        def.setLevel(Deflater.BEST_SPEED);
                    }
                };
                Writer w = new BufferedWriter(new OutputStreamWriter(raw, StandardCharsets.UTF_8), 1 << 20)) {
            w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<osm version=\"0.6\" generator=\"benchmark\">\n");
            double dLon = 20 / 67_800.0, dLat = 20 / 111_200.0; // about 20 m
            int perRow = (int) Math.ceil(Math.sqrt(dwellings));
            long nodeId = 1;
            for (int i = 0; i < dwellings; i++) {
                double lon = 6.3 + (i % perRow) * dLon;
                double lat = 52.3 + (i / perRow) * dLat;
                double[][] corners = {
                    {lon, lat}, {lon + dLon * 0.5, lat}, {lon + dLon * 0.5, lat + dLat * 0.5}, {lon, lat + dLat * 0.5}
                };
                for (double[] c : corners) {
                    w.write(String.format(
                            Locale.ROOT, "  <node id=\"%d\" lat=\"%.7f\" lon=\"%.7f\"/>\n", nodeId++, c[1], c[0]));
                }
            }
            for (int i = 0; i < dwellings; i++) {
                long first = 1 + 4L * i;
                w.write("  <way id=\"" + (i + 1) + "\">");
                for (int c = 0; c < 4; c++) w.write("<nd ref=\"" + (first + c) + "\"/>");
                w.write("<nd ref=\"" + first + "\"/>");
                w.write("<tag k=\"building\" v=\"house\"/><tag k=\"addr:street\" v=\"Straat " + (i / 100)
                        + "\"/><tag k=\"addr:housenumber\" v=\"" + (i % 100 + 1)
                        + "\"/><tag k=\"addr:postcode\" v=\"7771 AA\"/><tag k=\"addr:city\" v=\"Benchdorp\"/></way>\n");
            }
            w.write("</osm>\n");
        }
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) pool.resetPeakUsage();
    }

    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) sum += pool.getPeakUsage().getUsed();
        }
        return sum;
    }
}
