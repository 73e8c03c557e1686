package nl.plektoets.roomrental;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nl.plektoets.assess.Assessor;
import nl.plektoets.criteria.CriterionInput;
import nl.plektoets.criteria.CriterionResult;
import nl.plektoets.criteria.Status;
import nl.plektoets.policy.PolicyProfile;
import nl.plektoets.registers.AssessmentSnapshots;
import nl.plektoets.registers.Registers;
import nl.plektoets.registers.RoomRentalPermit;
import nl.plektoets.registers.TestTerms;
import nl.plektoets.request.AssessmentRequest;
import nl.plektoets.request.HousingForm;
import nl.plektoets.store.Store;
import nl.plektoets.store.StoreKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code room_rental_street} works each street's standing out once per permit snapshot ({@link
 * RoomRentalRules.Snapshot}): on the real BAG extract, every dwelling's findings equal those of {@link
 * RoomRentalRules#check} over the same permits (the per-address computation); a permit granted between two
 * assessments in a store (embedded and PostGIS) changes the second; two threads on the same streets get equal answers.
 */
class RoomRentalSnapshotTest {
    @TempDir
    Path temp;

    /** Permits of every kind: granted, applied for, known without a permit, by address, on no known dwelling. */
    static List<PermitPlacement> permits(RoomRentalRules rules) {
        List<PermitPlacement> out = new ArrayList<>();
        long id = 1;
        int n = 0;
        for (Street s : rules.model().streets().values()) {
            List<Dwelling> ds = s.dwellings();
            if (ds.size() < 4) continue;
            Dwelling a = ds.get(0), b = ds.get(1), c = ds.get(ds.size() - 1);
            switch (n++ % 4) {
                case 0 -> out.add(new PermitPlacement(id++, a.streetName(), a.town(), a.bagId(), null, true));
                case 1 -> {
                    out.add(new PermitPlacement(id++, a.streetName(), a.town(), a.bagId(), null, false));
                    out.add(new PermitPlacement(id++, b.streetName(), b.town(), null, b.label(), true));
                }
                case 2 -> {
                    out.add(PermitPlacement.withoutPermit(id++, c.streetName(), c.town(), c.bagId(), null));
                    // the same dwelling granted too: it counts once
                    out.add(new PermitPlacement(id++, c.streetName(), c.town(), c.bagId(), null, true));
                    out.add(new PermitPlacement(id++, b.streetName(), b.town(), b.bagId(), null, false));
                }
                default ->
                    // a permit whose dwelling is unknown counts for its street
                    out.add(new PermitPlacement(id++, a.streetName(), a.town(), "0000000000000000", null, true));
            }
        }
        out.add(new PermitPlacement(id, "Nergensstraat", "Amsterdam", null, null, true));
        return List.copyOf(out);
    }

