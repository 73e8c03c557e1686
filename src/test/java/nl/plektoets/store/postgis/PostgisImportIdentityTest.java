package nl.plektoets.store.postgis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
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
import java.util.LinkedHashMap;
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
import nl.plektoets.geo.LayerGeometry;
import nl.plektoets.geo.WorkingCrs;
import nl.plektoets.registers.RegisterJson;
import nl.plektoets.store.Store;
import nl.plektoets.store.StoreException;
import nl.plektoets.store.TestPostgis;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKBWriter;
import org.locationtech.jts.io.WKTReader;

/**
 * The PostGIS layer import (binary COPY on two threads) stores exactly what the batched INSERTs before it stored:
 * every column of every row of every layer table (fid, the geometry as PostGIS holds it, ids, name, the jsonb,
 * provenance) and the layer set row. The reference is that writer, kept here verbatim over plain JDBC; both run in
 * this JVM against the real PostgreSQL/PostGIS, each into a fresh schema.
 */
class PostgisImportIdentityTest {
    static final Path OSM = Path.of("..", "shared", "data", "osm");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-06T02:00:00Z"), ZoneOffset.UTC);

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
    void rowsOverManyCopiesInterleavedOverRolesKeepTheirOrderAndIds() throws Exception {
        // more than one COPY chunk (a megabyte) in each role, the roles interleaved as the national set emits them
        List<Feature> features = new ArrayList<>();
        WKTReader wkt = new WKTReader(WorkingCrs.rdNew().geometryFactory());
        for (int i = 0; i < 30_000; i++) {
            Role role = i % 3 == 0 ? Role.BUILDING : Role.ADDRESS;
            Geometry g = role == Role.BUILDING
                    ? wkt.read("POLYGON ((" + (230000 + i) + " 500000, " + (230010 + i) + " 500000, " + (230010 + i)
                            + " 500010.5, " + (230000 + i) + " 500000))")
                    : wkt.read("POINT (" + (230000 + i) + " " + (500000 + i % 97) + ".125)");
            features.add(new Feature(
                    40_000 - i,
                    role,
                    g,
                    Map.of("street", "Straat " + i / 100, "housenumber", Integer.toString(i), "name", "n" + i),
                    new Provenance("gen", "node/" + i, "addr:street")));
        }
        Dataset d = new Dataset(new DatasetInfo("copies", true, List.of("gen"), "EPSG:28992"), features);
        assertSameRows(d, sink -> features.forEach(sink));
    }

    @Test
    void textThatCopysTextFormatWouldHaveToEscapeIsStoredAsGiven() throws Exception {
        // what COPY's text format gives a meaning (tab, newline, CR, backslash, \., \N), quotes, and Unicode beyond
        // ASCII and beyond the BMP; an empty name is not NULL, a missing one is
        List<String> texts = List.of(
                "a\tb",
                "line\nnext",
                "cr\r\nlf",
                "back\\slash",
                "\\.",
                "end\n\\.\n",
                "\\N",
                "",
                "\"double\" 'single' `back`",
                "Café Ŝtêrre ß 北京 עברית",
                "🏠 \uD83D\uDE00",
                "{\"json\": [1, \"x\"]}",
                "\u0001\u001F\u007F");
        List<Feature> features = new ArrayList<>();
        WKTReader wkt = new WKTReader(WorkingCrs.rdNew().geometryFactory());
        for (int i = 0; i < texts.size(); i++) {
            String t = texts.get(i);
            Map<String, String> attributes = new LinkedHashMap<>();
            attributes.put("name", t);
            attributes.put(t, t + t); // the text as a key too
            attributes.put("k", t);
            features.add(new Feature(
                    i + 1,
                    Role.FACILITY,
                    wkt.read("POINT (240000." + i + " 505000)"),
                    attributes,
                    new Provenance("src " + t, "id " + t, t)));
        }
        features.add(new Feature(
                99,
                Role.FACILITY,
                wkt.read("POINT (240100 505100)"),
                Map.of("category", "shop"),
                new Provenance("src", "id", "tag")));
        Dataset d =
                new Dataset(new DatasetInfo("escapes \t\n\\.", true, List.of("a\\b", "\n"), "EPSG:28992"), features);
        String url = assertSameRows(d);
        List<String> stored = rows(
                url,
                "SELECT name, attributes ->> 'k', source, source_id, source_tag,"
                        + " attributes ->> 'name' FROM layer_facility ORDER BY fid");
        for (int i = 0; i < texts.size(); i++) {
            String t = texts.get(i);
            assertEquals(String.join("|", t, t, "src " + t, "id " + t, t, t) + "|", stored.get(i), "text " + i);
        }
        assertEquals("null|null|src|id|tag|null|", stored.get(texts.size()));
        try (PostgisStore store = PostgisStore.open(url, TestPostgis.USER, null, CLOCK)) {
            Dataset back = store.loadDataset().orElseThrow();
            assertEquals(d.info(), back.info());
            List<Feature> facilities = back.layer(Role.FACILITY);
            for (int i = 0; i < features.size(); i++) {
                Feature want = features.get(i), got = facilities.get(i);
                assertEquals(want.id(), got.id());
                assertEquals(want.attributes(), got.attributes());
                assertEquals(want.provenance(), got.provenance());
                assertEquals(want.geometry().toText(), got.geometry().toText());
            }
        }
    }

