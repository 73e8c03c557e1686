package nl.plektoets.data.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;
import nl.plektoets.data.BadSourceException;
import nl.plektoets.data.Feature;
import nl.plektoets.data.Role;
import nl.plektoets.data.SourceFeatures;
import nl.plektoets.data.SourceKind;
import nl.plektoets.geo.RdNapTrans;
import nl.plektoets.geo.WorkingCrs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKBWriter;
import org.locationtech.jts.io.WKTReader;

/** Municipal layers: a GeoJSON fixture in CRS84 and a GeoPackage written by the test (RD New), with role mappings. */
class LayerImportTest {
    static final Path GEOJSON = Path.of("src", "test", "resources", "layer", "bedrijventerreinen.geojson")
            .toAbsolutePath();

    @Test
    void geoJsonWithFilterAndName(@TempDir Path dir) throws Exception {
        Path mapping = dir.resolve("layers.yaml");
        Files.writeString(mapping, """
                layers:
                  - file: %s
                    where: {type: bedrijventerrein, status: [vastgesteld, onherroepelijk]}
                    role: business_park
                    name: naam
                    source: Gemeente Fixture, bedrijventerreinen
                  - file: %s
                    where: {type: vakantiepark}
                    role: recreation_zone
                """.formatted(GEOJSON, GEOJSON));
        List<SourceFeatures> layers = LayerImport.read(mapping, WorkingCrs.rdNew(), m -> {});
        assertEquals(2, layers.size());
        SourceFeatures parks = layers.get(0);
        assertEquals(SourceKind.LAYER, parks.kind());
        assertEquals(1, parks.features().size(), "the 'ontwerp' park is filtered out");
        Feature f = parks.features().get(0);
        assertEquals(Role.BUSINESS_PARK, f.role());
        assertEquals("Broeklanden-fixture", f.attribute("name"));
        assertEquals("vastgesteld", f.attribute("layer.status"));
        assertEquals("Gemeente Fixture, bedrijventerreinen", f.provenance().source());
        assertEquals("bedrijventerreinen.geojson/bt-1", f.provenance().sourceId());
        // CRS84 corner (6.60, 52.57) lands where RDNAPTRANS puts it
        Coordinate corner = RdNapTrans.fromLonLat(6.60, 52.57);
        assertEquals(0, f.geometry().distance(f.geometry().getFactory().createPoint(corner)), 1e-6);
        assertTrue(
                f.geometry().getArea() > 600 * 500 && f.geometry().getArea() < 700 * 600,
                "about 680 m x 556 m: " + f.geometry().getArea());
        assertEquals(Role.RECREATION_ZONE, layers.get(1).features().get(0).role());
    }

    @Test
    void geoPackageLayer(@TempDir Path dir) throws Exception {
        Path gpkg = dir.resolve("eigen.gpkg");
        Geometry park = new WKTReader()
                .read("POLYGON ((240000 510000, 240500 510000, 240500 510400, 240000 510400, 240000 510000))");
        writeGeoPackage(
                gpkg, "terreinen", 28992, List.of(new Object[] {park, "Oost", "bedrijventerrein"}, new Object[] {
                    park.buffer(-100), "Kern", "woonwijk"
                }));
        SourceFeatures sf = LayerImport.read(
                gpkg,
                new LayerImport.LayerRule(
                        null,
                        "terreinen",
                        java.util.Map.of("soort", "bedrijventerrein"),
                        "business_park",
                        "naam",
                        null),
                WorkingCrs.rdNew());
        assertEquals(1, sf.features().size());
        assertEquals("Oost", sf.features().get(0).attribute("name"));
        assertEquals(200_000, sf.features().get(0).geometry().getArea(), 1e-6);
        assertEquals("eigen.gpkg/terreinen", sf.name());
        assertTrue(park.equalsExact(sf.features().get(0).geometry(), 1e-9));
    }

