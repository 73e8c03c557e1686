package nl.plektoets.roomrental;

import java.util.Comparator;
import org.locationtech.jts.geom.Point;

/**
 * One dwelling address of a street (working CRS). {@code number} is the BAG huisnummer; letter and addition order
 * dwellings of one number (apartments). {@code bagId} is the BAG id on the address row (the shared extracts carry the
 * nummeraanduiding id), used to match permits that name the dwelling by id.
 */
public record Dwelling(
        long featureId,
        StreetKey street,
        String streetName,
        String town,
        String housenumber,
        int number,
        String letter,
        String addition,
        Point location,
        String bagId) {

    /** Along the street: by house number, then letter, then addition (the BAG's own order). */
    public static final Comparator<Dwelling> ALONG = Comparator.comparingInt(Dwelling::number)
            .thenComparing(d -> d.letter() == null ? "" : d.letter())
            .thenComparing(d -> d.addition() == null ? "" : d.addition())
            .thenComparingLong(Dwelling::featureId);

    /** The side of the street: odd and even house numbers face each other (the Dutch numbering convention). */
    public boolean oddSide() {
        return number % 2 != 0;
    }

    public String label() {
        return streetName + " " + housenumber;
    }
}
