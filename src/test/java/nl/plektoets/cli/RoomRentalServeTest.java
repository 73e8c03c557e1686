package nl.plektoets.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import nl.plektoets.demo.CommittedDemo;
import nl.plektoets.registers.RegisterJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve} on the committed demo municipality (embedded store) answers the room-rental routes, runs the
 * {@code room_rental_street} criterion in assessments, and serves the OGC collection (grants: RoomRentalGrantRaceTest).
 */
class RoomRentalServeTest {
    @TempDir
    Path tmp;

    static JsonNode json(java.net.http.HttpResponse<String> r) throws Exception {
        return RegisterJson.MAPPER.readTree(r.body());
    }

    /** {@code serve} on a copy of the committed demo with one token line. */
    StoreCommandsTest.Run serveDemo(String tokenLine) throws Exception {
        Path data = CommittedDemo.copyTo(tmp.resolve("demo"));
        Path tokens = tmp.resolve("tokens.txt");
        Files.writeString(tokens, tokenLine + "\n");
        StoreCommandsTest.Run served =
                StoreCommandsTest.run("serve", "--data", data.toString(), "--tokens", tokens.toString(), "--port", "0");
        assertEquals(Main.OK, served.code(), served::toString);
        return served;
    }

    @Test
    void serveAnswersTheRoomRentalMapChecksAndGrants() throws Exception {
        StoreCommandsTest.Run served = serveDemo("ans planner " + StoreCommandsTest.PLANNER);
        try {
            int port = served.main().server().port();
            JsonNode streets = json(StoreCommandsTest.send(port, "GET", "/api/v1/room-rental/streets", null, null));
            assertEquals(64, streets.get("features").size(), "the demo's 64 streets (2,928 dwellings)");
            JsonNode street = null;
            for (JsonNode f : streets.get("features")) {
                if (f.at("/properties/dwellings").asInt() == 80) street = f;
            }
            assertEquals("road", street.at("/properties/geometrySource").asText());
            assertEquals(8, street.at("/properties/limit").asInt());
            String name = street.at("/properties/name").asText();
            String town = street.at("/properties/town").asText();
            JsonNode addr = json(StoreCommandsTest.send(
                    port,
                    "GET",
                    "/api/v1/addresses?q=" + URLEncoder.encode(name + " " + town, StandardCharsets.UTF_8) + "&limit=1",
                    null,
                    null));
            String label = addr.at("/features/0/properties/label").asText();
            JsonNode check = json(StoreCommandsTest.send(
                    port,
                    "GET",
                    "/api/v1/room-rental/check?address=" + URLEncoder.encode(label, StandardCharsets.UTF_8),
                    null,
                    null));
            assertEquals("pass", check.get("status").asText(), check.toString());
            assertEquals(8, check.at("/street/properties/left").asInt());

            JsonNode assessment = json(StoreCommandsTest.send(
                    port,
                    "POST",
                    "/api/v1/assessments",
                    null,
                    "{\"address\": \"" + label + "\", \"form\": \"room_rental\", \"persons\": 4}"));
            boolean found = false;
            for (JsonNode c : assessment.get("criteria"))
                found |= c.get("id").asText().equals("room_rental_street");
            assertTrue(found, assessment.toString());

            assertEquals(
                    200,
                    StoreCommandsTest.send(port, "GET", "/ogc/collections/room-rental-streets/items", null, null)
                            .statusCode());
        } finally {
            served.main().server().stop();
        }
    }

    @Test
    void theReportLimitSurvivesAReload() throws Exception {
        StoreCommandsTest.Run served = serveDemo("beheer admin " + StoreCommandsTest.ADMIN);
        try {
            int port = served.main().server().port();
            String streetId = json(StoreCommandsTest.send(port, "GET", "/api/v1/room-rental/streets", null, null))
                    .at("/features/0/id")
                    .asText();
            String report =
                    "{\"streetId\": \"" + streetId + "\", \"message\": \"this street has one more room-rented house\"}";
            for (int i = 0; i < 5; i++) {
                var r = StoreCommandsTest.send(port, "POST", "/api/v1/room-rental/reports", null, report);
                assertEquals(201, r.statusCode(), r.body());
            }
            var reload = StoreCommandsTest.send(port, "POST", "/api/v1/admin/reload", StoreCommandsTest.ADMIN, null);
            assertEquals(200, reload.statusCode(), reload.body());
            var sixth = StoreCommandsTest.send(port, "POST", "/api/v1/room-rental/reports", null, report);
            assertEquals(429, sixth.statusCode(), "a reload must not reset the limit: " + sixth.body());
        } finally {
            served.main().server().stop();
        }
    }
}
