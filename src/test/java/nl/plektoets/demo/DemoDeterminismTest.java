package nl.plektoets.demo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoDeterminismTest {
    @TempDir
    Path dir;

    @Test
    void sameSeedGivesByteIdenticalFiles() throws IOException {
        DemoMunicipality.generate(dir.resolve("a"), 1_500, 7);
        DemoMunicipality.generate(dir.resolve("b"), 1_500, 7);
        for (String f : new String[] {DemoMunicipality.OSM_FILE, DemoMunicipality.DATASET_FILE}) {
            assertArrayEquals(
                    Files.readAllBytes(dir.resolve("a").resolve(f)),
                    Files.readAllBytes(dir.resolve("b").resolve(f)),
                    f);
        }
    }

    @Test
    void differentSeedGivesDifferentData() throws IOException {
        DemoMunicipality.generate(dir.resolve("a"), 1_500, 7);
        DemoMunicipality.generate(dir.resolve("b"), 1_500, 8);
        assertFalse(Arrays.equals(
                xml(dir.resolve("a").resolve(DemoMunicipality.OSM_FILE)),
                xml(dir.resolve("b").resolve(DemoMunicipality.OSM_FILE))));
    }

    @Test
    void regeneratingOverwritesInPlace() throws IOException {
        DemoMunicipality.generate(dir, 1_500, 7);
        byte[] first = xml(dir.resolve(DemoMunicipality.OSM_FILE));
        DemoMunicipality.generate(dir, 1_500, 7);
        assertArrayEquals(first, xml(dir.resolve(DemoMunicipality.OSM_FILE)));
        try (var files = Files.list(dir)) {
            assertEquals(2, files.count(), "no temporary files left behind");
        }
    }

    /**
     * The committed gisdata/demo is what this code generates for seed 2025 at the default size. The XML inside the
     * gzip is compared byte for byte; the gzip container itself is not, because its deflate stream depends on the
     * zlib build the JDK links against, not on this project's code.
     */
    @Test
    void committedDemoDataIsWhatTheGeneratorProduces() throws IOException {
        Path committed = Path.of("gisdata", "demo");
        DemoMunicipality.generate(dir, DemoMunicipality.DEFAULT_ADDRESSES, DemoMunicipality.DEFAULT_SEED);
        assertArrayEquals(
                xml(committed.resolve(DemoMunicipality.OSM_FILE)),
                xml(dir.resolve(DemoMunicipality.OSM_FILE)),
                "gisdata/demo/demo.osm.gz is stale: regenerate it with `java -jar target/plektoets.jar demo --out"
                        + " gisdata/demo` (seed 2025, 3000 addresses)");
        assertArrayEquals(
                Files.readAllBytes(committed.resolve(DemoMunicipality.DATASET_FILE)),
                Files.readAllBytes(dir.resolve(DemoMunicipality.DATASET_FILE)));
    }

    static byte[] xml(Path gz) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
            return in.readAllBytes();
        }
    }
}
