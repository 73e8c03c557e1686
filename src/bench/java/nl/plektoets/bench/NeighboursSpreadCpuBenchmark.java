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
import nl.plektoets.criteria.Audience;
import nl.plektoets.criteria.Criterion;
import nl.plektoets.criteria.CriterionInput;
import nl.plektoets.criteria.HousedPersons;
import nl.plektoets.criteria.NeighboursCriterion;
import nl.plektoets.criteria.SpreadCriterion;
import nl.plektoets.data.Dataset;
import nl.plektoets.data.Feature;
import nl.plektoets.data.Role;
import nl.plektoets.policy.PolicyProfile;
import nl.plektoets.request.AssessmentRequest;
import nl.plektoets.request.HousingForm;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Point;

/**
 * CPU per answer of {@code neighbours} and {@code spread} (public and planner) and of the whole engine, with a digest
 * of their results (not a test): the committed demo, a register of housed locations (every 25th address: facilities,
 * room rental, public and private sites, some unplaced), requests at every address and at 3,000 seeded points, the three
 * forms of the answer benchmark; each evaluated with {@code Detail.FULL} on one thread, thread CPU time, median of the
 * rounds after a warm-up. Uses only what main has, so main's jar and a branch's run side by side, and equal digests
 * say both gave the same results (status, policy reference, messages, evidence, obligations).
 *
 * <p>{@code java -cp BENCH-CLASSES:JAR nl.plektoets.bench.NeighboursSpreadCpuBenchmark [warm-up-s] [rounds]} from the
 * repository root.
 */
public final class NeighboursSpreadCpuBenchmark {
    private NeighboursSpreadCpuBenchmark() {}

    public static void main(String[] args) throws Exception {
        int warmupS = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        Dataset dataset = DemoBench.demo("neighbours-spread-cpu");
        PolicyProfile profile = PolicyProfile.load(null);
        List<Feature> addresses = dataset.layer(Role.ADDRESS);
        List<HousedPersons.Housed> housed = new ArrayList<>();
        HousedPersons.Kind[] kinds = HousedPersons.Kind.values();
        for (int i = 0; i < addresses.size(); i += 25) {
            boolean placed = i % 400 != 0;
            housed.add(new HousedPersons.Housed(
                    kinds[i % kinds.length],
                    i,
                    placed ? addresses.get(i).geometry() : null,
                    4 + i % 37,
                    i % 3 != 0,
                    i % 2 == 0));
        }
        HousedPersons registers = () -> housed;
        Map<String, Criterion> criteria = new LinkedHashMap<>();
        criteria.put("neighbours", new NeighboursCriterion());
        criteria.put("spread public", new SpreadCriterion(registers, Audience.PUBLIC));
        criteria.put("spread planner", new SpreadCriterion(registers, Audience.PLANNER));
        Assessor assessor = new Assessor(dataset, profile, List.copyOf(criteria.values()));
        List<AssessmentRequest> requests = new ArrayList<>();
        HousingForm[] forms = {HousingForm.ROOM_RENTAL, HousingForm.HOUSING_FACILITY, HousingForm.HOUSING_FACILITY};
        int[] persons = {4, 12, 40};
        for (int i = 0; i < addresses.size(); i++)
            requests.add(new AssessmentRequest(AddressSite.of(addresses.get(i)), forms[i % 3], persons[i % 3], false));
        Envelope extent = dataset.extent();
        Random random = new Random(17);
        var factory = addresses.get(0).geometry().getFactory();
        for (int i = 0; i < 3_000; i++) {
            Point p = factory.createPoint(new Coordinate(
                    extent.getMinX() + random.nextDouble() * extent.getWidth(),
                    extent.getMinY() + random.nextDouble() * extent.getHeight()));
            requests.add(new AssessmentRequest(p, forms[i % 3], persons[i % 3], false));
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
        passes.put("whole engine", () -> {
            for (AssessmentRequest r : requests) assessor.assess(r);
        });
        for (var e : passes.entrySet()) {
            long until = System.nanoTime() + warmupS * 1_000_000_000L / passes.size();
            while (System.nanoTime() < until) e.getValue().run();
            double[] us = new double[rounds];
            for (int i = 0; i < rounds; i++) {
                long t0 = threads.getCurrentThreadCpuTime();
                e.getValue().run();
                us[i] = (threads.getCurrentThreadCpuTime() - t0) / 1e3 / inputs.size();
            }
            Arrays.sort(us);
            System.out.println(String.format(
                    Locale.ROOT,
                    "%-15s %8.2f us CPU per request (median of %d rounds, %.2f-%.2f), %d requests, load %.1f",
                    e.getKey(),
                    us[rounds / 2],
                    rounds,
                    us[0],
                    us[rounds - 1],
                    inputs.size(),
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        }
    }

    /** Everything a result says, geometries as WKT. */
}
