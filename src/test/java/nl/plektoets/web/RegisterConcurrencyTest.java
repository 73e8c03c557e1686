package nl.plektoets.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import nl.plektoets.auth.TokenFile;
import nl.plektoets.registers.AssessmentSnapshots;
import nl.plektoets.registers.AuditEntry;
import nl.plektoets.registers.RegisterStore;
import nl.plektoets.registers.Registers;
import nl.plektoets.registers.TestTerms;
import nl.plektoets.store.Store;
import nl.plektoets.store.StoreKind;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * 50 clients change the same permit at once over HTTP, each reading the version, appending its name to the notes and
 * retrying on 409. Optimistic concurrency holds when no name is lost, every refusal is a 409 and the audit log holds
 * exactly one row per successful change, with contiguous versions.
 */
@Tag("slow")
class RegisterConcurrencyTest {
    static final int CLIENTS = 50;

    @TempDir
    Path temp;

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void fiftyClientsOnOnePermitLoseNoUpdate(StoreKind kind) throws Exception {
        TokenFile tokens = RegisterHttp.tokens(temp);
        StringBuilder summary = new StringBuilder();
        try (Store store = kind.open(kind.freshLocation(temp), Clock.systemUTC())) {
            Javalin app = Javalin.create(c -> RegisterRoutes.install(
                    c.routes,
                    new Registers(TestTerms.HARDENBERG, store, Clock.systemUTC(), AssessmentSnapshots.NONE),
                    () -> tokens,
                    null,
                    RegisterHttp::fixtureApi));
            JavalinTest.test(app, (server, client) -> {
                RegisterHttp http = new RegisterHttp(server.port());
                var created = http.send(
                        "POST",
                        "/api/v1/permits",
                        RegisterHttp.PLANNER,
                        RegisterRoutesTest.NEW_PERMIT.replace("three rooms upstairs", ""));
                assertEquals(201, created.status());
                long id = created.body().get("id").asLong();

                Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
                CountDownLatch start = new CountDownLatch(1);
                ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
                List<Future<?>> done = new ArrayList<>();
                for (int c = 0; c < CLIENTS; c++) {
                    String name = "c" + c;
                    done.add(pool.submit(() -> {
                        start.await();
                        while (true) {
                            var current = http.send("GET", "/api/v1/permits/" + id, RegisterHttp.PLANNER, null);
                            String notes = current.body().get("notes").isNull()
                                    ? ""
                                    : current.body().get("notes").asText();
                            String body = "{\"version\": "
                                    + current.body().get("version").asLong() + ", \"notes\": \""
                                    + (notes.isEmpty() ? name : notes + " " + name) + "\"}";
                            var r = http.send("PATCH", "/api/v1/permits/" + id, RegisterHttp.PLANNER, body);
                            statuses.computeIfAbsent(r.status(), s -> new AtomicInteger())
                                    .incrementAndGet();
                            if (r.status() == 200) return null;
                            if (r.status() != 409)
                                throw new AssertionError("expected 200 or 409, got " + r.status() + ": " + r.body());
                        }
                    }));
                }
                start.countDown();
                for (Future<?> f : done) f.get(5, TimeUnit.MINUTES);
                pool.shutdown();

                Map<Integer, Integer> counts = new TreeMap<>();
                statuses.forEach((k, v) -> counts.put(k, v.get()));
                summary.append(kind).append(": PATCH responses by status ").append(counts);
                assertEquals(Integer.valueOf(CLIENTS), counts.get(200));
                assertTrue(counts.keySet().stream().allMatch(s -> s == 200 || s == 409), counts::toString);

                var finalPermit = http.send("GET", "/api/v1/permits/" + id, RegisterHttp.PLANNER, null)
                        .body();
                assertEquals(1 + CLIENTS, finalPermit.get("version").asInt());
                List<String> names = new ArrayList<>(
                        Arrays.asList(finalPermit.get("notes").asText().split(" ")));
                names.sort(null);
                List<String> expected = new ArrayList<>();
                for (int c = 0; c < CLIENTS; c++) expected.add("c" + c);
                expected.sort(null);
                assertEquals(expected, names, "every client's change is there exactly once");

                List<AuditEntry> trail = store.auditTrail(RegisterStore.PERMITS, id);
                assertEquals(1 + CLIENTS, trail.size(), "one audit row per successful change, none for a 409");
                for (int v = 1; v < trail.size(); v++) {
                    assertEquals(v + 1, trail.get(v).version());
                    assertEquals(
                            trail.get(v - 1).after().get("notes"),
                            trail.get(v).before().get("notes"),
                            "each change starts from the previous one");
                }
            });
        }
        // printed outside JavalinTest, which captures the output of the block
        System.out.println(summary);
    }
}
