package nl.plektoets.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import nl.plektoets.cli.Main;
import nl.plektoets.demo.CommittedDemo;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ETFAL part 2 on the real {@code serve} over the demo: the new inputs (employers by address or point, rooms, parking
 * spaces) read, refused with problem+json naming the member and the employer, and echoed; the criteria
 * {@code spread} and {@code neighbours} in the public answer with counts only, and the addresses of the effect area
 * for planners only as CSV ({@code GET /api/v1/neighbours.csv}), as many rows as the public count.
 */
class EtfalInputsHttpTest {
    static final String PLANNER = PlannerHttpTest.PLANNER;

    @TempDir
    static Path tmp;

    static Main main;
    static int port;
    static String address;
    static JsonNode addressPoint;

    @BeforeAll
    static void serve() throws Exception {
        Path data = CommittedDemo.copyTo(tmp.resolve("demo"));
        Path tokens = tmp.resolve("tokens.txt");
        Files.writeString(tokens, "ans planner " + PLANNER + "\n");
        main = new Main(PlannerHttpTest.quiet(), PlannerHttpTest.quiet(), Map.of());
        assertEquals(
                Main.OK, main.run("serve", "--data", data.toString(), "--tokens", tokens.toString(), "--port", "0"));
        port = main.server().port();
        JsonNode first = get("/api/v1/addresses?q=Arceringerf&limit=1", null)
                .body()
                .path("features")
                .get(0);
        address = first.path("properties").path("label").asText();
        addressPoint = first.path("geometry");
    }

    @AfterAll
    static void stop() {
        if (main != null && main.server() != null) main.server().stop();
    }

    static PlannerHttpTest.Answer get(String path, String token) throws Exception {
        return PlannerHttpTest.send(port, "GET", path, token, null);
    }

    static PlannerHttpTest.Answer post(ObjectNode body) throws Exception {
        return PlannerHttpTest.send(port, "POST", "/api/v1/assessments", null, body.toString());
    }

    static ObjectNode request() {
        ObjectNode r = PlannerHttpTest.JSON.createObjectNode();
        r.put("address", address);
        r.put("form", "housing_facility");
        r.put("persons", 12);
        return r;
    }

    static JsonNode criterion(JsonNode answer, String id) {
        for (JsonNode c : answer.get("criteria")) if (c.get("id").asText().equals(id)) return c;
        throw new AssertionError("no criterion " + id + " in " + answer);
    }

    @Test
    void inputsAreReadAndEchoed() throws Exception {
        ObjectNode r = request();
        ArrayNode es = r.putArray("employers");
        es.addObject().put("name", "Kwekerij").put("address", address).put("workers", 8);
        ObjectNode byPoint = es.addObject().put("name", "Slachterij").put("workers", 4);
        byPoint.set("point", addressPoint.get("coordinates"));
        r.put("rooms", 6);
        r.put("parkingSpaces", 3);
        JsonNode a = PlannerHttpTest.ok(post(r));
        JsonNode in = a.get("initiative");
        assertEquals(6, in.get("rooms").asInt());
        assertEquals(3, in.get("parkingSpaces").asInt());
        assertEquals(2, in.get("employers").size());
        assertEquals("Kwekerij", in.at("/employers/0/name").asText());
        assertEquals(address, in.at("/employers/0/address").asText());
        assertEquals(8, in.at("/employers/0/workers").asInt());
        // the address's point, as the address search gave it (7 decimals in CRS84)
        assertEquals(addressPoint.get("coordinates"), in.at("/employers/0/point/coordinates"));
        assertEquals(addressPoint.get("coordinates"), in.at("/employers/1/point/coordinates"));
        assertTrue(in.at("/employers/1/address").isMissingNode());
        // without the inputs no initiative member
        assertNull(PlannerHttpTest.ok(post(request())).get("initiative"));
    }

