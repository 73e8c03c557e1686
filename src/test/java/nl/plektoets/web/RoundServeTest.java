package nl.plektoets.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Locale;
import nl.plektoets.cli.Main;
import nl.plektoets.policy.PolicyProfile;
import nl.plektoets.policy.RoundPolicy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The round's computed criterion on the real {@code serve} (the demo with its cycling and car networks, {@code
 * --policy-profile noordoostpolder-2024}): the distance to the employers over the network, with its evidence per
 * employer (both legs, the straight line), their mean weighted by workers, and the points of the profile's band for it.
 * The expected numbers are worked out here from the evidence and the profile, not taken from the code under test.
 */
@org.junit.jupiter.api.Tag("slow") // serves the demo with its three-profile GraphHopper graph
class RoundServeTest {
    static final String PLANNER = "planner-token-0123456789abcdef";
    static final RoundPolicy.Criterion DISTANCE = PolicyProfile.builtIn("noordoostpolder-2024")
            .round()
            .orElseThrow()
            .criterion("employer_distance")
            .orElseThrow();

    @TempDir
    static Path tmp;

    static Main main;
    static int port;

    @BeforeAll
    static void serve() throws Exception {
        main = ServedNoordoostpolderDemo.serve(tmp, PLANNER);
        port = main.server().port();
    }

    @AfterAll
    static void stop() {
        if (main != null && main.server() != null) main.server().stop();
    }

    static JsonNode post(String path, String body) throws Exception {
        var a = PlannerHttpTest.send(port, "POST", path, PLANNER, body);
        assertEquals(201, a.status(), () -> String.valueOf(a.body()));
        return a.body();
    }

    static String point(JsonNode address) {
        JsonNode xy = address.at("/geometry/coordinates");
        return String.format(
                Locale.ROOT, "[%s, %s]", xy.get(0).asText(), xy.get(1).asText());
    }

    @Test
    void theDistancePointsComeFromTheNetworkWithTheirEvidence() throws Exception {
        JsonNode addresses =
                PlannerHttpTest.ok(PlannerHttpTest.send(port, "GET", "/api/v1/layers/address?limit=400", null, null));
        JsonNode site = addresses.at("/features/0"),
                near = addresses.at("/features/40"),
                far = addresses.at("/features/399");
        JsonNode initiative = post("/api/v1/initiatives", """
                {"site": {"type": "Point", "coordinates": %s}, "form": "housing_facility", "persons": 140,
                 "initiator": "Proef BV"}""".formatted(point(site)));
        JsonNode round = post("/api/v1/rounds", """
                {"name": "Proefronde", "opensOn": "2025-03-01", "closesOn": "2025-03-31"}""");
        JsonNode entry = post("/api/v1/rounds/" + round.get("id").asLong() + "/entries", """
                {"initiativeId": %d, "submittedAt": "2025-03-10T12:00:00Z",
                 "employers": [{"name": "Dichtbij", "point": %s, "workers": 30},
                               {"name": "Verder", "point": %s, "workers": 10}]}""".formatted(
                        initiative.get("id").asLong(), point(near), point(far)));
        JsonNode d = entry.get("distance");
        assertFalse(d.has("computed"), () -> "computed over the network: " + d);
        assertEquals(2, d.get("employers").size());
        double weighted = 0;
        for (int i = 0; i < 2; i++) {
            JsonNode e = d.get("employers").get(i);
            assertTrue(
                    e.at("/cycling/reached").asBoolean()
                            || e.at("/driving/reached").asBoolean(),
                    e::toString);
            double bike =
                    e.at("/cycling/reached").asBoolean() ? e.at("/cycling/km").asDouble() : Double.MAX_VALUE;
            double car =
                    e.at("/driving/reached").asBoolean() ? e.at("/driving/km").asDouble() : Double.MAX_VALUE;
            assertEquals(Math.min(bike, car), e.get("km").asDouble(), 1e-9, "the shorter leg counts");
            // over the network is never shorter than the straight line (the access to the road aside, 0.2 km)
            assertTrue(e.get("km").asDouble() + 0.2 >= e.get("straightLineKm").asDouble(), e::toString);
            weighted += e.get("km").asDouble() * e.get("workers").asInt();
        }
        double mean = Math.round(weighted / 40 * 100) / 100.0;
        assertEquals(mean, d.get("meanKm").asDouble(), 0.011, "the mean weighted by workers");
        int expected = DISTANCE.minPoints();
        for (RoundPolicy.Band b : DISTANCE.bands()) {
            if (d.get("meanKm").asDouble() <= b.maxKm()) {
                expected = b.points();
                break;
            }
        }
        assertEquals(expected, d.get("points").asInt(), d::toString);
        assertTrue(d.get("bands").size() == DISTANCE.bands().size(), "the scale is shown with the evidence");

        JsonNode ranking = PlannerHttpTest.ok(PlannerHttpTest.send(
                port, "GET", "/api/v1/rounds/" + round.get("id").asLong() + "/ranking", PLANNER, null));
        JsonNode points = null;
        for (JsonNode p : ranking.at("/ranking/0/points"))
            if (p.get("criterion").asText().equals("employer_distance")) points = p;
        assertTrue(points != null, ranking::toString);
        assertEquals(expected, points.get("points").asInt());
        assertEquals(d, points.get("evidence"), "the ranking shows the same evidence");
        assertEquals(expected * DISTANCE.weight(), points.get("weighted").asDouble(), 1e-9);
        assertFalse(ranking.at("/ranking/0/complete").asBoolean(), "the planners have not scored yet");
        assertTrue(ranking.at("/dataset/fictitious").asBoolean());
        // the policy answer names the round's paragraph, so a page offers rounds only where the policy has them
        assertEquals(
                "§6",
                PlannerHttpTest.ok(PlannerHttpTest.send(port, "GET", "/api/v1/policy", null, null))
                        .at("/rules/round")
                        .asText());
    }
}
