package nl.plektoets.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import nl.plektoets.demo.CommittedDemo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code Cache-Control} a CDN in front of several instances goes by (docs/operations.md, "Several instances"):
 * public pages, layer data and street counts may be kept (counts for a minute), anything asked with a token, any
 * register entry, any assessment, any refusal and the health check never. A real {@code serve} on the demo.
 */
class CacheControlTest {
    static final String PAGE = "public, max-age=300";
    static final String LAYERS = "public, max-age=300";
    static final String COUNTS = "public, max-age=60";
    static final String NEVER = "private, no-store";

    @TempDir
    Path tmp;

    @Test
    void publicAnswersAreCacheableAndNothingWithATokenOrAQuestionIs() throws Exception {
        Path data = CommittedDemo.copyTo(tmp.resolve("demo"));
        Path tokens = tmp.resolve("tokens.txt");
        Files.writeString(tokens, "ans planner " + StoreCommandsTest.PLANNER + "\n");
        StoreCommandsTest.Run served =
                StoreCommandsTest.run("serve", "--data", data.toString(), "--tokens", tokens.toString(), "--port", "0");
        assertEquals(Main.OK, served.code(), served::toString);
        int port = served.main().server().port();
        try {
            // the pages and their scripts: shared caches may keep them a few minutes
            expect(port, "GET", "/", null, null, 200, PAGE);
            expect(port, "GET", "/huren.html", null, null, 200, PAGE);
            expect(port, "GET", "/check/main.js", null, null, 200, PAGE);
            // OpenLayers under its version's path: Javalin's long max-age for webjars
            HttpResponse<String> ol = StoreCommandsTest.send(port, "GET", "/webjars/ol/10.7.0/dist/ol.js", null, null);
            assertEquals(200, ol.statusCode());
            String olCache = ol.headers().firstValue("Cache-Control").orElse("");
            assertTrue(olCache.matches(".*max-age=\\d{7,}.*"), "webjars: " + olCache);

            // public data from the served layers and the policy
            vary(expect(port, "GET", "/api/v1/layers", null, null, 200, LAYERS));
            expect(port, "GET", "/api/v1/addresses?q=Plekdam", null, null, 200, LAYERS);
            expect(port, "GET", "/api/v1/policy", null, null, 200, LAYERS);
            expect(port, "GET", "/api/v1/map-config", null, null, 200, LAYERS);
            expect(port, "GET", "/api/v1/openapi.json", null, null, 200, LAYERS);
            // public counts from the registers: a minute, so a grant shows soon behind a CDN too
            vary(expect(port, "GET", "/api/v1/room-rental/streets", null, null, 200, COUNTS));
            expect(port, "GET", "/api/v1/room-rental/streets.csv", null, null, 200, COUNTS);
            expect(port, "GET", "/ogc/collections/room-rental-streets/items", null, null, 200, COUNTS);
            expect(port, "GET", "/api/v1/public/initiatives", null, null, 200, COUNTS);

            // an assessment is an answer to one question: never kept
            expect(
                    port,
                    "POST",
                    "/api/v1/assessments",
                    null,
                    "{\"address\": \"Arceringerf 1, Plekdam\", \"form\": \"housing_facility\", \"persons\": 12}",
                    200,
                    "no-store");
            // the same public list asked with a token: never kept (a planner's answer may say more)
            expect(port, "GET", "/api/v1/room-rental/streets", StoreCommandsTest.PLANNER, null, 200, NEVER);
            // registers, the planner's answers, their refusals, the calendar feed with its token in the URL
            expect(port, "GET", "/api/v1/permits", StoreCommandsTest.PLANNER, null, 200, NEVER);
            expect(port, "GET", "/api/v1/permits", null, null, 401, NEVER);
            expect(port, "GET", "/api/v1/room-rental/permits", StoreCommandsTest.PLANNER, null, 200, NEVER);
            expect(port, "GET", "/api/v1/deadlines.ics?token=" + StoreCommandsTest.PLANNER, null, null, 200, NEVER);
            // refusals and the health check (a load balancer must see this instance, not a cache)
            expect(port, "GET", "/api/v1/layers/no_such_role", null, null, 404, "no-store");
            expect(port, "GET", "/api/v1/addresses", null, null, 400, "no-store");
            expect(port, "GET", "/health", null, null, 200, NEVER);
        } finally {
            served.main().server().stop();
        }
    }

    private static HttpResponse<String> expect(
            int port, String method, String path, String token, String body, int status, String cacheControl)
            throws Exception {
        HttpResponse<String> r = StoreCommandsTest.send(port, method, path, token, body);
        assertEquals(status, r.statusCode(), method + " " + path + ": " + r.body());
        assertEquals(cacheControl, r.headers().firstValue("Cache-Control").orElse("(none)"), method + " " + path);
        return r;
    }

    /** A kept public answer is never handed to a request with a token. */
    private static void vary(HttpResponse<String> r) {
        assertTrue(
                r.headers().allValues("Vary").stream().anyMatch(v -> v.contains("Authorization")),
                r.uri() + ": " + r.headers().map());
    }
}
