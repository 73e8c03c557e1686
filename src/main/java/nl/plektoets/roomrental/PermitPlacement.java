package nl.plektoets.roomrental;

/**
 * A room-rental permit as the street rules see it: where it is and whether it is granted or only applied for. The
 * register id stays internal (to leave a permit's own application out of its check); it is never published.
 *
 * @param dwellingBagId the dwelling's BAG id, or null when only the address is known
 * @param address       "Street 12A", optionally followed by ", postcode town"; or null when only the id is known
 */
public record PermitPlacement(long permitId, String street, String town, String dwellingBagId, String address,
                              boolean granted) {
}
