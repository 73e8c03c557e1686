package nl.plektoets.store.postgis;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Optional;
import java.util.function.Consumer;
import nl.plektoets.data.Dataset;
import nl.plektoets.data.DatasetInfo;
import nl.plektoets.data.Feature;
import nl.plektoets.data.Role;
import nl.plektoets.geo.LayerGeometry;
import nl.plektoets.registers.RegisterJson;
import nl.plektoets.store.JdbcStore;
import nl.plektoets.store.RowPipeline;
import nl.plektoets.store.StoreException;
import nl.plektoets.store.StoreUnavailableException;
import nl.plektoets.store.StoredRow;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;
import org.postgresql.PGConnection;

/**
 * The production store: PostgreSQL with PostGIS. Geometry crosses JDBC as WKB ({@code ST_GeomFromWKB} in,
 * {@code ST_AsBinary} out) straight into JTS, so no second geometry model (postgis-jdbc's) and no WKT text parsing sits
 * between the database and the engine. The schema is migrated by Flyway from {@code db/postgis} at open. A layer
 * import writes its rows with binary COPY ({@link LayerCopy}) on two threads: the same stored values as the batched
 * INSERTs before it, with less work in both processes (docs/national-batch.md).
 */
public final class PostgisStore extends JdbcStore {
    private final String where;
    private RegisterListener listener; // started by listenToOtherWriters(), stopped by close()

    private PostgisStore(HikariDataSource pool, Clock clock, String where) {
        // other instances write the same registers: their changes are heard only while the listener runs
        super(pool, clock, nl.plektoets.registers.RegisterChanges.shared());
        this.where = where;
    }

    /**
     * Hears every register change committed to this database, by any process ({@code LISTEN plektoets_registers},
     * fed by the V17 triggers), so caches of register state may keep values ({@code serve} calls this; a command that
     * runs once needs no listener and its caches read the store).
     */
    @Override
    public synchronized void listenToOtherWriters() {
        if (listener != null) return;
        listener = new RegisterListener(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword(), changes, where);
        listener.start();
    }

    @Override
    public void close() {
        RegisterListener l;
        synchronized (this) {
            l = listener;
        }
        if (l != null) l.close();
        super.close();
    }

