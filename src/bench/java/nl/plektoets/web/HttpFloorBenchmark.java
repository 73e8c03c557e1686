package nl.plektoets.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import nl.plektoets.assess.Assessor;
import nl.plektoets.config.Config;
import nl.plektoets.data.Dataset;
import nl.plektoets.data.ImportProgress;
import nl.plektoets.data.directory.DataDirectory;
import nl.plektoets.policy.PolicyProfile;

/**
 * The ceiling of {@code POST /api/v1/assessments} on this machine when the answer costs nothing to compute (not a
 * test; docs/performance.md "The floor of an answer"). It serves {@code POST /api/v1/assessments} through the same
 * route table as {@code serve} ({@link Routes#create}: the body filter, the guards, the cache headers, the
 * admission, {@link Answers#json}), but each answer is the byte-for-byte answer a running {@code serve} gave to the
 * same request body, fetched once and then kept. wrk against it measures everything an answer costs except the
 * engine and its JSON: HTTP parsing, the body's reception, the turn, writing the bytes, the kernel's loopback and
 * wrk's own share of the two cores. {@code /bench/floor-fast} serves the same answers through {@link
 * AssessmentFastPath} (the path a program's plain request takes since session 12), in the same turns.
 *
 * <p>Usage: {@code java -cp BENCH-CLASSES:target/plektoets.jar nl.plektoets.web.HttpFloorBenchmark UPSTREAM-URL PORT};
 * run by {@code scripts/bench-http-floor}.
 */
public final class HttpFloorBenchmark {
    public static void main(String[] args) throws Exception {
        URI upstream = URI.create(args[0]);
        int port = Integer.parseInt(args[1]);
        Path dir = Files.createTempDirectory("http-floor");
        for (String f : List.of("dataset.json", "demo.osm.gz")) Files.copy(Path.of("gisdata/demo", f), dir.resolve(f));
        // an Api over the demo only for what the route table needs besides the answer (the dataset of a problem)
        Dataset dataset = DataDirectory.load(dir, null, ImportProgress.NONE);
        PolicyProfile profile = PolicyProfile.load(null);
        Assessor assessor = new Assessor(dataset, profile, List.of());
        Config config = Config.defaults();
        Api api = new Api(config, dataset, assessor::assess, new PolicyInfo(profile.id(), profile.title()));
        HttpClient client = HttpClient.newHttpClient();
        Map<ByteBuffer, byte[]> answers = new ConcurrentHashMap<>();
        EngineAdmission engine = new EngineAdmission(config.engineThreads(), config.engineQueue());
        // the upstream's answer to a request body, fetched once and then kept
        java.util.function.Function<byte[], byte[]> kept =
                request -> answers.computeIfAbsent(ByteBuffer.wrap(request), k -> fetch(client, upstream, request));
        Routes.create(() -> api, config, null, c -> {
                    c.routes.post("/bench/floor", ctx -> {
                        byte[] answer = kept.apply(ctx.bodyAsBytes());
                        Routes.answerInTurn(ctx, engine, () -> spin(answer));
                    });
                    // the same answers through AssessmentFastPath, in front of the route table and its own fast path
                    c.jetty.modifyServer(server -> {
                        AssessmentFastPath fast = new AssessmentFastPath(
                                "/bench/floor-fast",
                                () -> api,
                                engine,
                                config.maxBodyBytes(),
                                config.requestReadTimeoutMs(),
                                (a, request) -> spin(kept.apply(request)));
                        fast.setHandler(server.getHandler());
                        server.setHandler(fast);
                    });
                })
                .start("127.0.0.1", port);
        System.out.println("floor: serving the upstream's answers at http://127.0.0.1:" + port + "/bench/floor"
                + " (the route table) and /bench/floor-fast (AssessmentFastPath)");
    }

    static final long SPIN_NS = Long.getLong("floor.spinUs", 0) * 1000;
    static volatile double sink;

    static byte[] spin(byte[] answer) {
        if (SPIN_NS == 0) return answer;
        long end = System.nanoTime() + SPIN_NS;
        double x = 1;
        while (System.nanoTime() < end) for (int i = 0; i < 64; i++) x = x * 1.0000001 + 1e-9;
        sink = x;
        return answer;
    }

    private static byte[] fetch(HttpClient client, URI upstream, byte[] request) {
        try {
            HttpResponse<byte[]> r = client.send(
                    HttpRequest.newBuilder(upstream.resolve("/api/v1/assessments"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(request))
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200) throw new IllegalStateException("upstream answered " + r.statusCode());
            return r.body();
        } catch (Exception e) {
            throw new IllegalStateException("fetching the upstream's answer failed: " + e, e);
        }
    }
}
