package nl.plektoets.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import nl.plektoets.data.ImportProgress;
import nl.plektoets.registers.RegisterJson;
import nl.plektoets.store.TestPostgis;
import nl.plektoets.store.embedded.GeoPackageStore;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store options of the CLI, for real: import --db, serve --db with tokens and reload, embedded serve, exit 2. */
@Tag("slow")
class StoreCommandsTest {
    static final Path HEEMSERVEEN = Path.of("..", "shared", "data", "osm", "nl-heemserveen-jachthuisweg.osm.pbf");
    static final String PLANNER = "planner-token-0123456789abcdef";
    static final String ADMIN = "admin-token-0123456789abcdefgh";
    static final Map<String, String> ENV = Map.of("PLEKTOETS_DB_USER", TestPostgis.USER);

    @TempDir
    Path tmp;

    record Run(int code, String out, String err, Main main) {}

    static Run run(String... args) {
        return run(java.time.Clock.systemUTC(), args);
    }

    /** {@link #run(String...)} with the clock {@code serve} takes today from (a test moves it past a deadline). */
    static Run run(java.time.Clock clock, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        Main main = new Main(
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                ENV,
                ImportProgress.NONE,
                Path.of("target", "no-demo-here"),
                clock);
        int code = main.run(args);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), main);
    }

    Path tokens() throws Exception {
        Path f = tmp.resolve("tokens.txt");
        Files.writeString(f, "ans planner " + PLANNER + "\nbeheer admin " + ADMIN + "\n");
        return f;
    }

    static HttpResponse<String> send(int port, String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) b.header("Authorization", "Bearer " + token);
        if (body != null) b.header("Content-Type", "application/json");
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void importIntoAnUnreachableDatabaseExitsWith2() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        Run r = run("import", "--osm", HEEMSERVEEN.toString(), "--db", "jdbc:postgresql://127.0.0.1:" + closed + "/x");
        assertEquals(2, r.code(), r::toString);
        assertTrue(r.err().contains("Cannot connect to PostgreSQL"), r.err());
    }

    @Test
    void serveWithUnreachablePostgisExitsWith2AndSaysWhatToCheck() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        Run r = run(
                "serve",
                "--db",
                "jdbc:postgresql://127.0.0.1:" + closed + "/plektoets",
                "--port",
                "0",
                "--data",
                tmp.toString());
        assertEquals(Main.USAGE, r.code(), r::toString);
        assertEquals(2, Main.USAGE);
        assertTrue(r.err().contains("Cannot connect to PostgreSQL at 127.0.0.1:" + closed), r.err());
    }

    @Test
    void importIntoPostgisThenServeFromItWithRegistersAndReload() throws Exception {
        // import reads the database user from the process environment; here it rides in the URL
        String db = TestPostgis.freshSchemaUrl() + "&user=" + TestPostgis.USER;
        Run imported = run("import", "--osm", HEEMSERVEEN.toString(), "--db", db, "--name", "Heemserveen");
        assertEquals(Main.OK, imported.code(), imported::toString);
        assertTrue(imported.out().contains("written to PostGIS 127.0.0.1:5432/"), imported.out());

        Run served = run("serve", "--db", db, "--tokens", tokens().toString(), "--port", "0", "--data", tmp.toString());
        assertEquals(Main.OK, served.code(), served::toString);
        try {
            int port = served.main().server().port();
            assertTrue(served.out().contains("'Heemserveen'"), served.out());
            assertEquals(401, send(port, "GET", "/api/v1/permits", null, null).statusCode());
            var permit = send(
                    port,
                    "POST",
                    "/api/v1/permits",
                    PLANNER,
                    "{\"address\": \"Jachthuisweg 1, Heemserveen\","
                            + " \"street\": \"Jachthuisweg\", \"rooms\": 2, \"persons\": 3}");
            assertEquals(201, permit.statusCode(), permit.body());
            // a point in the middle of the imported extent (RD New 234900, 512850)
            var lonLat = nl.plektoets.geo.WorkingCrs.rdNew().toLonLat(234900, 512850);
            var initiative = send(
                    port,
                    "POST",
                    "/api/v1/initiatives",
                    PLANNER,
                    "{\"site\": {\"type\": \"Point\","
                            + " \"coordinates\": [" + lonLat.x + ", " + lonLat.y
                            + "]}, \"form\": \"room_rental\", \"persons\": 4,"
                            + " \"initiator\": \"X BV\"}");
            assertEquals(201, initiative.statusCode(), initiative.body());
            var snapshot = RegisterJson.MAPPER.readTree(initiative.body()).at("/steps/0/assessment");
            assertTrue(snapshot.has("verdict"), snapshot::toString);

            assertEquals(
                    403,
                    send(port, "POST", "/api/v1/admin/reload", PLANNER, null).statusCode());
            var reload = send(port, "POST", "/api/v1/admin/reload", ADMIN, null);
            assertEquals(200, reload.statusCode(), reload.body());
            assertTrue(
                    RegisterJson.MAPPER.readTree(reload.body()).get("features").asInt() > 0, reload.body());
        } finally {
            served.main().server().stop();
        }
    }

    @Test
    void embeddedServeKeepsRegistersAndACopyOfTheLayersInTheDataDirectory() throws Exception {
        Path dir = tmp.resolve("heemserveen");
        Run imported = run("import", "--osm", HEEMSERVEEN.toString(), "--out", dir.toString());
        assertEquals(Main.OK, imported.code(), imported::toString);
        Run served = run("serve", "--data", dir.toString(), "--tokens", tokens().toString(), "--port", "0");
        assertEquals(Main.OK, served.code(), served::toString);
        try {
            int port = served.main().server().port();
            assertEquals(
                    201,
                    send(
                                    port,
                                    "POST",
                                    "/api/v1/permits",
                                    PLANNER,
                                    "{\"address\": \"Jachthuisweg 1\","
                                            + " \"street\": \"Jachthuisweg\", \"rooms\": 2, \"persons\": 3}")
                            .statusCode());
        } finally {
            served.main().server().stop();
        }
        assertTrue(Files.isRegularFile(dir.resolve(GeoPackageStore.FILE_NAME)));
        try (var store = GeoPackageStore.open(dir, java.time.Clock.systemUTC())) {
            assertEquals(1, store.permits(null, null).size(), "the permit survived the restart");
            assertTrue(store.layerSet().orElseThrow().featureCount() > 0, "the served layers are in the file for QGIS");
        }
    }

    @Test
    void serveRefusesAStoreFileOfANewerSchemaWithExit2AndLeavesItAlone() throws Exception {
        Path dir = tmp.resolve("newer");
        GeoPackageStore.open(dir, java.time.Clock.systemUTC()).close();
        Path file = dir.resolve(GeoPackageStore.FILE_NAME);
        int later;
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file);
                var st = c.createStatement()) {
            // as a later plektoets with one migration more than this one ships would have left it (derived from the
            // history this build wrote, so the test holds when a migration is added)
            try (var rs = st.executeQuery(
                    "SELECT MAX(installed_rank), MAX(CAST(version AS INTEGER)) FROM flyway_schema_history")) {
                rs.next();
                later = Math.max(rs.getInt(1), rs.getInt(2)) + 1;
            }
            st.executeUpdate("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, "
                    + "checksum, installed_by, installed_on, execution_time, success) VALUES (" + later + ", '" + later
                    + "', 'later', 'SQL', 'V" + later + "__later.sql', 1, '', '2027-01-01 00:00:00', 1, 1)");
        }
        assertTrue(later >= 10, "this build ships V1..V9 at least: " + later);
        long size = Files.size(file);
        Run served = run("serve", "--data", dir.toString(), "--tokens", tokens().toString(), "--port", "0");
        assertEquals(Main.USAGE, served.code(), served::toString);
        assertTrue(
                served.err().contains("schema version " + later + ", newer than this plektoets knows"), served.err());
        assertEquals(size, Files.size(file));
    }
}
