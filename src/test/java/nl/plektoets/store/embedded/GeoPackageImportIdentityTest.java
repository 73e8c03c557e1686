package nl.plektoets.store.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import nl.plektoets.data.Dataset;
import nl.plektoets.data.DatasetInfo;
import nl.plektoets.data.Feature;
import nl.plektoets.data.ImportProgress;
import nl.plektoets.data.Provenance;
import nl.plektoets.data.Role;
import nl.plektoets.data.osm.OsmImport;
import nl.plektoets.data.osm.OsmImportOptions;
import nl.plektoets.geo.GeoPackageGeometry;
import nl.plektoets.geo.LayerGeometry;
import nl.plektoets.geo.WorkingCrs;
import nl.plektoets.registers.RegisterJson;
import nl.plektoets.store.StoreException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;

/**
 * The layer import writes exactly what the row-at-a-time writer before issue 17 wrote: every column of every row of
 * every layer table (fid, geometry blob, ids, name, attribute JSON, provenance), the layers' extents in
 * gpkg_contents and the layer set row. The reference is that writer, kept here verbatim over plain JDBC; both run in
 * this JVM, so the attribute maps iterate in the same order.
 */
class GeoPackageImportIdentityTest {
    static final Path OSM = Path.of("..", "shared", "data", "osm");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-05T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path temp;

    @Test
    void aRealOsmExtractInRdNewIsStoredAsBefore() throws Exception {
        Dataset d = OsmImport.read(
                OSM.resolve("nl-heemserveen-jachthuisweg.osm.pbf"), OsmImportOptions.defaults(), ImportProgress.NONE);
        assertEquals("EPSG:28992", d.info().workingCrs());
        assertSameRows(withOddFeatures(d));
    }

    @Test
    @Tag("slow")
    void aRealOsmExtractInUtmIsTransformedAndStoredAsBefore() throws Exception {
        // Bayreuth: a UTM working CRS, so every geometry goes through the transformation to RD New
        Dataset d = OsmImport.read(OSM.resolve("north-bayreuth.osm.gz"), OsmImportOptions.defaults(), null);
        assertEquals("EPSG:32632", d.info().workingCrs());
        assertTrue(d.size() > 5_000, "a real extract: " + d.size());
        assertSameRows(d);
    }

    @Test
    void moreRowsThanOneBatchInOneRoleAndSpreadOverRolesKeepTheirOrder() throws Exception {
        List<Feature> features = new ArrayList<>();
        WKTReader wkt = new WKTReader(WorkingCrs.rdNew().geometryFactory());
        for (int i = 0; i < 5_000; i++) {
            Role role = i % 7 == 0 ? Role.BUILDING : Role.ADDRESS;
            features.add(new Feature(
                    10_000 - i,
                    role,
                    wkt.read("POINT (" + (230000 + i) + " " + (500000 + i % 97) + ".125)"),
                    Map.of("street", "Straat " + i / 100, "housenumber", Integer.toString(i)),
                    new Provenance("gen", "node/" + i, "addr:street")));
        }
        assertSameRows(new Dataset(new DatasetInfo("batches", true, List.of("gen"), "EPSG:28992"), features));
    }

    @Test
    void aFailingSourceLeavesThePreviousLayers() throws Exception {
        Dataset first = OsmImport.read(
                OSM.resolve("nl-heemserveen-jachthuisweg.osm.pbf"), OsmImportOptions.defaults(), ImportProgress.NONE);
        Path dir = temp.resolve("fail-source");
        try (GeoPackageStore store = GeoPackageStore.open(dir, CLOCK)) {
            store.importLayers(first);
            String before = digest(dir.resolve(GeoPackageStore.FILE_NAME));
            Feature some = first.layer(Role.ROAD).get(0);
            // more than the pipeline holds in its queue, then the source fails
            RuntimeException thrown = assertThrows(
                    IllegalStateException.class,
                    () -> store.importLayers(first.info(), sink -> {
                        for (int i = 0; i < 40_000; i++) sink.accept(some);
                        throw new IllegalStateException("source broke");
                    }));
            assertEquals("source broke", thrown.getMessage());
            assertEquals(before, digest(dir.resolve(GeoPackageStore.FILE_NAME)));
            assertEquals(first.size(), store.layerSet().orElseThrow().featureCount());
        }
    }

