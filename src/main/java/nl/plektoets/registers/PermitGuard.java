package nl.plektoets.registers;

import java.util.List;
import java.util.Set;

/**
 * A check a permit change must pass against the other permits, run by the store inside the transaction that writes
 * the change, after locking {@link #lockKeys}: two grants for the last free place in a street serialise on the
 * street's lock, and the second sees the first (§6.2.6, a maximum number of room-rented dwellings per street).
 */
public interface PermitGuard {
    /** The locks to take before {@link #check} (e.g. the street); empty when this change needs no check. */
    Set<String> lockKeys(RoomRentalPermit beforeOrNull, RoomRentalPermit after);

    /**
     * Throws {@link PermitRefusedException} (or {@link InvalidEntryException}) when {@code after} may not be stored
     * given {@code active}: every granted or applied permit as committed, read after the locks were taken.
     */
    void check(RoomRentalPermit after, List<RoomRentalPermit> active);

    /**
     * {@link #check} with the dwellings known to be room-rented without a permit (status known), read under the same
     * locks: they fill a street like granted permits (§5.1.3). By default they are ignored.
     */
    default void check(
            RoomRentalPermit after, List<RoomRentalPermit> active, List<RoomRentedDwelling> knownRoomRented) {
        check(after, active);
    }

    PermitGuard NONE = new PermitGuard() {
        @Override
        public Set<String> lockKeys(RoomRentalPermit beforeOrNull, RoomRentalPermit after) {
            return Set.of();
        }

        @Override
        public void check(RoomRentalPermit after, List<RoomRentalPermit> active) {}
    };
}
