package nl.plektoets.roomrental;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A street as the BAG defines it: an openbare ruimte within a woonplaats (§5.1.3 counts "in een bepaalde straat").
 * Two streets of the same name in different towns are different streets. Compared case- and space-insensitively.
 */
public record StreetKey(String street, String town) implements Comparable<StreetKey> {
    public StreetKey {
        street = normalise(street);
        town = normalise(town);
    }

    private static final Pattern SPACES = Pattern.compile("\\s+");

    static String normalise(String s) {
        // compiled once: a street model normalises every address's street and town (String.replaceAll compiles anew)
        return s == null ? "" : SPACES.matcher(s.strip()).replaceAll(" ").toLowerCase(Locale.ROOT);
    }

    /** The stable public id, e.g. {@code amsterdam/barentszstraat}. */
    public String id() {
        return town + "/" + street;
    }

    /** In {@link #id()} order, without building the two ids (a street model sorts every dwelling's key). */
    @Override
    public int compareTo(StreetKey o) {
        int n = town.length() + 1 + street.length(), m = o.town.length() + 1 + o.street.length();
        for (int i = 0, k = Math.min(n, m); i < k; i++) {
            char a = idChar(i), b = o.idChar(i);
            if (a != b) return a - b;
        }
        return n - m;
    }

    private char idChar(int i) {
        int t = town.length();
        return i < t ? town.charAt(i) : i == t ? '/' : street.charAt(i - t - 1);
    }
}
