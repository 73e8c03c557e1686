package nl.plektoets.data.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import nl.plektoets.data.BadSourceException;
import nl.plektoets.data.Feature;
import nl.plektoets.data.Role;
import nl.plektoets.data.layer.LayerImport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A municipality's list of establishments with addresses only, placed on the real BAG extract (Amsterdam Houthaven).
 * Expected places are read straight from the GeoPackage's minx/miny columns with SQL (not through the importer's
 * geometry decoding); "Silodam 219" is in the extract twice at different places (found by a GROUP BY), so it is
 * ambiguous.
 */
class GeocodedEstablishmentListTest {
    static final Path BAG = Path.of("..", "shared", "data", "bag", "bag.gpkg");

    @TempDir
    Path dir;

    static double[] bagPoint(String table, String street, int number, String letter) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + BAG.toAbsolutePath());
                PreparedStatement st = c.prepareStatement("SELECT minx, miny FROM " + table
                        + " WHERE straatnaam = ? AND huisnummer = ? AND coalesce(huisletter, '') = ?"
                        + " AND toevoeging IS NULL")) {
            st.setString(1, street);
            st.setInt(2, number);
            st.setString(3, letter);
            try (ResultSet rs = st.executeQuery()) {
                assertTrue(rs.next(), street + " " + number + letter);
                double[] p = {rs.getDouble(1), rs.getDouble(2)};
                assertTrue(!rs.next(), "one row for " + street + " " + number + letter);
                return p;
            }
        }
    }

    Path mapping() throws Exception {
        Files.writeString(
                dir.resolve("inrichtingen.csv"),
                "naam;straat;huisnummer;plaats;postcode;milieucategorie\n"
                        + "Garage A;Barentszstraat;234A;Amsterdam;;2\n"
                        + "Werkplaats B;barentszstraat;234 b;AMSTERDAM;;2\n"
                        + "Loods;;7;;1013 nj;3.1\n"
                        + "Onbekend;Hoofdstraat;1;Hardenberg;;2\n"
                        + "Dubbel;Silodam;219;Amsterdam;;2\n"
                        + "Woonboot;Van Diemenkade;14;Amsterdam;;1\n"
                        + "Zonder letter;Barentszstraat;234;Amsterdam;;2\n");
        Path m = dir.resolve("layers.yaml");
        Files.writeString(
                m,
                "layers:\n  - file: inrichtingen.csv\n    role: environmental_source\n    name: naam\n"
                        + "    category: milieucategorie\n    source: \"Gemeente, inrichtingen\"\n"
                        + "    address: {street: straat, number: huisnummer, town: plaats, postcode: postcode}\n");
        return m;
    }

    @Test
    void rowsArePlacedOnTheirBagAddressAndTheOthersReportedByLine() throws Exception {
        RegistryImport.Result r = RegistryImport.run(
                new RegistryImport.Options(
                        List.of(), null, BAG, null, null, null, List.of(mapping()), List.of(), null, null, "houthaven"),
                List.of(),
                null);
        Map<String, Feature> byName = r.dataset().layer(Role.ENVIRONMENTAL_SOURCE).stream()
                .collect(Collectors.toMap(f -> f.attribute("name"), f -> f));
        assertEquals(4, byName.size(), String.valueOf(byName.keySet()));
        assertAt(bagPoint("verblijfsobjecten", "Barentszstraat", 234, "A"), byName.get("Garage A"));
        assertAt(bagPoint("verblijfsobjecten", "Barentszstraat", 234, "B"), byName.get("Werkplaats B"));
        assertAt(bagPoint("verblijfsobjecten", "Barentszplein", 7, ""), byName.get("Loods"));
        assertAt(bagPoint("ligplaatsen", "Van Diemenkade", 14, ""), byName.get("Woonboot"));
        assertEquals("street_number_town", byName.get("Garage A").attribute("geocoded"));
        assertEquals("postcode_number", byName.get("Loods").attribute("geocoded"));
        assertEquals("3.1", byName.get("Loods").attribute("category"));
        assertTrue(byName.get("Woonboot").attribute("geocoded_address_id").startsWith("ligplaats"));

        List<LayerImport.Unplaced> u = r.summary().unplaced();
        assertEquals(
                List.of("line 5", "line 6", "line 8"),
                u.stream().map(LayerImport.Unplaced::line).toList());
        assertEquals("Hoofdstraat 1, Hardenberg", u.get(0).address());
        assertTrue(u.get(0).reason().startsWith("no address"), u.get(0).reason());
        assertTrue(
                u.get(1).reason().startsWith("ambiguous: 2 addresses"), u.get(1).reason());
        // Barentszstraat 234 exists only as 234A and 234B: exact means no letter is no match
        assertTrue(u.get(2).reason().startsWith("no address"), u.get(2).reason());
        String table = r.summary().table();
        assertTrue(table.contains("3 rows not placed"), table);
        assertTrue(table.contains("Gemeente, inrichtingen, line 5: Hoofdstraat 1, Hardenberg: no address"), table);
        assertTrue(
                r.dataset().info().sources().stream().anyMatch(s -> s.contains("3 rows not placed")),
                String.valueOf(r.dataset().info().sources()));
    }

    @Test
    void anAddressListWithoutTheAddressLayerSaysWhatToAdd() throws Exception {
        BadSourceException e = assertThrows(
                BadSourceException.class,
                () -> RegistryImport.run(
                        new RegistryImport.Options(
                                List.of(),
                                null,
                                null,
                                null,
                                null,
                                null,
                                List.of(mapping()),
                                List.of(),
                                null,
                                null,
                                "x"),
                        List.of(),
                        null));
        assertTrue(e.getMessage().contains("give --bag"), e.getMessage());
    }

    static void assertAt(double[] expected, Feature f) {
        assertEquals(expected[0], f.geometry().getCoordinate().x, 0.001, f.attribute("name"));
        assertEquals(expected[1], f.geometry().getCoordinate().y, 0.001, f.attribute("name"));
    }
}
