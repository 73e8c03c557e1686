package nl.plektoets.registers;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Where the registers keep their entries: the repository {@link Registers} and the room-rental rules work on,
 * implemented by {@code store.Store} (PostGIS or the embedded GeoPackage). Owned here so the registers depend on no
 * store. Changes are optimistic (a change based on an old version throws {@link VersionConflictException}); every
 * committed change has exactly one audit row written in the same transaction; nothing is deleted. Thread-safe.
 */
public interface RegisterStore {
    /** The register names of the audit trail ({@link AuditEntry}, {@link #auditTrail}, {@link #auditLog}). */
    String PERMITS = "room_rental_permit";

    String INITIATIVES = "housing_initiative";
    String ROOM_RENTED = "room_rented_dwelling";
    String INTAKE = "intake_case";
    String LOCATIONS = "housing_location";
    String SIGNALS = "location_signal";

    /**
     * "The registers changed", for caches of register state: fired after every committed write, by this process
     * and (on a store several processes share) by the others ({@link RegisterChanges}).
     */
    RegisterChanges changes();

    RoomRentalPermit createPermit(RoomRentalPermit entry, String actor);

    /**
     * Creates the permit after {@code guard} approved it inside the same transaction, with its locks held (§6.2.6:
     * the per-street limit is re-checked atomically with the write).
     */
    RoomRentalPermit createPermit(RoomRentalPermit entry, String actor, PermitGuard guard);

    Optional<RoomRentalPermit> permit(long id);

    /** All permits, oldest first, optionally only those with the given status id and/or street (case-insensitive). */
    List<RoomRentalPermit> permits(String statusOrNull, String streetOrNull);

    /**
     * Applies {@code change} to the current entry if it is still at {@code expectedVersion}, in one transaction with
     * its audit row. The change runs inside the transaction and may throw to abort it.
     */
    RoomRentalPermit updatePermit(long id, long expectedVersion, String actor, UnaryOperator<RoomRentalPermit> change);

    /** {@link #updatePermit} with {@code guard} run on the changed entry inside the transaction, its locks held. */
    RoomRentalPermit updatePermit(
            long id, long expectedVersion, String actor, UnaryOperator<RoomRentalPermit> change, PermitGuard guard);

    /** Granted permits per street (lower-cased street), for the public street overview of §5.1.3: counts only. */
    Map<String, Integer> grantedPermitsPerStreet();

    /** Stores a public "report a wrong entry" of the room-rental map for planners (§5.1.3); returns its id. */
    long addRoomRentalReport(String streetId, String message);

    /** The reports of wrong entries, oldest first. */
    List<RoomRentalReport> roomRentalReports();

    /** Records a dwelling known to be room-rented without a permit (§5.1.3), with its audit row. */
    RoomRentedDwelling createRoomRented(RoomRentedDwelling entry, String actor);

    Optional<RoomRentedDwelling> roomRented(long id);

    /** The known room-rented dwellings, oldest first, optionally only those with the given status id. */
    List<RoomRentedDwelling> roomRentedDwellings(String statusOrNull);

    /** {@link #updatePermit}'s optimistic change and audit for a known room-rented dwelling. */
    RoomRentedDwelling updateRoomRented(
            long id, long expectedVersion, String actor, UnaryOperator<RoomRentedDwelling> change);

    HousingInitiative createInitiative(HousingInitiative entry, String actor);

    Optional<HousingInitiative> initiative(long id);

    List<HousingInitiative> initiatives(String statusOrNull);

    HousingInitiative updateInitiative(
            long id, long expectedVersion, String actor, UnaryOperator<HousingInitiative> change);

    /**
     * Opens the intake case of an initiative; one per initiative: a second is refused with {@link
     * IntakeCaseExistsException} (422, naming the case), also when it raced the first.
     */
    IntakeCase createIntakeCase(IntakeCase entry, String actor);

    Optional<IntakeCase> intakeCase(long id);

    /** The intake cases, oldest first, optionally only those of one case owner. */
    List<IntakeCase> intakeCases(String caseOwnerOrNull);

    /** {@link #updatePermit}'s optimistic change and audit for an intake case. */
    IntakeCase updateIntakeCase(long id, long expectedVersion, String actor, UnaryOperator<IntakeCase> change);

    HousingLocation createLocation(HousingLocation entry, String actor);

    Optional<HousingLocation> location(long id);

    /** The housing locations, oldest first, optionally only those with the given status id. */
    List<HousingLocation> locations(String statusOrNull);

    HousingLocation updateLocation(long id, long expectedVersion, String actor, UnaryOperator<HousingLocation> change);

    LocationSignal createSignal(LocationSignal entry, String actor);

    Optional<LocationSignal> signal(long id);

    /** The signals, oldest first, optionally only those of one location (id > 0). */
    List<LocationSignal> signals(long locationIdOrZero);

    LocationSignal updateSignal(long id, long expectedVersion, String actor, UnaryOperator<LocationSignal> change);

    /**
     * The audit rows of one entry ({@code room_rental_permit}, {@code room_rented_dwelling} or
     * {@code housing_initiative}), oldest first.
     */
    List<AuditEntry> auditTrail(String register, long entryId);

    /** Every audit row of a register, oldest first. */
    List<AuditEntry> auditLog(String register);

    /** Keeps the hash of a report made of an initiative's step (rows are only added). */
    void recordStepReport(StepReport report);

    /** The reports made of an initiative's steps, oldest first. */
    List<StepReport> stepReports(long initiativeId);
}
