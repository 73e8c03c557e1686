package nl.plektoets.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import nl.plektoets.assess.AddressSite;
import nl.plektoets.assess.Assessor;
import nl.plektoets.criteria.Criterion;
import nl.plektoets.criteria.CriterionInput;
import nl.plektoets.criteria.NeighboursCriterion;
import nl.plektoets.data.Dataset;
import nl.plektoets.data.Feature;
import nl.plektoets.data.Role;
import nl.plektoets.policy.PolicyProfile;
import nl.plektoets.request.AssessmentRequest;
import nl.plektoets.request.HousingForm;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Point;

/**
 * CPU per answer of {@code location_class}, {@code environmental_zoning} and {@code neighbours}, alone and the three in
 * a row as an answer asks them, with a digest of their results (not a test): the committed demo, requests at every
 * address and at 3,000 seeded points beside addresses (within about 280 m, as {@code scripts/answer-digest} asks), in
 * answer-digest's four forms, each evaluated with {@code Detail.FULL} on one thread, thread CPU time, median of the
 * rounds after a warm-up. Uses only what main has, so main's jar and a branch's run side by side ({@code
 * java -cp BENCH-CLASSES:JAR nl.plektoets.bench.ZoningLocationCpuBenchmark [warm-up-s] [rounds]} from the repository
 * root), and equal digests say both gave the same results.
 */
public final class ZoningLocationCpuBenchmark {
    private ZoningLocationCpuBenchmark() {}

    public static void main(String[] args) throws Exception {
        int warmupS = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        Dataset dataset = DemoBench.demo("zoning-location-cpu");
        PolicyProfile profile = PolicyProfile.load(null);
        List<Feature> addresses = dataset.layer(Role.ADDRESS);
        Assessor assessor = new Assessor(dataset, profile, List.of(new NeighboursCriterion()));
        Map<String, Criterion> criteria = new LinkedHashMap<>();
        for (String id : List.of("location_class", "environmental_zoning", "neighbours"))
            for (Criterion c : assessor.criteria()) if (c.id().equals(id)) criteria.put(id, c);
        HousingForm[] forms = {
            HousingForm.ROOM_RENTAL, HousingForm.ROOM_RENTAL, HousingForm.HOUSING_FACILITY, HousingForm.HOUSING_FACILITY
        };
        int[] persons = {2, 4, 12, 40};
        List<AssessmentRequest> requests = new ArrayList<>();
        for (int i = 0; i < addresses.size(); i++)
            requests.add(new AssessmentRequest(AddressSite.of(addresses.get(i)), forms[i % 4], persons[i % 4], false));
        Random random = new Random(2026);
        var factory = addresses.get(0).geometry().getFactory();
        for (int i = 0; i < 3_000; i++) {
            Point a = (Point) addresses.get(random.nextInt(addresses.size())).geometry();
            Point p = factory.createPoint(new Coordinate(
                    a.getX() + (random.nextDouble() * 2 - 1) * 270, a.getY() + (random.nextDouble() * 2 - 1) * 290));
            requests.add(new AssessmentRequest(p, forms[i % 4], persons[i % 4], false));
        }
        List<CriterionInput> inputs = new ArrayList<>();
        for (AssessmentRequest r : requests) inputs.add(new CriterionInput(r, profile, assessor.lookup()));

        DemoBench.printResultsDigest(inputs, criteria);

        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<String, Runnable> passes = new LinkedHashMap<>();
        for (var e : criteria.entrySet())
            passes.put(e.getKey(), () -> {
                for (CriterionInput in : inputs) e.getValue().evaluate(in);
            });
        passes.put("the three", () -> {
            for (CriterionInput in : inputs) for (Criterion c : criteria.values()) c.evaluate(in);
        });
        Map<String, double[]> us = new LinkedHashMap<>();
        for (String k : passes.keySet()) us.put(k, new double[rounds]);
        long until = System.nanoTime() + warmupS * 1_000_000_000L;
        while (System.nanoTime() < until) for (Runnable r : passes.values()) r.run();
        // the passes alternate within each round, so each sees the same machine
        for (int i = 0; i < rounds; i++) {
            for (var e : passes.entrySet()) {
                long t0 = threads.getCurrentThreadCpuTime();
                e.getValue().run();
                us.get(e.getKey())[i] = (threads.getCurrentThreadCpuTime() - t0) / 1e3 / inputs.size();
            }
        }
        for (var e : us.entrySet()) {
            double[] v = e.getValue();
            Arrays.sort(v);
            System.out.println(String.format(
                    Locale.ROOT,
                    "%-21s %8.2f us CPU per request (median of %d rounds, %.2f-%.2f), %d requests, load %.1f",
                    e.getKey(),
                    v[rounds / 2],
                    rounds,
                    v[0],
                    v[rounds - 1],
                    inputs.size(),
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        }
    }

    /** Everything a result says, geometries as WKT. */
}