    @Test
    void aNulCharacterIsRefusedAsBeforeAndTheLayersStay() throws Exception {
        // PostgreSQL's text holds no NUL: the INSERT refused it and so does the COPY, keeping the previous set
        Dataset first = OsmImport.read(
                OSM.resolve("nl-heemserveen-jachthuisweg.osm.pbf"), OsmImportOptions.defaults(), ImportProgress.NONE);
        Feature some = first.layer(Role.ROAD).get(0);
        Feature nul = new Feature(
                7, Role.ROAD, some.geometry(), Map.of("name", "a\u0000b"), new Provenance("x", "way/7", "highway"));
        Dataset bad = new Dataset(first.info(), List.of(some, nul));
        String url = TestPostgis.freshSchemaUrl();
        try (PostgisStore store = PostgisStore.open(url, TestPostgis.USER, null, CLOCK)) {
            store.importLayers(first);
            List<String> before = everyRow(url);
            assertThrows(StoreException.class, () -> store.importLayers(bad));
            assertEquals(before, everyRow(url));
        }
        String reference = TestPostgis.freshSchemaUrl();
        PostgisStore.open(reference, TestPostgis.USER, null, CLOCK).close();
        assertThrows(SQLException.class, () -> referenceImport(reference, bad, CLOCK.instant()));
    }

    @Test
    void aFailingSourceLeavesThePreviousLayers() throws Exception {
        Dataset first = OsmImport.read(
                OSM.resolve("nl-heemserveen-jachthuisweg.osm.pbf"), OsmImportOptions.defaults(), ImportProgress.NONE);
        String url = TestPostgis.freshSchemaUrl();
        try (PostgisStore store = PostgisStore.open(url, TestPostgis.USER, null, CLOCK)) {
            store.importLayers(first);
            List<String> before = everyRow(url);
            Feature some = first.layer(Role.ROAD).get(0);
            // more than the pipeline's queue and several COPY chunks, then the source fails
            RuntimeException thrown = assertThrows(
                    IllegalStateException.class,
                    () -> store.importLayers(first.info(), sink -> {
                        for (int i = 0; i < 60_000; i++) sink.accept(some);
                        throw new IllegalStateException("source broke");
                    }));
            assertEquals("source broke", thrown.getMessage());
            assertEquals(before, everyRow(url));
            assertEquals(first.size(), store.layerSet().orElseThrow().featureCount());
            // the connection went back to the pool usable: the next import works
            store.importLayers(first);
            assertEquals(first.size(), store.layerSet().orElseThrow().featureCount());
        }
    }

    @Test
    void aRowTheDatabaseRefusesLeavesThePreviousLayersAndStopsTheSource() throws Exception {
        Dataset first = OsmImport.read(
                OSM.resolve("nl-heemserveen-jachthuisweg.osm.pbf"), OsmImportOptions.defaults(), ImportProgress.NONE);
        String url = TestPostgis.freshSchemaUrl();
        try (PostgisStore store = PostgisStore.open(url, TestPostgis.USER, null, CLOCK)) {
            store.importLayers(first);
            List<String> before = everyRow(url);
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
            assertEquals(before, everyRow(url));
            assertEquals(first.size(), store.layerSet().orElseThrow().featureCount());
            store.importLayers(first);
            assertEquals(first.size(), store.layerSet().orElseThrow().featureCount());
        }
    }

