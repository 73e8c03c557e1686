package nl.plektoets.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import nl.plektoets.assess.Assessor;
import nl.plektoets.config.Config;
import nl.plektoets.geo.WorkingCrs;
import nl.plektoets.policy.PolicyProfile;
import nl.plektoets.registers.AssessmentSnapshots;
import nl.plektoets.registers.RegisterJson;
import nl.plektoets.registers.Registers;
import nl.plektoets.registers.TestTerms;
import nl.plektoets.roomrental.StorePermits;
import nl.plektoets.roomrental.StreetLimitGuard;
import nl.plektoets.store.Store;
import nl.plektoets.store.embedded.GeoPackageStore;
import nl.plektoets.web.http.Problem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11 items 2-8: what a hostile client can send, against the real server (Jetty through JavalinTest) on the real
 * BAG extract, a real engine and a real GeoPackage store. Requests go over plain sockets where the JDK client would
 * not send them (chunked bodies, bodies shorter than declared, a forged Host header).
 */
class HttpHardeningTest {
    /** A Java or library class name, a parser setting or a source excerpt: internals that must not reach a user. */
    static final Pattern INTERNALS = Pattern.compile(
            "`|\\b(com|org|java|jakarta)\\.[a-z]|[A-Z][a-z]+(Exception|Feature|Constraints)\\b|\\[Source:");

    @TempDir
    Path temp;

    @BeforeAll
    static void load() {
        RoomRentalHttpTest.load();
    }

    interface Body {
        void run(int port) throws Exception;
    }

    /** The served app: assessments (real engine), addresses, room rental, registers and reports; reach parameters only. */
    void serve(Map<String, String> settings, Body body) throws Exception {
        try (Store store = GeoPackageStore.open(temp, RoomRentalHttpTest.CLOCK)) {
            Map<String, String> all = new LinkedHashMap<>(Map.of("port", "0"));
            all.putAll(settings);
            Config config = Config.defaults().with(all);
            Assessor assessor = new Assessor(RoomRentalHttpTest.bag, PolicyProfile.load(null), List.of());
            Api api = new Api(
                    config, RoomRentalHttpTest.bag, assessor::assess, new PolicyInfo("hardenberg-2025", "test"));
            // the reach route's parameters are checked before the network is needed: none is opened here
            var tokens = RegisterHttp.tokens(temp);
            Javalin app = Routes.create(
                    api,
                    config,
                    new ReachApi(() -> {
                        throw new AssertionError("a refused reach request reached the network");
                    }),
                    c -> {
                        Registers registers = new Registers(
                                TestTerms.HARDENBERG,
                                store,
                                RoomRentalHttpTest.CLOCK,
                                AssessmentSnapshots.NONE,
                                new StreetLimitGuard(RoomRentalHttpTest.rules));
                        RegisterRoutes.install(c.routes, registers, () -> tokens, null, () -> api);
                        RoomRentalRoutes.install(
                                c.routes,
                                new RoomRentalApi(
                                        RoomRentalHttpTest.rules,
                                        new StorePermits(store),
                                        api.addressIndex(),
                                        WorkingCrs.rdNew(),
                                        store,
                                        RoomRentalHttpTest.CLOCK,
                                        RoomRentalHttpTest.bag.info()));
                    });
            JavalinTest.test(app, (server, client) -> body.run(server.port()));
        }
    }

    /** One raw HTTP/1.1 exchange: status, headers (lower-case names), body. */
    record Raw(int status, Map<String, String> headers, String body) {
        JsonNode json() throws IOException {
            return RegisterJson.MAPPER.readTree(body);
        }

        /** A problem+json answer with this status and a detail in the user's terms. */
        JsonNode problem(int expected) throws IOException {
            assertEquals(expected, status, body);
            assertTrue(
                    headers.getOrDefault("content-type", "").startsWith("application/problem+json"), headers::toString);
            JsonNode p = json();
            assertEquals(expected, p.get("status").asInt(), body);
            assertFalse(INTERNALS.matcher(p.get("detail").asText()).find(), "internals in " + body);
            return p;
        }
    }

