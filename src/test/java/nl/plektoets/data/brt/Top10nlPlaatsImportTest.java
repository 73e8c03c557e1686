package nl.plektoets.data.brt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import nl.plektoets.data.BadSourceException;
import nl.plektoets.data.Feature;
import nl.plektoets.data.Role;
import nl.plektoets.data.SourceFeatures;
import nl.plektoets.data.cbs.CbsGemeenten;
import nl.plektoets.data.cbs.Municipality;
import nl.plektoets.geo.WorkingCrs;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * TOP10NL Plaats (Overijssel) clipped to Hardenberg (GM0160) with the CBS boundaries. The expected woonkernen and
 * populations were derived independently with a Python script (regular expressions over the gzip'd GML, ray-casting
 * point-in-polygon of each woonkern's vertex centroid in the GM0160 MultiPolygon of the GeoJSON): 15 woonkernen, as
 * the data README says, with Hardenberg 20,340 and Dedemsvaart 11,955.
 */
class Top10nlPlaatsImportTest {
    static final Path TOP10NL = Path.of("..", "shared", "data", "cbs", "top10nl_plaats.gml.gz");
    static final Path GEMEENTEN = Path.of("..", "shared", "data", "cbs", "gemeenten_zonder_water.geojson");
    static final Map<String, String> HARDENBERG_WOONKERNEN = new TreeMap<>(Map.ofEntries(
            Map.entry("Ane", "190"),
            Map.entry("Balkbrug", "2555"),
            Map.entry("Bergentheim", "2580"),
            Map.entry("Bruchterveld", "475"),
            Map.entry("De Krim", "1620"),
            Map.entry("Dedemsvaart", "11955"),
            Map.entry("Gramsbergen", "3380"),
            Map.entry("Hardenberg", "20340"),
            Map.entry("Hoogenweg", "180"),
            Map.entry("Kloosterhaar", "1235"),
            Map.entry("Lutten", "1535"),
            Map.entry("Mariënberg", "800"),
            Map.entry("Schuinesloot", "605"),
            Map.entry("Sibculo", "940"),
            Map.entry("Slagharen", "2615")));
    static SourceFeatures overijssel;
    static Municipality hardenberg;

    @BeforeAll
    static void read() {
        overijssel =
                Top10nlPlaatsImport.read(TOP10NL, Top10nlPlaatsImport.Mapping.defaults(), WorkingCrs.rdNew(), m -> {});
        hardenberg = CbsGemeenten.find(GEMEENTEN, "GM0160", WorkingCrs.rdNew());
    }

    @Test
    void hardenbergHasItsFifteenWoonkernen() {
        SourceFeatures clipped = CbsGemeenten.clip(overijssel, hardenberg);
        Map<String, String> villages = clipped.features().stream()
                .filter(f -> f.role() == Role.VILLAGE)
                .collect(Collectors.toMap(
                        f -> f.attribute("name"), f -> f.attribute("population"), (a, b) -> a + "," + b, TreeMap::new));
        assertEquals(HARDENBERG_WOONKERNEN, villages);
        assertEquals("11955", villages.get("Dedemsvaart"));
        // every woonkern here has bebouwdeKom=ja, so each is a built-up area too
        assertEquals(
                15,
                clipped.features().stream()
                        .filter(f -> f.role() == Role.BUILT_UP_AREA)
                        .count());
        Feature dedemsvaart = clipped.features().stream()
                .filter(f -> f.role() == Role.VILLAGE && f.attribute("name").equals("Dedemsvaart"))
                .findFirst()
                .orElseThrow();
        assertEquals("woonkern", dedemsvaart.attribute("type"));
        assertEquals("NL.TOP10NL.132596508", dedemsvaart.provenance().sourceId());
        assertEquals(
                "TOP10NL Plaats typeGebied=woonkern", dedemsvaart.provenance().sourceTag());
        assertTrue(dedemsvaart.geometry().isValid() && dedemsvaart.geometry().getArea() > 1_000_000);
    }

    @Test
    void clippingKeepsOnlyFeaturesInGm0160() {
        SourceFeatures clipped = CbsGemeenten.clip(overijssel, hardenberg);
        PreparedGeometry boundary = PreparedGeometryFactory.prepare(hardenberg.boundary());
        assertTrue(clipped.features().stream()
                .allMatch(f -> boundary.covers(f.geometry().getInteriorPoint())));
        long outside = overijssel.features().stream()
                .filter(f -> !boundary.covers(f.geometry().getInteriorPoint()))
                .count();
        assertEquals(overijssel.features().size() - outside, clipped.features().size());
        assertTrue(outside > 500, "Overijssel has many more places: " + outside);
        assertFalse(
                clipped.features().stream().anyMatch(f -> "Ommen".equals(f.attribute("name"))),
                "a neighbour stays out");
        assertTrue(clipped.notes().stream().anyMatch(n -> n.contains("clipped to GM0160 Hardenberg")));
    }

    @Test
    void rolesPerTypeGebied() {
        Map<Role, Long> byRole =
                overijssel.features().stream().collect(Collectors.groupingBy(Feature::role, Collectors.counting()));
        // counts of the file (grep over typeGebied/bebouwdeKom): 287 woonkern (all bebouwdeKom=ja),
        // 15 industriekern + 1 recreatiekern with bebouwdeKom=ja, 20 industriekern in all
        assertEquals(287L, byRole.get(Role.VILLAGE));
        assertEquals(287L + 15 + 1, byRole.get(Role.BUILT_UP_AREA));
        assertEquals(20L, byRole.get(Role.BUSINESS_PARK));
    }

    @Test
    void municipalityCodes() {
        assertEquals("Hardenberg", hardenberg.name());
        assertEquals(
                hardenberg.code(),
                CbsGemeenten.find(GEMEENTEN, "160", WorkingCrs.rdNew()).code());
        BadSourceException e = assertThrows(
                BadSourceException.class, () -> CbsGemeenten.find(GEMEENTEN, "GM9999", WorkingCrs.rdNew()));
        assertTrue(e.getMessage().contains("no municipality GM9999"), e.getMessage());
    }

    @Test
    void truncatedGzipNamesTheFile(@TempDir Path dir) throws IOException {
        Path cut = dir.resolve("top10nl_cut.gml.gz");
        byte[] xml;
        try (var in = new GZIPInputStream(Files.newInputStream(TOP10NL))) {
            xml = in.readNBytes(200_000);
        }
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(cut))) {
            out.write(xml);
        }
        BadSourceException e = assertThrows(
                BadSourceException.class,
                () -> Top10nlPlaatsImport.read(
                        cut, Top10nlPlaatsImport.Mapping.defaults(), WorkingCrs.rdNew(), m -> {}));
        assertTrue(e.getMessage().startsWith("top10nl_cut.gml.gz"), e.getMessage());
        assertTrue(e.getMessage().contains("line") || e.getMessage().contains("truncated"), e.getMessage());
    }
}