    /** Attributes with quotes, backslashes, control characters and non-ASCII text; multi and empty geometries. */
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
        all.add(new Feature(
                ++id,
                Role.ROAD,
                wkt.read("MULTILINESTRING ((1 1, 2 2), (3 3, 4 4, 5 5))"),
                Map.of("name", "two"),
                new Provenance("odd.osm", "relation/4", "highway=path")));
        all.add(new Feature(
                ++id,
                Role.FACILITY,
                wkt.read("GEOMETRYCOLLECTION (POINT (1 2), LINESTRING (0 0, 1 1))"),
                Map.of("name", "mixed"),
                new Provenance("odd.osm", "relation/5", "amenity=x")));
        return new Dataset(d.info(), all);
    }

    private static String assertSameRows(Dataset d) throws Exception {
        return assertSameRows(d, null);
    }

    /**
     * Imports {@code d} through the store (as {@code emitted} hands it over, or role by role) and through the
     * reference writer (role by role); every row the same. The store's URL.
     */
    private static String assertSameRows(Dataset d, Store.LayerSource emitted) throws Exception {
        String now = TestPostgis.freshSchemaUrl();
        String before = TestPostgis.freshSchemaUrl();
        try (PostgisStore store = PostgisStore.open(now, TestPostgis.USER, null, CLOCK)) {
            if (emitted == null) store.importLayers(d);
            else store.importLayers(d.info(), emitted);
        }
        PostgisStore.open(before, TestPostgis.USER, null, CLOCK).close(); // the same schema, empty
        referenceImport(before, d, CLOCK.instant());
        long total = 0;
        for (Role role : Role.values()) {
            String q = layerRows(role);
            List<String> expected = rows(before, q);
            assertEquals(expected, rows(now, q), role.id());
            total += expected.size();
        }
        assertEquals(d.size(), total);
        assertEquals(rows(before, "SELECT * FROM layer_set"), rows(now, "SELECT * FROM layer_set"));
        return now;
    }

    /** Every column as the server holds it: the geometry's EWKB (geometry_out) and its stored size. */
    private static String layerRows(Role role) {
        return "SELECT *, pg_column_size(geom) AS stored_size, ST_AsEWKB(geom) AS ewkb FROM layer_" + role.id()
                + " ORDER BY fid";
    }

    private static List<String> everyRow(String url) throws SQLException {
        List<String> out = new ArrayList<>(rows(url, "SELECT * FROM layer_set"));
        for (Role role : Role.values()) out.addAll(rows(url, layerRows(role)));
        return out;
    }

    private static List<String> rows(String url, String query) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url, TestPostgis.USER, null);
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

    /** PostgisStore.importLayers as it was before session 8 (batched INSERTs of 1,000 per role), over plain JDBC. */
    private static void referenceImport(String url, Dataset dataset, Instant now) throws SQLException {
        DatasetInfo info = dataset.info();
        LayerGeometry crs = new LayerGeometry(info.workingCrs());
        WKBWriter wkb = new WKBWriter(2);
        try (Connection c = DriverManager.getConnection(url + "&reWriteBatchedInserts=true", TestPostgis.USER, null)) {
            c.setAutoCommit(false);
            Map<Role, PreparedStatement> inserts = new EnumMap<>(Role.class);
            Map<Role, Integer> pending = new EnumMap<>(Role.class);
            long count = 0;
            for (Role role : Role.values()) {
                try (Statement st = c.createStatement()) {
                    st.executeUpdate("DELETE FROM layer_" + role.id());
                }
                inserts.put(
                        role,
                        c.prepareStatement("INSERT INTO layer_" + role.id()
                                + " (feature_id, name, attributes, source, source_id, source_tag, geom)"
                                + " VALUES (?,?,?::jsonb,?,?,?,ST_GeomFromWKB(?, 28992))"));
                pending.put(role, 0);
            }
            for (Role role : Role.values()) {
                for (Feature f : dataset.layer(role)) {
                    PreparedStatement st = inserts.get(f.role());
                    st.setLong(1, f.id());
                    st.setString(2, f.attribute("name"));
                    st.setString(
                            3, RegisterJson.MAPPER.valueToTree(f.attributes()).toString());
                    Provenance p = f.provenance();
                    st.setString(4, p.source());
                    st.setString(5, p.sourceId());
                    st.setString(6, p.sourceTag());
                    st.setBytes(7, wkb.write(crs.toStorage(f.geometry())));
                    st.addBatch();
                    count++;
                    if (pending.merge(f.role(), 1, Integer::sum) == 1000) {
                        st.executeBatch();
                        pending.put(f.role(), 0);
                    }
                }
            }
            for (PreparedStatement st : inserts.values()) st.executeBatch();
            for (PreparedStatement st : inserts.values()) st.close();
            try (PreparedStatement st = c.prepareStatement("INSERT INTO layer_set (id, name, fictitious, sources, "
                    + "working_crs, imported_at, feature_count) VALUES (1,?,?,?::jsonb,?,?,?) ON CONFLICT (id) DO UPDATE"
                    + " SET name = excluded.name, fictitious = excluded.fictitious, sources = excluded.sources,"
                    + " working_crs = excluded.working_crs, imported_at = excluded.imported_at,"
                    + " feature_count = excluded.feature_count")) {
                st.setString(1, info.name());
                st.setBoolean(2, info.fictitious());
                st.setString(3, RegisterJson.MAPPER.valueToTree(info.sources()).toString());
                st.setString(4, info.workingCrs());
                st.setObject(5, now.atOffset(ZoneOffset.UTC));
                st.setLong(6, count);
                st.executeUpdate();
            }
            c.commit();
        }
    }
}
