package nl.plektoets.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import nl.plektoets.demo.CommittedDemo;
import nl.plektoets.registers.RegisterJson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole HTTP surface of {@code serve} (the committed demo, embedded store), taken from the route table Javalin
 * holds, so a route added later is covered without touching this test: every JSON answer names the dataset and says
 * the demo is {@code fictitious} (README), the CSV says it on every row, and the OpenAPI definition at
 * {@code /api/v1/openapi.json} describes exactly the routes the server registers.
 */
class ApiSurfaceTest {
    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");
    private static final String OPENAPI = "/api/v1/openapi.json";
    /** Query parameters that make a route answer 200 rather than 400; keyed by the route's path. */
    private static final Map<String, String> EXAMPLES = Map.of(
            "/api/v1/addresses", "q=%s",
            "/api/v1/reach", "lon=%s&lat=%s",
            "/api/v1/features", "lon=%s&lat=%s",
            "/api/v1/overview", "form=room_rental&persons=4&limit=1",
            "/api/v1/room-rental/check", "address=%s",
            "/api/v1/neighbours.csv", "address=%s",
            "/api/v1/layers/environmental_source/{id}/zone", "distance=50");

    private static final String REGISSEUR = "regisseur-token-0123456789abcd";

    @TempDir
    static Path tmp;

    static StoreCommandsTest.Run served;
    static int port;

    @BeforeAll
    static void serve() throws Exception {
        Path data = CommittedDemo.copyTo(tmp.resolve("demo"));
        Path tokens = tmp.resolve("tokens.txt");
        Files.writeString(tokens, "ans planner " + StoreCommandsTest.PLANNER + "\nrita regisseur " + REGISSEUR + "\n");
        served =
                StoreCommandsTest.run("serve", "--data", data.toString(), "--tokens", tokens.toString(), "--port", "0");
        assertEquals(Main.OK, served.code(), served::toString);
        port = served.main().server().port();
    }

    @AfterAll
    static void stop() {
        if (served != null && served.main().server() != null)
            served.main().server().stop();
    }

    /** "GET /api/v1/permits/{id}" for every endpoint Javalin holds (its {@code <fid>} written as OpenAPI's {fid}). */
    static Set<String> registeredRoutes(Javalin app) {
        Set<String> out = new TreeSet<>();
        app.unsafe.internalRouter.allHttpHandlers().forEach(h -> {
            String method = h.endpoint.method.name();
            if (METHODS.contains(method)) out.add(method + " " + h.endpoint.path.replaceAll("<([^>]+)>", "{$1}"));
        });
        return out;
    }

