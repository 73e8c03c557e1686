package nl.plektoets.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18: the configuration key {@code policy-profile} picks which municipality's policy answers {@code assess};
 * the new inputs are options; bad values exit 2 with the fix. On the Oosterbroek OSM fixture, whose point
 * (6.641, 52.571) lies in the built-up area.
 */
class PolicyProfileOptionTest {
    @TempDir
    Path tmp;

    Path imported() {
        Path dir = tmp.resolve("oosterbroek");
        MainTest.Run r = MainTest.run(
                "import",
                "--osm",
                Path.of("src", "test", "resources", "osm", "oosterbroek.osm").toString(),
                "--name",
                "oosterbroek",
                "--out",
                dir.toString());
        assertEquals(Main.OK, r.code(), r::toString);
        return dir;
    }

    MainTest.Run assess(Path dir, String... more) {
        String[] base = {
            "assess",
            "--data",
            dir.toString(),
            "--lon",
            "6.641",
            "--lat",
            "52.571",
            "--form",
            "housing_facility",
            "--json"
        };
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return MainTest.run(all);
    }

    static JsonNode criterion(JsonNode answer, String id) {
        for (JsonNode c : answer.get("criteria")) if (c.get("id").asText().equals(id)) return c;
        throw new AssertionError("no " + id + " in " + answer);
    }

    @Test
    void theProfileKeyPicksTheMunicipalityAndTheInputsAreOptions() throws Exception {
        Path dir = imported();
        MainTest.Run h = assess(dir, "--persons", "100");
        assertEquals(Main.OK, h.code(), h::toString);
        JsonNode hj = new ObjectMapper().readTree(h.out());
        assertEquals("hardenberg-2025", hj.at("/policy/id").asText());
        assertEquals("§5.1.2", criterion(hj, "location_class").get("policyRef").asText());

        MainTest.Run n = assess(
                dir, "--persons", "100", "--policy-profile", "noordoostpolder-2024", "--employs-migrants", "true");
        assertEquals(Main.OK, n.code(), n::toString);
        JsonNode nj = new ObjectMapper().readTree(n.out());
        assertEquals("noordoostpolder-2024", nj.at("/policy/id").asText());
        JsonNode loc = criterion(nj, "location_class");
        assertEquals("fail", loc.get("status").asText());
        assertEquals("§3", loc.get("policyRef").asText());
        // the caps are counted from the register: the data directory has none, so all 12 medium places are free
        JsonNode cap = criterion(nj, "location_cap");
        assertEquals(0, cap.at("/evidence/taken").asInt());
        assertEquals(12, cap.at("/evidence/left").asInt());
    }

    @Test
    void badValuesExit2WithTheFix() {
        Path dir = imported();
        MainTest.Run unknown = assess(dir, "--persons", "4", "--policy-profile", "utrecht");
        assertEquals(Main.USAGE, unknown.code(), unknown::toString);
        assertTrue(unknown.err().contains("hardenberg-2025, noordoostpolder-2024"), unknown.err());
        MainTest.Run notBoolean = assess(dir, "--persons", "4", "--employs-migrants", "yes");
        assertEquals(Main.USAGE, notBoolean.code(), notBoolean::toString);
        assertTrue(notBoolean.err().contains("give true or false"), notBoolean.err());
        MainTest.Run point =
                assess(dir, "--persons", "4", "--employer-erf", "{\"type\":\"Point\",\"coordinates\":[6.641,52.571]}");
        assertEquals(Main.USAGE, point.code(), point::toString);
        assertTrue(point.err().contains("'employerErf' must be a GeoJSON Polygon"), point.err());
    }
}
