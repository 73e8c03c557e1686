package nl.plektoets.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import nl.plektoets.rounds.ApplicationRound;
import nl.plektoets.store.embedded.GeoPackageStore;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A round written before the round's status existed (a schema migrated up to the version before the decision's
 * migration: GeoPackage V18, PostGIS V17) is {@code open} after the store migrates it, with its columns unchanged and
 * no decision; the CHECK on the status refuses anything but open and decided.
 */
class RoundDecisionMigrationTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-04-10T09:30:00Z"), ZoneOffset.UTC);

    @TempDir
    Path temp;

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aRoundFromBeforeTheStatusIsOpen(StoreKind kind) throws Exception {
        String location = kind.freshLocation(temp);
        String url = kind == StoreKind.POSTGIS
                ? location
                : "jdbc:sqlite:" + temp.resolve(GeoPackageStore.FILE_NAME).toAbsolutePath();
        Flyway.configure()
                .dataSource(url, kind == StoreKind.POSTGIS ? TestPostgis.USER : null, null)
                .locations(kind == StoreKind.POSTGIS ? "classpath:db/postgis" : "classpath:db/geopackage")
                .target(kind == StoreKind.POSTGIS ? "17" : "18")
                .load()
                .migrate();
        try (Connection c =
                        DriverManager.getConnection(url, kind == StoreKind.POSTGIS ? TestPostgis.USER : null, null);
                Statement st = c.createStatement()) {
            st.execute("INSERT INTO application_round (version, name, opens_on, closes_on, policy_id, places, notes,"
                    + " created_at, created_by, updated_at, updated_by) VALUES (1, 'Ronde 2024', '2024-03-01',"
                    + " '2024-03-31', 'noordoostpolder-2024', '[{\"category\": \"large\", \"cap\": 6, \"held\": 5,"
                    + " \"available\": 1}]', NULL, '2024-02-20T10:00:00Z', 'ans', '2024-02-20T10:00:00Z', 'ans')");
        }
        try (Store store = kind.open(location, CLOCK)) {
            ApplicationRound r = store.rounds().get(0);
            assertEquals(ApplicationRound.OPEN, r.status());
            assertNull(r.decision());
            assertEquals("Ronde 2024", r.name());
            assertEquals(1, r.places().get(0).available());
            assertEquals(1, r.version());
        }
        try (Connection c =
                        DriverManager.getConnection(url, kind == StoreKind.POSTGIS ? TestPostgis.USER : null, null);
                Statement st = c.createStatement()) {
            org.junit.jupiter.api.Assertions.assertThrows(
                    java.sql.SQLException.class,
                    () -> st.execute("UPDATE application_round SET status = 'closed'"),
                    "only open and decided");
        }
    }
}