    @Test
    void aRowTheDatabaseRefusesLeavesThePreviousLayersAndStopsTheSource() throws Exception {
        Dataset first = OsmImport.read(
                OSM.resolve("nl-heemserveen-jachthuisweg.osm.pbf"), OsmImportOptions.defaults(), ImportProgress.NONE);
        Path dir = temp.resolve("fail-writer");
        try (GeoPackageStore store = GeoPackageStore.open(dir, CLOCK)) {
            store.importLayers(first);
            String before = digest(dir.resolve(GeoPackageStore.FILE_NAME));
            Feature some = first.layer(Role.ROAD).get(0);
            // source_id is NOT NULL: the database refuses the row; the source must not run on for ever
            Feature refused =
                    new Feature(1, some.role(), some.geometry(), Map.of(), new Provenance("x", null, "highway=track"));
            long[] emitted = {0};
            assertThrows(
                    StoreException.class,
                    () -> store.importLayers(first.info(), sink -> {
                        for (int i = 0; i < 1_000_000; i++) {
                            sink.accept(i == 3 ? refused : some);
                            emitted[0]++;
                        }
                    }));
            assertTrue(emitted[0] < 1_000_000, "the source was stopped after " + emitted[0]);
            assertEquals(before, digest(dir.resolve(GeoPackageStore.FILE_NAME)));
            assertEquals(first.size(), store.layerSet().orElseThrow().featureCount());
        }
    }

    /** Attributes with quotes, backslashes, control characters and non-ASCII text; an empty geometry. */
    private static Dataset withOddFeatures(Dataset d) throws Exception {
        List<Feature> all = new ArrayList<>();
        for (Role r : Role.values()) all.addAll(d.layer(r));
        WKTReader wkt = new WKTReader(WorkingCrs.rdNew().geometryFactory());
        long id = all.size();
        all.add(new Feature(
                ++id,
                Role.FACILITY,
                wkt.read("POINT (240500.123456789 505600.987654321)"),
                Map.of("name", "Café \"De Ŝtêrre\" \\ 't\tend\n", "category", "supermarket", "emoji", "🏠"),
                new Provenance("odd.osm", "node/1", "shop=supermarket")));
        all.add(new Feature(
                ++id,
                Role.BUILDING,
                wkt.read("MULTIPOLYGON (((0 0, 10 0, 10 10, 0 0)), ((20 20, 30 20, 30 30, 20 20), (22 21, 28 21, 28 27,"
                        + " 22 21)))"),
                Map.of(),
                new Provenance("odd.osm", "relation/2", "building=yes")));
        all.add(new Feature(
                ++id,
                Role.ROAD,
                wkt.read("LINESTRING EMPTY"),
                Map.of("name", ""),
                new Provenance("odd.osm", "way/3", "highway=track")));
        return new Dataset(d.info(), all);
    }

    private void assertSameRows(Dataset d) throws Exception {
        Path now = temp.resolve("now-" + System.nanoTime());
        Path before = temp.resolve("before-" + System.nanoTime());
        try (GeoPackageStore store = GeoPackageStore.open(now, CLOCK)) {
            store.importLayers(d);
        }
        GeoPackageStore.open(before, CLOCK).close(); // the same schema, empty
        referenceImport(
                before.resolve(GeoPackageStore.FILE_NAME), d, CLOCK.instant().toString());
        Path a = now.resolve(GeoPackageStore.FILE_NAME), b = before.resolve(GeoPackageStore.FILE_NAME);
        String contents = "SELECT table_name, last_change, min_x, min_y, max_x, max_y FROM gpkg_contents"
                + " WHERE table_name LIKE 'layer%' AND table_name <> 'layer_set' ORDER BY table_name";
        assertEquals(rows(b, contents), rows(a, contents));
        String set = "SELECT id, name, fictitious, sources, working_crs, imported_at, feature_count FROM layer_set";
        assertEquals(rows(b, set), rows(a, set));
        long total = 0;
        for (Role role : Role.values()) {
            String q = "SELECT fid, hex(geom), feature_id, name, attributes, source, source_id, source_tag FROM layer_"
                    + role.id() + " ORDER BY fid";
            List<String> expected = rows(b, q);
            assertEquals(expected, rows(a, q), role.id());
            total += expected.size();
        }
        assertEquals(d.size(), total);
        assertEquals(digest(b), digest(a));
    }

