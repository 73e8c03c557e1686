package nl.plektoets.registers;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One entry of the room-rental register (§5.1.3, §6.2.6): a dwelling rented out per room, the street it counts
 * for (the permit can cap room-rented dwellings per street), and the permit's state. Persons are counted, not named:
 * the register holds no personal data beyond the address.
 *
 * @param id            register id, assigned by the store (0 for a new entry)
 * @param version       optimistic-concurrency version, 1 after creation, +1 per change
 * @param dwellingBagId BAG verblijfsobject id (16 digits), or null when only the address is known
 * @param address       postal address, or null when only the BAG id is known
 * @param street        the street the dwelling counts for in the per-street cap (§6.2.6)
 * @param validUntil    null for a permanent permit
 */
public record RoomRentalPermit(
        long id,
        long version,
        String dwellingBagId,
        String address,
        String street,
        String town,
        int rooms,
        int persons,
        PermitStatus status,
        PermitType type,
        LocalDate appliedOn,
        LocalDate decidedOn,
        LocalDate validFrom,
        LocalDate validUntil,
        String notes,
        Instant createdAt,
        String createdBy,
        Instant updatedAt,
        String updatedBy) {

    /** This entry as stored after a change by {@code actor} at {@code now}. */
    public RoomRentalPermit stamped(long newId, long newVersion, Instant now, String actor) {
        return new RoomRentalPermit(
                newId,
                newVersion,
                dwellingBagId,
                address,
                street,
                town,
                rooms,
                persons,
                status,
                type,
                appliedOn,
                decidedOn,
                validFrom,
                validUntil,
                notes,
                createdAt == null ? now : createdAt,
                createdBy == null ? actor : createdBy,
                now,
                actor);
    }
}
