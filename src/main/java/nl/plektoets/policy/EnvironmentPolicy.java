package nl.plektoets.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.plektoets.data.EnvironmentalCategory;
import nl.plektoets.request.AreaType;

/**
 * The profile's environment blocks (issue 12), read in one place: {@code etfal:} (which criteria describe the
 * environment, so their {@code conditional} means "ETFAL motivation, otherwise logies of at most N months", Bijlage 1),
 * {@code environmental_zoning:} (the VNG guide distance per category) and the national norms Bijlage 1 is applied with
 * ("bij slechte omgevingsomstandigheden (bijvoorbeeld geluidsoverlast ...) moet de voorziening voldoen aan ETFAL"):
 * {@code noise:} (Besluit kwaliteit leefomgeving), {@code livestock_odour:} and {@code external_safety:}. The policy
 * text gives no numbers, so each value cites the regulation it comes from ({@code source}) and says whether the council
 * adopted its use ({@code adopted}); each block cites the policy paragraph that makes it apply ({@code paragraph}).
 * Every block is optional: a profile without one has no environment criteria, or leaves that criterion unknown.
 *
 * @param noise          the {@code noise:} block, or empty
 * @param livestockOdour the {@code livestock_odour:} block, or empty
 * @param externalSafety the {@code external_safety:} block, or empty
 */
