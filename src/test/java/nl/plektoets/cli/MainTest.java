package nl.plektoets.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import nl.plektoets.data.ImportProgress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI in-process: real commands on real files, stdout, stderr and exit codes captured. */
class MainTest {
    private static final Path FIXTURE = Path.of("src", "test", "resources", "osm", "oosterbroek.osm");

    @TempDir
    Path tmp;

    record Run(int code, String out, String err, Main main) {
    }

    static Run run(String... args) {
        return run(Map.of(), args);
    }

    static Run run(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        Main main = new Main(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                env, ImportProgress.NONE);
        int code = main.run(args);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), main);
    }

    private static void assertUsage(Run r, String... inMessage) {
        assertEquals(Main.USAGE, r.code(), r::toString);
        for (String s : inMessage) assertTrue(r.err().contains(s), () -> "'" + s + "' not in: " + r.err());
    }

    private Path imported() {
        Path dir = tmp.resolve("oosterbroek");
        Run r = run("import", "--osm", FIXTURE.toString(), "--out", dir.toString());
        assertEquals(Main.OK, r.code(), r::toString);
        return dir;
    }

    private List<String> leftovers() throws Exception {
        try (Stream<Path> s = Files.list(tmp)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.contains(".partial-")).toList();
        }
    }

    @Test
    void helpAtTopLevelAndOnEveryCommand() {
        Run r = run("--help");
        assertEquals(Main.OK, r.code());
        for (String c : new String[] {"serve", "import", "demo", "assess"}) {
            assertTrue(r.out().contains("  " + c + " "), r.out());
            Run h = run(c, "--help");
            assertEquals(Main.OK, h.code(), h::toString);
            assertTrue(h.out().startsWith("Usage: plektoets " + c), h.out());
        }
        Run serve = run("serve", "--help");
        assertTrue(serve.out().contains("--port VALUE") && serve.out().contains("PLEKTOETS_PORT") && serve.out().contains("default: 7070"),
                serve.out());
    }

    @Test
    void badArgumentsExitWithCode2AndTheFix() {
        assertUsage(run(), "give a command");
        assertUsage(run("frobnicate"), "unknown command 'frobnicate'", "serve, import, demo, assess");
        assertUsage(run("serve", "--prot", "8080"), "Unknown option --prot", "--port");
        assertUsage(run("serve", "--port", "80x"), "'port' is '80x'", "whole number");
        assertUsage(run(Map.of("PLEKTOETS_PORT", "-1"), "serve"), "environment PLEKTOETS_PORT");
        assertUsage(run("serve", "--port"), "--port needs a value");
        assertUsage(run("serve", "8080"), "takes no argument '8080'");
        assertUsage(run("demo"), "missing --out");
        assertUsage(run("demo", "--out", tmp.resolve("d").toString(), "--addresses", "-5"), "--addresses '-5' must be a whole number from 1");
        assertUsage(run("import", "--out", tmp.resolve("i").toString()), "missing --osm");
        assertUsage(run("import", "--osm", tmp.resolve("missing.osm").toString(), "--out", tmp.resolve("i").toString()), "does not exist");
        assertUsage(run("assess", "--lon", "6.64", "--form", "room_rental", "--persons", "4"), "missing --lat");
        assertUsage(run("assess", "--lon", "6.64", "--lat", "north", "--form", "room_rental", "--persons", "4"), "--lat 'north' must be a number");
        assertUsage(run("assess", "--form", "room_rental", "--persons", "4"), "give the site once");
        assertUsage(run("assess", "--lon", "6.64", "--lat", "52.57", "--form", "room_rental", "--persons", "four"), "--persons 'four'");
        assertUsage(run("assess", "--lon", "6.64", "--lat", "52.57", "--form", "room_rental", "--persons", "4", "--new-build=maybe"),
                "--new-build is a flag");
        assertFalse(Files.exists(tmp.resolve("d")) || Files.exists(tmp.resolve("i")), "a refused command wrote nothing");
    }

    @Test
    void importsAnOsmFileIntoACachedDataDirectory() throws Exception {
        Path dir = imported();
        assertTrue(Files.isRegularFile(dir.resolve("oosterbroek.osm")));
        JsonNode description = new ObjectMapper().readTree(dir.resolve("dataset.json").toFile());
        assertEquals("oosterbroek (OpenStreetMap)", description.get("name").asText());
        assertFalse(description.get("fictitious").asBoolean());
        try (Stream<Path> files = Files.list(dir)) {
            assertTrue(files.count() >= 3, "source, dataset.json and the cache");
        }
        assertEquals(List.of(), leftovers());
        // a second import never overwrites
        Run again = run("import", "--osm", FIXTURE.toString(), "--out", dir.toString());
        assertUsage(again, "is not empty", "nothing was written");
    }

    @Test
    void importsWithAnotherTagMappingAndServesItFromTheCache() throws Exception {
        Path mapping = tmp.resolve("farms-only.yaml");
        Files.writeString(mapping, "version: 1\nrules:\n  - role: agricultural_plot\n    match: {landuse: [farmyard, residential]}\n"
                + "    geometry: area\n");
        Path dir = tmp.resolve("farms");
        Run r = run("import", "--osm", FIXTURE.toString(), "--out", dir.toString(), "--tag-mapping", mapping.toString());
        assertEquals(Main.OK, r.code(), r::toString);
        assertTrue(r.out().contains("agricultural_plot 2, business_park 0"), r.out());
        assertTrue(Files.isRegularFile(dir.resolve("tag-mapping.yaml")));
        // the village's residential area is an agricultural plot under this mapping: the cache was used
        r = run("assess", "--data", dir.toString(), "--lon", "6.641", "--lat", "52.571", "--form", "room_rental", "--persons", "4", "--json");
        assertEquals(Main.OK, r.code(), r::toString);
        assertEquals("agricultural_plot", new ObjectMapper().readTree(r.out()).get("locationClass").asText());
        assertUsage(run("import", "--osm", FIXTURE.toString(), "--out", tmp.resolve("x").toString(), "--tag-mapping", "nope.yaml"),
                "--tag-mapping nope.yaml does not exist");
    }

    @Test
    void aFailedImportLeavesNothingBehind() throws Exception {
        Path broken = tmp.resolve("broken.osm");
        Files.writeString(broken, "<?xml version=\"1.0\"?><osm version=\"0.6\"><node id=\"1\" lat=\"52.5\" lon=");
        Path dir = tmp.resolve("out");
        Run r = run("import", "--osm", broken.toString(), "--out", dir.toString());
        assertEquals(Main.FAILED, r.code(), r::toString);
        assertTrue(r.err().startsWith("plektoets import failed: broken.osm is not valid OSM XML"), r.err());
        assertFalse(r.err().contains("\tat "), "a message, no stack trace: " + r.err());
        assertFalse(Files.exists(dir));
        assertEquals(List.of(), leftovers());
    }

    @Test
    void assessesAnAddressAsTextAndJson() throws Exception {
        Path dir = imported();
        Run r = run("assess", "--data", dir.toString(), "--address", "Hoofdstraat 12, Oosterbroek", "--form", "room_rental", "--persons", "4");
        assertEquals(Main.OK, r.code(), r::toString);
        assertTrue(r.out().startsWith("Verdict:        ALLOWED\nLocation class: built_up_area\nAddress:        Hoofdstraat 12, Oosterbroek (7771 AB)\n"),
                r.out());
        assertTrue(r.out().contains("[pass]        recreation_exclusion   §5.1.2"), r.out());

        r = run("assess", "--data", dir.toString(), "--lon", "6.641", "--lat", "52.571", "--form", "housing_facility", "--persons", "12",
                "--json");
        assertEquals(Main.OK, r.code(), r::toString);
        JsonNode answer = new ObjectMapper().readTree(r.out());
        assertEquals("not_allowed", answer.get("verdict").asText());
        assertEquals("oosterbroek (OpenStreetMap)", answer.get("dataset").get("name").asText());
        assertEquals("hardenberg-2025", answer.get("policy").get("id").asText());
    }

    @Test
    void assessRefusesWhatTheApiRefuses() throws Exception {
        Path dir = imported();
        assertUsage(run("assess", "--data", dir.toString(), "--lon", "4.9", "--lat", "52.37", "--form", "room_rental", "--persons", "4"),
                "outside the dataset");
        assertUsage(run("assess", "--data", dir.toString(), "--address", "Hoofdstraat 99, Oosterbroek", "--form", "room_rental",
                "--persons", "4"), "No address", "  Hoofdstraat 12, Oosterbroek");
        assertUsage(run("assess", "--data", dir.toString(), "--lon", "6.641", "--lat", "52.571", "--form", "hotel", "--persons", "4"),
                "Unknown form 'hotel'");
        assertUsage(run("assess", "--data", tmp.resolve("nothing").toString(), "--lon", "6.641", "--lat", "52.571", "--form",
                "room_rental", "--persons", "4"), "does not exist");
    }

    @Test
    void serveStartsOnTheDataDirectoryAndAnswers() throws Exception {
        Path dir = imported();
        Run r = run("serve", "--data", dir.toString(), "--port", "0", "--host", "127.0.0.1");
        assertEquals(Main.OK, r.code(), r::toString);
        try {
            int port = r.main().server().port();
            assertTrue(r.out().contains("on http://localhost:" + port + "/"), r.out());
            HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/health")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, health.statusCode());
            assertEquals("oosterbroek (OpenStreetMap)", new ObjectMapper().readTree(health.body()).get("dataset").get("name").asText());
        } finally {
            r.main().server().stop();
        }
    }

    @Test
    void demoWritesAFictitiousDataDirectoryAndRefusesANonEmptyOne() throws Exception {
        Path dir = tmp.resolve("demo");
        Run r = run("demo", "--out", dir.toString(), "--addresses", "300", "--seed", "7");
        assertEquals(Main.OK, r.code(), r::toString);
        JsonNode description = new ObjectMapper().readTree(dir.resolve("dataset.json").toFile());
        assertTrue(description.get("fictitious").asBoolean());
        assertTrue(Files.isRegularFile(dir.resolve("demo.osm.gz")));
        assertEquals(List.of(), leftovers());
        long size = Files.size(dir.resolve("demo.osm.gz"));
        assertUsage(run("demo", "--out", dir.toString()), "is not empty");
        assertEquals(size, Files.size(dir.resolve("demo.osm.gz")));
    }
}
