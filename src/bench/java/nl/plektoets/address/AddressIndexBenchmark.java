package nl.plektoets.address;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import nl.plektoets.data.Dataset;
import nl.plektoets.data.DatasetInfo;
import nl.plektoets.data.Feature;
import nl.plektoets.data.Provenance;
import nl.plektoets.data.Role;
import nl.plektoets.geo.WorkingCrs;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * Address index build time and search/resolve latency on N synthetic addresses (default one million): 40 towns,
 * 400 street names, numbers 1..200. Not a test; prints numbers.
 * Run: {@code mvn -o -q test-compile && java -cp target/classes:target/test-classes:$(cat cp.txt) nl.plektoets.address.AddressIndexBenchmark 1000000}
 */
public final class AddressIndexBenchmark {
    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Random random = new Random(42);
        String[] towns = new String[40], streets = new String[400];
        for (int i = 0; i < towns.length; i++) towns[i] = "Dorp" + (char) ('a' + i % 26) + "veen" + i;
        for (int i = 0; i < streets.length; i++)
            streets[i] = (i % 3 == 0 ? "Dr. " : "") + "Straat" + i + (i % 2 == 0 ? "weg" : "laan");
        GeometryFactory gf = WorkingCrs.rdNew().geometryFactory();
        List<Feature> features = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String town = towns[random.nextInt(towns.length)], street = streets[random.nextInt(streets.length)];
            features.add(new Feature(
                    i + 1,
                    Role.ADDRESS,
                    gf.createPoint(new Coordinate(200_000 + random.nextInt(50_000), 480_000 + random.nextInt(50_000))),
                    Map.of(
                            "street",
                            street,
                            "housenumber",
                            Integer.toString(1 + random.nextInt(200)),
                            "postcode",
                            (7000 + random.nextInt(999)) + "AB",
                            "town",
                            town),
                    new Provenance("bench", "node/" + i, "addr:housenumber")));
        }
        Dataset dataset = new Dataset(new DatasetInfo("bench", true, List.of(), "EPSG:28992"), features);
        long t0 = System.nanoTime();
        AddressIndex index = AddressIndex.of(dataset);
        System.out.printf(
                Locale.ROOT, "addresses %d, index build %.2f s%n", index.size(), (System.nanoTime() - t0) / 1e9);

        String[] queries = {"straat12weg 15", "dorpcveen2", "straat1", "7001 ab", "dr straat3", "straat399laan 200 dorp"
        };
        for (String q : queries) time("search '" + q + "'", () -> index.search(q, 10));
        Address some = index.search("straat12weg", 1).get(0);
        time("resolve '" + some.label() + "'", () -> index.resolve(some.label()));
    }

    private static void time(String what, Runnable r) {
        for (int i = 0; i < 20; i++) r.run(); // warm up
        int runs = 200;
        long[] ns = new long[runs];
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            r.run();
            ns[i] = System.nanoTime() - t;
        }
        Arrays.sort(ns);
        System.out.printf(
                Locale.ROOT, "%-45s p50 %8.3f ms  p99 %8.3f ms%n", what, ns[runs / 2] / 1e6, ns[runs * 99 / 100] / 1e6);
    }
}
