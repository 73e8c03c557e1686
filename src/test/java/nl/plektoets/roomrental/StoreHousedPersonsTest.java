package nl.plektoets.roomrental;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import nl.plektoets.criteria.HousedPersons.Housed;
import nl.plektoets.criteria.HousedPersons.Kind;
import nl.plektoets.geo.WorkingCrs;
import nl.plektoets.policy.PolicyProfile;
import nl.plektoets.registers.HousingInitiative;
import nl.plektoets.registers.InitiativeBuilder;
import nl.plektoets.registers.InitiativeStatus;
import nl.plektoets.registers.InitiativeStep;
import nl.plektoets.registers.PermitStatus;
import nl.plektoets.registers.PermitType;
import nl.plektoets.registers.RegisterJson;
import nl.plektoets.registers.RoomRentalPermit;
import nl.plektoets.request.HousingForm;
import nl.plektoets.store.Store;
import nl.plektoets.store.StoreKind;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;

/**
 * What {@code spread} (§5.1.1) counts as housed, read from both stores (real PostGIS and the GeoPackage): granted and
 * realised initiatives, existing locations until refused or ended, granted room-rental permits on their BAG dwelling
 * (the real Houthaven extract); not reported, refused or ended initiatives, nor applied permits.
 */
class StoreHousedPersonsTest {
    @TempDir
    Path temp;

    static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    static HousingInitiative initiative(double x, InitiativeStatus status, boolean existing, int persons) {
        Geometry site = WorkingCrs.rdNew().geometryFactory().createPoint(new Coordinate(x, 489149));
        InitiativeBuilder b = InitiativeBuilder.organisation("Agri Flex BV", site)
                .housing(HousingForm.HOUSING_FACILITY, persons)
                .status(status)
                .steps(List.of(new InitiativeStep(status, NOW, "ans", RegisterJson.MAPPER.createObjectNode())));
        if (existing) b.existingLocation(LocalDate.parse("2026-01-01"), LocalDate.parse("2027-01-01"));
        return b.build();
    }

    static RoomRentalPermit permit(Dwelling d, PermitStatus status, int persons) {
        return new RoomRentalPermit(
                0,
                0,
                d.bagId(),
                null,
                d.streetName(),
                d.town(),
                3,
                persons,
                status,
                PermitType.PERMANENT,
                LocalDate.parse("2026-02-01"),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void grantedRealisedExistingAndGrantedPermitsCount(StoreKind kind) {
        RoomRentalRules rules =
                RoomRentalRules.of(RealBag.dataset(), PolicyProfile.load(null).roomRental());
        Dwelling d = rules.model()
                .street(new StreetKey("Taandwarsstraat", "Amsterdam"))
                .orElseThrow()
                .dwellings()
                .get(0);
        try (Store store = kind.open(kind.freshLocation(temp), Clock.systemUTC())) {
            store.createInitiative(initiative(121000, InitiativeStatus.GRANTED, false, 20), "t");
            store.createInitiative(initiative(121010, InitiativeStatus.REALISED, false, 12), "t");
            store.createInitiative(initiative(121020, InitiativeStatus.INTAKE, true, 30), "t");
            store.createInitiative(initiative(121030, InitiativeStatus.REPORTED, false, 40), "t");
            store.createInitiative(initiative(121040, InitiativeStatus.REFUSED, true, 50), "t");
            store.createInitiative(initiative(121050, InitiativeStatus.ENDED, false, 60), "t");
            store.createPermit(permit(d, PermitStatus.GRANTED, 4), "t");
            store.createPermit(permit(d, PermitStatus.APPLIED, 5), "t");

            List<Housed> housed = new StoreHousedPersons(store, rules, WorkingCrs.rdNew())
                    .all().stream()
                            .sorted(Comparator.comparingInt(Housed::persons))
                            .toList();
            assertEquals(
                    List.of(4, 12, 20, 30), housed.stream().map(Housed::persons).toList());
            assertEquals(
                    List.of(Kind.ROOM_RENTAL_PERMIT, Kind.INITIATIVE, Kind.INITIATIVE, Kind.EXISTING_LOCATION),
                    housed.stream().map(Housed::kind).toList());
            assertEquals(
                    List.of(false, true, true, true),
                    housed.stream().map(Housed::facility).toList());
            // the permit stands on its BAG dwelling; the initiatives on their sites (RD New kept as is)
            assertEquals(d.location(), housed.get(0).location());
            assertEquals(
                    new Coordinate(121010, 489149), housed.get(1).location().getCoordinate());
            assertEquals(
                    new Coordinate(121020, 489149), housed.get(3).location().getCoordinate());
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aPermitOfAnUnknownDwellingHasNoLocation(StoreKind kind) {
        RoomRentalRules rules =
                RoomRentalRules.of(RealBag.dataset(), PolicyProfile.load(null).roomRental());
        Dwelling d = rules.model()
                .street(new StreetKey("Taandwarsstraat", "Amsterdam"))
                .orElseThrow()
                .dwellings()
                .get(0);
        Dwelling unknown = new Dwelling(
                -1, d.street(), "Nergensstraat", "Amsterdam", "1", 1, null, null, d.location(), "0363200099999999");
        try (Store store = kind.open(kind.freshLocation(temp), Clock.systemUTC())) {
            store.createPermit(permit(unknown, PermitStatus.GRANTED, 3), "t");
            List<Housed> housed = new StoreHousedPersons(store, rules, WorkingCrs.rdNew()).all();
            assertEquals(1, housed.size());
            assertNull(housed.get(0).location());
        }
    }
}
