package nl.plektoets.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import nl.plektoets.assess.AddressSite;
import nl.plektoets.assess.Assessor;
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
import nl.plektoets.roomrental.RoomRentalPermits;
import nl.plektoets.roomrental.RoomRentalRules;
import nl.plektoets.roomrental.RoomRentalStreetCriterion;

/**
 * CPU per address of each criterion of a batch row (not a test): the committed demo's addresses, room rental for 4,
 * each criterion of the national batch's engine evaluated alone with {@code Detail.STATUS} (as {@code assess-all}
 * asks) and with {@code FULL} (as a served answer), on one thread, thread CPU time, median of the rounds after a
 * warm-up. Uses only what every build since the status-only rows has, so main's classes and a branch's can be run
 * side by side: {@code java -cp BENCH-CLASSES:CLASSES:DEPS nl.plektoets.bench.CriteriaCpuBenchmark [warm-up-s]
 * [rounds]} from the repository root.
 */
public final class CriteriaCpuBenchmark {
    private CriteriaCpuBenchmark() {}

    public static void main(String[] args) throws Exception {
        int warmupS = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        Dataset dataset = DemoBench.demo("criteria-cpu");
        PolicyProfile profile = PolicyProfile.load(null);
        // the national batch's engine over a store without a network or registers (NationalBenchmark's memory step)
        Assessor assessor = new Assessor(
                dataset,
                profile,
                List.of(
                        new RoomRentalStreetCriterion(
                                RoomRentalRules.of(dataset, profile.roomRental()), RoomRentalPermits.NONE),
                        new SpreadCriterion(HousedPersons.NONE),
                        new NeighboursCriterion()));
        List<AssessmentRequest> requests = new ArrayList<>();
        for (Feature a : dataset.layer(Role.ADDRESS))
            requests.add(new AssessmentRequest(AddressSite.of(a), HousingForm.ROOM_RENTAL, 4, false));
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        List<String> lines = new ArrayList<>();
        for (CriterionInput.Detail detail : CriterionInput.Detail.values()) {
            for (Criterion c : assessor.criteria()) {
                if (c.assessesInitiative()) continue;
                List<CriterionInput> inputs = new ArrayList<>();
                for (AssessmentRequest r : requests)
                    inputs.add(new CriterionInput(r, profile, assessor.lookup(), detail));
                long until = System.nanoTime() + warmupS * 1_000_000_000L / 6; // the warm-up shared by 6 criteria
                while (System.nanoTime() < until) for (CriterionInput in : inputs) c.evaluate(in);
                double[] us = new double[rounds];
                for (int i = 0; i < rounds; i++) {
                    long t0 = threads.getCurrentThreadCpuTime();
                    for (CriterionInput in : inputs) c.evaluate(in);
                    us[i] = (threads.getCurrentThreadCpuTime() - t0) / 1e3 / inputs.size();
                }
                Arrays.sort(us);
                lines.add(String.format(
                        Locale.ROOT,
                        "%-6s %-22s %8.2f us CPU per address (median of %d rounds, %.2f-%.2f), %d addresses, load %.1f",
                        detail,
                        c.id(),
                        us[rounds / 2],
                        rounds,
                        us[0],
                        us[rounds - 1],
                        inputs.size(),
                        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
                System.out.println(lines.get(lines.size() - 1));
            }
        }
    }
}
