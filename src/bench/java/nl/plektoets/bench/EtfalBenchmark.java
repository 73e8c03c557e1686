package nl.plektoets.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nl.plektoets.assess.Assessor;
import nl.plektoets.criteria.Criterion;
import nl.plektoets.criteria.HousedPersons;
import nl.plektoets.criteria.NeighboursCriterion;
import nl.plektoets.criteria.SpreadCriterion;
import nl.plektoets.data.Dataset;
import nl.plektoets.data.Feature;
import nl.plektoets.data.Role;
import nl.plektoets.data.directory.DataDirectory;
import nl.plektoets.policy.PolicyProfile;
import nl.plektoets.request.AssessmentRequest;

/**
 * The planner's ETFAL criteria (issue 13): every address of the committed demo ({@code gisdata/demo}) assessed with
 * and without {@code spread} and {@code neighbours}, after a warm-up, on one thread; the register holds 200 housing
 * locations (every 15th address) so {@code spread} places each in its village. Prints p50/p99 as
 * {@link AssessBenchmark} does. Not a test: {@code scripts/bench-etfal}.
 */
public final class EtfalBenchmark {
    public static void main(String[] args) throws Exception {
        Dataset dataset = DataDirectory.load(
                Path.of(args.length > 0 ? args[0] : "gisdata/demo"), null, nl.plektoets.data.ImportProgress.NONE);
        PolicyProfile profile = PolicyProfile.load(null);
        List<Feature> addresses = dataset.layer(Role.ADDRESS);
        List<HousedPersons.Housed> housed = new ArrayList<>();
        for (int i = 0; i < addresses.size() && housed.size() < 200; i += 15)
            housed.add(new HousedPersons.Housed(
                    HousedPersons.Kind.INITIATIVE, i, addresses.get(i).geometry(), 4 + i % 20, i % 2 == 0));
        List<Criterion> etfal = List.of(new SpreadCriterion(() -> housed), new NeighboursCriterion());
        Assessor without = new Assessor(dataset, profile);
        Assessor with = without.withAdditional(etfal);
        List<AssessmentRequest> requests = new ArrayList<>();
        int k = 0;
        for (Feature f : addresses)
            requests.add(AssessBenchmark.request(f.geometry().getInteriorPoint(), k++));
        System.out.printf(
                Locale.ROOT,
                "dataset      %s, %d addresses, %d housed in the register, load average %.1f%n",
                dataset.info().name(),
                addresses.size(),
                housed.size(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                        .getSystemLoadAverage());
        long warmStart = System.nanoTime();
        for (int pass = 0; pass < 3 || System.nanoTime() - warmStart < 3_000_000_000L; pass++) {
            for (AssessmentRequest r : requests) {
                without.assess(r);
                with.assess(r);
            }
        }
        AssessBenchmark.measure("built-in", without, requests);
        AssessBenchmark.measure("+ etfal", with, requests);
    }
}
