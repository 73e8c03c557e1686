package nl.plektoets.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import nl.plektoets.data.Dataset;
import nl.plektoets.data.DatasetInfo;
import nl.plektoets.data.Feature;
import nl.plektoets.data.Provenance;
import nl.plektoets.data.Role;
import nl.plektoets.geo.WorkingCrs;
import nl.plektoets.registers.AuditEntry;
import nl.plektoets.registers.EntryNotFoundException;
import nl.plektoets.registers.HousingInitiative;
import nl.plektoets.registers.InitiativeBuilder;
import nl.plektoets.registers.InitiativeStatus;
import nl.plektoets.registers.InitiativeStep;
import nl.plektoets.registers.PermitStatus;
import nl.plektoets.registers.PermitType;
import nl.plektoets.registers.RegisterJson;
import nl.plektoets.registers.RoomRentalPermit;
import nl.plektoets.registers.VersionConflictException;
import nl.plektoets.request.HousingForm;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;

/** The behaviour both stores promise ({@link Store}), run against PostGIS and against the GeoPackage file. */
class StoreContractTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T09:30:00Z"), ZoneOffset.UTC);

    @TempDir
    Path temp;

    static RoomRentalPermit permit(String street, int persons) {
        return new RoomRentalPermit(
                0,
                0,
                "0160010000012345",
                "Jachthuisweg 12, Heemserveen",
                street,
                "Heemserveen",
                3,
                persons,
                PermitStatus.APPLIED,
                PermitType.PERMANENT,
                LocalDate.parse("2026-02-01"),
                null,
                null,
                null,
                "three rooms upstairs",
                null,
                null,
                null,
                null);
    }

    static HousingInitiative initiative() {
        return InitiativeBuilder.organisation(
                        "Agri Flex BV",
                        Fixtures.rd("POLYGON ((240010 505010, 240050 505010, 240050 505040, "
                                + "240010 505040, 240010 505010))"))
                .housing(HousingForm.HOUSING_FACILITY, 18)
                .status(InitiativeStatus.REPORTED)
                .steps(List.of(new InitiativeStep(
                        InitiativeStatus.REPORTED,
                        CLOCK.instant(),
                        "ans",
                        RegisterJson.MAPPER.createObjectNode().put("verdict", "conditional"))))
                .build();
    }

    static com.fasterxml.jackson.databind.JsonNode reparsed(com.fasterxml.jackson.databind.JsonNode n) {
        try {
            return RegisterJson.MAPPER.readTree(n.toString());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void layersRoundTripExactlyWithAttributesAndProvenance(StoreKind kind) {
        try (Store store = kind.open(kind.freshLocation(temp), CLOCK)) {
            assertTrue(store.loadDataset().isEmpty(), "a new store has no layers");
            store.importLayers(Fixtures.hardenberg("Heemserveen fixture"));
            Dataset d = store.loadDataset().orElseThrow();
            assertEquals(
                    new DatasetInfo("Heemserveen fixture", true, List.of("fixture.osm (test)"), "EPSG:28992"),
                    d.info());
            assertEquals(6, d.size());
            Feature plot = d.layer(Role.AGRICULTURAL_PLOT).get(0);
            assertEquals(
                    "POLYGON ((240000 505000, 240100 505000, 240100 505080, 240000 505080, 240000 505000))",
                    plot.geometry().toText());
            assertEquals(28992, plot.geometry().getSRID());
            assertEquals(Map.of("name", "Erve Kamphuis"), plot.attributes());
            assertEquals(new Provenance("fixture.osm", "way/1", "fixture=agricultural_plot"), plot.provenance());
            assertEquals(
                    "POINT (240500.5 505600.25)",
                    d.layer(Role.VILLAGE).get(0).geometry().toText());
            assertEquals("850", d.layer(Role.VILLAGE).get(0).attribute("population"));
            assertEquals(
                    "LINESTRING (240400 505500, 240600 505700, 240800 505750)",
                    d.layer(Role.ROAD).get(0).geometry().toText());
            assertEquals(List.of(), d.layer(Role.FACILITY));
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aSecondImportReplacesTheFirstAndSurvivesReopening(StoreKind kind) {
        String where = kind.freshLocation(temp);
        try (Store store = kind.open(where, CLOCK)) {
            store.importLayers(Fixtures.grid("grid", 300));
            store.importLayers(Fixtures.hardenberg("second"));
        }
        try (Store store = kind.open(where, CLOCK)) {
            Dataset d = store.loadDataset().orElseThrow();
            assertEquals("second", d.info().name());
            assertEquals(1, d.layer(Role.ADDRESS).size(), "the 300 grid addresses are gone");
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aDatasetInAnotherWorkingCrsComesBackInItWithinAMillimetre(StoreKind kind) {
        WorkingCrs utm = WorkingCrs.of("EPSG:32632");
        Geometry farmyard = utm.geometryFactory().createPolygon(new Coordinate[] {
            new Coordinate(680000, 5545000),
            new Coordinate(680120, 5545000),
            new Coordinate(680120, 5545090),
            new Coordinate(680000, 5545000)
        });
        Dataset bayreuth = new Dataset(
                new DatasetInfo("north of Bayreuth", false, List.of("north-bayreuth.osm.gz"), "EPSG:32632"),
                List.of(new Feature(
                        9,
                        Role.AGRICULTURAL_PLOT,
                        farmyard,
                        Map.of(),
                        new Provenance("north-bayreuth.osm.gz", "way/9", "landuse=farmyard"))));
        try (Store store = kind.open(kind.freshLocation(temp), CLOCK)) {
            store.importLayers(bayreuth);
            Dataset d = store.loadDataset().orElseThrow();
            assertEquals("EPSG:32632", d.info().workingCrs());
            Geometry back = d.layer(Role.AGRICULTURAL_PLOT).get(0).geometry();
            assertEquals(32632, back.getSRID());
            Coordinate[] in = farmyard.getCoordinates();
            Coordinate[] out = back.getCoordinates();
            assertEquals(in.length, out.length);
            for (int i = 0; i < in.length; i++) assertEquals(0, in[i].distance(out[i]), 0.001, "vertex " + i);
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void anImportFailingHalfWayLeavesThePreviousLayersUnchanged(StoreKind kind) {
        try (Store store = kind.open(kind.freshLocation(temp), CLOCK)) {
            store.importLayers(Fixtures.hardenberg("before"));
            List<Feature> features =
                    new ArrayList<>(Fixtures.grid("broken", 2000).layer(Role.ADDRESS));
            // a corrupt record (no source) after 1500 good ones: the database refuses it half-way through
            Feature good = features.get(1500);
            features.set(
                    1500,
                    new Feature(
                            good.id(),
                            Role.ADDRESS,
                            good.geometry(),
                            Map.of(),
                            new Provenance(null, "node/1501", "addr")));
            Dataset broken = new Dataset(new DatasetInfo("broken", false, List.of(), "EPSG:28992"), features);
            assertThrows(RuntimeException.class, () -> store.importLayers(broken));
            Dataset d = store.loadDataset().orElseThrow();
            assertEquals("before", d.info().name());
            assertEquals(6, d.size());
            assertEquals(
                    "POINT (240510 505610)",
                    d.layer(Role.ADDRESS).get(0).geometry().toText());
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void readersSeeTheOldOrTheNewLayerSetNeverAMix(StoreKind kind) throws Exception {
        try (Store store = kind.open(kind.freshLocation(temp), CLOCK)) {
            store.importLayers(Fixtures.grid("small", 100));
            AtomicBoolean importing = new AtomicBoolean(true);
            Set<String> seen = ConcurrentHashMap.newKeySet();
            Thread reader = new Thread(() -> {
                while (importing.get()) {
                    Dataset d = store.loadDataset().orElseThrow();
                    seen.add(d.info().name() + ":" + d.size());
                }
            });
            reader.start();
            store.importLayers(Fixtures.grid("large", 20_000));
            importing.set(false);
            reader.join();
            seen.add(store.loadDataset()
                    .map(d -> d.info().name() + ":" + d.size())
                    .orElseThrow());
            assertTrue(Set.of("small:100", "large:20000").containsAll(seen), "readers saw " + seen);
            assertTrue(seen.contains("large:20000"));
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void permitsAreCreatedUpdatedAndAuditedWithVersions(StoreKind kind) {
        try (Store store = kind.open(kind.freshLocation(temp), CLOCK)) {
            RoomRentalPermit created = store.createPermit(permit("Jachthuisweg", 4), "ans");
            assertEquals(1, created.version());
            assertTrue(created.id() > 0);
            assertEquals(CLOCK.instant(), created.createdAt());
            assertEquals("ans", created.createdBy());
            assertEquals(created, store.permit(created.id()).orElseThrow());

            RoomRentalPermit granted = store.updatePermit(
                    created.id(),
                    1,
                    "bert",
                    p -> new RoomRentalPermit(
                            p.id(),
                            p.version(),
                            p.dwellingBagId(),
                            p.address(),
                            p.street(),
                            p.town(),
                            p.rooms(),
                            p.persons(),
                            PermitStatus.GRANTED,
                            p.type(),
                            p.appliedOn(),
                            LocalDate.parse("2026-03-01"),
                            LocalDate.parse("2026-03-01"),
                            null,
                            p.notes(),
                            p.createdAt(),
                            p.createdBy(),
                            p.updatedAt(),
                            p.updatedBy()));
            assertEquals(2, granted.version());
            assertEquals("ans", granted.createdBy());
            assertEquals("bert", granted.updatedBy());
            assertEquals(granted, store.permit(created.id()).orElseThrow());

            VersionConflictException stale = assertThrows(
                    VersionConflictException.class, () -> store.updatePermit(created.id(), 1, "carla", p -> p));
            assertEquals(2, stale.currentVersion());
            assertThrows(EntryNotFoundException.class, () -> store.updatePermit(999_999, 1, "carla", p -> p));

            List<AuditEntry> trail = store.auditTrail(JdbcStore.PERMITS, created.id());
            assertEquals(
                    List.of("create:ans:1", "update:bert:2"),
                    trail.stream()
                            .map(a -> a.action() + ":" + a.actor() + ":" + a.version())
                            .toList());
            assertNull(trail.get(0).before());
            // compared as parsed JSON: PostgreSQL's jsonb reorders keys and narrows numbers
            assertEquals(reparsed(RegisterJson.toJson(created)), trail.get(0).after());
            assertEquals(reparsed(RegisterJson.toJson(created)), trail.get(1).before());
            assertEquals("granted", trail.get(1).after().get("status").asText());

            store.createPermit(permit("jachthuisweg", 2), "ans");
            store.createPermit(permit("Kerkstraat", 2), "ans");
            assertEquals(2, store.permits(null, "JACHTHUISWEG").size());
            assertEquals(
                    List.of(created.id()),
                    store.permits("granted", null).stream()
                            .map(RoomRentalPermit::id)
                            .toList());
            assertEquals(Map.of("jachthuisweg", 1), store.grantedPermitsPerStreet());
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void whatAWriteReturnsIsWhatALaterReadGivesWithARealClock(StoreKind kind) {
        try (Store store = kind.open(kind.freshLocation(temp), Clock.systemUTC())) {
            RoomRentalPermit created = store.createPermit(permit("Jachthuisweg", 4), "ans");
            assertEquals(created, store.permit(created.id()).orElseThrow());
            RoomRentalPermit updated = store.updatePermit(created.id(), 1, "bert", p -> p);
            assertEquals(updated, store.permit(created.id()).orElseThrow());
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aFailingChangeRollsBackWithoutAnAuditRow(StoreKind kind) {
        try (Store store = kind.open(kind.freshLocation(temp), CLOCK)) {
            RoomRentalPermit p = store.createPermit(permit("Jachthuisweg", 4), "ans");
            assertThrows(
                    IllegalStateException.class,
                    () -> store.updatePermit(p.id(), 1, "bert", x -> {
                        throw new IllegalStateException("rule broken");
                    }));
            assertEquals(1, store.permit(p.id()).orElseThrow().version());
            assertEquals(1, store.auditTrail(JdbcStore.PERMITS, p.id()).size());
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void initiativesKeepSiteStepsAndSnapshotsAcrossReopening(StoreKind kind) {
        String where = kind.freshLocation(temp);
        long id;
        try (Store store = kind.open(where, CLOCK)) {
            HousingInitiative created = store.createInitiative(initiative(), "ans");
            id = created.id();
            HousingInitiative moved = store.updateInitiative(
                    id,
                    1,
                    "bert",
                    i -> InitiativeBuilder.from(i)
                            .status(InitiativeStatus.INTAKE)
                            .existingLocation(LocalDate.parse("2026-01-15"), LocalDate.parse("2027-01-15"))
                            .steps(List.of(
                                    i.steps().get(0),
                                    new InitiativeStep(InitiativeStatus.INTAKE, CLOCK.instant(), "bert", null)))
                            .notes("met de regisseur")
                            .build());
            assertEquals(2, moved.version());
        }
        try (Store store = kind.open(where, CLOCK)) {
            HousingInitiative i = store.initiative(id).orElseThrow();
            assertEquals(
                    "POLYGON ((240010 505010, 240050 505010, 240050 505040, 240010 505040, 240010 505010))",
                    i.site().toText());
            assertEquals(InitiativeStatus.INTAKE, i.status());
            assertEquals(
                    List.of(InitiativeStatus.REPORTED, InitiativeStatus.INTAKE),
                    i.steps().stream().map(InitiativeStep::status).toList());
            assertEquals(
                    "conditional", i.steps().get(0).assessment().get("verdict").asText());
            assertNull(i.steps().get(1).assessment());
            assertEquals(LocalDate.parse("2027-01-15"), i.transitionDeadline());
            assertTrue(i.existingLocation());
            assertEquals(1, store.initiatives("intake").size());
            assertEquals(0, store.initiatives("reported").size());
            assertEquals(2, store.auditLog(JdbcStore.INITIATIVES).size());
            assertFalse(store.auditLog(JdbcStore.INITIATIVES)
                    .get(1)
                    .before()
                    .get("existingLocation")
                    .asBoolean());
            assertEquals(
                    Set.of("ans", "bert"),
                    store.auditLog(JdbcStore.INITIATIVES).stream()
                            .map(AuditEntry::actor)
                            .collect(Collectors.toSet()));
        }
    }
}
