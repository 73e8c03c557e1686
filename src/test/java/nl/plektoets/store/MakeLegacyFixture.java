package nl.plektoets.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import nl.plektoets.data.FixtureDataset;
import nl.plektoets.registers.PermitStatus;
import nl.plektoets.registers.RoomRentalPermit;
import nl.plektoets.registers.RoomRentedDwelling;
import nl.plektoets.store.embedded.GeoPackageStore;

/**
 * Made {@code src/test/resources/store/legacy-schema-6/plektoets.gpkg}, the store file of the pre-Flyway code that
 * {@code GeoPackageMigrationTest} opens with the current one. It was run at commit 15879e4 (the last one whose
 * {@code GeoPackageStore} split the migration scripts itself); run today it makes a Flyway-managed file, which is
 * not what that fixture must be. Usage: {@code MakeLegacyFixture DIR}; then {@code sqlite3 DIR/plektoets.gpkg
 * "PRAGMA page_size=1024; VACUUM"} made it small.
 */
public final class MakeLegacyFixture {
    private MakeLegacyFixture() {}

    public static void main(String[] a) throws Exception {
        Path dir = Path.of(a[0]);
        Clock clock = StoreContractTest.CLOCK;
        try (GeoPackageStore s = GeoPackageStore.open(dir, clock)) {
            s.importLayers(FixtureDataset.create());
            RoomRentalPermit p = s.createPermit(StoreContractTest.permit("Jachthuisweg", 4), "planner-a");
            s.updatePermit(
                    p.id(),
                    p.version(),
                    "planner-b",
                    e -> new RoomRentalPermit(
                            e.id(),
                            e.version(),
                            e.dwellingBagId(),
                            e.address(),
                            e.street(),
                            e.town(),
                            e.rooms(),
                            e.persons(),
                            PermitStatus.GRANTED,
                            e.type(),
                            e.appliedOn(),
                            LocalDate.parse("2026-03-01"),
                            e.validFrom(),
                            e.validUntil(),
                            e.notes(),
                            e.createdAt(),
                            e.createdBy(),
                            e.updatedAt(),
                            e.updatedBy()));
            s.createInitiative(StoreContractTest.initiative(), "planner-a");
            s.createRoomRented(
                    new RoomRentedDwelling(
                            0,
                            0,
                            null,
                            "Hoofdstraat 12, Oosterbroek",
                            "Hoofdstraat",
                            "Oosterbroek",
                            RoomRentedDwelling.Source.INSPECTION,
                            LocalDate.parse("2026-02-20"),
                            RoomRentedDwelling.Status.KNOWN,
                            "five mattresses in the attic",
                            null,
                            null,
                            null,
                            null),
                    "inspector");
            s.addRoomRentalReport("oosterbroek/hoofdstraat", "Nummer 12 wordt al jaren verhuurd");
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("plektoets.gpkg"));
                Statement st = c.createStatement()) {
            st.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            st.execute("PRAGMA journal_mode=DELETE");
            st.execute("VACUUM");
        }
    }
}