    @Test
    void badInputsAreProblemsNamingTheMemberAndTheEmployer() throws Exception {
        ObjectNode r = request();
        r.putArray("employers").addObject().put("name", "Nergens BV").put("address", "Nietbestaandestraat 99, Nergens");
        PlannerHttpTest.Answer a = post(r);
        PlannerHttpTest.problem(a, 422, "address-not-found", "employers[0].address");
        assertTrue(a.body().get("detail").asText().contains("Nergens BV"), a.body()::toString);

        ObjectNode many = request();
        ArrayNode es = many.putArray("employers");
        for (int i = 0; i < 51; i++) es.addObject().put("address", address);
        PlannerHttpTest.problem(post(many), 400, "invalid-request", "employers");

        PlannerHttpTest.problem(post(request().put("parkingSpaces", -1)), 400, "invalid-request", "parkingSpaces");
        PlannerHttpTest.problem(post(request().put("rooms", 0)), 400, "invalid-request", "rooms");
        ObjectNode negative = request();
        negative.putArray("employers").addObject().put("address", address).put("workers", -2);
        PlannerHttpTest.problem(post(negative), 400, "invalid-request", "employers[0].workers");
        ObjectNode both = request();
        both.putArray("employers")
                .addObject()
                .put("address", address)
                .putArray("point")
                .add(6.6)
                .add(52.6);
        PlannerHttpTest.problem(post(both), 400, "invalid-request", "employers[0]");
        ObjectNode unknown = request();
        unknown.putArray("employers").addObject().put("adress", address);
        PlannerHttpTest.problem(post(unknown), 400, "invalid-request", "employers[0].adress");
    }

    @Test
    void spreadNamesTheVillageWithTheLayersPopulation() throws Exception {
        JsonNode spread = criterion(PlannerHttpTest.ok(post(request())), "spread");
        assertEquals("§5.1.1", spread.get("policyRef").asText());
        String village = spread.at("/evidence/village/name").asText();
        long population = spread.at("/evidence/village/population").asLong();
        // the same village on the public village layer, with the population it states
        JsonNode layer = get("/api/v1/layers/village?limit=100", null).body();
        long stated = -1;
        for (JsonNode f : layer.get("features"))
            if (village.equals(f.at("/properties/name").asText()))
                stated = f.at("/properties/attributes/population")
                        .asLong(f.at("/properties/population").asLong());
        assertEquals(stated, population, layer::toString);
        // an empty register: nobody housed before; after = the 12 of this initiative
        assertEquals(0, spread.at("/evidence/personsBefore").asInt());
        assertEquals(12, spread.at("/evidence/personsAfter").asInt());
        assertEquals(
                Math.round(12 * 1000.0 / population * 100) / 100.0,
                spread.at("/evidence/perThousandAfter").asDouble());
        assertTrue(spread.at("/evidence/villageGeometry/type").isTextual(), spread::toString);
    }

    @Test
    void thePublicHasCountsThePlannerTheAddresses() throws Exception {
        JsonNode n = criterion(PlannerHttpTest.ok(post(request())), "neighbours");
        assertEquals("§5.1.4, Bijlage 3", n.get("policyRef").asText());
        int count = n.at("/evidence/addresses").asInt();
        assertTrue(count > 0, n::toString);
        // counts only: no list of addresses, and not the street of the site's neighbours
        assertTrue(n.at("/evidence/addresses").isInt());
        assertFalse(n.get("evidence").toString().contains("Arceringerf"), n::toString);

        String q = "/api/v1/neighbours.csv?address=" + PlannerHttpTest.enc(address);
        PlannerHttpTest.problem(get(q, null), 401, "unauthorized", null);
        HttpResponse<String> csv = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + q))
                                .header("Authorization", "Bearer " + PLANNER)
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(200, csv.statusCode(), csv.body());
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        List<CSVRecord> rows = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .build()
                .parse(new java.io.StringReader(csv.body()))
                .getRecords();
        assertEquals(count, rows.size());
        assertEquals(
                List.of(
                        "bag_id",
                        "street",
                        "housenumber",
                        "postcode",
                        "town",
                        "use",
                        "dwelling",
                        "distance_m",
                        "x_rd",
                        "y_rd",
                        "radius_m",
                        "fictitious"),
                rows.get(0).getParser().getHeaderNames());
        double radius = n.at("/evidence/radiusM").asDouble();
        for (CSVRecord row : rows) {
            assertTrue(Double.parseDouble(row.get("distance_m")) <= radius, row::toString);
            assertEquals("true", row.get("fictitious"));
        }
        // the site's own address is the nearest
        assertEquals(0.0, Double.parseDouble(rows.get(0).get("distance_m")));
        assertTrue(
                address.startsWith(rows.get(0).get("street") + " " + rows.get(0).get("housenumber")), address);
        // a site given as GeoJSON gives the same rows
        String bySite = "/api/v1/neighbours.csv?site=" + PlannerHttpTest.enc(addressPoint.toString());
        HttpResponse<String> same = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + bySite))
                                .header("Authorization", "Bearer " + PLANNER)
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(csv.body(), same.body());
        PlannerHttpTest.problem(get("/api/v1/neighbours.csv", PLANNER), 400, "invalid-request", "site");
    }
}
