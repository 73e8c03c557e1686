package nl.plektoets.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import nl.plektoets.data.Dataset;
import nl.plektoets.data.DatasetInfo;
import nl.plektoets.data.Feature;
import nl.plektoets.data.Role;
import nl.plektoets.geo.LayerGeometry;
import nl.plektoets.registers.AuditEntry;
import nl.plektoets.registers.EntryNotFoundException;
import nl.plektoets.registers.HousingInitiative;
import nl.plektoets.registers.HousingLocation;
import nl.plektoets.registers.InitiativeStatus;
import nl.plektoets.registers.InitiatorKind;
import nl.plektoets.registers.IntakeCase;
import nl.plektoets.registers.IntakeCaseExistsException;
import nl.plektoets.registers.IntakeJson;
import nl.plektoets.registers.InvalidEntryException;
import nl.plektoets.registers.LocationJson;
import nl.plektoets.registers.LocationSignal;
import nl.plektoets.registers.PermitGuard;
import nl.plektoets.registers.PermitStatus;
import nl.plektoets.registers.PermitType;
import nl.plektoets.registers.RegisterChanges;
import nl.plektoets.registers.RegisterJson;
import nl.plektoets.registers.RoomRentalPermit;
import nl.plektoets.registers.RoomRentedDwelling;
import nl.plektoets.registers.VersionConflictException;
import nl.plektoets.registers.Versioned;
import nl.plektoets.request.HousingForm;
import nl.plektoets.rounds.ApplicationRound;
import nl.plektoets.rounds.RoundEntry;
import nl.plektoets.rounds.RoundJson;
import nl.plektoets.rounds.RoundStore;
import org.locationtech.jts.geom.Geometry;

/**
 * The register half of both stores: the SQL is the same on PostgreSQL and SQLite except for how geometry, JSON,
 * dates and row locks are written, which the subclass supplies. Layers differ more and are left to the subclass.
 */
public abstract class JdbcStore implements Store {

    private static final String PERMIT_COLUMNS = "version, dwelling_bag_id, address, street, town, rooms, persons, "
            + "status, permit_type, applied_on, decided_on, valid_from, valid_until, notes, created_at, created_by, "
            + "updated_at, updated_by";
    private static final String ROOM_RENTED_COLUMNS = "version, dwelling_bag_id, address, street, town, source, "
            + "observed_on, status, note, created_at, created_by, updated_at, updated_by";
    private static final String INITIATIVE_COLUMNS = "version, %s, form, persons, initiator, initiator_kind, "
            + "project_page, status, permit_type, existing_location, accepted_on, transition_deadline, "
            + "transition_extension_reason, permit_start, permit_end, steps, notes, created_at, created_by, updated_at, updated_by";

    protected final HikariDataSource pool;
    protected final Clock clock;
    /** "The registers changed": fired after each committed register write here, and by a shared store's listener. */
    protected final RegisterChanges changes;
    // the registers the running transaction of this thread wrote (audit rows), announced once it committed
    private final ThreadLocal<java.util.Set<String>> written = ThreadLocal.withInitial(java.util.TreeSet::new);

    /** A store only this process writes (the embedded GeoPackage): it hears every change itself. */
    protected JdbcStore(HikariDataSource pool, Clock clock) {
        this(pool, clock, RegisterChanges.singleWriter());
    }

    /** @param changes {@link RegisterChanges#shared()} for a store other processes write too (PostGIS) */
    protected JdbcStore(HikariDataSource pool, Clock clock, RegisterChanges changes) {
        this.pool = pool;
        this.clock = clock;
        this.changes = changes;
    }

    @Override
    public RegisterChanges changes() {
        return changes;
    }

    // ---- what differs between PostgreSQL and SQLite ----

    /** SQL for a geometry parameter (bound with {@link #encodeGeometry}). */
    protected abstract String geometryParam();

    /** SQL reading a geometry column as bytes for {@link #decodeGeometry}. */
    protected abstract String geometrySelect(String column);

    protected abstract byte[] encodeGeometry(Geometry rdNew);

    protected abstract Geometry decodeGeometry(byte[] bytes);

    /** SQL for a JSON parameter bound as a string. */
    protected abstract String jsonParam();

    /** Suffix locking the selected row until commit, where the database needs it for a read-then-write. */
    protected abstract String forUpdate();

    protected abstract void setDate(PreparedStatement st, int i, LocalDate d) throws SQLException;

    protected abstract LocalDate getDate(ResultSet rs, String column) throws SQLException;

    protected abstract void setInstant(PreparedStatement st, int i, Instant t) throws SQLException;

    protected abstract Instant getInstant(ResultSet rs, String column) throws SQLException;

    // ---- transactions and failure mapping ----

    protected interface SqlWork<T> {
        T run(Connection c) throws SQLException;
    }

    /** Runs {@code work} in one transaction: commit on return, roll back on any exception. */
    protected <T> T inTransaction(SqlWork<T> work) {
        java.util.Set<String> registers = written.get();
        registers.clear();
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                // this process's caches see its own write before the writer's answer leaves (read your writes);
                // other processes hear it through NOTIFY (PostGIS)
                for (String register : registers) changes.changed(register);
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                rollbackQuietly(c);
                throw e;
            } finally {
                registers.clear();
                resetQuietly(c);
            }
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    /** Runs a read on a pooled connection in auto-commit mode. */
    protected <T> T read(SqlWork<T> work) {
        try (Connection c = readPool().getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // the connection is broken; the pool discards it, and the transaction died with it
        }
    }

    private static void resetQuietly(Connection c) {
        try {
            c.setAutoCommit(true);
        } catch (SQLException ignored) {
            // same: a broken connection is evicted by the pool
        }
    }

    /** Unreachable database -> {@link StoreUnavailableException}; anything else -> {@link StoreException}. */
    protected RuntimeException translate(SQLException e) {
        if (isUnavailable(e)) {
            return new StoreUnavailableException(
                    describe() + " is not reachable: " + rootMessage(e)
                            + ". Check that the database is running; requests are retried when it is back.",
                    e);
        }
        return new StoreException(describe() + " failed: " + e.getMessage(), e);
    }

