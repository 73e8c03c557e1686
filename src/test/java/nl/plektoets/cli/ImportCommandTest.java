package nl.plektoets.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import nl.plektoets.data.Dataset;
import nl.plektoets.data.ImportProgress;
import nl.plektoets.data.Role;
import nl.plektoets.data.directory.DataDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The import command on real files: a data directory the server can load, and bad input that leaves it alone. */
class ImportCommandTest {
    static final Path DATA = Path.of("..", "shared", "data");

    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = ImportCommand.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                ImportProgress.NONE);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void hardenbergIntoADataDirectory(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("hardenberg");
        Run r = run(
                "--top10nl",
                DATA.resolve("cbs/top10nl_plaats.gml.gz").toString(),
                "--gemeenten",
                DATA.resolve("cbs/gemeenten_zonder_water.geojson").toString(),
                "--municipality",
                "GM0160",
                "--osm",
                DATA.resolve("osm/nl-heemserveen-jachthuisweg.osm.pbf").toString(),
                "--out",
                out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("village") && r.out().contains("total"), r.out());
        Dataset d = DataDirectory.load(out, null, ImportProgress.NONE); // served from the cache the import wrote
        assertEquals(15, d.layer(Role.VILLAGE).size());
        assertEquals(20, d.layer(Role.ROAD).size());
        assertEquals("Hardenberg (registers)", d.info().name());
        String json = Files.readString(out.resolve("dataset.json"));
        assertTrue(
                json.contains("\"workingCrs\" : \"EPSG:28992\"") && json.contains("\"importArgs\" : [ \"--top10nl\""),
                json);
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(1, s.count(), "no temporary directories left beside it");
        }
    }

    @Test
    void badInputExitsWith2AndLeavesTheDirectoryAlone(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("data");
        Files.createDirectories(out);
        Files.writeString(out.resolve("dataset.json"), "{\"name\": \"previous\"}");
        Path bad = dir.resolve("plan.gml");
        Files.writeString(
                bad,
                "<imro:FeatureCollectionIMRO xmlns:imro=\"http://www.geonovum.nl/imro/2008/1\">\n<imro:featureMember>");
        Run r = run("--imro", bad.toString(), "--out", out.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("import failed: plan.gml, line 2"), r.err());
        assertEquals("{\"name\": \"previous\"}", Files.readString(out.resolve("dataset.json")));
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(2, s.count(), "only data/ and plan.gml");
        }
        r = run("--bag", dir.resolve("missing.gpkg").toString(), "--out", out.toString());
        assertEquals(2, r.code());
        assertTrue(
                r.err().contains("--bag")
                        && r.err().contains("no such file")
                        && r.err().contains("usage:"),
                r.err());
        r = run(
                "--municipality",
                "GM0160",
                "--top10nl",
                DATA.resolve("cbs/top10nl_plaats.gml.gz").toString(),
                "--out",
                out.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("needs --gemeenten"), r.err());
    }

    @Test
    void anImportOverADirectoryKeepsItsEmbeddedRegisters(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("data");
        Path plan = DATA.resolve("imro/NL.IMRO.1680.1800030105-0000_aa-en-hunze.gml");
        assertEquals(0, run("--imro", plan.toString(), "--out", out.toString()).code());
        // what serve's embedded store holds: permits, initiatives and their audit
        byte[] registers = Files.readAllBytes(DATA.resolve("bag/bag.gpkg"));
        Files.write(out.resolve("plektoets.gpkg"), registers);
        Files.writeString(out.resolve("plektoets.gpkg-wal"), "pending");
        Run again = run("--imro", plan.toString(), "--name", "again", "--out", out.toString());
        assertEquals(0, again.code(), again.err());
        assertTrue(Files.readString(out.resolve("dataset.json")).contains("again"));
        assertArrayEquals(registers, Files.readAllBytes(out.resolve("plektoets.gpkg")), "the registers are kept");
        assertEquals("pending", Files.readString(out.resolve("plektoets.gpkg-wal")));
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(1, s.count(), "the replaced directory is gone");
        }
    }
}
