package nl.plektoets.roomrental;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import nl.plektoets.assess.Assessor;
import nl.plektoets.criteria.Audience;
import nl.plektoets.criteria.CriterionResult;
import nl.plektoets.criteria.HousedPersons;
import nl.plektoets.criteria.SpreadCriterion;
import nl.plektoets.data.Dataset;
import nl.plektoets.data.FixtureDataset;
import nl.plektoets.geo.WorkingCrs;
import nl.plektoets.policy.PolicyProfile;
import nl.plektoets.registers.HousingInitiative;
import nl.plektoets.registers.InitiativeBuilder;
import nl.plektoets.registers.InitiativeStatus;
import nl.plektoets.registers.InitiativeStep;
import nl.plektoets.registers.PermitType;
import nl.plektoets.registers.RegisterInitiativeCounts;
import nl.plektoets.registers.RegisterJson;
import nl.plektoets.request.AssessmentRequest;
import nl.plektoets.request.HousingForm;
import nl.plektoets.store.Store;
import nl.plektoets.store.StoreKind;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.locationtech.jts.geom.Coordinate;

/**
 * The register snapshot {@code serve} assesses over (the housed persons of {@code spread}, the counts of
 * {@code location_cap}): kept while nothing changes, and a grant, a realisation or a change of persons committed to
 * either store (real PostGIS and the GeoPackage) is in the very next assessment. The engine is the real one over the
 * fixture village Oosterbroek (2,400 inhabitants, RD New 240000 510000).
 */
class RegisterSnapshotTest {
    @TempDir
    Path temp;

    /** An organisation's housing facility at intake (the short constructor: an organisation by default). */
    static HousingInitiative intake(double x, double y, int persons) {
        return InitiativeBuilder.organisation(
                        "Agri Flex BV", WorkingCrs.rdNew().geometryFactory().createPoint(new Coordinate(x, y)))
                .housing(HousingForm.HOUSING_FACILITY, persons)
                .status(InitiativeStatus.INTAKE)
                .steps(List.of(new InitiativeStep(
                        InitiativeStatus.INTAKE,
                        StoreHousedPersonsTest.NOW,
                        "t",
                        RegisterJson.MAPPER.createObjectNode())))
                .build();
    }

