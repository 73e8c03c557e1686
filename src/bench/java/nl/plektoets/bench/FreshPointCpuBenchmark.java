package nl.plektoets.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import nl.plektoets.assess.Assessor;
import nl.plektoets.criteria.Audience;
import nl.plektoets.criteria.Criterion;
import nl.plektoets.criteria.CriterionInput;
import nl.plektoets.criteria.CriterionResult;
import nl.plektoets.criteria.FacilityReachCriterion;
import nl.plektoets.criteria.HousedPersons;
import nl.plektoets.criteria.SpreadCriterion;
import nl.plektoets.data.Dataset;
import nl.plektoets.data.Feature;
import nl.plektoets.data.ImportProgress;
import nl.plektoets.data.Role;
import nl.plektoets.data.directory.DataDirectory;
import nl.plektoets.policy.PolicyProfile;
import nl.plektoets.policy.ReachSettings;
import nl.plektoets.request.AssessmentRequest;
import nl.plektoets.request.HousingForm;
import nl.plektoets.roomrental.Disclosure;
import nl.plektoets.roomrental.RoomRentalPermits;
import nl.plektoets.roomrental.RoomRentalRules;
import nl.plektoets.roomrental.RoomRentalStreetCriterion;
import nl.plektoets.routing.ReachIndex;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

/**
 * CPU per request of facility_reach, spread and room_rental_street at fresh points (not a test; docs/performance.md
 * "Session 10: reach, spread and room rental street"): the committed demo with its walking and cycling network, as
 * {@code serve} answers the public (spread over a register of every 50th address, room rental with an empty register),
 * at 6,000 seeded points: half a few tens of metres beside an address, half anywhere in the demo's extent. Each
 * criterion with {@code Detail.FULL} alone on one thread, thread CPU time, median of the rounds after a warm-up; the
 * reach lookup alone ({@code ReachLookup.reach}) too, and at 6,000 address points (an assessment by address: the
 * address's own point; its digest printed apart). First prints a digest of every result, so two builds are seen to
 * answer the same. Uses only what main's classes have, so builds run side by side ({@code scripts/bench-fresh-point}):
 * {@code java -cp BENCH-CLASSES:JAR nl.plektoets.bench.FreshPointCpuBenchmark WORK-DIR [warm-up-s] [rounds]}; WORK-DIR
 * keeps the demo's copy and its graph between runs (one per build run at the same time).
 */
public final class FreshPointCpuBenchmark {
    private FreshPointCpuBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        int warmupS = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 7;
        Files.createDirectories(work);
        for (String f : List.of("dataset.json", "demo.osm.gz"))
            if (!Files.exists(work.resolve(f))) Files.copy(Path.of("gisdata/demo", f), work.resolve(f));
        Dataset dataset = DataDirectory.load(work, null, ImportProgress.NONE);
        PolicyProfile profile = PolicyProfile.load(null);
        ReachIndex reach =
                ReachIndex.open(work, dataset, ReachSettings.from(profile, ReachSettings.DEFAULT_MAX_SNAP_DISTANCE_M));
        List<Feature> addresses = dataset.layer(Role.ADDRESS);
        List<HousedPersons.Housed> housed = new ArrayList<>();
        for (int i = 0; i < addresses.size(); i += 50)
            housed.add(new HousedPersons.Housed(
                    HousedPersons.Kind.values()[0], i, addresses.get(i).geometry(), 12, true, i % 100 == 0));
        FacilityReachCriterion facilityReach = new FacilityReachCriterion(reach);
        SpreadCriterion spread = new SpreadCriterion(() -> housed, Audience.PUBLIC);
        RoomRentalStreetCriterion roomRental = new RoomRentalStreetCriterion(
                RoomRentalRules.of(dataset, profile.roomRental()),
                RoomRentalPermits.NONE,
                Disclosure.publicFrom(Disclosure.DEFAULT_COUNTS_FROM_DWELLINGS));
        Assessor assessor = new Assessor(dataset, profile, List.of(facilityReach, spread, roomRental));