    static JsonNode json(HttpResponse<String> r) throws Exception {
        return RegisterJson.MAPPER.readTree(r.body());
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void openApiDescribesEveryRouteTheServerRegistersAndNoOther() throws Exception {
        HttpResponse<String> r = StoreCommandsTest.send(port, "GET", OPENAPI, null, null);
        assertEquals(200, r.statusCode());
        assertEquals(
                "application/vnd.oai.openapi+json;version=3.0",
                r.headers().firstValue("Content-Type").orElse(""));
        JsonNode doc = json(r);
        assertTrue(doc.path("openapi").asText().startsWith("3.0."), "an OpenAPI 3.0 document");
        Set<String> documented = new TreeSet<>();
        doc.get("paths")
                .fields()
                .forEachRemaining(p -> p.getValue().fieldNames().forEachRemaining(m -> {
                    documented.add(m.toUpperCase(java.util.Locale.ROOT) + " " + p.getKey());
                    JsonNode op = p.getValue().get(m);
                    assertTrue(
                            op.has("summary") && op.path("responses").size() > 0,
                            p.getKey() + " " + m + ": summary and responses");
                }));
        Set<String> registered = registeredRoutes(served.main().server());
        assertTrue(registered.size() > 25, "the route table was read: " + registered);

        Set<String> missing = new TreeSet<>(registered);
        missing.removeAll(documented);
        assertTrue(
                missing.isEmpty(),
                "The server registers these routes, but " + OPENAPI + " does not describe them;"
                        + " add each to src/main/resources/openapi/plektoets-api.json:\n  "
                        + String.join("\n  ", missing));
        Set<String> extra = new TreeSet<>(documented);
        extra.removeAll(registered);
        assertTrue(
                extra.isEmpty(),
                OPENAPI + " describes routes the server does not have; remove them from"
                        + " src/main/resources/openapi/plektoets-api.json:\n  " + String.join("\n  ", extra));

        // OGC API - Features: the landing page links the definition as service-desc
        JsonNode landing = json(StoreCommandsTest.send(port, "GET", "/ogc", null, null));
        JsonNode desc = null;
        for (JsonNode l : landing.get("links")) if (l.path("rel").asText().equals("service-desc")) desc = l;
        assertTrue(desc != null, landing::toString);
        assertEquals(
                "application/vnd.oai.openapi+json;version=3.0", desc.get("type").asText());
        assertTrue(desc.get("href").asText().endsWith(OPENAPI), desc::toString);
    }

    @Test
    void everyGetRouteAnswersWithTheDatasetAndSaysItIsFictitious() throws Exception {
        String token = StoreCommandsTest.PLANNER;
        // values for the path parameters, from the served data
        JsonNode street = json(StoreCommandsTest.send(port, "GET", "/api/v1/room-rental/streets", null, null))
                .at("/features/0");
        JsonNode address = json(StoreCommandsTest.send(
                        port,
                        "GET",
                        "/api/v1/addresses?q="
                                + enc(street.at("/properties/name").asText()) + "&limit=1",
                        null,
                        null))
                .at("/features/0");
        String label = address.at("/properties/label").asText();
        String lon = address.at("/geometry/coordinates/0").asText(),
                lat = address.at("/geometry/coordinates/1").asText();
        long park = json(StoreCommandsTest.send(port, "GET", "/api/v1/layers/business_park?limit=1", null, null))
                .at("/features/0/id")
                .asLong();
        long source = json(StoreCommandsTest.send(
                        port, "GET", "/api/v1/layers/environmental_source?limit=1", null, null))
                .at("/features/0/id")
                .asLong();
        HttpResponse<String> permit = StoreCommandsTest.send(
                port,
                "POST",
                "/api/v1/permits",
                token,
                "{\"dwellingBagId\":"
                        + " \"0000010000000001\", \"address\": \"" + label + "\", \"street\": \""
                        + street.at("/properties/name").asText()
                        + "\", \"town\": \"" + street.at("/properties/town").asText()
                        + "\", \"rooms\": 3, \"persons\": 4}");
        assertEquals(201, permit.statusCode(), permit::body);
        HttpResponse<String> initiative = StoreCommandsTest.send(
                port,
                "POST",
                "/api/v1/initiatives",
                token,
                "{\"site\":"
                        + " {\"type\": \"Point\", \"coordinates\": [" + lon + ", " + lat
                        + "]}, \"form\": \"housing_facility\","
                        + " \"persons\": 16, \"initiator\": \"Proef BV\","
                        // public (§4.1.2), so the public overview's CSV has a row to say fictitious in
                        + " \"status\": \"intake\"}");
        assertEquals(201, initiative.statusCode(), initiative::body);
        // the regisseur's entries (issue 14): a case, a location, a signal
        HttpResponse<String> intakeCase = StoreCommandsTest.send(
                port,
                "POST",
                "/api/v1/intake-cases",
                REGISSEUR,
                "{\"initiativeId\": " + json(initiative).get("id").asLong() + "}");
        assertEquals(201, intakeCase.statusCode(), intakeCase::body);
        HttpResponse<String> housingLocation = StoreCommandsTest.send(
                port,
                "POST",
                "/api/v1/locations",
                REGISSEUR,
                "{\"site\": {\"type\": \"Point\", \"coordinates\": [" + lon + ", " + lat + "]}, \"name\": \"Proef\","
                        + " \"provider\": \"Proef BV\", \"form\": \"housing_facility\", \"capacity\": 12}");
        assertEquals(201, housingLocation.statusCode(), housingLocation::body);
        HttpResponse<String> signal = StoreCommandsTest.send(
                port,
                "POST",
                "/api/v1/signals",
                REGISSEUR,
                "{\"locationId\": " + json(housingLocation).get("id").asLong()
                        + ", \"source\": \"resident\", \"category\": \"noise\"}");
        assertEquals(201, signal.statusCode(), signal::body);
        HttpResponse<String> roomRented = StoreCommandsTest.send(
                port,
                "POST",
                "/api/v1/room-rented-dwellings",
                token,
                "{\"dwellingBagId\": \"0000010000000002\", \"address\": \"" + label + "\", \"street\": \""
                        + street.at("/properties/name").asText() + "\", \"town\": \""
                        + street.at("/properties/town").asText()
                        + "\", \"source\": \"inspection\", \"observedOn\": \"2026-11-02\"}");
        assertEquals(201, roomRented.statusCode(), roomRented::body);
        Map<String, String> values = new java.util.HashMap<>(Map.of(
                "{role}",
                "building",
                "{ref}",
                "5.1.2",
                "/business_park/{id}",
                "/business_park/" + park,
                "/environmental_source/{id}",
                "/environmental_source/" + source,
                "/permits/{id}",
                "/permits/" + json(permit).get("id").asLong(),
                "/initiatives/{id}",
                "/initiatives/" + json(initiative).get("id").asLong(),
                "/room-rented-dwellings/{id}",
                "/room-rented-dwellings/" + json(roomRented).get("id").asLong(),
                "/collections/{id}",
                "/collections/room-rental-streets",
                "{fid}",
                street.get("id").asText().replace(" ", "%20")));
        values.put(
                "/intake-cases/{id}",
                "/intake-cases/" + json(intakeCase).get("id").asLong());
        values.put(
                "/locations/{id}",
                "/locations/" + json(housingLocation).get("id").asLong());
        values.put("/signals/{id}", "/signals/" + json(signal).get("id").asLong());
        // the application round (issue 18): Hardenberg's profile, served here, has none, so its routes answer 404
        values.put("/rounds/{id}", "/rounds/1");
        values.put("{entryId}", "1");

        List<String> wrong = new ArrayList<>();
        int walked = 0;
        for (String route : registeredRoutes(served.main().server())) {
            if (!route.startsWith("GET ")) continue;
            String path = route.substring(4);
            // an OpenAPI document describes the API, not data; its schema has no room for a dataset member
            if (path.equals(OPENAPI)) continue;
            String url = path;
            for (var v : values.entrySet()) url = url.replace(v.getKey(), v.getValue());
            String example = EXAMPLES.get(path);
            if (example != null)
                url += "?"
                        + (example.contains("lon=")
                                ? example.formatted(lon, lat)
                                : example.formatted(enc(
                                        path.endsWith("addresses")
                                                ? street.at("/properties/name").asText()
                                                : label)));
            assertTrue(!url.contains("{"), "no value for a path parameter of " + route + "; add one to this test");
            walked++;
            for (String t : new String[] {token, null}) {
                HttpResponse<String> r = StoreCommandsTest.send(port, "GET", url, t, null);
                String type = r.headers().firstValue("Content-Type").orElse("");
                String what = "GET " + url + (t == null ? " (no token)" : "") + " -> " + r.statusCode() + " " + type;
                boolean noRounds = path.startsWith("/api/v1/rounds");
                if (noRounds && t != null) {
                    // a problem+json naming the dataset like every other answer, saying this policy has no rounds
                    if (r.statusCode() != 404 || !r.body().contains("has no application rounds"))
                        wrong.add(what + ": Hardenberg's profile has no rounds, expected 404: " + r.body());
                    if (!json(r).at("/dataset/fictitious").asBoolean(false))
                        wrong.add(what + ": no dataset.fictitious = true");
                    continue;
                }
                if (t != null && r.statusCode() != 200) wrong.add(what + ": not 200 with a planner token: " + r.body());
                if (type.startsWith("text/csv")) {
                    String[] lines = r.body().split("\r\n");
                    if (!lines[0].endsWith(",fictitious")
                            || lines.length < 2
                            || !java.util.Arrays.stream(lines).skip(1).allMatch(l -> l.endsWith(",true"))) {
                        wrong.add(what + ": a CSV row does not say fictitious");
                    }
                } else if (type.startsWith("text/calendar")) {
                    if (!r.body().contains("X-PLEKTOETS-FICTITIOUS:true"))
                        wrong.add(what + ": the calendar does not say fictitious");
                } else if (type.equals("application/pdf")) {
                    // the report's XMP metadata (an uncompressed stream) says so, besides the banner on every page
                    if (!r.body().contains("fictitious: true"))
                        wrong.add(what + ": the PDF's XMP does not say fictitious");
                } else if (!type.contains("json")
                        || !json(r).at("/dataset/fictitious").asBoolean(false)) {
                    wrong.add(what + ": no dataset.fictitious = true in "
                            + r.body().substring(0, Math.min(200, r.body().length())));
                }
            }
        }
        assertTrue(walked > 20, "walked the route table: " + walked);
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }
}
