package nl.plektoets.web;

import static nl.plektoets.web.ApiHttpTest.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import nl.plektoets.assess.Assessment;
import nl.plektoets.assess.Assessor;
import nl.plektoets.config.Config;
import nl.plektoets.data.Dataset;
import nl.plektoets.data.FixtureDataset;
import nl.plektoets.policy.PolicyProfile;
import nl.plektoets.request.AssessmentRequest;
import org.junit.jupiter.api.Test;

/**
 * The configuration keys {@code engine-threads} and {@code engine-queue} on the real server and the real engine
 * (Assessor over the WKT fixture): only so many assessments compute at once, and a request beyond the queue gets
 * 503 problem+json with Retry-After at once. The engine is the real one; the test only holds an assessment inside
 * its turn (a latch before the engine runs) so the server's state while it is busy is known, not raced for.
 */
class EngineAdmissionHttpTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REQUEST =
            "{\"site\":{\"type\":\"Point\",\"coordinates\":[240020,510020]},\"crs\":\"EPSG:28992\",\"form\":\"room_rental\",\"persons\":4}";

    /** The real engine, held at its start until {@link #release} is opened; counts who is inside. */
    private static final class HeldEngine implements Function<AssessmentRequest, Assessment> {
        final Assessor assessor;
        final Semaphore inside = new Semaphore(0);
        final AtomicInteger atOnce = new AtomicInteger();
        final AtomicInteger mostAtOnce = new AtomicInteger();
        final CountDownLatch release = new CountDownLatch(1);

        HeldEngine(Dataset dataset, PolicyProfile profile) {
            this.assessor = new Assessor(dataset, profile);
        }

        @Override
        public Assessment apply(AssessmentRequest request) {
            int now = atOnce.incrementAndGet();
            mostAtOnce.accumulateAndGet(now, Math::max);
            inside.release();
            try {
                if (!release.await(60, TimeUnit.SECONDS)) throw new IllegalStateException("never released");
                return assessor.assess(request);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } finally {
                atOnce.decrementAndGet();
            }
        }
    }

    private static Javalin app(HeldEngine engine, String threads, String queue) {
        Config config = Config.defaults().with(Map.of("port", "0", "engine-threads", threads, "engine-queue", queue));
        PolicyProfile profile = PolicyProfile.load(null);
        Dataset dataset = FixtureDataset.create();
        return Routes.create(new Api(config, dataset, engine, new PolicyInfo(profile.id(), profile.title())), config);
    }

    private static CompletableFuture<HttpResponse<String>> send(HttpClient http, Javalin server) {
        return http.sendAsync(
                HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + "/api/v1/assessments"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(REQUEST))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void oneTurnAndNoQueueRefusesTheSecondWith503AndRetryAfterThenServesAgain() {
        HeldEngine engine = new HeldEngine(FixtureDataset.create(), PolicyProfile.load(null));
        JavalinTest.test(app(engine, "1", "0"), (server, client) -> {
            HttpClient http = HttpClient.newHttpClient();
            CompletableFuture<HttpResponse<String>> first = send(http, server);
            assertTrue(engine.inside.tryAcquire(30, TimeUnit.SECONDS), "the first assessment never started");

            // the one turn is taken and nobody may wait: refused at once, retryable, in problem+json
            ApiHttpTest.Answer busy = ApiHttpTest.post(client, "/api/v1/assessments", REQUEST);
            JsonNode p = problem(busy, 503, "overloaded", null);
            assertEquals("1", ApiHttpTest.header(busy.response(), "Retry-After"));
            assertTrue(p.get("detail").asText().contains("engine-threads"), p::toString);

            engine.release.countDown();
            HttpResponse<String> answered = first.get(30, TimeUnit.SECONDS);
            assertEquals(200, answered.statusCode(), answered::body);
            assertEquals(
                    "built_up_area",
                    JSON.readTree(answered.body()).get("locationClass").asText());
            // the turn was given back: the next request is assessed
            ApiHttpTest.Answer after = ApiHttpTest.post(client, "/api/v1/assessments", REQUEST);
            assertEquals(200, after.status(), after.body()::toString);
            assertEquals(1, engine.mostAtOnce.get());
        });
    }

    @Test
    void twoTurnsComputeTwoAtOnceAndQueuedRequestsAreAnsweredAfterThem() {
        HeldEngine engine = new HeldEngine(FixtureDataset.create(), PolicyProfile.load(null));
        JavalinTest.test(app(engine, "2", "8"), (server, client) -> {
            HttpClient http = HttpClient.newHttpClient();
            List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
            for (int i = 0; i < 6; i++) sent.add(send(http, server));
            // two are inside the engine at once (engine-threads 2), the four others wait: none is refused
            assertTrue(engine.inside.tryAcquire(2, 30, TimeUnit.SECONDS), "two assessments should run at once");
            assertEquals(2, engine.atOnce.get());
            engine.release.countDown();
            for (CompletableFuture<HttpResponse<String>> f : sent) {
                HttpResponse<String> r = f.get(30, TimeUnit.SECONDS);
                assertEquals(200, r.statusCode(), r::body);
            }
            assertEquals(4, engine.inside.availablePermits(), "every request was assessed once");
            assertEquals(2, engine.mostAtOnce.get(), "never more than engine-threads at once");
        });
    }

    @Test
    void clientsThatDoNotReadTheirAnswersDoNotHoldTheOneTurn() throws Exception {
        // a long idle timeout: a turn held by a blocked write would make the other requests wait for it (60 s), beyond
        // the get below. (The slow clients' answers are written on a turn thread or, when nobody waited, on their own
        // Jetty thread; EngineAdmissionTest holds the turn threads' hand-over itself.)
        Config config = Config.defaults()
                .with(Map.of(
                        "port", "0", "engine-threads", "1", "engine-queue", "64", "request-read-timeout-ms", "60000"));
        PolicyProfile profile = PolicyProfile.load(null);
        Dataset dataset = FixtureDataset.create();
        Assessor assessor = new Assessor(dataset, profile);
        Javalin app = Routes.create(
                new Api(config, dataset, assessor::assess, new PolicyInfo(profile.id(), profile.title())), config);
        JavalinTest.test(app, (server, client) -> {
            byte[] body = REQUEST.getBytes(StandardCharsets.UTF_8);
            byte[] one = ("POST /api/v1/assessments HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                            + "Content-Length: " + body.length + "\r\n\r\n" + REQUEST)
                    .getBytes(StandardCharsets.UTF_8);
            List<Socket> slow = new ArrayList<>();
            List<Thread> senders = new ArrayList<>();
            try {
                for (int c = 0; c < 3; c++) {
                    // a small receive window and many pipelined requests: the server's writes to it block
                    Socket s = new Socket();
                    s.setReceiveBufferSize(2048);
                    s.connect(new InetSocketAddress("localhost", server.port()));
                    slow.add(s);
                    Thread sender = new Thread(() -> {
                        try {
                            for (int i = 0; i < 400; i++) s.getOutputStream().write(one);
                        } catch (IOException closedAtTheEnd) {
                            // the test closes the socket while this still writes
                        }
                    });
                    sender.setDaemon(true);
                    sender.start();
                    senders.add(sender);
                }
                // until the server's writes to the three have stopped making progress (their buffers are full)
                Thread.sleep(2000);
                for (int i = 0; i < 5; i++) {
                    HttpResponse<String> r =
                            send(HttpClient.newHttpClient(), server).get(30, TimeUnit.SECONDS);
                    assertEquals(200, r.statusCode(), r::body);
                }
            } finally {
                for (Socket s : slow) s.close();
            }
        });
    }
}
