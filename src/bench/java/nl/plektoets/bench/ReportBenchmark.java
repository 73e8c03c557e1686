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
 * The report for the file over HTTP (not a test): {@code serve} in-process on a copy of the demo, then
 * POST /api/v1/reports for sites across the demo (assessment, walking and cycling reach, the map and the PDF/A), the
 * first one cold and then 40 warm, Dutch and English in turn; prints the median and the 90th percentile. Usage:
 * scripts/bench-report [DATA-DIR].
 */
public final class ReportBenchmark {
    /** The business-park edge (CRS84), then addresses spread over the demo (read from the address layer). */
    private static final List<double[]> SITES = new ArrayList<>(List.<double[]>of(new double[] {3.6909, 52.5494}));

    private ReportBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path source = Path.of(args.length > 0 ? args[0] : "gisdata/demo");
        Path tmp = Files.createTempDirectory("plektoets-bench-report");
        Path data = tmp.resolve("data");
        Files.createDirectories(data);
        try (var files = Files.list(source)) {
            for (Path f : files.toList()) if (Files.isRegularFile(f)) Files.copy(f, data.resolve(f.getFileName()));
        }
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        Main main = new Main(quiet, quiet, Map.of());
        if (main.run("serve", "--data", data.toString(), "--port", "0") != Main.OK) {
            throw new IllegalStateException("serve failed on " + data);
        }
        int port = main.server().port();
        HttpClient client = HttpClient.newHttpClient();
        try {
            System.out.printf("cores: %d%n", Runtime.getRuntime().availableProcessors());
            for (int offset : new int[] {0, 700, 1400, 2100, 2800}) {
                HttpResponse<String> a = client.send(
                        HttpRequest.newBuilder(URI.create(
                                        "http://localhost:" + port + "/api/v1/layers/address?limit=1&offset=" + offset))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                var c = new com.fasterxml.jackson.databind.ObjectMapper()
                        .readTree(a.body())
                        .at("/features/0/geometry/coordinates");
                if (c.isArray())
                    SITES.add(new double[] {c.get(0).asDouble(), c.get(1).asDouble()});
            }
            double[] first = post(client, port, 0, "nl");
            System.out.printf("first report (cold JVM): %.0f ms, %,.0f bytes%n", first[0], first[1]);
            List<Double> ms = new ArrayList<>();
            long bytes = 0;
            // the server runs in this process: its CPU time per report, apart from waiting for the shared cores
            var os = (com.sun.management.OperatingSystemMXBean)
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            long cpu0 = os.getProcessCpuTime();
            for (int i = 0; i < 40; i++) {
                double[] r = post(client, port, i % SITES.size(), i % 2 == 0 ? "nl" : "en");
                ms.add(r[0]);
                bytes += (long) r[1];
            }
            double cpuMs = (os.getProcessCpuTime() - cpu0) / 1e6 / 40;
            Collections.sort(ms);
            System.out.printf("process CPU per report (server and client): %.0f ms%n", cpuMs);
            System.out.printf(
                    "POST /api/v1/reports, 40 warm runs over %d sites: median %.0f ms, p90 %.0f ms, max %.0f ms,"
                            + " mean size %,d bytes%n",
                    SITES.size(), ms.get(ms.size() / 2), ms.get(ms.size() * 9 / 10), ms.get(ms.size() - 1), bytes / 40);
        } finally {
            main.server().stop();
        }
    }

    /** {ms, bytes} of one report. */
    private static double[] post(HttpClient client, int port, int site, String lang) throws Exception {
        String body = "{\"site\":{\"type\":\"Point\",\"coordinates\":[" + SITES.get(site)[0] + "," + SITES.get(site)[1]
                + "]},\"form\":\"housing_facility\",\"persons\":12}";
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/reports?lang=" + lang))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        long t0 = System.nanoTime();
        HttpResponse<byte[]> r = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        double ms = (System.nanoTime() - t0) / 1e6;
        if (r.statusCode() != 200)
            throw new IllegalStateException(r.statusCode() + ": " + new String(r.body(), StandardCharsets.UTF_8));
        return new double[] {ms, r.body().length};
    }
}
