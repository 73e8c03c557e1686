package nl.plektoets.data.bag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import nl.plektoets.data.Feature;
import nl.plektoets.data.Role;
import nl.plektoets.data.SourceFeatures;
import nl.plektoets.geo.WorkingCrs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ByteOrderValues;
import org.locationtech.jts.io.WKBWriter;
import org.locationtech.jts.io.WKTReader;

/**
 * The other BAG extract style (Kadaster's bag-light GeoPackage: tables verblijfsobject, pand, woonplaats; columns
 * openbare_ruimte_naam, woonplaats_naam, gebruiksdoel, oppervlakte, bouwjaar), written by the test, with gebruiksdoel
 * present: dwellings are the woonfunctie addresses.
 */
class BagLightTest {
    @Test
    void gebruiksdoelDecidesDwellingsAndPandenAreBuildings(@TempDir Path dir) throws Exception {
        Path gpkg = dir.resolve("bag-light.gpkg");
        WKTReader wkt = new WKTReader();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + gpkg);
                Statement st = c.createStatement()) {
            st.execute(
                    "create table gpkg_spatial_ref_sys (srs_name text, srs_id integer primary key, organization text, organization_coordsys_id integer, definition text)");
            st.execute(
                    "insert into gpkg_spatial_ref_sys values ('Amersfoort / RD New', 28992, 'EPSG', 28992, 'undefined')");
            st.execute(
                    "create table gpkg_contents (table_name text primary key, data_type text, identifier text, srs_id integer)");
            st.execute(
                    "create table gpkg_geometry_columns (table_name text, column_name text, geometry_type_name text, srs_id integer, z tinyint, m tinyint)");
            for (String t : List.of("verblijfsobject", "pand", "woonplaats")) {
                st.execute("insert into gpkg_contents values ('" + t + "', 'features', '" + t + "', 28992)");
                st.execute("insert into gpkg_geometry_columns values ('" + t + "', 'geom', 'GEOMETRY', 28992, 0, 0)");
            }
            st.execute(
                    "create table verblijfsobject (feature_id integer primary key, geom blob, identificatie text, openbare_ruimte_naam text,"
                            + " huisnummer integer, huisletter text, toevoeging text, postcode text, woonplaats_naam text, gebruiksdoel text, oppervlakte integer, status text)");
            st.execute(
                    "create table pand (feature_id integer primary key, geom blob, identificatie text, bouwjaar integer, status text)");
            st.execute(
                    "create table woonplaats (feature_id integer primary key, geom blob, identificatie text, woonplaats text)");
            try (PreparedStatement vo = c.prepareStatement(
                    "insert into verblijfsobject values (?, ?, ?, 'Jachthuisweg', ?, ?, null, '7797 RA', 'Heemserveen', ?, ?, ?)")) {
                Object[][] rows = {
                    {
                        1,
                        "POINT (240100 510100)",
                        "0160010000000001",
                        1,
                        null,
                        "woonfunctie",
                        120,
                        "Verblijfsobject in gebruik"
                    },
                    {
                        2,
                        "POINT (240110 510100)",
                        "0160010000000002",
                        3,
                        "A",
                        "woonfunctie,kantoorfunctie",
                        95,
                        "Verblijfsobject in gebruik"
                    },
                    {
                        3,
                        "POINT (240120 510100)",
                        "0160010000000003",
                        5,
                        null,
                        "industriefunctie",
                        800,
                        "Verblijfsobject in gebruik"
                    },
                    {4, "POINT (240130 510100)", "0160010000000004", 7, null, null, null, "Verblijfsobject ingetrokken"}
                };
                for (Object[] r : rows) {
                    vo.setInt(1, (Integer) r[0]);
                    vo.setBytes(2, blob(wkt.read((String) r[1])));
                    vo.setString(3, (String) r[2]);
                    vo.setInt(4, (Integer) r[3]);
                    vo.setString(5, (String) r[4]);
                    vo.setString(6, (String) r[5]);
                    if (r[6] == null) vo.setNull(7, java.sql.Types.INTEGER);
                    else vo.setInt(7, (Integer) r[6]);
                    vo.setString(8, (String) r[7]);
                    vo.executeUpdate();
                }
            }
            try (PreparedStatement p =
                    c.prepareStatement("insert into pand values (1, ?, '0160100000000001', 1932, 'Pand in gebruik')")) {
                p.setBytes(
                        1,
                        blob(
                                wkt.read(
                                        "POLYGON ((240090 510090, 240140 510090, 240140 510110, 240090 510110, 240090 510090))")));
                p.executeUpdate();
            }
            try (PreparedStatement p =
                    c.prepareStatement("insert into woonplaats values (1, ?, '1234', 'Heemserveen')")) {
                p.setBytes(
                        1,
                        blob(
                                wkt.read(
                                        "POLYGON ((239000 509000, 241000 509000, 241000 511000, 239000 511000, 239000 509000))")));
                p.executeUpdate();
            }
        }
        SourceFeatures bag = BagImport.read(gpkg, WorkingCrs.rdNew(), m -> {});
        Map<Role, Long> byRole =
                bag.features().stream().collect(Collectors.groupingBy(Feature::role, Collectors.counting()));
        assertEquals(Map.of(Role.ADDRESS, 4L, Role.BUILDING, 1L), byRole);
        Map<String, String> dwelling = bag.features().stream()
                .filter(f -> f.role() == Role.ADDRESS)
                .collect(Collectors.toMap(
                        f -> f.attribute("housenumber"), f -> String.valueOf(f.attribute("dwelling"))));
        assertEquals(
                Map.of("1", "yes", "3A", "yes", "5", "no", "7", "null"),
                dwelling,
                "7 is withdrawn and has no gebruiksdoel: neither a dwelling nor assumed one");
        Feature a = bag.features().stream()
                .filter(f -> "3A".equals(f.attribute("housenumber")))
                .findFirst()
                .orElseThrow();
        assertEquals("Jachthuisweg", a.attribute("street"));
        assertEquals("7797RA", a.attribute("postcode"));
        assertEquals("Heemserveen", a.attribute("town"));
        assertEquals("woonfunctie,kantoorfunctie", a.attribute("use"));
        assertEquals("95", a.attribute("bag.oppervlakte"));
        assertEquals("verblijfsobject/0160010000000002", a.provenance().sourceId());
        Feature pand = bag.features().stream()
                .filter(f -> f.role() == Role.BUILDING)
                .findFirst()
                .orElseThrow();
        assertEquals("1932", pand.attribute("bag.bouwjaar"));
        assertEquals(1000, pand.geometry().getArea(), 1e-9);
        assertEquals("pand/0160100000000001", pand.provenance().sourceId());
        assertTrue(
                bag.notes().stream().anyMatch(n -> n.contains("2 of 4 addresses have gebruiksdoel woonfunctie")),
                bag.notes().toString());
        assertTrue(
                bag.notes().stream().anyMatch(n -> n.contains("table woonplaats")),
                bag.notes().toString());
    }

    static byte[] blob(Geometry g) {
        byte[] wkb = new WKBWriter(2, ByteOrderValues.LITTLE_ENDIAN).write(g);
        // GeoPackage header with an xy envelope (flags: envelope code 1, little endian)
        ByteBuffer b = ByteBuffer.allocate(8 + 32 + wkb.length).order(ByteOrder.LITTLE_ENDIAN);
        var e = g.getEnvelopeInternal();
        b.put((byte) 'G')
                .put((byte) 'P')
                .put((byte) 0)
                .put((byte) 0b11)
                .putInt(28992)
                .putDouble(e.getMinX())
                .putDouble(e.getMaxX())
                .putDouble(e.getMinY())
                .putDouble(e.getMaxY())
                .put(wkb);
        return b.array();
    }
}
