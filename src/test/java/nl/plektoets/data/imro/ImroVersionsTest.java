package nl.plektoets.data.imro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import nl.plektoets.data.BadSourceException;
import nl.plektoets.data.Feature;
import nl.plektoets.data.Role;
import nl.plektoets.data.SourceFeatures;
import nl.plektoets.geo.WorkingCrs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.WKTReader;

/** IMRO2006 and IMRO2012 (own fixtures, see their header comments), a folder of plans, and bad files. */
class ImroVersionsTest {
    static final Path FIXTURES = Path.of("src", "test", "resources", "imro");
    static final Path P2012 = FIXTURES.resolve("NL.IMRO.9999.BPfixture2012-va01.gml");
    static final Path P2006 = FIXTURES.resolve("NL.IMRO.9999.BPfixture2006-.gml");
    final ImroReader reader = new ImroReader(WorkingCrs.rdNew());

    @Test
    void imro2012() throws Exception {
        ImroPlan plan = reader.read(P2012);
        assertEquals(ImroVersion.IMRO2012, plan.version());
        assertEquals("NL.IMRO.9999.BPfixture2012-va01", plan.planId()); // NEN3610ID namespace.lokaalID-versie
        assertEquals("vastgesteld", plan.status());
        assertEquals("2013-05-01", plan.date());
        assertEquals(1_000_000, plan.planArea().getArea(), 1e-6);
        Polygon e1 = (Polygon) plan.objects("Enkelbestemming").get(0).geometry();
        assertEquals(1, e1.getNumInteriorRing(), "the hole is kept");
        assertEquals(500 * 1000 - 100 * 100, e1.getArea(), 1e-6);

        SourceFeatures sf = ImroImport.features(plan, ImroRoleMapping.defaults());
        Map<Role, Long> byRole =
                sf.features().stream().collect(Collectors.groupingBy(Feature::role, Collectors.counting()));
        assertEquals(
                Map.of(
                        Role.AGRICULTURAL_PLOT,
                        2L,
                        Role.BUSINESS_PARK,
                        1L,
                        Role.RECREATION_ZONE,
                        1L,
                        Role.ENVIRONMENTAL_SOURCE,
                        1L),
                byRole); // the business park zone is also a source (no category label)

        Feature b1 = byId(sf, "NL.IMRO.B1");
        double exact = 100 * 100 + Math.PI * 50 * 50 / 2; // square plus half circle
        // chords deviate at most 0.1 m from the arc, so the area lost is at most arc length x 0.1 m
        assertEquals(exact, b1.geometry().getArea(), Math.PI * 50 * 0.1);
        assertTrue(b1.geometry().getArea() < exact, "chords lie inside the arc");
        assertTrue(b1.geometry().isValid());
        assertEquals("bedrijfswoning", b1.attribute("imro.functieaanduiding"));
        assertEquals("agrarisch met waarden", b1.attribute("imro.hoofdgroep"));
        assertEquals("4", b1.attribute("imro.artikel"));
        assertEquals("Agrarisch met waarden - Landschapswaarden", b1.attribute("name"));
        assertEquals(
                "Bouwvlak in Enkelbestemming agrarisch met waarden, artikel 4",
                b1.provenance().sourceTag());

        Feature b2 = byId(sf, "NL.IMRO.B2"); // a gml:Circle, no bestemmingsvlak reference: parent found spatially
        assertEquals(Math.PI * 2500, b2.geometry().getArea(), 2 * Math.PI * 50 * 0.1);
        assertEquals("NL.IMRO.E1", b2.attribute("imro.bestemmingId"));
        // every vertex of the densified circle lies on it; chords deviate at most 0.1 m
        for (var c : b2.geometry().getCoordinates())
            assertEquals(50, c.distance(new org.locationtech.jts.geom.Coordinate(230250, 500750)), 1e-6);
        assertTrue(b2.geometry().getBoundary().distance(new WKTReader().read("POINT (230250 500750)")) > 49.9);

        Feature e3 = byId(sf, "NL.IMRO.E3"); // 3D posList: heights dropped
        assertEquals(250_000, e3.geometry().getArea(), 1e-6);
        assertEquals(List.of(new SourceFeatures.Coverage(plan.planId(), plan.planArea())), sf.coverage());
    }

    @Test
    void imro2006() {
        ImroPlan plan = reader.read(P2006);
        assertEquals(ImroVersion.IMRO2006, plan.version());
        assertEquals("NL.IMRO.9999.BPfixture2006-", plan.planId());
        assertEquals("vastgesteld", plan.status());
        SourceFeatures sf = ImroImport.features(plan, ImroRoleMapping.defaults());
        Feature bp1 = byId(sf, "localidBP1");
        assertEquals(Role.AGRICULTURAL_PLOT, bp1.role());
        assertEquals("Agrarische doeleinden", bp1.attribute("name"));
        assertEquals("3", bp1.attribute("imro.artikel"));
        assertEquals("bedrijfswoning", bp1.attribute("imro.lettertekenaanduiding"));
        assertEquals("maatvoering; hoogte; bouwhoogte; maximum bouwhoogte (m)=10", bp1.attribute("imro.maatvoering"));
        assertEquals(10_000, bp1.geometry().getArea(), 1e-9);
        Feature ep2 = byId(sf, "localidEP2");
        assertEquals(Role.BUSINESS_PARK, ep2.role());
        assertEquals(40_000, ep2.geometry().getArea(), 1e-9);
        assertNull(byId(sf, "localidEP1"), "the agrarisch Enkelbestemming itself has no role");
    }

