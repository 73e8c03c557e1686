package nl.plektoets.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;
import nl.plektoets.auth.TokenFile;
import nl.plektoets.deadlines.Deadlines;
import nl.plektoets.monitor.Monitor;
import nl.plektoets.policy.PolicyProfile;
import nl.plektoets.registers.AssessmentSnapshots;
import nl.plektoets.registers.IntakeTable;
import nl.plektoets.registers.Locations;
import nl.plektoets.registers.Registers;
import nl.plektoets.registers.TestTerms;
import nl.plektoets.store.Store;
import nl.plektoets.store.StoreKind;
import nl.plektoets.store.TestPostgis;
import nl.plektoets.store.embedded.GeoPackageStore;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The monitor of §8.1 over real HTTP on both stores, its numbers against counts taken with SQL from the database. */
class MonitorHttpTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T09:30:00Z"), ZoneOffset.UTC);

    @TempDir
    Path temp;

    static void post(RegisterHttp http, String path, String body) {
        var r = http.send("POST", path, RegisterHttp.REGISSEUR, body);
        assertEquals(201, r.status(), () -> r.body().toString());
    }

    /** measure/key -> the monitor's count, summed over the years and villages. */
    static Map<String, Long> byMeasure(JsonNode rows) {
        Map<String, Long> out = new TreeMap<>();
        for (JsonNode r : rows)
            out.merge(
                    r.get("measure").asText() + "/" + r.get("key").asText(),
                    r.get("count").asLong(),
                    Long::sum);
        return out;
    }

    static void sql(Connection c, String measure, String query, Map<String, Long> out) throws Exception {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(query)) {
            while (rs.next()) {
                if (rs.getLong(2) > 0) out.merge(measure + "/" + rs.getString(1), rs.getLong(2), Long::sum);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void theMonitorCountsWhatTheDatabaseHolds(StoreKind kind) throws Exception {
        TokenFile tokens = RegisterHttp.tokens(temp);
        String location = kind.freshLocation(temp);
        try (Store store = kind.open(location, CLOCK)) {
            Registers registers = new Registers(TestTerms.HARDENBERG, store, CLOCK, AssessmentSnapshots.NONE);
            PolicyProfile profile = PolicyProfile.load(null);
            Api api = RegisterHttp.fixtureApi();
            Javalin app = Javalin.create(c -> {
                RegisterRoutes.install(c.routes, registers, () -> tokens, null, () -> api);
                RegisseurRoutes.install(
                        c.routes,
                        registers,
                        new IntakeTable(store, CLOCK, profile.intakeDocuments()),
                        new Locations(store, CLOCK),
                        new Deadlines(store, CLOCK, profile),
                        new Monitor(store, RegisseurRoutes.nearestVillage(() -> api)),
                        ReportLimit.reports(CLOCK),
                        () -> tokens,
                        () -> api);
            });
            JavalinTest.test(app, (server, client) -> {
                RegisterHttp http = new RegisterHttp(server.port());
                String site = "{\"type\": \"Point\", \"coordinates\": [6.6235, 52.5745]}";
                for (int i = 0; i < 3; i++) {
                    post(
                            http,
                            "/api/v1/initiatives",
                            "{\"site\": " + site + ", \"form\": \"housing_facility\"," + " \"persons\": " + (10 + i)
                                    + ", \"initiator\": \"Agri Flex BV\"}");
                }
                int v = 1;
                for (String status : new String[] {"intake", "assessment", "permit_applied"}) {
                    assertEquals(
                            200,
                            http.send(
                                            "PATCH",
                                            "/api/v1/initiatives/2",
                                            RegisterHttp.REGISSEUR,
                                            "{\"version\": " + v++ + ", \"status\": \"" + status + "\"}")
                                    .status());
                }
                post(
                        http,
                        "/api/v1/locations",
                        "{\"site\": " + site + ", \"name\": \"De Venen\", \"village\":"
                                + " \"Dedemsvaart\", \"provider\": \"Flex Wonen BV\", \"form\": \"housing_facility\","
                                + " \"capacity\": 24}");
                post(
                        http,
                        "/api/v1/locations",
                        "{\"site\": " + site + ", \"name\": \"Oude School\", \"village\":"
                                + " \"Balkbrug\", \"provider\": \"Flex Wonen BV\", \"form\": \"housing_facility\","
                                + " \"capacity\": 9, \"existing\": true}");
                post(
                        http,
                        "/api/v1/locations",
                        "{\"site\": " + site + ", \"name\": \"Het Veld\", \"village\":"
                                + " \"Balkbrug\", \"provider\": \"Flex Wonen BV\", \"form\": \"housing_facility\","
                                + " \"capacity\": 16}");
                for (String cat : new String[] {"noise", "noise", "parking"}) {
                    post(
                            http,
                            "/api/v1/signals",
                            "{\"locationId\": 1, \"source\": \"resident\", \"category\": \"" + cat
                                    + "\", \"receivedOn\": \"2026-02-10\"}");
                }
                post(
                        http,
                        "/api/v1/signals",
                        "{\"locationId\": 2, \"source\": \"police\", \"category\":"
                                + " \"overcrowding\", \"receivedOn\": \"2025-11-03\"}");
                post(
                        http,
                        "/api/v1/permits",
                        "{\"address\": \"Stationsstraat 3\", \"street\": \"Stationsstraat\","
                                + " \"town\": \"Dedemsvaart\", \"rooms\": 2, \"persons\": 3}");

                var monitor = http.send("GET", "/api/v1/monitor", RegisterHttp.PLANNER, null);
                assertEquals(200, monitor.status(), () -> monitor.body().toString());
                Map<String, Long> got = byMeasure(monitor.body().get("rows"));

                Map<String, Long> expected = new TreeMap<>();
                try (Connection c = kind == StoreKind.POSTGIS
                        ? DriverManager.getConnection(location, TestPostgis.USER, null)
                        : DriverManager.getConnection(
                                "jdbc:sqlite:" + Path.of(location).resolve(GeoPackageStore.FILE_NAME))) {
                    sql(c, "initiatives", "SELECT status, count(*) FROM housing_initiative GROUP BY status", expected);
                    sql(
                            c,
                            "permit_applications",
                            "SELECT 'all', count(*) FROM housing_initiative"
                                    + " WHERE CAST(steps AS TEXT) LIKE '%permit_applied%'",
                            expected);
                    sql(
                            c,
                            "realised",
                            "SELECT 'locations', count(*) FROM housing_location WHERE NOT existing",
                            expected);
                    sql(
                            c,
                            "realised",
                            "SELECT 'places', sum(capacity) FROM housing_location WHERE NOT existing",
                            expected);
                    sql(c, "signals", "SELECT category, count(*) FROM location_signal GROUP BY category", expected);
                    sql(
                            c,
                            "room_rental_permits",
                            "SELECT status, count(*) FROM room_rental_permit"
                                    + " WHERE applied_on IS NOT NULL GROUP BY status",
                            expected);
                } catch (java.sql.SQLException e) {
                    throw new AssertionError(e);
                }
                assertEquals(expected, got);
                // and by hand: 3 reported (one moved on), 1 application, 2 realised with 24 + 16 places
                assertEquals(40L, got.get("realised/places"));
                assertEquals(1L, got.get("permit_applications/all"));

                // per year and village: the overcrowding signal of 2025 in Balkbrug, the initiatives in the fixture's
                // only village
                boolean found2025 = false;
                for (JsonNode r : monitor.body().get("rows")) {
                    if (r.get("measure").asText().equals("signals")
                            && r.get("year").asInt() == 2025) {
                        assertEquals("Balkbrug", r.get("village").asText());
                        found2025 = true;
                    }
                    if (r.get("measure").asText().equals("initiatives"))
                        assertEquals("Oosterbroek", r.get("village").asText());
                }
                assertTrue(found2025);

                try {
                    var csv = HttpClient.newHttpClient()
                            .send(
                                    HttpRequest.newBuilder(URI.create(
                                                    "http://localhost:" + server.port() + "/api/v1/monitor.csv"))
                                            .header("Authorization", "Bearer " + RegisterHttp.PLANNER)
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString());
                    assertEquals(200, csv.statusCode());
                    assertTrue(csv.body().startsWith("year,village,measure,key,count,fictitious\r\n"), csv.body());
                    assertEquals(
                            monitor.body().get("count").asInt() + 1, csv.body().split("\r\n").length);
                    assertTrue(csv.body().contains("2025,Balkbrug,signals,overcrowding,1,"), csv.body());

                    // the same counts as a PDF for the council: every row's village, kind and count read back
                    String base = "http://localhost:" + server.port() + "/api/v1/monitor.pdf";
                    var pdf = HttpClient.newHttpClient()
                            .send(
                                    HttpRequest.newBuilder(URI.create(base + "?lang=en"))
                                            .header("Authorization", "Bearer " + RegisterHttp.PLANNER)
                                            .build(),
                                    HttpResponse.BodyHandlers.ofByteArray());
                    assertEquals(200, pdf.statusCode());
                    assertEquals(
                            "application/pdf",
                            pdf.headers().firstValue("Content-Type").orElse(""));
                    java.nio.file.Path file = java.nio.file.Files.createTempFile("monitor", ".pdf");
                    java.nio.file.Files.write(file, pdf.body());
                    Process p = new ProcessBuilder("pdftotext", "-layout", "-enc", "UTF-8", file.toString(), "-")
                            .redirectErrorStream(true)
                            .start();
                    String text =
                            new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                    assertEquals(0, p.waitFor());
                    assertTrue(text.contains("Monitor of labour migrant housing (§8.1)"), text);
                    String flat = text.replaceAll("\\s+", " ");
                    for (JsonNode r : monitor.body().get("rows")) {
                        String line = r.get("year").asInt() + " "
                                + r.get("village").asText() + " " + r.get("key").asText() + " "
                                + r.get("count").asLong();
                        assertTrue(flat.contains(line), line + " in\n" + text);
                    }
                    var badLang = HttpClient.newHttpClient()
                            .send(
                                    HttpRequest.newBuilder(URI.create(base + "?lang=fr"))
                                            .header("Authorization", "Bearer " + RegisterHttp.PLANNER)
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString());
                    assertEquals(400, badLang.statusCode());
                    assertTrue(badLang.headers()
                            .firstValue("Content-Type")
                            .orElse("")
                            .contains("problem+json"));
                    var anonymous = HttpClient.newHttpClient()
                            .send(
                                    HttpRequest.newBuilder(URI.create(base)).build(),
                                    HttpResponse.BodyHandlers.ofString());
                    assertEquals(401, anonymous.statusCode());
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            });
        }
    }
}
