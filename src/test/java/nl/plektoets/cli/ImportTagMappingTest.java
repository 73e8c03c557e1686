package nl.plektoets.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import nl.plektoets.data.Dataset;
import nl.plektoets.data.Role;
import nl.plektoets.data.directory.DatasetCache;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code import --tag-mapping FILE}: a municipality's own OSM tag mapping replaces the built-in one as a whole. */
class ImportTagMappingTest {
    private static final Path FIXTURE = Path.of("src", "test", "resources", "osm", "oosterbroek.osm");

    @TempDir
    Path tmp;

    @Test
    void aReplacingMappingDecidesTheRoles() throws Exception {
        // only one rule: the caravan site becomes an agricultural plot (a deliberately odd choice, so that the
        // outcome can only come from this file and not from the built-in mapping)
        Path mapping = Files.writeString(tmp.resolve("mapping.yaml"), """
                version: 1
                rules:
                  - role: agricultural_plot
                    match: {tourism: [caravan_site]}
                    geometry: area
                    attributes: {name: [name]}
                """);
        Path out = tmp.resolve("data");
        MainTest.Run r = MainTest.run(
                "import", "--osm", FIXTURE.toString(), "--tag-mapping", mapping.toString(), "--out", out.toString());
        assertEquals(Main.OK, r.code(), r::toString);
        Dataset d = DatasetCache.read(out).orElseThrow();
        assertEquals(1, d.size(), "only the one rule's feature");
        assertEquals(1, d.layer(Role.AGRICULTURAL_PLOT).size());
        assertEquals(
                "tourism=caravan_site",
                d.layer(Role.AGRICULTURAL_PLOT).get(0).provenance().sourceTag());
        assertTrue(d.layer(Role.RECREATION_ZONE).isEmpty());
    }

    @Test
    void aBrokenMappingIsExitTwoNamingTheRuleAndNothingIsWritten() throws Exception {
        Path mapping = Files.writeString(tmp.resolve("bad.yaml"), """
                version: 1
                rules:
                  - role: holiday_park
                    match: {tourism: [caravan_site]}
                    geometry: area
                """);
        Path out = tmp.resolve("data");
        MainTest.Run r = MainTest.run(
                Map.of(),
                "import",
                "--osm",
                FIXTURE.toString(),
                "--tag-mapping",
                mapping.toString(),
                "--out",
                out.toString());
        assertEquals(Main.USAGE, r.code(), r::toString);
        assertTrue(r.err().contains("holiday_park"), r::toString);
        assertFalse(Files.exists(out), "no data directory for a failed import");
    }
}
