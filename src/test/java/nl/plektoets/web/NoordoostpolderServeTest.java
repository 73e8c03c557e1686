package nl.plektoets.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import nl.plektoets.cli.Main;
import nl.plektoets.demo.CommittedDemo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18, one service serving either municipality: the real {@code serve} on the demo with {@code
 * --policy-profile noordoostpolder-2024} answers under Noordoostpolder's profile, with its caps counted from the
 * (empty) register of the data directory, and serves its policy text.
 */
class NoordoostpolderServeTest {
    @TempDir
    static Path tmp;

    static Main main;
    static int port;

    @BeforeAll
    static void serve() throws Exception {
        Path data = CommittedDemo.copyTo(tmp.resolve("demo"));
        main = new Main(PlannerHttpTest.quiet(), PlannerHttpTest.quiet(), Map.of());
        assertEquals(
                Main.OK,
                main.run(
                        "serve", "--data", data.toString(), "--port", "0", "--policy-profile", "noordoostpolder-2024"));
        port = main.server().port();
    }

    @AfterAll
    static void stop() {
        if (main != null && main.server() != null) main.server().stop();
    }

    @Test
    void theAnswersAndThePolicyTextAreNoordoostpolders() throws Exception {
        JsonNode policy = PlannerHttpTest.ok(PlannerHttpTest.send(port, "GET", "/api/v1/policy", null, null));
        assertEquals("noordoostpolder-2024", policy.get("id").asText());
        assertEquals(
                "Gemeente Noordoostpolder (GM0171)", policy.get("publisher").asText());
        // its text is a digest of the municipality's summary, not a published text: the policy page must not say so
        assertEquals("digest", policy.at("/source/textKind").asText());
        assertTrue(policy.at("/source/publication").asText().contains("CVDR717623"), policy::toString);
        assertTrue(!policy.at("/source/publication").asText().contains("Gemeenteblad"), policy::toString);

        JsonNode first =
                PlannerHttpTest.ok(PlannerHttpTest.send(port, "GET", "/api/v1/layers/address?limit=1", null, null));
        JsonNode xy = first.at("/features/0/geometry/coordinates");
        String body = String.format(
                Locale.ROOT,
                "{\"site\":{\"type\":\"Point\",\"coordinates\":[%s,%s]},\"form\":\"housing_facility\",\"persons\":120}",
                xy.get(0).asText(),
                xy.get(1).asText());
        JsonNode answer = PlannerHttpTest.ok(PlannerHttpTest.send(port, "POST", "/api/v1/assessments", null, body));
        assertEquals("noordoostpolder-2024", answer.at("/policy/id").asText());
        JsonNode cap = null;
        for (JsonNode c : answer.get("criteria")) if (c.get("id").asText().equals("location_cap")) cap = c;
        assertTrue(cap != null, answer::toString);
        assertEquals("medium", cap.at("/evidence/sizeCategory").asText());
        assertEquals(0, cap.at("/evidence/taken").asInt());
        assertEquals("§5", cap.get("policyRef").asText());
    }

    @Test
    void everyAnswerBuiltOnAValueNotAdoptedSaysSoInTheApi() throws Exception {
        JsonNode first =
                PlannerHttpTest.ok(PlannerHttpTest.send(port, "GET", "/api/v1/layers/address?limit=1", null, null));
        JsonNode xy = first.at("/features/0/geometry/coordinates");
        String body = String.format(
                Locale.ROOT,
                "{\"site\":{\"type\":\"Point\",\"coordinates\":[%s,%s]},\"form\":\"housing_facility\",\"persons\":120}",
                xy.get(0).asText(),
                xy.get(1).asText());
        JsonNode answer = PlannerHttpTest.ok(PlannerHttpTest.send(port, "POST", "/api/v1/assessments", null, body));
        // every criterion of this answer reads a value of policy/noordoostpolder-2024.yaml marked adopted: false:
        // the location rules and size categories (the summary), the reach, capacity, fire-safety, permit and
        // recreation numbers (the service's defaults, §9)
        java.util.Set<String> seen = new java.util.TreeSet<>();
        for (JsonNode c : answer.get("criteria")) {
            String id = c.get("id").asText();
            // room_rental_street answers "not applicable" to a housing facility: it reads no number
            if (!c.at("/evidence/applicable").asBoolean(true)) continue;
            seen.add(id);
            assertEquals(false, c.at("/evidence/adopted").asBoolean(true), id + ": " + c);
            assertTrue(c.at("/evidence/notAdopted").size() > 0, id + ": " + c);
            assertTrue(c.at("/message/nl").asText().contains("Indicatief, niet vastgesteld: "), c.toString());
            assertTrue(c.at("/message/en").asText().contains("Indicative, not adopted: "), c.toString());
        }
        assertEquals(
                java.util.Set.of(
                        "location_class",
                        "recreation_exclusion",
                        "capacity",
                        "fire_safety",
                        "permit_term",
                        "facility_reach",
                        "location_cap"),
                seen);
    }
}