    static HousingInitiative with(HousingInitiative i, InitiativeStatus status, int persons) {
        return new HousingInitiative(
                i.id(),
                i.version(),
                i.site(),
                i.form(),
                persons,
                i.initiator(),
                i.initiatorKind(),
                i.projectPage(),
                status,
                status == InitiativeStatus.GRANTED || status == InitiativeStatus.REALISED
                        ? PermitType.PERMANENT
                        : i.permitType(),
                i.existingLocation(),
                i.acceptedOn(),
                i.transitionDeadline(),
                i.transitionExtensionReason(),
                i.permitStart(),
                i.permitEnd(),
                i.steps(),
                i.notes(),
                i.createdAt(),
                i.createdBy(),
                i.updatedAt(),
                i.updatedBy());
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aGrantAndARealisationAreInTheNextAssessment(StoreKind kind) throws InterruptedException {
        Dataset dataset = FixtureDataset.create();
        PolicyProfile profile = PolicyProfile.load(null);
        RoomRentalRules rules = RoomRentalRules.of(dataset, profile.roomRental());
        try (Store store = kind.open(kind.freshLocation(temp), Clock.systemUTC())) {
            listening(store); // as serve does: on PostGIS nothing is kept while other writers are not heard
            HousedPersons housed =
                    StoreHousedPersons.snapshotted(store, rules, WorkingCrs.rdNew(), profile.publicInitiatives());
            RegisterInitiativeCounts counts = RegisterInitiativeCounts.snapshotted(store);
            Assessor engine = new Assessor(dataset, profile, List.of(new SpreadCriterion(housed, Audience.PUBLIC)));
            AssessmentRequest request = new AssessmentRequest(
                    WorkingCrs.rdNew().geometryFactory().createPoint(new Coordinate(240000, 510000)),
                    HousingForm.HOUSING_FACILITY,
                    10,
                    false);

            assertEquals(0, spread(engine, request).evidence().get("personsBefore"));
            List<HousedPersons.Housed> first = housed.all();
            assertSame(first, housed.all(), "kept while nothing changed");
            long before = store.changes().generation();
            assertEquals(before, store.changes().generation());

            // an organisation's initiative 100 m away, at intake: not housed yet
            HousingInitiative i = store.createInitiative(intake(240100, 510000, 30), "t");
            assertNotEquals(before, store.changes().generation(), "every committed change is heard");
            assertEquals(0, spread(engine, request).evidence().get("personsBefore"));
            assertEquals(0, counts.count(List.of("granted", "realised"), 1, 100));

            // granted: counted in the village and, being an organisation's public site, named in the cluster
            HousingInitiative granted =
                    store.updateInitiative(i.id(), i.version(), "t", x -> with(x, InitiativeStatus.GRANTED, 30));
            CriterionResult afterGrant = spread(engine, request);
            assertEquals(30, afterGrant.evidence().get("personsBefore"));
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> members =
                    (List<Map<String, Object>>) afterGrant.evidence().get("clusterMembers");
            assertEquals(1, members.size());
            assertEquals(100.0, members.get(0).get("distanceM"));
            assertEquals(1, counts.count(List.of("granted", "realised"), 1, 100));
            List<HousedPersons.Housed> kept = housed.all();
            assertEquals(1, kept.size());
            assertSame(kept, housed.all(), "kept while nothing changed");

            // realised with 45 persons: the next assessment has the 45
            store.updateInitiative(granted.id(), granted.version(), "t", x -> with(x, InitiativeStatus.REALISED, 45));
            assertEquals(45, spread(engine, request).evidence().get("personsBefore"));
            assertNotSame(kept, housed.all(), "a change is read again");
            assertEquals(1, counts.count(List.of("realised"), 1, 100));
            assertEquals(0, counts.count(List.of("granted"), 1, 100));
        }
    }

    /**
     * Another process on the same PostGIS database (a second store object): its grant is in this one's next snapshot,
     * before this store listens (nothing is kept while changes are not heard) and after (heard through NOTIFY). The
     * GeoPackage has one writer, the process that serves it (operations.md).
     */
    @ParameterizedTest
    @EnumSource(value = StoreKind.class, names = "POSTGIS")
    void aChangeByAnotherProcessIsSeenToo(StoreKind kind) throws InterruptedException {
        Dataset dataset = FixtureDataset.create();
        PolicyProfile profile = PolicyProfile.load(null);
        RoomRentalRules rules = RoomRentalRules.of(dataset, profile.roomRental());
        String location = kind.freshLocation(temp);
        try (Store store = kind.open(location, Clock.systemUTC());
                Store other = kind.open(location, Clock.systemUTC())) {
            HousedPersons housed =
                    StoreHousedPersons.snapshotted(store, rules, WorkingCrs.rdNew(), profile.publicInitiatives());
            HousingInitiative i = store.createInitiative(intake(240100, 510000, 30), "t");
            assertEquals(0, housed.all().size());
            HousingInitiative granted =
                    other.updateInitiative(i.id(), i.version(), "t", x -> with(x, InitiativeStatus.GRANTED, 30));
            assertEquals(1, housed.all().size(), "not listening: every read goes to the store");
            assertEquals(30, housed.all().get(0).persons());

            listening(store);
            long deadline = System.nanoTime() + 10_000_000_000L;
            List<HousedPersons.Housed> kept = housed.all();
            assertSame(kept, housed.all(), "kept while heard and unchanged");
            other.updateInitiative(granted.id(), granted.version(), "t", x -> with(x, InitiativeStatus.REALISED, 45));
            while (housed.all().get(0).persons() != 45 && System.nanoTime() < deadline) Thread.sleep(20);
            assertEquals(45, housed.all().get(0).persons(), "the other process's change is heard through NOTIFY");
        }
    }

    /** Starts hearing other writers (PostGIS's LISTEN connection) and waits until it is up. */
    static void listening(Store store) throws InterruptedException {
        store.listenToOtherWriters();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!store.changes().heard() && System.nanoTime() < deadline) Thread.sleep(20);
        assertTrue(store.changes().heard(), "every change is heard (PostGIS: the LISTEN connection is up)");
    }

    static CriterionResult spread(Assessor engine, AssessmentRequest request) {
        return engine.assess(request).criteria().stream()
                .filter(c -> c.id().equals(SpreadCriterion.ID))
                .findFirst()
                .orElseThrow();
    }
}
