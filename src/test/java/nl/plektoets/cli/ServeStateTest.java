package nl.plektoets.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve}'s one state, over a real HTTP server: requests running while {@code POST /api/v1/admin/reload}
 * swaps between two versions of the data each see one version whole (the dataset an answer names is the one whose
 * data it used), reloads run one at a time (the second gets 409), and the report rate limit outlives a reload.
 * The two versions: the Oosterbroek fixture ("variant-a") and the same without the address Industrieweg 5
 * ("variant-bb", a longer name so dataset.json's size, and with it the cache fingerprint, changes).
 */
@Tag("slow")
class ServeStateTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path FIXTURE = Path.of("src", "test", "resources", "osm", "oosterbroek.osm");
    private static final String A = "variant-a", B = "variant-bb";
    private static final String INDUSTRIEWEG =
            "{\"address\": \"Industrieweg 5, Oosterbroek\", \"form\": \"housing_facility\"," + " \"persons\": 12}";

    @TempDir
    Path tmp;

    Path data;
    String osmA, osmB;
    MainTest.Run served;
    int port;

    @BeforeEach
    void serve() throws Exception {
        osmA = Files.readString(FIXTURE);
        osmB = osmA.replace(
                "<tag k=\"addr:street\" v=\"Industrieweg\"/>\n    <tag k=\"addr:housenumber\" v=\"5\"/>\n", "");
        assertNotEquals(osmA, osmB, "the fixture still has Industrieweg 5 as tags of node 13");
        data = Files.createDirectories(tmp.resolve("data"));
        use(A);
        Path tokens = tmp.resolve("tokens.txt");
        Files.writeString(tokens, "beheer admin " + StoreCommandsTest.ADMIN + "\n");
        // counts of every street in the public answers, so the two versions differ visibly in the streets overview
        served = MainTest.run(
                Map.of(),
                tmp.resolve("no-demo"),
                "serve",
                "--data",
                data.toString(),
                "--tokens",
                tokens.toString(),
                "--port",
                "0",
                "--host",
                "127.0.0.1",
                "--room-rental-counts-from-dwellings",
                "0");
        assertEquals(Main.OK, served.code(), served::toString);
        port = served.main().server().port();
    }

    @AfterEach
    void stop() {
        if (served != null && served.main().server() != null)
            served.main().server().stop();
    }

    /** Puts one version of the data in the served directory (the next reload serves it). */
    private void use(String variant) throws Exception {
        Files.writeString(data.resolve("oosterbroek.osm"), variant.equals(A) ? osmA : osmB);
        Files.writeString(data.resolve("dataset.json"), "{\"name\": \"" + variant + "\", \"fictitious\": false}");
    }

    private HttpResponse<String> reload() throws Exception {
        return StoreCommandsTest.send(port, "POST", "/api/v1/admin/reload", StoreCommandsTest.ADMIN, null);
    }

    private static String datasetName(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body()).at("/dataset/name").asText();
    }

    /** The streets of the public room-rental overview, and the dwellings on them, as one answer gives them. */
    private String streets(HttpResponse<String> r) throws Exception {
        JsonNode body = JSON.readTree(r.body());
        List<String> streets = new ArrayList<>();
        for (JsonNode f : body.get("features")) streets.add(f.get("id").asText() + "=" + f.get("properties"));
        return String.join(",", streets);
    }

    @Test
    void requestsDuringReloadsSeeOneVersionWholeAndNeverFail() throws Exception {
        // what each version answers, served alone
        Map<String, String> streetsOf = new ConcurrentHashMap<>();
        Map<String, Integer> assessmentStatusOf = new ConcurrentHashMap<>();
        for (String v : List.of(A, B)) {
            use(v);
            HttpResponse<String> r = reload();
            assertEquals(200, r.statusCode(), r.body());
            assertEquals(v, datasetName(r), "the reload's answer names what it loaded");
            HttpResponse<String> s = StoreCommandsTest.send(port, "GET", "/api/v1/room-rental/streets", null, null);
            assertEquals(v, datasetName(s));
            streetsOf.put(v, streets(s));
            HttpResponse<String> a = StoreCommandsTest.send(port, "POST", "/api/v1/assessments", null, INDUSTRIEWEG);
            assertEquals(v, datasetName(a), a.body());
            assessmentStatusOf.put(v, a.statusCode());
        }
        assertNotEquals(streetsOf.get(A), streetsOf.get(B), "the versions differ in the streets overview");
        assertEquals(Map.of(A, 200, B, 422), assessmentStatusOf, "Industrieweg 5 exists in variant-a only");

        // readers on both routes while the data is swapped back and forth
        AtomicBoolean reloading = new AtomicBoolean(true);
        List<String> wrong = new CopyOnWriteArrayList<>();
        AtomicInteger answers = new AtomicInteger();
        Map<String, AtomicInteger> seen = new ConcurrentHashMap<>();
        ExecutorService readers = Executors.newFixedThreadPool(3);
        List<Future<?>> running = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            boolean assess = t == 0;
            running.add(readers.submit(() -> {
                for (int i = 0; i < 2_000 && (reloading.get() || i < 5); i++) {
                    HttpResponse<String> r = assess
                            ? StoreCommandsTest.send(port, "POST", "/api/v1/assessments", null, INDUSTRIEWEG)
                            : StoreCommandsTest.send(port, "GET", "/api/v1/room-rental/streets", null, null);
                    String name = datasetName(r);
                    seen.computeIfAbsent(name, k -> new AtomicInteger()).incrementAndGet();
                    answers.incrementAndGet();
                    if (r.statusCode() >= 500) wrong.add(r.statusCode() + " " + r.body());
                    else if (!streetsOf.containsKey(name)) wrong.add("unknown dataset " + name + ": " + r.body());
                    else if (assess && r.statusCode() != assessmentStatusOf.get(name)) {
                        wrong.add("assessment answered " + r.statusCode() + " naming " + name + ": " + r.body());
                    } else if (!assess && !streets(r).equals(streetsOf.get(name))) {
                        wrong.add("streets of the other version naming " + name + ": " + streets(r));
                    }
                }
                return null;
            }));
        }
        try {
            for (int i = 0; i < 6; i++) {
                use(i % 2 == 0 ? A : B);
                HttpResponse<String> r = reload();
                assertEquals(200, r.statusCode(), r.body());
            }
        } finally {
            reloading.set(false);
            for (Future<?> f : running) f.get(2, TimeUnit.MINUTES);
            readers.shutdownNow();
        }
        assertEquals(List.of(), wrong, "every answer is of one version, none failed");
        assertTrue(seen.keySet().containsAll(List.of(A, B)), "answers of both versions were seen: " + seen);
        assertTrue(answers.get() > 20, "requests ran during the reloads: " + answers);
    }

    @Test
    void twoReloadsAtOnceRunOneAfterTheOther() throws Exception {
        int conflicts = 0;
        for (int attempt = 0; attempt < 5 && conflicts == 0; attempt++) {
            // a changed file makes each reload re-import the data and rebuild the network: long enough to overlap
            use(attempt % 2 == 0 ? B : A);
            CyclicBarrier start = new CyclicBarrier(2);
            ExecutorService two = Executors.newFixedThreadPool(2);
            List<Future<HttpResponse<String>>> both = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                both.add(two.submit(() -> {
                    start.await();
                    return reload();
                }));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<HttpResponse<String>> f : both) {
                HttpResponse<String> r = f.get(2, TimeUnit.MINUTES);
                statuses.add(r.statusCode());
                if (r.statusCode() == 409) {
                    conflicts++;
                    JsonNode problem = JSON.readTree(r.body());
                    assertEquals(
                            "application/problem+json",
                            r.headers().firstValue("Content-Type").orElse(""));
                    assertEquals(
                            "urn:plektoets:problem:reload-running",
                            problem.get("type").asText(),
                            r.body());
                    assertTrue(problem.get("detail").asText().contains("Another reload is running"), r.body());
                    assertTrue(problem.has("dataset"), "the problem names the dataset served: " + r.body());
                } else {
                    assertEquals(200, r.statusCode(), r.body());
                }
            }
            two.shutdown();
            assertTrue(statuses.contains(200), "one of the two reloads ran: " + statuses);
        }
        assertTrue(conflicts > 0, "two simultaneous reloads never overlapped in 5 attempts");
        // after the refused one, a reload runs again
        assertEquals(200, reload().statusCode());
    }

    @Test
    void theReportRateLimitOutlivesAReload() throws Exception {
        HttpResponse<String> streets = StoreCommandsTest.send(port, "GET", "/api/v1/room-rental/streets", null, null);
        String street = JSON.readTree(streets.body()).at("/features/0/id").asText();
        String report =
                "{\"streetId\": \"" + street + "\", \"message\": \"this street has more room rental than shown\"}";
        int accepted = 0;
        HttpResponse<String> r;
        while ((r = StoreCommandsTest.send(port, "POST", "/api/v1/room-rental/reports", null, report)).statusCode()
                != 429) {
            assertTrue(r.statusCode() < 300, r.body());
            assertTrue(++accepted <= 100, "no report limit at all");
        }
        assertTrue(accepted > 0, "the first report was accepted");
        use(B);
        assertEquals(200, reload().statusCode());
        HttpResponse<String> after = StoreCommandsTest.send(port, "POST", "/api/v1/room-rental/reports", null, report);
        assertEquals(429, after.statusCode(), "the reload did not reset the count: " + after.body());
        assertEquals(B, datasetName(after), "the refusal came from the reloaded state");
    }
}