    /**
     * Connects, checks PostGIS and migrates the schema.
     *
     * @throws StoreUnavailableException when the server cannot be reached, with what to check
     * @throws StoreException            when the server is reachable but unusable (no PostGIS, no rights)
     */
    public static PostgisStore open(String jdbcUrl, String user, String password, Clock clock) {
        if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException(
                    "--db must be a PostgreSQL JDBC URL such as " + "jdbc:postgresql://localhost:5432/plektoets, not '"
                            + nl.plektoets.config.Secrets.redact(jdbcUrl) + "'");
        }
        // named in messages and describe(): without the query (it may carry password=) and without user:password@
        String where = nl.plektoets.config.Secrets.redact(
                jdbcUrl.replaceFirst("^jdbc:postgresql://", "").replaceFirst("\\?.*$", ""));
        HikariConfig cfg = new HikariConfig();
        cfg.setJdbcUrl(jdbcUrl);
        if (user != null) cfg.setUsername(user);
        if (password != null) cfg.setPassword(password);
        cfg.setPoolName("plektoets-postgis");
        cfg.setMaximumPoolSize(8);
        // a request waits at most this long for a connection; then it fails with 503 instead of hanging
        cfg.setConnectionTimeout(3000);
        cfg.setValidationTimeout(1000);
        cfg.addDataSourceProperty("reWriteBatchedInserts", "true");
        cfg.addDataSourceProperty("connectTimeout", "3");
        cfg.addDataSourceProperty("socketTimeout", "300");
        cfg.addDataSourceProperty("ApplicationName", "plektoets");
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(cfg);
        } catch (HikariPool.PoolInitializationException e) {
            // the driver's message may quote the URL's user:password@ part (it reads it as the host)
            throw new StoreUnavailableException(
                    "Cannot connect to PostgreSQL at " + where + ": "
                            + nl.plektoets.config.Secrets.redact(rootMessage(e), password)
                            + ". Start the server, or check --db / PLEKTOETS_DB_URL, PLEKTOETS_DB_USER and PLEKTOETS_DB_PASSWORD.",
                    e);
        }
        try {
            Flyway.configure()
                    .dataSource(pool)
                    .locations("classpath:db/postgis")
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            pool.close();
            String msg = nl.plektoets.config.Secrets.redact(rootMessage(e), password);
            if (msg.contains("postgis") && (msg.contains("not available") || msg.contains("control file"))) {
                throw new StoreException(
                        "PostgreSQL at " + where + " has no PostGIS: install it on the server "
                                + "(Debian: apt-get install postgresql-15-postgis-3) or run CREATE EXTENSION postgis as a superuser.",
                        e);
            }
            throw new StoreException("Cannot prepare the schema in PostgreSQL at " + where + ": " + msg, e);
        }
        return new PostgisStore(pool, clock, where);
    }

    @Override
    public String describe() {
        return "PostGIS " + where;
    }

    // ---- layers ----

    @Override
    public void importLayers(DatasetInfo info, LayerSource source) {
        LayerGeometry crs = new LayerGeometry(info.workingCrs());
        inTransaction(c -> {
            for (Role role : Role.values()) {
                try (Statement st = c.createStatement()) {
                    // DELETE, not TRUNCATE: TRUNCATE's exclusive lock would block readers until the import commits
                    st.executeUpdate("DELETE FROM layer_" + role.id());
                }
            }
            // COPY instead of batched INSERTs; the source and the rows' encoding on a producer thread, the COPY on
            // this one (the transaction's connection), as the GeoPackage store does
            LayerCopy rows = new LayerCopy(c.unwrap(PGConnection.class).getCopyAPI());
            LayerCopy.Encoder encoder = new LayerCopy.Encoder(crs);
            RowPipeline.run(source, encoder::encode, rows::write);
            rows.finish();
            try (PreparedStatement st = c.prepareStatement("INSERT INTO layer_set (id, name, fictitious, sources, "
                    + "working_crs, imported_at, feature_count) VALUES (1,?,?,?::jsonb,?,?,?) ON CONFLICT (id) DO UPDATE"
                    + " SET name = excluded.name, fictitious = excluded.fictitious, sources = excluded.sources,"
                    + " working_crs = excluded.working_crs, imported_at = excluded.imported_at,"
                    + " feature_count = excluded.feature_count")) {
                st.setString(1, info.name());
                st.setBoolean(2, info.fictitious());
                st.setString(3, RegisterJson.MAPPER.valueToTree(info.sources()).toString());
                st.setString(4, info.workingCrs());
                setInstant(st, 5, now());
                st.setLong(6, rows.rows());
                st.executeUpdate();
            }
            return null;
        });
    }

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

    /** One snapshot for the set row and all layer tables, so an import committing meanwhile is invisible. */
    private <T> T inReadSnapshot(SqlWork<T> work) {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setReadOnly(true);
            try {
                return work.run(c);
            } finally {
                c.rollback();
                c.setReadOnly(false);
                c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    // ---- dialect ----

    @Override
    protected String geometryParam() {
        return "ST_GeomFromWKB(?, 28992)";
    }

    @Override
    protected String geometrySelect(String column) {
        return "ST_AsBinary(" + column + ")";
    }

    @Override
    protected byte[] encodeGeometry(Geometry rdNew) {
        return new WKBWriter(2).write(rdNew);
    }

    @Override
    protected Geometry decodeGeometry(byte[] bytes) {
        try {
            Geometry g = new WKBReader(new GeometryFactory(new PrecisionModel(), RegisterJson.RD_NEW)).read(bytes);
            g.setSRID(RegisterJson.RD_NEW);
            return g;
        } catch (ParseException e) {
            throw new StoreException("Unreadable geometry: " + e.getMessage(), e);
        }
    }

    @Override
    protected String jsonParam() {
        return "?::jsonb";
    }

    @Override
    protected String forUpdate() {
        return " FOR UPDATE";
    }

    @Override
    protected void setDate(PreparedStatement st, int i, LocalDate d) throws SQLException {
        st.setObject(i, d);
    }

    @Override
    protected LocalDate getDate(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    @Override
    protected void setInstant(PreparedStatement st, int i, Instant t) throws SQLException {
        st.setObject(i, t == null ? null : t.atOffset(ZoneOffset.UTC));
    }

    @Override
    protected Instant getInstant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    @Override
    protected void lockKey(Connection c, String key) throws SQLException {
        try (PreparedStatement ins = c.prepareStatement(
                "INSERT INTO room_rental_lock (lock_key) VALUES (?) " + "ON CONFLICT (lock_key) DO NOTHING")) {
            ins.setString(1, key);
            ins.executeUpdate();
        }
        // the street's row lock: a concurrent grant in the same street waits here until this transaction ends, then
        // (READ COMMITTED: a new statement sees the committed grant) re-reads the permits and is refused
        try (PreparedStatement st =
                c.prepareStatement("SELECT lock_key FROM room_rental_lock WHERE lock_key = ? FOR UPDATE")) {
            st.setString(1, key);
            st.executeQuery().close();
        }
    }
}
