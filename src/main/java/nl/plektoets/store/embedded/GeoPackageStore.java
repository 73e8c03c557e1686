package nl.plektoets.store.embedded;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import nl.plektoets.data.Dataset;
import nl.plektoets.data.DatasetInfo;
import nl.plektoets.data.Feature;
import nl.plektoets.data.Provenance;
import nl.plektoets.data.Role;
import nl.plektoets.geo.GeoPackageGeometry;
import nl.plektoets.geo.LayerGeometry;
import nl.plektoets.registers.RegisterJson;
import nl.plektoets.store.JdbcStore;
import nl.plektoets.store.RowPipeline;
import nl.plektoets.store.StoreException;
import nl.plektoets.store.StoreUnavailableException;
import nl.plektoets.store.StoredRow;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ParseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;
import org.sqlite.SQLiteErrorCode;

/**
 * The zero-setup default store: one GeoPackage file ({@value #FILE_NAME}) in the data directory. A GeoPackage is
 * SQLite, so it needs no server and survives a killed process (write-ahead log, synchronous=FULL: a commit that
 * returned is on disk); and it is the OGC format planners open directly in QGIS, where the layers and the registers
 * show up as tables in RD New. Writers are serialised on one connection; readers use their own connections and see the
 * last committed state (WAL snapshot isolation), so a running import is invisible to them. The schema is migrated by
 * Flyway from {@code db/geopackage} at open, as the PostGIS store's is.
 */
public final class GeoPackageStore extends JdbcStore {
    public static final String FILE_NAME = "plektoets.gpkg";
    /** Where versions were kept before Flyway; the last version recorded there (V6) is where Flyway takes over. */
    static final String LEGACY_VERSION_TABLE = "plektoets_schema_version";

    static final int LAST_LEGACY_VERSION = 6;
    private static final Logger LOG = LoggerFactory.getLogger(GeoPackageStore.class);
    private static final GeometryFactory RD_FACTORY =
            new GeometryFactory(new PrecisionModel(), LayerGeometry.STORAGE_SRID);

    private final Path file;
    private final HikariDataSource readers;

    private GeoPackageStore(HikariDataSource writer, HikariDataSource readers, Clock clock, Path file) {
        super(writer, clock);
        this.readers = readers;
        this.file = file;
    }

