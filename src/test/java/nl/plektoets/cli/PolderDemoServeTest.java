package nl.plektoets.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18, the second demo out of the box: {@code serve --policy-profile noordoostpolder-2024} without {@code --data}
 * generates the fictitious polder in its own directory beside the default one (never in it), enters its register of
 * existing locations into that directory's embedded store, and serves it over real HTTP. Sites are picked from the
 * served layers by their role, and Noordoostpolder's rules give their answers on them: a village is closed (§3), a
 * small location on the employer's own erf passes and on another farm's erf fails (§4, §2), a medium location in the
 * countryside goes through the round (§5, §6) with the cap counted from the demo's register (one medium place left,
 * the large category full), and a round opened on it offers exactly those places.
 */
@Tag("slow") // generates the polder and imports its walking/cycling network
class PolderDemoServeTest {
    static final String PLANNER = "planner-token-0123456789abcdef";
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path tmp;

    static MainTest.Run served;
    static int port;

    @BeforeAll
    static void serve() throws Exception {
        Path tokens = tmp.resolve("tokens.txt");
        Files.writeString(tokens, "ans planner " + PLANNER + "\n");
        served = MainTest.run(
                Map.of(),
                tmp.resolve("gisdata").resolve("demo"),
                "serve",
                "--policy-profile",
                "noordoostpolder-2024",
                "--tokens",
                tokens.toString(),
                "--port",
                "0");
        assertEquals(Main.OK, served.code(), served::toString);
        port = served.main().server().port();
    }

    @AfterAll
    static void stop() {
        if (served != null && served.main().server() != null)
            served.main().server().stop();
    }

    record Answer(int status, JsonNode body) {}

    static Answer send(String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Authorization", "Bearer " + PLANNER);
        if (body != null) b.header("Content-Type", "application/json");
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(r.statusCode(), r.body().isEmpty() ? null : JSON.readTree(r.body()));
    }

    static JsonNode get(String path) throws Exception {
        Answer a = send("GET", path, null);
        assertEquals(200, a.status(), () -> path + ": " + a.body());
        return a.body();
    }

    static JsonNode assess(ObjectNode request) throws Exception {
        Answer a = send("POST", "/api/v1/assessments", request.toString());
        assertEquals(200, a.status(), () -> request + ": " + a.body());
        return a.body();
    }

    static JsonNode criterion(JsonNode answer, String id) {
        for (JsonNode c : answer.get("criteria")) if (c.get("id").asText().equals(id)) return c;
        throw new AssertionError("no " + id + " in " + answer);
    }

    static ObjectNode request(double[] lonLat, String form, int persons) {
        ObjectNode r = JSON.createObjectNode();
        ObjectNode site = r.putObject("site");
        site.put("type", "Point");
        site.putArray("coordinates").add(lonLat[0]).add(lonLat[1]);
        r.put("form", form);
        r.put("persons", persons);
        return r;
    }

    /** The mean of a polygon's outer ring (an erf is a rectangle: its centre). */
    static double[] centre(JsonNode polygon) {
        JsonNode ring = polygon.at("/coordinates/0");
        double x = 0, y = 0;
        int n = ring.size() - 1;
        for (int i = 0; i < n; i++) {
            x += ring.get(i).get(0).asDouble();
            y += ring.get(i).get(1).asDouble();
        }
        return new double[] {x / n, y / n};
    }

    static double[] offset(double[] lonLat, double eastM, double northM) {
        double mPerDegLon = 111_320 * Math.cos(Math.toRadians(lonLat[1]));
        return new double[] {lonLat[0] + eastM / mPerDegLon, lonLat[1] + northM / 111_320};
    }

    /** Whether the layer of {@code role} has a feature within about {@code m} metres of the point. */
    static boolean near(String role, double[] lonLat, double m) throws Exception {
        double[] sw = offset(lonLat, -m, -m), ne = offset(lonLat, m, m);
        JsonNode page = get(String.format(
                Locale.ROOT, "/api/v1/layers/%s?limit=1&bbox=%.7f,%.7f,%.7f,%.7f", role, sw[0], sw[1], ne[0], ne[1]));
        return page.get("features").size() > 0;
    }

