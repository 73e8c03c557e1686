package nl.plektoets.web;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.plektoets.assess.Assessment;
import nl.plektoets.assess.Assessor;
import nl.plektoets.bench.DemoBench;
import nl.plektoets.config.Config;
import nl.plektoets.criteria.Audience;
import nl.plektoets.criteria.CriterionResult;
import nl.plektoets.criteria.HousedPersons;
import nl.plektoets.criteria.NeighboursCriterion;
import nl.plektoets.criteria.SpreadCriterion;
import nl.plektoets.data.Dataset;
import nl.plektoets.data.Feature;
import nl.plektoets.data.Role;
import nl.plektoets.geo.WorkingCrs;
import nl.plektoets.policy.PolicyProfile;
import nl.plektoets.roomrental.Disclosure;
import nl.plektoets.roomrental.RoomRentalPermits;
import nl.plektoets.roomrental.RoomRentalRules;
import nl.plektoets.roomrental.RoomRentalStreetCriterion;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;

/**
 * CPU of writing an assessment's JSON alone (not a test; docs/performance.md "Session 9"): the demo's assessments of
 * {@link AnswerCpuBenchmark}'s requests (with room_rental_street) computed once, then written again and again by main's
 * writer ({@link AssessmentJsonBaseline}) and this build's ({@link AssessmentJson.Writer}) in alternating rounds on
 * one thread, thread CPU time per answer. Both are checked to write the same bytes first. "text" is the same answers
 * with every evidence geometry replaced by a short text, so the part this writer owns is seen without the coordinates'
 * transform (geo's).
 *
 * <p>Usage: {@code java -cp target/test-classes:target/classes:DEPS nl.plektoets.web.AnswerJsonCpuBenchmark
 * [warm-up-s] [rounds] [only: old|new|both] [answers]}
 */
public final class AnswerJsonCpuBenchmark {
    private interface Write {
        void fields(Assessment a, JsonGenerator g) throws Exception;
    }

