package nl.plektoets.roomrental;

import java.util.List;

/**
 * Where the street rules get the current permits from. The rules and the criterion never know the database: the
 * store supplies them ({@link StorePermits}), a test a list.
 */
@FunctionalInterface
public interface RoomRentalPermits {
    /**
     * The granted permits and the pending applications (refused, withdrawn and expired ones do not count). Best an
     * unmodifiable list ({@code List.copyOf}), the same one while the register is unchanged: {@link
     * RoomRentalStreetCriterion} keeps each street's standing while it gets the same list, and works them out anew
     * for any other list (a list that may change in place is copied on every call, so it is never kept).
     */
    List<PermitPlacement> active();

    RoomRentalPermits NONE = List::of;
}
