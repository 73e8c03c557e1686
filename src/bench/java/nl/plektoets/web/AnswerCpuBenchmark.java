package nl.plektoets.web;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import nl.plektoets.assess.Assessor;
import nl.plektoets.config.Config;
import nl.plektoets.criteria.Audience;
import nl.plektoets.criteria.HousedPersons;
import nl.plektoets.criteria.NeighboursCriterion;
import nl.plektoets.criteria.SpreadCriterion;
import nl.plektoets.data.Dataset;
import nl.plektoets.data.Feature;
import nl.plektoets.data.ImportProgress;
import nl.plektoets.data.Role;
import nl.plektoets.data.directory.DataDirectory;
import nl.plektoets.geo.WorkingCrs;
import nl.plektoets.policy.PolicyProfile;
import org.locationtech.jts.geom.Coordinate;

/**
 * CPU per answer of {@code POST /api/v1/assessments}'s handler, in process and on one thread (not a test; docs/
 * performance.md "Cheaper answers"): the committed demo with the settlement criteria (spread, neighbours; no walking
 * network, no room-rental register), requests by address and by point in the four forms of scripts/bench-http, from the
 * request bytes to the answer's bytes. Thread CPU time (ThreadMXBean), so the figure does not depend on the share of a
 * busy machine the run gets. It runs on any build of the project: where {@code Api.assessJson} is missing (before the
 * streamed answer) it writes the tree as the route did then.
 *
 * <p>Usage: {@code java -cp BENCH-CLASSES:target/plektoets.jar nl.plektoets.web.AnswerCpuBenchmark [warm-up-s] [rounds]
 * [room-rental]}; {@code room-rental} adds {@code room_rental_street} as {@code serve} answers the public (no permits).
 */
public final class AnswerCpuBenchmark {
    public static void main(String[] args) throws Exception {
        int warmupS = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path dir = Files.createTempDirectory("answer-cpu");
        for (String f : List.of("dataset.json", "demo.osm.gz")) Files.copy(Path.of("gisdata/demo", f), dir.resolve(f));
        Dataset dataset = DataDirectory.load(dir, null, ImportProgress.NONE);
        PolicyProfile profile = PolicyProfile.load(null);
        List<Feature> addresses = dataset.layer(Role.ADDRESS);
        List<HousedPersons.Housed> housed = new ArrayList<>();
        for (int i = 0; i < addresses.size(); i += 50)
            housed.add(new HousedPersons.Housed(
                    HousedPersons.Kind.values()[0], i, addresses.get(i).geometry(), 12, true, i % 100 == 0));
        HousedPersons registers = () -> housed;
        List<nl.plektoets.criteria.Criterion> additional =
                new ArrayList<>(List.of(new SpreadCriterion(registers, Audience.PUBLIC), new NeighboursCriterion()));
        // "room-rental": room_rental_street too, as serve answers the public (an empty register)
        if (args.length > 2 && args[2].equals("room-rental"))
            additional.add(new nl.plektoets.roomrental.RoomRentalStreetCriterion(
                    nl.plektoets.roomrental.RoomRentalRules.of(dataset, profile.roomRental()),
                    nl.plektoets.roomrental.RoomRentalPermits.NONE,
                    nl.plektoets.roomrental.Disclosure.publicFrom(
                            nl.plektoets.roomrental.Disclosure.DEFAULT_COUNTS_FROM_DWELLINGS)));
        Assessor assessor = new Assessor(dataset, profile, additional);
        Api api = new Api(Config.defaults(), dataset, assessor::assess, new PolicyInfo(profile.id(), profile.title()));
        Method found = null;
        try {
            found = Api.class.getMethod("assessJson", byte[].class);
        } catch (NoSuchMethodException e) {
            // a build from before the streamed answer
        }
        Method streamed = found;
        WorkingCrs crs = WorkingCrs.of(dataset.info().workingCrs());
        String[][] forms = {
            {"room_rental", "2"}, {"room_rental", "4"}, {"housing_facility", "12"}, {"housing_facility", "40"}
        };
        List<byte[]> bodies = new ArrayList<>();
        for (int i = 0; i < addresses.size(); i += 7) {
            Feature a = addresses.get(i);
            String[] form = forms[i % 4];
            if (a.attribute("street") != null && a.attribute("housenumber") != null && a.attribute("town") != null)
                bodies.add(String.format(
                                "{\"address\": \"%s %s, %s\", \"form\": \"%s\", \"persons\": %s}",
                                a.attribute("street"),
                                a.attribute("housenumber"),
                                a.attribute("town"),
                                form[0],
                                form[1])
                        .getBytes(StandardCharsets.UTF_8));
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
        // only what the service answers with 200 (a point beside the municipality is refused), as in bench-http
        bodies.removeIf(b -> {
            try {
                answer(api, streamed, b);
                return false;
            } catch (Exception e) {
                return true;
            }
        });
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long bytes = 0;
        long end = System.nanoTime() + warmupS * 1_000_000_000L;
        int warm = 0;
        while (System.nanoTime() < end) {
            for (byte[] b : bodies) bytes += answer(api, streamed, b).length;
            warm++;
        }
        double[] usPerAnswer = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            long cpu0 = mx.getCurrentThreadCpuTime();
            for (byte[] b : bodies) bytes += answer(api, streamed, b).length;
            usPerAnswer[r] = (mx.getCurrentThreadCpuTime() - cpu0) / 1e3 / bodies.size();
        }
        double[] sorted = usPerAnswer.clone();
        Arrays.sort(sorted);
        System.out.printf(
                Locale.ROOT,
                "answer cpu: %s; %d requests x %d rounds after %d warm-up passes (%d s); CPU us per answer median %.0f"
                        + " (rounds %s); load average %.1f%n",
                streamed != null ? "streamed (Api.assessJson)" : "tree (Api.assess + Answers.bytes)",
                bodies.size(),
                rounds,
                warm,
                warmupS,
                sorted[rounds / 2],
                Arrays.toString(Arrays.stream(usPerAnswer).map(Math::rint).toArray()),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        if (bytes == 42) System.out.println(); // keeps the answers alive for the JIT
    }

    private static byte[] answer(Api api, Method streamed, byte[] body) throws Exception {
        return streamed != null ? (byte[]) streamed.invoke(api, (Object) body) : Answers.bytes(api.assess(body));
    }
}
