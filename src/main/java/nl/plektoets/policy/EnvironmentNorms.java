package nl.plektoets.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The national norms a profile applies to a site's environment for Bijlage 1 ("bij slechte omgevingsomstandigheden
 * (bijvoorbeeld geluidsoverlast ...) moet de voorziening voldoen aan ETFAL"): noise (Besluit kwaliteit leefomgeving),
 * livestock odour and external safety. The policy text gives no numbers, so each value cites the regulation it comes
 * from ({@code source}) and says whether the council adopted its use ({@code adopted}); the block cites the policy
 * paragraph that makes it apply ({@code paragraph}). A profile without a block leaves that criterion unknown.
 *
 * @param noise          the {@code noise:} block, or empty
 * @param livestockOdour the {@code livestock_odour:} block, or empty
 * @param externalSafety the {@code external_safety:} block, or empty
 */
public record EnvironmentNorms(
        Optional<Noise> noise, Optional<LivestockOdour> livestockOdour, Optional<ExternalSafety> externalSafety) {

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

    public static EnvironmentNorms none() {
        return new EnvironmentNorms(Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** The paragraphs the blocks cite (checked against the policy text by the profile). */
    public Map<String, String> citations() {
        Map<String, String> m = new LinkedHashMap<>();
        noise.ifPresent(n -> m.put("noise.paragraph", n.paragraph()));
        livestockOdour.ifPresent(o -> m.put("livestock_odour.paragraph", o.paragraph()));
        externalSafety.ifPresent(e -> m.put("external_safety.paragraph", e.paragraph()));
        return m;
    }

    static EnvironmentNorms parse(JsonNode root, List<String> problems) {
        return new EnvironmentNorms(
                Optional.ofNullable(parseNoise(root.get("noise"), problems)),
                Optional.ofNullable(parseOdour(root.get("livestock_odour"), problems)),
                Optional.ofNullable(parseSafety(root.get("external_safety"), problems)));
    }

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
