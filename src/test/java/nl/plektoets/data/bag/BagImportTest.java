package nl.plektoets.data.bag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import nl.plektoets.data.BadSourceException;
import nl.plektoets.data.Feature;
import nl.plektoets.data.Role;
import nl.plektoets.data.SourceFeatures;
import nl.plektoets.geo.WorkingCrs;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real BAG extract (Amsterdam Houthaven). Expected numbers come from SQL aggregates over the same file. */
class BagImportTest {
    static final Path GPKG = Path.of("..", "shared", "data", "bag", "bag.gpkg");
    static SourceFeatures bag;

    @BeforeAll
    static void read() {
        bag = BagImport.read(GPKG, WorkingCrs.rdNew(), m -> {});
    }

    static Map<String, Long> sql(String query) throws Exception {
        Map<String, Long> out = new TreeMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + GPKG.toAbsolutePath());
                ResultSet rs = c.createStatement().executeQuery(query)) {
            while (rs.next()) out.put(rs.getString(1), rs.getLong(2));
        }
        return out;
    }

    @Test
    void countsPerTable() throws Exception {
        Map<String, Long> expected = sql(
                "select 'verblijfsobject', count(*) from verblijfsobjecten union all"
                        + " select 'ligplaats', count(*) from ligplaatsen union all select 'standplaats', count(*) from standplaatsen");
        Map<String, Long> actual = bag.features().stream()
                .collect(Collectors.groupingBy(f -> f.attribute("bag.type"), TreeMap::new, Collectors.counting()));
        assertEquals(expected, actual);
        assertEquals(Map.of("ligplaats", 67L, "standplaats", 1L, "verblijfsobject", 1836L), actual); // data README
        assertTrue(bag.features().stream()
                .allMatch(f -> f.role() == Role.ADDRESS && f.geometry().getDimension() == 0));
    }

    @Test
    void addressesPerStreet() throws Exception {
        Map<String, Long> expected = sql(
                "select straatnaam, count(*) from (select straatnaam from verblijfsobjecten"
                        + " union all select straatnaam from ligplaatsen union all select straatnaam from standplaatsen) group by straatnaam");
        Map<String, Long> actual = bag.features().stream()
                .collect(Collectors.groupingBy(f -> f.attribute("street"), TreeMap::new, Collectors.counting()));
        assertEquals(expected, actual);
    }

    @Test
    void aKnownAddress() {
        List<Feature> hits = bag.features().stream()
                .filter(f -> "Barentszplein".equals(f.attribute("street")) && "1-H".equals(f.attribute("housenumber")))
                .toList();
        assertEquals(1, hits.size());
        Feature f = hits.get(0);
        assertEquals("POINT (121223 489163)", f.geometry().toText()); // decoded independently with Python's struct
        assertEquals("1013NJ", f.attribute("postcode"));
        assertEquals("Amsterdam", f.attribute("town"));
        assertEquals("Barentszplein 1-H", f.attribute("name"));
        assertEquals("bag.gpkg", f.provenance().source());
        assertEquals("verblijfsobject/0363200000039881", f.provenance().sourceId());
        assertTrue(bag.features().stream()
                .anyMatch(x ->
                        "Barentszstraat".equals(x.attribute("street")) && "234A".equals(x.attribute("housenumber"))));
    }

    @Test
    void missingGebruiksdoelIsSaid() throws Exception {
        long all =
                sql("select 'n', (select count(*) from verblijfsobjecten) + (select count(*) from ligplaatsen) + (select count(*) from standplaatsen)")
                        .get("n");
        assertTrue(bag.features().stream()
                .allMatch(f -> "assumed".equals(f.attribute("dwelling")) && f.attribute("use") == null));
        assertEquals(1, bag.notes().size());
        assertTrue(
                bag.notes().get(0).contains("no gebruiksdoel")
                        && bag.notes().get(0).contains("all " + all + " addresses"),
                bag.notes().get(0));
    }

    @Test
    void housenumberNotation() {
        assertEquals("12", BagImport.housenumber("12", null, null));
        assertEquals("12A-2", BagImport.housenumber("12", "A", "2"));
        assertEquals("1013NJ", BagImport.normalisePostcode("1013 nj"));
    }

    @Test
    void notAGeoPackage(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("bag.gpkg");
        Files.writeString(f, "<?xml version=\"1.0\"?><bag/>");
        BadSourceException e =
                assertThrows(BadSourceException.class, () -> BagImport.read(f, WorkingCrs.rdNew(), m -> {}));
        assertTrue(e.getMessage().startsWith("bag.gpkg: not a GeoPackage"), e.getMessage());
    }

    @Test
    void aGeoPackageWithoutBagTables(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("other.gpkg");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + f)) {
            c.createStatement().execute("create table gpkg_contents (table_name text, data_type text)");
            c.createStatement()
                    .execute(
                            "create table gpkg_geometry_columns (table_name text, column_name text, geometry_type_name text, srs_id int)");
            c.createStatement()
                    .execute(
                            "create table gpkg_spatial_ref_sys (srs_id int, organization text, organization_coordsys_id int)");
        }
        BadSourceException e =
                assertThrows(BadSourceException.class, () -> BagImport.read(f, WorkingCrs.rdNew(), m -> {}));
        assertTrue(e.getMessage().contains("no BAG tables"), e.getMessage());
    }
}
