package nl.plektoets.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import nl.plektoets.demo.CommittedDemo;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code POST /api/v1/admin/reload} recomputes the walking/cycling reach (Bijlage 1) over the reloaded facilities:
 * a supermarket that is gone after the reload is no longer the nearest one, in the assessment and the isochrones.
 */
@Tag("slow")
class ServeReloadReachTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SITE =
            "{\"address\": \"Arceringerf 1, Plekdam\", \"form\": \"room_rental\", \"persons\": 4}";

    @TempDir
    Path tmp;

    @Test
    void aReloadRecomputesTheFacilityReachOverTheReloadedFacilities() throws Exception {
        Path data = CommittedDemo.copyTo(tmp.resolve("demo"));
        Path tokens = tmp.resolve("tokens.txt");
        Files.writeString(tokens, "beheer admin " + StoreCommandsTest.ADMIN + "\n");
        var served =
                StoreCommandsTest.run("serve", "--data", data.toString(), "--tokens", tokens.toString(), "--port", "0");
        assertEquals(Main.OK, served.code(), served::toString);
        int port = served.main().server().port();
        try {
            JsonNode before = supermarketOnFoot(port);
            assertEquals("node/3200", before.at("/facility/osmId").asText(), before.toString());
            int inReachBefore = supermarketsWithin15MinutesWalk(port);
            assertTrue(inReachBefore >= 1, "Plekdam's own supermarket lies within 15 minutes' walk");

            // the municipality's data changes: Plekdam's supermarket closes (its node stays, the shop tag goes)
            String osm = CommittedDemo.readOsm(data.resolve("demo.osm.gz"));
            String closed = osm.replace(
                    "<tag k=\"shop\" v=\"supermarket\"/>\n    <tag k=\"name\" v=\"Supermarkt Plekdam\"/>",
                    "<tag k=\"name\" v=\"Supermarkt Plekdam (gesloten)\"/>");
            assertNotEquals(osm, closed, "the demo still has Plekdam's supermarket as node 3200");
            CommittedDemo.writeOsm(data.resolve("demo.osm.gz"), closed);
            var reload = StoreCommandsTest.send(port, "POST", "/api/v1/admin/reload", StoreCommandsTest.ADMIN, null);
            assertEquals(200, reload.statusCode(), reload.body());

            JsonNode after = supermarketOnFoot(port);
            assertNotEquals("node/3200", after.at("/facility/osmId").asText(), after.toString());
            assertTrue(
                    after.get("minutes").asDouble() > before.get("minutes").asDouble(),
                    "the next supermarket is further: " + before + " then " + after);
            assertEquals(
                    inReachBefore - 1, supermarketsWithin15MinutesWalk(port), "the isochrone counts follow the reload");
        } finally {
            served.main().server().stop();
        }
    }

    /** The walking part of the supermarket category in the facility_reach evidence of {@link #SITE}. */
    private static JsonNode supermarketOnFoot(int port) throws Exception {
        var r = StoreCommandsTest.send(port, "POST", "/api/v1/assessments", null, SITE);
        assertEquals(200, r.statusCode(), r.body());
        for (JsonNode c : JSON.readTree(r.body()).get("criteria")) {
            if (!c.get("id").asText().equals("facility_reach")) continue;
            for (JsonNode cat : c.at("/evidence/categories")) {
                if (cat.get("category").asText().equals("supermarket")) return cat.get("walking");
            }
        }
        throw new AssertionError("no supermarket in the facility_reach evidence: " + r.body());
    }

    private static int supermarketsWithin15MinutesWalk(int port) throws Exception {
        var r = StoreCommandsTest.send(
                port, "GET", "/api/v1/reach?lon=3.6860927&lat=52.5532198&mode=foot&minutes=15", null, null);
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body())
                .at("/features/0/properties/counts/supermarket")
                .asInt(0);
    }
}
