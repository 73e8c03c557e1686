package nl.plektoets.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The profile's sections for the planner's ETFAL assessment of one initiative (issue 13): {@code spread:} (§5.1.1
 * "goede spreiding over de kernen", "niet meewerken aan grootschalige geconcentreerde voorzieningen") and
 * {@code neighbours:} (§5.1.4 participation plan, Bijlage 3 management plan with the neighbours). Both optional: a
 * profile without them has no such criterion.
 */
public record SettlementPolicy(Spread spread, Neighbours neighbours) {

    /**
     * @param perThousandMax      the persons housed per 1,000 inhabitants a village may reach, by default
     * @param perThousandVillages the same per village name (lower case), overriding the default
     * @param clusterDistanceM    other facilities within this distance of the site count with it against the cap
     *                            ({@code capacity.facility_exceptional_max_persons})
     * @param villageMaxDistanceM a site outside every village belongs to the nearest within this distance
     */
    public record Spread(
            String paragraph,
            double perThousandMax,
            Map<String, Double> perThousandVillages,
            double clusterDistanceM,
            double villageMaxDistanceM,
            String note,
            boolean adopted,
            String adoptedNote,
            String adoptedNoteNl) {
        public Spread {
            perThousandVillages = Map.copyOf(perThousandVillages);
        }

        /** The threshold of a village (its own, else the default). */
        public double perThousandMax(String village) {
            if (village == null) return perThousandMax;
            return perThousandVillages.getOrDefault(village.toLowerCase(Locale.ROOT), perThousandMax);
        }

        /** Whether the village has a threshold of its own. */
        public boolean hasOwnThreshold(String village) {
            return village != null && perThousandVillages.containsKey(village.toLowerCase(Locale.ROOT));
        }
    }

    /**
     * @param radiusM         the effect area's radius; null: the largest environmental guide distance that applies to
     *                        the site, at least {@code minRadiusM}
     * @param councils        the village council (plaatselijk belang, dorpsbelang) per village name (lower case)
     * @param councilPattern  the council's name for a village not in {@code councils} ({@code {village}} replaced);
     *                        null: none known
     * @param councilsSource  where the names come from
     */
    public record Neighbours(
            String paragraph,
            Double radiusM,
            double minRadiusM,
            Map<String, String> councils,
            String councilPattern,
            String councilsSource,
            boolean councilsAdopted,
            String councilsAdoptedNote,
            String councilsAdoptedNoteNl) {
        public Neighbours {
            councils = Map.copyOf(councils);
        }

        /** The council of a village: the table's, else the pattern's, else null. */
        public String council(String village) {
            if (village == null) return null;
            String own = councils.get(village.toLowerCase(Locale.ROOT));
            if (own != null) return own;
            return councilPattern == null ? null : councilPattern.replace("{village}", village);
        }
    }

    static SettlementPolicy parse(JsonNode root, List<String> problems) {
        JsonNode s = root.get("spread"), n = root.get("neighbours");
        return new SettlementPolicy(s == null ? null : spread(s, problems), n == null ? null : neighbours(n, problems));
    }

    private static Spread spread(JsonNode s, List<String> problems) {
        String name = "spread";
        if (!s.isObject()) {
            problems.add(name + " must be a mapping with paragraph, per_thousand_max, cluster_distance_m");
            return null;
        }
        String paragraph = paragraph(s, name, problems);
        JsonNode pt = s.get("per_thousand_max");
        double def = 0;
        Map<String, Double> villages = new LinkedHashMap<>();
        if (pt == null
                || !pt.isObject()
                || !pt.path("default").isNumber()
                || pt.path("default").asDouble() < 0) {
            problems.add(name + ".per_thousand_max needs 'default: N' (persons per 1,000 inhabitants, >= 0) and"
                    + " optionally 'villages: {Name: N}'");
        } else {
            def = pt.get("default").asDouble();
            JsonNode v = pt.get("villages");
            if (v != null && !v.isNull()) {
                if (!v.isObject()) {
                    problems.add(name + ".per_thousand_max.villages must be a mapping of village name to a number");
                } else {
                    v.fields().forEachRemaining(f -> {
                        if (!f.getValue().isNumber() || f.getValue().asDouble() < 0) {
                            problems.add(name + ".per_thousand_max.villages." + f.getKey()
                                    + " must be a number >= 0 (persons per 1,000 inhabitants)");
                        } else {
                            villages.put(
                                    f.getKey().strip().toLowerCase(Locale.ROOT),
                                    f.getValue().asDouble());
                        }
                    });
                }
            }
        }
        double cluster = metres(s, "cluster_distance_m", name, problems);
        double villageMax = metres(s, "village_max_distance_m", name, problems);
        PolicyProfile.Adoption a = PolicyProfile.adoption(s, name, problems);
        return new Spread(
                paragraph,
                def,
                villages,
                cluster,
                villageMax,
                s.path("note").asText("").trim(),
                a.adopted(),
                a.note(),
                a.noteNl());
    }