    @Test
    void everyDwellingsFindingsAreThoseOfTheRulesOverTheSamePermits() throws Exception {
        List<PolicyProfile> profiles = List.of(
                PolicyProfile.load(null),
                // every rule on, counted per segment of at most 40 dwellings
                RealBag.profile(
                        "enabled: false\n    metres: 50",
                        "enabled: true\n    metres: 50",
                        "enabled: false\n    between: 2",
                        "enabled: true\n    between: 2",
                        "enabled: false\n    rooms: 6",
                        "enabled: true\n    rooms: 6",
                        "enabled: false\n    max: 3",
                        "enabled: true\n    max: 3",
                        "segment_max_dwellings: 0",
                        "segment_max_dwellings: 40"));
        int compared = 0;
        for (PolicyProfile profile : profiles) {
            RoomRentalRules rules = RoomRentalRules.of(RealBag.dataset(), profile.roomRental());
            List<PermitPlacement> permits = permits(rules);
            List<RoomRentalRules.Placed> placed = rules.place(permits);
            for (Disclosure disclosure : List.of(Disclosure.PLANNER, Disclosure.publicFrom(10))) {
                RoomRentalRules.Snapshot snapshot = rules.snapshot(permits, disclosure);
                for (Street s : rules.model().streets().values()) {
                    for (Dwelling d : s.dwellings()) {
                        for (Integer rooms : new Integer[] {null, 3, 9}) {
                            assertEquals(
                                    rules.check(d, placed, rooms, -1, disclosure),
                                    snapshot.check(d, rooms),
                                    d.label() + " " + disclosure + " rooms " + rooms);
                            compared++;
                        }
                    }
                }
            }
        }
        assertTrue(compared > 10_000, "compared " + compared);
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aPermitGrantedBetweenTwoAssessmentsChangesTheSecond(StoreKind kind) throws Exception {
        PolicyProfile profile = PolicyProfile.load(null);
        RoomRentalRules rules = RoomRentalRules.of(RealBag.dataset(), profile.roomRental());
        Street taan = rules.model()
                .street(new StreetKey("Taandwarsstraat", "Amsterdam"))
                .orElseThrow(); // 16 dwellings, limit 1
        Dwelling holder = taan.dwellings().get(0), other = taan.dwellings().get(5);
        try (Store store = kind.open(kind.freshLocation(temp), Clock.systemUTC())) {
            Registers registers = new Registers(
                    TestTerms.HARDENBERG,
                    store,
                    Clock.systemUTC(),
                    AssessmentSnapshots.NONE,
                    new StreetLimitGuard(rules));
            // the served engine: the permits the store keeps, read again after every register change
            Assessor engine = new Assessor(
                    RealBag.dataset(),
                    profile,
                    List.of(new RoomRentalStreetCriterion(rules, new StorePermits(store), Disclosure.PLANNER)));
            CriterionResult before = streetResult(engine, other);
            assertEquals(Status.PASS, before.status(), before.message().en());
            assertEquals(0, before.evidence().get("granted"));
            assertEquals(1, before.evidence().get("left"));
            // asked again, the same street answers from the kept standing: the same answer
            assertEquals(before, streetResult(engine, other));

            RoomRentalPermit granted = registers.createPermit(RoomRentalStoreTest.permit(holder, "granted"), "t");
            CriterionResult after = streetResult(engine, other);
            assertEquals(Status.FAIL, after.status(), after.message().en());
            assertEquals(1, after.evidence().get("granted"));
            assertEquals(0, after.evidence().get("left"));
            assertTrue(after.message().en().contains("is full"), after.message().en());
            // the holder's own dwelling: it already counts (the planner's answer says so)
            CriterionResult own = streetResult(engine, holder);
            assertEquals(Status.PASS, own.status());
            assertEquals(true, own.evidence().get("alreadyGranted"));

            // withdrawn: the next answer has the place free again
            registers.patchPermit(
                    granted.id(),
                    nl.plektoets.registers.RegisterJson.MAPPER
                            .createObjectNode()
                            .put("version", 1)
                            .put("status", "withdrawn"),
                    "t");
            assertEquals(before, streetResult(engine, other));
        }
    }

    private static CriterionResult streetResult(Assessor engine, Dwelling d) {
        return engine.assess(new AssessmentRequest(d.location(), HousingForm.ROOM_RENTAL, 4, false)).criteria().stream()
                .filter(c -> c.id().equals(RoomRentalStreetCriterion.ID))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void twoThreadsOnTheSameStreetsGetEqualAnswers() throws Exception {
        PolicyProfile profile = PolicyProfile.load(null);
        RoomRentalRules rules = RoomRentalRules.of(RealBag.dataset(), profile.roomRental());
        List<PermitPlacement> permits = permits(rules);
        List<Dwelling> dwellings = new ArrayList<>();
        rules.model().streets().values().forEach(s -> dwellings.addAll(s.dwellings()));
        // the answers of one thread with a criterion of its own
        RoomRentalStreetCriterion alone = new RoomRentalStreetCriterion(rules, () -> permits);
        List<CriterionResult> expected = new ArrayList<>();
        for (Dwelling d : dwellings) expected.add(alone.result(d, 0, null));
        for (int round = 0; round < 5; round++) {
            // two threads start together on one fresh criterion, so both work the same streets out at once
            RoomRentalStreetCriterion shared = new RoomRentalStreetCriterion(rules, () -> permits);
            CyclicBarrier start = new CyclicBarrier(2);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<List<CriterionResult>>> answers = new ArrayList<>();
                for (int t = 0; t < 2; t++) {
                    answers.add(pool.submit(() -> {
                        start.await();
                        List<CriterionResult> out = new ArrayList<>();
                        for (Dwelling d : dwellings) out.add(shared.result(d, 0, null));
                        return out;
                    }));
                }
                for (Future<List<CriterionResult>> f : answers) assertEquals(expected, f.get());
            } finally {
                pool.shutdownNow();
            }
        }
        assertTrue(dwellings.size() > 1000, "dwellings " + dwellings.size());
        // and a status-only answer has the full answer's status
        AssessmentRequest any = new AssessmentRequest(dwellings.get(0).location(), HousingForm.ROOM_RENTAL, 4, false);
        for (int i = 0; i < dwellings.size(); i += 7) {
            Dwelling d = dwellings.get(i);
            AssessmentRequest r = new AssessmentRequest(d.location(), any.form(), 4, false);
            assertEquals(
                    alone.evaluate(new CriterionInput(r, profile, null)).status(),
                    alone.evaluate(new CriterionInput(r, profile, null, CriterionInput.Detail.STATUS))
                            .status());
        }
    }
}