    /** Opens (creating when absent) {@value #FILE_NAME} in {@code dataDir} and brings its schema up to date. */
    public static GeoPackageStore open(Path dataDir, Clock clock) {
        Path file = dataDir.resolve(FILE_NAME).toAbsolutePath();
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new StoreException("Cannot create the data directory " + dataDir + ": " + e.getMessage(), e);
        }
        // read-only first: a file this build must refuse is left exactly as it is (not even switched to WAL)
        int legacy = Files.exists(file) ? checkSchema(file) : 0;
        HikariDataSource writer = null;
        HikariDataSource readers = null;
        try {
            writer = pool(file, SQLiteConfig.TransactionMode.IMMEDIATE, 1, "plektoets-gpkg-writer");
            readers = pool(file, SQLiteConfig.TransactionMode.DEFERRED, 4, "plektoets-gpkg-readers");
        } catch (HikariPool.PoolInitializationException e) {
            if (writer != null) writer.close();
            throw new StoreUnavailableException(
                    "Cannot open " + file + ": " + rootMessage(e)
                            + ". Check that the file is writable and not a different kind of file.",
                    e);
        }
        try {
            migrate(file, legacy);
        } catch (RuntimeException e) {
            readers.close();
            writer.close();
            throw e;
        }
        return new GeoPackageStore(writer, readers, clock, file);
    }

    private static HikariDataSource pool(Path file, SQLiteConfig.TransactionMode mode, int size, String name) {
        HikariConfig cfg = new HikariConfig();
        cfg.setDataSource(dataSource(file, mode));
        cfg.setPoolName(name);
        cfg.setMaximumPoolSize(size);
        cfg.setConnectionTimeout(30_000);
        return new HikariDataSource(cfg);
    }

    private static SQLiteDataSource dataSource(Path file, SQLiteConfig.TransactionMode mode) {
        SQLiteConfig sc = new SQLiteConfig();
        sc.setJournalMode(SQLiteConfig.JournalMode.WAL);
        // FULL: fsync the log at every commit, so an acknowledged write survives even a power cut, not just a kill
        sc.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        sc.setBusyTimeout(10_000);
        sc.enforceForeignKeys(true);
        sc.setTransactionMode(mode);
        SQLiteDataSource ds = new SQLiteDataSource(sc);
        ds.setUrl("jdbc:sqlite:" + file);
        return ds;
    }

    /**
     * Checks, reading only, that {@code file} is a store this build can open: made by plektoets, and of a schema no
     * newer than this build's scripts. Returns the version recorded before Flyway ({@value #LEGACY_VERSION_TABLE}), or
     * 0 when Flyway already manages the file.
     */
    private static int checkSchema(Path file) {
        SQLiteConfig sc = new SQLiteConfig();
        sc.setReadOnly(true);
        sc.setBusyTimeout(10_000);
        SQLiteDataSource ro = new SQLiteDataSource(sc);
        ro.setUrl("jdbc:sqlite:" + file);
        try (Connection c = ro.getConnection();
                Statement st = c.createStatement()) {
            boolean flyway = tableExists(st, "flyway_schema_history");
            if (!flyway && !tableExists(st, LEGACY_VERSION_TABLE)) {
                try (ResultSet rs = st.executeQuery("SELECT count(*) FROM sqlite_master WHERE type = 'table'")) {
                    if (rs.next() && rs.getInt(1) > 0) {
                        throw new StoreException(
                                file + " holds tables but no plektoets schema history: it was not made"
                                        + " by plektoets. Move it away, or give another data directory; the file was not changed.",
                                null);
                    }
                }
                return 0; // an empty file: a new store
            }
            if (!flyway) {
                try (ResultSet rs = st.executeQuery("SELECT coalesce(max(version), 0) FROM " + LEGACY_VERSION_TABLE)) {
                    int legacy = rs.next() ? rs.getInt(1) : 0;
                    if (legacy > LAST_LEGACY_VERSION) throw newerSchema(file, Integer.toString(legacy));
                    return legacy;
                }
            }
        } catch (SQLException e) {
            throw new StoreUnavailableException(
                    "Cannot open " + file + ": " + e.getMessage()
                            + ". Check that the file is readable and not a different kind of file.",
                    e);
        }
        try {
            for (MigrationInfo m : flyway(ro, 0).info().all()) {
                if (m.getState() == MigrationState.FUTURE_SUCCESS || m.getState() == MigrationState.FUTURE_FAILED) {
                    throw newerSchema(file, m.getVersion().getVersion());
                }
            }
        } catch (FlywayException e) {
            throw new StoreException("Cannot read the schema history of " + file + ": " + rootMessage(e), e);
        }
        return 0;
    }

    /**
     * Brings the schema up to date with Flyway ({@code db/geopackage}). A file made before Flyway kept its version in
     * {@value #LEGACY_VERSION_TABLE}: Flyway is first baselined at that version, so only the later scripts run and no
     * row is touched.
     */
    private static void migrate(Path file, int legacy) {
        Flyway flyway = flyway(dataSource(file, SQLiteConfig.TransactionMode.IMMEDIATE), legacy);
        try {
            if (legacy > 0) {
                LOG.info("{}: schema version {} was recorded before Flyway; baselining Flyway there", file, legacy);
                flyway.baseline();
            }
            flyway.migrate();
        } catch (FlywayException e) {
            throw new StoreException(
                    "Cannot bring the schema of " + file + " up to date: " + rootMessage(e)
                            + ". Each migration is one transaction: the file holds every migration that completed.",
                    e);
        }
    }

    private static Flyway flyway(SQLiteDataSource ds, int legacy) {
        return Flyway.configure()
                .dataSource(ds)
                .locations("classpath:db/geopackage")
                .baselineVersion(Integer.toString(Math.max(legacy, 1)))
                .baselineDescription("version " + legacy + " in " + LEGACY_VERSION_TABLE)
                .load();
    }

    private static boolean tableExists(Statement st, String table) throws SQLException {
        try (ResultSet rs =
                st.executeQuery("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '" + table + "'")) {
            return rs.next();
        }
    }

    private static StoreException newerSchema(Path file, String version) {
        return new StoreException(
                file + " has schema version " + version + ", newer than this plektoets knows; it was "
                        + "written by a newer plektoets. Run that version, or point this one at another data directory; the "
                        + "file was not changed.",
                null);
    }

    public Path file() {
        return file;
    }

    @Override
    public String describe() {
        return "GeoPackage " + file;
    }

    @Override
    protected HikariDataSource readPool() {
        return readers;
    }

    @Override
    public void close() {
        readers.close();
        super.close();
    }

    @Override
    protected boolean isUnavailable(SQLException e) {
        int code = e.getErrorCode();
        return code == SQLiteErrorCode.SQLITE_BUSY.code
                || code == SQLiteErrorCode.SQLITE_LOCKED.code
                || super.isUnavailable(e);
    }

    /** SQLite names no SQL state: its result code says a UNIQUE constraint refused the row. */
    @Override
    protected boolean isUniqueViolation(StoreException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.sqlite.SQLiteException s
                    && (s.getResultCode() == SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE
                            || s.getResultCode() == SQLiteErrorCode.SQLITE_CONSTRAINT
                                    && String.valueOf(s.getMessage()).contains("UNIQUE"))) return true;
        }
        return super.isUniqueViolation(e);
    }

    // ---- layers ----

    /**
     * One feature's row, encoded on the source's thread ({@link RowPipeline}): the storage geometry's blob and
     * envelope, the attributes as JSON.
     */
    private record LayerRow(Feature feature, byte[] geometry, Envelope envelope, String attributes) {}

    @Override
    public void importLayers(DatasetInfo info, LayerSource source) {
        LayerGeometry crs = new LayerGeometry(info.workingCrs());
        inTransaction(c -> {
            String now = now().toString();
            Map<Role, PreparedStatement> inserts = new EnumMap<>(Role.class);
            Map<Role, Envelope> extents = new EnumMap<>(Role.class);
            long[] count = {0};
            try {
                for (Role role : Role.values()) {
                    try (Statement st = c.createStatement()) {
                        st.executeUpdate("DELETE FROM layer_" + role.id());
                    }
                    inserts.put(
                            role,
                            c.prepareStatement(
                                    "INSERT INTO layer_" + role.id() + " (geom, feature_id, name, attributes,"
                                            + " source, source_id, source_tag) VALUES (?,?,?,?,?,?,?)"));
                    extents.put(role, new Envelope());
                }
                Map<Role, Integer> pending = new EnumMap<>(Role.class);
                // batches, not executeUpdate: sqlite-jdbc follows every single INSERT with a prepared
                // "SELECT last_insert_rowid()" for generated keys, which cost as much as the insert itself
                RowPipeline.run(source, f -> encodeRow(crs, f), rows -> {
                    for (LayerRow row : rows) {
                        Feature f = row.feature();
                        PreparedStatement st = inserts.get(f.role());
                        extents.get(f.role()).expandToInclude(row.envelope());
                        st.setBytes(1, row.geometry());
                        st.setLong(2, f.id());
                        st.setString(3, f.attribute("name"));
                        st.setString(4, row.attributes());
                        Provenance p = f.provenance();
                        st.setString(5, p.source());
                        st.setString(6, p.sourceId());
                        st.setString(7, p.sourceTag());
                        st.addBatch();
                        count[0]++;
                        if (pending.merge(f.role(), 1, Integer::sum) == INSERT_BATCH) {
                            st.executeBatch();
                            pending.put(f.role(), 0);
                        }
                    }
                });
                for (PreparedStatement st : inserts.values()) st.executeBatch();
            } finally {
                for (PreparedStatement st : inserts.values()) st.close();
            }
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
                st.setLong(6, count[0]);
                st.executeUpdate();
            }
            return null;
        });
    }

    /** Rows per executeBatch and table. */
    private static final int INSERT_BATCH = 512;

    private static LayerRow encodeRow(LayerGeometry crs, Feature f) {
        Geometry g = crs.toStorage(f.geometry());
        try {
            return new LayerRow(
                    f,
                    GeoPackageGeometry.encode(g, LayerGeometry.STORAGE_SRID),
                    g.getEnvelopeInternal(),
                    // the same text as valueToTree(...).toString(), without building the tree
                    ATTRIBUTES.writeValueAsString(f.attributes()));
        } catch (JsonProcessingException e) {
            throw new StoreException("Cannot write the attributes of feature " + f.id() + ": " + e.getMessage(), e);
        }
    }

    private static final ObjectWriter ATTRIBUTES = RegisterJson.MAPPER.writer();

    @Override
    public Optional<Dataset> loadDataset() {
        return inReadSnapshot(this::loadLayers);
    }

    @Override
    public Optional<DatasetInfo> scanLayers(Collection<Role> roles, Consumer<Feature> each) {
        return inReadSnapshot(c -> scanLayers(c, roles, each));
    }

    @Override
    public Optional<DatasetInfo> scanRows(Collection<Role> roles, Consumer<StoredRow> each) {
        return inReadSnapshot(c -> scanRows(c, roles, each));
    }

    @Override
    protected boolean geometryIsGeoPackageBlob() {
        return true;
    }

    // SQLite hands a TEXT column's UTF-8 over as it is stored: no String made and encoded again
    @Override
    protected byte[] jsonBytes(ResultSet rs, int column) throws SQLException {
        return rs.getBytes(column);
    }

    /** A read transaction on a reader connection: it pins one WAL snapshot for the set row and all layer tables. */
    private <T> T inReadSnapshot(SqlWork<T> work) {
        try (Connection c = readers.getConnection()) {
            c.setAutoCommit(false);
            try {
                return work.run(c);
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    // ---- dialect ----

    @Override
    protected String geometryParam() {
        return "?";
    }

    @Override
    protected String geometrySelect(String column) {
        return column;
    }

    @Override
    protected byte[] encodeGeometry(Geometry rdNew) {
        return GeoPackageGeometry.encode(rdNew, LayerGeometry.STORAGE_SRID);
    }

    @Override
    protected Geometry decodeGeometry(byte[] bytes) {
        try {
            return GeoPackageGeometry.decode(bytes, RD_FACTORY);
        } catch (ParseException e) {
            throw new StoreException("Unreadable geometry in " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    protected String jsonParam() {
        return "?";
    }

    @Override
    protected String forUpdate() {
        // the writer connection's BEGIN IMMEDIATE already excludes other writers
        return "";
    }

    @Override
    protected void lockKey(Connection c, String key) throws SQLException {
        // the single writer connection's BEGIN IMMEDIATE already serialises every write; the row is kept for symmetry
        try (PreparedStatement st =
                c.prepareStatement("INSERT OR IGNORE INTO room_rental_lock (lock_key) VALUES (?)")) {
            st.setString(1, key);
            st.executeUpdate();
        }
    }

    @Override
    protected void setDate(PreparedStatement st, int i, LocalDate d) throws SQLException {
        st.setString(i, d == null ? null : d.toString());
    }

    @Override
    protected LocalDate getDate(ResultSet rs, String column) throws SQLException {
        String s = rs.getString(column);
        return s == null ? null : LocalDate.parse(s);
    }

    @Override
    protected void setInstant(PreparedStatement st, int i, Instant t) throws SQLException {
        st.setString(i, t == null ? null : t.toString());
    }

    @Override
    protected Instant getInstant(ResultSet rs, String column) throws SQLException {
        String s = rs.getString(column);
        return s == null ? null : Instant.parse(s);
    }
}
