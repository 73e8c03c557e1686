package nl.plektoets.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden JSON files: {@code src/test/resources/golden/NAME.json} hold the expected response, pretty-printed.
 * Run with {@code -Dgolden.update=true} to rewrite them after an intended change, then review the diff in git.
 */
final class Golden {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Path DIR = Path.of("src", "test", "resources", "golden");

    private Golden() {}

    static void assertMatches(String name, JsonNode actual) throws IOException {
        Path file = DIR.resolve(name + ".json");
        String pretty = JSON.writeValueAsString(actual) + "\n";
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(DIR);
            Files.writeString(file, pretty);
        }
        assertTrue(Files.exists(file), "no golden file " + file + "; run once with -Dgolden.update=true and review it");
        String expected = Files.readString(file);
        if (!JSON.readTree(expected).equals(actual)) assertEquals(expected, pretty, "response differs from " + file);
    }
}
