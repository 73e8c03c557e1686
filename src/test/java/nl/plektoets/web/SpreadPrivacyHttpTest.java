package nl.plektoets.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import nl.plektoets.cli.Main;
import nl.plektoets.demo.CommittedDemo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code spread} (§5.1.1) in a real {@code serve} on the committed demo, with a private person's granted housing
 * facility of 40 persons entered through the register routes at an Arceringerf address: the open assessment of a
 * facility of 20 at that very address names no cluster member and no distance, counts the facility in the village
 * total only and leaves the concentration to a planner; {@code POST /api/v1/planner/assessments} with the planner
 * token names it at 0 m and judges 60 > 50; without a token it is a 401 problem.
 */
class SpreadPrivacyHttpTest {
    static final String PLANNER = PlannerHttpTest.PLANNER;

    @TempDir
    static Path tmp;

    static Main main;
    static int port;
    static String address;

    @BeforeAll
    static void serve() throws Exception {
        Path data = CommittedDemo.copyTo(tmp.resolve("demo"));
        Path tokens = tmp.resolve("tokens.txt");
        Files.writeString(tokens, "ans planner " + PLANNER + "\n");
        main = new Main(PlannerHttpTest.quiet(), PlannerHttpTest.quiet(), Map.of());
        assertEquals(
                Main.OK, main.run("serve", "--data", data.toString(), "--tokens", tokens.toString(), "--port", "0"));
        port = main.server().port();
        JsonNode first = PlannerHttpTest.send(port, "GET", "/api/v1/addresses?q=Arceringerf&limit=1", null, null)
                .body()
                .path("features")
                .get(0);
        address = first.path("properties").path("label").asText();
        ObjectNode initiative = PlannerHttpTest.JSON.createObjectNode();
        initiative.set("site", first.path("geometry"));
        initiative.put("form", "housing_facility");
        initiative.put("persons", 40);
        initiative.put("initiator", "J. Jansen");
        initiative.put("initiatorKind", "person");
        initiative.put("status", "granted");
        initiative.put("permitType", "temporary");
        PlannerHttpTest.Answer created =
                PlannerHttpTest.send(port, "POST", "/api/v1/initiatives", PLANNER, initiative.toString());
        assertEquals(201, created.status(), () -> String.valueOf(created.body()));
    }

    @AfterAll
    static void stop() {
        if (main != null && main.server() != null) main.server().stop();
    }

    static String request() {
        ObjectNode r = PlannerHttpTest.JSON.createObjectNode();
        r.put("address", address);
        r.put("form", "housing_facility");
        r.put("persons", 20);
        return r.toString();
    }

    static JsonNode spread(JsonNode answer) {
        for (JsonNode c : answer.get("criteria")) if (c.get("id").asText().equals("spread")) return c;
        throw new AssertionError("no spread in " + answer);
    }

    @Test
    void theOpenAssessmentCountsThePrivateFacilityInTheVillageOnly() throws Exception {
        JsonNode s =
                spread(PlannerHttpTest.ok(PlannerHttpTest.send(port, "POST", "/api/v1/assessments", null, request())));
        JsonNode ev = s.get("evidence");
        assertEquals(0, ev.get("clusterMembers").size(), ev::toString);
        assertEquals("public_sites", ev.get("clusterMembersShown").asText());
        assertEquals(20, ev.get("clusterPersons").asInt());
        assertEquals(1, ev.get("villageFacilitiesNotPublic").asInt());
        assertEquals(40, ev.get("villageFacilityPersonsNotPublic").asInt());
        assertEquals(40, ev.get("personsBefore").asInt(), "the village total still counts it");
        assertEquals("conditional", s.get("status").asText(), s::toString);
        assertEquals("planner", ev.get("concentrationCheckedBy").asText());
        assertFalse(s.at("/message/en").asText().contains("concentration of more than"), s::toString);
    }

    @Test
    void thePlannersAssessmentNamesItWithItsDistance() throws Exception {
        JsonNode s = spread(PlannerHttpTest.ok(
                PlannerHttpTest.send(port, "POST", "/api/v1/planner/assessments", PLANNER, request())));
        JsonNode ev = s.get("evidence");
        assertEquals(1, ev.get("clusterMembers").size(), ev::toString);
        assertEquals(0.0, ev.at("/clusterMembers/0/distanceM").asDouble());
        assertEquals(40, ev.at("/clusterMembers/0/persons").asInt());
        assertEquals(60, ev.get("clusterPersons").asInt());
        assertTrue(ev.path("clusterMembersShown").isMissingNode());
        assertEquals("conditional", s.get("status").asText(), "60 > 50, the distance not adopted");
        assertTrue(s.at("/message/en").asText().contains("concentration of more than 50"), s::toString);
    }

    @Test
    void thePlannersAssessmentNeedsTheToken() throws Exception {
        PlannerHttpTest.problem(
                PlannerHttpTest.send(port, "POST", "/api/v1/planner/assessments", null, request()),
                401,
                "unauthorized",
                null);
        PlannerHttpTest.problem(
                PlannerHttpTest.send(port, "POST", "/api/v1/planner/assessments", "not-a-token", request()),
                401,
                "unauthorized",
                null);
    }
}