    @Test
    void noMatchEmptyAndWrongFormat(@TempDir Path dir) throws Exception {
        BadSourceException e = assertThrows(
                BadSourceException.class,
                () -> LayerImport.read(
                        GEOJSON,
                        new LayerImport.LayerRule(
                                null, null, java.util.Map.of("type", "haven"), "business_park", null, null),
                        WorkingCrs.rdNew()));
        assertTrue(
                e.getMessage().contains("no feature matches where {type=haven}")
                        && e.getMessage().contains("bedrijventerrein"),
                e.getMessage());
        Path empty = dir.resolve("empty.geojson");
        Files.writeString(empty, "{\"type\":\"FeatureCollection\",\"features\":[]}");
        e = assertThrows(
                BadSourceException.class,
                () -> LayerImport.read(
                        empty,
                        new LayerImport.LayerRule(null, null, null, "business_park", null, null),
                        WorkingCrs.rdNew()));
        assertTrue(e.getMessage().startsWith("empty.geojson, layer empty.geojson: empty layer"), e.getMessage());
        Path broken = dir.resolve("broken.geojson");
        Files.writeString(broken, "{\"type\":\"FeatureCollection\",\n\"features\":[{\"type\":\"Feature\",");
        e = assertThrows(BadSourceException.class, () -> GeoJsonReader.read(broken, WorkingCrs.rdNew()));
        assertTrue(e.getMessage().startsWith("broken.geojson, line 2: not valid JSON"), e.getMessage());
        Path shp = dir.resolve("parks.shp");
        Files.write(shp, new byte[] {0, 0, 39, 10});
        e = assertThrows(
                BadSourceException.class,
                () -> LayerImport.read(
                        shp,
                        new LayerImport.LayerRule(null, null, null, "business_park", null, null),
                        WorkingCrs.rdNew()));
        assertTrue(e.getMessage().contains("unknown layer format"), e.getMessage());
        Path crs = dir.resolve("crs.geojson");
        Files.writeString(
                crs,
                "{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"urn:ogc:def:crs:EPSG::999999\"}},\"features\":[]}");
        e = assertThrows(BadSourceException.class, () -> GeoJsonReader.read(crs, WorkingCrs.rdNew()));
        assertTrue(e.getMessage().startsWith("crs.geojson, crs member: Unknown CRS"), e.getMessage());
    }

    /** A minimal GeoPackage: the three gpkg tables and one feature table (geom, naam, soort). */
    static void writeGeoPackage(Path file, String table, int srid, List<Object[]> rows) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement st = c.createStatement()) {
            st.execute(
                    "create table gpkg_spatial_ref_sys (srs_name text, srs_id integer primary key, organization text,"
                            + " organization_coordsys_id integer, definition text, description text)");
            st.execute("insert into gpkg_spatial_ref_sys values ('RD New', " + srid + ", 'EPSG', " + srid
                    + ", 'undefined', null)");
            st.execute(
                    "create table gpkg_contents (table_name text primary key, data_type text, identifier text, srs_id integer)");
            st.execute("insert into gpkg_contents values ('" + table + "', 'features', '" + table + "', " + srid + ")");
            st.execute("create table gpkg_geometry_columns (table_name text, column_name text, geometry_type_name text,"
                    + " srs_id integer, z tinyint, m tinyint)");
            st.execute("insert into gpkg_geometry_columns values ('" + table + "', 'geom', 'POLYGON', " + srid
                    + ", 0, 0)");
            st.execute("create table " + table
                    + " (fid integer primary key autoincrement, geom blob, naam text, soort text)");
            try (PreparedStatement ins =
                    c.prepareStatement("insert into " + table + " (geom, naam, soort) values (?, ?, ?)")) {
                for (Object[] r : rows) {
                    byte[] wkb = new WKBWriter(2, org.locationtech.jts.io.ByteOrderValues.LITTLE_ENDIAN)
                            .write((Geometry) r[0]);
                    ByteBuffer b = ByteBuffer.allocate(8 + wkb.length).order(ByteOrder.LITTLE_ENDIAN);
                    b.put((byte) 'G')
                            .put((byte) 'P')
                            .put((byte) 0)
                            .put((byte) 1)
                            .putInt(srid)
                            .put(wkb);
                    ins.setBytes(1, b.array());
                    ins.setString(2, (String) r[1]);
                    ins.setString(3, (String) r[2]);
                    ins.executeUpdate();
                }
            }
        }
    }
}