public record EnvironmentPolicy(
        Etfal etfal,
        Zoning zoning,
        Optional<Noise> noise,
        Optional<LivestockOdour> livestockOdour,
        Optional<ExternalSafety> externalSafety) {

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
        return new EnvironmentPolicy(
                etfal,
                zoning,
                Optional.ofNullable(parseNoise(root.get("noise"), problems)),
                Optional.ofNullable(parseOdour(root.get("livestock_odour"), problems)),
                Optional.ofNullable(parseSafety(root.get("external_safety"), problems)));
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
        // a missing paragraph is reported by the block's own reader
        noise.filter(n -> n.paragraph() != null).ifPresent(n -> out.put("noise.paragraph", n.paragraph()));
        livestockOdour
                .filter(o -> o.paragraph() != null)
                .ifPresent(o -> out.put("livestock_odour.paragraph", o.paragraph()));
        externalSafety
                .filter(e -> e.paragraph() != null)
                .ifPresent(e -> out.put("external_safety.paragraph", e.paragraph()));
        return out;
    }

    /** One number with the regulation (article) it comes from and whether the council adopted its use here. */
    public record CitedValue(double value, String source, boolean adopted, String note) {}

    /**
     * @param standard the standaardwaarde (Lden, dB); null when the regulation has none for this source type
     * @param limit    the grenswaarde (Lden, dB); null when none
     */
    public record NoiseSource(String type, CitedValue standard, CitedValue limit) {}

    /** Standard and limit values per noise source type ({@code road}, {@code rail}, {@code industry}, {@code aircraft}). */
    public record Noise(String paragraph, Map<String, NoiseSource> sourceTypes) {}

    /**
     * @param contourStandardBuiltUp  odour load (OU_E/m3) not to be exceeded inside the built-up area
     * @param contourStandardOutside  the same outside it
     * @param fixedDistanceBuiltUpM   the fixed distance from a livestock building inside the built-up area (m)
     * @param fixedDistanceOutsideM   the same outside it
     */
    public record LivestockOdour(
            String paragraph,
            CitedValue contourStandardBuiltUp,
            CitedValue contourStandardOutside,
            CitedValue fixedDistanceBuiltUpM,
            CitedValue fixedDistanceOutsideM) {}

    /** Distances (m) around the source kinds an external-safety layer may hold as points or lines. */
    public record ExternalSafety(String paragraph, Map<String, CitedValue> distancesM) {}

    private static Noise parseNoise(JsonNode n, List<String> problems) {
        if (n == null) return null;
        String paragraph = paragraph(n, "noise", problems);
        JsonNode types = n.get("source_types");
        Map<String, NoiseSource> out = new LinkedHashMap<>();
        if (types == null || !types.isObject() || types.isEmpty()) {
            problems.add("noise.source_types is missing; fix: add road, rail, industry, aircraft, each with"
                    + " 'standard_lden:' and 'limit_lden:' ({value, source, adopted, note}, or null where the regulation"
                    + " has none)");
            return null;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = types.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String type = e.getKey();
            if (!type.matches("[a-z][a-z_]*")) {
                problems.add("noise.source_types." + type + ": fix: use a lower-case id such as road, rail, industry");
                continue;
            }
            String at = "noise.source_types." + type;
            out.put(
                    type,
                    new NoiseSource(
                            type,
                            cited(e.getValue().get("standard_lden"), at + ".standard_lden", true, problems),
                            cited(e.getValue().get("limit_lden"), at + ".limit_lden", true, problems)));
        }
        return new Noise(paragraph, Map.copyOf(out));
    }

    private static LivestockOdour parseOdour(JsonNode n, List<String> problems) {
        if (n == null) return null;
        String paragraph = paragraph(n, "livestock_odour", problems);
        JsonNode c = n.path("contour_standard_ou_m3");
        JsonNode d = n.path("fixed_distance_m");
        CitedValue cIn =
                cited(c.get("built_up_area"), "livestock_odour.contour_standard_ou_m3.built_up_area", false, problems);
        CitedValue cOut = cited(c.get("outside"), "livestock_odour.contour_standard_ou_m3.outside", false, problems);
        CitedValue dIn =
                cited(d.get("built_up_area"), "livestock_odour.fixed_distance_m.built_up_area", false, problems);
        CitedValue dOut = cited(d.get("outside"), "livestock_odour.fixed_distance_m.outside", false, problems);
        return new LivestockOdour(paragraph, cIn, cOut, dIn, dOut);
    }

    private static ExternalSafety parseSafety(JsonNode n, List<String> problems) {
        if (n == null) return null;
        String paragraph = paragraph(n, "external_safety", problems);
        JsonNode d = n.get("distances_m");
        Map<String, CitedValue> out = new LinkedHashMap<>();
        if (d != null && d.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = d.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                CitedValue v = cited(e.getValue(), "external_safety.distances_m." + e.getKey(), false, problems);
                if (v != null) out.put(e.getKey(), v);
            }
        } else {
            problems.add("external_safety.distances_m is missing; fix: add 'lpg_station:' and 'gas_pipeline:' with"
                    + " {value, source, adopted, note}");
        }
        return new ExternalSafety(paragraph, Map.copyOf(out));
    }

    private static String paragraph(JsonNode n, String block, List<String> problems) {
        String p = n.path("paragraph").asText("").trim();
        if (p.isEmpty()) {
            problems.add(block + ".paragraph is missing; fix: cite the policy paragraph that makes it apply, e.g."
                    + " 'Bijlage 1'");
            return null;
        }
        return p;
    }

    /** {value, source, adopted, note}; {@code nullable}: an explicit null means "the regulation sets none". */
    static CitedValue cited(JsonNode v, String at, boolean nullable, List<String> problems) {
        if (v == null || v.isMissingNode()) {
            problems.add(
                    at + " is missing; fix: add {value: N, source: \"<regulation and article>\", adopted: true|false,"
                            + " note: \"...\"}" + (nullable ? " or null where the regulation has no value" : ""));
            return null;
        }
        if (v.isNull() && nullable) return null;
        if (!v.isObject() || !v.path("value").isNumber() || v.path("value").asDouble() < 0) {
            problems.add(at + ".value must be a number of at least 0; fix: give the number the source states");
            return null;
        }
        String source = v.path("source").asText("").trim();
        if (source.isEmpty()) {
            problems.add(at + ".source is missing; fix: cite the regulation and article the number comes from");
        }
        if (!v.path("adopted").isBoolean()) {
            problems.add(at + ".adopted is missing; fix: 'adopted: true' when the council adopted this value,"
                    + " 'adopted: false' otherwise");
        }
        return new CitedValue(
                v.get("value").asDouble(),
                source,
                v.path("adopted").asBoolean(false),
                v.path("note").asText(""));
    }
}