    @Test
    void aFolderReadsEveryPlan() {
        List<SourceFeatures> plans = ImroImport.read(FIXTURES, ImroRoleMapping.defaults(), WorkingCrs.rdNew(), m -> {});
        assertEquals(
                List.of("NL.IMRO.9999.BPfixture2006-", "NL.IMRO.9999.BPfixture2012-va01"),
                plans.stream().map(SourceFeatures::name).toList());
    }

    @Test
    void aMappingOverrideReplacesTheDefault(@TempDir Path dir) throws IOException {
        Path yaml = dir.resolve("roles.yaml");
        Files.writeString(yaml, """
                rules:
                  - role: business_park
                    type: Enkelbestemming
                    hoofdgroep: [agrarisch]
                    naam: "doeleinden$"
                labels: []
                """);
        SourceFeatures sf = ImroImport.features(reader.read(P2006), ImroRoleMapping.load(yaml));
        assertEquals(
                List.of("localidEP1"),
                sf.features().stream().map(f -> f.provenance().sourceId()).toList());
        Files.writeString(yaml, "rules:\n  - role: farm\n    type: Bouwvlak\n");
        BadSourceException e = assertThrows(BadSourceException.class, () -> ImroRoleMapping.load(yaml));
        assertTrue(e.getMessage().contains("rule 1") && e.getMessage().contains("unknown role 'farm'"), e.getMessage());
    }

    @Test
    void truncatedFileNamesFileAndLine(@TempDir Path dir) throws IOException {
        String full = Files.readString(P2012);
        Path cut = dir.resolve("cut.gml");
        Files.writeString(cut, full.substring(0, full.indexOf("<imro:Bouwvlak gml:id=\"NL.IMRO.B2\">") + 200));
        BadSourceException e = assertThrows(BadSourceException.class, () -> reader.read(cut));
        assertTrue(e.getMessage().startsWith("cut.gml, line "), e.getMessage());
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void wrongFormat(@TempDir Path dir) throws IOException {
        Path txt = dir.resolve("plan.gml");
        Files.writeString(txt, "statcode;naam\nGM0160;Hardenberg\n");
        BadSourceException e = assertThrows(BadSourceException.class, () -> reader.read(txt));
        assertTrue(e.getMessage().startsWith("plan.gml, line 1: not well-formed XML"), e.getMessage());
        assertTrue(!e.getMessage().contains("ParseError") && e.getMessage().contains("prolog"), e.getMessage());
        Path other = dir.resolve("other.gml");
        Files.writeString(other, "<?xml version=\"1.0\"?>\n<osm version=\"0.6\"></osm>\n");
        e = assertThrows(BadSourceException.class, () -> reader.read(other));
        assertTrue(e.getMessage().contains("other.gml, line 2: not an IMRO GML file"), e.getMessage());
    }

    @Test
    void unknownCrsNamesTheFeature(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("crs.gml");
        Files.writeString(
                f,
                Files.readString(P2012)
                        .replace(
                                "gml:id=\"g5\" srsName=\"urn:ogc:def:crs:EPSG::28992\"",
                                "gml:id=\"g5\" srsName=\"urn:ogc:def:crs:EPSG::999999\""));
        BadSourceException e = assertThrows(BadSourceException.class, () -> reader.read(f));
        assertTrue(
                e.getMessage().contains("feature NL.IMRO.E2") && e.getMessage().contains("Unknown CRS"),
                e.getMessage());
        Files.writeString(
                f,
                Files.readString(P2012)
                        .replace(
                                "gml:id=\"g5\" srsName=\"urn:ogc:def:crs:EPSG::28992\"",
                                "gml:id=\"g5\" srsName=\"Amersfoort / RD\""));
        e = assertThrows(BadSourceException.class, () -> reader.read(f));
        assertTrue(e.getMessage().contains("Unknown CRS 'Amersfoort / RD'"), e.getMessage());
    }

    @Test
    void emptyPlanAndBadGeometry(@TempDir Path dir) throws IOException {
        Path empty = dir.resolve("empty.gml");
        Files.writeString(empty, "<imro:FeatureCollectionIMRO xmlns:imro=\"http://www.geonovum.nl/imro/2008/1\"/>");
        assertTrue(assertThrows(BadSourceException.class, () -> reader.read(empty))
                .getMessage()
                .contains("no IMRO features"));
        Path open = dir.resolve("open.gml");
        Files.writeString(
                open,
                Files.readString(P2012, StandardCharsets.UTF_8)
                        .replace(
                                "230500 500000 231000 500000 231000 500500 230500 500500 230500 500000",
                                "230500 500000 231000 500000 231000 500500 230500 500500"));
        BadSourceException e = assertThrows(BadSourceException.class, () -> reader.read(open));
        assertTrue(e.getMessage().contains("ring not closed"), e.getMessage());
        assertTrue(e.getMessage().matches("open\\.gml, line \\d+: .*"), e.getMessage());
    }

    static Feature byId(SourceFeatures sf, String gmlId) {
        return sf.features().stream()
                .filter(f -> f.provenance().sourceId().equals(gmlId))
                .findFirst()
                .orElse(null);
    }
}
