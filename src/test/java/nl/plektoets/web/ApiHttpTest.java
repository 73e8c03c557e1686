package nl.plektoets.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import java.io.IOException;
import java.util.Map;
import java.util.function.Function;
import nl.plektoets.assess.Assessment;
import nl.plektoets.config.Config;
import nl.plektoets.data.FixtureDataset;
import nl.plektoets.request.AssessmentRequest;
import org.junit.jupiter.api.Test;

/**
 * The HTTP API against the real server (JavalinTest) on the WKT fixture dataset: every kind of bad input gets its
 * status and problem+json, and the main read-only responses match their golden files. Assessments proper are in
 * {@link AssessmentHttpTest}, on the real engine.
 */
class ApiHttpTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Refused requests must never reach the engine; this fails the test if one does. */
    private static final Function<AssessmentRequest, Assessment> MUST_NOT_ASSESS = r -> {
        throw new AssertionError("a refused request reached the engine: " + r);
    };

    private static Javalin app() {
        return app(Config.defaults().with(Map.of("port", "0")));
    }

    private static Javalin app(Config config) {
        Api api = new Api(
                config, FixtureDataset.create(), MUST_NOT_ASSESS, new PolicyInfo("fixture-policy", "Fixture policy"));
        return Routes.create(api, config);
    }

    record Answer(int status, String contentType, JsonNode body, Response response) {}

    static Answer post(HttpClient client, String path, String body) throws IOException {
        return answer(client.request(
                path,
                b -> b.post(java.net.http.HttpRequest.BodyPublishers.ofString(body))
                        .header("Content-Type", "application/json; charset=utf-8")));
    }

    static Answer get(HttpClient client, String path) throws IOException {
        return answer(client.get(path));
    }

    /** The header's first value, or null when the answer has none. */
    static String header(Response r, String name) {
        java.util.List<String> values = r.headers().get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static Answer answer(Response r) throws IOException {
        String text = r.body().string();
        return new Answer(r.code(), header(r, "Content-Type"), text.isEmpty() ? null : JSON.readTree(text), r);
    }

    /** Asserts a problem+json answer with status, type and field; returns its body for further checks. */
    static JsonNode problem(Answer a, int status, String type, String field) {
        assertEquals(status, a.status(), () -> String.valueOf(a.body()));
        assertTrue(a.contentType().startsWith("application/problem+json"), a.contentType());
        assertEquals("urn:plektoets:problem:" + type, a.body().get("type").asText(), a.body()::toString);
        assertEquals(status, a.body().get("status").asInt());
        assertTrue(a.body().get("title").asText().length() > 3);
        assertTrue(a.body().get("detail").asText().length() > 10);
        assertTrue(a.body().get("dataset").get("fictitious").asBoolean(), "every answer names the dataset");
        if (field == null) assertTrue(!a.body().has("field"), a.body()::toString);
        else assertEquals(field, a.body().path("field").asText(), a.body()::toString);
        return a.body();
    }

    private static final String POINT_IN_VILLAGE = "{\"type\":\"Point\",\"coordinates\":[240020,510020]}";

    private static String request(String site, String form, String persons) {
        return "{\"site\":" + site + ",\"crs\":\"EPSG:28992\",\"form\":" + form + ",\"persons\":" + persons + "}";
    }

    @Test
    void refusesMalformedJson() {
        JavalinTest.test(app(), (server, client) -> {
            JsonNode p = problem(
                    post(client, "/api/v1/assessments", "{\"form\": \"room_rental\","), 400, "malformed-json", null);
            assertTrue(p.get("detail").asText().contains("line 1"), p::toString);
            problem(post(client, "/api/v1/assessments", ""), 400, "malformed-json", null);
            problem(post(client, "/api/v1/assessments", "{\"persons\":1,\"persons\":2}"), 400, "malformed-json", null);
            problem(post(client, "/api/v1/assessments", "{} {}"), 400, "malformed-json", null);
            problem(post(client, "/api/v1/assessments", "[1]"), 400, "invalid-request", null);
        });
    }

    @Test
    void refusesUnknownFormAndBadPersons() {
        JavalinTest.test(app(), (server, client) -> {
            JsonNode p = problem(
                    post(client, "/api/v1/assessments", request(POINT_IN_VILLAGE, "\"hotel\"", "4")),
                    400,
                    "invalid-request",
                    "form");
            assertTrue(p.get("detail").asText().contains("room_rental, housing_facility"), p::toString);
            problem(
                    post(client, "/api/v1/assessments", request(POINT_IN_VILLAGE, "4", "4")),
                    400,
                    "invalid-request",
                    "form");
            for (String persons : new String[] {"0", "-3", "2.5", "4.0", "\"4\"", "null", "1e3", "99999999999"}) {
                problem(
                        post(client, "/api/v1/assessments", request(POINT_IN_VILLAGE, "\"room_rental\"", persons)),
                        400,
                        "invalid-request",
                        "persons");
            }
            problem(
                    post(
                            client,
                            "/api/v1/assessments",
                            "{\"site\":" + POINT_IN_VILLAGE + ",\"crs\":\"EPSG:28992\",\"form\":\"room_rental\"}"),
                    400,
                    "invalid-request",
                    "persons");
        });
    }

    @Test
    void refusesUnknownMembersAndSiteWithAddress() {
        JavalinTest.test(app(), (server, client) -> {
            problem(
                    post(
                            client,
                            "/api/v1/assessments",
                            "{\"site\":" + POINT_IN_VILLAGE
                                    + ",\"form\":\"room_rental\",\"persons\":4,\"newbuild\":true}"),
                    400,
                    "invalid-request",
                    "newbuild");
            problem(
                    post(
                            client,
                            "/api/v1/assessments",
                            "{\"site\":" + POINT_IN_VILLAGE
                                    + ",\"address\":\"Hoofdstraat 12\",\"form\":\"room_rental\",\"persons\":4}"),
                    400,
                    "invalid-request",
                    "address");
            problem(
                    post(client, "/api/v1/assessments", "{\"form\":\"room_rental\",\"persons\":4}"),
                    400,
                    "invalid-request",
                    "site");
            problem(
                    post(
                            client,
                            "/api/v1/assessments",
                            request(POINT_IN_VILLAGE, "\"room_rental\"", "4").replace("EPSG:28992", "EPSG:4326")),
                    400,
                    "invalid-request",
                    "crs");
            problem(
                    post(
                            client,
                            "/api/v1/assessments",
                            "{\"site\":" + POINT_IN_VILLAGE
                                    + ",\"form\":\"room_rental\",\"persons\":4,\"newBuild\":\"yes\"}"),
                    400,
                    "invalid-request",
                    "newBuild");
        });
    }

    @Test
    void refusesInvalidGeoJson() {
        JavalinTest.test(app(), (server, client) -> {
            JsonNode p = problem(
                    post(
                            client,
                            "/api/v1/assessments",
                            request(
                                    "{\"type\":\"Polygon\",\"coordinates\":[[[240000,510000],[240100,510000],[240100,510100],[240000,510001]]]}",
                                    "\"room_rental\"",
                                    "4")),
                    400,
                    "invalid-geojson",
                    "site.coordinates[0]");
            assertTrue(p.get("detail").asText().contains("ring not closed"), p::toString);
            problem(
                    post(
                            client,
                            "/api/v1/assessments",
                            request(
                                    "{\"type\":\"LineString\",\"coordinates\":[[240000,510000],[240100,510000]]}",
                                    "\"room_rental\"",
                                    "4")),
                    400,
                    "invalid-geojson",
                    "site.type");
            // lon/lat sent as RD New, and RD New sent as CRS84: the message points at the crs member
            p = problem(
                    post(
                            client,
                            "/api/v1/assessments",
                            "{\"site\":" + POINT_IN_VILLAGE + ",\"form\":\"room_rental\",\"persons\":4}"),
                    400,
                    "invalid-geojson",
                    "site.coordinates[0]");
            assertTrue(p.get("detail").asText().contains("\"crs\": \"EPSG:28992\""), p::toString);
        });
    }

    @Test
    void refusesSelfIntersectingPolygonWithItsLocation() {
        JavalinTest.test(app(), (server, client) -> {
            JsonNode p = problem(
                    post(
                            client,
                            "/api/v1/assessments",
                            request(
                                    "{\"type\":\"Polygon\",\"coordinates\":[[[240000,510000],[240100,510100],[240100,510000],[240000,510100],[240000,510000]]]}",
                                    "\"room_rental\"",
                                    "4")),
                    422,
                    "self-intersection",
                    "site");
            assertEquals(
                    "{\"type\":\"Point\",\"coordinates\":[240050.0,510050.0]}",
                    p.get("location").toString());
            assertTrue(p.get("detail").asText().contains("at [240050.0, 510050.0]"), p::toString);
            // a hole outside its outer ring: invalid, though no edge crosses another
            p = problem(
                    post(
                            client,
                            "/api/v1/assessments",
                            request(
                                    "{\"type\":\"Polygon\",\"coordinates\":[[[240000,510000],[240100,510000],[240100,510100],[240000,510000]],"
                                            + "[[240200,510000],[240250,510000],[240250,510050],[240200,510000]]]}",
                                    "\"room_rental\"",
                                    "4")),
                    422,
                    "invalid-geometry",
                    "site");
            assertTrue(p.get("detail").asText().contains("Hole lies outside shell"), p::toString);
        });
    }

    @Test
    void refusesSitesOutsideTheDatasetAndTooLarge() {
        JavalinTest.test(app(), (server, client) -> {
            // Amsterdam, in CRS84: far outside the fixture near Hardenberg
            JsonNode p = problem(
                    post(
                            client,
                            "/api/v1/assessments",
                            "{\"site\":{\"type\":\"Point\",\"coordinates\":[4.9,52.37]},"
                                    + "\"form\":\"room_rental\",\"persons\":4}"),
                    422,
                    "outside-extent",
                    "site");
            assertEquals(4, p.get("datasetBbox").size());
            // 2 km x 1.5 km = 3 km2, inside the fixture's extent but over the 1 km2 limit
            p = problem(
                    post(
                            client,
                            "/api/v1/assessments",
                            request(
                                    "{\"type\":\"Polygon\",\"coordinates\":[[[239000,509000],[241000,509000],[241000,510500],[239000,510500],[239000,509000]]]}",
                                    "\"housing_facility\"",
                                    "20")),
                    422,
                    "site-too-large",
                    "site");
            assertEquals(3_000_000, p.get("areaM2").asLong());
        });
    }

    @Test
    void refusesBodiesOverTheLimit() {
        JavalinTest.test(app(), (server, client) -> {
            String big =
                    "{\"form\":\"room_rental\",\"persons\":4,\"site\":{\"type\":\"Point\",\"coordinates\":[240020,510020]},\"crs\":\"EPSG:28992\""
                            + ",\"padding\":\"" + "x".repeat(1_100_000) + "\"}";
            problem(post(client, "/api/v1/assessments", big), 413, "body-too-large", null);
        });
        // a smaller configured limit applies as well
        JavalinTest.test(
                app(Config.defaults().with(Map.of("port", "0", "max-body-bytes", "50"))),
                (server, client) -> problem(
                        post(client, "/api/v1/assessments", request(POINT_IN_VILLAGE, "\"room_rental\"", "4")),
                        413,
                        "body-too-large",
                        null));
    }

    @Test
    void refusesUnknownAndAmbiguousAddressesWithCandidates() {
        JavalinTest.test(app(), (server, client) -> {
            JsonNode p = problem(
                    post(
                            client,
                            "/api/v1/assessments",
                            "{\"address\":\"Hoofdstraat 12\",\"form\":\"room_rental\",\"persons\":4}"),
                    422,
                    "address-ambiguous",
                    "address");
            Golden.assertMatches("address-ambiguous", p);
            p = problem(
                    post(
                            client,
                            "/api/v1/assessments",
                            "{\"address\":\"Hoofdstraat 99, Oosterbroek\",\"form\":\"room_rental\",\"persons\":4}"),
                    422,
                    "address-not-found",
                    "address");
            assertEquals(
                    "Hoofdstraat 1, Oosterbroek",
                    p.get("candidates").get(0).get("label").asText());
            problem(
                    post(client, "/api/v1/assessments", "{\"address\":12,\"form\":\"room_rental\",\"persons\":4}"),
                    400,
                    "invalid-request",
                    "address");
        });
    }

    @Test
    void layers() {
        JavalinTest.test(app(), (server, client) -> {
            Answer a = get(client, "/api/v1/layers");
            assertEquals(200, a.status());
            Golden.assertMatches("layers", a.body());

            a = get(client, "/api/v1/layers/address?limit=2");
            assertEquals(200, a.status());
            assertTrue(a.contentType().startsWith("application/geo+json"), a.contentType());
            assertEquals("<http://www.opengis.net/def/crs/OGC/1.3/CRS84>", header(a.response(), "Content-Crs"));
            Golden.assertMatches("layer-address-page1", a.body());
            String next = a.body().get("links").get(1).get("href").asText();
            assertEquals("/api/v1/layers/address?limit=2&offset=2", next);
            a = get(client, next);
            assertEquals(2, a.body().get("numberReturned").asInt());
            assertEquals(5, a.body().get("numberMatched").asInt());
            a = get(client, "/api/v1/layers/address?limit=2&offset=4");
            assertEquals(1, a.body().get("numberReturned").asInt());
            assertEquals(
                    java.util.List.of("self", "prev"), a.body().get("links").findValuesAsText("rel"));
        });
    }

    @Test
    void layerBboxInCrs84AndRdNewAndClampedLimit() {
        JavalinTest.test(app(), (server, client) -> {
            // the business park only: x 242000..243000, y 509000..510000 in RD New
            Answer a = get(
                    client,
                    "/api/v1/layers/address?bbox=242400,509400,242600,509600&bbox-crs=EPSG:28992&crs=EPSG:28992");
            assertEquals(200, a.status(), a.body()::toString);
            assertEquals("<http://www.opengis.net/def/crs/EPSG/0/28992>", header(a.response(), "Content-Crs"));
            assertEquals(1, a.body().get("numberMatched").asInt());
            assertEquals(
                    "[242500.0,509500.0]",
                    a.body()
                            .get("features")
                            .get(0)
                            .get("geometry")
                            .get("coordinates")
                            .toString());
            assertEquals(
                    "Industrieweg",
                    a.body()
                            .get("features")
                            .get(0)
                            .get("properties")
                            .get("street")
                            .asText());
            // the same box in CRS84 (its corners converted), features in lon/lat
            var sw = nl.plektoets.geo.WorkingCrs.rdNew().toLonLat(242400, 509400);
            var ne = nl.plektoets.geo.WorkingCrs.rdNew().toLonLat(242600, 509600);
            a = get(client, "/api/v1/layers/address?bbox=" + sw.x + "," + sw.y + "," + ne.x + "," + ne.y);
            assertEquals(1, a.body().get("numberMatched").asInt(), a.body()::toString);
            double lon = a.body()
                    .get("features")
                    .get(0)
                    .get("geometry")
                    .get("coordinates")
                    .get(0)
                    .asDouble();
            assertTrue(lon > sw.x && lon < ne.x, a.body()::toString);
            a = get(client, "/api/v1/layers/building?limit=100000");
            assertTrue(a.body().get("links").get(0).get("href").asText().contains("limit=1000"), a.body()::toString);
        });
    }

    @Test
    void refusesUnknownRoleBadBboxAndUnknownParameters() {
        JavalinTest.test(app(), (server, client) -> {
            JsonNode p = problem(get(client, "/api/v1/layers/houses"), 404, "not-found", "role");
            assertTrue(p.get("detail").asText().contains("agricultural_plot"), p::toString);
            problem(get(client, "/api/v1/layers/road?bbox=1,2,3"), 400, "invalid-parameter", "bbox");
            problem(get(client, "/api/v1/layers/road?bbox=6.6,52.6,6.5,52.7"), 400, "invalid-parameter", "bbox");
            problem(get(client, "/api/v1/layers/road?bbox=a,b,c,d"), 400, "invalid-parameter", "bbox");
            problem(
                    get(client, "/api/v1/layers/road?bbox=240000,510000,241000,511000"),
                    400,
                    "invalid-parameter",
                    "bbox");
            problem(get(client, "/api/v1/layers/road?bbox-crs=EPSG:28992"), 400, "invalid-parameter", "bbox-crs");
            problem(get(client, "/api/v1/layers/road?crs=EPSG:4326"), 400, "invalid-parameter", "crs");
            problem(get(client, "/api/v1/layers/road?limit=0"), 400, "invalid-parameter", "limit");
            problem(get(client, "/api/v1/layers/road?limit=ten"), 400, "invalid-parameter", "limit");
            problem(get(client, "/api/v1/layers/road?offset=-1"), 400, "invalid-parameter", "offset");
            problem(get(client, "/api/v1/layers/road?lmit=5"), 400, "invalid-parameter", "lmit");
            problem(get(client, "/api/v1/layers/road?limit=5&limit=6"), 400, "invalid-parameter", "limit");
            problem(get(client, "/api/v1/addresses?q=hoofd&page=2"), 400, "invalid-parameter", "page");
            problem(get(client, "/api/v1/addresses"), 400, "invalid-parameter", "q");
            problem(get(client, "/api/v1/nothing"), 404, "not-found", null);
            problem(get(client, "/api/v1/assessments"), 405, "method-not-allowed", null);
        });
    }

    @Test
    void addressesAndHealth() {
        JavalinTest.test(app(), (server, client) -> {
            Answer a = get(client, "/api/v1/addresses?q=hoofdstraat%2012");
            assertEquals(200, a.status());
            Golden.assertMatches("addresses-hoofdstraat-12", a.body());
            a = get(client, "/api/v1/addresses?q=hoofd&limit=1");
            assertEquals(1, a.body().get("numberReturned").asInt());
            a = get(client, "/health");
            assertEquals(200, a.status());
            Golden.assertMatches("health", a.body());
        });
    }

    @Test
    void servesTheFrontendPage() {
        JavalinTest.test(app(), (server, client) -> {
            Response r = client.get("/");
            assertEquals(200, r.code());
            assertTrue(header(r, "Content-Type").startsWith("text/html"), header(r, "Content-Type"));
            assertTrue(r.body().string().contains("<title>plektoets</title>"));
        });
    }
}
