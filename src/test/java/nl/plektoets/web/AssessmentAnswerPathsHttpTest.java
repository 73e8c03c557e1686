package nl.plektoets.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.zip.GZIPInputStream;
import nl.plektoets.assess.Assessment;
import nl.plektoets.assess.Assessor;
import nl.plektoets.config.Config;
import nl.plektoets.data.FixtureDataset;
import nl.plektoets.policy.PolicyProfile;
import nl.plektoets.request.AssessmentRequest;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /api/v1/assessments} answers the same however its body arrives (docs/performance.md, "The HTTP layer
 * (session 8)", where a second way of receiving a body was tried and dropped): each request below, good ones and every
 * kind of refusal, is sent to the same real server over a plain socket twice, once all at once and once with the body
 * in two pieces 150 ms apart and {@code Accept-Encoding: identity}; status, headers (their names, order and values)
 * and body must be equal, only the framing (Content-Length against chunked) may differ. A change to how bodies are
 * received or answers written is held to this.
 */
class AssessmentAnswerPathsHttpTest {
    private static final String POINT =
            "{\"site\":{\"type\":\"Point\",\"coordinates\":[240020,510020]},\"crs\":\"EPSG:28992\",\"form\":\"room_rental\",\"persons\":4}";
    private static final String FACILITY =
            "{\"site\":{\"type\":\"Point\",\"coordinates\":[240020,510020]},\"crs\":\"EPSG:28992\",\"form\":\"housing_facility\",\"persons\":40}";
    private static final String POLYGON = "{\"site\":{\"type\":\"Polygon\",\"coordinates\":[[[240010,510010],"
            + "[240030,510010],[240030,510030],[240010,510030],[240010,510010]]]},\"crs\":\"EPSG:28992\","
            + "\"form\":\"room_rental\",\"persons\":2}";
    private static final int MAX_BODY = 4000;

    /** One exchange as sent on the wire, the response's header lines kept in order. */
    record Raw(int status, List<String> headers, byte[] body) {
        String header(String name) {
            for (String h : headers) {
                int c = h.indexOf(':');
                if (h.substring(0, c).equalsIgnoreCase(name))
                    return h.substring(c + 1).strip();
            }
            return null;
        }

        /** The header lines that do not depend on the moment or the framing. */
        List<String> compared() {
            return headers.stream()
                    .filter(h -> {
                        String n = h.substring(0, h.indexOf(':')).toLowerCase(Locale.ROOT);
                        return !n.equals("date") && !n.equals("content-length") && !n.equals("transfer-encoding");
                    })
                    .toList();
        }
    }

    /** A request: method, path, extra headers and a body (null: none). */
    record Sent(String what, String method, Map<String, String> headers, byte[] body) {}

    private static Sent post(String what, String body, Map<String, String> headers) {
        Map<String, String> h = new LinkedHashMap<>(Map.of("Content-Type", "application/json"));
        h.putAll(headers);
        return new Sent(what, "POST", h, body.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Sends {@code r}; {@code old} sends the body in two pieces with a pause between (the rest still on its way when
     * the server has the headers) and names {@code Accept-Encoding: identity}; otherwise all at once, without.
     */
    static Raw exchange(int port, Sent r, boolean old) throws Exception {
        return exchange(port, r, old, old, Stall.NONE);
    }

    /** How a body stops short: not at all, never sending the rest (a deadline), or closing the sending side. */
    enum Stall {
        NONE,
        NEVER_SENT,
        CLOSED
    }

    /**
     * Sends {@code r}: with {@code split} the body in two pieces 150 ms apart, with {@code identity} the header
     * {@code Accept-Encoding: identity} (which sends the request through the route table, not {@link
     * AssessmentFastPath}); {@code stall} sends only the first piece.
     */
    static Raw exchange(int port, Sent r, boolean split, boolean identity, Stall stall) throws Exception {
        boolean old = identity;
        StringBuilder head = new StringBuilder(r.method() + " /api/v1/assessments HTTP/1.1\r\n");
        head.append("Host: localhost:").append(port).append("\r\n");
        head.append("Connection: close\r\n");
        r.headers().forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
        if (old && !r.headers().containsKey("Accept-Encoding")) head.append("Accept-Encoding: identity\r\n");
        boolean chunked = "chunked".equals(r.headers().get("Transfer-Encoding"));
        if (r.body() != null && !chunked)
            head.append("Content-Length: ").append(r.body().length).append("\r\n");
        head.append("\r\n");
        byte[] body = r.body() == null ? new byte[0] : chunked ? chunk(r.body()) : r.body();
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(20_000);
            s.setTcpNoDelay(true);
            OutputStream out = s.getOutputStream();
            if ((split || stall != Stall.NONE) && body.length > 1) {
                out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
                out.write(body, 0, body.length / 2);
                out.flush();
                if (stall == Stall.CLOSED) s.shutdownOutput(); // the client gives up sending; it still reads
                if (stall != Stall.NONE) return parse(s.getInputStream().readAllBytes());
                Thread.sleep(150); // the server has the headers and half the body: the rest is still on its way
                out.write(body, body.length / 2, body.length - body.length / 2);
            } else {
                ByteArrayOutputStream all = new ByteArrayOutputStream();
                all.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
                all.write(body);
                out.write(all.toByteArray());
            }
            out.flush();
            return parse(s.getInputStream().readAllBytes());
        }
    }

    private static byte[] chunk(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int at = 0; at < body.length; at += 1000) {
            int n = Math.min(1000, body.length - at);
            out.writeBytes((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(body, at, n);
            out.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        }
        out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        return out.toByteArray();
    }

    private static Raw parse(byte[] bytes) throws IOException {
        int end = 0;
        while (!(bytes[end] == '\r' && bytes[end + 1] == '\n' && bytes[end + 2] == '\r' && bytes[end + 3] == '\n'))
            end++;
        String[] lines = new String(bytes, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
        List<String> headers = new ArrayList<>(List.of(lines).subList(1, lines.length));
        Raw head = new Raw(Integer.parseInt(lines[0].split(" ")[1]), headers, null);
        InputStream in = new ByteArrayInputStream(bytes, end + 4, bytes.length - end - 4);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if ("chunked".equalsIgnoreCase(head.header("Transfer-Encoding"))) {
            while (true) {
                StringBuilder size = new StringBuilder();
                for (int c; (c = in.read()) != '\r'; ) size.append((char) c);
                in.read(); // \n
                int n = Integer.parseInt(size.toString().split(";")[0].strip(), 16);
                if (n == 0) break;
                body.write(in.readNBytes(n));
                in.readNBytes(2);
            }
        } else {
            body.write(in.readAllBytes());
            if (head.header("Content-Length") != null)
                assertEquals(Integer.parseInt(head.header("Content-Length")), body.size(), "Content-Length");
        }
        byte[] b = body.toByteArray();
        if ("gzip".equals(head.header("Content-Encoding")))
            b = new GZIPInputStream(new ByteArrayInputStream(b)).readAllBytes();
        return new Raw(head.status(), headers, b);
    }

    /** The real engine over the WKT fixture; while {@link #hold} is closed, an assessment waits inside its turn. */
    private static final class Engine implements Function<AssessmentRequest, Assessment> {
        final Assessor assessor = new Assessor(FixtureDataset.create(), PolicyProfile.load(null));
        final Semaphore inside = new Semaphore(0);
        volatile CountDownLatch hold = new CountDownLatch(0);

        /** Whether the last assessment was computed for {@link AssessmentFastPath} (null: none since reset). */
        volatile Boolean fastPath;

        @Override
        public Assessment apply(AssessmentRequest request) {
            // sent one at a time, an assessment is computed on the thread that received it (EngineAdmission)
            fastPath = StackWalker.getInstance()
                    .walk(frames -> frames.anyMatch(
                            f -> f.getClassName().startsWith(AssessmentFastPath.class.getName() + "$")));
            inside.release();
            // a failure of ours (a bug in a criterion, say): 500 without details, the same both ways
            if (request.persons() == 13) throw new IllegalStateException("a failure of ours, for the test");
            try {
                if (!hold.await(60, TimeUnit.SECONDS)) throw new IllegalStateException("never released");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            return assessor.assess(request);
        }
    }

    private static Javalin app(Engine engine) {
        Config config = Config.defaults()
                .with(Map.of(
                        "port", "0",
                        "engine-threads", "1",
                        "engine-queue", "0",
                        "max-body-bytes", Integer.toString(MAX_BODY),
                        "request-read-timeout-ms", "1000"));
        PolicyProfile profile = PolicyProfile.load(null);
        return Routes.create(
                new Api(config, FixtureDataset.create(), engine, new PolicyInfo(profile.id(), profile.title())),
                config);
    }

    private static void assertSame(Sent r, Raw old, Raw now) {
        assertEquals(old.status(), now.status(), r.what());
        assertEquals(old.compared(), now.compared(), r.what());
        assertArrayEquals(old.body(), now.body(), r.what() + ": " + new String(now.body(), StandardCharsets.UTF_8));
    }

    @Test
    void everyAnswerAndRefusalIsTheSameOverBothPaths() {
        Engine engine = new Engine();
        String big = "{\"form\":\"room_rental\",\"persons\":4,\"note\":\"" + "x".repeat(MAX_BODY) + "\"}";
        List<Sent> requests = List.of(
                post("a point in RD New", POINT, Map.of()),
                post("a housing facility", FACILITY, Map.of()),
                post("a polygon", POLYGON, Map.of()),
                post("with a token", POINT, Map.of("Authorization", "Bearer not-a-token")),
                post("bad JSON (400)", "{\"site\": {\"type\": \"Point\",", Map.of()),
                post("no form (400)", "{\"site\":{\"type\":\"Point\",\"coordinates\":[240020,510020]}}", Map.of()),
                post("outside the dataset (422)", POINT.replace("240020,510020", "100000,400000"), Map.of()),
                post("a failure of ours (500)", POINT.replace("\"persons\":4", "\"persons\":13"), Map.of()),
                post("too large, declared (413)", big, Map.of()),
                post("too large, chunked (413)", big, Map.of("Transfer-Encoding", "chunked")),
                post("a chunked body", POINT, Map.of("Transfer-Encoding", "chunked")),
                new Sent(
                        "not JSON (415)",
                        "POST",
                        Map.of("Content-Type", "text/plain"),
                        POINT.getBytes(StandardCharsets.UTF_8)),
                post("a foreign origin (403)", POINT, Map.of("Origin", "https://elsewhere.example")),
                new Sent("GET (405)", "GET", Map.of(), null),
                new Sent("PUT (405)", "PUT", Map.of("Content-Type", "application/json"), POINT.getBytes()));
        JavalinTest.test(app(engine), (server, client) -> {
            int port = server.port();
            Map<String, Integer> statuses = new LinkedHashMap<>();
            Map<String, Boolean> fast = new LinkedHashMap<>();
            for (Sent r : requests) {
                engine.fastPath = null;
                Raw old = exchange(port, r, true);
                assertTrue(engine.fastPath == null || !engine.fastPath, r.what() + ": Accept-Encoding takes the route");
                Raw now = exchange(port, r, false);
                assertSame(r, old, now);
                statuses.put(r.what(), now.status());
                if (engine.fastPath != null) fast.put(r.what(), engine.fastPath);
                // the fast path with the body in two pieces: it waits for the rest without a thread
                engine.fastPath = null;
                Raw split = exchange(port, r, true, false, Stall.NONE);
                assertSame(r, old, split);
                if (engine.fastPath != null) assertEquals(fast.get(r.what()), engine.fastPath, r.what());
            }
            // which requests the fast path answered (of those that reached the engine): the plain ones only
            assertEquals(
                    Map.of(
                            "a point in RD New", true,
                            "a housing facility", true,
                            "a polygon", true,
                            "with a token", false,
                            "a failure of ours (500)", true,
                            "a chunked body", false),
                    fast);
            // a body that stops short: 408 after the deadline, 400 when the client closes its side; both ways alike
            for (Stall stall : List.of(Stall.NEVER_SENT, Stall.CLOSED)) {
                Sent r = post("stopped short: " + stall, POINT, Map.of());
                Raw old = exchange(port, r, false, true, stall);
                Raw now = exchange(port, r, false, false, stall);
                assertSame(r, old, now);
                assertEquals(stall == Stall.NEVER_SENT ? 408 : 400, now.status(), r.what());
            }
            assertEquals(
                    List.of(200, 200, 200, 200, 400, 400, 422, 500, 413, 413, 200, 415, 403, 405, 405),
                    List.copyOf(statuses.values()),
                    statuses::toString);

            // gzip for a client that asks for it (Javalin's default compression): the same bytes inside
            Raw gzip = exchange(port, post("gzip", POINT, Map.of("Accept-Encoding", "gzip")), false);
            Raw plain = exchange(port, post("plain", POINT, Map.of()), false);
            assertEquals("gzip", gzip.header("Content-Encoding"));
            assertArrayEquals(plain.body(), gzip.body());
            assertFalse(plain.headers().stream().anyMatch(h -> h.startsWith("Content-Encoding")));
            // a client that names no encoding gets every answer framed by its length, in one write, not chunked
            // (parse checks the length against the body); a refusal too
            for (Sent r : List.of(
                    post("plain", FACILITY, Map.of()),
                    post("422", POINT.replace("240020,510020", "100000,400000"), Map.of()),
                    post("400", "{", Map.of()))) {
                Raw framed = exchange(port, r, false);
                assertEquals(Integer.toString(framed.body().length), framed.header("Content-Length"), r.what());
                assertEquals(null, framed.header("Transfer-Encoding"), r.what());
            }

            // 503 with Retry-After while the one turn is taken and nobody may wait
            engine.hold = new CountDownLatch(1);
            CompletableFuture<Raw> first = CompletableFuture.supplyAsync(() -> {
                try {
                    return exchange(port, post("held", POINT, Map.of()), false);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            assertTrue(engine.inside.tryAcquire(30, TimeUnit.SECONDS), "the held assessment never started");
            engine.inside.drainPermits();
            Sent busy = post("overloaded (503)", POINT, Map.of());
            Raw old = exchange(port, busy, true);
            Raw now = exchange(port, busy, false);
            engine.hold.countDown();
            assertEquals(200, first.get(30, TimeUnit.SECONDS).status());
            assertSame(busy, old, now);
            assertEquals(503, now.status());
            assertEquals("1", now.header("Retry-After"));
        });
    }
}
