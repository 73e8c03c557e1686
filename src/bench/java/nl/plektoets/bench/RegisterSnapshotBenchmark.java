package nl.plektoets.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nl.plektoets.assess.Assessor;
import nl.plektoets.criteria.Audience;
import nl.plektoets.criteria.SpreadCriterion;
import nl.plektoets.data.Dataset;
import nl.plektoets.data.Feature;
import nl.plektoets.data.Role;
import nl.plektoets.data.directory.DataDirectory;
import nl.plektoets.geo.WorkingCrs;
import nl.plektoets.policy.PolicyProfile;
import nl.plektoets.registers.HousingInitiative;
import nl.plektoets.registers.InitiativeStatus;
import nl.plektoets.registers.InitiativeStep;
import nl.plektoets.registers.InitiatorKind;
import nl.plektoets.registers.PermitStatus;
import nl.plektoets.registers.PermitType;
import nl.plektoets.registers.RegisterInitiativeCounts;
import nl.plektoets.registers.RegisterJson;
import nl.plektoets.registers.RoomRentalPermit;
import nl.plektoets.request.AssessmentRequest;
import nl.plektoets.request.HousingForm;
import nl.plektoets.roomrental.Dwelling;
import nl.plektoets.roomrental.RoomRentalRules;
import nl.plektoets.roomrental.StoreHousedPersons;
import nl.plektoets.store.Store;
import nl.plektoets.store.embedded.GeoPackageStore;
import nl.plektoets.store.postgis.PostgisStore;

/**
 * The served {@code spread} and {@code location_cap} over a real store (not a test; {@code scripts/bench-etfal}
 * prints it after {@link EtfalBenchmark}): the committed demo with 200 granted initiatives (every 15th address, half
 * of them facilities, half private persons) and 100 granted room-rental permits in the embedded GeoPackage (or PostGIS
 * with a JDBC URL as second argument). Per assessment: reading and placing the registers each time
 * ({@code StoreHousedPersons}, the way {@code serve} did) against the register snapshot
 * ({@code StoreHousedPersons.snapshotted}: the list and its villages kept until the registers change; PostGIS listens
 * for other writers as serve does); and one {@code location_cap}
 * count read per call against the snapshot.
 */
public final class RegisterSnapshotBenchmark {
    public static void main(String[] args) throws Exception {
        Dataset dataset = DataDirectory.load(
                Path.of(args.length > 0 ? args[0] : "gisdata/demo"), null, nl.plektoets.data.ImportProgress.NONE);
        PolicyProfile profile = PolicyProfile.load(null);
        RoomRentalRules rules = RoomRentalRules.of(dataset, profile.roomRental());
        WorkingCrs crs = WorkingCrs.of(dataset.info().workingCrs());
        Path dir = Files.createTempDirectory("plektoets-bench-snapshot");
        try (Store store = args.length > 1
                ? PostgisStore.open(args[1], "postgres", null, Clock.systemUTC())
                : GeoPackageStore.open(dir, Clock.systemUTC())) {
            fill(store, dataset, rules, crs);
            store.listenToOtherWriters(); // as serve does: PostGIS keeps nothing while other writers are not heard
            for (int i = 0; i < 500 && !store.changes().heard(); i++) Thread.sleep(20);
            List<Feature> addresses = dataset.layer(Role.ADDRESS);
            List<AssessmentRequest> requests = new ArrayList<>();
            for (int i = 0; i < addresses.size() && requests.size() < 600; i += 5)
                requests.add(new AssessmentRequest(
                        addresses.get(i).geometry().getInteriorPoint(), HousingForm.HOUSING_FACILITY, 20, false));
            Assessor base = new Assessor(dataset, profile);
            Assessor perRequest = base.withAdditional(List.of(new SpreadCriterion(
                    new StoreHousedPersons(store, rules, crs, profile.publicInitiatives()), Audience.PUBLIC)));
            Assessor snapshot = base.withAdditional(List.of(new SpreadCriterion(
                    StoreHousedPersons.snapshotted(store, rules, crs, profile.publicInitiatives()), Audience.PUBLIC)));
            System.out.printf(
                    Locale.ROOT,
                    "dataset      %s, %d requests, store %s, load average %.1f%n",
                    dataset.info().name(),
                    requests.size(),
                    store.describe(),
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                            .getSystemLoadAverage());
            long warm = System.nanoTime();
            while (System.nanoTime() - warm < 3_000_000_000L) {
                for (AssessmentRequest r : requests.subList(0, 100)) {
                    perRequest.assess(r);
                    snapshot.assess(r);
                }
            }
            AssessBenchmark.measure("built-in", base, requests);
            AssessBenchmark.measure("spread/read", perRequest, requests);
            AssessBenchmark.measure("spread/snap", snapshot, requests);
            counts("cap/read", RegisterInitiativeCounts.of(store));
            counts("cap/snap", RegisterInitiativeCounts.snapshotted(store));
        }
    }

    private static void counts(String name, RegisterInitiativeCounts counts) {
        for (int i = 0; i < 200; i++) counts.count(List.of("granted", "realised"), 16, 50);
        long[] ns = new long[1000];
        for (int i = 0; i < ns.length; i++) {
            long t = System.nanoTime();
            counts.count(List.of("granted", "realised"), 16, 50);
            ns[i] = System.nanoTime() - t;
        }
        java.util.Arrays.sort(ns);
        System.out.printf(
                Locale.ROOT,
                "%-12s location_cap count: p50 %.1f us  p99 %.1f us%n",
                name,
                ns[500] / 1e3,
                ns[990] / 1e3);
    }

    private static void fill(Store store, Dataset dataset, RoomRentalRules rules, WorkingCrs crs) {
        List<Feature> addresses = dataset.layer(Role.ADDRESS);
        Instant now = Instant.parse("2026-03-01T10:00:00Z");
        int n = 0;
        for (int i = 0; i < addresses.size() && n < 200; i += 15, n++) {
            var site =
                    nl.plektoets.geo.ApiCrs.RD_NEW.fromWorking(addresses.get(i).geometry(), crs);
            store.createInitiative(
                    new HousingInitiative(
                            0,
                            0,
                            site,
                            n % 2 == 0 ? HousingForm.HOUSING_FACILITY : HousingForm.ROOM_RENTAL,
                            4 + n % 40,
                            "Bench " + n,
                            n % 4 < 2 ? InitiatorKind.ORGANISATION : InitiatorKind.PERSON,
                            null,
                            InitiativeStatus.GRANTED,
                            PermitType.PERMANENT,
                            false,
                            null,
                            null,
                            null,
                            null,
                            null,
                            List.of(new InitiativeStep(
                                    InitiativeStatus.GRANTED, now, "bench", RegisterJson.MAPPER.createObjectNode())),
                            null,
                            now,
                            "bench",
                            now,
                            "bench"),
                    "bench");
        }
        List<Dwelling> dwellings = new ArrayList<>();
        rules.model().streets().values().forEach(s -> dwellings.addAll(s.dwellings()));
        for (int i = 0; i < dwellings.size() && i < 100 * 7; i += 7) {
            Dwelling d = dwellings.get(i);
            store.createPermit(
                    new RoomRentalPermit(
                            0,
                            0,
                            d.bagId(),
                            d.label(),
                            d.streetName(),
                            d.town(),
                            3,
                            4,
                            PermitStatus.GRANTED,
                            PermitType.PERMANENT,
                            LocalDate.parse("2026-02-01"),
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null),
                    "bench");
        }
    }
}
