package nl.plektoets.bench;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import nl.plektoets.cli.Main;

/**
 * The planner's overview over HTTP (not a test): {@code serve} in-process on a copy of a data directory (default the
 * demo, 3,000 addresses), then GET /api/v1/overview cold (first batch, JIT cold), uncached batches (a new persons
 * value each time, so every one runs the whole batch), cached pages of 1,000 addresses, a cached window, and
 * GET /api/v1/features at a point. Usage: scripts/bench-planner [DATA-DIR].
 */
public final class OverviewBenchmark {
    private static final String TOKEN = "bench-planner-token-0123456789";

    private OverviewBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path source = Path.of(args.length > 0 ? args[0] : "gisdata/demo");
        Path tmp = Files.createTempDirectory("plektoets-bench-planner");
        Path data = tmp.resolve("data");
        Files.createDirectories(data);
        try (var files = Files.list(source)) {
            for (Path f : files.toList()) if (Files.isRegularFile(f)) Files.copy(f, data.resolve(f.getFileName()));
        }
        Path tokens = tmp.resolve("tokens.txt");
        Files.writeString(tokens, "bench planner " + TOKEN + "\n");
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        Main main = new Main(quiet, quiet, Map.of());
        if (main.run("serve", "--data", data.toString(), "--tokens", tokens.toString(), "--port", "0") != Main.OK) {
            throw new IllegalStateException("serve failed on " + data);
        }
        int port = main.server().port();
        HttpClient client = HttpClient.newHttpClient();
        try {
            System.out.printf("cores: %d%n", Runtime.getRuntime().availableProcessors());
            Timed cold = get(client, port, "/api/v1/overview?form=room_rental&persons=4&limit=1000");
            System.out.printf(
                    "first overview (cold JVM, batch + page of 1,000): %.0f ms, %,d bytes%n", cold.ms, cold.bytes);
            List<Double> batch = new ArrayList<>();
            for (int persons = 5; persons < 15; persons++) {
                batch.add(get(client, port, "/api/v1/overview?form=room_rental&persons=" + persons + "&limit=1000").ms);
            }
            for (int persons = 5; persons < 15; persons++) {
                batch.add(get(client, port, "/api/v1/overview?form=housing_facility&persons=" + persons + "&limit=1000")
                        .ms);
            }
            report("uncached overview (whole batch + first page of 1,000), 20 runs", batch);
            List<Double> pages = new ArrayList<>();
            Timed page = null;
            for (int i = 0; i < 60; i++) {
                page = get(
                        client,
                        port,
                        "/api/v1/overview?form=room_rental&persons=14&limit=1000&offset=" + (1000 * (i % 3)));
                pages.add(page.ms);
            }
            report("cached page of 1,000 addresses (" + String.format("%,d", page.bytes) + " bytes), 60 runs", pages);
            List<Double> window = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                window.add(get(
                                client,
                                port,
                                "/api/v1/overview?form=room_rental&persons=14&limit=1000&bbox=3.68,52.545,3.70,52.56")
                        .ms);
            }
            report("cached window (bbox of one village)", window);
            List<Double> features = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                features.add(
                        get(client, port, "/api/v1/features?lon=3.6861967&lat=52.5505246&tolerance-m=" + (3 + i % 5))
                                .ms);
            }
            report("features at a point (all layers, 3-7 m)", features);
        } finally {
            main.server().stop();
        }
    }

    record Timed(double ms, int bytes) {}

    static Timed get(HttpClient client, int port, String path) throws Exception {
        HttpRequest r = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + TOKEN)
                .build();
        long t = System.nanoTime();
        HttpResponse<byte[]> a = client.send(r, HttpResponse.BodyHandlers.ofByteArray());
        double ms = (System.nanoTime() - t) / 1e6;
        if (a.statusCode() != 200)
            throw new IllegalStateException(
                    path + ": " + a.statusCode() + " " + new String(a.body(), StandardCharsets.UTF_8));
        return new Timed(ms, a.body().length);
    }

    static void report(String what, List<Double> ms) {
        List<Double> s = new ArrayList<>(ms);
        Collections.sort(s);
        System.out.printf(
                "%s: median %.1f ms, p90 %.1f ms, min %.1f ms, max %.1f ms%n",
                what, s.get(s.size() / 2), s.get((int) Math.floor(s.size() * 0.9)), s.get(0), s.get(s.size() - 1));
    }
}
