package nl.plektoets.bench;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import nl.plektoets.cli.Main;
import nl.plektoets.data.Dataset;
import nl.plektoets.data.Feature;
import nl.plektoets.data.Role;
import nl.plektoets.data.SourceArea;
import nl.plektoets.data.directory.DatasetCache;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKBWriter;

/**
 * The OSM import's benchmark (not a test; {@code scripts/bench-import-osm} runs each step in its own JVM, with the
 * main classes of either revision first on the class path): {@code import FILE OUT} is {@code plektoets import --osm
 * FILE --out OUT} and prints wall and process CPU time, peak heap and peak RSS and the load; {@code digest OUT} reads
 * the data directory's cache back and prints a digest of every feature (id, role, geometry and the area behind a
 * point as WKB with SRID, attributes sorted by key, provenance) and of the dataset's description. Only public API
 * that main already had, so the same class measures both revisions.
 */
public final class OsmImportRun {
    private OsmImportRun() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: OsmImportRun import FILE OUT | digest OUT");
            System.exit(2);
        }
        switch (args[0]) {
            case "import" -> {
                long t0 = System.nanoTime();
                long cpu0 = NationalBenchmark.cpuNanos();
                int code = new Main(System.err, System.err, Map.of())
                        .run(new String[] {"import", "--osm", args[1], "--out", args[2]});
                if (code != Main.OK) throw new IllegalStateException("plektoets import: exit " + code);
                double wall = (System.nanoTime() - t0) / 1e9;
                double cpu = (NationalBenchmark.cpuNanos() - cpu0) / 1e9;
                System.out.printf(
                        Locale.ROOT,
                        "wall %6.1f s  cpu %6.1f s  peak heap %,6d MB  peak RSS %,6d MB  (max heap %,d MB, %d cores,"
                                + " load %.1f)%n",
                        wall,
                        cpu,
                        NationalBenchmark.peakHeapBytes() >> 20,
                        NationalBenchmark.peakRssKb() >> 10,
                        Runtime.getRuntime().maxMemory() >> 20,
                        Runtime.getRuntime().availableProcessors(),
                        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            }
            case "digest" -> {
                Dataset d = DatasetCache.read(Path.of(args[1]))
                        .orElseThrow(() -> new IllegalStateException("no cache in " + args[1]));
                System.out.println("digest " + digest(d) + "  " + d.size() + " features  " + args[1]);
            }
            default -> throw new IllegalArgumentException("unknown step " + args[0]);
        }
    }

    /** Every feature in layer order, and the description; attribute maps sorted (their order varies per JVM). */
    static String digest(Dataset d) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        WKBWriter wkb = new WKBWriter(2, true);
        put(md, d.info().toString());
        for (Role role : Role.values()) {
            List<Feature> layer = d.layer(role);
            put(md, role.id() + ":" + layer.size());
            for (Feature f : layer) {
                put(md, f.id() + "|" + f.role().id() + "|" + new TreeMap<>(f.attributes()) + "|" + f.provenance());
                md.update(wkb.write(f.geometry()));
                Geometry area = SourceArea.of(f).orElse(null);
                if (area != null) md.update(wkb.write(area));
                md.update((byte) 0);
            }
        }
        return HexFormat.of().formatHex(md.digest()).substring(0, 16);
    }

    private static void put(MessageDigest md, String s) {
        md.update(s.getBytes(StandardCharsets.UTF_8));
        md.update((byte) 0);
    }
}
