package nl.plektoets.data.bag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import nl.plektoets.data.BadSourceException;
import nl.plektoets.data.Feature;
import nl.plektoets.data.Role;
import nl.plektoets.data.SourceFeatures;
import nl.plektoets.data.SourceKind;
import nl.plektoets.geo.WorkingCrs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Point;

/**
 * The BAG 2.0 extracts of Doesburg in {@code ../shared/data/bag/}. Expected numbers counted outside the code (a
 * Python regex pass over the unzipped XML, see docs/import-bgt-bag2.md): the panden zip has 13,098 Pand records of
 * 7,797 objects; 7,797 records have no eindRegistratie and each is valid on the extract date 2020-09-15, one per
 * object; their statuses: Pand in gebruik 7,204, Pand gesloopt 389, Bouwvergunning verleend 168, Verbouwing pand 14,
 * Niet gerealiseerd pand 12, Sloopvergunning verleend 6, Pand in gebruik (niet ingemeten) 3, Pand ten onrechte
 * opgevoerd 1. The 7,395 kept panden have a total area of 633,474.647 m2 (shoelace over the posLists). The
 * verblijfsobjecten file has 5 records of 2 objects, read by eye.
 */
class BagExtractImportTest {
    static final Path BAG = Path.of("..", "shared", "data", "bag");

    @Test
    void pandenTheCurrentVoorkomenOfEachStandingBuilding() {
        BagExtractImport.Counts counts = new BagExtractImport.Counts();
        SourceFeatures s =
                BagExtractImport.read(BAG.resolve("0221PND15092020.zip"), WorkingCrs.rdNew(), x -> {}, counts);
        assertEquals(SourceKind.BAG, s.kind());
        assertEquals(13098, counts.records());
        assertEquals(13098 - 7797, counts.history());
        assertEquals(
                Map.of("Niet gerealiseerd pand", 12, "Pand gesloopt", 389, "Pand ten onrechte opgevoerd", 1),
                counts.dropped());
        assertEquals(7797 - 402, s.features().size());
        assertTrue(s.features().stream().allMatch(f -> f.role() == Role.BUILDING));
        Map<String, Long> status = s.features().stream()
                .collect(Collectors.groupingBy(f -> f.attribute("bag.status"), Collectors.counting()));
        assertEquals(
                Map.of(
                        "Pand in gebruik", 7204L,
                        "Bouwvergunning verleend", 168L,
                        "Verbouwing pand", 14L,
                        "Sloopvergunning verleend", 6L,
                        "Pand in gebruik (niet ingemeten)", 3L),
                status);
        assertEquals(
                633474.647,
                s.features().stream().mapToDouble(f -> f.geometry().getArea()).sum(),
                0.01);
        // 0221100000311191 has two voorkomens: the first (bouwjaar 9999) ended 2011-09-06, the second is current
        Feature p = s.features().stream()
                .filter(f -> f.provenance().sourceId().equals("pand/0221100000311191"))
                .findFirst()
                .orElseThrow();
        assertEquals("1992", p.attribute("bag.bouwjaar"));
        assertEquals("2", p.attribute("bag.voorkomen"));
        assertEquals("0221PND15092020.zip", p.provenance().source());
        assertEquals("BAG pand", p.provenance().sourceTag());
        String notes = String.join("\n", s.notes());
        assertTrue(
                notes.contains(
                        "13098 records, 5301 former voorkomens skipped (history), current: 7797 pand; dropped"
                                + " as not existing: Niet gerealiseerd pand 12, Pand gesloopt 389, Pand ten onrechte opgevoerd 1"),
                notes);
    }

    @Test
    void verblijfsobjectenAreAddressesWithUseAndDwellingAsTheGeoPackageImportSetsThem() {
        SourceFeatures s =
                BagExtractImport.read(BAG.resolve("0221VBO15092020-000001.xml"), WorkingCrs.rdNew(), x -> {});
        assertEquals(2, s.features().size());
        Map<String, Feature> byId = s.features().stream()
                .collect(Collectors.toMap(f -> f.provenance().sourceId(), f -> f));
        Feature home = byId.get("verblijfsobject/0221010000330226");
        assertEquals(Role.ADDRESS, home.role());
        assertEquals("woonfunctie", home.attribute("use"));
        assertEquals("yes", home.attribute("dwelling"));
        assertEquals("4", home.attribute("bag.voorkomen"), "the fourth voorkomen is the current one");
        assertEquals("Verbouwing verblijfsobject", home.attribute("bag.status"));
        assertEquals("223", home.attribute("bag.oppervlakte"));
        assertEquals("0221200000330227", home.attribute("bag.nummeraanduiding"));
        assertEquals("BAG verblijfsobject", home.provenance().sourceTag());
        Point at = (Point) home.geometry();
        assertEquals(206335.699, at.getX(), 1e-6);
        assertEquals(447529.842, at.getY(), 1e-6);
        Feature other = byId.get("verblijfsobject/0221010000330999");
        assertEquals("overige gebruiksfunctie", other.attribute("use"));
        assertEquals("no", other.attribute("dwelling"));
        assertEquals("0221200000330229", other.attribute("bag.nummeraanduiding"), "the main address, not a nevenadres");
        assertEquals("0221100000311191", other.attribute("bag.pand"));
        assertNull(other.attribute("street"), "street names are in the NUM/OPR files, not read");
        assertTrue(
                String.join("\n", s.notes()).contains("5 records, 3 former voorkomens skipped (history)"),
                s.notes().toString());
    }

    @Test
    void severalGebruiksdoelenAreKeptAndAnyWoonfunctieMakesADwelling(@TempDir Path dir) throws Exception {
        String xml = Files.readString(BAG.resolve("0221VBO15092020-000001.xml"))
                .replace(
                        "<Objecten:gebruiksdoel>overige gebruiksfunctie</Objecten:gebruiksdoel>",
                        "<Objecten:gebruiksdoel>winkelfunctie</Objecten:gebruiksdoel>"
                                + "<Objecten:gebruiksdoel>woonfunctie</Objecten:gebruiksdoel>");
        Path f = dir.resolve("vbo.xml");
        Files.writeString(f, xml);
        Feature shop = BagExtractImport.read(f, WorkingCrs.rdNew(), x -> {}).features().stream()
                .filter(x -> x.provenance().sourceId().endsWith("0221010000330999"))
                .findFirst()
                .orElseThrow();
        assertEquals("winkelfunctie, woonfunctie", shop.attribute("use"));
        assertEquals("yes", shop.attribute("dwelling"));
    }

    @Test
    void malformedAndForeignFilesSayWhatIsWrong(@TempDir Path dir) throws Exception {
        Path cut = dir.resolve("cut.xml");
        String xml = Files.readString(BAG.resolve("0221VBO15092020-000001.xml"));
        Files.writeString(cut, xml.substring(0, xml.length() / 2));
        BadSourceException e =
                assertThrows(BadSourceException.class, () -> BagExtractImport.read(cut, WorkingCrs.rdNew(), x -> {}));
        assertTrue(e.getMessage().startsWith("cut.xml, line "), e.getMessage());
        assertTrue(e.getMessage().contains("not well-formed XML, or truncated"), e.getMessage());
        Path other = dir.resolve("other.xml");
        Files.writeString(other, "<?xml version=\"1.0\"?><FeatureCollection/>");
        e = assertThrows(BadSourceException.class, () -> BagExtractImport.read(other, WorkingCrs.rdNew(), x -> {}));
        assertTrue(
                e.getMessage().contains("not a BAG 2.0 extract: the root element is FeatureCollection"),
                e.getMessage());
    }
}
