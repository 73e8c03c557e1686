package nl.plektoets.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The numbers of the regisseur's deadlines the policy text does not give (profile {@code deadlines}): how far ahead
 * the list looks, when a renewal should be applied for (§6.2.2, not adopted), the decision terms of the regular and
 * the extended permit procedure (the Omgevingswet's), and which open signal categories make an existing location an
 * excluded situation of §6.1.2 (immediate action, no transition year), and how long that transition period of an
 * existing location runs ({@code transition_years}, the register's rule as well as the deadline).
 */
public record DeadlineSettings(
        int dueWithinDays,
        int renewalWindowMonths,
        boolean renewalWindowAdopted,
        String renewalParagraph,
        int procedureRegularWeeks,
        int procedureExtendedWeeks,
        String procedureParagraph,
        Set<String> immediateActionCategories,
        String immediateParagraph,
        int transitionYears,
        String transitionParagraph,
        String transitionNotAdopted) {

    /** What a profile without the section gets: the values of hardenberg-2025. */
    public static DeadlineSettings defaults() {
        return new DeadlineSettings(
                30,
                6,
                false,
                "§6.2.2",
                8,
                26,
                "§6.2.2",
                Set.of("fire_safety", "overcrowding", "noise"),
                "§6.1.2",
                1,
                "§6.1.2",
                null);
    }

    /** Whether the council adopted the §6.1.2 transition period (else {@link #transitionNotAdopted} says why not). */
    public boolean transitionAdopted() {
        return transitionNotAdopted == null;
    }

    Map<String, String> citations() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("deadlines.renewal_window_months.paragraph", renewalParagraph);
        out.put("deadlines.procedure_regular_weeks.paragraph", procedureParagraph);
        out.put("deadlines.immediate_action_categories.paragraph", immediateParagraph);
        out.put("deadlines.transition_years.paragraph", transitionParagraph);
        return out;
    }

    static DeadlineSettings parse(JsonNode n, List<String> problems) {
        DeadlineSettings d = defaults();
        if (n == null || n.isNull()) return d;
        if (!n.isObject()) {
            problems.add("deadlines must be a mapping; fix: see policy/hardenberg-2025.yaml");
            return d;
        }
        int within = n.path("due_within_days").asInt(d.dueWithinDays());
        if (within < 1 || within > 366) problems.add("deadlines.due_within_days must be 1 to 366 days");
        int renewal = whole(n.path("renewal_window_months"), "renewal_window_months", 1, 60, problems);
        int regular = whole(n.path("procedure_regular_weeks"), "procedure_regular_weeks", 1, 104, problems);
        int extended = whole(n.path("procedure_extended_weeks"), "procedure_extended_weeks", 1, 104, problems);
        // optional: a profile without it keeps Hardenberg's one year of §6.1.2 (as the defaults above)
        JsonNode transition = n.path("transition_years");
        int transitionYears = transition.isMissingNode()
                ? d.transitionYears()
                : whole(transition, "transition_years", 1, 10, problems);
        String transitionNotAdopted = null;
        if (!transition.path("adopted").asBoolean(true)) {
            transitionNotAdopted = transition.path("adopted_note").asText("").trim();
            if (transitionNotAdopted.isEmpty())
                problems.add("deadlines.transition_years.adopted_note is missing; fix: say why the value is not"
                        + " adopted, it is shown with every answer that uses it");
        }
        java.util.Set<String> categories = new java.util.HashSet<>();
        for (JsonNode c : n.path("immediate_action_categories").path("value")) categories.add(c.asText());
        return new DeadlineSettings(
                within,
                renewal,
                n.path("renewal_window_months").path("adopted").asBoolean(true),
                n.path("renewal_window_months").path("paragraph").asText(d.renewalParagraph()),
                regular,
                extended,
                n.path("procedure_regular_weeks").path("paragraph").asText(d.procedureParagraph()),
                Set.copyOf(categories),
                n.path("immediate_action_categories").path("paragraph").asText(d.immediateParagraph()),
                transitionYears,
                transition.path("paragraph").asText(d.transitionParagraph()),
                transitionNotAdopted);
    }

    private static int whole(JsonNode node, String key, int min, int max, List<String> problems) {
        JsonNode v = node.path("value");
        if (!v.isIntegralNumber() || v.asInt() < min || v.asInt() > max) {
            problems.add("deadlines." + key + " needs 'value:' a whole number from " + min + " to " + max
                    + ", 'paragraph:' and 'note:'");
            return min;
        }
        return v.asInt();
    }
}
