package nl.plektoets.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import biweekly.Biweekly;
import biweekly.ICalendar;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import nl.plektoets.auth.TokenFile;
import nl.plektoets.deadlines.Deadlines;
import nl.plektoets.policy.PolicyProfile;
import nl.plektoets.registers.AssessmentSnapshots;
import nl.plektoets.registers.IntakeTable;
import nl.plektoets.registers.Locations;
import nl.plektoets.registers.RegisterTerms;
import nl.plektoets.registers.Registers;
import nl.plektoets.store.Store;
import nl.plektoets.store.StoreKind;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The deadline list and its iCalendar feed over real HTTP on both stores, with a clock the test moves: dates worked
 * out by hand from the entries (one year from acceptance, 8 and 26 weeks from the application, the SNF expiry).
 */
class DeadlinesHttpTest {
    /** A clock the test sets. */
    static final class MovableClock extends Clock {
        final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-03-02T09:30:00Z"));

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }

    @TempDir
    Path temp;

    interface Test {
        void run(RegisterHttp http, int port, MovableClock clock) throws Exception;
    }

    void withServer(StoreKind kind, Test test) throws Exception {
        withServer(kind, PolicyProfile.load(null), test);
    }

    /** The registers and the deadlines over {@code profile}'s terms, as {@code serve} builds them. */
    void withServer(StoreKind kind, PolicyProfile profile, Test test) throws Exception {
        TokenFile tokens = RegisterHttp.tokens(temp);
        MovableClock clock = new MovableClock();
        try (Store store = kind.open(kind.freshLocation(temp), clock)) {
            Registers registers = new Registers(RegisterTerms.of(profile), store, clock, AssessmentSnapshots.NONE);
            Api api = RegisterHttp.fixtureApi();
            Javalin app = Javalin.create(c -> {
                RegisterRoutes.install(c.routes, registers, () -> tokens, null, () -> api);
                RegisseurRoutes.install(
                        c.routes,
                        registers,
                        new IntakeTable(store, clock, profile.intakeDocuments()),
                        new Locations(store, clock),
                        new Deadlines(store, clock, profile),
                        new nl.plektoets.monitor.Monitor(store, RegisseurRoutes.nearestVillage(() -> api)),
                        ReportLimit.reports(clock),
                        () -> tokens,
                        () -> api);
            });
            JavalinTest.test(app, (server, client) -> {
                try {
                    test.run(new RegisterHttp(server.port()), server.port(), clock);
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            });
        }
    }

    static List<String> kindsAndDates(JsonNode list) {
        List<String> out = new ArrayList<>();
        for (JsonNode d : list.get("deadlines"))
            out.add(d.get("kind").asText() + " " + d.get("due").asText()
                    + (d.get("overdue").asBoolean() ? " overdue" : ""));
        return out;
    }

    static long post(RegisterHttp http, String path, String body) {
        var r = http.send("POST", path, RegisterHttp.REGISSEUR, body);
        assertEquals(201, r.status(), () -> r.body().toString());
        return r.body().get("id").asLong();
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void deadlinesComeDueAndPassAsTheClockMoves(StoreKind kind) throws Exception {
        withServer(kind, (http, port, clock) -> {
            // accepted 2025-03-20: complies by 2026-03-20 (§6.1.2)
            post(http, "/api/v1/initiatives", """
                    {"site": {"type": "Point", "coordinates": [6.6235, 52.5745]}, "form": "housing_facility",
                     "persons": 12, "initiator": "Agri Flex BV", "existingLocation": true, "acceptedOn": "2025-03-20"}""");
            // applied today (2026-03-02): decision by 2026-04-27 (8 weeks), 2026-08-31 in the extended procedure
            long applied = post(http, "/api/v1/initiatives", """
                    {"site": {"type": "Point", "coordinates": [6.6240, 52.5748]}, "form": "housing_facility",
                     "persons": 20, "initiator": "Werk en Wonen BV"}""");
            int v = 1;
            for (String status : List.of("intake", "assessment", "permit_applied")) {
                var r = http.send(
                        "PATCH",
                        "/api/v1/initiatives/" + applied,
                        RegisterHttp.REGISSEUR,
                        "{\"version\": " + v++ + ", \"status\": \"" + status + "\"}");
                assertEquals(200, r.status(), () -> r.body().toString());
            }
            long location = post(http, "/api/v1/locations", """
                    {"site": {"type": "Point", "coordinates": [6.6235, 52.5745]}, "name": "De Venen",
                     "village": "Dedemsvaart", "provider": "Flex Wonen BV", "form": "housing_facility", "capacity": 12,
                     "existing": true, "snfExpires": "2026-06-01"}""");

            var due = http.send("GET", "/api/v1/deadlines", RegisterHttp.PLANNER, null);
            assertEquals(200, due.status(), () -> due.body().toString());
            assertEquals("2026-03-02", due.body().get("today").asText());
            assertEquals(List.of("transition 2026-03-20"), kindsAndDates(due.body()), "only what is within 30 days");
            var all = http.send("GET", "/api/v1/deadlines?all=true", RegisterHttp.PLANNER, null);
            assertEquals(
                    List.of("transition 2026-03-20", "procedure_term 2026-04-27", "snf_expiry 2026-06-01"),
                    kindsAndDates(all.body()));

            // the extended procedure, chosen at the intake table
            post(http, "/api/v1/intake-cases", "{\"initiativeId\": " + applied + ", \"procedure\": \"extended\"}");
            // a fire-safety signal on the existing location: an excluded situation (§6.1.2), act now
            post(
                    http,
                    "/api/v1/signals",
                    "{\"locationId\": " + location + ", \"source\": \"police\"," + " \"category\": \"fire_safety\"}");
            var now = http.send("GET", "/api/v1/deadlines?all=true", RegisterHttp.PLANNER, null);
            assertEquals(
                    List.of(
                            "immediate_action 2026-03-02",
                            "transition 2026-03-20",
                            "snf_expiry 2026-06-01",
                            "procedure_term 2026-08-31"),
                    kindsAndDates(now.body()));
            assertTrue(now.body().at("/deadlines/0/immediate").asBoolean());
            assertEquals("§6.1.2", now.body().at("/deadlines/0/policyRef").asText());

            clock.now.set(Instant.parse("2026-03-21T08:00:00Z"));
            var later = http.send("GET", "/api/v1/deadlines", RegisterHttp.PLANNER, null);
            assertEquals(
                    List.of("immediate_action 2026-03-02 overdue", "transition 2026-03-20 overdue"),
                    kindsAndDates(later.body()));

            // the calendar feed: ?token= for calendar programs, every open deadline as an all-day event
            HttpClient client = HttpClient.newHttpClient();
            var ics = client.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/deadlines.ics?token="
                                    + RegisterHttp.REGISSEUR))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, ics.statusCode());
            assertTrue(ics.headers().firstValue("Content-Type").orElse("").startsWith("text/calendar"));
            ICalendar cal = Biweekly.parse(ics.body()).first();
            assertEquals(4, cal.getEvents().size());
            assertTrue(ics.body().contains("DTSTART;VALUE=DATE:20260320"), ics.body());
            assertTrue(ics.body().contains("DTSTART;VALUE=DATE:20260831"));
            var wrong = client.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port
                                    + "/api/v1/deadlines.ics?token=not-a-token-at-all-xxxxx"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(401, wrong.statusCode());
            assertFalse(wrong.body().contains("VEVENT"));
        });
    }

    /** Hardenberg's profile with another transition period: the register and the deadline follow the profile. */
    static PolicyProfile withTransitionYears(int years) throws Exception {
        String yaml;
        try (var in = PolicyProfile.class.getClassLoader().getResourceAsStream("policy/hardenberg-2025.yaml")) {
            yaml = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        String from = "  transition_years:\n    value: 1\n";
        assertTrue(yaml.contains(from), "the profile keeps the transition period in deadlines.transition_years");
        return PolicyProfile.parse(
                yaml.replace(from, "  transition_years:\n    value: " + years + "\n"),
                "hardenberg, " + years + " years");
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void theTransitionPeriodComesFromTheProfile(StoreKind kind) throws Exception {
        withServer(kind, withTransitionYears(2), (http, port, clock) -> {
            // accepted 2025-03-20: two years to 2027-03-20 under this profile
            long id = post(http, "/api/v1/initiatives", """
                    {"site": {"type": "Point", "coordinates": [6.6235, 52.5745]}, "form": "housing_facility",
                     "persons": 12, "initiator": "Agri Flex BV", "existingLocation": true, "acceptedOn": "2025-03-20"}""");
            var created = http.send("GET", "/api/v1/initiatives/" + id, RegisterHttp.PLANNER, null);
            assertEquals("2027-03-20", created.body().get("transitionDeadline").asText());
            clock.now.set(Instant.parse("2027-03-01T09:00:00Z"));
            var due = http.send("GET", "/api/v1/deadlines", RegisterHttp.PLANNER, null);
            assertTrue(
                    kindsAndDates(due.body()).contains("transition 2027-03-20"),
                    () -> due.body().toString());
            // one year and a half is shorter than the period: refused, and the refusal states the profile's period
            var shorter = http.send(
                    "PATCH",
                    "/api/v1/initiatives/" + id,
                    RegisterHttp.REGISSEUR,
                    "{\"version\": 1, \"transitionDeadline\": \"2026-09-20\"}");
            assertEquals(422, shorter.status(), () -> shorter.body().toString());
            String detail = shorter.body().get("detail").asText();
            assertTrue(
                    detail.contains("2 years (§6.1.2)")
                            && detail.contains("2027-03-20")
                            && !detail.contains("one year"),
                    detail);
            // beyond two years is an extension, which needs a reason
            var longer = http.send(
                    "PATCH",
                    "/api/v1/initiatives/" + id,
                    RegisterHttp.REGISSEUR,
                    "{\"version\": 1, \"transitionDeadline\": \"2027-09-20\"}");
            assertEquals(422, longer.status(), () -> longer.body().toString());
            assertEquals("transitionExtensionReason", longer.body().get("field").asText());
            assertTrue(
                    longer.body().get("detail").asText().contains("2 years (§6.1.2) ends 2027-03-20"),
                    () -> longer.body().toString());
        });
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void anExtensionOfTheTransitionYearNeedsAReasonWhichTheAuditAndTheDeadlineCarry(StoreKind kind) throws Exception {
        withServer(kind, (http, port, clock) -> {
            // accepted 2025-03-20: one year to 2026-03-20 (§6.1.2)
            long id = post(http, "/api/v1/initiatives", """
                    {"site": {"type": "Point", "coordinates": [6.6235, 52.5745]}, "form": "housing_facility",
                     "persons": 12, "initiator": "Agri Flex BV", "existingLocation": true, "acceptedOn": "2025-03-20"}""");
            var refused = http.send(
                    "PATCH",
                    "/api/v1/initiatives/" + id,
                    RegisterHttp.REGISSEUR,
                    "{\"version\": 1, \"transitionDeadline\": \"2026-09-20\"}");
            assertEquals(422, refused.status(), () -> refused.body().toString());
            assertTrue(refused.contentType().startsWith("application/problem+json"), refused.contentType());
            assertEquals(
                    "transitionExtensionReason", refused.body().get("field").asText());
            String detail = refused.body().get("detail").asText();
            assertTrue(
                    detail.contains("give transitionExtensionReason") && detail.contains("2026-03-20"),
                    "the answer names the fix: " + detail);
            assertEquals(
                    1,
                    http.send("GET", "/api/v1/initiatives/" + id, RegisterHttp.PLANNER, null)
                            .body()
                            .get("version")
                            .asLong(),
                    "nothing written");

            String reason = "brandmeldinstallatie besteld, levering in augustus";
            var extended = http.send(
                    "PATCH",
                    "/api/v1/initiatives/" + id,
                    RegisterHttp.REGISSEUR,
                    "{\"version\": 1, \"transitionDeadline\": \"2026-09-20\", \"transitionExtensionReason\": \""
                            + reason + "\"}");
            assertEquals(200, extended.status(), () -> extended.body().toString());
            assertEquals(
                    reason, extended.body().get("transitionExtensionReason").asText());
            // optimistic concurrency as elsewhere: a second extension on the old version is refused
            var stale = http.send(
                    "PATCH",
                    "/api/v1/initiatives/" + id,
                    RegisterHttp.REGISSEUR,
                    "{\"version\": 1, \"transitionDeadline\": \"2026-12-20\", \"transitionExtensionReason\":"
                            + " \"x\"}");
            assertEquals(409, stale.status(), () -> stale.body().toString());

            // the audit row of the extension keeps the reason (read back from the store)
            var audit = http.send("GET", "/api/v1/initiatives/" + id + "/audit", RegisterHttp.PLANNER, null);
            assertEquals(200, audit.status(), () -> audit.body().toString());
            JsonNode last = null;
            for (JsonNode a : audit.body().findValues("after")) last = a;
            assertEquals(reason, last.get("transitionExtensionReason").asText(), audit.body()::toString);
            assertEquals("2026-09-20", last.get("transitionDeadline").asText());

            // the deadline is the extended date, with its reason; it passes on the extended date, not the first
            clock.now.set(Instant.parse("2026-03-21T08:00:00Z"));
            var all = http.send("GET", "/api/v1/deadlines?all=true", RegisterHttp.PLANNER, null);
            assertEquals(List.of("transition 2026-09-20"), kindsAndDates(all.body()));
            assertTrue(
                    all.body().at("/deadlines/0/title").asText().contains("extended: " + reason), all.body()::toString);
            clock.now.set(Instant.parse("2026-09-21T08:00:00Z"));
            assertEquals(
                    List.of("transition 2026-09-20 overdue"),
                    kindsAndDates(http.send("GET", "/api/v1/deadlines", RegisterHttp.PLANNER, null)
                            .body()));
        });
    }
}
