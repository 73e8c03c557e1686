package nl.plektoets.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import nl.plektoets.assess.FixtureWorld;
import nl.plektoets.auth.TokenFile;
import nl.plektoets.geo.LayerGeometry;
import nl.plektoets.policy.PolicyProfile;
import nl.plektoets.registers.AssessmentSnapshots;
import nl.plektoets.registers.InitiativeBuilder;
import nl.plektoets.registers.InitiativeStatus;
import nl.plektoets.registers.IntakeCase;
import nl.plektoets.registers.IntakeTable;
import nl.plektoets.registers.Registers;
import nl.plektoets.registers.TestTerms;
import nl.plektoets.request.HousingForm;
import nl.plektoets.rounds.ApplicationRounds;
import nl.plektoets.rounds.EmployerDistance;
import nl.plektoets.rounds.RoundJson;
import nl.plektoets.store.Store;
import nl.plektoets.store.StoreKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The application round (issue 18, Noordoostpolder §6) over real HTTP on both stores: the places worked out from the
 * register when a round opens, only medium and large initiatives entered, scores within the scale with a note, a stale
 * version 409 and the audit trail, the ranking with the stated tie rule and the allocation stopping at the places,
 * the CSV, the PDF read back with pdftotext, the step to the intake table after the college's decision; the decision
 * itself (every refusal, a stale version, the round frozen with 409 naming it, the kept ranking under a reweighted
 * profile, CSV and PDF saying decided or draft); and Hardenberg's answer that it has no rounds. The data served here has no network: the distance points are the minimum, with the reason.
 */
class RoundHttpTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-04-10T09:30:00Z"), ZoneOffset.UTC);
    static final PolicyProfile NOP = PolicyProfile.builtIn("noordoostpolder-2024");

    @TempDir
    Path temp;

    interface Body {
        void run(RegisterHttp http, Store store, int port) throws Exception;
    }

    void withServer(StoreKind kind, PolicyProfile profile, Body test) throws Exception {
        TokenFile tokens = RegisterHttp.tokens(temp);
        try (Store store = kind.open(kind.freshLocation(temp), CLOCK)) {
            Registers registers = new Registers(TestTerms.HARDENBERG, store, CLOCK, AssessmentSnapshots.NONE);
            Api api = RegisterHttp.fixtureApi();
            ApplicationRounds rounds = new ApplicationRounds(
                    store,
                    store,
                    CLOCK,
                    profile,
                    () -> new EmployerDistance(
                            null,
                            new LayerGeometry(api.dataset().info().workingCrs()),
                            api.dataset().info().name()));
            IntakeTable intake = new IntakeTable(store, CLOCK, profile.intakeDocuments());
            Javalin app = Javalin.create(c -> {
                RegisterRoutes.install(c.routes, registers, () -> tokens, null, () -> api);
                RoundRoutes.install(c.routes, registers, rounds, intake, () -> tokens, () -> api);
            });
            JavalinTest.test(app, (server, client) -> test.run(new RegisterHttp(server.port()), store, server.port()));
        }
    }

    static long initiative(Store store, int persons, InitiativeStatus status, String initiator) {
        return store.createInitiative(
                        InitiativeBuilder.organisation(
                                        initiator, FixtureWorld.geometry(FixtureWorld.rect(4400, 400, 4440, 440)))
                                .housing(HousingForm.HOUSING_FACILITY, persons)
                                .status(status)
                                .build(),
                        "ans")
                .id();
    }

    static String scores(int q) {
        return """
                {"housing_quality": {"points": %d, "note": "kamers van 12 m2, eigen sanitair"},
                 "landscape_fit": {"points": %d, "note": "erfsingel aangevuld"},
                 "neighbour_involvement": {"points": %d, "note": "twee avonden met de buurt"}}""".formatted(q, q, q);
    }

    static HttpResponse<byte[]> raw(int port, String path, String token) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                .header("Authorization", "Bearer " + token)
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aRoundIsOpenedEnteredScoredRankedExportedAndTakenToIntake(StoreKind kind) throws Exception {
        withServer(kind, NOP, (http, store, port) -> {
            // the register holds 5 large (granted) and 3 medium (realised) locations; a refused one does not count
            for (int i = 0; i < 5; i++) initiative(store, 280, InitiativeStatus.GRANTED, "Bestaand " + i);
            for (int i = 0; i < 3; i++) initiative(store, 100, InitiativeStatus.REALISED, "Bestaand m" + i);
            initiative(store, 280, InitiativeStatus.REFUSED, "Geweigerd");
            var opened = http.send("POST", "/api/v1/rounds", RegisterHttp.PLANNER, """
                    {"name": "Aanvraagronde 2025", "opensOn": "2025-03-01", "closesOn": "2025-03-31"}""");
            assertEquals(201, opened.status(), () -> opened.body().toString());
            long round = opened.body().get("id").asLong();
            assertEquals("noordoostpolder-2024", opened.body().get("policy").asText());
            JsonNode places = opened.body().get("places");
            assertEquals("medium", places.at("/0/category").asText());
            assertEquals(
                    List.of(12, 3, 9),
                    List.of(
                            places.at("/0/cap").asInt(),
                            places.at("/0/held").asInt(),
                            places.at("/0/available").asInt()));
            assertEquals(
                    List.of(6, 5, 1),
                    List.of(
                            places.at("/1/cap").asInt(),
                            places.at("/1/held").asInt(),
                            places.at("/1/available").asInt()));
            assertFalse(opened.body().at("/rules/adopted").asBoolean(), "the weights are placeholders and say so");
            assertEquals(
                    "submitted_at", opened.body().at("/rules/tieBreak/order/0").asText());

            long a = initiative(store, 280, InitiativeStatus.REPORTED, "Polder Wonen BV");
            long b = initiative(store, 250, InitiativeStatus.REPORTED, "Akkerhuis BV");
            long c = initiative(store, 120, InitiativeStatus.REPORTED, "Kavel Negen BV");
            long small = initiative(store, 16, InitiativeStatus.REPORTED, "Klein BV");
            long over = initiative(store, 320, InitiativeStatus.REPORTED, "Te Groot BV");
            String entries = "/api/v1/rounds/" + round + "/entries";

            // bad input: a small one and one above large are refused with the fix; dates; duplicates
            var smallOne = http.send(
                    "POST",
                    entries,
                    RegisterHttp.PLANNER,
                    "{\"initiativeId\": " + small + ", \"submittedAt\": \"2025-03-05T10:00:00Z\"}");
            assertEquals(422, smallOne.status(), () -> smallOne.body().toString());
            assertEquals("initiativeId", smallOne.body().get("field").asText());
            assertTrue(smallOne.body().get("detail").asText().contains("small location"), smallOne.body()::toString);
            assertTrue(smallOne.contentType().startsWith("application/problem+json"));
            assertEquals(
                    422,
                    http.send(
                                    "POST",
                                    entries,
                                    RegisterHttp.PLANNER,
                                    "{\"initiativeId\": " + over + ", \"submittedAt\": \"2025-03-05T10:00:00Z\"}")
                            .status());
            var outside = http.send(
                    "POST",
                    entries,
                    RegisterHttp.PLANNER,
                    "{\"initiativeId\": " + a + ", \"submittedAt\": \"2025-04-02T10:00:00Z\"}");
            assertEquals(422, outside.status());
            assertEquals("submittedAt", outside.body().get("field").asText());
            assertEquals(
                    400,
                    http.send(
                                    "POST",
                                    entries,
                                    RegisterHttp.PLANNER,
                                    "{\"initiativeId\": " + a + ", \"submittedAt\": \"gisteren\"}")
                            .status());
            assertEquals(
                    400,
                    http.send(
                                    "POST",
                                    entries,
                                    RegisterHttp.PLANNER,
                                    "{\"initiativeId\": " + a
                                            + ", \"submittedAt\": \"2025-03-05T10:00:00Z\", \"rank\": 1}")
                            .status());
            assertEquals(
                    422,
                    http.send(
                                    "POST",
                                    entries,
                                    RegisterHttp.PLANNER,
                                    "{\"initiativeId\": 999, \"submittedAt\": \"2025-03-05T10:00:00Z\"}")
                            .status());

            // A: employers told as a point (CRS84); no network in this data, so the minimum with the reason
            var enteredA = http.send("POST", entries, RegisterHttp.PLANNER, """
                    {"initiativeId": %d, "submittedAt": "2025-03-05T10:00:00Z", "dwellingsReturned": 2,
                     "employers": [{"name": "Kwekerij Noord", "point": [6.6235, 52.5745], "workers": 40}]}""".formatted(a));
            assertEquals(201, enteredA.status(), () -> enteredA.body().toString());
            JsonNode distance = enteredA.body().get("distance");
            assertEquals(0, distance.get("points").asInt());
            assertFalse(distance.get("computed").asBoolean());
            assertTrue(distance.get("reason").asText().contains("network"), distance::toString);
            assertEquals(2, enteredA.body().at("/employers/0/rd").size(), "kept in RD New");
            assertTrue(enteredA.body().at("/employers/0/rd/0").asDouble() > 200_000, "an RD x near Hardenberg");
            assertEquals(
                    422,
                    http.send(
                                    "POST",
                                    entries,
                                    RegisterHttp.PLANNER,
                                    "{\"initiativeId\": " + a + ", \"submittedAt\": \"2025-03-05T10:00:00Z\"}")
                            .status(),
                    "once per round");
            // B: the same points as A, submitted a day earlier; C medium
            var enteredB = http.send("POST", entries, RegisterHttp.PLANNER, """
                    {"initiativeId": %d, "submittedAt": "2025-03-04T16:00:00Z", "dwellingsReturned": 2,
                     "scores": %s}""".formatted(b, scores(4)));
            assertEquals(201, enteredB.status(), () -> enteredB.body().toString());
            var enteredC = http.send("POST", entries, RegisterHttp.PLANNER, """
                    {"initiativeId": %d, "submittedAt": "2025-03-20T08:00:00Z", "dwellingsReturned": 0,
                     "scores": %s}""".formatted(c, scores(2)));
            assertEquals(201, enteredC.status(), () -> enteredC.body().toString());

            // scoring A: the scale, the note, the kind of criterion, the version
            String entryA = entries + "/" + enteredA.body().get("id").asLong();
            var tooMany = http.send(
                    "PATCH",
                    entryA,
                    RegisterHttp.PLANNER,
                    "{\"version\": 1, \"scores\": {\"housing_quality\": {\"points\": 6, \"note\": \"top\"}}}");
            assertEquals(422, tooMany.status());
            assertEquals(
                    "scores.housing_quality.points", tooMany.body().get("field").asText());
            var noNote = http.send(
                    "PATCH",
                    entryA,
                    RegisterHttp.PLANNER,
                    "{\"version\": 1, \"scores\": {\"housing_quality\": {\"points\": 3, \"note\": \" \"}}}");
            assertEquals(422, noNote.status());
            assertEquals(
                    "scores.housing_quality.note", noNote.body().get("field").asText());
            assertEquals(
                    400,
                    http.send(
                                    "PATCH",
                                    entryA,
                                    RegisterHttp.PLANNER,
                                    "{\"version\": 1, \"scores\": {\"beauty\": {\"points\": 3, \"note\": \"x\"}}}")
                            .status());
            assertEquals(
                    422,
                    http.send(
                                    "PATCH",
                                    entryA,
                                    RegisterHttp.PLANNER,
                                    "{\"version\": 1, \"scores\": {\"employer_distance\": {\"points\": 5, \"note\": \"x\"}}}")
                            .status(),
                    "computed from the network, never typed in");
            assertEquals(
                    400,
                    http.send("PATCH", entryA, RegisterHttp.PLANNER, "{\"scores\": " + scores(4) + "}")
                            .status(),
                    "no version");
            var scored =
                    http.send("PATCH", entryA, RegisterHttp.PLANNER, "{\"version\": 1, \"scores\": " + scores(4) + "}");
            assertEquals(200, scored.status(), () -> scored.body().toString());
            assertEquals(2, scored.body().get("version").asInt());
            assertEquals("ans", scored.body().at("/scores/landscape_fit/by").asText());
            var stale = http.send("PATCH", entryA, RegisterHttp.PLANNER, "{\"version\": 1, \"notes\": \"later\"}");
            assertEquals(409, stale.status());
            assertEquals(2, stale.body().get("currentVersion").asInt());
            var audit = http.send("GET", entryA + "/audit", RegisterHttp.PLANNER, null);
            assertEquals(2, audit.body().get("count").asInt());
            assertEquals("ans", audit.body().at("/audit/1/actor").asText());
            assertEquals(
                    4,
                    audit.body()
                            .at("/audit/1/after/scores/housing_quality/points")
                            .asInt());
            assertTrue(audit.body().at("/audit/1/before/scores").isEmpty());

            // the ranking: A and B tie (same points), B submitted earlier goes first and takes the one large place
            var ranking = http.send("GET", "/api/v1/rounds/" + round + "/ranking", RegisterHttp.PLANNER, null);
            assertEquals(200, ranking.status(), () -> ranking.body().toString());
            JsonNode rows = ranking.body().get("ranking");
            List<Long> order = new ArrayList<>();
            for (JsonNode r : rows) order.add(r.get("initiativeId").asLong());
            assertEquals(List.of(b, a, c), order);
            // 3 scored x 4 x weight (3+3+2) + distance 0 + dwellings 2 x weight 1 = 34
            assertEquals(34, rows.at("/0/total").asInt());
            assertEquals(rows.at("/0/total").decimalValue(), rows.at("/1/total").decimalValue());
            assertEquals("submitted_at", rows.at("/1/tieBrokenBy").asText());
            assertTrue(rows.at("/0/allocated").asBoolean());
            assertFalse(rows.at("/1/allocated").asBoolean());
            assertTrue(
                    rows.at("/1/reason/en").asText().contains("cap reached"),
                    rows.at("/1/reason").toString());
            assertTrue(rows.at("/2/allocated").asBoolean(), "a medium place is left");
            assertEquals(0, ranking.body().at("/places/1/left").asInt());
            assertEquals(8, ranking.body().at("/places/0/left").asInt());
            assertTrue(ranking.body().at("/tieRule/nl").asText().contains("eerder ingediende"));
            assertTrue(ranking.body().at("/dataset").isObject(), "every answer names the dataset");

            // the CSV for the college: one row per entry, the criteria as columns
            var csv = raw(port, "/api/v1/rounds/" + round + "/ranking.csv", RegisterHttp.PLANNER);
            assertEquals(200, csv.statusCode());
            String[] lines = new String(csv.body(), StandardCharsets.UTF_8).split("\r\n");
            assertEquals(4, lines.length);
            assertTrue(
                    lines[0].startsWith("rank,initiative_id,initiator,category,persons,submitted_at,housing_quality,"
                            + "landscape_fit,employer_distance,neighbour_involvement,dwellings_returned,total"),
                    lines[0]);
            assertTrue(
                    lines[1].startsWith("1," + b + ",Akkerhuis BV,large,250,2025-03-04T16:00:00Z,4,4,0,4,2,34"),
                    lines[1]);

            // the PDF read back
            var pdf = raw(port, "/api/v1/rounds/" + round + "/ranking.pdf?lang=en", RegisterHttp.PLANNER);
            assertEquals(200, pdf.statusCode());
            assertEquals(
                    "application/pdf", pdf.headers().firstValue("Content-Type").orElse(""));
            Path file = Files.createTempFile(temp, "round", ".pdf");
            Files.write(file, pdf.body());
            Process p = new ProcessBuilder("pdftotext", "-layout", "-enc", "UTF-8", file.toString(), "-")
                    .redirectErrorStream(true)
                    .start();
            String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, p.waitFor());
            String flat = text.replaceAll("\\s+", " ");
            assertTrue(flat.contains("Ranking of the application round: Aanvraagronde 2025 (§6)"), text);
            assertTrue(flat.contains("Indicative"), text);
            assertTrue(flat.contains("On equal points the application submitted earlier goes first"), text);
            assertTrue(flat.contains("1. Initiative " + b + " (Akkerhuis BV), large, 250 persons: 34 points"), text);
            assertTrue(flat.contains("decided on submitted_at"), text);
            assertTrue(flat.contains("twee avonden met de buurt"), "the planners' notes: " + text);
            assertTrue(flat.contains("cap reached"), text);
            assertEquals(
                    400,
                    raw(port, "/api/v1/rounds/" + round + "/ranking.pdf?lang=fr", RegisterHttp.PLANNER)
                            .statusCode());

            // the chosen ones to the intake table: the regisseur's step, after the college's decision, repeatable
            String intake = "/api/v1/rounds/" + round + "/intake";
            assertEquals(
                    403, http.send("POST", intake, RegisterHttp.PLANNER, "{}").status());
            var early = http.send("POST", intake, RegisterHttp.REGISSEUR, "{}");
            assertEquals(409, early.status(), () -> early.body().toString());
            assertEquals(
                    "urn:plektoets:problem:round-not-decided",
                    early.body().get("type").asText());
            assertTrue(early.body().get("detail").asText().contains("decision"), early.body()::toString);
            assertTrue(store.intakeCases(null).isEmpty(), "nothing taken before the decision");
            var decided = http.send(
                    "POST",
                    "/api/v1/rounds/" + round + "/decision",
                    RegisterHttp.PLANNER,
                    "{\"version\": 1, \"decidedOn\": \"2025-04-08\", \"reference\": \"25.0000123\"}");
            assertEquals(200, decided.status(), () -> decided.body().toString());
            var taken = http.send("POST", intake, RegisterHttp.REGISSEUR, "{}");
            assertEquals(200, taken.status(), () -> taken.body().toString());
            assertEquals(2, taken.body().get("count").asInt());
            assertTrue(taken.body().at("/intakeCases/0/created").asBoolean());
            List<Long> cased = store.intakeCases(null).stream()
                    .map(IntakeCase::initiativeId)
                    .sorted()
                    .toList();
            assertEquals(List.of(Math.min(b, c), Math.max(b, c)), cased);
            var again = http.send("POST", intake, RegisterHttp.REGISSEUR, "{}");
            assertFalse(again.body().at("/intakeCases/0/created").asBoolean(), "no second case");
            assertEquals(2, store.intakeCases(null).size());

            // tokens: none is 401
            assertEquals(401, http.send("GET", "/api/v1/rounds", null, null).status());
            assertEquals(
                    404,
                    http.send("GET", "/api/v1/rounds/99/ranking", RegisterHttp.PLANNER, null)
                            .status());
        });
    }

    static String pdfText(Path dir, byte[] pdf) throws Exception {
        Path file = Files.createTempFile(dir, "round", ".pdf");
        Files.write(file, pdf);
        Process p = new ProcessBuilder("pdftotext", "-layout", "-enc", "UTF-8", file.toString(), "-")
                .redirectErrorStream(true)
                .start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor());
        return text.replaceAll("\\s+", " ");
    }

    static String decision(String version, String decidedOn, String reference) {
        return "{\"version\": " + version + ", \"decidedOn\": \"" + decidedOn + "\", \"reference\": \"" + reference
                + "\"}";
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aDecidedRoundIsFrozenAndKeepsItsRanking(StoreKind kind) throws Exception {
        withServer(kind, NOP, (http, store, port) -> {
            var opened = http.send("POST", "/api/v1/rounds", RegisterHttp.PLANNER, """
                    {"name": "Ronde 2025", "opensOn": "2025-03-01", "closesOn": "2025-03-31"}""");
            long round = opened.body().get("id").asLong();
            assertEquals("open", opened.body().get("status").asText());
            assertTrue(opened.body().get("decision").isNull());
            String base = "/api/v1/rounds/" + round;
            long a = initiative(store, 280, InitiativeStatus.REPORTED, "Polder Wonen BV");
            long b = initiative(store, 250, InitiativeStatus.REPORTED, "Akkerhuis BV");
            long c = initiative(store, 120, InitiativeStatus.REPORTED, "Kavel Negen BV");
            for (long[] e : new long[][] {{a, 5}, {b, 3}}) {
                var r = http.send(
                        "POST", base + "/entries", RegisterHttp.PLANNER, """
                        {"initiativeId": %d, "submittedAt": "2025-03-05T10:00:00Z", "dwellingsReturned": 1,
                         "scores": %s}""".formatted(e[0], scores((int) e[1])));
                assertEquals(201, r.status(), () -> r.body().toString());
            }
            var enteredC = http.send("POST", base + "/entries", RegisterHttp.PLANNER, """
                    {"initiativeId": %d, "submittedAt": "2025-03-06T10:00:00Z"}""".formatted(c));
            assertEquals(201, enteredC.status(), () -> enteredC.body().toString());
            String entryC = base + "/entries/" + enteredC.body().get("id").asLong();

            // a draft says so in the CSV (every row) and the PDF
            String[] draft = new String(
                            raw(port, base + "/ranking.csv", RegisterHttp.PLANNER)
                                    .body(),
                            StandardCharsets.UTF_8)
                    .split("\r\n");
            assertTrue(draft[0].endsWith(",fictitious,decision"), draft[0]);
            for (int i = 1; i < draft.length; i++) assertTrue(draft[i].endsWith(",not decided (draft)"), draft[i]);
            assertTrue(pdfText(
                            temp,
                            raw(port, base + "/ranking.pdf?lang=en", RegisterHttp.PLANNER)
                                    .body())
                    .contains("Status: not decided (draft)"));
            assertTrue(pdfText(
                            temp,
                            raw(port, base + "/ranking.pdf?lang=nl", RegisterHttp.PLANNER)
                                    .body())
                    .contains("Status: niet besloten (concept)"));

            // recording the decision: every bad input in words, nothing written
            String decision = base + "/decision";
            var noReference = http.send(
                    "POST", decision, RegisterHttp.PLANNER, "{\"version\": 1, \"decidedOn\": \"2025-04-08\"}");
            assertEquals(400, noReference.status());
            assertEquals("reference", noReference.body().get("field").asText());
            assertEquals(
                    400,
                    http.send(
                                    "POST",
                                    decision,
                                    RegisterHttp.PLANNER,
                                    "{\"decidedOn\": \"2025-04-08\", \"reference\": \"x\"}")
                            .status(),
                    "no version");
            assertEquals(
                    400,
                    http.send("POST", decision, RegisterHttp.PLANNER, decision("1", "8 april", "x"))
                            .status());
            assertEquals(
                    400,
                    http.send("POST", decision, RegisterHttp.PLANNER, decision("1", "2025-04-08", "x".repeat(201)))
                            .status(),
                    "a reference, not a text");
            var future = http.send("POST", decision, RegisterHttp.PLANNER, decision("1", "2025-05-01", "x"));
            assertEquals(422, future.status());
            assertEquals("decidedOn", future.body().get("field").asText());
            var beforeClosing = http.send("POST", decision, RegisterHttp.PLANNER, decision("1", "2025-03-20", "x"));
            assertEquals(422, beforeClosing.status());
            assertTrue(beforeClosing.body().get("detail").asText().contains("closed"), beforeClosing.body()::toString);
            var incomplete = http.send("POST", decision, RegisterHttp.PLANNER, decision("1", "2025-04-08", "x"));
            assertEquals(422, incomplete.status());
            assertEquals("entries", incomplete.body().get("field").asText());
            assertTrue(
                    incomplete.body().get("detail").asText().contains("initiative " + c), incomplete.body()::toString);
            assertEquals("open", store.round(round).orElseThrow().status());
            assertEquals(1, store.round(round).orElseThrow().version(), "nothing written");

            var scoredC = http.send(
                    "PATCH",
                    entryC,
                    RegisterHttp.PLANNER,
                    "{\"version\": 1, \"dwellingsReturned\": 0, \"scores\": " + scores(1) + "}");
            assertEquals(200, scoredC.status(), () -> scoredC.body().toString());
            // someone changes the round's notes meanwhile: a decision on the version read before is stale
            assertEquals(
                    200,
                    http.send("PATCH", base, RegisterHttp.PLANNER, "{\"version\": 1, \"notes\": \"voorstel college\"}")
                            .status());
            var stale = http.send("POST", decision, RegisterHttp.PLANNER, decision("1", "2025-04-08", "x"));
            assertEquals(409, stale.status());
            assertEquals(
                    "urn:plektoets:problem:version-conflict",
                    stale.body().get("type").asText());
            assertEquals(2, stale.body().get("currentVersion").asInt());

            JsonNode before = http.send("GET", base + "/ranking", RegisterHttp.PLANNER, null)
                    .body();
            assertEquals("open", before.at("/round/status").asText());
            var decided =
                    http.send("POST", decision, RegisterHttp.PLANNER, decision("2", "2025-04-08", "B&W 25.0000123"));
            assertEquals(200, decided.status(), () -> decided.body().toString());
            assertEquals("decided", decided.body().get("status").asText());
            assertEquals(3, decided.body().get("version").asInt());
            assertEquals("2025-04-08", decided.body().at("/decision/decidedOn").asText());
            assertEquals(
                    "B&W 25.0000123", decided.body().at("/decision/reference").asText());
            assertEquals("ans", decided.body().at("/decision/recordedBy").asText(), "who, from the token");
            String kept = store.round(round).orElseThrow().decision().ranking().toString();
            assertEquals(
                    RoundJson.sha256(kept),
                    decided.body().at("/decision/rankingSha256").asText(),
                    "the answer pins the kept ranking");
            var audit = http.send("GET", base + "/audit", RegisterHttp.PLANNER, null)
                    .body();
            assertEquals(3, audit.get("count").asInt());
            assertEquals("open", audit.at("/audit/2/before/status").asText());
            assertEquals("decided", audit.at("/audit/2/after/status").asText());
            assertEquals(
                    "B&W 25.0000123",
                    audit.at("/audit/2/after/decision/reference").asText());
            assertEquals("ans", audit.at("/audit/2/actor").asText());

            // frozen: every change is refused naming the decision, nothing is written
            long late = initiative(store, 200, InitiativeStatus.REPORTED, "Laat BV");
            for (String[] change : List.of(
                    new String[] {"PATCH", entryC, "{\"version\": 2, \"notes\": \"later\"}"},
                    new String[] {"PATCH", entryC, "{\"version\": 2, \"scores\": " + scores(5) + "}"},
                    new String[] {
                        "POST",
                        base + "/entries",
                        "{\"initiativeId\": " + late + ", \"submittedAt\": \"2025-03-07T10:00:00Z\"}"
                    },
                    new String[] {"PATCH", base, "{\"version\": 3, \"closesOn\": \"2025-04-30\"}"},
                    new String[] {"POST", decision, decision("3", "2025-04-09", "y")})) {
                var refused = http.send(change[0], change[1], RegisterHttp.PLANNER, change[2]);
                assertEquals(409, refused.status(), () -> String.join(" ", change) + ": " + refused.body());
                assertTrue(refused.contentType().startsWith("application/problem+json"));
                assertEquals(
                        "urn:plektoets:problem:round-decided",
                        refused.body().get("type").asText());
                assertEquals("2025-04-08", refused.body().get("decidedOn").asText());
                assertEquals(
                        "B&W 25.0000123",
                        refused.body().get("decisionReference").asText());
                assertTrue(
                        refused.body().get("detail").asText().contains("2025-04-08 (B&W 25.0000123)"),
                        refused.body()::toString);
            }
            assertEquals(
                    2,
                    store.entry(enteredC.body().get("id").asLong())
                            .orElseThrow()
                            .version());
            assertEquals(3, store.entries(round).size());
            assertEquals(3, store.round(round).orElseThrow().version());

            // the kept ranking is served: the one decided on, not moved by another profile's weights
            JsonNode after = http.send("GET", base + "/ranking", RegisterHttp.PLANNER, null)
                    .body();
            assertEquals(before.get("ranking"), after.get("ranking"));
            assertEquals(before.get("places"), after.get("places"));
            assertEquals("decided", after.at("/round/status").asText());
            String yaml;
            try (var in =
                    PolicyProfile.class.getClassLoader().getResourceAsStream("policy/noordoostpolder-2024.yaml")) {
                yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            PolicyProfile reweighted = PolicyProfile.parse(yaml.replaceFirst("weight: 3", "weight: 1"), "reweighted");
            var otherService = new ApplicationRounds(store, store, CLOCK, reweighted, () -> null);
            assertTrue(
                    otherService
                                    .ranking(round)
                                    .rows()
                                    .get(0)
                                    .total()
                                    .compareTo(after.at("/ranking/0/total").decimalValue())
                            != 0,
                    "the reweighted profile ranks differently now");
            assertEquals(after.get("ranking"), otherService.rankingJson(round).get("ranking"), "the decided one stays");

            // the CSV and the PDF say decided, with the date and reference; the PDF is the same document every time
            String[] csv = new String(
                            raw(port, base + "/ranking.csv", RegisterHttp.PLANNER)
                                    .body(),
                            StandardCharsets.UTF_8)
                    .split("\r\n");
            assertEquals(4, csv.length);
            for (int i = 1; i < csv.length; i++)
                assertTrue(csv[i].endsWith(",\"decided on 2025-04-08, B&W 25.0000123\""), csv[i]);
            byte[] pdf = raw(port, base + "/ranking.pdf?lang=en", RegisterHttp.PLANNER)
                    .body();
            String flat = pdfText(temp, pdf);
            assertTrue(flat.contains("Status: decided on 2025-04-08, B&W 25.0000123"), flat);
            assertTrue(flat.contains("1. Initiative " + a + " (Polder Wonen BV)"), flat);
            assertArrayEquals(
                    pdf,
                    raw(port, base + "/ranking.pdf?lang=en", RegisterHttp.PLANNER)
                            .body());
            assertTrue(pdfText(
                            temp,
                            raw(port, base + "/ranking.pdf?lang=nl", RegisterHttp.PLANNER)
                                    .body())
                    .contains("Status: besloten op 2025-04-08, B&W 25.0000123"));

            // to the intake table from the kept allocation (all three fit the places), safe to repeat
            var taken = http.send("POST", base + "/intake", RegisterHttp.REGISSEUR, "{}");
            assertEquals(200, taken.status(), () -> taken.body().toString());
            assertEquals(3, taken.body().get("count").asInt());
            assertTrue(store.intakeCases(null).stream().allMatch(k -> k.notes().contains("B&W 25.0000123")));
            var again = http.send("POST", base + "/intake", RegisterHttp.REGISSEUR, "{}");
            assertEquals(3, again.body().get("count").asInt());
            assertFalse(again.body().at("/intakeCases/0/created").asBoolean());
            assertEquals(3, store.intakeCases(null).size(), "safe to repeat");
        });
    }

    @Test
    void hardenbergsPolicyHasNoRounds() throws Exception {
        withServer(StoreKind.GEOPACKAGE, PolicyProfile.load(null), (http, store, port) -> {
            for (String path : List.of("/api/v1/rounds", "/api/v1/rounds/1/ranking")) {
                var r = http.send("GET", path, RegisterHttp.PLANNER, null);
                assertEquals(404, r.status(), path);
                assertTrue(r.contentType().startsWith("application/problem+json"), r.contentType());
                assertTrue(
                        r.body().get("detail").asText().contains("(hardenberg-2025) has no application rounds"),
                        r.body()::toString);
            }
            var open = http.send(
                    "POST",
                    "/api/v1/rounds",
                    RegisterHttp.PLANNER,
                    "{\"name\": \"x\", \"opensOn\": \"2025-03-01\", \"closesOn\": \"2025-03-31\"}");
            assertEquals(404, open.status());
            assertTrue(store.rounds().isEmpty(), "nothing written");
            for (String path : List.of("/api/v1/rounds/1/decision", "/api/v1/rounds/1/intake")) {
                var post = http.send(
                        "POST",
                        path,
                        RegisterHttp.REGISSEUR,
                        "{\"version\": 1, \"decidedOn\": \"2025-04-08\", \"reference\": \"x\"}");
                assertEquals(404, post.status(), path);
                assertTrue(post.body().get("detail").asText().contains("has no application rounds"), path);
            }
        });
    }
}
