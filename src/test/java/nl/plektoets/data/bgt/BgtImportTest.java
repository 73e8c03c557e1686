package nl.plektoets.data.bgt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import nl.plektoets.data.BadSourceException;
import nl.plektoets.data.Feature;
import nl.plektoets.data.Role;
import nl.plektoets.data.SourceFeatures;
import nl.plektoets.data.SourceKind;
import nl.plektoets.geo.WorkingCrs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The BGT download of Otterlo ({@code ../shared/data/bgt/otterlo_bgt.zip}). The expected numbers were counted
 * outside the code, per cityObjectMember of the unzipped files (a Python regex count, see docs/import-bgt-bag2.md):
 * bgt_pand.gml 2,273 members of which 562 with eindRegistratie, 30 of the rest with plus-status plan;
 * bgt_wegdeel.gml 2,444 / 1,192 history, the current ones by function inrit 346, rijbaan regionale weg 306,
 * voetpad 219, rijbaan lokale weg 209, fietspad 106, parkeervlak 54, OV-baan 6, voetpad op trap 3,
 * voetgangersgebied 3; bgt_onbegroeidterreindeel.gml 830 / 403 history, current by fysiekVoorkomen erf 193,
 * onverhard 150, open verharding 41, gesloten verharding 26, half verhard 17. Pand areas by the shoelace formula
 * over the posLists (none of the panden has arcs).
 */
class BgtImportTest {
    static final Path ZIP = Path.of("..", "shared", "data", "bgt", "otterlo_bgt.zip");
    private static SourceFeatures otterlo;

    static synchronized SourceFeatures otterlo() {
        if (otterlo == null) otterlo = BgtImport.read(ZIP, null, WorkingCrs.rdNew(), s -> {});
        return otterlo;
    }

    private static List<Feature> of(Role role) {
        return otterlo().features().stream().filter(f -> f.role() == role).toList();
    }

    @Test
    void currentPandenErvenAndWegdelenWithHistorySkipped() {
        SourceFeatures s = otterlo();
        assertEquals(SourceKind.BGT, s.kind());
        assertEquals("otterlo_bgt.zip", s.name());
        assertEquals(2273 - 562, of(Role.BUILDING).size());
        assertEquals(193, of(Role.ERF).size());
        assertEquals(2444 - 1192, of(Role.ROAD).size());
        assertEquals(1711 + 193 + 1252, s.features().size(), "nothing else: no other role");
        String notes = String.join("\n", s.notes());
        assertTrue(
                notes.contains("BGT pand 2273 read, 562 history skipped (eindRegistratie), 1711 imported as building"
                        + " (30 planned: bgt.status=plan)"),
                notes);
        assertTrue(
                notes.contains("BGT wegdeel 2444 read, 1192 history skipped (eindRegistratie), 1252 imported as road"),
                notes);
        assertTrue(
                notes.contains("BGT onbegroeidterreindeel 830 read, 403 history skipped (eindRegistratie), 193"
                        + " imported as erf; not imported (fysiekVoorkomen other than erf): gesloten verharding 26, half verhard"
                        + " 17, onverhard 150, open verharding 41"),
                notes);
        assertEquals(
                30,
                of(Role.BUILDING).stream()
                        .filter(f -> "plan".equals(f.attribute("bgt.status")))
                        .count());
    }

    @Test
    void roadFunctionGivesCarAndFireEngineAccess() {
        Map<String, Long> byFunction = of(Role.ROAD).stream()
                .collect(Collectors.groupingBy(f -> f.attribute("bgt.functie"), Collectors.counting()));
        assertEquals(
                Map.of(
                        "inrit", 346L,
                        "rijbaan regionale weg", 306L,
                        "voetpad", 219L,
                        "rijbaan lokale weg", 209L,
                        "fietspad", 106L,
                        "parkeervlak", 54L,
                        "OV-baan", 6L,
                        "voetpad op trap", 3L,
                        "voetgangersgebied", 3L),
                byFunction);
        Map<String, Long> car = count("car"), fire = count("fire_engine");
        // car: the carriageways, driveways and parking (306 + 209 + 346 + 54); the rest no
        assertEquals(Map.of("yes", 915L, "no", 337L), car);
        // fire engine: carriageways and bus lanes (306 + 209 + 6); paths no (219 + 106 + 3); driveways, parking and
        // the pedestrian area unknown (346 + 54 + 3)
        assertEquals(Map.of("yes", 521L, "no", 328L, "unknown", 403L), fire);
        Feature fietspad = of(Role.ROAD).stream()
                .filter(f -> f.attribute("bgt.functie").equals("fietspad"))
                .findFirst()
                .orElseThrow();
        assertEquals("no", fietspad.attribute("car"));
        assertEquals("no", fietspad.attribute("fire_engine"));
        assertEquals("BGT wegdeel functie=fietspad", fietspad.provenance().sourceTag());
    }

