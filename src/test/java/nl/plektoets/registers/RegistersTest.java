package nl.plektoets.registers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import nl.plektoets.store.Store;
import nl.plektoets.store.embedded.GeoPackageStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The register rules with their policy paragraphs, on a real GeoPackage store and a fixed clock. */
class RegistersTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T09:30:00Z"), ZoneOffset.UTC);
    static final String SITE = "POLYGON ((240010 505010, 240050 505010, 240050 505040, 240010 505040, 240010 505010))";

    @TempDir
    Path temp;

    Store store;
    Registers registers;
    int snapshots;

    @BeforeEach
    void open() {
        store = GeoPackageStore.open(temp, CLOCK);
        registers = new Registers(
                TestTerms.HARDENBERG,
                store,
                CLOCK,
                i -> RegisterJson.MAPPER
                        .createObjectNode()
                        .put("status", i.status().id())
                        .put("snapshot", ++snapshots));
    }

    @AfterEach
    void close() {
        store.close();
    }

    static JsonNode json(String s) {
        try {
            return RegisterJson.MAPPER.readTree(s);
        } catch (Exception e) {
            throw new IllegalArgumentException(s, e);
        }
    }

    HousingInitiative facility() {
        return registers.createInitiative(
                json("{\"site\": \"" + SITE + "\", \"form\": \"housing_facility\", "
                        + "\"persons\": 20, \"initiator\": \"Agri Flex BV\"}"),
                "ans");
    }

    HousingInitiative move(HousingInitiative i, String patch) {
        return registers.patchInitiative(i.id(), json("{\"version\": " + i.version() + ", " + patch + "}"), "ans");
    }

    @Test
    void aGrantedTemporaryInitiativeRunsTenYearsRenewableByFiveNeverMore() {
        HousingInitiative i = facility();
        i = move(i, "\"status\": \"intake\"");
        i = move(i, "\"status\": \"assessment\"");
        i = move(i, "\"status\": \"permit_applied\", \"permitType\": \"temporary\"");
        i = move(i, "\"status\": \"granted\"");
        assertEquals(LocalDate.parse("2026-03-02"), i.permitStart());
        assertEquals(LocalDate.parse("2036-03-02"), i.permitEnd(), "§6.2.2: 10 years");
        i = move(i, "\"permitEnd\": \"2041-03-02\"");
        assertEquals(LocalDate.parse("2041-03-02"), i.permitEnd(), "renewed by 5 years");
        HousingInitiative renewed = i;
        InvalidEntryException tooLong =
                assertThrows(InvalidEntryException.class, () -> move(renewed, "\"permitEnd\": \"2041-03-03\""));
        assertEquals("permitEnd", tooLong.field());
        assertTrue(tooLong.getMessage().contains("§6.2.2"));
        assertEquals(
                List.of("reported", "intake", "assessment", "permit_applied", "granted"),
                i.steps().stream().map(s -> s.status().id()).toList());
        assertEquals(
                List.of(1, 2, 3, 4, 5),
                i.steps().stream()
                        .map(s -> s.assessment().get("snapshot").asInt())
                        .toList(),
                "a fresh assessment snapshot at every step, none for changes within a step");
    }

    @Test
    void statusesMoveOnlyAlongTheIntakeTable() {
        HousingInitiative i = facility();
        InvalidEntryException skip =
                assertThrows(InvalidEntryException.class, () -> move(i, "\"status\": \"granted\""));
        assertEquals("status", skip.field());
        assertTrue(skip.getMessage().contains("[intake, ended]"), skip.getMessage());
        HousingInitiative ended = move(i, "\"status\": \"ended\"");
        assertThrows(InvalidEntryException.class, () -> move(ended, "\"status\": \"reported\""), "ended is final");
    }

    @Test
    void aPermanentPermitIsOnlyForRoomRental() {
        InvalidEntryException e = assertThrows(
                InvalidEntryException.class,
                () -> registers.createInitiative(
                        json("{\"site\": \"" + SITE
                                + "\", \"form\": \"housing_facility\", \"persons\": 20, \"initiator\": \"X BV\","
                                + " \"permitType\": \"permanent\"}"),
                        "ans"));
        assertTrue(e.getMessage().contains("§5.1.2"));
        HousingInitiative rooms = registers.createInitiative(
                json("{\"site\": \"" + SITE + "\", \"form\": "
                        + "\"room_rental\", \"persons\": 6, \"initiator\": \"Kamerverhuur Vechtdal BV\", \"permitType\": "
                        + "\"permanent\"}"),
                "ans");
        assertEquals(PermitType.PERMANENT, rooms.permitType());
    }

    @Test
    void anExistingLocationGetsOneYearFromAcceptanceExtendableNotShortened() {
        HousingInitiative i = registers.createInitiative(
                json("{\"site\": \"" + SITE + "\", \"form\": "
                        + "\"housing_facility\", \"persons\": 12, \"initiator\": \"Agri Flex BV\", \"existingLocation\": true, "
                        + "\"acceptedOn\": \"2026-01-10\"}"),
                "ans");
        assertEquals(LocalDate.parse("2027-01-10"), i.transitionDeadline(), "§6.1.2");
        InvalidEntryException noReason =
                assertThrows(InvalidEntryException.class, () -> move(i, "\"transitionDeadline\": \"2027-07-10\""));
        assertEquals("transitionExtensionReason", noReason.field(), "an extension only with a reason (§6.1.2)");
        assertFalse(noReason.malformed(), "a rule (422), not a malformed field");
        assertTrue(noReason.getMessage().contains("2027-01-10"), noReason.getMessage());
        assertThrows(
                InvalidEntryException.class,
                () -> move(i, "\"transitionDeadline\": \"2027-07-10\", \"transitionExtensionReason\": \"  \""),
                "a blank reason is no reason");
        HousingInitiative extended = move(
                i,
                "\"transitionDeadline\": \"2027-07-10\", \"transitionExtensionReason\": \"vergunning"
                        + " brandveiligheid in behandeling\"");
        assertEquals(LocalDate.parse("2027-07-10"), extended.transitionDeadline());
        assertTrue(extended.transitionExtended(TestTerms.HARDENBERG.transitionYears()));
        assertEquals("vergunning brandveiligheid in behandeling", extended.transitionExtensionReason());
        assertThrows(
                InvalidEntryException.class,
                () -> move(extended, "\"transitionExtensionReason\": null"),
                "the reason of an extension stays");
        HousingInitiative notes = move(extended, "\"notes\": \"gesproken\"");
        assertEquals("vergunning brandveiligheid in behandeling", notes.transitionExtensionReason());
        InvalidEntryException stale = assertThrows(
                InvalidEntryException.class,
                () -> move(notes, "\"transitionDeadline\": \"2027-01-10\""),
                "no reason left behind on a deadline set back to one year");
        assertEquals("transitionExtensionReason", stale.field());
        HousingInitiative back =
                move(notes, "\"transitionDeadline\": \"2027-01-10\", \"transitionExtensionReason\": null");
        assertFalse(back.transitionExtended(TestTerms.HARDENBERG.transitionYears()));
        InvalidEntryException shorter =
                assertThrows(InvalidEntryException.class, () -> move(back, "\"transitionDeadline\": \"2026-12-31\""));
        assertTrue(shorter.getMessage().contains("§6.1.2"));
        InvalidEntryException notExisting = assertThrows(
                InvalidEntryException.class,
                () -> registers.createInitiative(
                        json("{\"site\": \"" + SITE
                                + "\", \"form\": \"room_rental\", \"persons\": 4, \"initiator\": \"Y\", "
                                + "\"acceptedOn\": \"2026-01-10\"}"),
                        "ans"));
        assertEquals("existingLocation", notExisting.field());
    }

    @Test
    void anExtensionStoredBeforeItsReasonWasKeptIsAskedForOneWhenItsDeadlineIsTouched() {
        HousingInitiative i = registers.createInitiative(
                json("{\"site\": \"" + SITE + "\", \"form\": \"housing_facility\", \"persons\": 12,"
                        + " \"initiator\": \"Agri Flex BV\", \"existingLocation\": true, \"acceptedOn\":"
                        + " \"2026-01-10\", \"transitionDeadline\": \"2027-04-10\", \"transitionExtensionReason\":"
                        + " \"nieuwbouw vertraagd\"}"),
                "ans");
        // as a row written before V18 (GeoPackage) / V16 (PostGIS) holds it: extended, no reason
        HousingInitiative legacy = store.updateInitiative(
                i.id(),
                i.version(),
                "migration",
                e -> RegisterJson.initiativeFromJson(RegisterJson.toJson(e).putNull("transitionExtensionReason")));
        assertNull(legacy.transitionExtensionReason());
        HousingInitiative noted = move(legacy, "\"notes\": \"nog open\"");
        assertEquals("nog open", noted.notes(), "other fields still change");
        InvalidEntryException moved =
                assertThrows(InvalidEntryException.class, () -> move(noted, "\"transitionDeadline\": \"2027-05-10\""));
        assertEquals("transitionExtensionReason", moved.field());
    }

    @Test
    void permitStatusesDatesAndTerms() {
        RoomRentalPermit p = registers.createPermit(
                json("{\"address\": \"Kerkstraat 3, Hardenberg\", \"street\": "
                        + "\"Kerkstraat\", \"rooms\": 4, \"persons\": 4, \"type\": \"temporary\"}"),
                "ans");
        assertEquals(PermitStatus.APPLIED, p.status());
        assertEquals(LocalDate.parse("2026-03-02"), p.appliedOn());
        assertNull(p.validUntil(), "no term before the decision");
        RoomRentalPermit granted = registers.patchPermit(
                p.id(), json("{\"version\": 1, \"status\": \"granted\", " + "\"validFrom\": \"2026-04-01\"}"), "bert");
        assertEquals(LocalDate.parse("2036-04-01"), granted.validUntil());
        assertThrows(
                InvalidEntryException.class,
                () -> registers.patchPermit(p.id(), json("{\"version\": 2, " + "\"status\": \"applied\"}"), "bert"),
                "granted cannot go back to applied");
        InvalidEntryException permanentWithEnd = assertThrows(
                InvalidEntryException.class,
                () -> registers.patchPermit(p.id(), json("{\"version\": 2, \"type\": \"permanent\"}"), "bert"));
        assertEquals("validUntil", permanentWithEnd.field());
        InvalidEntryException badBag = assertThrows(
                InvalidEntryException.class,
                () -> registers.createPermit(
                        json("{\"dwellingBagId\": \"123\", \"street\": \"Kerkstraat\", \"rooms\": 2, \"persons\": 2}"),
                        "ans"));
        assertTrue(badBag.malformed());
        InvalidEntryException unknownField = assertThrows(
                InvalidEntryException.class,
                () -> registers.createPermit(
                        json(
                                "{\"address\": \"x\", \"street\": \"Kerkstraat\", \"rooms\": 2, \"persons\": 2, \"tenant\": \"Jan\"}"),
                        "ans"));
        assertEquals("tenant", unknownField.field(), "no personal data slips in through unknown fields");
        assertFalse(store.auditLog("room_rental_permit").isEmpty());
        assertEquals(2, store.auditLog("room_rental_permit").size(), "refused changes leave no audit row");
    }
}
