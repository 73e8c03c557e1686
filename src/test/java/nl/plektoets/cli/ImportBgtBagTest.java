package nl.plektoets.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import nl.plektoets.cli.ImportCommandTest.Run;
import nl.plektoets.data.Dataset;
import nl.plektoets.data.ImportProgress;
import nl.plektoets.data.Role;
import nl.plektoets.data.directory.DataDirectory;
import nl.plektoets.store.TestPostgis;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code plektoets import --bgt --bag-extract} on the real files into a data directory and into PostGIS, counted
 * there with SQL; a damaged file exits with 2. Expected counts as in {@code BgtImportTest} and
 * {@code BagExtractImportTest} (counted outside the code).
 */
@Tag("slow") // reads the BGT zip and the panden zip twice (about 30 s on a shared machine)
class ImportBgtBagTest {
    static final Path DATA = ImportCommandTest.DATA;
    static final Path BGT = DATA.resolve("bgt/otterlo_bgt.zip");
    static final Path PANDEN = DATA.resolve("bag/0221PND15092020.zip");
    static final Path VBO = DATA.resolve("bag/0221VBO15092020-000001.xml");

    @Test
    void bgtAndBag2IntoADataDirectoryAndPostgis(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("data");
        String db = TestPostgis.freshSchemaUrl() + "&user=" + TestPostgis.USER;
        Run r = ImportCommandTest.run(
                "--bgt", BGT.toString(),
                "--bag-extract", PANDEN.toString(),
                "--bag-extract", VBO.toString(),
                "--out", out.toString(),
                "--db", db);
        assertEquals(0, r.code(), r.err());
        // the summary: one row per source and role, and the notes with the history and drop counts
        assertTrue(r.out().matches("(?s).*otterlo_bgt\\.zip\\s+bgt\\s+erf\\s+193\\s+0\\s+0.*"), r.out());
        assertTrue(r.out().matches("(?s).*0221PND15092020\\.zip\\s+bag\\s+building\\s+7395\\s+0\\s+0.*"), r.out());
        assertTrue(r.out().contains("dropped as not existing: Niet gerealiseerd pand 12, Pand gesloopt 389"), r.out());
        assertTrue(r.out().contains("bgt: otterlo_bgt.zip (BGT"), r.out());
        Dataset d = DataDirectory.load(out, null, ImportProgress.NONE);
        assertEquals(193, d.layer(Role.ERF).size());
        assertEquals(1252, d.layer(Role.ROAD).size());
        assertEquals(1711 + 7395, d.layer(Role.BUILDING).size(), "Otterlo and Doesburg do not overlap: all kept");
        assertEquals(2, d.layer(Role.ADDRESS).size());
        try (Connection c = DriverManager.getConnection(db);
                Statement st = c.createStatement()) {
            assertEquals(193, count(st, "SELECT count(*) FROM layer_erf"));
            assertEquals(
                    193,
                    count(
                            st,
                            "SELECT count(*) FROM layer_erf WHERE source = 'otterlo_bgt.zip'"
                                    + " AND source_id LIKE 'onbegroeidterreindeel/%' AND attributes->>'bgt.fysiekVoorkomen' = 'erf'"));
            assertEquals(
                    106,
                    count(
                            st,
                            "SELECT count(*) FROM layer_road WHERE attributes->>'bgt.functie' = 'fietspad'"
                                    + " AND attributes->>'car' = 'no' AND attributes->>'fire_engine' = 'no'"));
            assertEquals(7395, count(st, "SELECT count(*) FROM layer_building WHERE source = '0221PND15092020.zip'"));
            assertEquals(
                    0,
                    count(
                            st,
                            "SELECT count(*) FROM layer_building WHERE attributes->>'bag.status' IN"
                                    + " ('Pand gesloopt', 'Niet gerealiseerd pand', 'Pand ten onrechte opgevoerd')"));
            // the panden's area by PostGIS, against the shoelace sum over the XML (BagExtractImportTest)
            try (ResultSet rs = st.executeQuery(
                    "SELECT sum(ST_Area(geom)) FROM layer_building WHERE source = '0221PND15092020.zip'")) {
                rs.next();
                assertEquals(633474.647, rs.getDouble(1), 0.01);
            }
        }
    }

    private static long count(Statement st, String sql) throws Exception {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void aDamagedExtractExitsWith2NamingTheEntry(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("0221PND-cut.zip");
        try (ZipFile z = new ZipFile(PANDEN.toFile());
                ZipOutputStream zo = new ZipOutputStream(Files.newOutputStream(bad))) {
            ZipEntry e = z.getEntry("0221PND15092020-000002.xml");
            try (InputStream in = z.getInputStream(e)) {
                zo.putNextEntry(new ZipEntry(e.getName()));
                zo.write(in.readNBytes(100_000));
                zo.closeEntry();
            }
        }
        Path out = dir.resolve("data");
        Run r = ImportCommandTest.run("--bag-extract", bad.toString(), "--out", out.toString());
        assertEquals(2, r.code(), r.out());
        assertTrue(r.err().startsWith("import failed: 0221PND-cut.zip!0221PND15092020-000002.xml, line "), r.err());
        assertTrue(r.err().contains("not well-formed XML, or truncated"), r.err());
        assertTrue(Files.notExists(out), "nothing written");

        Path gml = dir.resolve("bgt_pand.gml");
        Files.writeString(gml, "<CityModel xmlns=\"http://www.opengis.net/citygml/2.0\"><cityObjectMember>");
        r = ImportCommandTest.run("--bgt", gml.toString(), "--out", out.toString());
        assertEquals(2, r.code(), r.out());
        assertTrue(r.err().startsWith("import failed: bgt_pand.gml, line 1"), r.err());

        r = ImportCommandTest.run("--bgt", dir.resolve("missing.zip").toString(), "--out", out.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--bgt") && r.err().contains("no such file"), r.err());
    }
}