    @Test
    void itServesThePolderFromItsOwnDirectoryNeverTheFirstDemos() throws Exception {
        Path polder = tmp.resolve("gisdata").resolve(Demos.POLDER_DIR);
        assertTrue(Files.isRegularFile(polder.resolve("demo.osm.gz")));
        assertTrue(Files.isRegularFile(polder.resolve("existing-locations.json")));
        assertFalse(Files.exists(tmp.resolve("gisdata").resolve("demo")), "the first demo's directory is untouched");
        assertTrue(served.err().contains("default: the demo of policy-profile noordoostpolder-2024"), served::err);
        JsonNode policy = get("/api/v1/policy");
        assertEquals("noordoostpolder-2024", policy.get("id").asText());
        JsonNode dataset = get("/api/v1/layers/village").get("dataset");
        assertTrue(dataset.get("fictitious").asBoolean(), dataset::toString);
        assertTrue(dataset.get("name").asText().contains("Kavelpolder"), dataset::toString);
    }

    @Test
    void aVillageIsClosedToEveryForm() throws Exception {
        JsonNode village = null;
        int count = 0;
        for (JsonNode v : get("/api/v1/layers/village").get("features")) {
            if (!v.at("/properties/place").asText().equals("village")) continue;
            count++;
            if (village == null) village = v;
        }
        assertEquals(6, count, "a ring of six villages around the town");
        double[] centre = {
            village.at("/geometry/coordinates/0").asDouble(),
            village.at("/geometry/coordinates/1").asDouble()
        };
        double[] sw = offset(centre, -150, -150), ne = offset(centre, 150, 150);
        JsonNode address = get(String.format(
                        Locale.ROOT,
                        "/api/v1/layers/address?limit=1&bbox=%.7f,%.7f,%.7f,%.7f",
                        sw[0],
                        sw[1],
                        ne[0],
                        ne[1]))
                .at("/features/0");
        assertEquals(
                village.at("/properties/name").asText(),
                address.at("/properties/town").asText());
        double[] at = {
            address.at("/geometry/coordinates/0").asDouble(),
            address.at("/geometry/coordinates/1").asDouble()
        };
        for (String form : List.of("room_rental", "housing_facility")) {
            JsonNode c = criterion(assess(request(at, form, 4)), "location_class");
            assertEquals("fail", c.get("status").asText(), c::toString);
            assertEquals("§3", c.get("policyRef").asText(), c::toString);
        }
    }

    @Test
    void aSmallLocationOnlyOnTheEmployersOwnErf() throws Exception {
        JsonNode erven = get("/api/v1/layers/erf?limit=2").get("features");
        JsonNode own = erven.get(0).get("geometry"), other = erven.get(1).get("geometry");
        double[] site = centre(own);

        ObjectNode onOwn = request(site, "housing_facility", 16);
        onOwn.put("employsMigrants", true);
        onOwn.set("employerErf", own);
        JsonNode pass = criterion(assess(onOwn), "location_class");
        assertEquals("pass", pass.get("status").asText(), pass::toString);
        assertTrue(pass.get("policyRef").asText().contains("§4"), pass::toString);

        ObjectNode onAnother = request(site, "housing_facility", 16);
        onAnother.put("employsMigrants", true);
        onAnother.set("employerErf", other);
        JsonNode fail = criterion(assess(onAnother), "location_class");
        assertEquals("fail", fail.get("status").asText(), fail::toString);
        assertTrue(fail.get("policyRef").asText().contains("§4"), fail::toString);
        assertTrue(fail.get("policyRef").asText().contains("§2"), fail::toString);

        ObjectNode noMigrants = request(site, "housing_facility", 16);
        noMigrants.put("employsMigrants", false);
        noMigrants.set("employerErf", own);
        assertEquals(
                "fail",
                criterion(assess(noMigrants), "location_class").get("status").asText());
    }

