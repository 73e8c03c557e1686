package nl.plektoets.roomrental;

import java.util.Locale;

/**
 * A street as the BAG defines it: an openbare ruimte within a woonplaats (§5.1.3 counts "in een bepaalde straat").
 * Two streets of the same name in different towns are different streets. Compared case- and space-insensitively.
 */
public record StreetKey(String street, String town) implements Comparable<StreetKey> {
    public StreetKey {
        street = normalise(street);
        town = normalise(town);
    }

    static String normalise(String s) {
        return s == null ? "" : s.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    /** The stable public id, e.g. {@code amsterdam/barentszstraat}. */
    public String id() {
        return town + "/" + street;
    }

    @Override
    public int compareTo(StreetKey o) {
        return id().compareTo(o.id());
    }
}