    protected boolean isUnavailable(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException) return true;
            if (t instanceof SQLException s && s.getSQLState() != null) {
                String state = s.getSQLState();
                // 08xxx connection exceptions; 57P01..57P03 admin shutdown, crash shutdown, cannot connect now
                if (state.startsWith("08") || state.startsWith("57P")) return true;
            }
        }
        return false;
    }

    /** Whether {@code e} (a translated failure) was a unique constraint refusing a row: SQL state 23505. */
    protected boolean isUniqueViolation(StoreException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && "23505".equals(s.getSQLState())) return true;
        }
        return false;
    }

    protected static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    /** The pool reads use; SQLite reads get their own so they never queue behind the single writer. */
    protected HikariDataSource readPool() {
        return pool;
    }

    /** Microseconds: what PostgreSQL's timestamptz keeps, so a returned entry equals the one read back later. */
    protected Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    @Override
    public void close() {
        pool.close();
    }

    // ---- layers ----

    @Override
    public Optional<LayerSetSummary> layerSet() {
        return read(c -> {
            try (PreparedStatement st =
                            c.prepareStatement("SELECT name, fictitious, sources, working_crs, imported_at, "
                                    + "feature_count FROM layer_set WHERE id = 1");
                    ResultSet rs = st.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                List<String> sources = new ArrayList<>();
                for (JsonNode n : json(rs.getString("sources"))) sources.add(n.asText());
                return Optional.of(new LayerSetSummary(
                        new nl.plektoets.data.DatasetInfo(
                                rs.getString("name"),
                                rs.getBoolean("fictitious"),
                                sources,
                                rs.getString("working_crs")),
                        rs.getInt("feature_count"),
                        getInstant(rs, "imported_at")));
            }
        });
    }

    // ---- room-rental permits ----

    @Override
    public RoomRentalPermit createPermit(RoomRentalPermit entry, String actor) {
        return createPermit(entry, actor, PermitGuard.NONE);
    }

    @Override
    public RoomRentalPermit createPermit(RoomRentalPermit entry, String actor, PermitGuard guard) {
        return inTransaction(c -> {
            guard(c, guard, null, entry);
            RoomRentalPermit stamped = entry.stamped(0, 1, now(), actor);
            long id = insertRow(c, permitRows(), stamped);
            RoomRentalPermit saved = stamped.stamped(id, 1, stamped.updatedAt(), actor);
            audit(c, PERMITS, id, 1, "create", actor, null, RegisterJson.toJson(saved));
            return saved;
        });
    }

    @Override
    public Optional<RoomRentalPermit> permit(long id) {
        return read(c -> selectPermit(c, id, false));
    }

    @Override
    public List<RoomRentalPermit> permits(String status, String street) {
        return read(c -> {
            StringBuilder sql = new StringBuilder("SELECT * FROM room_rental_permit WHERE 1=1");
            if (status != null) sql.append(" AND status = ?");
            if (street != null) sql.append(" AND lower(street) = ?");
            sql.append(" ORDER BY id");
            try (PreparedStatement st = c.prepareStatement(sql.toString())) {
                int i = 1;
                if (status != null) st.setString(i++, status);
                if (street != null) st.setString(i, street.toLowerCase(Locale.ROOT));
                List<RoomRentalPermit> out = new ArrayList<>();
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) out.add(permitRow(rs));
                }
                return out;
            }
        });
    }

    @Override
    public RoomRentalPermit updatePermit(
            long id, long expectedVersion, String actor, UnaryOperator<RoomRentalPermit> change) {
        return updatePermit(id, expectedVersion, actor, change, PermitGuard.NONE);
    }

    /**
     * Takes the guard's locks (sorted, so two transactions never wait on each other in a circle), reads every active
     * permit as committed now, and lets the guard refuse. Runs inside the writing transaction.
     */
    private void guard(Connection c, PermitGuard guard, RoomRentalPermit before, RoomRentalPermit after)
            throws SQLException {
        java.util.Set<String> keys = guard.lockKeys(before, after);
        if (keys.isEmpty()) return;
        for (String key : new java.util.TreeSet<>(keys)) lockKey(c, key);
        List<RoomRentalPermit> active = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement(
                        "SELECT * FROM room_rental_permit WHERE status IN " + "('granted', 'applied') ORDER BY id");
                ResultSet rs = st.executeQuery()) {
            while (rs.next()) active.add(permitRow(rs));
        }
        // known room-rented dwellings without a permit fill the street too (§5.1.3), read under the same locks
        guard.check(after, active, selectRoomRented(c, RoomRentedDwelling.Status.KNOWN.id()));
    }

    /**
     * Holds the lock row {@code key} of room_rental_lock until commit (created on first use). PostgreSQL: a row lock
     * (SELECT ... FOR UPDATE); SQLite: the writer's BEGIN IMMEDIATE already excludes every other writer.
     */
    protected abstract void lockKey(Connection c, String key) throws SQLException;

    @Override
    public RoomRentalPermit updatePermit(
            long id, long expectedVersion, String actor, UnaryOperator<RoomRentalPermit> change, PermitGuard guard) {
        return inTransaction(c -> {
            RoomRentalPermit before =
                    selectPermit(c, id, true).orElseThrow(() -> new EntryNotFoundException(PERMITS, id));
            checkVersion(PERMITS, id, expectedVersion, before.version());
            RoomRentalPermit after = change.apply(before).stamped(id, before.version() + 1, now(), actor);
            guard(c, guard, before, after);
            after = new RoomRentalPermit(
                    id,
                    after.version(),
                    after.dwellingBagId(),
                    after.address(),
                    after.street(),
                    after.town(),
                    after.rooms(),
                    after.persons(),
                    after.status(),
                    after.type(),
                    after.appliedOn(),
                    after.decidedOn(),
                    after.validFrom(),
                    after.validUntil(),
                    after.notes(),
                    before.createdAt(),
                    before.createdBy(),
                    after.updatedAt(),
                    actor);
            updateRow(c, permitRows(), id, expectedVersion, after);
            audit(
                    c,
                    PERMITS,
                    id,
                    after.version(),
                    "update",
                    actor,
                    RegisterJson.toJson(before),
                    RegisterJson.toJson(after));
            return after;
        });
    }

    @Override
    public Map<String, Integer> grantedPermitsPerStreet() {
        return read(c -> {
            Map<String, Integer> out = new TreeMap<>();
            try (PreparedStatement st = c.prepareStatement("SELECT lower(street) AS street, count(*) AS n FROM "
                            + "room_rental_permit WHERE status = 'granted' GROUP BY lower(street)");
                    ResultSet rs = st.executeQuery()) {
                while (rs.next()) out.put(rs.getString("street"), rs.getInt("n"));
            }
            return out;
        });
    }

    private Optional<RoomRentalPermit> selectPermit(Connection c, long id, boolean lock) throws SQLException {
        return selectById(c, "SELECT * FROM room_rental_permit", id, lock, this::permitRow);
    }

    private int bindPermit(PreparedStatement st, RoomRentalPermit p) throws SQLException {
        int i = 1;
        st.setLong(i++, p.version());
        st.setString(i++, p.dwellingBagId());
        st.setString(i++, p.address());
        st.setString(i++, p.street());
        st.setString(i++, p.town());
        st.setInt(i++, p.rooms());
        st.setInt(i++, p.persons());
        st.setString(i++, p.status().id());
        st.setString(i++, p.type().id());
        setDate(st, i++, p.appliedOn());
        setDate(st, i++, p.decidedOn());
        setDate(st, i++, p.validFrom());
        setDate(st, i++, p.validUntil());
        st.setString(i++, p.notes());
        setInstant(st, i++, p.createdAt());
        st.setString(i++, p.createdBy());
        setInstant(st, i++, p.updatedAt());
        st.setString(i++, p.updatedBy());
        return i;
    }

    private RoomRentalPermit permitRow(ResultSet rs) throws SQLException {
        return new RoomRentalPermit(
                rs.getLong("id"),
                rs.getLong("version"),
                rs.getString("dwelling_bag_id"),
                rs.getString("address"),
                rs.getString("street"),
                rs.getString("town"),
                rs.getInt("rooms"),
                rs.getInt("persons"),
                PermitStatus.byId(rs.getString("status")).orElseThrow(),
                PermitType.byId(rs.getString("permit_type")).orElseThrow(),
                getDate(rs, "applied_on"),
                getDate(rs, "decided_on"),
                getDate(rs, "valid_from"),
                getDate(rs, "valid_until"),
                rs.getString("notes"),
                getInstant(rs, "created_at"),
                rs.getString("created_by"),
                getInstant(rs, "updated_at"),
                rs.getString("updated_by"));
    }

    // ---- room-rented dwellings without a permit (§5.1.3) ----

    @Override
    public RoomRentedDwelling createRoomRented(RoomRentedDwelling entry, String actor) {
        return inTransaction(c -> {
            RoomRentedDwelling stamped = entry.stamped(0, 1, now(), actor);
            long id = insertRow(c, roomRentedRows(), stamped);
            RoomRentedDwelling saved = stamped.stamped(id, 1, stamped.updatedAt(), actor);
            audit(c, ROOM_RENTED, id, 1, "create", actor, null, RegisterJson.toJson(saved));
            return saved;
        });
    }

    @Override
    public Optional<RoomRentedDwelling> roomRented(long id) {
        return read(c -> selectOneRoomRented(c, id, false));
    }

    @Override
    public List<RoomRentedDwelling> roomRentedDwellings(String status) {
        return read(c -> selectRoomRented(c, status));
    }

    @Override
    public RoomRentedDwelling updateRoomRented(
            long id, long expectedVersion, String actor, UnaryOperator<RoomRentedDwelling> change) {
        return inTransaction(c -> {
            RoomRentedDwelling before =
                    selectOneRoomRented(c, id, true).orElseThrow(() -> new EntryNotFoundException(ROOM_RENTED, id));
            checkVersion(ROOM_RENTED, id, expectedVersion, before.version());
            RoomRentedDwelling changed = change.apply(before);
            RoomRentedDwelling after = new RoomRentedDwelling(
                    id,
                    before.version() + 1,
                    changed.dwellingBagId(),
                    changed.address(),
                    changed.street(),
                    changed.town(),
                    changed.source(),
                    changed.observedOn(),
                    changed.status(),
                    changed.note(),
                    before.createdAt(),
                    before.createdBy(),
                    now(),
                    actor);
            updateRow(c, roomRentedRows(), id, expectedVersion, after);
            audit(
                    c,
                    ROOM_RENTED,
                    id,
                    after.version(),
                    "update",
                    actor,
                    RegisterJson.toJson(before),
                    RegisterJson.toJson(after));
            return after;
        });
    }

    private List<RoomRentedDwelling> selectRoomRented(Connection c, String status) throws SQLException {
        return selectByStatus(c, "SELECT * FROM room_rented_dwelling", status, this::roomRentedRow);
    }

    private Optional<RoomRentedDwelling> selectOneRoomRented(Connection c, long id, boolean lock) throws SQLException {
        return selectById(c, "SELECT * FROM room_rented_dwelling", id, lock, this::roomRentedRow);
    }

    private int bindRoomRented(PreparedStatement st, RoomRentedDwelling d) throws SQLException {
        int i = 1;
        st.setLong(i++, d.version());
        st.setString(i++, d.dwellingBagId());
        st.setString(i++, d.address());
        st.setString(i++, d.street());
        st.setString(i++, d.town());
        st.setString(i++, d.source().id());
        setDate(st, i++, d.observedOn());
        st.setString(i++, d.status().id());
        st.setString(i++, d.note());
        setInstant(st, i++, d.createdAt());
        st.setString(i++, d.createdBy());
        setInstant(st, i++, d.updatedAt());
        st.setString(i++, d.updatedBy());
        return i;
    }

    private RoomRentedDwelling roomRentedRow(ResultSet rs) throws SQLException {
        return new RoomRentedDwelling(
                rs.getLong("id"),
                rs.getLong("version"),
                rs.getString("dwelling_bag_id"),
                rs.getString("address"),
                rs.getString("street"),
                rs.getString("town"),
                RoomRentedDwelling.Source.valueOf(rs.getString("source").toUpperCase(Locale.ROOT)),
                getDate(rs, "observed_on"),
                RoomRentedDwelling.Status.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)),
                rs.getString("note"),
                getInstant(rs, "created_at"),
                rs.getString("created_by"),
                getInstant(rs, "updated_at"),
                rs.getString("updated_by"));
    }

    private RegisterRows<RoomRentedDwelling> roomRentedRows() {
        return new RegisterRows<>(ROOM_RENTED, ROOM_RENTED_COLUMNS, "?,?,?,?,?,?,?,?,?,?,?,?,?", this::bindRoomRented);
    }

    // ---- the hashes of the reports for the file made of initiative steps (issue 13) ----

    @Override
    public void recordStepReport(nl.plektoets.registers.StepReport r) {
        inTransaction(c -> {
            try (PreparedStatement st = c.prepareStatement("INSERT INTO initiative_report (initiative_id, step, lang,"
                    + " sha256, created_at, created_by) VALUES (?,?,?,?,?,?)")) {
                st.setLong(1, r.initiativeId());
                st.setInt(2, r.step());
                st.setString(3, r.lang());
                st.setString(4, r.sha256());
                setInstant(st, 5, r.at());
                st.setString(6, r.by());
                st.executeUpdate();
                return null;
            }
        });
    }

    @Override
    public List<nl.plektoets.registers.StepReport> stepReports(long initiativeId) {
        return read(c -> {
            List<nl.plektoets.registers.StepReport> out = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement("SELECT initiative_id, step, lang, sha256, created_at,"
                    + " created_by FROM initiative_report WHERE initiative_id = ? ORDER BY id")) {
                st.setLong(1, initiativeId);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        out.add(new nl.plektoets.registers.StepReport(
                                rs.getLong("initiative_id"),
                                rs.getInt("step"),
                                rs.getString("lang"),
                                rs.getString("sha256"),
                                getInstant(rs, "created_at"),
                                rs.getString("created_by")));
                    }
                }
            }
            return out;
        });
    }

    // ---- room-rental reports (§5.1.3, public map) ----

    @Override
    public long addRoomRentalReport(String streetId, String message) {
        return inTransaction(c -> {
            try (PreparedStatement st = c.prepareStatement(
                    "INSERT INTO room_rental_report (street_id, message, "
                            + "reported_at, status) VALUES (?,?,?,'new')",
                    Statement.RETURN_GENERATED_KEYS)) {
                st.setString(1, streetId);
                st.setString(2, message);
                setInstant(st, 3, now());
                st.executeUpdate();
                return generatedId(st);
            }
        });
    }

    @Override
    public List<nl.plektoets.registers.RoomRentalReport> roomRentalReports() {
        return read(c -> {
            List<nl.plektoets.registers.RoomRentalReport> out = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement("SELECT id, street_id, message, reported_at, status FROM "
                            + "room_rental_report ORDER BY id");
                    ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(new nl.plektoets.registers.RoomRentalReport(
                            rs.getLong("id"),
                            rs.getString("street_id"),
                            rs.getString("message"),
                            getInstant(rs, "reported_at"),
                            rs.getString("status")));
                }
            }
            return out;
        });
    }

    // ---- housing initiatives ----

    private String initiativeColumns() {
        return String.format(INITIATIVE_COLUMNS, "site");
    }

    @Override
    public HousingInitiative createInitiative(HousingInitiative entry, String actor) {
        return inTransaction(c -> {
            HousingInitiative stamped = entry.stamped(0, 1, now(), actor);
            long id = insertRow(c, initiativeRows(), stamped);
            HousingInitiative saved = stamped.stamped(id, 1, stamped.updatedAt(), actor);
            audit(c, INITIATIVES, id, 1, "create", actor, null, RegisterJson.toJson(saved));
            return saved;
        });
    }

    @Override
    public Optional<HousingInitiative> initiative(long id) {
        return read(c -> selectInitiative(c, id, false));
    }

    @Override
    public List<HousingInitiative> initiatives(String status) {
        return read(c -> selectByStatus(c, initiativeSelect(), status, this::initiativeRow));
    }

    @Override
    public HousingInitiative updateInitiative(
            long id, long expectedVersion, String actor, UnaryOperator<HousingInitiative> change) {
        return inTransaction(c -> {
            HousingInitiative before =
                    selectInitiative(c, id, true).orElseThrow(() -> new EntryNotFoundException(INITIATIVES, id));
            checkVersion(INITIATIVES, id, expectedVersion, before.version());
            HousingInitiative changed = change.apply(before);
            HousingInitiative after = new HousingInitiative(
                    id,
                    before.version() + 1,
                    changed.site(),
                    changed.form(),
                    changed.persons(),
                    changed.initiator(),
                    changed.initiatorKind(),
                    changed.projectPage(),
                    changed.status(),
                    changed.permitType(),
                    changed.existingLocation(),
                    changed.acceptedOn(),
                    changed.transitionDeadline(),
                    changed.transitionExtensionReason(),
                    changed.permitStart(),
                    changed.permitEnd(),
                    changed.steps(),
                    changed.notes(),
                    before.createdAt(),
                    before.createdBy(),
                    now(),
                    actor);
            updateRow(c, initiativeRows(), id, expectedVersion, after);
            audit(
                    c,
                    INITIATIVES,
                    id,
                    after.version(),
                    "update",
                    actor,
                    RegisterJson.toJson(before),
                    RegisterJson.toJson(after));
            return after;
        });
    }

    private String initiativeSelect() {
        return "SELECT id, " + String.format(INITIATIVE_COLUMNS, geometrySelect("site") + " AS site")
                + " FROM housing_initiative";
    }

    private Optional<HousingInitiative> selectInitiative(Connection c, long id, boolean lock) throws SQLException {
        return selectById(c, initiativeSelect(), id, lock, this::initiativeRow);
    }

    private int bindInitiative(PreparedStatement st, HousingInitiative p) throws SQLException {
        int i = 1;
        st.setLong(i++, p.version());
        st.setBytes(i++, encodeGeometry(p.site()));
        st.setString(i++, p.form().id());
        st.setInt(i++, p.persons());
        st.setString(i++, p.initiator());
        st.setString(i++, p.initiatorKind().id());
        st.setString(i++, p.projectPage());
        st.setString(i++, p.status().id());
        st.setString(i++, p.permitType() == null ? null : p.permitType().id());
        st.setBoolean(i++, p.existingLocation());
        setDate(st, i++, p.acceptedOn());
        setDate(st, i++, p.transitionDeadline());
        st.setString(i++, p.transitionExtensionReason());
        setDate(st, i++, p.permitStart());
        setDate(st, i++, p.permitEnd());
        st.setString(i++, RegisterJson.stepsToJson(p.steps()).toString());
        st.setString(i++, p.notes());
        setInstant(st, i++, p.createdAt());
        st.setString(i++, p.createdBy());
        setInstant(st, i++, p.updatedAt());
        st.setString(i++, p.updatedBy());
        return i;
    }

    private HousingInitiative initiativeRow(ResultSet rs) throws SQLException {
        String permitType = rs.getString("permit_type");
        return new HousingInitiative(
                rs.getLong("id"),
                rs.getLong("version"),
                decodeGeometry(rs.getBytes("site")),
                HousingForm.byId(rs.getString("form")).orElseThrow(),
                rs.getInt("persons"),
                rs.getString("initiator"),
                InitiatorKind.byId(rs.getString("initiator_kind")).orElseThrow(),
                rs.getString("project_page"),
                InitiativeStatus.byId(rs.getString("status")).orElseThrow(),
                permitType == null ? null : PermitType.byId(permitType).orElseThrow(),
                rs.getBoolean("existing_location"),
                getDate(rs, "accepted_on"),
                getDate(rs, "transition_deadline"),
                rs.getString("transition_extension_reason"),
                getDate(rs, "permit_start"),
                getDate(rs, "permit_end"),
                RegisterJson.stepsFromJson(json(rs.getString("steps"))),
                rs.getString("notes"),
                getInstant(rs, "created_at"),
                rs.getString("created_by"),
                getInstant(rs, "updated_at"),
                rs.getString("updated_by"));
    }

    // ---- the intake table ----

    private static final String INTAKE_COLUMNS =
            "version, initiative_id, case_owner, meeting_on, outcome, procedure, disciplines, "
                    + "advice, documents, notes, created_at, created_by, updated_at, updated_by";

    private VersionedRegister<IntakeCase> intakeRegister() {
        return new VersionedRegister<>(
                new RegisterRows<>(
                        INTAKE,
                        INTAKE_COLUMNS,
                        "?,?,?,?,?,?," + jsonParam() + "," + jsonParam() + "," + jsonParam() + ",?,?,?,?,?",
                        this::bindIntake),
                "SELECT id, " + INTAKE_COLUMNS + " FROM intake_case",
                this::intakeRow,
                IntakeJson::toJson);
    }

    @Override
    public IntakeCase createIntakeCase(IntakeCase entry, String actor) {
        try {
            return inTransaction(c -> {
                Long existing = intakeCaseOf(c, entry.initiativeId());
                if (existing != null) throw new IntakeCaseExistsException(entry.initiativeId(), existing);
                return insertVersioned(c, intakeRegister(), entry, actor);
            });
        } catch (StoreException e) {
            // two requests for one initiative at once: both found no case and the unique initiative_id let one insert
            // (PostgreSQL's read committed; SQLite's single writer serialises the check). The loser answers as a
            // request after the winner's would, naming the winner's case, not with the constraint's failure.
            if (!isUniqueViolation(e)) throw e;
            Long existing = read(c -> intakeCaseOf(c, entry.initiativeId()));
            if (existing == null) throw e;
            throw new IntakeCaseExistsException(entry.initiativeId(), existing);
        }
    }

    private static Long intakeCaseOf(Connection c, long initiativeId) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT id FROM intake_case WHERE initiative_id = ?")) {
            st.setLong(1, initiativeId);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }

    @Override
    public Optional<IntakeCase> intakeCase(long id) {
        return read(c -> selectById(c, intakeRegister().select(), id, false, this::intakeRow));
    }

    @Override
    public List<IntakeCase> intakeCases(String owner) {
        return read(c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT id, " + INTAKE_COLUMNS + " FROM intake_case"
                    + (owner == null ? "" : " WHERE case_owner = ?") + " ORDER BY id")) {
                if (owner != null) st.setString(1, owner);
                List<IntakeCase> out = new ArrayList<>();
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) out.add(intakeRow(rs));
                }
                return out;
            }
        });
    }

    @Override
    public IntakeCase updateIntakeCase(long id, long expectedVersion, String actor, UnaryOperator<IntakeCase> change) {
        return updateVersioned(intakeRegister(), id, expectedVersion, actor, change);
    }

    private int bindIntake(PreparedStatement st, IntakeCase k) throws SQLException {
        int i = 1;
        st.setLong(i++, k.version());
        st.setLong(i++, k.initiativeId());
        st.setString(i++, k.caseOwner());
        setDate(st, i++, k.meetingOn());
        st.setString(i++, k.outcome() == null ? null : k.outcome().id());
        st.setString(i++, k.procedure() == null ? null : k.procedure().id());
        st.setString(i++, IntakeJson.disciplinesToJson(k.disciplines()).toString());
        st.setString(i++, IntakeJson.adviceToJson(k.advice()).toString());
        st.setString(i++, IntakeJson.documentsToJson(k.documents()).toString());
        st.setString(i++, k.notes());
        setInstant(st, i++, k.createdAt());
        st.setString(i++, k.createdBy());
        setInstant(st, i++, k.updatedAt());
        st.setString(i++, k.updatedBy());
        return i;
    }

    private IntakeCase intakeRow(ResultSet rs) throws SQLException {
        String outcome = rs.getString("outcome");
        return new IntakeCase(
                rs.getLong("id"),
                rs.getLong("version"),
                rs.getLong("initiative_id"),
                rs.getString("case_owner"),
                getDate(rs, "meeting_on"),
                IntakeJson.disciplinesFromJson(json(rs.getString("disciplines"))),
                IntakeJson.adviceFromJson(json(rs.getString("advice"))),
                outcome == null ? null : IntakeCase.Outcome.byId(outcome).orElseThrow(),
                IntakeCase.Procedure.byId(String.valueOf(rs.getString("procedure")))
                        .orElse(null),
                IntakeJson.documentsFromJson(json(rs.getString("documents"))),
                rs.getString("notes"),
                getInstant(rs, "created_at"),
                rs.getString("created_by"),
                getInstant(rs, "updated_at"),
                rs.getString("updated_by"));
    }

    // ---- the application round (issue 18) ----

    private static final String ROUND_COLUMNS = "version, name, opens_on, closes_on, policy_id, places, notes, "
            + "created_at, created_by, updated_at, updated_by, status, decided_on, decision_reference, decided_by, "
            + "decided_at, decided_ranking";
    private static final String ENTRY_COLUMNS = "version, round_id, initiative_id, category, persons, initiator, "
            + "submitted_at, employers, dwellings_returned, scores, distance, notes, created_at, created_by, "
            + "updated_at, updated_by";

    private VersionedRegister<ApplicationRound> roundRegister() {
        return new VersionedRegister<>(
                new RegisterRows<>(
                        RoundStore.ROUNDS,
                        ROUND_COLUMNS,
                        "?,?,?,?,?," + jsonParam() + ",?,?,?,?,?,?,?,?,?,?,?",
                        this::bindRound),
                "SELECT id, " + ROUND_COLUMNS + " FROM application_round",
                this::roundRow,
                RoundJson::toJson);
    }

    private VersionedRegister<RoundEntry> entryRegister() {
        return new VersionedRegister<>(
                new RegisterRows<>(
                        RoundStore.ENTRIES,
                        ENTRY_COLUMNS,
                        "?,?,?,?,?,?,?," + jsonParam() + ",?," + jsonParam() + "," + jsonParam() + ",?,?,?,?,?",
                        this::bindEntry),
                "SELECT id, " + ENTRY_COLUMNS + " FROM round_entry",
                this::entryRow,
                RoundJson::toJson);
    }

    @Override
    public ApplicationRound createRound(ApplicationRound round, String actor) {
        return inTransaction(c -> insertVersioned(c, roundRegister(), round, actor));
    }

    @Override
    public Optional<ApplicationRound> round(long id) {
        return read(c -> selectById(c, roundRegister().select(), id, false, this::roundRow));
    }

    @Override
    public List<ApplicationRound> rounds() {
        return read(c ->
                selectByStatus(c, "SELECT id, " + ROUND_COLUMNS + " FROM application_round", null, this::roundRow));
    }

    @Override
    public ApplicationRound updateRound(
            long id, long expectedVersion, String actor, UnaryOperator<ApplicationRound> change) {
        return updateVersioned(roundRegister(), id, expectedVersion, actor, change);
    }

    @Override
    public RoundEntry createEntry(RoundEntry entry, String actor) {
        return inTransaction(c -> {
            lockedRound(c, entry.roundId()).requireOpen("a new entry");
            try (PreparedStatement st =
                    c.prepareStatement("SELECT id FROM round_entry WHERE round_id = ? AND initiative_id = ?")) {
                st.setLong(1, entry.roundId());
                st.setLong(2, entry.initiativeId());
                try (ResultSet rs = st.executeQuery()) {
                    if (rs.next())
                        throw InvalidEntryException.rule(
                                "initiativeId",
                                "initiative " + entry.initiativeId() + " is in this round already as entry "
                                        + rs.getLong(1) + "; change that one");
                }
            }
            return insertVersioned(c, entryRegister(), entry, actor);
        });
    }

    @Override
    public Optional<RoundEntry> entry(long id) {
        return read(c -> selectById(c, "SELECT id, " + ENTRY_COLUMNS + " FROM round_entry", id, false, this::entryRow));
    }

    @Override
    public List<RoundEntry> entries(long roundId) {
        return read(c -> {
            try (PreparedStatement st = c.prepareStatement(
                    "SELECT id, " + ENTRY_COLUMNS + " FROM round_entry WHERE round_id = ? ORDER BY id")) {
                st.setLong(1, roundId);
                List<RoundEntry> out = new ArrayList<>();
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) out.add(entryRow(rs));
                }
                return out;
            }
        });
    }

    @Override
    public RoundEntry updateEntry(long id, long expectedVersion, String actor, UnaryOperator<RoundEntry> change) {
        return updateVersioned(
                entryRegister(),
                id,
                expectedVersion,
                actor,
                (c, before) -> lockedRound(c, before.roundId()).requireOpen("a change of an entry or its scores"),
                change);
    }

    /**
     * The round of an entry being written, locked for the transaction: a decision (which locks the round to rank and
     * keep its entries) and an entry change are serialised, so no entry changes once its round is decided.
     */
    private ApplicationRound lockedRound(Connection c, long roundId) throws SQLException {
        return selectById(c, roundRegister().select(), roundId, true, this::roundRow)
                .orElseThrow(() -> new EntryNotFoundException(RoundStore.ROUNDS, roundId));
    }

    private int bindRound(PreparedStatement st, ApplicationRound r) throws SQLException {
        int i = 1;
        st.setLong(i++, r.version());
        st.setString(i++, r.name());
        setDate(st, i++, r.opensOn());
        setDate(st, i++, r.closesOn());
        st.setString(i++, r.policyId());
        st.setString(i++, RoundJson.placesToJson(r.places()).toString());
        st.setString(i++, r.notes());
        setInstant(st, i++, r.createdAt());
        st.setString(i++, r.createdBy());
        setInstant(st, i++, r.updatedAt());
        st.setString(i++, r.updatedBy());
        ApplicationRound.Decision d = r.decision();
        st.setString(i++, r.status());
        setDate(st, i++, d == null ? null : d.decidedOn());
        st.setString(i++, d == null ? null : d.reference());
        st.setString(i++, d == null ? null : d.recordedBy());
        setInstant(st, i++, d == null ? null : d.recordedAt());
        // text, not jsonb: the kept ranking keeps its bytes, so its SHA-256 in the audit row stays true
        st.setString(i++, d == null ? null : d.ranking().toString());
        return i;
    }

    private ApplicationRound roundRow(ResultSet rs) throws SQLException {
        String ranking = rs.getString("decided_ranking");
        return new ApplicationRound(
                rs.getLong("id"),
                rs.getLong("version"),
                rs.getString("name"),
                getDate(rs, "opens_on"),
                getDate(rs, "closes_on"),
                rs.getString("policy_id"),
                RoundJson.placesFromJson(json(rs.getString("places"))),
                rs.getString("notes"),
                getInstant(rs, "created_at"),
                rs.getString("created_by"),
                getInstant(rs, "updated_at"),
                rs.getString("updated_by"),
                ApplicationRound.DECIDED.equals(rs.getString("status"))
                        ? new ApplicationRound.Decision(
                                getDate(rs, "decided_on"),
                                rs.getString("decision_reference"),
                                rs.getString("decided_by"),
                                getInstant(rs, "decided_at"),
                                RoundJson.parse(ranking))
                        : null);
    }

    private int bindEntry(PreparedStatement st, RoundEntry e) throws SQLException {
        int i = 1;
        st.setLong(i++, e.version());
        st.setLong(i++, e.roundId());
        st.setLong(i++, e.initiativeId());
        st.setString(i++, e.category());
        st.setInt(i++, e.persons());
        st.setString(i++, e.initiator());
        setInstant(st, i++, e.submittedAt());
        st.setString(i++, RoundJson.employersToJson(e.employers()).toString());
        if (e.dwellingsReturned() == null) st.setNull(i++, java.sql.Types.INTEGER);
        else st.setInt(i++, e.dwellingsReturned());
        st.setString(i++, RoundJson.scoresToJson(e.scores()).toString());
        st.setString(i++, e.distance() == null ? null : e.distance().toString());
        st.setString(i++, e.notes());
        setInstant(st, i++, e.createdAt());
        st.setString(i++, e.createdBy());
        setInstant(st, i++, e.updatedAt());
        st.setString(i++, e.updatedBy());
        return i;
    }

    private RoundEntry entryRow(ResultSet rs) throws SQLException {
        int dwellings = rs.getInt("dwellings_returned");
        Integer dwellingsOrNull = rs.wasNull() ? null : dwellings;
        return new RoundEntry(
                rs.getLong("id"),
                rs.getLong("version"),
                rs.getLong("round_id"),
                rs.getLong("initiative_id"),
                rs.getString("category"),
                rs.getInt("persons"),
                rs.getString("initiator"),
                getInstant(rs, "submitted_at"),
                RoundJson.employersFromJson(json(rs.getString("employers"))),
                dwellingsOrNull,
                RoundJson.scoresFromJson(json(rs.getString("scores"))),
                json(rs.getString("distance")),
                rs.getString("notes"),
                getInstant(rs, "created_at"),
                rs.getString("created_by"),
                getInstant(rs, "updated_at"),
                rs.getString("updated_by"));
    }

    // ---- housing locations and their signals ----

    private static final String LOCATION_COLUMNS = "version, %s, name, village, provider, form, capacity, "
            + "initiative_id, existing, permit, agreements, snf_certificate, snf_expires, night_register, inspections, "
            + "status, notes, created_at, created_by, updated_at, updated_by";
    private static final String SIGNAL_COLUMNS = "version, location_id, received_on, source, category, description, "
            + "follow_up, follow_up_by, status, via_public_form, created_at, created_by, updated_at, updated_by";

    private VersionedRegister<HousingLocation> locationRegister() {
        return new VersionedRegister<>(
                new RegisterRows<>(
                        LOCATIONS,
                        String.format(LOCATION_COLUMNS, "site"),
                        "?," + geometryParam() + ",?,?,?,?,?,?,?,?," + jsonParam() + ",?,?," + jsonParam() + ","
                                + jsonParam() + ",?,?,?,?,?,?",
                        this::bindLocation),
                locationSelect(),
                this::locationRow,
                LocationJson::toJson);
    }

    private String locationSelect() {
        return "SELECT id, " + String.format(LOCATION_COLUMNS, geometrySelect("site") + " AS site")
                + " FROM housing_location";
    }

    private VersionedRegister<LocationSignal> signalRegister() {
        return new VersionedRegister<>(
                new RegisterRows<>(SIGNALS, SIGNAL_COLUMNS, "?,?,?,?,?,?,?,?,?,?,?,?,?,?", this::bindSignal),
                "SELECT id, " + SIGNAL_COLUMNS + " FROM location_signal",
                this::signalRow,
                LocationJson::toJson);
    }

    @Override
    public HousingLocation createLocation(HousingLocation entry, String actor) {
        return inTransaction(c -> insertVersioned(c, locationRegister(), entry, actor));
    }

    @Override
    public Optional<HousingLocation> location(long id) {
        return read(c -> selectById(c, locationSelect(), id, false, this::locationRow));
    }

    @Override
    public List<HousingLocation> locations(String status) {
        return read(c -> selectByStatus(c, locationSelect(), status, this::locationRow));
    }

    @Override
    public HousingLocation updateLocation(
            long id, long expectedVersion, String actor, UnaryOperator<HousingLocation> change) {
        return updateVersioned(locationRegister(), id, expectedVersion, actor, change);
    }

    @Override
    public LocationSignal createSignal(LocationSignal entry, String actor) {
        return inTransaction(c -> insertVersioned(c, signalRegister(), entry, actor));
    }

    @Override
    public Optional<LocationSignal> signal(long id) {
        return read(c -> selectById(c, signalRegister().select(), id, false, this::signalRow));
    }

    @Override
    public List<LocationSignal> signals(long locationId) {
        return read(c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT id, " + SIGNAL_COLUMNS + " FROM location_signal"
                    + (locationId > 0 ? " WHERE location_id = ?" : "") + " ORDER BY id")) {
                if (locationId > 0) st.setLong(1, locationId);
                List<LocationSignal> out = new ArrayList<>();
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) out.add(signalRow(rs));
                }
                return out;
            }
        });
    }

    @Override
    public LocationSignal updateSignal(
            long id, long expectedVersion, String actor, UnaryOperator<LocationSignal> change) {
        return updateVersioned(signalRegister(), id, expectedVersion, actor, change);
    }

    private int bindLocation(PreparedStatement st, HousingLocation l) throws SQLException {
        int i = 1;
        st.setLong(i++, l.version());
        st.setBytes(i++, encodeGeometry(l.site()));
        st.setString(i++, l.name());
        st.setString(i++, l.village());
        st.setString(i++, l.provider());
        st.setString(i++, l.form().id());
        st.setInt(i++, l.capacity());
        if (l.initiativeId() > 0) st.setLong(i++, l.initiativeId());
        else st.setNull(i++, java.sql.Types.BIGINT);
        st.setBoolean(i++, l.existing());
        st.setString(i++, l.permit());
        st.setString(i++, LocationJson.agreementsToJson(l.agreements()).toString());
        st.setString(i++, l.snfCertificate());
        setDate(st, i++, l.snfExpires());
        st.setString(i++, LocationJson.monthsToJson(l.nightRegister()).toString());
        st.setString(i++, LocationJson.inspectionsToJson(l.inspections()).toString());
        st.setString(i++, l.status().id());
        st.setString(i++, l.notes());
        setInstant(st, i++, l.createdAt());
        st.setString(i++, l.createdBy());
        setInstant(st, i++, l.updatedAt());
        st.setString(i++, l.updatedBy());
        return i;
    }

    private HousingLocation locationRow(ResultSet rs) throws SQLException {
        return new HousingLocation(
                rs.getLong("id"),
                rs.getLong("version"),
                decodeGeometry(rs.getBytes("site")),
                rs.getString("name"),
                rs.getString("village"),
                rs.getString("provider"),
                HousingForm.byId(rs.getString("form")).orElseThrow(),
                rs.getInt("capacity"),
                rs.getLong("initiative_id"),
                rs.getBoolean("existing"),
                rs.getString("permit"),
                LocationJson.agreementsFromJson(json(rs.getString("agreements"))),
                rs.getString("snf_certificate"),
                getDate(rs, "snf_expires"),
                LocationJson.monthsFromJson(json(rs.getString("night_register"))),
                LocationJson.inspectionsFromJson(json(rs.getString("inspections"))),
                HousingLocation.Status.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)),
                rs.getString("notes"),
                getInstant(rs, "created_at"),
                rs.getString("created_by"),
                getInstant(rs, "updated_at"),
                rs.getString("updated_by"));
    }

    private int bindSignal(PreparedStatement st, LocationSignal s) throws SQLException {
        int i = 1;
        st.setLong(i++, s.version());
        st.setLong(i++, s.locationId());
        setDate(st, i++, s.receivedOn());
        st.setString(i++, s.source().id());
        st.setString(i++, s.category().id());
        st.setString(i++, s.description());
        st.setString(i++, s.followUp());
        st.setString(i++, s.followUpBy());
        st.setString(i++, s.status().id());
        st.setBoolean(i++, s.viaPublicForm());
        setInstant(st, i++, s.createdAt());
        st.setString(i++, s.createdBy());
        setInstant(st, i++, s.updatedAt());
        st.setString(i++, s.updatedBy());
        return i;
    }

    private LocationSignal signalRow(ResultSet rs) throws SQLException {
        return new LocationSignal(
                rs.getLong("id"),
                rs.getLong("version"),
                rs.getLong("location_id"),
                getDate(rs, "received_on"),
                LocationSignal.Source.valueOf(rs.getString("source").toUpperCase(Locale.ROOT)),
                LocationSignal.Category.valueOf(rs.getString("category").toUpperCase(Locale.ROOT)),
                rs.getString("description"),
                rs.getString("follow_up"),
                rs.getString("follow_up_by"),
                LocationSignal.Status.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)),
                rs.getBoolean("via_public_form"),
                getInstant(rs, "created_at"),
                rs.getString("created_by"),
                getInstant(rs, "updated_at"),
                rs.getString("updated_by"));
    }

    // ---- audit ----

    private void audit(
            Connection c,
            String register,
            long entryId,
            long version,
            String action,
            String actor,
            JsonNode before,
            JsonNode after)
            throws SQLException {
        try (PreparedStatement st = c.prepareStatement("INSERT INTO audit_log (register, entry_id, version, action, "
                + "actor, at, before, after) VALUES (?,?,?,?,?,?," + jsonParam() + "," + jsonParam() + ")")) {
            st.setString(1, register);
            st.setLong(2, entryId);
            st.setLong(3, version);
            st.setString(4, action);
            st.setString(5, actor);
            setInstant(st, 6, now());
            st.setString(7, before == null ? null : before.toString());
            st.setString(8, after.toString());
            st.executeUpdate();
        }
        written.get().add(register); // every register write has its audit row: the one place to note the change
    }

    @Override
    public List<AuditEntry> auditTrail(String register, long entryId) {
        return auditQuery(" WHERE register = ? AND entry_id = ? ORDER BY id", register, entryId);
    }

    @Override
    public List<AuditEntry> auditLog(String register) {
        return auditQuery(" WHERE register = ? ORDER BY id", register, null);
    }

    private List<AuditEntry> auditQuery(String where, String register, Long entryId) {
        return read(c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT id, register, entry_id, version, action, actor, at, "
                    + "before, after FROM audit_log" + where)) {
                st.setString(1, register);
                if (entryId != null) st.setLong(2, entryId);
                List<AuditEntry> out = new ArrayList<>();
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        out.add(new AuditEntry(
                                rs.getLong("id"),
                                rs.getString("register"),
                                rs.getLong("entry_id"),
                                rs.getLong("version"),
                                rs.getString("action"),
                                rs.getString("actor"),
                                getInstant(rs, "at"),
                                json(rs.getString("before")),
                                json(rs.getString("after"))));
                    }
                }
                return out;
            }
        });
    }

    /**
     * The served layer set, read inside the caller's (read-only) transaction so it is one consistent version;
     * empty when nothing was imported yet. Geometry is stored in RD New and returned in the set's working CRS.
     */
    protected Optional<Dataset> loadLayers(Connection c) throws SQLException {
        List<Feature> features = new ArrayList<>();
        return scanLayers(c, List.of(Role.values()), features::add).map(info -> new Dataset(info, features));
    }

    /** The layer set's description, read inside the caller's transaction; empty when nothing was imported yet. */
    protected Optional<DatasetInfo> layerSetInfo(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
                ResultSet rs =
                        st.executeQuery("SELECT name, fictitious, sources, working_crs FROM layer_set WHERE id = 1")) {
            if (!rs.next()) return Optional.empty();
            List<String> sources = new ArrayList<>();
            for (JsonNode n : json(rs.getString("sources"))) sources.add(n.asText());
            return Optional.of(new DatasetInfo(
                    rs.getString("name"), rs.getBoolean("fictitious"), sources, rs.getString("working_crs")));
        }
    }

    /**
     * Every feature of {@code roles}, role by role in storage order, handed to {@code each} as it is read (the
     * result set is streamed: PostgreSQL by the fetch size inside the caller's transaction, SQLite row by row).
     */
    protected Optional<DatasetInfo> scanLayers(Connection c, Collection<Role> roles, Consumer<Feature> each)
            throws SQLException {
        return scanRows(c, roles, row -> each.accept(row.decode()));
    }

    /**
     * {@link #scanLayers(Connection, Collection, Consumer)}'s rows as they are stored, undecoded: the national batch
     * passes most of them on to its spill files and decodes each where it is read back.
     */
    protected Optional<DatasetInfo> scanRows(Connection c, Collection<Role> roles, Consumer<StoredRow> each)
            throws SQLException {
        Optional<DatasetInfo> set = layerSetInfo(c);
        if (set.isEmpty()) return set;
        StoredRow.Format format = new StoredRow.Format(
                new LayerGeometry(set.get().workingCrs()), geometryIsGeoPackageBlob(), this::decodeGeometry);
        for (Role role : Role.values()) {
            if (!roles.contains(role)) continue;
            try (Statement st = c.createStatement()) {
                st.setFetchSize(5000); // PostgreSQL streams instead of holding a large layer twice; SQLite ignores it
                try (ResultSet rs = st.executeQuery("SELECT feature_id, attributes, source, source_id, source_tag, "
                        + geometrySelect("geom") + " AS geom_bytes FROM layer_" + role.id() + " ORDER BY fid")) {
                    while (rs.next()) {
                        each.accept(new StoredRow(
                                role,
                                rs.getLong(1),
                                rs.getBytes(6),
                                jsonBytes(rs, 2),
                                rs.getString(3),
                                rs.getString(4),
                                rs.getString(5),
                                format));
                    }
                }
            }
        }
        return set;
    }

    /** Whether {@link #decodeGeometry} reads GeoPackage blobs (whose header holds the envelope) rather than WKB. */
    protected boolean geometryIsGeoPackageBlob() {
        return false;
    }

    /** A JSON column's text as UTF-8 (a dialect whose driver hands the stored bytes over saves a decode). */
    protected byte[] jsonBytes(ResultSet rs, int column) throws SQLException {
        String s = rs.getString(column);
        return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
    }

    /** A feature's attributes, stored as one JSON object of strings. */
    protected static Map<String, String> attributes(String json) {
        return AttributesJson.parse(json);
    }

    protected static JsonNode json(String s) {
        if (s == null) return null;
        try {
            return RegisterJson.MAPPER.readTree(s);
        } catch (JsonProcessingException e) {
            throw new StoreException("Stored JSON is unreadable: " + e.getOriginalMessage(), e);
        }
    }

    // ---- the rows of a register, written the same way for permits and initiatives ----

    /** One row of a result set as an entry. */
    private interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /** The entries of {@code select} (a SELECT without WHERE) with this status (null: all), in id order. */
    private <T> List<T> selectByStatus(Connection c, String select, String status, RowReader<T> row)
            throws SQLException {
        try (PreparedStatement st =
                c.prepareStatement(select + (status == null ? "" : " WHERE status = ?") + " ORDER BY id")) {
            if (status != null) st.setString(1, status);
            List<T> out = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) out.add(row.read(rs));
            }
            return out;
        }
    }

    /** The entry with this id from {@code select} (a SELECT without WHERE), locked for the transaction when asked. */
    private <T> Optional<T> selectById(Connection c, String select, long id, boolean lock, RowReader<T> row)
            throws SQLException {
        try (PreparedStatement st = c.prepareStatement(select + " WHERE id = ?" + (lock ? forUpdate() : ""))) {
            st.setLong(1, id);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.of(row.read(rs)) : Optional.empty();
            }
        }
    }

    /** Binds an entry's columns from parameter 1 on and returns the next parameter index. */
    private interface RowBinder<T> {
        int bind(PreparedStatement st, T entry) throws SQLException;
    }

    /** A register's table (its name is also the register's name in errors and audit), columns and placeholders. */
    private record RegisterRows<T>(String table, String columns, String placeholders, RowBinder<T> binder) {}

    /**
     * A register whose entries are {@link Versioned} (intake cases, locations, signals): its rows, the SELECT (without
     * WHERE) reading one back, the row reader and the JSON its audit rows keep.
     */
    private record VersionedRegister<T extends Versioned<T>>(
            RegisterRows<T> rows, String select, RowReader<T> reader, Function<T, JsonNode> json) {}

    /** Inserts a new entry at version 1 with its "create" audit row, inside the caller's transaction. */
    private <T extends Versioned<T>> T insertVersioned(
            Connection c, VersionedRegister<T> register, T entry, String actor) throws SQLException {
        Instant now = now();
        T stamped = entry.stamped(0, 1, now, actor, now, actor);
        long id = insertRow(c, register.rows(), stamped);
        T saved = stamped.stamped(id, 1, now, actor, now, actor);
        audit(
                c,
                register.rows().table(),
                id,
                1,
                "create",
                actor,
                null,
                register.json().apply(saved));
        return saved;
    }

    /**
     * The optimistic change of every versioned register, in one transaction: the row read and locked, refused when
     * no longer at {@code expectedVersion}, {@code change} applied (it may throw to abort), written only while the
     * version still holds, and audited with the entry before and after. Creation stays with the first writer.
     */
    private <T extends Versioned<T>> T updateVersioned(
            VersionedRegister<T> register, long id, long expectedVersion, String actor, UnaryOperator<T> change) {
        return updateVersioned(register, id, expectedVersion, actor, (c, before) -> {}, change);
    }

    /** What must hold besides the version before a change is applied, checked in its transaction (it may lock). */
    private interface ChangeCheck<T> {
        void check(Connection c, T before) throws SQLException;
    }

    /** The same, with {@code check} run after the version check and before {@code change}. */
    private <T extends Versioned<T>> T updateVersioned(
            VersionedRegister<T> register,
            long id,
            long expectedVersion,
            String actor,
            ChangeCheck<T> check,
            UnaryOperator<T> change) {
        String table = register.rows().table();
        return inTransaction(c -> {
            T before = selectById(c, register.select(), id, true, register.reader())
                    .orElseThrow(() -> new EntryNotFoundException(table, id));
            checkVersion(table, id, expectedVersion, before.version());
            check.check(c, before);
            T after = change.apply(before)
                    .stamped(id, before.version() + 1, before.createdAt(), before.createdBy(), now(), actor);
            updateRow(c, register.rows(), id, expectedVersion, after);
            audit(
                    c,
                    table,
                    id,
                    after.version(),
                    "update",
                    actor,
                    register.json().apply(before),
                    register.json().apply(after));
            return after;
        });
    }

    private RegisterRows<RoomRentalPermit> permitRows() {
        return new RegisterRows<>(PERMITS, PERMIT_COLUMNS, "?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?", this::bindPermit);
    }

    private RegisterRows<HousingInitiative> initiativeRows() {
        return new RegisterRows<>(
                INITIATIVES,
                initiativeColumns(),
                "?," + geometryParam() + ",?,?,?,?,?,?,?,?,?,?,?,?,?," + jsonParam() + ",?,?,?,?,?",
                this::bindInitiative);
    }

    private static <T> long insertRow(Connection c, RegisterRows<T> rows, T entry) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(
                "INSERT INTO " + rows.table() + " (" + rows.columns() + ") VALUES (" + rows.placeholders() + ")",
                Statement.RETURN_GENERATED_KEYS)) {
            rows.binder().bind(st, entry);
            st.executeUpdate();
            return generatedId(st);
        }
    }

    /** Optimistic concurrency: the row is written only while it still has the version the caller read. */
    private static <T> void updateRow(Connection c, RegisterRows<T> rows, long id, long expectedVersion, T entry)
            throws SQLException {
        try (PreparedStatement st = c.prepareStatement("UPDATE " + rows.table() + " SET (" + rows.columns() + ") = ("
                + rows.placeholders() + ") WHERE id = ? AND version = ?")) {
            int i = rows.binder().bind(st, entry);
            st.setLong(i++, id);
            st.setLong(i, expectedVersion);
            if (st.executeUpdate() != 1) {
                throw new VersionConflictException(rows.table(), id, expectedVersion, expectedVersion + 1);
            }
        }
    }

    private static void checkVersion(String register, long id, long expectedVersion, long actualVersion) {
        if (actualVersion != expectedVersion)
            throw new VersionConflictException(register, id, expectedVersion, actualVersion);
    }

    private static long generatedId(PreparedStatement st) throws SQLException {
        try (ResultSet keys = st.getGeneratedKeys()) {
            if (!keys.next()) throw new SQLException("the database returned no id for the new row");
            return keys.getLong(1);
        }
    }
}
