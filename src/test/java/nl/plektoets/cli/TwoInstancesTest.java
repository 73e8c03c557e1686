package nl.plektoets.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import nl.plektoets.demo.CommittedDemo;
import nl.plektoets.registers.RegisterJson;
import nl.plektoets.store.TestPostgis;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two real {@code serve} instances on two ports over one PostGIS database (issue 17), each on its own copy of the demo
 * directory as two machines would be. A grant through one shows in the other's kept answers within a few seconds
 * (NOTIFY, polled against a deadline), and parallel grants for the last place in a street through both end with
 * exactly one grant: the database's lock decides, not a lock of either process.
 */
@Tag("slow")
class TwoInstancesTest {
    /** How long a grant through A may take to show in B's answers. */
    static final long VISIBLE_WITHIN_MS = 5_000;

    static final int CLIENTS_PER_INSTANCE = 4;
    /** An application (version 1) becomes a granted permit. */
    static final String GRANT = "{\"version\": 1, \"status\": \"granted\"}";

    @TempDir
    Path tmp;

    record Instance(StoreCommandsTest.Run run, int port) {
        HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
            return StoreCommandsTest.send(port, method, path, token, body);
        }

        JsonNode json(String path) throws Exception {
            HttpResponse<String> r = send("GET", path, null, null);
            assertEquals(200, r.statusCode(), r.body());
            return RegisterJson.MAPPER.readTree(r.body());
        }