    /** Every row of every layer table and of the layers' metadata, as one hash. */
    private static String digest(Path file) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        List<String> queries = new ArrayList<>();
        queries.add("SELECT * FROM layer_set");
        queries.add(
                "SELECT * FROM gpkg_contents WHERE table_name LIKE 'layer%' AND table_name <> 'layer_set' ORDER BY table_name");
        for (Role role : Role.values()) queries.add("SELECT * FROM layer_" + role.id() + " ORDER BY fid");
        for (String q : queries) for (String row : rows(file, q)) md.update((row + "\n").getBytes("UTF-8"));
        return HexFormat.of().formatHex(md.digest());
    }

    private static List<String> rows(Path file, String query) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(query)) {
            ResultSetMetaData md = rs.getMetaData();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    Object v = rs.getObject(i);
                    row.append(v instanceof byte[] bytes ? HexFormat.of().formatHex(bytes) : String.valueOf(v))
                            .append('|');
                }
                out.add(row.toString());
            }
        }
        return out;
    }

    /** GeoPackageStore.importLayers as it was before issue 17 (one executeUpdate per feature), over plain JDBC. */
    private static void referenceImport(Path file, Dataset dataset, String now) throws SQLException {
        DatasetInfo info = dataset.info();
        LayerGeometry crs = new LayerGeometry(info.workingCrs());
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            c.setAutoCommit(false);
            Map<Role, PreparedStatement> inserts = new EnumMap<>(Role.class);
            Map<Role, Envelope> extents = new EnumMap<>(Role.class);
            long count = 0;
            for (Role role : Role.values()) {
                try (Statement st = c.createStatement()) {
                    st.executeUpdate("DELETE FROM layer_" + role.id());
                }
                inserts.put(
                        role,
                        c.prepareStatement("INSERT INTO layer_" + role.id() + " (geom, feature_id, name, attributes,"
                                + " source, source_id, source_tag) VALUES (?,?,?,?,?,?,?)"));
                extents.put(role, new Envelope());
            }
            for (Role role : Role.values()) {
                for (Feature f : dataset.layer(role)) {
                    PreparedStatement st = inserts.get(f.role());
                    Geometry g = crs.toStorage(f.geometry());
                    extents.get(f.role()).expandToInclude(g.getEnvelopeInternal());
                    st.setBytes(1, GeoPackageGeometry.encode(g, LayerGeometry.STORAGE_SRID));
                    st.setLong(2, f.id());
                    st.setString(3, f.attribute("name"));
                    st.setString(
                            4, RegisterJson.MAPPER.valueToTree(f.attributes()).toString());
                    Provenance p = f.provenance();
                    st.setString(5, p.source());
                    st.setString(6, p.sourceId());
                    st.setString(7, p.sourceTag());
                    st.executeUpdate();
                    count++;
                }
            }
            for (PreparedStatement st : inserts.values()) st.close();
            for (Role role : Role.values()) {
                Envelope extent = extents.get(role);
                try (PreparedStatement st = c.prepareStatement("UPDATE gpkg_contents SET last_change = ?, min_x = ?, "
                        + "min_y = ?, max_x = ?, max_y = ? WHERE table_name = ?")) {
                    st.setString(1, now);
                    if (extent.isNull()) {
                        for (int i = 2; i <= 5; i++) st.setObject(i, null);
                    } else {
                        st.setDouble(2, extent.getMinX());
                        st.setDouble(3, extent.getMinY());
                        st.setDouble(4, extent.getMaxX());
                        st.setDouble(5, extent.getMaxY());
                    }
                    st.setString(6, "layer_" + role.id());
                    st.executeUpdate();
                }
            }
            try (PreparedStatement st = c.prepareStatement("INSERT OR REPLACE INTO layer_set (id, name, fictitious, "
                    + "sources, working_crs, imported_at, feature_count) VALUES (1,?,?,?,?,?,?)")) {
                st.setString(1, info.name());
                st.setBoolean(2, info.fictitious());
                st.setString(3, RegisterJson.MAPPER.valueToTree(info.sources()).toString());
                st.setString(4, info.workingCrs());
                st.setString(5, now);
                st.setLong(6, count);
                st.executeUpdate();
            }
            c.commit();
        }
    }
}
