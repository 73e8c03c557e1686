package nl.plektoets.roomrental;

import java.util.ArrayList;
import java.util.List;
import nl.plektoets.registers.PermitStatus;
import nl.plektoets.registers.RegisterSnapshot;
import nl.plektoets.registers.RegisterStore;
import nl.plektoets.registers.RoomRentedDwelling;

/**
 * The store's room-rental register as {@link RoomRentalPermits}: granted permits, applied-for ones and the dwellings
 * known to be room-rented without a permit (§5.1.3). Read once and kept until the registers change
 * ({@link RegisterSnapshot}): every assessment, the public street standings and the planner overview ask for it, and
 * it changes only with a grant or an application. With PostGIS shared by several instances, another instance's grant
 * reaches the kept value within a notification's delay; the atomic street limit never uses it (the store's guard
 * re-reads the permits under the street's lock in the granting transaction).
 */
public final class StorePermits implements RoomRentalPermits {
    private final RegisterStore store;
    private final RegisterSnapshot<List<PermitPlacement>> snapshot;

    public StorePermits(RegisterStore store) {
        this.store = store;
        this.snapshot = new RegisterSnapshot<>(store.changes(), this::read);
    }

    /** The active permits and known room-rented dwellings; an unmodifiable list shared by concurrent requests. */
    @Override
    public List<PermitPlacement> active() {
        return snapshot.get();
    }

    private List<PermitPlacement> read() {
        List<PermitPlacement> out = new ArrayList<>();
        store.permits(PermitStatus.GRANTED.id(), null).forEach(p -> out.add(StreetLimitGuard.placement(p)));
        store.permits(PermitStatus.APPLIED.id(), null).forEach(p -> out.add(StreetLimitGuard.placement(p)));
        store.roomRentedDwellings(RoomRentedDwelling.Status.KNOWN.id())
                .forEach(k -> out.add(StreetLimitGuard.placement(k)));
        return List.copyOf(out);
    }
}
