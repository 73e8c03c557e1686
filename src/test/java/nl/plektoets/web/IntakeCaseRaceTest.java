package nl.plektoets.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import nl.plektoets.auth.TokenFile;
import nl.plektoets.deadlines.Deadlines;
import nl.plektoets.geo.LayerGeometry;
import nl.plektoets.monitor.Monitor;
import nl.plektoets.registers.AssessmentSnapshots;
import nl.plektoets.registers.InitiativeStatus;
import nl.plektoets.registers.IntakeCase;
import nl.plektoets.registers.IntakeTable;
import nl.plektoets.registers.Locations;
import nl.plektoets.registers.RegisterStore;
import nl.plektoets.registers.Registers;
import nl.plektoets.registers.TestTerms;
import nl.plektoets.rounds.ApplicationRounds;
import nl.plektoets.rounds.EmployerDistance;
import nl.plektoets.store.Store;
import nl.plektoets.store.StoreKind;
import nl.plektoets.web.http.Problem;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * One intake case per initiative (intake_case.initiative_id is UNIQUE) when {@value #CLIENTS} requests for it arrive
 * at once over real HTTP, released together by a latch, {@value #REPEATS} times on both stores: on
 * {@code POST /api/v1/intake-cases} exactly one opens the case (201) and every other gets what a second request
 * gets, 422 rule-violated on {@code initiativeId} naming the winner's case, never a 500 or the constraint; on a decided
 * round's {@code POST /api/v1/rounds/{id}/intake} (safe to repeat) every step answers 200 with the same case per
 * allocated initiative, exactly one of them saying it opened it.
 */
class IntakeCaseRaceTest {
    static final int CLIENTS = 6;
    static final int REPEATS = 5;

    @TempDir
    Path temp;

    interface Body {
        void run(RegisterHttp http, Store store) throws Exception;
    }

    void withServer(StoreKind kind, Body test) throws Exception {
        TokenFile tokens = RegisterHttp.tokens(temp);
        try (Store store = kind.open(kind.freshLocation(temp), RoundHttpTest.CLOCK)) {
            Registers registers =
                    new Registers(TestTerms.HARDENBERG, store, RoundHttpTest.CLOCK, AssessmentSnapshots.NONE);
            Api api = RegisterHttp.fixtureApi();
            ApplicationRounds rounds = new ApplicationRounds(
                    store,
                    store,
                    RoundHttpTest.CLOCK,
                    RoundHttpTest.NOP,
                    () -> new EmployerDistance(
                            null,
                            new LayerGeometry(api.dataset().info().workingCrs()),
                            api.dataset().info().name()));
            IntakeTable intake = new IntakeTable(store, RoundHttpTest.CLOCK, RoundHttpTest.NOP.intakeDocuments());
            Javalin app = Javalin.create(c -> {
                RegisterRoutes.install(c.routes, registers, () -> tokens, null, () -> api);
                RegisseurRoutes.install(
                        c.routes,
                        registers,
                        intake,
                        new Locations(store, RoundHttpTest.CLOCK),
                        new Deadlines(store, RoundHttpTest.CLOCK, RoundHttpTest.NOP),
                        new Monitor(store, RegisseurRoutes.nearestVillage(() -> api)),
                        ReportLimit.reports(RoundHttpTest.CLOCK),
                        () -> tokens,
                        () -> api);
                RoundRoutes.install(c.routes, registers, rounds, intake, () -> tokens, () -> api);
            });
            JavalinTest.test(app, (server, client) -> test.run(new RegisterHttp(server.port()), store));
        }
    }

    /** {@value #CLIENTS} times the same request, all sent at the moment the latch opens; the answers in order. */
    static List<RegisterHttp.Response> atOnce(RegisterHttp http, String path, String body) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<RegisterHttp.Response>> answers = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return http.send("POST", path, RegisterHttp.REGISSEUR, body);
                }));
            }
            start.countDown();
            List<RegisterHttp.Response> out = new ArrayList<>();
            for (Future<RegisterHttp.Response> f : answers) out.add(f.get(60, TimeUnit.SECONDS));
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    static List<IntakeCase> casesOf(Store store, long initiativeId) {
        return store.intakeCases(null).stream()
                .filter(k -> k.initiativeId() == initiativeId)
                .toList();
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void parallelRequestsForOneInitiativeOpenOneCaseAndTheOthersAreToldWhichOne(StoreKind kind) throws Exception {
        withServer(kind, (http, store) -> {
            for (int round = 0; round < REPEATS; round++) {
                long initiative = RoundHttpTest.initiative(store, 18, InitiativeStatus.INTAKE, "Agri Flex BV " + round);
                List<RegisterHttp.Response> answers =
                        atOnce(http, "/api/v1/intake-cases", "{\"initiativeId\": " + initiative + "}");

                List<RegisterHttp.Response> won =
                        answers.stream().filter(r -> r.status() == 201).toList();
                assertEquals(1, won.size(), () -> "exactly one opens the case: " + answers);
                JsonNode winner = won.get(0).body();
                long caseId = winner.get("id").asLong();
                assertEquals(initiative, winner.get("initiativeId").asLong());
                assertEquals(1, winner.get("version").asLong());
                assertEquals("rita", winner.get("caseOwner").asText(), "the regisseur who opened it owns it");
                for (RegisterHttp.Response r : answers) {
                    if (r == won.get(0)) continue;
                    assertEquals(422, r.status(), () -> "as a second request: " + r.body());
                    assertEquals(Problem.MEDIA_TYPE, r.contentType());
                    assertEquals(
                            Problem.Type.RULE_VIOLATED.uri(),
                            r.body().get("type").asText());
                    assertEquals("initiativeId", r.body().get("field").asText());
                    String detail = r.body().get("detail").asText();
                    assertEquals(
                            "initiative " + initiative + " already has intake case " + caseId + "; change that one",
                            detail);
                }

                List<IntakeCase> cases = casesOf(store, initiative);
                assertEquals(1, cases.size(), cases::toString);
                assertEquals(caseId, cases.get(0).id());
                assertEquals(
                        1,
                        store.auditTrail(RegisterStore.INTAKE, caseId).size(),
                        "one create audited: the losers wrote nothing");
            }
            // every loser's transaction was rolled back: no case without its initiative, none twice
            assertEquals(REPEATS, store.intakeCases(null).size());
            assertEquals(REPEATS, store.auditLog(RegisterStore.INTAKE).size());
        });
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void parallelStepsOfADecidedRoundToIntakeOpenEachCaseOnceAndAllAnswerIt(StoreKind kind) throws Exception {
        withServer(kind, (http, store) -> {
            for (int repeat = 0; repeat < REPEATS; repeat++) {
                long roundId = decidedRound(http, store, repeat);
                String base = "/api/v1/rounds/" + roundId;
                List<Long> allocated = new ArrayList<>();
                for (JsonNode row : http.send("GET", base + "/ranking", RegisterHttp.PLANNER, null)
                        .body()
                        .get("ranking")) {
                    if (row.get("allocated").asBoolean())
                        allocated.add(row.get("initiativeId").asLong());
                }
                assertEquals(2, allocated.size(), "both fit the places");

                List<RegisterHttp.Response> answers = atOnce(http, base + "/intake", "{}");

                Map<Long, Long> caseOf = new HashMap<>();
                Map<Long, Integer> opened = new HashMap<>();
                for (RegisterHttp.Response r : answers) {
                    assertEquals(200, r.status(), () -> "safe to repeat, also at once: " + r.body());
                    assertEquals(allocated.size(), r.body().get("count").asInt(), r.body()::toString);
                    for (JsonNode item : r.body().get("intakeCases")) {
                        long initiative = item.get("initiativeId").asLong();
                        assertTrue(allocated.contains(initiative), item::toString);
                        long caseId = item.get("intakeCaseId").asLong();
                        assertEquals(
                                caseId,
                                caseOf.computeIfAbsent(initiative, k -> caseId),
                                "every answer names the one case");
                        if (item.get("created").asBoolean()) opened.merge(initiative, 1, Integer::sum);
                        else
                            assertEquals(
                                    "already at the intake table",
                                    item.get("detail").asText());
                    }
                }
                for (long initiative : allocated) {
                    assertEquals(1, opened.getOrDefault(initiative, 0), "opened once: " + initiative);
                    List<IntakeCase> cases = casesOf(store, initiative);
                    assertEquals(1, cases.size(), cases::toString);
                    assertEquals(caseOf.get(initiative), cases.get(0).id());
                    assertTrue(
                            cases.get(0).notes().contains("From round " + roundId),
                            cases.get(0).notes());
                }
            }
            assertEquals(2 * REPEATS, store.intakeCases(null).size());
            assertEquals(2 * REPEATS, store.auditLog(RegisterStore.INTAKE).size());
        });
    }

    /** A round with a large and a medium initiative, fully scored and decided by the college. */
    static long decidedRound(RegisterHttp http, Store store, int n) {
        var opened = http.send("POST", "/api/v1/rounds", RegisterHttp.PLANNER, """
                {"name": "Ronde %d", "opensOn": "2025-03-01", "closesOn": "2025-03-31"}""".formatted(n));
        assertEquals(201, opened.status(), () -> opened.body().toString());
        long roundId = opened.body().get("id").asLong();
        String base = "/api/v1/rounds/" + roundId;
        for (int persons : new int[] {280, 120}) {
            long initiative = RoundHttpTest.initiative(
                    store,
                    persons,
                    InitiativeStatus.REPORTED,
                    String.format(Locale.ROOT, "Polder %d-%d BV", n, persons));
            var entered = http.send("POST", base + "/entries", RegisterHttp.PLANNER, """
                    {"initiativeId": %d, "submittedAt": "2025-03-05T10:00:00Z", "dwellingsReturned": 1,
                     "scores": %s}""".formatted(
                            initiative, RoundHttpTest.scores(4)));
            assertEquals(201, entered.status(), () -> entered.body().toString());
        }
        long version = http.send("GET", base, RegisterHttp.PLANNER, null)
                .body()
                .get("version")
                .asLong();
        var decided = http.send(
                "POST",
                base + "/decision",
                RegisterHttp.PLANNER,
                RoundHttpTest.decision(String.valueOf(version), "2025-04-08", "B&W 25.00" + n));
        assertEquals(200, decided.status(), () -> decided.body().toString());
        assertFalse(decided.body().get("decision").isNull());
        return roundId;
    }
}