    private static Neighbours neighbours(JsonNode n, List<String> problems) {
        String name = "neighbours";
        if (!n.isObject()) {
            problems.add(name + " must be a mapping with paragraph, min_radius_m, village_councils");
            return null;
        }
        String paragraph = paragraph(n, name, problems);
        Double radius = null;
        JsonNode r = n.get("radius_m");
        if (r != null && !r.isNull()) {
            if (!r.isNumber() || r.asDouble() <= 0) {
                problems.add(name + ".radius_m must be metres > 0, or null (the largest guide distance that applies)");
            } else {
                radius = r.asDouble();
            }
        }
        double min = metres(n, "min_radius_m", name, problems);
        JsonNode c = n.get("village_councils");
        Map<String, String> councils = new LinkedHashMap<>();
        String pattern = null, source = null;
        PolicyProfile.Adoption a = new PolicyProfile.Adoption(true, null, null);
        if (c == null || !c.isObject()) {
            problems.add(name + ".village_councils is missing; fix: add 'source:', 'names: {Village: Council}' and"
                    + " optionally 'pattern: \"Plaatselijk Belang {village}\"'");
        } else {
            source = c.path("source").asText("").trim();
            if (source.isEmpty())
                problems.add(name + ".village_councils.source is missing; fix: say where the names come from");
            JsonNode names = c.get("names");
            if (names != null && !names.isNull()) {
                if (!names.isObject()) {
                    problems.add(name + ".village_councils.names must be a mapping of village name to council name");
                } else {
                    names.fields()
                            .forEachRemaining(f -> councils.put(
                                    f.getKey().strip().toLowerCase(Locale.ROOT),
                                    f.getValue().asText().strip()));
                }
            }
            JsonNode p = c.get("pattern");
            if (p != null && !p.isNull()) {
                if (!p.isTextual() || !p.asText().contains("{village}")) {
                    problems.add(name + ".village_councils.pattern must contain {village}, e.g. \"Plaatselijk Belang"
                            + " {village}\"");
                } else {
                    pattern = p.asText().strip();
                }
            }
            a = PolicyProfile.adoption(c, name + ".village_councils", problems);
        }
        return new Neighbours(paragraph, radius, min, councils, pattern, source, a.adopted(), a.note(), a.noteNl());
    }

    private static String paragraph(JsonNode s, String name, List<String> problems) {
        String p = s.path("paragraph").asText("").trim();
        if (p.isEmpty()) problems.add(name + ".paragraph is missing; fix: cite the policy paragraph, e.g. '§5.1.1'");
        return p;
    }

    private static double metres(JsonNode s, String key, String name, List<String> problems) {
        JsonNode v = s.get(key);
        if (v == null || !v.isNumber() || v.asDouble() < 0) {
            problems.add(name + "." + key + " must be metres (a number >= 0)");
            return 0;
        }
        return v.asDouble();
    }

    /** The paragraphs the sections cite, for the check against the policy text. */
    Map<String, String> citations() {
        Map<String, String> out = new LinkedHashMap<>();
        if (spread != null && !spread.paragraph().isEmpty()) out.put("spread.paragraph", spread.paragraph());
        if (neighbours != null && !neighbours.paragraph().isEmpty())
            out.put("neighbours.paragraph", neighbours.paragraph());
        return out;
    }
}
