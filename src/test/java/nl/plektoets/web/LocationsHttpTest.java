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
import nl.plektoets.auth.TokenFile;
import nl.plektoets.policy.PolicyProfile;
import nl.plektoets.registers.AssessmentSnapshots;
import nl.plektoets.registers.IntakeTable;
import nl.plektoets.registers.Locations;
import nl.plektoets.registers.Registers;
import nl.plektoets.registers.TestTerms;
import nl.plektoets.store.Store;
import nl.plektoets.store.StoreKind;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The housing locations, their signals and the public signal form over real HTTP, on both stores. */
class LocationsHttpTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T09:30:00Z"), ZoneOffset.UTC);
    static final String FACILITY = """
            {"site": {"type": "Point", "coordinates": [6.6235, 52.5745]}, "name": "Logiesgebouw De Venen",
             "village": "Dedemsvaart", "provider": "Flex Wonen BV", "form": "housing_facility", "capacity": 24,
             "existing": true, "permit": "OLO-2025-118",
             "agreements": [{"text": "quiet after 22:00, cars on the own site", "date": "2026-01-10"}],
             "snfCertificate": "SNF-77812", "snfExpires": "2026-03-20", "nightRegister": ["2026-01", "2026-02"],
             "inspections": [{"date": "2026-02-01", "by": "toezicht", "finding": "in order"}]}""";
    static final String ROOMS = """
            {"site": {"type": "Point", "coordinates": [6.6240, 52.5748]}, "name": "Stationsstraat 3",
             "village": "Dedemsvaart", "provider": "Kamers BV", "form": "room_rental", "capacity": 4}""";

    @TempDir
    Path temp;

    void withServer(StoreKind kind, java.util.function.BiConsumer<RegisterHttp, Store> test) throws Exception {
        TokenFile tokens = RegisterHttp.tokens(temp);
        try (Store store = kind.open(kind.freshLocation(temp), CLOCK)) {
            Registers registers = new Registers(TestTerms.HARDENBERG, store, CLOCK, AssessmentSnapshots.NONE);
            Api api = RegisterHttp.fixtureApi();
            Javalin app = Javalin.create(c -> RegisseurRoutes.install(
                    c.routes,
                    registers,
                    new IntakeTable(store, CLOCK, PolicyProfile.load(null).intakeDocuments()),
                    new Locations(store, CLOCK),
                    new nl.plektoets.deadlines.Deadlines(store, CLOCK, PolicyProfile.load(null)),
                    new nl.plektoets.monitor.Monitor(store, RegisseurRoutes.nearestVillage(() -> api)),
                    ReportLimit.reports(CLOCK),
                    () -> tokens,
                    () -> api));
            JavalinTest.test(app, (server, client) -> test.accept(new RegisterHttp(server.port()), store));
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aLocationKeepsItsAgreementsCertificateNightRegisterAndInspections(StoreKind kind) throws Exception {
        withServer(kind, (http, store) -> {
            assertEquals(
                    403,
                    http.send("POST", "/api/v1/locations", RegisterHttp.PLANNER, FACILITY)
                            .status());
            var created = http.send("POST", "/api/v1/locations", RegisterHttp.REGISSEUR, FACILITY);
            assertEquals(201, created.status(), () -> created.body().toString());
            JsonNode l = created.body();
            assertEquals("Point", l.at("/site/type").asText());
            assertEquals(6.6235, l.at("/site/coordinates/0").asDouble(), 1e-7);
            assertEquals("active", l.get("status").asText());
            assertEquals("2026-03-20", l.get("snfExpires").asText());
            assertEquals("[\"2026-01\",\"2026-02\"]", l.get("nightRegister").toString());
            assertEquals("2026-01-10", l.at("/agreements/0/date").asText());
            assertEquals("toezicht", l.at("/inspections/0/by").asText());
            assertEquals(
                    28992,
                    store.location(l.get("id").asLong()).orElseThrow().site().getSRID());

            var future = http.send(
                    "PATCH",
                    "/api/v1/locations/1",
                    RegisterHttp.REGISSEUR,
                    "{\"version\": 1, \"nightRegister\": [\"2026-04\"]}");
            assertEquals(422, future.status(), "April's night register cannot be in on 2 March");
            var march = http.send(
                    "PATCH",
                    "/api/v1/locations/1",
                    RegisterHttp.REGISSEUR,
                    "{\"version\": 1, \"nightRegister\": [\"2026-03\", \"2026-01\", \"2026-02\"]}");
            assertEquals(200, march.status());
            assertEquals(
                    "[\"2026-01\",\"2026-02\",\"2026-03\"]",
                    march.body().get("nightRegister").toString());
            assertEquals(
                    409,
                    http.send(
                                    "PATCH",
                                    "/api/v1/locations/1",
                                    RegisterHttp.REGISSEUR,
                                    "{\"version\": 1, \"capacity\": 30}")
                            .status());
            var audit = http.send("GET", "/api/v1/locations/1/audit", RegisterHttp.PLANNER, null);
            assertEquals(2, audit.body().get("changes").size());
        });
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aSignalFromThePublicFormReachesTheLocationWithoutPersonalData(StoreKind kind) throws Exception {
        withServer(kind, (http, store) -> {
            long facility = http.send("POST", "/api/v1/locations", RegisterHttp.REGISSEUR, FACILITY)
                    .body()
                    .get("id")
                    .asLong();
            long rooms = http.send("POST", "/api/v1/locations", RegisterHttp.REGISSEUR, ROOMS)
                    .body()
                    .get("id")
                    .asLong();
            var map = http.send("GET", "/api/v1/public/locations", null, null);
            assertEquals(200, map.status());
            assertEquals(1, map.body().get("features").size(), "room rental is not shown publicly (§5.1.3)");
            JsonNode props = map.body().at("/features/0/properties");
            assertEquals("Logiesgebouw De Venen", props.get("name").asText());
            assertFalse(props.has("provider"));

            String path = "/api/v1/public/locations/" + facility + "/signals";
            var named = http.send("POST", path, null, "{\"category\": \"noise\", \"name\": \"Jan\"}");
            assertEquals(400, named.status(), "the form asks no name");
            var police = http.send("POST", path, null, "{\"category\": \"noise\", \"source\": \"police\"}");
            assertEquals(422, police.status());
            var dwelling = http.send(
                    "POST", "/api/v1/public/locations/" + rooms + "/signals", null, "{\"category\": \"noise\"}");
            assertEquals(404, dwelling.status());
            var sent = http.send(
                    "POST", path, null, "{\"category\": \"parking\", \"description\": \"vans on the verge\"}");
            assertEquals(201, sent.status(), () -> sent.body().toString());
            long reference = sent.body().get("reference").asLong();

            var location = http.send("GET", "/api/v1/locations/" + facility, RegisterHttp.PLANNER, null);
            JsonNode signal = location.body().at("/signals/0");
            assertEquals(reference, signal.get("id").asLong());
            assertEquals("parking", signal.get("category").asText());
            assertEquals("resident", signal.get("source").asText());
            assertEquals("2026-03-02", signal.get("receivedOn").asText());
            assertTrue(signal.get("viaPublicForm").asBoolean());
            assertEquals("open", signal.get("status").asText());

            var followed = http.send("PATCH", "/api/v1/signals/" + reference, RegisterHttp.REGISSEUR, """
                    {"version": 1, "followUp": "spoke to the provider; parking on the own site", "followUpBy":
                     "handhaving", "status": "handled"}""");
            assertEquals(200, followed.status(), () -> followed.body().toString());
            assertEquals(
                    1,
                    http.send("GET", "/api/v1/signals?location=" + facility, RegisterHttp.PLANNER, null)
                            .body()
                            .get("count")
                            .asInt());
            // the room-rental reports' limit: 5 an hour per client; the refused forms above used none of it, so 4 more
            // go in and the 6th is refused
            for (int i = 0; i < 4; i++) {
                assertEquals(
                        201,
                        http.send("POST", path, null, "{\"category\": \"litter\"}")
                                .status());
            }
            var limited = http.send("POST", path, null, "{\"category\": \"litter\"}");
            assertEquals(429, limited.status());
            assertEquals(5, store.signals(facility).size());
        });
    }
}
