package nl.plektoets.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/configuration.md is the reference made from {@link Config#KEYS}: it fails as soon as the two differ. */
class ConfigurationReferenceTest {
    private static final Path DOC = Path.of("docs", "configuration.md");

    private static final String REGENERATE = "mvn -q test -Dtest=ConfigurationReferenceTest -Dconfiguration.write=true";

    @Test
    void theDocumentIsGeneratedFromTheKeys() throws Exception {
        if (Boolean.getBoolean("configuration.write")) ConfigurationReference.main(new String[] {DOC.toString()});
        assertTrue(Files.isRegularFile(DOC), "docs/configuration.md is missing; generate it: " + REGENERATE);
        assertEquals(
                ConfigurationReference.markdown(),
                Files.readString(DOC),
                "docs/configuration.md differs from" + " Config.KEYS; regenerate it: " + REGENERATE);
    }

    @Test
    void everyKeyIsARowWithItsEnvironmentVariableAndDefault() {
        String md = ConfigurationReference.markdown();
        for (Config.Key k : Config.KEYS) {
            String row = md.lines()
                    .filter(l -> l.startsWith("| `" + k.option() + "`"))
                    .findFirst()
                    .orElse("");
            assertTrue(row.contains("`" + k.env() + "`"), k.name() + ": " + row);
            assertTrue(
                    row.contains(k.defaultValue().isEmpty() ? "(none)" : "`" + k.defaultValue() + "`"),
                    k.name() + ": " + row);
        }
    }
}
