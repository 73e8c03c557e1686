package nl.plektoets.store.embedded;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.plektoets.data.Dataset;
import nl.plektoets.data.Feature;
import nl.plektoets.data.FixtureDataset;
import nl.plektoets.data.Role;
import nl.plektoets.registers.AuditEntry;
import nl.plektoets.registers.PermitStatus;
import nl.plektoets.registers.PermitType;
import nl.plektoets.registers.RoomRentalPermit;
import nl.plektoets.registers.RoomRentedDwelling;
import nl.plektoets.store.StoreException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Flyway takes over the GeoPackage store's migrations without touching a row of a file made before it, and refuses a
 * file of a newer schema (or one plektoets did not make) without changing it.
 *
 * <p>{@code store/legacy-schema-6/plektoets.gpkg} was written by the pre-Flyway code (commit 15879e4, with
 * {@code nl.plektoets.store.MakeLegacyFixture}): {@link FixtureDataset}'s layers, a permit applied and then granted,
 * a housing initiative, a known room-rented dwelling and a public report, schema version 6 in
 * {@code plektoets_schema_version}.
 */
class GeoPackageMigrationTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-04-01T08:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path temp;

    @Test
    void aFileFromBeforeFlywayOpensWithEveryRowUnchangedAndFlywayBaselinedAtItsVersion() throws Exception {
        Path dir = legacyFixture();
        Map<String, List<List<Object>>> before = userRows(dir);
        assertTrue(
                before.get("room_rental_permit").size() == 1
                        && before.get("audit_log").size() == 4,
                "the fixture holds the rows this test is about: " + before.keySet());

        try (GeoPackageStore store = GeoPackageStore.open(dir, CLOCK)) {
            RoomRentalPermit permit = store.permits(null, null).get(0);
            assertEquals(PermitStatus.GRANTED, permit.status());
            assertEquals(2, permit.version());
            assertEquals("Jachthuisweg", permit.street());
            assertEquals(LocalDate.parse("2026-03-01"), permit.decidedOn());
            assertEquals(
                    List.of("create", "update"),
                    store.auditTrail("room_rental_permit", permit.id()).stream()
                            .map(AuditEntry::action)
                            .toList());
            assertEquals(18, store.initiatives(null).get(0).persons());
            RoomRentedDwelling known = store.roomRentedDwellings(null).get(0);
            assertEquals("five mattresses in the attic", known.note());
            assertEquals(
                    "Nummer 12 wordt al jaren verhuurd",
                    store.roomRentalReports().get(0).message());
            // the fixture as it was when the old file was written: roles added since have no table there
            assertSameLayers(
                    FixtureDataset.create(),
                    store.loadDataset().orElseThrow(),
                    r -> before.containsKey("layer_" + r.id()));
        }
        assertRowsKept(before, userRows(dir));

        assertEquals(historyFrom(6, "BASELINE"), history(dir));
        assertTrue(
                query(dir, "SELECT max(version) FROM " + GeoPackageStore.LEGACY_VERSION_TABLE)
                                        .get(0)
                                        .get(0)
                                instanceof Integer v
                        && v > GeoPackageStore.LAST_LEGACY_VERSION,
                "a plektoets from before Flyway reads a version it does not know, and refuses the file");

        // opened again: nothing more to migrate, and it takes writes
        try (GeoPackageStore store = GeoPackageStore.open(dir, CLOCK)) {
            store.createPermit(
                    new RoomRentalPermit(
                            0,
                            0,
                            null,
                            "Hoofdstraat 1, Oosterbroek",
                            "Hoofdstraat",
                            "Oosterbroek",
                            2,
                            2,
                            PermitStatus.APPLIED,
                            PermitType.TEMPORARY,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null),
                    "planner-c");
            assertEquals(2, store.permits(null, null).size());
        }
        assertEquals(historyFrom(6, "BASELINE"), history(dir));
    }

    @Test
    void aFileAtAnOlderPreFlywayVersionGetsOnlyTheLaterScripts() throws Exception {
        Path dir = temp.resolve("v4");
        Files.createDirectories(dir);
        // what the pre-Flyway code did for versions 1-4: each script split at ";\n", then a row in its version table
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(GeoPackageStore.FILE_NAME));
                Statement st = c.createStatement()) {
            st.executeUpdate(
                    "CREATE TABLE plektoets_schema_version (version INTEGER PRIMARY KEY, script TEXT NOT NULL, "
                            + "applied_at DATETIME NOT NULL)");
            String[] scripts = {"V1__geopackage.sql", "V2__layers.sql", "V3__registers.sql", "V4__room_rental.sql"};
            for (int v = 1; v <= scripts.length; v++) {
                for (String sql : uncommented(scripts[v - 1]).split(";\\s*\\n")) {
                    if (!sql.isBlank()) st.execute(sql);
                }
                st.executeUpdate("INSERT INTO plektoets_schema_version VALUES (" + v + ", '" + scripts[v - 1]
                        + "', '2025-11-01T10:00:00Z')");
            }
            st.executeUpdate("INSERT INTO room_rental_report (street_id, message, reported_at) VALUES "
                    + "('hardenberg/stationsstraat', 'te veel fietsen', '2025-11-02T09:00:00Z')");
        }
        try (GeoPackageStore store = GeoPackageStore.open(dir, CLOCK)) {
            assertEquals("te veel fietsen", store.roomRentalReports().get(0).message());
            assertTrue(store.roomRentedDwellings(null).isEmpty(), "V6's table exists now");
        }
        assertEquals(historyFrom(4, "BASELINE"), history(dir));
        assertEquals(
                List.of(List.<Object>of("layer_water")),
                query(dir, "SELECT table_name FROM gpkg_contents WHERE table_name = 'layer_water'"),
                "V5 ran");
    }

    @Test
    void aNewFileRunsEveryScriptAndIsAGeoPackage() throws Exception {
        Path dir = temp.resolve("new");
        try (GeoPackageStore store = GeoPackageStore.open(dir, CLOCK)) {
            store.importLayers(FixtureDataset.create());
            assertSameLayers(FixtureDataset.create(), store.loadDataset().orElseThrow());
        }
        assertEquals(historyFrom(1, "SQL"), history(dir));
        assertEquals(List.of(List.<Object>of(1196444487)), query(dir, "PRAGMA application_id"), "GeoPackage 'GPKG'");
        assertEquals(List.of(List.<Object>of(10400)), query(dir, "PRAGMA user_version"));
    }

    @Test
    void aFileOfANewerFlywaySchemaIsRefusedAndNotChanged() throws Exception {
        Path dir = temp.resolve("newer");
        GeoPackageStore.open(dir, CLOCK).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(GeoPackageStore.FILE_NAME));
                Statement st = c.createStatement()) {
            // what a later plektoets with one more script would have recorded
            st.executeUpdate("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, "
                    + "checksum, installed_by, installed_on, execution_time, success) VALUES (" + (LATER + 1) + ", '"
                    + LATER + "', 'later', 'SQL', 'V" + LATER + "__later.sql', 1, '', '2027-01-01 00:00:00', 1, 1)");
        }
        assertRefusedUnchanged(dir, "schema version " + LATER + ", newer than this plektoets knows");
    }

    @Test
    void aPreFlywayFileOfAVersionThisBuildNeverHadIsRefusedAndNotChanged() throws Exception {
        Path dir = legacyFixture();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(GeoPackageStore.FILE_NAME));
                Statement st = c.createStatement()) {
            st.executeUpdate("INSERT INTO plektoets_schema_version VALUES (7, 'V7__other_branch.sql', '2026-01-01')");
        }
        assertRefusedUnchanged(dir, "schema version 7, newer than this plektoets knows");
    }

    @Test
    void aSqliteFileThatPlektoetsDidNotMakeIsRefusedAndNotChanged() throws Exception {
        Path dir = temp.resolve("foreign");
        Files.createDirectories(dir);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(GeoPackageStore.FILE_NAME));
                Statement st = c.createStatement()) {
            st.executeUpdate("PRAGMA journal_mode = WAL");
            st.executeUpdate("CREATE TABLE parcels (id INTEGER PRIMARY KEY, owner TEXT)");
            st.executeUpdate("INSERT INTO parcels VALUES (1, 'gemeente')");
        }
        assertRefusedUnchanged(dir, "not made by plektoets");
    }

    /** A version after every script this build ships. */
    private static final int LATER = 1000;

    private void assertRefusedUnchanged(Path dir, String says) throws Exception {
        Path file = dir.resolve(GeoPackageStore.FILE_NAME);
        byte[] before = sha256(file);
        List<String> tablesBefore = tables(dir);
        StoreException e = assertThrows(StoreException.class, () -> GeoPackageStore.open(dir, CLOCK));
        assertTrue(e.getMessage().contains(says), e.getMessage());
        assertTrue(e.getMessage().contains("not changed"), e.getMessage());
        assertArrayEquals(before, sha256(file), "the refused file is byte for byte the same");
        assertEquals(tablesBefore, tables(dir));
    }

    private Path legacyFixture() throws IOException {
        Path dir = temp.resolve("legacy");
        Files.createDirectories(dir);
        try (InputStream in = getClass().getResourceAsStream("/store/legacy-schema-6/" + GeoPackageStore.FILE_NAME)) {
            Files.copy(in, dir.resolve(GeoPackageStore.FILE_NAME));
        }
        return dir;
    }

    private static String uncommented(String script) throws IOException {
        try (InputStream in = GeoPackageStore.class.getResourceAsStream("/db/geopackage/" + script)) {
            StringBuilder out = new StringBuilder();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.strip().startsWith("--")) out.append(line).append('\n');
            }
            return out.toString();
        }
    }

    /**
     * No row of the old file was changed or removed, and no data was added: every table keeps its rows (columns added
     * by later migrations come after the old ones and are not compared); only the
     * GeoPackage's own metadata tables ({@code gpkg_*}) may list the tables of later migrations, which start empty.
     */
    private static void assertRowsKept(Map<String, List<List<Object>>> before, Map<String, List<List<Object>>> after) {
        for (var e : before.entrySet()) {
            List<List<Object>> now = after.get(e.getKey());
            assertTrue(now != null && now.size() >= e.getValue().size(), e.getKey() + " lost rows");
            // a later migration may add columns (with their defaults, e.g. housing_initiative.initiator_kind in V16):
            // the old columns keep their values
            List<List<Object>> oldColumns = new java.util.ArrayList<>();
            for (int i = 0; i < e.getValue().size(); i++)
                oldColumns.add(now.get(i)
                        .subList(
                                0,
                                Math.min(now.get(i).size(), e.getValue().get(i).size())));
            assertEquals(e.getValue(), oldColumns, e.getKey() + ": a row changed");
            if (!e.getKey().startsWith("gpkg_"))
                assertEquals(e.getValue().size(), now.size(), e.getKey() + " gained rows");
        }
        for (var e : after.entrySet()) {
            if (!before.containsKey(e.getKey()))
                assertTrue(e.getValue().isEmpty(), e.getKey() + " is new and must start empty");
        }
    }

    /** The history Flyway should show: {@code first} as baseline (or first script), then every later script shipped. */
    private static List<String> historyFrom(int first, String firstType) throws IOException {
        List<Integer> versions;
        try (var files = Files.list(Path.of("src/main/resources/db/geopackage"))) {
            versions = files.map(f -> f.getFileName().toString())
                    .filter(n -> n.matches("V\\d+__.*\\.sql"))
                    .map(n -> Integer.parseInt(n.substring(1, n.indexOf("__"))))
                    .sorted()
                    .toList();
        }
        List<String> out = new ArrayList<>();
        out.add(first + " " + firstType + " true");
        for (int v : versions) if (v > first) out.add(v + " SQL true");
        return out;
    }

    /** Every row of every table except the two version tables, by table, in rowid order. */
    private static Map<String, List<List<Object>>> userRows(Path dir) throws SQLException {
        Map<String, List<List<Object>>> rows = new LinkedHashMap<>();
        for (String table : tables(dir)) {
            if (table.equals("flyway_schema_history") || table.equals(GeoPackageStore.LEGACY_VERSION_TABLE)) continue;
            List<List<Object>> out = new ArrayList<>();
            for (List<Object> row : query(dir, "SELECT * FROM \"" + table + "\" ORDER BY rowid")) {
                // geometry blobs compare by content
                out.add(row.stream()
                        .map(v -> v instanceof byte[] b ? (Object) Arrays.toString(b) : v)
                        .toList());
            }
            rows.put(table, out);
        }
        return rows;
    }

    private static List<String> tables(Path dir) throws SQLException {
        return query(
                        dir,
                        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
                .stream()
                .map(r -> (String) r.get(0))
                .toList();
    }

    private static List<String> history(Path dir) throws SQLException {
        return query(dir, "SELECT version, type, success FROM flyway_schema_history ORDER BY installed_rank").stream()
                .map(r -> r.get(0) + " " + r.get(1) + " " + (((Integer) r.get(2)) == 1))
                .toList();
    }

    private static List<List<Object>> query(Path dir, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(GeoPackageStore.FILE_NAME));
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            ResultSetMetaData md = rs.getMetaData();
            List<List<Object>> out = new ArrayList<>();
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= md.getColumnCount(); i++) row.add(rs.getObject(i));
                out.add(row);
            }
            return out;
        }
    }

    private static byte[] sha256(Path file) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
    }

    private static void assertSameLayers(Dataset expected, Dataset actual) {
        assertSameLayers(expected, actual, r -> true);
    }

    private static void assertSameLayers(Dataset expected, Dataset actual, java.util.function.Predicate<Role> roles) {
        assertEquals(expected.info(), actual.info());
        for (Role role : Role.values()) {
            if (!roles.test(role)) continue;
            List<Feature> e = expected.layer(role);
            List<Feature> a = actual.layer(role);
            assertEquals(e.size(), a.size(), role.id());
            for (int i = 0; i < e.size(); i++) {
                assertEquals(e.get(i).id(), a.get(i).id());
                assertEquals(e.get(i).geometry().toText(), a.get(i).geometry().toText());
                assertEquals(e.get(i).attributes(), a.get(i).attributes());
                assertEquals(e.get(i).provenance(), a.get(i).provenance());
            }
        }
    }
}
