package nl.plektoets.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nl.plektoets.data.ImportProgress;
import nl.plektoets.data.directory.DataDirectory;
import nl.plektoets.demo.CommittedDemo;
import nl.plektoets.routing.BayreuthData;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Envelope;

/**
 * A data directory made by {@code import} keeps the walking and cycling criterion (Bijlage 1): the networks are
 * built from the OSM extract the import kept, a directory without one answers {@code facility_reach} as unknown
 * with the reason, and a reload with another OSM file rebuilds the networks.
 */
class ImportReachTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path IMRO =
            ImportCommandTest.DATA.resolve("imro/NL.IMRO.1680.1800030105-0000_aa-en-hunze.gml");
    private static final String NEUDROSSENFELD = "Marktplatz 2a, Neudrossenfeld";

    @TempDir
    Path tmp;

    @Test
    @Tag("slow") // two layer imports and two GraphHopper graphs of the Bayreuth extract (about 40 s)
    void anImportedDirectoryAnswersReachWithTheMinutesOfThePlainOsmDirectory() throws Exception {
        Path plain = BayreuthData.dataDir(tmp.resolve("plain"));
        Path imported = tmp.resolve("imported");
        var imp = ImportCommandTest.run(
                "--osm", BayreuthData.OSM.toString(), "--imro", IMRO.toString(), "--out", imported.toString());
        assertEquals(0, imp.code(), imp.err());
        assertTrue(
                Files.isRegularFile(imported.resolve(DataDirectory.NETWORK_DIR).resolve("north-bayreuth.osm.gz")),
                "the import keeps the extract the networks are built from");

        JsonNode fromPlain = reach(assessCli(plain, "--address", NEUDROSSENFELD));
        JsonNode fromImport = reach(assessCli(imported, "--address", NEUDROSSENFELD));
        List<Double> minutes = minutes(fromPlain);
        assertTrue(minutes.stream().anyMatch(m -> m != null), "the plain directory reaches facilities: " + fromPlain);
        assertEquals(fromPlain.get("status").asText(), fromImport.get("status").asText(), fromImport.toString());
        assertEquals(minutes, minutes(fromImport), "the same minutes from the imported directory: " + fromImport);

        var served = StoreCommandsTest.run("serve", "--data", imported.toString(), "--port", "0");
        assertEquals(Main.OK, served.code(), served::toString);
        try {
            var r = StoreCommandsTest.send(
                    served.main().server().port(),
                    "POST",
                    "/api/v1/assessments",
                    null,
                    "{\"address\": \"" + NEUDROSSENFELD + "\", \"form\": \"room_rental\", \"persons\": 4}");
            assertEquals(200, r.statusCode(), r.body());
            assertEquals(minutes, minutes(reach(JSON.readTree(r.body()))), r.body());
        } finally {
            served.main().server().stop();
        }
    }

    @Test
    void aDirectoryWithoutOsmAnswersReachUnknownWithTheReason() throws Exception {
        Path dir = tmp.resolve("imro-only");
        var imp = ImportCommandTest.run("--imro", IMRO.toString(), "--out", dir.toString());
        assertEquals(0, imp.code(), imp.err());
        Envelope e = DataDirectory.load(dir, null, ImportProgress.NONE).extent(); // RD New: the registers' CRS
        String x = String.format(Locale.ROOT, "%.1f", e.centre().x),
                y = String.format(Locale.ROOT, "%.1f", e.centre().y);

        JsonNode cli = assessCli(dir, "--x", x, "--y", y);
        assertNoNetwork(cli);

        var served = StoreCommandsTest.run("serve", "--data", dir.toString(), "--port", "0");
        assertEquals(Main.OK, served.code(), served::toString);
        int port = served.main().server().port();
        try {
            var r = StoreCommandsTest.send(
                    port,
                    "POST",
                    "/api/v1/assessments",
                    null,
                    "{\"site\": {\"type\": \"Point\","
                            + " \"coordinates\": [" + x + ", " + y
                            + "]}, \"crs\": \"EPSG:28992\", \"form\": \"room_rental\","
                            + " \"persons\": 4}");
            assertEquals(200, r.statusCode(), r.body());
            assertNoNetwork(JSON.readTree(r.body()));
            var areas = StoreCommandsTest.send(
                    port, "GET", "/api/v1/reach?lon=6.8&lat=52.9&mode=foot&minutes=15", null, null);
            assertEquals(422, areas.statusCode(), areas.body());
            assertTrue(areas.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
            assertTrue(areas.body().contains("no walking and cycling network"), areas.body());
        } finally {
            served.main().server().stop();
        }
    }

    @Test
    @Tag("slow") // an import and two GraphHopper graphs of the demo (about 25 s)
    void aReloadWithAnotherOsmFileRebuildsTheNetworks() throws Exception {
        Path demo = CommittedDemo.copyTo(tmp.resolve("demo"));
        Path dir = tmp.resolve("imported");
        var imp = ImportCommandTest.run("--osm", demo.resolve("demo.osm.gz").toString(), "--out", dir.toString());
        assertEquals(0, imp.code(), imp.err());
        Path tokens = tmp.resolve("tokens.txt");
        Files.writeString(tokens, "beheer admin " + StoreCommandsTest.ADMIN + "\n");
        var served =
                StoreCommandsTest.run("serve", "--data", dir.toString(), "--tokens", tokens.toString(), "--port", "0");
        assertEquals(Main.OK, served.code(), served::toString);
        int port = served.main().server().port();
        String site = "{\"address\": \"Arceringerf 1, Plekdam\", \"form\": \"room_rental\", \"persons\": 4}";
        try {
            var before = StoreCommandsTest.send(port, "POST", "/api/v1/assessments", null, site);
            assertEquals(200, before.statusCode(), before.body());
            double cycling = cyclingToSupermarket(reach(JSON.readTree(before.body())));

            // another extract: every road a rough track (grade 5), on which bicycles are slow
            Path network = dir.resolve(DataDirectory.NETWORK_DIR).resolve("demo.osm.gz");
            String osm = CommittedDemo.readOsm(network);
            String rough = osm.replaceAll(
                    "<tag k=\"highway\" v=\"(residential|secondary|service|tertiary|unclassified|cycleway)\"/>",
                    "<tag k=\"highway\" v=\"track\"/><tag k=\"tracktype\" v=\"grade5\"/>");
            assertNotEquals(osm, rough);
            CommittedDemo.writeOsm(network, rough);
            var reload = StoreCommandsTest.send(port, "POST", "/api/v1/admin/reload", StoreCommandsTest.ADMIN, null);
            assertEquals(200, reload.statusCode(), reload.body());

            var after = StoreCommandsTest.send(port, "POST", "/api/v1/assessments", null, site);
            assertEquals(200, after.statusCode(), after.body());
            double slower = cyclingToSupermarket(reach(JSON.readTree(after.body())));
            assertTrue(slower > cycling, "cycling on tracks takes longer: " + cycling + " then " + slower + " min");

            // a broken extract: the reload is refused in words and the networks served before stay
            Files.write(network, "not an OSM file".getBytes(StandardCharsets.UTF_8));
            var refused = StoreCommandsTest.send(port, "POST", "/api/v1/admin/reload", StoreCommandsTest.ADMIN, null);
            assertEquals(422, refused.statusCode(), refused.body());
            assertTrue(refused.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
            assertTrue(
                    refused.body().contains("demo.osm.gz")
                            && refused.body().contains("valid OSM extract")
                            && !refused.body().contains("Exception"),
                    refused.body());
            var still = StoreCommandsTest.send(port, "POST", "/api/v1/assessments", null, site);
            assertEquals(slower, cyclingToSupermarket(reach(JSON.readTree(still.body()))), still.body());
        } finally {
            served.main().server().stop();
        }
    }

    private static JsonNode assessCli(Path data, String... site) throws Exception {
        List<String> args = new ArrayList<>(
                List.of("assess", "--data", data.toString(), "--form", "room_rental", "--persons", "4", "--json"));
        args.addAll(List.of(site));
        var r = StoreCommandsTest.run(args.toArray(String[]::new));
        assertEquals(Main.OK, r.code(), r::toString);
        return JSON.readTree(r.out());
    }

    /** The facility_reach result of an assessment; fails when the answer lacks it. */
    private static JsonNode reach(JsonNode assessment) {
        for (JsonNode c : assessment.get("criteria")) if (c.get("id").asText().equals("facility_reach")) return c;
        throw new AssertionError("no facility_reach in the answer: " + assessment);
    }

    private static void assertNoNetwork(JsonNode assessment) {
        JsonNode reach = reach(assessment);
        assertEquals("unknown", reach.get("status").asText(), reach.toString());
        assertEquals(
                "no walking/cycling network in this data set",
                reach.at("/evidence/reason").asText());
        assertTrue(
                reach.at("/message/nl").asText().contains("geen loop- en fietsnetwerk")
                        && reach.at("/message/en").asText().contains("import --osm FILE"),
                reach.toString());
        assertNotEquals("allowed", assessment.get("verdict").asText(), "an unknown criterion is no allowed");
    }

    /** Walking and cycling minutes per category, in the profile's order (null where none is reachable). */
    private static List<Double> minutes(JsonNode reach) {
        List<Double> m = new ArrayList<>();
        for (JsonNode c : reach.at("/evidence/categories")) {
            for (String mode : List.of("walking", "cycling")) {
                JsonNode t = c.get(mode);
                m.add(t == null || t.isNull() ? null : t.get("minutes").asDouble());
            }
        }
        return m;
    }

    private static double cyclingToSupermarket(JsonNode reach) {
        for (JsonNode c : reach.at("/evidence/categories")) {
            if (c.get("category").asText().equals("supermarket"))
                return c.at("/cycling/minutes").asDouble();
        }
        throw new AssertionError("no supermarket in " + reach);
    }
}
