package nl.plektoets.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import nl.plektoets.data.EnvironmentalCategory;
import nl.plektoets.request.AreaType;

/**
 * The profile's environment sections (issue 12): {@code etfal:} (which criteria describe the environment, so their
 * {@code conditional} means "ETFAL motivation, otherwise logies of at most N months", Bijlage 1) and
 * {@code environmental_zoning:} (the VNG guide distance per category, cited, with {@code adopted}). Both are optional:
 * a profile without them has no environment criteria.
 */
public record EnvironmentPolicy(Etfal etfal, Zoning zoning) {

    /**
     * @param environmentCriteria criterion ids whose conditional outcome is the environment's (absent ones are skipped)
     */
    public record Etfal(List<String> environmentCriteria, String paragraph, String note) {
        public Etfal {
            environmentCriteria = List.copyOf(environmentCriteria);
        }

        public boolean isEnvironmental(String criterionId) {
            return environmentCriteria.contains(criterionId);
        }
    }

    /**
     * @param guideDistancesM     VNG guide distance per category for a quiet area (metres)
     * @param mixedStepsDown      how many distance steps lower in a mixed area (VNG: one)
     * @param mixedWithinBusinessParkM a site in a business park or within this distance of one is in a mixed area
     * @param source              the publication the distances follow
     */
    public record Zoning(
            boolean enabled,
            String paragraph,
            String source,
            Map<EnvironmentalCategory, Double> guideDistancesM,
            int mixedStepsDown,
            double mixedWithinBusinessParkM,
            String note,
            boolean adopted,
            String adoptedNote,
            String adoptedNoteNl) {
        public Zoning {
            guideDistancesM = Collections.unmodifiableMap(new EnumMap<>(guideDistancesM));
        }

        /** The guide distance of a category in an area type. */
        public double guideDistanceM(EnvironmentalCategory c, AreaType area) {
            return area == AreaType.QUIET ? guideDistancesM.get(c) : stepDown(guideDistancesM.get(c));
        }

        /**
         * A distance (a category's or an aspect's) lowered by {@code mixedStepsDown} steps of the distance ladder
         * (the table's distances in order): 30 -> 10, 10 -> 0, 110 (between steps) -> 100.
         */
        public double stepDown(double quietM) {
            List<Double> ladder = new ArrayList<>(guideDistancesM.values());
            Collections.sort(ladder);
            double d = quietM;
            for (int s = 0; s < mixedStepsDown; s++) {
                double lower = 0;
                for (double v : ladder) if (v < d) lower = v;
                d = lower;
            }
            return d;
        }

        /** The largest guide distance of any category in the area type: how far to look for sources. */
        public double largestM(AreaType area) {
            double max = 0;
            for (EnvironmentalCategory c : guideDistancesM.keySet()) max = Math.max(max, guideDistanceM(c, area));
            return max;
        }
    }

    static EnvironmentPolicy parse(JsonNode root, List<String> problems) {
        Etfal etfal = new Etfal(List.of(), null, null);
        JsonNode e = root.get("etfal");
        if (e != null) {
            if (!e.isObject() || !e.path("environment_criteria").isArray()) {
                problems.add("'etfal' needs 'environment_criteria: [environmental_zoning, noise, livestock_odour,"
                        + " external_safety]' and 'paragraph: \"Bijlage 1\"'");
            } else {
                List<String> ids = new ArrayList<>();
                for (JsonNode c : e.get("environment_criteria")) {
                    if (!c.asText("").matches("[a-z][a-z_]*")) {
                        problems.add("etfal.environment_criteria contains '" + c.asText() + "'; fix: use criterion ids"
                                + " such as environmental_zoning");
                    } else {
                        ids.add(c.asText());
                    }
                }
                String p = e.path("paragraph").asText("").trim();
                if (p.isEmpty()) problems.add("etfal.paragraph is missing; fix: 'paragraph: \"Bijlage 1\"'");
                etfal = new Etfal(ids, p, e.path("note").asText("").trim());
            }
        }
        Zoning zoning = null;
        JsonNode z = root.get("environmental_zoning");
        if (z != null) zoning = zoning(z, problems);
        return new EnvironmentPolicy(etfal, zoning);
    }

    private static Zoning zoning(JsonNode z, List<String> problems) {
        String name = "environmental_zoning";
        if (!z.isObject()) {
            problems.add(name + " must be a mapping with enabled, paragraph, source, guide_distances_m");
            return null;
        }
        String paragraph = z.path("paragraph").asText("").trim();
        if (paragraph.isEmpty()) problems.add(name + ".paragraph is missing; fix: 'paragraph: \"Bijlage 1\"'");
        String source = z.path("source").asText("").trim();
        if (source.isEmpty())
            problems.add(name + ".source is missing; fix: cite the publication of the guide distances"
                    + " (VNG, Bedrijven en milieuzonering, 2009)");
        Map<EnvironmentalCategory, Double> d = new EnumMap<>(EnvironmentalCategory.class);
        JsonNode g = z.get("guide_distances_m");
        if (g == null || !g.isObject()) {
            problems.add(name
                    + ".guide_distances_m is missing; fix: give the metres per category, e.g. \"1\": 10, \"2\": 30");
        } else {
            g.fields().forEachRemaining(f -> {
                EnvironmentalCategory c = EnvironmentalCategory.parse(f.getKey())
                        .filter(x -> x.id().equals(f.getKey().trim()))
                        .orElse(null);
                if (c == null) {
                    problems.add(name + ".guide_distances_m has '" + f.getKey() + "'; fix: use the VNG categories 1, 2,"
                            + " 3.1, 3.2, 4.1, 4.2, 5.1, 5.2, 5.3, 6");
                } else if (!f.getValue().isNumber() || f.getValue().asDouble() < 0) {
                    problems.add(name + ".guide_distances_m." + f.getKey() + " must be metres (a number >= 0)");
                } else {
                    d.put(c, f.getValue().asDouble());
                }
            });
            for (EnvironmentalCategory c : EnvironmentalCategory.values()) {
                if (!d.containsKey(c) && g.has(c.id()) == false) {
                    problems.add(name + ".guide_distances_m lacks category " + c.id() + "; fix: add \"" + c.id()
                            + "\": METRES");
                }
            }
            double last = -1;
            for (Map.Entry<EnvironmentalCategory, Double> en : d.entrySet()) {
                if (en.getValue() < last) {
                    problems.add(name + ".guide_distances_m." + en.getKey().id()
                            + " is less than the category below it;" + " fix: the distances rise with the category");
                }
                last = en.getValue();
            }
        }
        int steps = z.path("mixed_area_steps_down").asInt(1);
        if (steps < 0) problems.add(name + ".mixed_area_steps_down must be 0 or more (VNG: 1)");
        double within = z.path("mixed_area_within_business_park_m").asDouble(0);
        if (within < 0) problems.add(name + ".mixed_area_within_business_park_m must be metres >= 0");
        PolicyProfile.Adoption a = PolicyProfile.adoption(z, name, problems);
        return new Zoning(
                z.path("enabled").asBoolean(true),
                paragraph,
                source,
                d,
                steps,
                within,
                z.path("note").asText("").trim(),
                a.adopted(),
                a.note(),
                a.noteNl());
    }

    /** The paragraphs the sections cite, for the check against the policy text. */
    Map<String, String> citations() {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        if (etfal.paragraph() != null && !etfal.paragraph().isEmpty()) out.put("etfal.paragraph", etfal.paragraph());
        if (zoning != null && !zoning.paragraph().isEmpty())
            out.put("environmental_zoning.paragraph", zoning.paragraph());
        return out;
    }
}
