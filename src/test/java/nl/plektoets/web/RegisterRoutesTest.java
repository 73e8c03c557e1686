package nl.plektoets.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import nl.plektoets.auth.TokenFile;
import nl.plektoets.registers.AssessmentSnapshots;
import nl.plektoets.registers.RegisterJson;
import nl.plektoets.registers.Registers;
import nl.plektoets.registers.TestTerms;
import nl.plektoets.store.Store;
import nl.plektoets.store.StoreKind;
import nl.plektoets.web.http.Problem;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The register endpoints over real HTTP, on both stores: auth, status codes, problem+json, golden bodies. */
class RegisterRoutesTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T09:30:00Z"), ZoneOffset.UTC);
    static final String NEW_PERMIT = """
            {"dwellingBagId": "0160010000012345", "address": "Jachthuisweg 12, Heemserveen", "street": "Jachthuisweg",
             "town": "Heemserveen", "rooms": 3, "persons": 4, "notes": "three rooms upstairs"}""";

    @TempDir
    Path temp;

    static JsonNode golden(String name) throws Exception {
        return RegisterJson.MAPPER.readTree(Files.readString(Path.of("src/test/resources/store", name)));
    }

    void withServer(StoreKind kind, java.util.function.BiConsumer<RegisterHttp, Store> test) throws Exception {
        TokenFile tokens = RegisterHttp.tokens(temp);
        try (Store store = kind.open(kind.freshLocation(temp), CLOCK)) {
            Registers registers = new Registers(TestTerms.HARDENBERG, store, CLOCK, AssessmentSnapshots.NONE);
            Api api = RegisterHttp.fixtureApi();
            Javalin app = Javalin.create(c -> RegisterRoutes.install(
                    c.routes,
                    registers,
                    () -> tokens,
                    () -> RegisterJson.MAPPER.createObjectNode().put("reloaded", true),
                    () -> api));
            JavalinTest.test(app, (server, client) -> test.accept(new RegisterHttp(server.port()), store));
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void noTokenIs401WrongTokenIs401WrongRoleIs403(StoreKind kind) throws Exception {
        withServer(kind, (http, store) -> {
            var none = http.send("GET", "/api/v1/permits", null, null);
            assertEquals(401, none.status());
            assertEquals(Problem.MEDIA_TYPE, none.contentType());
            assertEquals(
                    "urn:plektoets:problem:unauthorized",
                    none.body().get("type").asText());
            assertTrue(none.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
            assertEquals(
                    401,
                    http.send("GET", "/api/v1/initiatives", "not-a-known-token-at-all-xxxx", null)
                            .status());
            var planner = http.send("POST", "/api/v1/admin/reload", RegisterHttp.PLANNER, null);
            assertEquals(403, planner.status());
            assertEquals(Problem.MEDIA_TYPE, planner.contentType());
            assertEquals(
                    200,
                    http.send("POST", "/api/v1/admin/reload", RegisterHttp.ADMIN, null)
                            .status());
            assertEquals(
                    200,
                    http.send("GET", "/api/v1/permits", RegisterHttp.ADMIN, null)
                            .status(),
                    "admins may do what planners may");
        });
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void permitLifeCycleMatchesGoldenJsonAndStaleVersionIs409(StoreKind kind) throws Exception {
        withServer(kind, (http, store) -> {
            var created = http.send("POST", "/api/v1/permits", RegisterHttp.PLANNER, NEW_PERMIT);
            assertEquals(201, created.status());
            assertEquals(
                    "/api/v1/permits/1",
                    created.headers().firstValue("Location").orElseThrow());
            assertGolden("permit-created.json", created.body());

            var granted = http.send(
                    "PATCH",
                    "/api/v1/permits/1",
                    RegisterHttp.PLANNER,
                    "{\"version\": 1, \"status\": \"granted\", \"type\": \"temporary\"}");
            assertEquals(200, granted.status(), () -> granted.body().toString());
            assertGolden("permit-granted.json", granted.body());

            var stale = http.send(
                    "PATCH", "/api/v1/permits/1", RegisterHttp.PLANNER, "{\"version\": 1, \"notes\": \"lost?\"}");
            assertEquals(409, stale.status());
            assertEquals(Problem.MEDIA_TYPE, stale.contentType());
            assertEquals("version", stale.body().get("field").asText());
            assertEquals(2, stale.body().get("currentVersion").asInt());

            var audit = http.send("GET", "/api/v1/permits/1/audit", RegisterHttp.PLANNER, null);
            assertEquals(2, audit.body().get("changes").size());
            assertEquals("applied", audit.body().at("/changes/1/before/status").asText());
            assertEquals("granted", audit.body().at("/changes/1/after/status").asText());
            assertEquals(
                    "2036-03-02", audit.body().at("/changes/1/after/validUntil").asText(), "10 years, §6.2.2");
        });
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void badInputIs400RuleViolationIs422UnknownIdIs404(StoreKind kind) throws Exception {
        withServer(kind, (http, store) -> {
            var notJson = http.send("POST", "/api/v1/permits", RegisterHttp.PLANNER, "{rooms: 3");
            assertEquals(400, notJson.status());
            assertEquals("body", notJson.body().get("field").asText());
            var badStatus = http.send(
                    "POST",
                    "/api/v1/permits",
                    RegisterHttp.PLANNER,
                    NEW_PERMIT.replace("\"rooms\": 3", "\"rooms\": 3, \"status\": \"approved\""));
            assertEquals(400, badStatus.status());
            assertEquals("status", badStatus.body().get("field").asText());
            var onePerson = http.send(
                    "POST",
                    "/api/v1/permits",
                    RegisterHttp.PLANNER,
                    NEW_PERMIT.replace("\"persons\": 4", "\"persons\": 1"));
            assertEquals(422, onePerson.status());
            assertEquals("persons", onePerson.body().get("field").asText());
            assertTrue(onePerson.body().get("detail").asText().contains("§5.1.1"), onePerson.body()::toString);
            assertEquals(
                    404,
                    http.send("GET", "/api/v1/permits/77", RegisterHttp.PLANNER, null)
                            .status());
            assertEquals(
                    400,
                    http.send("GET", "/api/v1/permits/abc", RegisterHttp.PLANNER, null)
                            .status());
            var noVersion = http.send("PATCH", "/api/v1/permits/1", RegisterHttp.PLANNER, "{\"notes\": \"x\"}");
            assertEquals(400, noVersion.status());
            assertEquals("version", noVersion.body().get("field").asText());
            assertEquals(0, store.auditLog("room_rental_permit").size(), "nothing was written");
        });
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void initiativeSiteGoesInAsCrs84AndIsStoredInRdNew(StoreKind kind) throws Exception {
        withServer(kind, (http, store) -> {
            var created = http.send("POST", "/api/v1/initiatives", RegisterHttp.PLANNER, """
                    {"site": {"type": "Point", "coordinates": [6.6235, 52.5745]}, "form": "housing_facility",
                     "persons": 16, "initiator": "Agri Flex BV", "existingLocation": true, "acceptedOn": "2026-02-15"}""");
            assertEquals(201, created.status(), () -> created.body().toString());
            assertEquals("Point", created.body().at("/site/type").asText());
            assertEquals(6.6235, created.body().at("/site/coordinates/0").asDouble(), 1e-7);
            assertEquals("2027-02-15", created.body().get("transitionDeadline").asText(), "§6.1.2 one year");
            assertEquals("reported", created.body().at("/steps/0/status").asText());
            var stored = store.initiative(created.body().get("id").asLong())
                    .orElseThrow()
                    .site();
            assertEquals(28992, stored.getSRID());
            assertEquals(247_000, stored.getCoordinate().x, 30_000, "an RD New easting near Hardenberg");

            var permanentFacility = http.send(
                    "PATCH",
                    "/api/v1/initiatives/1",
                    RegisterHttp.PLANNER,
                    "{\"version\": 1, \"permitType\": \"permanent\"}");
            assertEquals(422, permanentFacility.status());
            assertTrue(permanentFacility.body().get("detail").asText().contains("§5.1.2"));
            var skip = http.send(
                    "PATCH",
                    "/api/v1/initiatives/1",
                    RegisterHttp.PLANNER,
                    "{\"version\": 1, \"status\": \"granted\"}");
            assertEquals(422, skip.status());
            assertEquals("status", skip.body().get("field").asText());
            var lonLatSwapped = http.send(
                    "POST",
                    "/api/v1/initiatives",
                    RegisterHttp.PLANNER,
                    "{\"site\": {\"type\": \"Point\", \"coordinates\": [247000, 520000]}, \"form\": \"room_rental\","
                            + " \"persons\": 4, \"initiator\": \"X\"}");
            assertEquals(400, lonLatSwapped.status());
            assertTrue(lonLatSwapped.body().get("field").asText().startsWith("site"), lonLatSwapped.body()::toString);
        });
    }

    /**
     * Issue 11 item 9: the registers took what the assessment refuses (a LineString, a Point with one coordinate,
     * [0, 90], the year 999999999, duplicate members). Each is a 4xx problem+json in words, and nothing is stored.
     */
    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void registersRefuseWhatTheAssessmentRefusesAndStoreNothing(StoreKind kind) throws Exception {
        withServer(kind, (http, store) -> {
            String initiative = "{\"site\": %s, \"form\": \"housing_facility\", \"persons\": 16, \"initiator\": \"X\"}";
            java.util.Map<String, String> bad = new java.util.LinkedHashMap<>();
            bad.put(
                    "a LineString site",
                    initiative.formatted(
                            "{\"type\": \"LineString\", \"coordinates\": [[6.62, 52.57], [6.63, 52.58]]}"));
            bad.put(
                    "a Point with one coordinate",
                    initiative.formatted("{\"type\": \"Point\", \"coordinates\": [3.68]}"));
            bad.put("a Point at the pole", initiative.formatted("{\"type\": \"Point\", \"coordinates\": [0, 90]}"));
            bad.put(
                    "a self-intersecting polygon",
                    initiative.formatted("{\"type\": \"Polygon\", \"coordinates\": "
                            + "[[[6.62, 52.57], [6.63, 52.58], [6.63, 52.57], [6.62, 52.58], [6.62, 52.57]]]}"));
            bad.put(
                    "a site far outside the data",
                    initiative.formatted("{\"type\": \"Point\", \"coordinates\": [3.68, 0]}"));
            bad.put(
                    "a duplicate member",
                    initiative
                            .formatted("{\"type\": \"Point\", \"coordinates\": [6.6235, 52.5745]}")
                            .replace("\"persons\": 16", "\"persons\": 16, \"persons\": 60"));
            for (var e : bad.entrySet()) {
                var r = http.send("POST", "/api/v1/initiatives", RegisterHttp.PLANNER, e.getValue());
                assertProblem(e.getKey(), r);
            }
            var year = http.send(
                    "POST",
                    "/api/v1/initiatives",
                    RegisterHttp.PLANNER,
                    initiative
                            .formatted("{\"type\": \"Point\", \"coordinates\": [6.6235, 52.5745]}")
                            .replaceFirst("}$", ", \"acceptedOn\": \"+999999999-01-01\"}"));
            assertProblem("initiative accepted in the year 999999999", year);
            assertEquals("acceptedOn", year.body().get("field").asText());
            var permitYear = http.send(
                    "POST",
                    "/api/v1/permits",
                    RegisterHttp.PLANNER,
                    NEW_PERMIT.replace("\"rooms\": 3", "\"rooms\": 3, \"appliedOn\": \"+999999999-01-01\""));
            assertProblem("permit applied in the year 999999999", permitYear);
            assertEquals("appliedOn", permitYear.body().get("field").asText());
            assertProblem(
                    "permit decided in 1066",
                    http.send(
                            "POST",
                            "/api/v1/permits",
                            RegisterHttp.PLANNER,
                            NEW_PERMIT.replace("\"rooms\": 3", "\"rooms\": 3, \"decidedOn\": \"1066-10-14\"")));
            assertProblem(
                    "a permit with a duplicate member",
                    http.send(
                            "POST",
                            "/api/v1/permits",
                            RegisterHttp.PLANNER,
                            NEW_PERMIT.replace("\"persons\": 4", "\"persons\": 4, \"persons\": 40")));
            assertTrue(store.permits(null, null).isEmpty(), "no permit stored");
            assertTrue(store.initiatives(null).isEmpty(), "no initiative stored");

            // a change must meet the same checks: the stored site stays as it was
            var created = http.send(
                    "POST",
                    "/api/v1/initiatives",
                    RegisterHttp.PLANNER,
                    initiative.formatted("{\"type\": \"Point\", \"coordinates\": [6.6235, 52.5745]}"));
            assertEquals(201, created.status(), created.body()::toString);
            var line = http.send(
                    "PATCH",
                    "/api/v1/initiatives/" + created.body().get("id").asLong(),
                    RegisterHttp.PLANNER,
                    "{\"version\": 1, \"site\": {\"type\": \"LineString\", \"coordinates\": [[6.62, 52.57], [6.63, 52.58]]}}");
            assertProblem("a LineString as a change", line);
            assertEquals(1, store.initiatives(null).get(0).version(), "unchanged");
            assertEquals("Point", store.initiatives(null).get(0).site().getGeometryType());
        });
    }

    private static void assertProblem(String what, RegisterHttp.Response r) {
        assertTrue(r.status() >= 400 && r.status() < 500, what + ": " + r.status() + " " + r.body());
        assertEquals(Problem.MEDIA_TYPE, r.contentType(), what);
        String detail = r.body().get("detail").asText();
        assertTrue(
                !detail.matches("(?s).*\\b(com|org|java)\\.[a-z]+\\..*") && !detail.contains("Exception"),
                what + ": no library or class names in " + detail);
        assertTrue(r.body().at("/dataset/fictitious").isBoolean(), what + ": names the dataset");
    }

    private static void assertGolden(String name, JsonNode actual) {
        try {
            ObjectNode expected = (ObjectNode) golden(name);
            assertEquals(expected, RegisterJson.MAPPER.readTree(actual.toString()), name);
        } catch (Exception e) {
            throw new AssertionError(name + ": " + e.getMessage(), e);
        }
    }
}