    /** A point in the open countryside: 400 m beside a farm's erf, with no erf, village, park or building near. */
    static double[] countryside() throws Exception {
        for (JsonNode erf : get("/api/v1/layers/erf?limit=20").get("features")) {
            double[] c = centre(erf.get("geometry"));
            for (double[] d : new double[][] {{400, 0}, {-400, 0}, {0, 400}, {0, -400}}) {
                double[] p = offset(c, d[0], d[1]);
                boolean taken = false;
                for (String role : List.of("erf", "built_up_area", "business_park", "recreation_zone", "building"))
                    taken |= near(role, p, 80);
                if (!taken && !near("road", p, 30)) return p;
            }
        }
        throw new AssertionError("no open countryside beside the first 20 erven");
    }

    @Test
    void aMediumLocationInTheCountrysideGoesThroughTheRoundWithinTheCapsOfTheRegister() throws Exception {
        double[] site = countryside();
        JsonNode medium = assess(request(site, "housing_facility", 100));
        JsonNode location = criterion(medium, "location_class");
        assertEquals("conditional", location.get("status").asText(), location::toString);
        assertEquals("§5, §6", location.get("policyRef").asText());
        JsonNode cap = criterion(medium, "location_cap");
        // the demo's register: 11 medium locations granted or realised of the 12 allowed (§5)
        assertEquals("pass", cap.get("status").asText(), cap::toString);
        assertEquals(11, cap.at("/evidence/taken").asInt());
        assertEquals(1, cap.at("/evidence/left").asInt());

        JsonNode large = assess(request(site, "housing_facility", 200));
        JsonNode full = criterion(large, "location_cap");
        assertEquals("fail", full.get("status").asText(), full::toString);
        assertEquals(6, full.at("/evidence/taken").asInt());
        assertEquals(0, full.at("/evidence/left").asInt());
        assertEquals("not_allowed", large.get("verdict").asText(), "a full cap decides");
    }

    @Test
    void aRoundOnTheDemoOffersThePlacesTheRegisterLeaves() throws Exception {
        Answer opened = send("POST", "/api/v1/rounds", """
                {"name": "Proefronde Kavelpolder", "opensOn": "2026-03-01", "closesOn": "2026-03-31"}""");
        assertEquals(201, opened.status(), () -> String.valueOf(opened.body()));
        JsonNode places = opened.body().get("places");
        assertEquals(
                List.of("medium", 12, 11, 1),
                List.of(
                        places.at("/0/category").asText(),
                        places.at("/0/cap").asInt(),
                        places.at("/0/held").asInt(),
                        places.at("/0/available").asInt()));
        assertEquals(
                List.of("large", 6, 6, 0),
                List.of(
                        places.at("/1/category").asText(),
                        places.at("/1/cap").asInt(),
                        places.at("/1/held").asInt(),
                        places.at("/1/available").asInt()));
        double[] site = countryside();
        Answer initiative = send("POST", "/api/v1/initiatives", String.format(Locale.ROOT, """
                {"site": {"type": "Point", "coordinates": [%.7f, %.7f]}, "form": "housing_facility", "persons": 120,
                 "initiator": "Proefbedrijf (fictief)", "initiatorKind": "organisation"}""", site[0], site[1]));
        assertEquals(201, initiative.status(), () -> String.valueOf(initiative.body()));
        long round = opened.body().get("id").asLong();
        Answer entry = send(
                "POST",
                "/api/v1/rounds/" + round + "/entries",
                String.format(Locale.ROOT, """
                {"initiativeId": %d, "submittedAt": "2026-03-10T10:00:00Z"}""", initiative.body().get("id").asLong()));
        assertEquals(201, entry.status(), () -> String.valueOf(entry.body()));
        JsonNode ranking = get("/api/v1/rounds/" + round + "/ranking");
        assertEquals(1, ranking.get("ranking").size(), ranking::toString);
        assertTrue(ranking.at("/dataset/fictitious").asBoolean(), ranking::toString);
    }
}
