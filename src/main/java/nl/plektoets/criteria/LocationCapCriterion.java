package nl.plektoets.criteria;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.plektoets.policy.LocationRules;
import nl.plektoets.policy.PolicyProfile;

/**
 * Criterion {@code location_cap}: a size category with a cap for the whole municipality (the profile's
 * {@code locations.size_categories[].cap}, Noordoostpolder §5: 12 medium, 6 large) has a place left, counted from the
 * register ({@link InitiativeCounts}: the initiatives in the category's {@code cap_counts} statuses). Added to the
 * engine only when the profile has a cap, so a profile without one (Hardenberg) answers as before.
 */
public final class LocationCapCriterion implements Criterion {
    public static final String ID = "location_cap";

    private final InitiativeCounts counts;

    public LocationCapCriterion(InitiativeCounts counts) {
        this.counts = counts;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public CriterionResult evaluate(CriterionInput in) {
        PolicyProfile p = in.profile();
        int persons = in.request().persons();
        LocationRules.SizeCategory size = p.locationRules().sizeOf(persons).orElse(null);
        Map<String, Object> ev = new LinkedHashMap<>();
        ev.put("persons", persons);
        if (size == null || size.cap() == null) {
            String ref =
                    size != null ? size.paragraph() : p.paragraph(nl.plektoets.policy.PolicyReadings.Rule.LOCATIONS);
            ev.put("sizeCategory", size == null ? LocationRules.OVER : size.id());
            // the category (or, above every category, the largest one's limit) decided that no cap applies
            List<LocationRules.SizeCategory> all = p.locationRules().sizeCategories();
            LocationRules.SizeCategory used = size != null ? size : all.isEmpty() ? null : all.get(all.size() - 1);
            return Indicative.mark(
                    new CriterionResult(
                            ID,
                            Status.PASS,
                            ref,
                            size == null
                                    ? new Message(
                                            "Geen maximum aantal: de omvang valt buiten de categorieën van het beleid (zie"
                                                    + " de locatieregel).",
                                            "No cap: the size is outside the policy's categories (see the location rule).")
                                    : new Message(
                                            "Voor een " + size.nl()
                                                    + " noemt het beleid geen maximum aantal in de gemeente (" + ref
                                                    + ").",
                                            "For a " + size.en() + " the policy names no cap for the municipality ("
                                                    + ref + ")."),
                            ev),
                    notes(used));
        }
        long taken = counts.count(size.capStatuses(), size.minPersons(), size.maxPersons());
        long left = Math.max(0, size.cap() - taken);
        ev.put("sizeCategory", size.id());
        ev.put("minPersons", size.minPersons());
        ev.put("maxPersons", size.maxPersons());
        ev.put("cap", size.cap());
        ev.put("countedStatuses", size.capStatuses());
        ev.put("taken", taken);
        ev.put("left", left);
        String ref = size.paragraph();
        String counted = String.join(", ", size.capStatuses());
        Message m = left > 0
                ? new Message(
                        "Nog " + left + " van de " + size.cap() + " plaatsen voor een " + size.nl() + " ("
                                + size.minPersons() + " tot " + size.maxPersons() + " personen) in de gemeente: "
                                + taken + " in het register (" + counted + ") (" + ref + ").",
                        left + " of the " + size.cap() + " places for a " + size.en() + " (" + size.minPersons()
                                + " to " + size.maxPersons() + " persons) in the municipality are left: " + taken
                                + " in the register (" + counted + ") (" + ref + ").")
                : new Message(
                        "Het maximum van " + size.cap() + " plaatsen voor een " + size.nl() + " in de gemeente is"
                                + " bereikt: " + taken + " in het register (" + counted + ") (" + ref + ").",
                        "The cap of " + size.cap() + " places for a " + size.en() + " in the municipality is reached: "
                                + taken + " in the register (" + counted + ") (" + ref + ").");
        return Indicative.mark(
                new CriterionResult(ID, left > 0 ? Status.PASS : Status.FAIL, ref, m, ev, List.of()), notes(size));
    }

    /** The category's note when the council has not adopted it (its limits and cap). */
    private static List<Indicative.Note> notes(LocationRules.SizeCategory size) {
        if (size == null || size.adoption().adopted()) return List.of();
        return List.of(new Indicative.Note(
                "locations.size_categories." + size.id(),
                size.adoption().note(),
                size.adoption().noteNl()));
    }
}
