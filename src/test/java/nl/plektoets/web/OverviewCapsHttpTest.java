package nl.plektoets.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Locale;
import nl.plektoets.cli.Main;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The planner overview under a profile with caps (Noordoostpolder §5: 6 large locations for the municipality): the
 * real {@code serve}, initiatives granted through the register API, and the overview's {@code location_cap} answer
 * follows them at once, not only at the next uncached batch (its kept result follows every register change).
 */
class OverviewCapsHttpTest {
    static final String PLANNER = PlannerHttpTest.PLANNER;
    static final String OVERVIEW = "/api/v1/overview?form=housing_facility&persons=200&limit=1000";

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

    static JsonNode get(String path) throws Exception {
        return PlannerHttpTest.ok(PlannerHttpTest.send(port, "GET", path, PLANNER, null));
    }

    /** How many addresses of the overview's first page fail location_cap, and how many the page has. */
    static int[] capFailures(JsonNode page) {
        int failing = 0;
        int all = 0;
        for (JsonNode f : page.get("features")) {
            all++;
            for (JsonNode id : f.at("/properties/failing")) if (id.asText().equals("location_cap")) failing++;
        }
        return new int[] {failing, all};
    }

    @Test
    void grantingTheLastLargePlaceShowsInTheOverviewAtOnce() throws Exception {
        JsonNode first = get(OVERVIEW);
        assertTrue(first.get("features").size() > 0, first::toString);
        assertEquals(0, capFailures(first)[0], "an empty register leaves all 6 large places");
        assertTrue(get(OVERVIEW).at("/computed/cached").asBoolean(), "unchanged registers: the kept result");

        JsonNode xy = get("/api/v1/layers/address?limit=1").at("/features/0/geometry/coordinates");
        String initiative = String.format(
                Locale.ROOT,
                "{\"site\": {\"type\": \"Point\", \"coordinates\": [%s, %s]}, \"form\": \"housing_facility\","
                        + " \"persons\": 250, \"initiator\": \"Polder Wonen BV\", \"initiatorKind\": \"organisation\","
                        + " \"status\": \"granted\", \"permitType\": \"temporary\"}",
                xy.get(0).asText(),
                xy.get(1).asText());
        for (int i = 1; i <= 6; i++) {
            PlannerHttpTest.Answer created =
                    PlannerHttpTest.send(port, "POST", "/api/v1/initiatives", PLANNER, initiative);
            assertEquals(201, created.status(), () -> String.valueOf(created.body()));
            JsonNode now = get(OVERVIEW);
            assertFalse(now.at("/computed/cached").asBoolean(), "an initiative changed the register: computed again");
            int[] counted = capFailures(now);
            if (i < 6) assertEquals(0, counted[0], i + " of 6 large places taken");
            else assertEquals(counted[1], counted[0], "the cap is reached: location_cap fails at every address");
        }
        JsonNode full = get(OVERVIEW);
        assertTrue(full.at("/computed/cached").asBoolean(), "kept again while the registers stay as they are");
        assertEquals(full.get("features").size(), capFailures(full)[0]);
    }
}
