package nl.plektoets.registers;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;

/**
 * A dwelling the planners know to be room-rented without a permit (§5.1.3: the overview is of "verkamerde woningen
 * en/of panden", not only of permits), from an inspection or a signal. It fills its street's maximum like a granted
 * permit; the public sees it only in the counts per street. Nothing is deleted: it ends as {@code ended} (no longer
 * room-rented, or it got a permit).
 *
 * @param dwellingBagId BAG verblijfsobject id (16 digits), or null when only the address is known
 * @param address       postal address "Street 12, Town", or null when only the BAG id is known
 * @param street        the street it counts for
 * @param observedOn    the date of the inspection or signal
 */
public record RoomRentedDwelling(
        long id,
        long version,
        String dwellingBagId,
        String address,
        String street,
        String town,
        Source source,
        LocalDate observedOn,
        Status status,
        String note,
        Instant createdAt,
        String createdBy,
        Instant updatedAt,
        String updatedBy) {

    /** How the municipality learnt of it. */
    public enum Source {
        INSPECTION,
        SIGNAL,
        OTHER;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** {@code known}: room-rented now and counted; {@code ended}: no longer (kept for the audit trail). */
    public enum Status {
        KNOWN,
        ENDED;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** This entry as stored after a change by {@code actor} at {@code now}. */
    public RoomRentedDwelling stamped(long newId, long newVersion, Instant now, String actor) {
        return new RoomRentedDwelling(
                newId,
                newVersion,
                dwellingBagId,
                address,
                street,
                town,
                source,
                observedOn,
                status,
                note,
                createdAt == null ? now : createdAt,
                createdBy == null ? actor : createdBy,
                now,
                actor);
    }
}
