package nl.plektoets.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The table of activities and their VNG environmental categories ({@code environment/vng-categories.yaml}, documented
 * there). Importers give an environmental source its category from it: OSM features by their {@code activity} (set by
 * the tag mapping), a municipality's list by its SBI code. Every enriched feature says which row it follows and
 * whether that row is assumed.
 */
public final class VngActivities {
    public static final String RESOURCE = "environment/vng-categories.yaml";

    /** Attribute names of an environmental source feature. */
    public static final String CATEGORY = "category",
            ACTIVITY = "activity",
            SBI = "sbi",
            SBI_NAME = "sbi_name",
            CATEGORY_SOURCE = "category_source",
            ASSUMED = "category_assumed",
            EVIDENCE = "category_evidence";
    /** The four aspects of the VNG list, as attribute suffixes {@code distance_odour} etc. */
    public static final List<String> ASPECTS = List.of("odour", "dust", "noise", "hazard");

    /** One row of the table. Distances are null where the row gives none. */
    public record Row(
            String activity,
            String sbi,
            String sbiName,
            Map<String, Integer> distances,
            EnvironmentalCategory category,
            boolean assumed,
            String evidence) {}

    private static volatile VngActivities defaults;

    private final String source;
    private final Map<String, Row> byActivity;
    private final String fingerprint;

    private VngActivities(String source, Map<String, Row> byActivity, String fingerprint) {
        this.source = source;
        this.byActivity = byActivity;
        this.fingerprint = fingerprint;
    }

    /** The built-in table (read once). */
    public static VngActivities defaults() {
        VngActivities d = defaults;
        if (d == null) {
            try (InputStream in = VngActivities.class.getClassLoader().getResourceAsStream(RESOURCE)) {
                if (in == null)
                    throw new IllegalStateException("classpath resource " + RESOURCE + " is missing; rebuild the jar");
                d = parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), RESOURCE);
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + RESOURCE + ": " + e.getMessage(), e);
            }
            defaults = d;
        }
        return d;
    }

    static VngActivities parse(String yaml, String origin) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(yaml);
        } catch (IOException e) {
            throw new IllegalStateException(origin + " is not valid YAML: " + e.getMessage(), e);
        }
        Map<String, Row> rows = new LinkedHashMap<>();
        for (JsonNode r : root.path("rows")) {
            String activity = r.path("activity").asText(null);
            String where = origin + " row " + (rows.size() + 1) + " (" + activity + ")";
            if (activity == null) throw new IllegalStateException(where + ": needs 'activity'");
            EnvironmentalCategory c = EnvironmentalCategory.parse(
                            r.path("category").asText(null))
                    .orElseThrow(() -> new IllegalStateException(
                            where + ": 'category' must be one of 1, 2, 3.1, 3.2, 4.1, 4.2, 5.1, 5.2, 5.3, 6"));
            if (!r.has("assumed") || !r.path("evidence").isTextual()) {
                throw new IllegalStateException(
                        where + ": needs 'assumed: true|false' and 'evidence' (where the values come from)");
            }
            Map<String, Integer> d = new LinkedHashMap<>();
            for (String a : ASPECTS) if (r.has(a)) d.put(a, r.path(a).asInt());
            if (rows.put(
                            activity,
                            new Row(
                                    activity,
                                    r.path("sbi").asText(null),
                                    r.path("sbi_name").asText(null),
                                    d,
                                    c,
                                    r.path("assumed").asBoolean(),
                                    r.path("evidence").asText()))
                    != null) {
                throw new IllegalStateException(where + ": activity listed twice");
            }
        }
        try {
            String fp = HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(yaml.getBytes(StandardCharsets.UTF_8)));
            return new VngActivities(root.path("source").asText(""), Map.copyOf(rows), fp);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The publication the table follows. */
    public String source() {
        return source;
    }

    /** SHA-256 of the table: a dataset cache enriched with another table is stale. */
    public String fingerprint() {
        return fingerprint;
    }

    public Optional<Row> byActivity(String activity) {
        return Optional.ofNullable(activity == null ? null : byActivity.get(activity));
    }

    /** The rows whose SBI code (one of a comma-separated list) equals the code given, in table order. */
    public List<Row> bySbi(String code) {
        List<Row> out = new ArrayList<>();
        if (code == null) return out;
        String c = code.trim().replace(".", "");
        for (Row r : byActivity.values()) {
            if (r.sbi() == null) continue;
            for (String s : r.sbi().split(",")) if (s.trim().equals(c)) out.add(r);
        }
        return out;
    }

    /**
     * The attributes with the category, SBI and distances of the row of their {@code activity} added; attributes
     * that already carry a {@code category} (a plan or a municipality's list said it) keep it. Unknown activities are
     * left as they are (the criterion reports a source without a category).
     */
    public Map<String, String> enrich(Map<String, String> attributes) {
        if (attributes.containsKey(CATEGORY)) return attributes;
        Row row = byActivity.get(attributes.get(ACTIVITY));
        if (row == null) return attributes;
        Map<String, String> a = new LinkedHashMap<>(attributes);
        put(a, row);
        a.put(CATEGORY_SOURCE, RESOURCE + " activity " + row.activity());
        return a;
    }

    /** Writes the row's category, SBI, distances, assumed flag and evidence into the attributes. */
    public static void put(Map<String, String> a, Row row) {
        a.put(CATEGORY, row.category().id());
        a.putIfAbsent(ACTIVITY, row.activity());
        if (row.sbi() != null && !row.sbi().equals("-")) a.putIfAbsent(SBI, row.sbi());
        if (row.sbiName() != null) a.putIfAbsent(SBI_NAME, row.sbiName());
        row.distances().forEach((k, v) -> a.put("distance_" + k, Integer.toString(v)));
        a.put(ASSUMED, Boolean.toString(row.assumed()));
        a.put(EVIDENCE, row.evidence());
    }
}
