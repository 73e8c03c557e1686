package nl.plektoets.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;
import nl.plektoets.auth.TokenFile;
import nl.plektoets.policy.PolicyProfile;
import nl.plektoets.registers.AssessmentSnapshots;
import nl.plektoets.registers.IntakeTable;
import nl.plektoets.registers.RegisterJson;
import nl.plektoets.registers.Registers;
import nl.plektoets.registers.TestTerms;
import nl.plektoets.store.Store;
import nl.plektoets.store.StoreKind;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The intake table over real HTTP on both stores: the regisseur role, which documents a case asks for (from the
 * form, persons and the assessment snapshot), the meeting's rules, the 409 on a stale version and the audit trail.
 */
class IntakeTableHttpTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T09:30:00Z"), ZoneOffset.UTC);

    /**
     * Hand-made snapshots: a site in the rural area with a conditional noise criterion for the facility, a built-up
     * site where everything passed for room rental (what the engine's JSON carries: locationClass, criteria).
     */
    static final AssessmentSnapshots SNAPSHOTS = i -> RegisterJson.MAPPER
            .createObjectNode()
            .put("locationClass", i.form().id().equals("housing_facility") ? "rural_other" : "built_up_area")
            .set(
                    "criteria",
                    RegisterJson.MAPPER
                            .createArrayNode()
                            .add(RegisterJson.MAPPER
                                    .createObjectNode()
                                    .put("id", "noise")
                                    .put("status", i.form().id().equals("housing_facility") ? "conditional" : "pass"))
                            .add(RegisterJson.MAPPER
                                    .createObjectNode()
                                    .put("id", "capacity")
                                    .put("status", "pass")));

    @TempDir
    Path temp;

    void withServer(StoreKind kind, java.util.function.BiConsumer<RegisterHttp, Store> test) throws Exception {
        TokenFile tokens = RegisterHttp.tokens(temp);
        try (Store store = kind.open(kind.freshLocation(temp), CLOCK)) {
            Registers registers = new Registers(TestTerms.HARDENBERG, store, CLOCK, SNAPSHOTS);
            IntakeTable intake =
                    new IntakeTable(store, CLOCK, PolicyProfile.load(null).intakeDocuments());
            Api api = RegisterHttp.fixtureApi();
            Javalin app = Javalin.create(c -> {
                RegisterRoutes.install(c.routes, registers, () -> tokens, null, () -> api);
                RegisseurRoutes.install(
                        c.routes,
                        registers,
                        intake,
                        new nl.plektoets.registers.Locations(store, CLOCK),
                        new nl.plektoets.deadlines.Deadlines(store, CLOCK, PolicyProfile.load(null)),
                        new nl.plektoets.monitor.Monitor(store, RegisseurRoutes.nearestVillage(() -> api)),
                        ReportLimit.reports(CLOCK),
                        () -> tokens,
                        () -> api);
            });
            JavalinTest.test(app, (server, client) -> test.accept(new RegisterHttp(server.port()), store));
        }
    }

    static long initiative(RegisterHttp http, String form, int persons) {
        var created = http.send("POST", "/api/v1/initiatives", RegisterHttp.REGISSEUR, """
                {"site": {"type": "Point", "coordinates": [6.6235, 52.5745]}, "form": "%s",
                 "persons": %d, "initiator": "Agri Flex BV"}""".formatted(form, persons));
        assertEquals(201, created.status(), () -> created.body().toString());
        return created.body().get("id").asLong();
    }

    static Map<String, Boolean> documents(JsonNode caseJson) {
        Map<String, Boolean> out = new TreeMap<>();
        for (JsonNode d : caseJson.get("documents"))
            out.put(d.get("id").asText(), d.get("applies").asBoolean());
        return out;
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void theDocumentsFollowFormPersonsAndAssessment(StoreKind kind) throws Exception {
        withServer(kind, (http, store) -> {
            long facility = initiative(http, "housing_facility", 30);
            long rooms = initiative(http, "room_rental", 4);
            var big = http.send(
                    "POST", "/api/v1/intake-cases", RegisterHttp.REGISSEUR, "{\"initiativeId\": " + facility + "}");
            assertEquals(201, big.status(), () -> big.body().toString());
            assertEquals("rita", big.body().get("caseOwner").asText(), "the creator owns the case");
            // 30 persons in a facility: ETFAL (> 20, §5.1.1; and the noise conditional), fire safety (>= 5),
            // parking (facility), landscape (rural), and the four every initiative needs
            assertEquals(
                    new TreeMap<>(Map.of(
                            "etfal_motivation", true,
                            "participation_plan", true,
                            "participation_report", true,
                            "management_plan", true,
                            "snf_certificate", true,
                            "fire_safety_notification", true,
                            "parking_traffic_note", true,
                            "landscape_plan", true)),
                    documents(big.body()));
            for (JsonNode d : big.body().get("documents"))
                assertEquals("missing", d.get("status").asText());
            var small = http.send(
                    "POST", "/api/v1/intake-cases", RegisterHttp.REGISSEUR, "{\"initiativeId\": " + rooms + "}");
            assertEquals(201, small.status());
            // 4 persons renting rooms in the built-up area, everything passed: none of the conditional documents
            assertEquals(
                    new TreeMap<>(Map.of(
                            "participation_plan", true,
                            "participation_report", true,
                            "management_plan", true,
                            "snf_certificate", true)),
                    documents(small.body()));
            assertEquals("§5.1.4", small.body().at("/documents/0/paragraph").asText());
            var second = http.send(
                    "POST", "/api/v1/intake-cases", RegisterHttp.REGISSEUR, "{\"initiativeId\": " + rooms + "}");
            assertEquals(422, second.status(), "one case per initiative");
            var none = http.send("POST", "/api/v1/intake-cases", RegisterHttp.REGISSEUR, "{\"initiativeId\": 99}");
            assertEquals(422, none.status());
            assertEquals("initiativeId", none.body().get("field").asText());
        });
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void planersReadTheRegisseurChangesStaleVersionsAre409AndEveryChangeIsAudited(StoreKind kind) throws Exception {
        withServer(kind, (http, store) -> {
            long id = initiative(http, "room_rental", 4);
            var byPlanner =
                    http.send("POST", "/api/v1/intake-cases", RegisterHttp.PLANNER, "{\"initiativeId\": " + id + "}");
            assertEquals(403, byPlanner.status());
            var created = http.send(
                    "POST",
                    "/api/v1/intake-cases",
                    RegisterHttp.REGISSEUR,
                    "{\"initiativeId\": " + id + ", \"meetingOn\": \"2026-03-01\"}");
            assertEquals(201, created.status());
            String path = "/api/v1/intake-cases/" + created.body().get("id").asLong();
            assertEquals(200, http.send("GET", path, RegisterHttp.PLANNER, null).status());
            assertEquals(
                    1,
                    http.send("GET", "/api/v1/intake-cases", RegisterHttp.PLANNER, null)
                            .body()
                            .get("count")
                            .asInt());

            var notPresent = http.send("PATCH", path, RegisterHttp.REGISSEUR, """
                    {"version": 1, "disciplines": ["environment"],
                     "advice": [{"discipline": "police", "advice": "positive"}]}""");
            assertEquals(422, notPresent.status());
            assertTrue(notPresent.body().get("detail").asText().contains("police"));
            var noConditions = http.send("PATCH", path, RegisterHttp.REGISSEUR, """
                    {"version": 1, "disciplines": ["police"],
                     "advice": [{"discipline": "police", "advice": "with_conditions"}]}""");
            assertEquals(422, noConditions.status());
            var undated = http.send(
                    "PATCH",
                    path,
                    RegisterHttp.REGISSEUR,
                    "{\"version\": 1, \"documents\": [{\"id\": \"snf_certificate\", \"status\": \"received\"}]}");
            assertEquals(422, undated.status());
            var future = http.send(
                    "PATCH",
                    path,
                    RegisterHttp.REGISSEUR,
                    "{\"version\": 1, \"documents\": [{\"id\": \"snf_certificate\", \"status\": \"received\","
                            + " \"date\": \"2026-03-03\"}]}");
            assertEquals(422, future.status(), "after today (2026-03-02)");

            var meeting = http.send("PATCH", path, RegisterHttp.REGISSEUR, """
                    {"version": 1, "disciplines": ["spatial_planning", "fire_brigade", "village_council"],
                     "advice": [{"discipline": "spatial_planning", "advice": "positive"},
                                {"discipline": "fire_brigade", "advice": "with_conditions",
                                 "text": "escape route on the east side"},
                                {"discipline": "village_council", "advice": "negative", "text": "parking"}],
                     "outcome": "to_procedure",
                     "documents": [{"id": "snf_certificate", "status": "approved", "date": "2026-02-20"}]}""");
            assertEquals(200, meeting.status(), () -> meeting.body().toString());
            assertEquals("\"2\"", meeting.headers().firstValue("ETag").orElse(""));
            assertEquals("to_procedure", meeting.body().get("outcome").asText());
            assertEquals(3, meeting.body().get("advice").size());
            assertEquals("approved", meeting.body().at("/documents/0/status").asText());
            // the other applicable documents stay listed as missing
            assertEquals(4, meeting.body().get("documents").size());

            var stale = http.send("PATCH", path, RegisterHttp.REGISSEUR, "{\"version\": 1, \"outcome\": \"stop\"}");
            assertEquals(409, stale.status());
            assertTrue(stale.body().get("detail").asText().contains("version 2"), stale.body()::toString);
            var byPlannerPatch =
                    http.send("PATCH", path, RegisterHttp.PLANNER, "{\"version\": 2, \"outcome\": \"stop\"}");
            assertEquals(403, byPlannerPatch.status());

            var audit = http.send("GET", path + "/audit", RegisterHttp.PLANNER, null);
            assertEquals(200, audit.status());
            JsonNode changes = audit.body().get("changes");
            assertEquals(2, changes.size(), "a create and one change: the refused ones left nothing");
            assertEquals("update", changes.get(1).get("action").asText());
            assertEquals("rita", changes.get(1).get("actor").asText());
            assertTrue(changes.get(1).at("/before/outcome").isNull());
            assertEquals("to_procedure", changes.get(1).at("/after/outcome").asText());
            assertFalse(changes.get(1).at("/after/advice").isEmpty());
        });
    }
}
