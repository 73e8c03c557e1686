package nl.plektoets.roomrental;

/**
 * A room-rental permit as the street rules see it: where it is and whether it is granted or only applied for; or a
 * room-rented dwelling the planners know of without a permit ({@code withoutPermit}, §5.1.3: it fills the street like
 * a granted permit). The register id stays internal (to leave a permit's own application out of its check); it is
 * never published.
 *
 * @param dwellingBagId the dwelling's BAG id, or null when only the address is known
 * @param address       "Street 12A", optionally followed by ", postcode town"; or null when only the id is known
 */
public record PermitPlacement(
        long permitId,
        String street,
        String town,
        String dwellingBagId,
        String address,
        boolean granted,
        boolean withoutPermit) {

    public PermitPlacement(
            long permitId, String street, String town, String dwellingBagId, String address, boolean granted) {
        this(permitId, street, town, dwellingBagId, address, granted, false);
    }

    /** A known room-rented dwelling without a permit: it counts as room-rented (granted) wherever permits count. */
    public static PermitPlacement withoutPermit(
            long entryId, String street, String town, String dwellingBagId, String address) {
        return new PermitPlacement(entryId, street, town, dwellingBagId, address, true, true);
    }

    /** True when this is the permit {@code permitId} (a register id of the permits, not of the known dwellings). */
    public boolean isPermit(long permitId) {
        return !withoutPermit && this.permitId == permitId;
    }
}
