package nl.plektoets.web;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import nl.plektoets.address.AddressIndex;
import nl.plektoets.data.Dataset;
import nl.plektoets.data.Feature;
import nl.plektoets.data.ImportProgress;
import nl.plektoets.data.Role;
import nl.plektoets.data.directory.DataDirectory;
import nl.plektoets.geo.WorkingCrs;
import org.locationtech.jts.geom.Coordinate;

/**
 * CPU of the request side of {@code POST /api/v1/assessments} (not a test): reading the body ({@code Api.readJson})
 * and resolving the address ({@code AddressIndex.resolve}) of {@link AnswerCpuBenchmark}'s requests over the demo, one
 * thread, thread CPU time per request, median of the rounds. Uses only what main has, so main's jar and a branch's run
 * side by side: {@code java -cp BENCH-CLASSES:JAR nl.plektoets.web.RequestCpuBenchmark [warm-up-s] [rounds]} from the
 * repository root.
 */
public final class RequestCpuBenchmark {
    public static void main(String[] args) throws Exception {
        int warmupS = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 9;
        Path dir = Files.createTempDirectory("request-cpu");
        for (String f : List.of("dataset.json", "demo.osm.gz")) Files.copy(Path.of("gisdata/demo", f), dir.resolve(f));
        Dataset dataset = DataDirectory.load(dir, null, ImportProgress.NONE);
        List<Feature> addresses = dataset.layer(Role.ADDRESS);
        WorkingCrs crs = WorkingCrs.of(dataset.info().workingCrs());
        AddressIndex index = AddressIndex.of(dataset);
        String[][] forms = {
            {"room_rental", "2"}, {"room_rental", "4"}, {"housing_facility", "12"}, {"housing_facility", "40"}
        };
        List<byte[]> bodies = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < addresses.size(); i += 7) {
            Feature a = addresses.get(i);
            String[] form = forms[i % 4];
            if (a.attribute("street") != null && a.attribute("housenumber") != null && a.attribute("town") != null) {
                String text = a.attribute("street") + " " + a.attribute("housenumber") + ", " + a.attribute("town");
                texts.add(text);
                bodies.add(String.format(
                                "{\"address\": \"%s\", \"form\": \"%s\", \"persons\": %s}", text, form[0], form[1])
                        .getBytes(StandardCharsets.UTF_8));
            }
            Coordinate c = a.geometry().getCoordinate();
            Coordinate ll = crs.toLonLat(c.x + 40 * ((i % 7) - 3), c.y + 30 * ((i % 5) - 2));
            bodies.add(String.format(
                            Locale.ROOT,
                            "{\"site\": {\"type\": \"Point\", \"coordinates\": [%.6f, %.6f]}, \"form\": \"%s\", \"persons\": %s}",
                            ll.x,
                            ll.y,
                            form[0],
                            form[1])
                    .getBytes(StandardCharsets.UTF_8));
        }
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long sink = 0;
        long end = System.nanoTime() + warmupS * 1_000_000_000L;
        while (System.nanoTime() < end) sink += pass(bodies, texts, index);
        double[] parse = new double[rounds], resolve = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            long t0 = mx.getCurrentThreadCpuTime();
            for (int k = 0; k < 5; k++)
                for (byte[] b : bodies) sink += Api.readJson(b, null).size();
            long t1 = mx.getCurrentThreadCpuTime();
            for (int k = 0; k < 5; k++)
                for (String t : texts) sink += index.resolve(t).hashCode();
            long t2 = mx.getCurrentThreadCpuTime();
            parse[r] = (t1 - t0) / 1e3 / (5.0 * bodies.size());
            resolve[r] = (t2 - t1) / 1e3 / (5.0 * texts.size());
        }
        System.out.printf(
                Locale.ROOT,
                "request cpu: %d bodies, %d addresses x %d rounds; us per body: readJson %.2f (rounds %s), resolve %.2f"
                        + " (rounds %s); load average %.1f%n",
                bodies.size(),
                texts.size(),
                rounds,
                median(parse),
                rounded(parse),
                median(resolve),
                rounded(resolve),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        if (sink == 42) System.out.println();
    }

    private static long pass(List<byte[]> bodies, List<String> texts, AddressIndex index) {
        long sink = 0;
        for (byte[] b : bodies) sink += Api.readJson(b, null).size();
        for (String t : texts) sink += index.resolve(t).hashCode();
        return sink;
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    private static String rounded(double[] v) {
        return Arrays.toString(
                Arrays.stream(v).map(x -> Math.round(x * 100) / 100.0).toArray());
    }
}