        void stop() {
            run.main().server().stop();
        }
    }

    private Instance serve(String name, String db, Path tokens) throws Exception {
        Path data = CommittedDemo.copyTo(tmp.resolve(name));
        StoreCommandsTest.Run r = StoreCommandsTest.run(
                "serve", "--data", data.toString(), "--db", db, "--tokens", tokens.toString(), "--port", "0");
        assertEquals(Main.OK, r.code(), r::toString);
        return new Instance(r, r.main().server().port());
    }

    @Test
    void aGrantThroughOneIsSeenByTheOtherAndTheLastPlaceGoesToExactlyOne() throws Exception {
        String db = TestPostgis.freshSchemaUrl();
        Path tokens = tmp.resolve("tokens.txt");
        Files.writeString(tokens, "ans planner " + StoreCommandsTest.PLANNER + "\n");
        Instance a = serve("a", db, tokens); // fills the empty database with the demo's layers
        Instance b = null;
        try {
            b = serve("b", db, tokens);
            // the street of 80 dwellings: limit 8 (10 %, not adopted)
            JsonNode street = street(b, null);
            String id = street.get("id").asText();
            String name = street.at("/properties/name").asText();
            String town = street.at("/properties/town").asText();
            int limit = street.at("/properties/limit").asInt();
            assertEquals(8, limit);
            assertEquals(limit, street.at("/properties/left").asInt());
            List<String> addresses = addresses(b, name, town, limit - 1 + 2 * CLIENTS_PER_INSTANCE);

            // one permit granted through A; B answered (and kept) the street's standing before
            long first = apply(a, addresses.get(0), name, town);
            assertEquals(
                    200,
                    a.send("PATCH", "/api/v1/permits/" + first, StoreCommandsTest.PLANNER, GRANT)
                            .statusCode());
            assertEquals(limit - 1, street(a, id).at("/properties/left").asInt(), "A reads its own write at once");
            long deadline = System.nanoTime() + VISIBLE_WITHIN_MS * 1_000_000;
            int left;
            while ((left = street(b, id).at("/properties/left").asInt()) != limit - 1 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertEquals(limit - 1, left, "B shows A's grant within " + VISIBLE_WITHIN_MS + " ms");
            // and the check of one address through B says the same
            JsonNode check = b.json(
                    "/api/v1/room-rental/check?address=" + URLEncoder.encode(addresses.get(1), StandardCharsets.UTF_8));
            assertEquals(limit - 1, check.at("/street/properties/left").asInt(), check.toString());

            // all places but one taken, through both instances in turn
            for (int i = 1; i < limit - 1; i++) {
                Instance via = i % 2 == 0 ? a : b;
                long permit = apply(via, addresses.get(i), name, town);
                var r = via.send("PATCH", "/api/v1/permits/" + permit, StoreCommandsTest.PLANNER, GRANT);
                assertEquals(200, r.statusCode(), r.body());
            }
            // the racers: applications for the last place, half through each instance
            List<Long> racers = new ArrayList<>();
            for (int c = 0; c < 2 * CLIENTS_PER_INSTANCE; c++) {
                racers.add(apply(c % 2 == 0 ? a : b, addresses.get(limit - 1 + c), name, town));
            }
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(racers.size());
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (int c = 0; c < racers.size(); c++) {
                Instance via = c % 2 == 0 ? a : b;
                long permit = racers.get(c);
                answers.add(pool.submit(() -> {
                    start.await();
                    return via.send("PATCH", "/api/v1/permits/" + permit, StoreCommandsTest.PLANNER, GRANT);
                }));
            }
            start.countDown();
            int ok = 0;
            for (Future<HttpResponse<String>> f : answers) {
                HttpResponse<String> r = f.get(60, TimeUnit.SECONDS);
                if (r.statusCode() == 200) {
                    ok++;
                    continue;
                }
                assertEquals(409, r.statusCode(), r.body());
                JsonNode problem = RegisterJson.MAPPER.readTree(r.body());
                assertEquals(
                        "urn:plektoets:problem:permit-refused",
                        problem.get("type").asText());
                assertEquals("street_limit", problem.get("rule").asText());
                assertTrue(
                        problem.get("detail").asText().contains("is full: " + limit + " of " + limit),
                        problem.toString());
            }
            pool.shutdown();
            assertEquals(1, ok, "exactly one of " + racers.size() + " parallel grants through two instances wins");
            JsonNode granted = RegisterJson.MAPPER.readTree(
                    a.send("GET", "/api/v1/permits?status=granted", StoreCommandsTest.PLANNER, null)
                            .body());
            assertEquals(limit, granted.get("count").asInt(), granted.toString());
            // both instances end up showing the full street
            for (Instance via : List.of(a, b)) {
                deadline = System.nanoTime() + VISIBLE_WITHIN_MS * 1_000_000;
                while ((left = street(via, id).at("/properties/left").asInt()) != 0 && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                assertEquals(0, left, "port " + via.port());
            }
        } finally {
            if (b != null) b.stop();
            a.stop();
        }
    }

    /** The street {@code id}, or (null) the first with 80 dwellings, from the public street list. */
    private static JsonNode street(Instance via, String id) throws Exception {
        for (JsonNode f : via.json("/api/v1/room-rental/streets").get("features")) {
            if (id == null
                    ? f.at("/properties/dwellings").asInt() == 80
                    : f.get("id").asText().equals(id)) return f;
        }
        throw new AssertionError("no such street: " + id);
    }

    /** {@code n} dwelling addresses ("Street 12, Town") of the street, by the address search. */
    private static List<String> addresses(Instance via, String name, String town, int n) throws Exception {
        JsonNode found = via.json(
                "/api/v1/addresses?limit=100&q=" + URLEncoder.encode(name + " " + town, StandardCharsets.UTF_8));
        List<String> out = new ArrayList<>();
        for (JsonNode f : found.get("features")) {
            String label = f.at("/properties/label").asText();
            if (label.startsWith(name + " ") && !out.contains(label)) out.add(label);
        }
        assertTrue(out.size() >= n, "found " + out.size() + " addresses in " + name + ", need " + n);
        return out.subList(0, n);
    }

    /** Applies for a permit for the dwelling at {@code address}; returns its id. */
    private static long apply(Instance via, String address, String street, String town) throws Exception {
        HttpResponse<String> r = via.send(
                "POST",
                "/api/v1/permits",
                StoreCommandsTest.PLANNER,
                "{\"address\": \"" + address + "\", \"street\": \"" + street + "\", \"town\": \"" + town
                        + "\", \"rooms\": 3, \"persons\": 4}");
        assertEquals(201, r.statusCode(), r.body());
        JsonNode body = RegisterJson.MAPPER.readTree(r.body());
        assertNotNull(body.get("id"), r.body());
        assertEquals(1, body.get("version").asInt());
        return body.get("id").asLong();
    }
}