        // the points: beside an address (as a click on a house), or anywhere in the extent (a click on a field)
        Random random = new Random(17);
        org.locationtech.jts.geom.Envelope extent = new org.locationtech.jts.geom.Envelope();
        for (Feature a : addresses) extent.expandToInclude(a.geometry().getEnvelopeInternal());
        HousingForm[] forms = {HousingForm.ROOM_RENTAL, HousingForm.HOUSING_FACILITY};
        int[] persons = {4, 40};
        List<CriterionInput> inputs = new ArrayList<>();
        List<CriterionInput> roomRentalInputs = new ArrayList<>();
        for (int i = 0; i < 6000; i++) {
            Coordinate c;
            if (i % 2 == 0) {
                Coordinate a = addresses
                        .get(random.nextInt(addresses.size()))
                        .geometry()
                        .getCoordinate();
                c = new Coordinate(a.x + random.nextGaussian() * 30, a.y + random.nextGaussian() * 30);
            } else {
                c = new Coordinate(
                        extent.getMinX() + random.nextDouble() * extent.getWidth(),
                        extent.getMinY() + random.nextDouble() * extent.getHeight());
            }
            Point site =
                    dataset.layer(Role.ADDRESS).get(0).geometry().getFactory().createPoint(c);
            int f = i % 4 < 3 ? 0 : 1; // room rental the most, as the room-rental map asks it
            CriterionInput in = new CriterionInput(
                    new AssessmentRequest(site, forms[f], persons[f], false), profile, assessor.lookup());
            inputs.add(in);
            roomRentalInputs.add(
                    f == 0
                            ? in
                            : new CriterionInput(
                                    new AssessmentRequest(site, HousingForm.ROOM_RENTAL, 4, false),
                                    profile,
                                    assessor.lookup()));
        }
        // the reach at address points, as an assessment by address asks it (the address's own point)
        List<Geometry> addressSites = new ArrayList<>();
        for (int i = 0; i < 6000; i++) {
            Geometry g = addresses.get(random.nextInt(addresses.size())).geometry();
            addressSites.add(g instanceof Point ? g : g.getInteriorPoint());
        }
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        for (Criterion c : List.<Criterion>of(facilityReach, spread, roomRental))
            for (CriterionInput in : c == roomRental ? roomRentalInputs : inputs)
                digest.update(text(c.evaluate(in)).getBytes(StandardCharsets.UTF_8));
        for (CriterionInput in : inputs)
            digest.update(text(reach.reach(in.request().site())).getBytes(StandardCharsets.UTF_8));
        System.out.println(
                "results digest " + HexFormat.of().formatHex(digest.digest()).substring(0, 16));
        MessageDigest addressDigest = MessageDigest.getInstance("SHA-256");
        for (Geometry site : addressSites)
            addressDigest.update(text(reach.reach(site)).getBytes(StandardCharsets.UTF_8));
        System.out.println("address reach digest "
                + HexFormat.of().formatHex(addressDigest.digest()).substring(0, 16));
        List<CriterionInput> addressInputs = new ArrayList<>();
        for (Geometry site : addressSites)
            addressInputs.add(new CriterionInput(
                    new AssessmentRequest(site, HousingForm.ROOM_RENTAL, 4, false), profile, assessor.lookup()));

        List<String> names =
                List.of("facility_reach", "reach lookup", "spread", "room_rental_street", "reach at addresses");
        List<Function<CriterionInput, Object>> runs = List.of(
                facilityReach::evaluate,
                in -> reach.reach(in.request().site()),
                spread::evaluate,
                roomRental::evaluate,
                in -> reach.reach(in.request().site()));
        double[][] us = new double[names.size()][rounds];
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long until = System.nanoTime() + warmupS * 1_000_000_000L;
        long sink = 0;
        while (System.nanoTime() < until)
            for (int k = 0; k < runs.size(); k++)
                for (CriterionInput in : k == 3 ? roomRentalInputs : k == 4 ? addressInputs : inputs)
                    sink += runs.get(k).apply(in).hashCode();
        for (int r = 0; r < rounds; r++) {
            for (int k = 0; k < runs.size(); k++) {
                List<CriterionInput> ins = k == 3 ? roomRentalInputs : k == 4 ? addressInputs : inputs;
                long t0 = threads.getCurrentThreadCpuTime();
                for (CriterionInput in : ins) sink += runs.get(k).apply(in).hashCode();
                us[k][r] = (threads.getCurrentThreadCpuTime() - t0) / 1e3 / ins.size();
            }
        }
        for (int k = 0; k < runs.size(); k++) {
            double[] s = us[k].clone();
            Arrays.sort(s);
            System.out.printf(
                    Locale.ROOT,
                    "%-20s %7.2f us CPU per request (median of %d rounds, %.2f-%.2f), load %.1f%n",
                    names.get(k),
                    s[rounds / 2],
                    rounds,
                    s[0],
                    s[rounds - 1],
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
        if (sink == 42) System.out.println();
        reach.close();
    }

    /** A result as text for the digest: features by id, geometries as WKT, everything else as it prints. */
    private static String text(Object o) {
        StringBuilder sb = new StringBuilder();
        append(sb, o);
        return sb.append('\n').toString();
    }

    private static void append(StringBuilder sb, Object o) {
        if (o instanceof CriterionResult r) {
            sb.append(r.id())
                    .append(' ')
                    .append(r.status())
                    .append(' ')
                    .append(r.policyRef())
                    .append(' ');
            sb.append(r.message().nl()).append(" | ").append(r.message().en()).append(' ');
            append(sb, r.evidence());
            sb.append(' ').append(r.obligations());
        } else if (o instanceof Map<?, ?> m) {
            // a map of unknown order (Map.copyOf) is written sorted by key
            List<? extends Map.Entry<?, ?>> es = new ArrayList<>(m.entrySet());
            if (!(m instanceof java.util.LinkedHashMap)
                    && !(m.getClass().getName().contains("Unmodifiable")))
                es.sort((a, b) -> String.valueOf(a.getKey()).compareTo(String.valueOf(b.getKey())));
            sb.append('{');
            for (Map.Entry<?, ?> e : es) {
                sb.append(e.getKey()).append('=');
                append(sb, e.getValue());
                sb.append(',');
            }
            sb.append('}');
        } else if (o instanceof List<?> l) {
            sb.append('[');
            for (Object x : l) {
                append(sb, x);
                sb.append(',');
            }
            sb.append(']');
        } else if (o instanceof Feature f) {
            sb.append("feature#").append(f.id());
        } else if (o instanceof Geometry g) {
            sb.append(g.toText());
        } else if (o instanceof Record rec) {
            // ReachLookup.Access / Trip: their components in order
            sb.append(rec.getClass().getSimpleName()).append('(');
            for (var rc : rec.getClass().getRecordComponents()) {
                try {
                    append(sb, rc.getAccessor().invoke(rec));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
                sb.append(';');
            }
            sb.append(')');
        } else {
            sb.append(o);
        }
    }
}
