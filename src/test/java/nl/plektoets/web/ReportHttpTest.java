package nl.plektoets.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import nl.plektoets.auth.TokenFile;
import nl.plektoets.config.Config;
import nl.plektoets.registers.EngineSnapshots;
import nl.plektoets.registers.Registers;
import nl.plektoets.registers.TestTerms;
import nl.plektoets.report.DemoReport;
import nl.plektoets.store.Store;
import nl.plektoets.store.StoreKind;
import nl.plektoets.web.http.Problem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Point;

/**
 * POST /api/v1/reports and GET /api/v1/initiatives/{id}/report.pdf over real HTTP on the demo: PDFs read back with
 * pdftotext, refusals as problem+json, and the PDF's hash kept with the initiative's step in both stores.
 */
class ReportHttpTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T09:30:00Z"), ZoneOffset.UTC);

    @TempDir
    static Path temp;

    static DemoReport demo;
    static Point site;

    @BeforeAll
    static void demo() {
        demo = new DemoReport(temp);
        site = (Point) demo.siteNearASource();
    }

    record Answer(int status, String contentType, byte[] body, java.net.http.HttpHeaders headers) {
        JsonNode json() throws Exception {
            return new ObjectMapper().readTree(body);
        }
    }

    static Javalin app(Store storeOrNull, Path tokensDir) throws Exception {
        Config config = Config.defaults().with(Map.of("port", "0"));
        Api api = new Api(
                config, demo.dataset, demo.engine::assess, new PolicyInfo(demo.profile.id(), demo.profile.title()));
        ReportApi reports = new ReportApi(demo.profile, CLOCK, () -> null, info -> DemoReport.DATE.minusSeconds(3600));
        TokenFile tokens = tokensDir == null ? TokenFile.empty() : RegisterHttp.tokens(tokensDir);
        return Routes.create(() -> api, config, null, c -> {
            if (storeOrNull != null) {
                Registers registers = new Registers(
                        TestTerms.HARDENBERG,
                        storeOrNull,
                        CLOCK,
                        new EngineSnapshots(
                                () -> demo.engine, (a, crs) -> AssessmentJson.write(a, crs, new ObjectMapper())));
                RegisterRoutes.install(c.routes, registers, () -> tokens, null, () -> api);
            }
            ReportRoutes.install(c.routes, () -> api, () -> reports, storeOrNull, () -> tokens);
        });
    }

    static Answer send(int port, String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) b.header("Authorization", "Bearer " + token);
        if (body != null) b.header("Content-Type", "application/json");
        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body(), r.headers());
    }

    String body(String extra) {
        return "{\"site\":{\"type\":\"Point\",\"coordinates\":[" + site.getX() + "," + site.getY()
                + "]},\"crs\":\"EPSG:28992\",\"form\":\"housing_facility\",\"persons\":12" + extra + "}";
    }

    @Test
    void postReportsAnswersThePdfOfTheAssessment() throws Exception {
        JavalinTest.test(app(null, null), (server, client) -> {
            Answer assessment = send(server.port(), "POST", "/api/v1/assessments", null, body(""));
            assertEquals(200, assessment.status());
            Answer pdf = send(server.port(), "POST", "/api/v1/reports", null, body(""));
            assertEquals(200, pdf.status(), () -> new String(pdf.body(), StandardCharsets.UTF_8));
            assertEquals("application/pdf", pdf.contentType());
            assertTrue(new String(pdf.body(), 0, 8, StandardCharsets.ISO_8859_1).startsWith("%PDF-1.7"));
            assertEquals(
                    "sha-256=:" + Base64.getEncoder().encodeToString(sha256(pdf.body())) + ":",
                    pdf.headers().firstValue("Repr-Digest").orElseThrow());
            assertTrue(pdf.headers()
                    .firstValue("Content-Disposition")
                    .orElseThrow()
                    .startsWith("attachment"));
            String text = pdftotext(pdf.body());
            assertTrue(text.contains("(" + assessment.json().get("verdict").asText() + ")"), "the verdict");
            for (JsonNode c : assessment.json().get("criteria"))
                assertTrue(
                        text.contains(c.get("id").asText() + ": "), c.get("id").asText());
            assertTrue(text.contains("Personen"), "the request in the report");
            // the inputs' hash is the request body's
            assertTrue(text.contains(HexFormat.of().formatHex(sha256(body("").getBytes(StandardCharsets.UTF_8)))));

            Answer en = send(server.port(), "POST", "/api/v1/reports?lang=en", null, body(""));
            assertEquals(200, en.status());
            assertTrue(pdftotext(en.body()).contains("Verdict:"));
        });
    }

    @Test
    void badInputIsProblemJson() throws Exception {
        JavalinTest.test(app(null, null), (server, client) -> {
            Answer lang = send(server.port(), "POST", "/api/v1/reports?lang=de", null, body(""));
            assertProblem(lang, 400, "lang");
            Answer unknown = send(server.port(), "POST", "/api/v1/reports?scale=5000", null, body(""));
            assertProblem(unknown, 400, "scale");
            Answer persons = send(
                    server.port(),
                    "POST",
                    "/api/v1/reports",
                    null,
                    "{\"site\":{\"type\":\"Point\",\"coordinates\":[" + site.getX() + "," + site.getY()
                            + "]},\"crs\":\"EPSG:28992\",\"form\":\"housing_facility\"}");
            assertProblem(persons, 400, "persons");
            Answer malformed = send(server.port(), "POST", "/api/v1/reports", null, "{\"site\":");
            assertEquals(400, malformed.status());
            assertEquals(Problem.MEDIA_TYPE, malformed.contentType());
            Answer outside = send(
                    server.port(),
                    "POST",
                    "/api/v1/reports",
                    null,
                    "{\"site\":{\"type\":\"Point\",\"coordinates\":[6.6,52.6]},\"form\":\"housing_facility\",\"persons\":4}");
            assertEquals(422, outside.status());
            assertEquals(Problem.MEDIA_TYPE, outside.contentType());
            Answer get = send(server.port(), "GET", "/api/v1/reports", null, null);
            assertEquals(405, get.status());
            assertEquals(Problem.MEDIA_TYPE, get.contentType());
        });
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aStepReportsHashIsKeptWithTheStep(StoreKind kind) throws Exception {
        Path dir = Files.createTempDirectory(temp, kind.name());
        try (Store store = kind.open(kind.freshLocation(dir), CLOCK)) {
            JavalinTest.test(app(store, dir), (server, client) -> {
                Coordinate ll = demo.working.toLonLat(site.getX(), site.getY());
                Answer created = send(
                        server.port(),
                        "POST",
                        "/api/v1/initiatives",
                        RegisterHttp.PLANNER,
                        "{\"site\":{\"type\":\"Point\",\"coordinates\":[" + ll.x + "," + ll.y
                                + "]},\"form\":\"housing_facility\",\"persons\":12,\"initiator\":\"Agri Flex BV\"}");
                assertEquals(201, created.status(), () -> new String(created.body(), StandardCharsets.UTF_8));
                long id = created.json().get("id").asLong();
                String path = "/api/v1/initiatives/" + id + "/report.pdf";

                assertProblem(send(server.port(), "GET", path, null, null), 401, null);
                assertProblem(
                        send(server.port(), "GET", "/api/v1/initiatives/999/report.pdf", RegisterHttp.PLANNER, null),
                        404,
                        null);
                assertProblem(send(server.port(), "GET", path + "?step=3", RegisterHttp.PLANNER, null), 400, "step");
                assertProblem(send(server.port(), "GET", path + "?lang=fr", RegisterHttp.PLANNER, null), 400, "lang");

                Answer first = send(server.port(), "GET", path, RegisterHttp.PLANNER, null);
                assertEquals(200, first.status(), () -> new String(first.body(), StandardCharsets.UTF_8));
                assertEquals("application/pdf", first.contentType());
                String text = pdftotext(first.body());
                assertTrue(text.contains("Agri Flex BV"), "the initiative");
                assertTrue(text.contains(
                        "(" + created.json().at("/steps/0/assessment/verdict").asText() + ")"));
                Answer second = send(server.port(), "GET", path, RegisterHttp.PLANNER, null);
                assertEquals(200, second.status());

                Answer entry = send(server.port(), "GET", "/api/v1/initiatives/" + id, RegisterHttp.PLANNER, null);
                JsonNode reports = entry.json().at("/steps/0/reports");
                assertEquals(2, reports.size(), reports::toString);
                String hash = HexFormat.of().formatHex(sha256(first.body()));
                assertEquals(hash, reports.get(0).get("sha256").asText());
                // the same step, data and map: the same report, so the hash in the file confirms it
                assertEquals(hash, reports.get(1).get("sha256").asText());
                assertEquals("nl", reports.get(0).get("lang").asText());
                assertEquals("ans", reports.get(0).get("by").asText());
                assertEquals(
                        CLOCK.instant().toString(), reports.get(0).get("at").asText());
                assertEquals(2, store.stepReports(id).size());
            });
        }
    }

    static void assertProblem(Answer a, int status, String field) throws Exception {
        assertEquals(status, a.status(), () -> new String(a.body(), StandardCharsets.UTF_8));
        assertEquals(Problem.MEDIA_TYPE, a.contentType());
        JsonNode p = a.json();
        assertEquals(status, p.get("status").asInt());
        assertTrue(p.has("dataset"));
        if (field != null) assertEquals(field, p.get("field").asText(), p::toString);
    }

    static byte[] sha256(byte[] b) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(b);
    }

    static String pdftotext(byte[] pdf) throws Exception {
        Path file = Files.createTempFile(temp, "report", ".pdf");
        Files.write(file, pdf);
        Process p = new ProcessBuilder("pdftotext", "-enc", "UTF-8", file.toString(), "-")
                .redirectErrorStream(true)
                .start();
        String s = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), s);
        return s.replaceAll("\\s+", " ");
    }
}
