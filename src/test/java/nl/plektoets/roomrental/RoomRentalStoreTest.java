package nl.plektoets.roomrental;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Clock;
import nl.plektoets.policy.PolicyProfile;
import nl.plektoets.registers.AssessmentSnapshots;
import nl.plektoets.registers.InvalidEntryException;
import nl.plektoets.registers.PermitRefusedException;
import nl.plektoets.registers.RegisterJson;
import nl.plektoets.registers.Registers;
import nl.plektoets.registers.RoomRentalPermit;
import nl.plektoets.registers.TestTerms;
import nl.plektoets.store.Store;
import nl.plektoets.store.StoreKind;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The grant check through the registers on both stores (real PostGIS and GeoPackage), and the report table. */
class RoomRentalStoreTest {
    @TempDir
    Path temp;

    static ObjectNode permit(Dwelling d, String status) {
        return RegisterJson.MAPPER
                .createObjectNode()
                .put("dwellingBagId", d.bagId())
                .put("street", d.streetName())
                .put("town", d.town())
                .put("rooms", 3)
                .put("persons", 4)
                .put("status", status);
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void grantsAreCheckedOnCreateAndPatchAndReportsAreKept(StoreKind kind) throws Exception {
        RoomRentalRules rules =
                RoomRentalRules.of(RealBag.dataset(), PolicyProfile.load(null).roomRental());
        Street taan = rules.model()
                .street(new StreetKey("Taandwarsstraat", "Amsterdam"))
                .orElseThrow(); // limit 1
        try (Store store = kind.open(kind.freshLocation(temp), Clock.systemUTC())) {
            Registers registers = new Registers(
                    TestTerms.HARDENBERG,
                    store,
                    Clock.systemUTC(),
                    AssessmentSnapshots.NONE,
                    new StreetLimitGuard(rules));
            RoomRentalPermit first =
                    registers.createPermit(permit(taan.dwellings().get(0), "granted"), "t");
            // created directly as granted in a full street: refused, nothing written
            PermitRefusedException e = assertThrows(
                    PermitRefusedException.class,
                    () -> registers.createPermit(permit(taan.dwellings().get(1), "granted"), "t"));
            assertTrue(e.getMessage().startsWith("Taandwarsstraat, Amsterdam is full: 1 of 1"), e.getMessage());
            assertEquals(1, store.permits(null, "Taandwarsstraat").size());
            // an application may still be made; granting it is refused; a change to the granted one is not
            RoomRentalPermit applied =
                    registers.createPermit(permit(taan.dwellings().get(1), "applied"), "t");
            assertThrows(
                    PermitRefusedException.class,
                    () -> registers.patchPermit(
                            applied.id(),
                            RegisterJson.MAPPER
                                    .createObjectNode()
                                    .put("version", 1)
                                    .put("status", "granted"),
                            "t"));
            assertEquals(
                    2,
                    registers
                            .patchPermit(
                                    first.id(),
                                    RegisterJson.MAPPER
                                            .createObjectNode()
                                            .put("version", 1)
                                            .put("notes", "inspected"),
                                    "t")
                            .version());
            // withdrawing the granted one frees the place
            registers.patchPermit(
                    first.id(),
                    RegisterJson.MAPPER.createObjectNode().put("version", 2).put("status", "withdrawn"),
                    "t");
            assertEquals(
                    "granted",
                    registers
                            .patchPermit(
                                    applied.id(),
                                    RegisterJson.MAPPER
                                            .createObjectNode()
                                            .put("version", 1)
                                            .put("status", "granted"),
                                    "t")
                            .status()
                            .id());
            // a street the address data does not know: 422 with the fix
            InvalidEntryException unknown = assertThrows(
                    InvalidEntryException.class,
                    () -> registers.createPermit(
                            RegisterJson.MAPPER
                                    .createObjectNode()
                                    .put("address", "Nergensstraat 1")
                                    .put("street", "Nergensstraat")
                                    .put("town", "Amsterdam")
                                    .put("rooms", 2)
                                    .put("persons", 2)
                                    .put("status", "granted"),
                            "t"));
            assertEquals("street", unknown.field());

            long id = store.addRoomRentalReport("amsterdam/taandwarsstraat", "Nummer 3 is geen kamerverhuur meer");
            assertEquals(1, store.roomRentalReports().size());
            assertEquals(id, store.roomRentalReports().get(0).id());
            assertEquals("new", store.roomRentalReports().get(0).status());
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void distanceRuleRefusesAGrantAcrossStreets(StoreKind kind) throws Exception {
        RoomRentalRules rules = RoomRentalRules.of(
                RealBag.dataset(),
                RealBag.profile("enabled: false\n    metres: 50", "enabled: true\n    metres: 50")
                        .roomRental());
        Dwelling zandhoek2 = rules.model().byAddress("Zandhoek 2", "Amsterdam").orElseThrow();
        Dwelling zandhoek7 = rules.model().byAddress("Zandhoek 7", "Amsterdam").orElseThrow(); // 22.2 m away
        try (Store store = kind.open(kind.freshLocation(temp), Clock.systemUTC())) {
            Registers registers = new Registers(
                    TestTerms.HARDENBERG,
                    store,
                    Clock.systemUTC(),
                    AssessmentSnapshots.NONE,
                    new StreetLimitGuard(rules));
            registers.createPermit(permit(zandhoek2, "granted"), "t");
            PermitRefusedException e = assertThrows(
                    PermitRefusedException.class, () -> registers.createPermit(permit(zandhoek7, "granted"), "t"));
            assertEquals("distance", e.rule());
            assertTrue(e.getMessage().contains("22.2 m"), e.getMessage());
        }
    }
}