    public static void main(String[] args) throws Exception {
        int warmupS = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 9;
        String only = args.length > 2 ? args[2] : "";
        // how many answers are written over and over (default all): a few stay in the CPU's caches, as a served
        // answer just computed does; all of them (20 kB each) come from memory every time
        int keep = args.length > 3 ? Integer.parseInt(args[3]) : Integer.MAX_VALUE;
        Dataset dataset = DemoBench.demo("answer-json-cpu");
        PolicyProfile profile = PolicyProfile.load(null);
        List<Feature> addresses = dataset.layer(Role.ADDRESS);
        HousedPersons registers = DemoBench.everyFiftiethAddress(addresses);
        Assessor assessor = new Assessor(
                dataset,
                profile,
                List.of(
                        new SpreadCriterion(registers, Audience.PUBLIC),
                        new NeighboursCriterion(),
                        new RoomRentalStreetCriterion(
                                RoomRentalRules.of(dataset, profile.roomRental()),
                                RoomRentalPermits.NONE,
                                Disclosure.publicFrom(Disclosure.DEFAULT_COUNTS_FROM_DWELLINGS))));
        List<Assessment> answers = new ArrayList<>();
        Api api = new Api(
                Config.defaults(),
                dataset,
                r -> {
                    Assessment a = assessor.assess(r);
                    answers.add(a);
                    return a;
                },
                new PolicyInfo(profile.id(), profile.title()));
        WorkingCrs crs = WorkingCrs.of(dataset.info().workingCrs());
        String[][] forms = {
            {"room_rental", "2"}, {"room_rental", "4"}, {"housing_facility", "12"}, {"housing_facility", "40"}
        };
        for (int i = 0; i < addresses.size(); i += 7) {
            Feature a = addresses.get(i);
            String[] form = forms[i % 4];
            Coordinate c = a.geometry().getCoordinate();
            Coordinate ll = crs.toLonLat(c.x + 40 * ((i % 7) - 3), c.y + 30 * ((i % 5) - 2));
            byte[] body = String.format(
                            Locale.ROOT,
                            "{\"site\": {\"type\": \"Point\", \"coordinates\": [%.6f, %.6f]}, \"form\": \"%s\", \"persons\": %s}",
                            ll.x,
                            ll.y,
                            form[0],
                            form[1])
                    .getBytes(StandardCharsets.UTF_8);
            try {
                api.assessJson(body);
            } catch (RuntimeException e) {
                // refused (beside the municipality), as the service would
            }
        }
        if (answers.size() > keep) answers.subList(keep, answers.size()).clear();
        List<Assessment> text =
                answers.stream().map(AnswerJsonCpuBenchmark::withoutGeometries).toList();

        ObjectMapper mapper = new ObjectMapper();
        AssessmentJsonBaseline.Writer oldWriter =
                new AssessmentJsonBaseline.Writer(mapper, new AssessmentJsonBaseline.Constants(mapper));
        AssessmentJson.Writer newWriter = new AssessmentJson.Writer(mapper, new AssessmentJson.Constants(mapper));
        Write old = (a, g) -> oldWriter.fields(a, crs, g);
        Write now = (a, g) -> newWriter.fields(a, crs, g);
        for (List<Assessment> set : List.of(answers, text))
            for (Assessment a : set)
                if (!Arrays.equals(bytes(mapper, old, a), bytes(mapper, now, a)))
                    throw new AssertionError("the two writers differ:\n" + new String(bytes(mapper, old, a)) + "\n"
                            + new String(bytes(mapper, now, a)));
        long size = 0;
        for (Assessment a : answers) size += bytes(mapper, now, a).length;

        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long sink = 0;
        long end = System.nanoTime() + warmupS * 1_000_000_000L;
        int warm = 0;
        while (System.nanoTime() < end) {
            for (List<Assessment> set : List.of(answers, text)) {
                if (!only.equals("new")) sink += pass(mapper, old, set);
                if (!only.equals("old")) sink += pass(mapper, now, set);
            }
            warm++;
        }
        String[] names = {"old full", "new full", "old text", "new text"};
        double[][] us = new double[4][rounds];
        for (int r = 0; r < rounds; r++) {
            for (int k = 0; k < 4; k++) {
                // alternate which writer goes first, so neither always follows the other's garbage
                int w = (r % 2 == 0) ? k : (k ^ 1);
                if (only.equals("old") && w % 2 == 1 || only.equals("new") && w % 2 == 0) continue;
                List<Assessment> set = w < 2 ? answers : text;
                Write writer = w % 2 == 0 ? old : now;
                long cpu0 = mx.getCurrentThreadCpuTime();
                sink += pass(mapper, writer, set);
                us[w][r] = (mx.getCurrentThreadCpuTime() - cpu0)
                        / 1e3
                        / (set.size() * ((2000 + set.size() - 1) / set.size()));
            }
        }
        System.out.printf(
                Locale.ROOT,
                "answer json: %d answers (%.1f kB each) x %d rounds after %d warm-up passes (%d s); load average %.1f%n",
                answers.size(),
                size / 1024.0 / answers.size(),
                rounds,
                warm,
                warmupS,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        for (int w = 0; w < 4; w++) {
            double[] sorted = us[w].clone();
            Arrays.sort(sorted);
            System.out.printf(
                    Locale.ROOT,
                    "  %s: CPU us per answer median %.1f (rounds %s)%n",
                    names[w],
                    sorted[rounds / 2],
                    Arrays.toString(Arrays.stream(us[w])
                            .map(x -> Math.rint(x * 10) / 10)
                            .toArray()));
        }
        if (sink == 42) System.out.println();
    }

    /** One measured pass: the set written over and over, at least about 2000 answers. */
    private static long pass(ObjectMapper mapper, Write w, List<Assessment> set) throws Exception {
        long n = 0;
        for (int r = 0; r < (2000 + set.size() - 1) / set.size(); r++)
            for (Assessment a : set) n += bytes(mapper, w, a).length;
        return n;
    }

    /** As {@code Api.assessJson} writes an answer: one generator over the thread's answer buffer. */
    private static byte[] bytes(ObjectMapper mapper, Write w, Assessment a) throws Exception {
        AnswerBuffer out = AnswerBuffer.take();
        try (JsonGenerator g = mapper.getFactory().createGenerator(out)) {
            g.writeStartObject();
            w.fields(a, g);
            g.writeEndObject();
        }
        return out.toByteArray();
    }

    private static Assessment withoutGeometries(Assessment a) {
        List<CriterionResult> criteria = new ArrayList<>();
        for (CriterionResult c : a.criteria()) {
            Map<String, Object> evidence = new LinkedHashMap<>();
            c.evidence().forEach((k, v) -> evidence.put(k, v instanceof Geometry ? "geometry" : v));
            criteria.add(
                    new CriterionResult(c.id(), c.status(), c.policyRef(), c.message(), evidence, c.obligations()));
        }
        return new Assessment(a.verdict(), a.locationClass(), criteria, a.site(), a.notChecked());
    }
}
