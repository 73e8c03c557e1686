package nl.plektoets.demo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The national set's templates are written without compression (issue 17: the deflater was most of the set's
 * generation); what they hold, and so every feature the set stores, is the demo's XML byte for byte.
 */
class TemplateCompressionTest {
    @TempDir
    Path temp;

    @Test
    void anUncompressedTemplateHoldsTheSameXmlAsTheDemo() throws IOException {
        DemoMunicipality.generate(temp.resolve("demo"), 800, 17);
        DemoMunicipality.generate(temp.resolve("template"), 800, 17, Deflater.NO_COMPRESSION);
        Path demo = temp.resolve("demo").resolve(DemoMunicipality.OSM_FILE);
        Path template = temp.resolve("template").resolve(DemoMunicipality.OSM_FILE);
        byte[] xml = gunzip(demo);
        assertTrue(xml.length > 100_000, "a whole municipality: " + xml.length);
        assertArrayEquals(xml, gunzip(template));
        assertTrue(Files.size(template) > 2 * Files.size(demo), "stored, not deflated");
        assertArrayEquals(
                Files.readAllBytes(temp.resolve("demo").resolve(DemoMunicipality.DATASET_FILE)),
                Files.readAllBytes(temp.resolve("template").resolve(DemoMunicipality.DATASET_FILE)));
    }

    private static byte[] gunzip(Path file) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return in.readAllBytes();
        }
    }
}
