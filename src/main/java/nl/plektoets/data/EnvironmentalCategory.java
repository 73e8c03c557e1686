package nl.plektoets.data;

import java.util.Locale;
import java.util.Optional;

/**
 * An environmental category of the VNG publication "Bedrijven en milieuzonering" (2009): 1, 2, 3.1, 3.2, 4.1, 4.2,
 * 5.1, 5.2, 5.3, 6, in rising order of nuisance. The guide distance of each category is a policy number and lives in
 * the policy profile, not here; this type only names and orders the categories.
 */
public enum EnvironmentalCategory {
    C1("1"),
    C2("2"),
    C3_1("3.1"),
    C3_2("3.2"),
    C4_1("4.1"),
    C4_2("4.2"),
    C5_1("5.1"),
    C5_2("5.2"),
    C5_3("5.3"),
    C6("6");

    private final String id;

    EnvironmentalCategory(String id) {
        this.id = id;
    }

    /** As written in VNG lists and plans: "3.1". */
    public String id() {
        return id;
    }

    // compiled once: parse runs for every environmental source near every assessed site
    private static final java.util.regex.Pattern PREFIX =
            java.util.regex.Pattern.compile("^(milieu)?(categorie|cat\\.?)\\s*");
    private static final java.util.regex.Pattern IN_TEXT =
            java.util.regex.Pattern.compile("categorie\\s*(\\d(?:[.,]\\d)?)", java.util.regex.Pattern.CASE_INSENSITIVE);

    /**
     * "3.1", "3,1" (Dutch decimal comma), "categorie 3.1", "cat. 2" or a whole "3"/"4"/"5" (plans often write
     * "categorie 3" for 3.1 and 3.2 together: the higher sub-category, so the zone is never taken as quieter than the
     * plan allows).
     */
    public static Optional<EnvironmentalCategory> parse(String text) {
        if (text == null) return Optional.empty();
        String t = text.trim().toLowerCase(Locale.ROOT).replace(',', '.');
        t = PREFIX.matcher(t).replaceFirst("");
        for (EnvironmentalCategory c : values()) if (c.id.equals(t)) return Optional.of(c);
        return switch (t) {
            case "3" -> Optional.of(C3_2);
            case "4" -> Optional.of(C4_2);
            case "5" -> Optional.of(C5_3);
            default -> Optional.empty();
        };
    }

    /** The highest category named in a plan text such as "bedrijf tot en met categorie 3.1", or empty. */
    public static Optional<EnvironmentalCategory> inText(String text) {
        if (text == null) return Optional.empty();
        java.util.regex.Matcher m = IN_TEXT.matcher(text);
        EnvironmentalCategory best = null;
        while (m.find()) {
            EnvironmentalCategory c = parse(m.group(1)).orElse(null);
            if (c != null && (best == null || c.compareTo(best) > 0)) best = c;
        }
        return Optional.ofNullable(best);
    }
}
