package nl.plektoets.roomrental;

import java.util.List;

/**
 * Where the street rules get the current permits from. The rules and the criterion never know the database: the
 * store supplies them ({@link StorePermits}), a test a list.
 */
@FunctionalInterface
public interface RoomRentalPermits {
    /** The granted permits and the pending applications (refused, withdrawn and expired ones do not count). */
    List<PermitPlacement> active();

    RoomRentalPermits NONE = List::of;
}
