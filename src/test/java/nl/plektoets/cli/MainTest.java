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
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import nl.plektoets.data.Dataset;
import nl.plektoets.data.ImportProgress;
import nl.plektoets.data.directory.DataDirectory;
import nl.plektoets.demo.CommittedDemo;
import nl.plektoets.policy.PolicyProfile;
import nl.plektoets.registers.AssessmentSnapshots;
import nl.plektoets.registers.RegisterJson;
import nl.plektoets.registers.Registers;
import nl.plektoets.registers.TestTerms;
import nl.plektoets.roomrental.Dwelling;
import nl.plektoets.roomrental.RoomRentalRules;
import nl.plektoets.roomrental.StreetLimitGuard;
import nl.plektoets.store.Store;
import nl.plektoets.store.embedded.GeoPackageStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI in-process: real commands on real files, stdout, stderr and exit codes captured. */
class MainTest {
    private static final Path FIXTURE = Path.of("src", "test", "resources", "osm", "oosterbroek.osm");

    @TempDir
    Path tmp;

    record Run(int code, String out, String err, Main main) {}

    static Run run(String... args) {
        return run(Map.of(), args);
    }

    static Run run(Map<String, String> env, String... args) {
        return run(env, Path.of("gisdata", "demo"), args);
    }

    static Run run(Map<String, String> env, Path demoDataDir, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        Main main = new Main(
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                env,
                ImportProgress.NONE,
                demoDataDir);
        int code = main.run(args);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), main);
    }

    private static void assertUsage(Run r, String... inMessage) {
        assertEquals(Main.USAGE, r.code(), r::toString);
        for (String s : inMessage) assertTrue(r.err().contains(s), () -> "'" + s + "' not in: " + r.err());
    }

    private Path imported() {
        Path dir = tmp.resolve("oosterbroek");
        Run r = run(
                "import",
                "--osm",
                FIXTURE.toString(),
                "--name",
                "oosterbroek (OpenStreetMap)",
                "--out",
                dir.toString());
        assertEquals(Main.OK, r.code(), r::toString);
        return dir;
    }

    private List<String> leftovers() throws Exception {
        try (Stream<Path> s = Files.list(tmp)) {
            return s.map(p -> p.getFileName().toString())
                    .filter(n -> n.contains(".partial-") || n.contains(".importing-") || n.contains(".old-"))
                    .toList();
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
        assertTrue(
                serve.out().contains("--port VALUE")
                        && serve.out().contains("PLEKTOETS_PORT")
                        && serve.out().contains("default: 7070"),
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
        assertUsage(
                run("demo", "--out", tmp.resolve("d").toString(), "--addresses", "-5"),
                "--addresses '-5' must be a whole number from 500");
        assertUsage(run("import", "--out", tmp.resolve("i").toString()), "nothing to import", "--osm");
        assertUsage(
                run(
                        "import",
                        "--osm",
                        tmp.resolve("missing.osm").toString(),
                        "--out",
                        tmp.resolve("i").toString()),
                "no such file");
        assertUsage(run("assess", "--lon", "6.64", "--form", "room_rental", "--persons", "4"), "missing --lat");
        assertUsage(
                run("assess", "--lon", "6.64", "--lat", "north", "--form", "room_rental", "--persons", "4"),
                "--lat 'north' must be a number");
        assertUsage(run("assess", "--form", "room_rental", "--persons", "4"), "give the site once");
        assertUsage(
                run("assess", "--lon", "6.64", "--lat", "52.57", "--form", "room_rental", "--persons", "four"),
                "--persons 'four'");
        assertUsage(
                run(
                        "assess",
                        "--lon",
                        "6.64",
                        "--lat",
                        "52.57",
                        "--form",
                        "room_rental",
                        "--persons",
                        "4",
                        "--new-build=maybe"),
                "--new-build is a flag");
        assertFalse(
                Files.exists(tmp.resolve("d")) || Files.exists(tmp.resolve("i")), "a refused command wrote nothing");
    }

    @Test
    void importsAnOsmFileIntoACachedDataDirectory() throws Exception {
        Path dir = imported();
        JsonNode description =
                new ObjectMapper().readTree(dir.resolve("dataset.json").toFile());
        assertEquals("oosterbroek (OpenStreetMap)", description.get("name").asText());
        assertFalse(description.get("fictitious").asBoolean());
        assertTrue(Files.isRegularFile(dir.resolve("cache").resolve("dataset.bin")));
        assertEquals(List.of(), leftovers());
        // importing again replaces the directory as a whole
        Run again = run("import", "--osm", FIXTURE.toString(), "--name", "second", "--out", dir.toString());
        assertEquals(Main.OK, again.code(), again::toString);
        assertEquals(
                "second",
                new ObjectMapper()
                        .readTree(dir.resolve("dataset.json").toFile())
                        .get("name")
                        .asText());
        assertEquals(List.of(), leftovers());
    }

    @Test
    void aFailedImportLeavesNothingBehind() throws Exception {
        Path broken = tmp.resolve("broken.osm");
        Files.writeString(broken, "<?xml version=\"1.0\"?><osm version=\"0.6\"><node id=\"1\" lat=\"52.5\" lon=");
        Path dir = tmp.resolve("out");
        Run r = run("import", "--osm", broken.toString(), "--out", dir.toString());
        assertEquals(Main.USAGE, r.code(), r::toString);
        assertTrue(r.err().startsWith("import failed: broken.osm is not valid OSM XML"), r.err());
        assertFalse(r.err().contains("\tat "), "a message, no stack trace: " + r.err());
        assertFalse(Files.exists(dir));
        assertEquals(List.of(), leftovers());
    }

    @Test
    void assessesAnAddressAsTextAndJson() throws Exception {
        Path dir = imported();
        Run r = run(
                "assess",
                "--data",
                dir.toString(),
                "--address",
                "Hoofdstraat 12, Oosterbroek",
                "--form",
                "room_rental",
                "--persons",
                "4");
        assertEquals(Main.OK, r.code(), r::toString);
        // not allowed: the command line answers room_rental_street as the service does, and Hoofdstraat has 2
        // dwellings, fewer than the 5 a first room-rental dwelling needs (§5.1.3); the verdict comes with what it
        // means, then the class (issue 11 item 11f)
        assertTrue(r.out().startsWith("Verdict:        NOT ALLOWED\n                nl: Niet toegestaan"), r.out());
        assertTrue(
                r.out().contains("[fail]        room_rental_street     §5.1.3, §6.2.6")
                        && r.out().contains("Room rental not possible here: fewer than 5 dwellings"),
                r.out());
        assertTrue(
                r.out()
                        .contains(
                                "\nLocation class: built_up_area\nAddress:        Hoofdstraat 12, Oosterbroek (7771 AB)\n"),
                r.out());
        assertTrue(
                r.out().contains("Obligations (what the criteria ask of the initiator):\n  - A room-rental permit"),
                r.out());
        assertTrue(
                r.out().contains("Not checked by this service (the policy requires them too):\n")
                        && r.out()
                                .contains(
                                        "Stichting Normering Flexwonen (SNF) quality mark and certification of the company and"
                                                + " the site. [Bijlage 2]"),
                r.out());
        assertTrue(r.out().contains("[pass]        recreation_exclusion   §5.1.2"), r.out());
        // the imported directory keeps its walking/cycling network; the fixture has a supermarket but no doctor or
        // stop, so facility_reach (Bijlage 1) is unknown
        assertTrue(
                r.out().contains("[unknown]     facility_reach         Bijlage 1")
                        && r.out().contains("Buurtsuper 2.4/0.8 min"),
                r.out());

        r = run(
                "assess",
                "--data",
                dir.toString(),
                "--lon",
                "6.641",
                "--lat",
                "52.571",
                "--form",
                "housing_facility",
                "--persons",
                "12",
                "--json");
        assertEquals(Main.OK, r.code(), r::toString);
        JsonNode answer = new ObjectMapper().readTree(r.out());
        assertEquals("not_allowed", answer.get("verdict").asText());
        assertEquals(
                "oosterbroek (OpenStreetMap)", answer.get("dataset").get("name").asText());
        assertEquals("hardenberg-2025", answer.get("policy").get("id").asText());

        // the same point in RD New gives the same answer
        var rd = nl.plektoets.geo.WorkingCrs.rdNew().fromLonLat(6.641, 52.571);
        r = run(
                "assess",
                "--data",
                dir.toString(),
                "--x",
                Double.toString(rd.x),
                "--y",
                Double.toString(rd.y),
                "--form",
                "housing_facility",
                "--persons",
                "12",
                "--json");
        assertEquals(Main.OK, r.code(), r::toString);
        JsonNode same = new ObjectMapper().readTree(r.out());
        assertEquals(answer.get("criteria"), same.get("criteria"));
        assertEquals(answer.get("site"), same.get("site"));
    }

    @Test
    void assessOnTheCommandLineAnswersRoomRentalStreetFromTheServicesRegister() throws Exception {
        Path dir = imported();
        String[] assess = {
            "assess",
            "--data",
            dir.toString(),
            "--address",
            "Hoofdstraat 12, Oosterbroek",
            "--form",
            "room_rental",
            "--persons",
            "4",
            "--json"
        };
        // no store beside the data yet: the criterion is still answered (an empty register), and nothing is created
        Run r = run(assess);
        assertEquals(Main.OK, r.code(), r::toString);
        JsonNode before = criterion(new ObjectMapper().readTree(r.out()), "room_rental_street");
        assertTrue(before != null, "room_rental_street is never absent: " + r.out());
        assertEquals(0, before.at("/evidence/pending").asInt(), before::toString);
        assertFalse(Files.exists(dir.resolve(GeoPackageStore.FILE_NAME)), "assess must not create a store");

        // an application in the store serve keeps (the embedded GeoPackage) counts in the command line's answer
        Dataset data = DataDirectory.load(dir, null, ImportProgress.NONE);
        RoomRentalRules rules =
                RoomRentalRules.of(data, PolicyProfile.load(null).roomRental());
        Dwelling other =
                rules.model().byAddress("Hoofdstraat 14", "Oosterbroek").orElseThrow();
        try (Store store = GeoPackageStore.open(dir, Clock.systemUTC())) {
            new Registers(
                            TestTerms.HARDENBERG,
                            store,
                            Clock.systemUTC(),
                            AssessmentSnapshots.NONE,
                            new StreetLimitGuard(rules))
                    .createPermit(
                            RegisterJson.MAPPER
                                    .createObjectNode()
                                    .put("address", "Hoofdstraat 14, Oosterbroek")
                                    .put("street", other.streetName())
                                    .put("town", other.town())
                                    .put("rooms", 3)
                                    .put("persons", 4)
                                    .put("status", "applied"),
                            "test");
        }
        r = run(assess);
        assertEquals(Main.OK, r.code(), r::toString);
        JsonNode after = criterion(new ObjectMapper().readTree(r.out()), "room_rental_street");
        assertEquals(1, after.at("/evidence/pending").asInt(), after::toString);
    }

    private static JsonNode criterion(JsonNode answer, String id) {
        for (JsonNode c : answer.get("criteria")) if (c.get("id").asText().equals(id)) return c;
        return null;
    }

    @Test
    void assessRefusesWhatTheApiRefuses() throws Exception {
        Path dir = imported();
        assertUsage(
                run(
                        "assess",
                        "--data",
                        dir.toString(),
                        "--lon",
                        "4.9",
                        "--lat",
                        "52.37",
                        "--form",
                        "room_rental",
                        "--persons",
                        "4"),
                "outside the dataset");
        assertUsage(
                run(
                        "assess",
                        "--data",
                        dir.toString(),
                        "--address",
                        "Hoofdstraat 99, Oosterbroek",
                        "--form",
                        "room_rental",
                        "--persons",
                        "4"),
                "No address",
                "  Hoofdstraat 12, Oosterbroek");
        assertUsage(
                run(
                        "assess",
                        "--data",
                        dir.toString(),
                        "--lon",
                        "6.641",
                        "--lat",
                        "52.571",
                        "--form",
                        "hotel",
                        "--persons",
                        "4"),
                "Unknown form 'hotel'");
        assertUsage(
                run(
                        "assess",
                        "--data",
                        tmp.resolve("nothing").toString(),
                        "--lon",
                        "6.641",
                        "--lat",
                        "52.571",
                        "--form",
                        "room_rental",
                        "--persons",
                        "4"),
                "does not exist");
        assertUsage(
                run(
                        "assess",
                        "--data",
                        dir.toString(),
                        "--policy",
                        tmp.resolve("nope.yaml").toString(),
                        "--lon",
                        "6.641",
                        "--lat",
                        "52.571",
                        "--form",
                        "room_rental",
                        "--persons",
                        "4"),
                "nope.yaml",
                "does not exist");
    }

    @Test
    void serveStartsOnTheDataDirectoryAndAnswers() throws Exception {
        Path dir = imported();
        Run r = run("serve", "--data", dir.toString(), "--port", "0", "--host", "127.0.0.1");
        assertEquals(Main.OK, r.code(), r::toString);
        try {
            int port = r.main().server().port();
            assertTrue(r.out().contains("on http://localhost:" + port + "/"), r.out());
            HttpResponse<String> health = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertEquals(200, health.statusCode());
            assertEquals(
                    "oosterbroek (OpenStreetMap)",
                    new ObjectMapper()
                            .readTree(health.body())
                            .get("dataset")
                            .get("name")
                            .asText());
        } finally {
            r.main().server().stop();
        }
    }

    @Test
    void servesTheCommittedDemoMunicipalityAsFictitious() throws Exception {
        // a copy, so the test neither needs nor writes the cache in the working tree
        Path dir = CommittedDemo.copyTo(tmp.resolve("demo-copy"));
        Run r = run("serve", "--data", dir.toString(), "--port", "0", "--host", "127.0.0.1");
        assertEquals(Main.OK, r.code(), r::toString);
        assertTrue(r.out().contains("(fictitious)"), r.out());
        try {
            String base = "http://127.0.0.1:" + r.main().server().port();
            HttpClient http = HttpClient.newHttpClient();
            JsonNode found = new ObjectMapper()
                    .readTree(http.send(
                                    HttpRequest.newBuilder(URI.create(base + "/api/v1/addresses?q=a&limit=1"))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString())
                            .body());
            String label =
                    found.get("features").get(0).get("properties").get("label").asText();
            HttpResponse<String> answer = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/api/v1/assessments"))
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    "{\"address\":\"" + label + "\",\"form\":\"room_rental\",\"persons\":4}"))
                            .header("Content-Type", "application/json")
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, answer.statusCode(), answer.body());
            JsonNode a = new ObjectMapper().readTree(answer.body());
            assertTrue(a.get("dataset").get("fictitious").asBoolean());
            assertEquals(label, a.get("address").get("label").asText());
            // the five built-in criteria, the four environment criteria (Bijlage 1, the profile has their blocks),
            // then facility_reach (Bijlage 1), since the directory has a network, then room_rental_street (§5.1.3,
            // §6.2.6) over the register, then spread (§5.1.1) and neighbours (§5.1.4, Bijlage 3)
            assertEquals(13, a.get("criteria").size(), a.get("criteria")::toString);
            assertEquals(
                    List.of("environmental_zoning", "noise", "livestock_odour", "external_safety"),
                    List.of(
                            a.get("criteria").get(5).get("id").asText(),
                                    a.get("criteria").get(6).get("id").asText(),
                            a.get("criteria").get(7).get("id").asText(),
                                    a.get("criteria").get(8).get("id").asText()));
            assertEquals(
                    "room_rental_street", a.get("criteria").get(10).get("id").asText());
            assertEquals(
                    List.of("spread", "neighbours"),
                    List.of(
                            a.get("criteria").get(11).get("id").asText(),
                            a.get("criteria").get(12).get("id").asText()));
            JsonNode reach = a.get("criteria").get(9);
            assertEquals("facility_reach", reach.get("id").asText());
            assertEquals("Bijlage 1", reach.get("policyRef").asText());
            assertTrue(
                    reach.get("evidence")
                            .get("access")
                            .get("foot")
                            .get("snapped")
                            .asBoolean(),
                    reach::toString);
            assertEquals(3, reach.get("evidence").get("categories").size(), reach::toString);
        } finally {
            r.main().server().stop();
        }
    }

    @Test
    void serveFillsAnEmptyDemoDirectoryWithTheDemoFirst() throws Exception {
        // as with the default gisdata/demo: absent, and present with an unrelated file
        for (boolean withReadme : new boolean[] {false, true}) {
            Path dir = tmp.resolve(withReadme ? "with-readme" : "absent").resolve("demo");
            if (withReadme) Files.writeString(Files.createDirectories(dir).resolve("README.txt"), "kept");
            Run r = run(Map.of(), dir, "serve", "--data", dir.toString(), "--port", "0", "--host", "127.0.0.1");
            try {
                assertEquals(Main.OK, r.code(), r::toString);
                assertTrue(r.err().contains("generating the fictitious demo municipality"), r.err());
                assertTrue(r.out().contains("(fictitious)"), r.out());
                assertTrue(Files.isRegularFile(dir.resolve("demo.osm.gz"))
                        && Files.isRegularFile(dir.resolve("dataset.json")));
                if (withReadme) assertEquals("kept", Files.readString(dir.resolve("README.txt")));
            } finally {
                if (r.main().server() != null) r.main().server().stop();
            }
            try (Stream<Path> s = Files.list(dir.getParent())) {
                assertEquals(
                        List.of("demo"), s.map(p -> p.getFileName().toString()).toList(), "no staging directory left");
            }
        }
        // any other empty directory is not the demo's: it is refused, not filled
        Path other = Files.createDirectories(tmp.resolve("other"));
        assertUsage(run("serve", "--data", other.toString(), "--port", "0"), "holds no OSM file");
    }

    @Test
    void demoWritesAFictitiousDataDirectoryAndRefusesANonEmptyOne() throws Exception {
        Path dir = tmp.resolve("demo");
        Run r = run("demo", "--out", dir.toString(), "--addresses", "500", "--seed", "7");
        assertEquals(Main.OK, r.code(), r::toString);
        JsonNode description =
                new ObjectMapper().readTree(dir.resolve("dataset.json").toFile());
        assertTrue(description.get("fictitious").asBoolean());
        assertTrue(Files.isRegularFile(dir.resolve("demo.osm.gz")));
        assertEquals(List.of(), leftovers());
        long size = Files.size(dir.resolve("demo.osm.gz"));
        assertUsage(run("demo", "--out", dir.toString()), "is not empty");
        assertEquals(size, Files.size(dir.resolve("demo.osm.gz")));
    }

    @Test
    void aZoningPlanWhoseZonesMapToNoRoleSaysWhichZonesAndHowToMapThem() throws Exception {
        // a town-centre plan: the fixture's zones renamed to groen, kantoor and maatschappelijk, none of them a role
        String gml = Files.readString(
                        Path.of("src", "test", "resources", "imro", "NL.IMRO.9999.BPfixture2012-va01.gml"))
                .replace(">agrarisch met waarden<", ">groen<")
                .replace(">bedrijventerrein<", ">kantoor<")
                .replace(">recreatie<", ">maatschappelijk<");
        Path plan = tmp.resolve("NL.IMRO.9999.BPcentrum-va01.gml");
        Files.writeString(plan, gml);
        Run r = run(
                "import",
                "--imro",
                plan.toString(),
                "--out",
                tmp.resolve("centrum").toString());
        assertEquals(1, r.code(), r::toString);
        assertTrue(r.err().contains("zones without a role: groen, kantoor, maatschappelijk"), r.err());
        assertTrue(r.err().contains("--imro-mapping FILE") && r.err().contains("imro-roles.yaml"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }
}