    private static Map<String, Long> count(String key) {
        return of(Role.ROAD).stream().collect(Collectors.groupingBy(f -> f.attribute(key), Collectors.counting()));
    }

    @Test
    void provenanceNamesTheFileTheLayerAndTheLokaalId() {
        Feature inrit = of(Role.ROAD).stream()
                .filter(f -> f.provenance().sourceId().equals("wegdeel/P0025.0119231a737b430f8df99052fd4fe755"))
                .findFirst()
                .orElseThrow();
        assertEquals("otterlo_bgt.zip", inrit.provenance().source());
        assertEquals("BGT wegdeel functie=inrit", inrit.provenance().sourceTag());
        assertEquals("open verharding", inrit.attribute("bgt.fysiekVoorkomen"));
        assertEquals("bestaand", inrit.attribute("bgt.status"));
        Feature pand = of(Role.BUILDING).stream()
                .filter(f -> f.provenance().sourceId().equals("pand/G0228.fe246f2e4755d6d6e0400a0a35020533"))
                .findFirst()
                .orElseThrow();
        assertEquals("BGT pand", pand.provenance().sourceTag());
        assertEquals("0228100000031255", pand.attribute("bag.id"));
        assertEquals(12.7566, pand.geometry().getArea(), 1e-3);
        assertEquals(
                191521.0,
                of(Role.BUILDING).stream()
                        .mapToDouble(f -> f.geometry().getArea())
                        .sum(),
                0.01);
        Feature erf = of(Role.ERF).get(0);
        assertTrue(
                erf.provenance().sourceId().startsWith("onbegroeidterreindeel/G0228."),
                erf.provenance().sourceId());
        assertEquals("BGT onbegroeid terreindeel erf", erf.provenance().sourceTag());
        assertEquals("erf", erf.attribute("bgt.fysiekVoorkomen"));
        for (Feature f : of(Role.ERF))
            assertTrue(f.geometry().getArea() > 0, f.provenance().describe());
    }

    @Test
    void aFolderOfLayersReadsTheSameAsTheZip(@TempDir Path dir) throws Exception {
        try (ZipFile z = new ZipFile(ZIP.toFile())) {
            for (String n : List.of("bgt_onbegroeidterreindeel.gml", "bgt_waterdeel.gml")) {
                try (InputStream in = z.getInputStream(z.getEntry(n))) {
                    Files.copy(in, dir.resolve(n));
                }
            }
        }
        SourceFeatures s = BgtImport.read(dir, null, WorkingCrs.rdNew(), x -> {});
        assertEquals(193, s.features().size());
        assertTrue(s.features().stream().allMatch(f -> f.role() == Role.ERF));
    }

    @Test
    void aTruncatedLayerNamesTheEntryAndLine(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad_bgt.zip");
        try (ZipFile z = new ZipFile(ZIP.toFile());
                OutputStream out = Files.newOutputStream(bad);
                ZipOutputStream zo = new ZipOutputStream(out)) {
            byte[] pand = z.getInputStream(z.getEntry("bgt_pand.gml")).readAllBytes();
            zo.putNextEntry(new ZipEntry("bgt_pand.gml"));
            zo.write(pand, 0, 20_000); // cut in the middle of a feature
            zo.closeEntry();
        }
        BadSourceException e =
                assertThrows(BadSourceException.class, () -> BgtImport.read(bad, null, WorkingCrs.rdNew(), x -> {}));
        assertTrue(e.getMessage().startsWith("bad_bgt.zip!bgt_pand.gml, line "), e.getMessage());
        assertTrue(e.getMessage().contains("not well-formed XML, or truncated"), e.getMessage());
    }

    @Test
    void aZipWithoutBgtLayersSaysWhatItExpected(@TempDir Path dir) throws Exception {
        Path other = dir.resolve("other.zip");
        try (ZipOutputStream zo = new ZipOutputStream(Files.newOutputStream(other))) {
            zo.putNextEntry(new ZipEntry("readme.txt"));
            zo.write("hello".getBytes());
            zo.closeEntry();
        }
        BadSourceException e =
                assertThrows(BadSourceException.class, () -> BgtImport.read(other, null, WorkingCrs.rdNew(), x -> {}));
        assertTrue(e.getMessage().contains("no BGT layer in the zip: expected bgt_pand.gml"), e.getMessage());
        Path notZip = dir.resolve("not.zip");
        Files.writeString(notZip, "not a zip");
        e = assertThrows(BadSourceException.class, () -> BgtImport.read(notZip, null, WorkingCrs.rdNew(), x -> {}));
        assertTrue(e.getMessage().startsWith("not.zip: not a zip file"), e.getMessage());
    }
}
