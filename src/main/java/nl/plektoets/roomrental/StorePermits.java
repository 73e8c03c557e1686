package nl.plektoets.roomrental;

import java.util.ArrayList;
import java.util.List;
import nl.plektoets.registers.PermitStatus;
import nl.plektoets.registers.RegisterStore;
import nl.plektoets.registers.RoomRentedDwelling;

/**
 * The store's room-rental register as {@link RoomRentalPermits}: granted permits, applied-for ones and the dwellings
 * known to be room-rented without a permit (§5.1.3).
 */
public final class StorePermits implements RoomRentalPermits {
    private final RegisterStore store;

    public StorePermits(RegisterStore store) {
        this.store = store;
    }

    @Override
    public List<PermitPlacement> active() {
        List<PermitPlacement> out = new ArrayList<>();
        store.permits(PermitStatus.GRANTED.id(), null).forEach(p -> out.add(StreetLimitGuard.placement(p)));
        store.permits(PermitStatus.APPLIED.id(), null).forEach(p -> out.add(StreetLimitGuard.placement(p)));
        store.roomRentedDwellings(RoomRentedDwelling.Status.KNOWN.id())
                .forEach(k -> out.add(StreetLimitGuard.placement(k)));
        return out;
    }
}