    static Raw exchange(int port, String head, byte[] body) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(20_000);
            OutputStream out = s.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            if (body != null) out.write(body);
            out.flush();
            return read(s);
        }
    }

    static Raw read(Socket s) throws IOException {
        InputStream in = s.getInputStream();
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        for (int n; (n = in.read(buf)) > 0; ) all.write(buf, 0, n);
        return parse(all.toByteArray());
    }

    static Raw parse(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        String[] lines = text.substring(0, end).split("\r\n");
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int c = lines[i].indexOf(':');
            headers.put(
                    lines[i].substring(0, c).strip().toLowerCase(Locale.ROOT),
                    lines[i].substring(c + 1).strip());
        }
        String body = text.substring(end + 4);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            StringBuilder b = new StringBuilder();
            int at = 0;
            while (true) {
                int eol = body.indexOf("\r\n", at);
                int size =
                        Integer.parseInt(body.substring(at, eol).split(";")[0].strip(), 16);
                if (size == 0) break;
                b.append(body, eol + 2, eol + 2 + size);
                at = eol + 2 + size + 2;
            }
            body = b.toString();
        }
        return new Raw(
                Integer.parseInt(lines[0].split(" ")[1]),
                headers,
                new String(body.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
    }

    static Raw request(int port, String method, String path, Map<String, String> headers, String body)
            throws IOException {
        byte[] b = body == null ? null : body.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\n");
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Host", "localhost:" + port);
        h.put("Connection", "close");
        if (b != null) h.put("Content-Type", "application/json");
        h.putAll(headers);
        if (b != null) h.put("Content-Length", Integer.toString(b.length));
        h.forEach((k, v) -> {
            if (v != null) head.append(k).append(": ").append(v).append("\r\n");
        });
        return exchange(port, head.append("\r\n").toString(), b);
    }

    static Raw get(int port, String path) throws IOException {
        return request(port, "GET", path, Map.of(), null);
    }

    static Raw post(int port, String path, String body) throws IOException {
        return request(port, "POST", path, Map.of(), body);
    }

    static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static final String REPORT =
            "{\"streetId\": \"amsterdam/westerdok\", \"message\": \"Westerdok 7 is no longer room-rented\"}";

    // ---------------------------------------------------------------- item 2: free text, linear and bounded

    @Test
    void longFreeTextIsRefusedWith400() throws Exception {
        serve(Map.of(), port -> {
            // 32,000 spaces cost seconds of CPU in the old address pattern; now a 400 before any parsing
            String spaces = "Westerdok" + " ".repeat(32_000) + "x";
            JsonNode p = post(
                            port,
                            "/api/v1/assessments",
                            "{\"address\": \"" + spaces + "\", \"form\": \"room_rental\", \"persons\": 4}")
                    .problem(400);
            assertEquals("address", p.get("field").asText());
            assertTrue(p.get("detail").asText().contains("at most 200"), p::toString);
            String megabyte = "a".repeat(1_000_000);
            post(
                            port,
                            "/api/v1/assessments",
                            "{\"address\": \"" + megabyte + "\", \"form\": \"room_rental\", \"persons\": 4}")
                    .problem(400);
            // query texts: the room-rental check and the address search
            String long300 = "Westerdok " + "1".repeat(290);
            assertEquals(
                    "address",
                    get(port, "/api/v1/room-rental/check?address=" + q(long300))
                            .problem(400)
                            .get("field")
                            .asText());
            assertEquals(
                    "q",
                    get(port, "/api/v1/addresses?q=" + q(long300))
                            .problem(400)
                            .get("field")
                            .asText());
            // a report's street id, and a register's text fields (notes may be longer: prose)
            JsonNode r = post(
                            port,
                            "/api/v1/room-rental/reports",
                            "{\"streetId\": \"" + "x".repeat(5000) + "\", \"message\": \"something is wrong here\"}")
                    .problem(400);
            assertTrue(r.get("detail").asText().contains("at most"), r::toString);
            Raw permit = request(
                    port,
                    "POST",
                    "/api/v1/permits",
                    Map.of("Authorization", "Bearer " + RegisterHttp.PLANNER),
                    "{\"address\": \"" + "Westerdok 1 ".repeat(100)
                            + "\", \"street\": \"Westerdok\", \"town\": \"Amsterdam\","
                            + " \"rooms\": 3, \"persons\": 4}");
            assertEquals("address", permit.problem(400).get("field").asText());
            // the configured maximum applies
        });
        serve(
                Map.of("max-text-chars", "20"),
                port -> get(port, "/api/v1/addresses?q=" + q("Westerdok 1 Amsterdam x"))
                        .problem(400));
    }

    // ---------------------------------------------------------------- item 3: the body limit counts bytes read

    @Test
    void chunkedBodiesOverTheLimitGet413OnEveryRoute() throws Exception {
        serve(Map.of("max-body-bytes", "10000"), port -> {
            for (String path : List.of(
                    "/api/v1/room-rental/reports", "/api/v1/assessments", "/api/v1/permits", "/api/v1/nothing")) {
                try (Socket s = new Socket("127.0.0.1", port)) {
                    s.setSoTimeout(20_000);
                    OutputStream out = s.getOutputStream();
                    out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                                    + "Authorization: Bearer " + RegisterHttp.PLANNER
                                    + "\r\nTransfer-Encoding: chunked\r\n"
                                    + "Connection: close\r\n\r\n")
                            .getBytes(StandardCharsets.ISO_8859_1));
                    byte[] chunk = ("{\"message\": \"" + "x".repeat(4000) + "\"}").getBytes(StandardCharsets.UTF_8);
                    try {
                        // 100 chunks of 4 KB: 40 times the limit, never declared
                        for (int i = 0; i < 100; i++) {
                            out.write(
                                    (Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                            out.write(chunk);
                            out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
                        }
                        out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                        out.flush();
                    } catch (IOException closedEarly) {
                        // the server may answer and close before the client has sent everything
                    }
                    JsonNode p = read(s).problem(413);
                    assertTrue(p.get("detail").asText().contains("10000"), p::toString);
                }
            }
        });
    }

    // ---------------------------------------------------------------- item 4: slow bodies hold no thread

    /**
     * Many bodies that stop arriving, all at once: every one gets 408. The connection's own idle timeout used to be
     * the same as the body's deadline, and when it fired first (threads busy, timers due together) Jetty failed the
     * request itself with a 500 "not well-formed HTTP" instead of our 408.
     */
    @Test
    void manyBodiesThatDoNotArriveAllGet408() throws Exception {
        serve(Map.of("request-read-timeout-ms", "300"), port -> {
            int n = 48;
            List<Socket> sockets = new ArrayList<>();
            try {
                for (int i = 0; i < n; i++) {
                    sockets.add(stalledBody(port));
                }
                for (Socket s : sockets) read(s).problem(408);
            } finally {
                for (Socket s : sockets) s.close();
            }
        });
    }

    /** A connection that sent its headers and 7 of the 100 body bytes it declared, and then nothing. */
    private static Socket stalledBody(int port) throws IOException {
        return stalledBody(port, 100, "Connection: close\r\n");
    }

    /** An assessment request that declared {@code declared} body bytes, sent 7 and then nothing. */
    private static Socket stalledBody(int port, long declared, String moreHeaders) throws IOException {
        Socket s = new Socket("127.0.0.1", port);
        s.setSoTimeout(20_000);
        s.getOutputStream()
                .write(("POST /api/v1/assessments HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                                + "Content-Length: " + declared + "\r\n" + moreHeaders + "\r\n{\"form\"")
                        .getBytes(StandardCharsets.ISO_8859_1));
        s.getOutputStream().flush();
        return s;
    }

    @Test
    void aBodyThatDoesNotArriveGets408() throws Exception {
        serve(Map.of("request-read-timeout-ms", "1000"), port -> {
            try (Socket s = stalledBody(port)) {
                read(s).problem(408);
            }
        });
    }

    @Test
    @Tag("slow") // 300 connections held open for a few seconds
    void threeHundredSlowUploadsLeaveHealthAndAssessmentsAnswering() throws Exception {
        serve(Map.of("request-read-timeout-ms", "60000"), port -> {
            List<Socket> slow = new ArrayList<>();
            try {
                // a body of 1000 bytes of which 7 arrive; the rest never does while the test runs
                for (int i = 0; i < 300; i++) slow.add(stalledBody(port, 1000, ""));
                HttpClient http = HttpClient.newBuilder()
                        .connectTimeout(Duration.ofSeconds(10))
                        .build();
                for (int round = 0; round < 3; round++) {
                    HttpResponse<String> health = http.send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                                    .timeout(Duration.ofSeconds(10))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
                    assertEquals(200, health.statusCode());
                    assertAssessed(http, port);
                }
            } finally {
                for (Socket s : slow) s.close();
            }
        });
    }

    /** An assessment of a fixture address answers 200 (a plain request: the fast path), within 10 s. */
    private static void assertAssessed(HttpClient http, int port) throws Exception {
        HttpResponse<String> assessed = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/assessments"))
                        .timeout(Duration.ofSeconds(10))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"address\": \"" + RoomRentalHttpTest.label("Westerdok", 0)
                                        + "\", \"form\": \"room_rental\", \"persons\": 4}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, assessed.statusCode(), assessed.body());
    }

    @Test
    void bodiesDeclaredLargeThatDoNotArriveHoldLittleMemory() throws Exception {
        // 256 MiB may be declared; 16 connections per path (the route table with Accept-Encoding, AssessmentFastPath
        // without) declare it and send 7 bytes: 4 GB each way, the test JVM's whole heap, if a body's memory were
        // taken at its declared length instead of as its bytes arrive (RequestBodies.FIRST_BYTES)
        int declared = 256 << 20;
        serve(Map.of("max-body-bytes", Integer.toString(declared), "request-read-timeout-ms", "60000"), port -> {
            List<Socket> stalled = new ArrayList<>();
            try {
                for (int i = 0; i < 32; i++)
                    stalled.add(stalledBody(port, declared, i % 2 == 0 ? "Accept-Encoding: identity\r\n" : ""));
                HttpClient http = HttpClient.newBuilder()
                        .connectTimeout(Duration.ofSeconds(10))
                        .build();
                assertAssessed(http, port);
                System.gc();
                long used = java.lang.management.ManagementFactory.getMemoryMXBean()
                        .getHeapMemoryUsage()
                        .getUsed();
                assertTrue(used < 2L << 30, "heap in use with 32 stalled large bodies: " + (used >> 20) + " MiB");
            } finally {
                for (Socket s : stalled) s.close();
            }
        });
    }

    // ---------------------------------------------------------------- item 5: bad input is a 4xx in the user's terms

    @Test
    void truncatedBodiesAndBrokenChunksGet400() throws Exception {
        serve(Map.of(), port -> {
            for (String path : List.of("/api/v1/assessments", "/api/v1/room-rental/reports")) {
                try (Socket s = new Socket("127.0.0.1", port)) {
                    s.setSoTimeout(20_000);
                    s.getOutputStream()
                            .write(("POST " + path
                                            + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                                            + "Content-Length: 100\r\nConnection: close\r\n\r\n{\"form\": 1}")
                                    .getBytes(StandardCharsets.ISO_8859_1));
                    s.shutdownOutput(); // 11 of 100 bytes, then the end
                    read(s).problem(400);
                }
                Raw broken = exchange(
                        port,
                        "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                                + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\nZZ\r\n{}\r\n0\r\n\r\n",
                        null);
                broken.problem(400);
            }
        });
    }

    @Test
    void badParametersAndBadJsonNameNoInternals() throws Exception {
        serve(Map.of(), port -> {
            assertEquals(
                    "minutes",
                    get(port, "/api/v1/reach?lon=3.69&lat=52.55&minutes=,")
                            .problem(400)
                            .get("field")
                            .asText());
            get(port, "/api/v1/reach?lon=3.69&lat=52.55&minutes=").problem(400);
            String deep = "[".repeat(1500) + "]".repeat(1500);
            for (String bad : List.of("{\"form\": NaN}", deep, "{} {}", "{'form': 1}", "{\"a\":")) {
                for (String path : List.of("/api/v1/assessments", "/api/v1/room-rental/reports")) {
                    post(port, path, bad).problem(400);
                }
                if (!bad.equals(
                        "{} {}")) { // (a register body's trailing value: the registers' reader, issue 11 item 9)
                    request(
                                    port,
                                    "POST",
                                    "/api/v1/permits",
                                    Map.of("Authorization", "Bearer " + RegisterHttp.PLANNER),
                                    bad)
                            .problem(400);
                }
            }
        });
    }

    // ---------------------------------------------------------------- item 6: links never from the Host header

    @Test
    void linksComeFromTheConfiguredBaseUrlNotTheHostHeader() throws Exception {
        Map<String, String> evil = Map.of("Host", "evil.example");
        serve(Map.of(), port -> {
            for (String path : List.of(
                    "/ogc",
                    "/ogc/collections",
                    "/ogc/collections/room-rental-streets",
                    "/ogc/collections/room-rental-streets/items?limit=2")) {
                Raw r = request(port, "GET", path, evil, null);
                assertEquals(200, r.status(), r.body());
                assertFalse(r.body().contains("evil.example"), r.body());
                for (JsonNode l : r.json().get("links"))
                    assertTrue(l.get("href").asText().startsWith("/"), l::toString);
            }
        });
        serve(Map.of("public-base-url", "https://kaart.example.nl/plektoets/"), port -> {
            Raw r = request(port, "GET", "/ogc", evil, null);
            assertFalse(r.body().contains("evil.example"), r.body());
            for (JsonNode l : r.json().get("links")) {
                assertTrue(l.get("href").asText().startsWith("https://kaart.example.nl/plektoets/"), l::toString);
            }
        });
    }

    // ---------------------------------------------------------------- item 7: content type, origin, rate limit

    @Test
    void jsonPostsNeedTheJsonContentType() throws Exception {
        serve(Map.of(), port -> {
            for (String type : List.of("text/plain", "application/x-www-form-urlencoded")) {
                request(port, "POST", "/api/v1/room-rental/reports", Map.of("Content-Type", type), REPORT)
                        .problem(415);
                request(
                                port,
                                "POST",
                                "/api/v1/assessments",
                                Map.of("Content-Type", type),
                                "{\"address\": \"Westerdok 1\", \"form\": \"room_rental\", \"persons\": 4}")
                        .problem(415);
                request(
                                port,
                                "POST",
                                "/api/v1/permits",
                                Map.of("Content-Type", type, "Authorization", "Bearer " + RegisterHttp.PLANNER),
                                "{}")
                        .problem(415);
            }
            assertEquals(
                    201,
                    request(
                                    port,
                                    "POST",
                                    "/api/v1/room-rental/reports",
                                    Map.of("Content-Type", "application/json; charset=utf-8"),
                                    REPORT)
                            .status());
        });
    }

    @Test
    void foreignOriginsAreRefused() throws Exception {
        serve(Map.of("allowed-origins", "https://intranet.example.nl"), port -> {
            JsonNode p = request(
                            port,
                            "POST",
                            "/api/v1/room-rental/reports",
                            Map.of("Origin", "https://evil.example"),
                            REPORT)
                    .problem(403);
            assertTrue(p.get("detail").asText().contains("evil.example"), p::toString);
            request(port, "POST", "/api/v1/assessments", Map.of("Origin", "null"), "{}")
                    .problem(403);
            request(
                            port,
                            "PATCH",
                            "/api/v1/permits/1",
                            Map.of("Origin", "https://evil.example", "Authorization", "Bearer " + RegisterHttp.PLANNER),
                            "{}")
                    .problem(403);
            assertEquals(
                    201,
                    request(
                                    port,
                                    "POST",
                                    "/api/v1/room-rental/reports",
                                    Map.of("Origin", "http://localhost:" + port),
                                    REPORT)
                            .status(),
                    "the service's own page");
            assertEquals(
                    201,
                    request(
                                    port,
                                    "POST",
                                    "/api/v1/room-rental/reports",
                                    Map.of("Origin", "https://intranet.example.nl"),
                                    REPORT)
                            .status(),
                    "a configured origin");
            assertEquals(201, post(port, "/api/v1/room-rental/reports", REPORT).status(), "no Origin: not a browser");
            assertEquals(
                    200,
                    request(port, "GET", "/health", Map.of("Origin", "https://evil.example"), null)
                            .status(),
                    "reading is not refused");
        });
    }

    @Test
    void theReportLimitKeysOnTheClientBehindTrustedProxiesOnly() throws Exception {
        serve(Map.of("trusted-proxies", "127.0.0.1"), port -> {
            Map<String, String> first = Map.of("X-Forwarded-For", "203.0.113.7");
            for (int i = 0; i < RoomRentalApi.REPORTS_PER_HOUR; i++) {
                assertEquals(
                        201,
                        request(port, "POST", "/api/v1/room-rental/reports", first, REPORT)
                                .status());
            }
            Raw limited = request(port, "POST", "/api/v1/room-rental/reports", first, REPORT);
            limited.problem(429);
            assertNotNull(limited.headers().get("retry-after"));
            // another client behind the same proxy has its own count; a forged hop before the client's changes nothing
            assertEquals(
                    201,
                    request(
                                    port,
                                    "POST",
                                    "/api/v1/room-rental/reports",
                                    Map.of("X-Forwarded-For", "203.0.113.8"),
                                    REPORT)
                            .status());
            request(
                            port,
                            "POST",
                            "/api/v1/room-rental/reports",
                            Map.of("X-Forwarded-For", "198.51.100.1, 203.0.113.7"),
                            REPORT)
                    .problem(429);
        });
        serve(Map.of(), port -> {
            // no trusted proxy: X-Forwarded-For is the client's own say and is ignored
            for (int i = 0; i < RoomRentalApi.REPORTS_PER_HOUR; i++) {
                assertEquals(
                        201,
                        request(
                                        port,
                                        "POST",
                                        "/api/v1/room-rental/reports",
                                        Map.of("X-Forwarded-For", "10.0.0." + i),
                                        REPORT)
                                .status());
            }
            request(port, "POST", "/api/v1/room-rental/reports", Map.of("X-Forwarded-For", "10.0.0.99"), REPORT)
                    .problem(429);
        });
    }

    @Test
    void reportLimitEntriesExpireAndAreShared() {
        var clock = new java.util.concurrent.atomic.AtomicReference<>(java.time.Instant.parse("2026-11-23T10:00:00Z"));
        java.time.Clock moving = new java.time.Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return java.time.ZoneOffset.UTC;
            }

            @Override
            public java.time.Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public java.time.Instant instant() {
                return clock.get();
            }
        };
        ReportLimit limit = new ReportLimit(2, Duration.ofHours(1), moving);
        limit.take("a");
        limit.take("a");
        assertEquals(429, assertThrowsProblem(() -> limit.take("a")).status());
        limit.take("b");
        clock.set(clock.get().plus(Duration.ofMinutes(61)));
        limit.take("a"); // the window has passed
    }

    static Problem assertThrowsProblem(Runnable r) {
        return org.junit.jupiter.api.Assertions.assertThrows(Problem.class, r::run);
    }

    // ---------------------------------------------------------------- item 8: headers

    @Test
    void headersOnEveryAnswer() throws Exception {
        serve(Map.of(), port -> {
            Map<String, Raw> answers = new LinkedHashMap<>();
            answers.put("health", get(port, "/health"));
            answers.put("page", get(port, "/index.html"));
            answers.put("404", get(port, "/api/v1/nothing"));
            answers.put("405", request(port, "DELETE", "/api/v1/assessments", Map.of(), null));
            answers.put("400", post(port, "/api/v1/assessments", "{"));
            answers.put("401", get(port, "/api/v1/permits"));
            answers.put(
                    "bad http",
                    exchange(
                            port,
                            "GET /health HTTP/1.1\r\nHost: localhost\r\nBad Header\r\nConnection: close\r\n\r\n",
                            null));
            answers.put("long url", get(port, "/api/v1/addresses?q=" + "a".repeat(20_000)));
            answers.get("long url").problem(answers.get("long url").status());
            assertTrue(
                    answers.get("long url").status() == 414
                            || answers.get("long url").status() == 431,
                    answers.get("long url")::toString);
            answers.get("bad http").problem(400);
            answers.forEach((what, r) ->
                    assertEquals("nosniff", r.headers().get("x-content-type-options"), what + ": " + r.headers()));
            // one writer for every problem, Jetty's own refusals included: each names the dataset (the demo is
            // fictitious)
            for (String what : List.of("404", "405", "400", "401", "bad http", "long url")) {
                JsonNode p = answers.get(what).json();
                assertTrue(p.at("/dataset/fictitious").isBoolean(), what + ": " + p);
                assertTrue(p.get("type").asText().startsWith("urn:plektoets:problem:"), what + ": " + p);
            }

            Raw notAllowed = answers.get("405");
            notAllowed.problem(405);
            assertEquals("POST", notAllowed.headers().get("allow"));
            assertEquals(
                    "GET, HEAD",
                    request(port, "PUT", "/health", Map.of(), null).headers().get("allow"));
            assertEquals(
                    "GET, HEAD, PATCH",
                    request(port, "DELETE", "/api/v1/permits/1", Map.of(), null)
                            .headers()
                            .get("allow"));

            Map<String, String> planner = Map.of("Authorization", "Bearer " + RegisterHttp.PLANNER);
            for (String path : List.of("/api/v1/permits", "/api/v1/room-rental/reports", "/api/v1/initiatives")) {
                Raw withToken = request(port, "GET", path, planner, null);
                assertEquals(200, withToken.status(), withToken.body());
                assertEquals("private, no-store", withToken.headers().get("cache-control"), path);
                assertEquals(
                        "private, no-store",
                        request(port, "GET", path, Map.of(), null).headers().get("cache-control"),
                        path);
                // HEAD is GET without the body: the same token is needed
                assertEquals(401, request(port, "HEAD", path, Map.of(), null).status(), "HEAD " + path);
                assertEquals(200, request(port, "HEAD", path, planner, null).status(), "HEAD " + path);
            }
        });
    }
}
