package nl.plektoets.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The parts of a profile that are not numbers: where each rule the engine applies stands in the policy
 * ({@code paragraphs:}), how the engine reads a point the text leaves open ({@code readings:}), and the requirements
 * of the policy the service does not check ({@code not_checked:}), so that no paragraph, no reading and no list of
 * open requirements is written in code (issue 11 items 11a, 11f, 12).
 *
 * @param paragraphs  rule name -> citation, for every {@link Rule}
 * @param agriculturalInBuiltUp how a site both on an agricultural plot and in the built-up area is read, with its
 *                    paragraph and note
 * @param notChecked  the policy's requirements the service does not check, each with its paragraph
 */
public record PolicyReadings(
        Map<Rule, String> paragraphs,
        Reading<AgriculturalInBuiltUp> agriculturalInBuiltUp,
        List<Requirement> notChecked) {

    /** The rules the engine cites that carry no threshold of their own. */
    public enum Rule {
        /** Housing forms and sizes (Hardenberg §5.1.1). */
        HOUSING_FORMS("housing_forms", "§5.1.1"),
        /** Housing locations: the location classes (§5.1.2). */
        LOCATIONS("locations", "§5.1.2"),
        /** Room rental concerns existing dwellings or buildings (§5.1.3). */
        ROOM_RENTAL("room_rental", "§5.1.3"),
        /** The room-rental permit: maximum per street, rooms per dwelling (§6.2.6). */
        ROOM_RENTAL_PERMIT("room_rental_permit", "§6.2.6"),
        /** Location requirements: environmental conditions, ETFAL, short stays (Bijlage 1). */
        LOCATION_REQUIREMENTS("location_requirements", "Bijlage 1"),
        /** Quality requirements: building only where the zoning plan or a permit allows it (Bijlage 2). */
        BUILDING_PERMIT("building_permit", "Bijlage 2");

        private final String key;
        private final String example;

        Rule(String key, String example) {
            this.key = key;
            this.example = example;
        }

        public String key() {
            return key;
        }
    }

    /** §5.1.2 names both the employer's terrain and the built-up area (room rental only); which applies where both do. */
    public enum AgriculturalInBuiltUp {
        /** The stricter outcome of the two rules (the default: the text does not say the farm rule overrides). */
        STRICTER,
        /** The employer's terrain rule alone (the farm rule as an exception to the built-up area). */
        AGRICULTURAL;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A reading of an open point: the choice, the paragraph it reads and why. */
    public record Reading<T>(T value, String paragraph, String note) {}

    /**
     * A policy requirement the service does not check (e.g. the SNF quality mark, Bijlage 2).
     *
     * @param id        short stable id, e.g. {@code snf_keurmerk}
     * @param paragraph where it stands, e.g. {@code Bijlage 2}
     */
    public record Requirement(String id, String paragraph, String nl, String en) {}

    public String paragraph(Rule rule) {
        return paragraphs.get(rule);
    }

    static PolicyReadings parse(JsonNode root, List<String> problems) {
        Map<Rule, String> paragraphs = new LinkedHashMap<>();
        JsonNode p = root.get("paragraphs");
        if (p == null || !p.isObject()) {
            problems.add(
                    "'paragraphs' is missing; fix: add 'paragraphs:' naming where each rule stands, e.g. " + example());
        } else {
            for (Iterator<String> it = p.fieldNames(); it.hasNext(); ) {
                String f = it.next();
                if (java.util.Arrays.stream(Rule.values()).noneMatch(r -> r.key.equals(f))) {
                    problems.add("paragraphs." + f + " is not a known rule; fix: remove it (known: " + example() + ")");
                }
            }
            for (Rule r : Rule.values()) {
                JsonNode n = p.get(r.key);
                if (n == null || !n.isValueNode() || n.asText().isBlank()) {
                    problems.add("paragraphs." + r.key + " is missing; fix: add e.g. '" + r.key + ": \"" + r.example
                            + "\"'");
                } else {
                    paragraphs.put(r, n.asText().trim());
                }
            }
        }

        Reading<AgriculturalInBuiltUp> agri = null;
        JsonNode readings = root.get("readings");
        JsonNode a = readings == null ? null : readings.get("agricultural_plot_in_built_up_area");
        if (a == null || !a.isObject()) {
            problems.add("readings.agricultural_plot_in_built_up_area is missing; fix: add it with 'value: stricter'"
                    + " (or agricultural), 'paragraph:' and 'note:'");
        } else {
            String v = a.path("value").asText("").trim();
            AgriculturalInBuiltUp value = java.util.Arrays.stream(AgriculturalInBuiltUp.values())
                    .filter(x -> x.id().equals(v))
                    .findFirst()
                    .orElse(null);
            String paragraph = a.path("paragraph").asText("").trim();
            if (value == null) {
                problems.add("readings.agricultural_plot_in_built_up_area.value is '" + v + "'; fix: use stricter or"
                        + " agricultural");
            } else if (paragraph.isEmpty()) {
                problems.add("readings.agricultural_plot_in_built_up_area.paragraph is missing; fix: e.g. '§5.1.2'");
            } else {
                agri = new Reading<>(value, paragraph, a.path("note").asText("").trim());
            }
        }
        if (readings != null) {
            for (Iterator<String> it = readings.fieldNames(); it.hasNext(); ) {
                String f = it.next();
                if (!f.equals("agricultural_plot_in_built_up_area")) {
                    problems.add("readings." + f + " is not a known reading; fix: remove it (known:"
                            + " agricultural_plot_in_built_up_area)");
                }
            }
        }

        List<Requirement> notChecked = new ArrayList<>();
        JsonNode nc = root.get("not_checked");
        if (nc == null || !nc.isArray()) {
            problems.add("'not_checked' is missing; fix: list the policy requirements the service does not check, each"
                    + " with 'id:', 'paragraph:', 'nl:' and 'en:' (an empty list [] if it checks them all)");
        } else {
            int i = 0;
            for (JsonNode r : nc) {
                String where = "not_checked[" + i++ + "]";
                String id = r.path("id").asText("").trim();
                String paragraph = r.path("paragraph").asText("").trim();
                String nl = r.path("nl").asText("").trim();
                String en = r.path("en").asText("").trim();
                if (!id.matches("[a-z][a-z0-9_]*") || paragraph.isEmpty() || nl.isEmpty() || en.isEmpty()) {
                    problems.add(where + " needs 'id:' (lower-case, e.g. snf_keurmerk), 'paragraph:', 'nl:' and 'en:';"
                            + " fix: complete it");
                } else {
                    notChecked.add(new Requirement(id, paragraph, nl, en));
                }
            }
        }
        return new PolicyReadings(paragraphs, agri, notChecked);
    }

    private static String example() {
        StringBuilder b = new StringBuilder();
        for (Rule r : Rule.values())
            b.append(b.length() == 0 ? "" : ", ")
                    .append(r.key)
                    .append(": \"")
                    .append(r.example)
                    .append('"');
        return b.toString();
    }

    /** Every citation in this part of the profile, with the key it stands under (for the policy-text check). */
    Map<String, String> citations() {
        Map<String, String> out = new LinkedHashMap<>();
        paragraphs.forEach((r, ref) -> out.put("paragraphs." + r.key, ref));
        if (agriculturalInBuiltUp != null) {
            out.put("readings.agricultural_plot_in_built_up_area.paragraph", agriculturalInBuiltUp.paragraph());
        }
        for (int i = 0; i < notChecked.size(); i++)
            out.put("not_checked[" + i + "].paragraph", notChecked.get(i).paragraph());
        return out;
    }
}
