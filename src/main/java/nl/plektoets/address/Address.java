package nl.plektoets.address;

import org.locationtech.jts.geom.Point;

/**
 * One address of the dataset's address layer.
 *
 * @param featureId   the address feature's id in the dataset
 * @param housenumber house number with letter and addition as the source writes it, e.g. {@code 12a}
 * @param postcode    Dutch postcode as {@code 7771 AB} when it is one, else as the source writes it; may be empty
 * @param location    a point in the working CRS (the address node, or a point inside the building)
 */
public record Address(long featureId, String street, String housenumber, String postcode, String town, Point location) {
    /** "Street 12, Town", the form {@link AddressIndex#resolve} reads. */
    public String label() {
        return street + " " + housenumber + (town.isEmpty() ? "" : ", " + town);
    }
}
