package nl.plektoets.store;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import nl.plektoets.data.Dataset;
import nl.plektoets.registers.AuditEntry;
import nl.plektoets.registers.HousingInitiative;
import nl.plektoets.registers.RoomRentalPermit;

/**
 * Where imported layers and the registers live. One interface, two implementations (as PDOK's gokoala has one
 * datasource interface for PostGIS and GeoPackage): {@link nl.plektoets.store.postgis.PostgisStore} for production and
 * {@link nl.plektoets.store.embedded.GeoPackageStore}, a file in the data directory, as the zero-setup default.
 *
 * <p>Guarantees both implementations give (and the shared test suite checks): a layer import replaces the previous
 * layer set in one transaction, so readers see the old set or the new one, never a mix; register changes are
 * optimistic (a change based on an old version throws {@link nl.plektoets.registers.VersionConflictException}); every
 * committed change has exactly one audit row written in the same transaction; nothing is deleted; a write that returned
 * survives a killed process. An unreachable database throws {@link StoreUnavailableException}. Thread-safe.
 */
public interface Store extends AutoCloseable {

    /** What this store is, for logs and the CLI, without credentials, e.g. {@code PostGIS 127.0.0.1:5432/plektoets}. */
    String describe();

    /** Replaces the stored layer set by this dataset, atomically. Geometries are stored in EPSG:28992. */
    void importLayers(Dataset dataset);

    /** The stored layer set in its working CRS, or empty when nothing was imported yet. */
    Optional<Dataset> loadDataset();

    /** The stored layer set's description and size, or empty when nothing was imported yet. */
    Optional<LayerSetSummary> layerSet();

    RoomRentalPermit createPermit(RoomRentalPermit entry, String actor);

    /**
     * Creates the permit after {@code guard} approved it inside the same transaction, with its locks held (§6.2.6:
     * the per-street limit is re-checked atomically with the write).
     */
    RoomRentalPermit createPermit(RoomRentalPermit entry, String actor, nl.plektoets.registers.PermitGuard guard);

    Optional<RoomRentalPermit> permit(long id);

    /** All permits, oldest first, optionally only those with the given status id and/or street (case-insensitive). */
    List<RoomRentalPermit> permits(String statusOrNull, String streetOrNull);

    /**
     * Applies {@code change} to the current entry if it is still at {@code expectedVersion}, in one transaction with
     * its audit row. The change runs inside the transaction and may throw to abort it.
     */
    RoomRentalPermit updatePermit(long id, long expectedVersion, String actor, UnaryOperator<RoomRentalPermit> change);

    /** {@link #updatePermit} with {@code guard} run on the changed entry inside the transaction, its locks held. */
    RoomRentalPermit updatePermit(long id, long expectedVersion, String actor, UnaryOperator<RoomRentalPermit> change,
                                  nl.plektoets.registers.PermitGuard guard);

    /** Granted permits per street (lower-cased street), for the public street overview of §5.1.3: counts only. */
    Map<String, Integer> grantedPermitsPerStreet();

    /** Stores a public "report a wrong entry" of the room-rental map for planners (§5.1.3); returns its id. */
    long addRoomRentalReport(String streetId, String message);

    /** The reports of wrong entries, oldest first. */
    List<nl.plektoets.registers.RoomRentalReport> roomRentalReports();

    /** Records a dwelling known to be room-rented without a permit (§5.1.3), with its audit row. */
    nl.plektoets.registers.RoomRentedDwelling createRoomRented(nl.plektoets.registers.RoomRentedDwelling entry, String actor);

    Optional<nl.plektoets.registers.RoomRentedDwelling> roomRented(long id);

    /** The known room-rented dwellings, oldest first, optionally only those with the given status id. */
    List<nl.plektoets.registers.RoomRentedDwelling> roomRentedDwellings(String statusOrNull);

    /** {@link #updatePermit}'s optimistic change and audit for a known room-rented dwelling. */
    nl.plektoets.registers.RoomRentedDwelling updateRoomRented(long id, long expectedVersion, String actor,
                                                               UnaryOperator<nl.plektoets.registers.RoomRentedDwelling> change);

    HousingInitiative createInitiative(HousingInitiative entry, String actor);

    Optional<HousingInitiative> initiative(long id);

    List<HousingInitiative> initiatives(String statusOrNull);

    HousingInitiative updateInitiative(long id, long expectedVersion, String actor,
                                       UnaryOperator<HousingInitiative> change);

    /**
     * The audit rows of one entry ({@code room_rental_permit}, {@code room_rented_dwelling} or
     * {@code housing_initiative}), oldest first.
     */
    List<AuditEntry> auditTrail(String register, long entryId);

    /** Every audit row of a register, oldest first. */
    List<AuditEntry> auditLog(String register);

    @Override
    void close();
}
