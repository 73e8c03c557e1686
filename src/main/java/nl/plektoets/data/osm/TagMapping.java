package nl.plektoets.data.osm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import nl.plektoets.data.Role;

/**
 * Which OSM tags give which role, read from {@code osm/tag-mapping.yaml} (documented there) or from a file that
 * replaces it. Immutable and thread-safe.
 */
public final class TagMapping {
    /** How an element's geometry becomes the feature's geometry. */
    public enum GeometryKind {
        AREA,
        LINE,
        POINT,
        POINT_OR_AREA
    }

    /** A rule of the mapping file. Sets of values contain "*" for any value. */
    record Rule(
            Role role,
            Set<ElementType> on,
            Map<String, Set<String>> match,
            Map<String, Set<String>> except,
            Map<String, Set<String>> requires,
            String when,
            GeometryKind geometry,
            Map<String, List<String>> attributes,
            Map<String, Map.Entry<String, String>> tableAttributes,
            Map<String, String> set) {}

    /** The OSM element types a rule can apply to ({@code on:} in the file; all when absent). */
    public enum ElementType {
        NODE,
        WAY,
        RELATION
    }

    /** A rule that matched, with the tag that made it match (the provenance tag). */
    record Match(Rule rule, String key, String value) {
        String sourceTag() {
            return key + "=" + value;
        }
    }

    private static final String BUILT_IN = "osm/tag-mapping.yaml";
    private static final Set<String> BUILT_IN_TESTS = Set.of("primary_school");

    private final List<Rule> rules;
    private final Map<String, Map<String, String>> tables;
    private final String fingerprint;

    private TagMapping(List<Rule> rules, Map<String, Map<String, String>> tables, String fingerprint) {
        this.rules = List.copyOf(rules);
        this.tables = tables;
        this.fingerprint = fingerprint;
    }

    /** The built-in mapping. */
    public static TagMapping builtIn() {
        try (InputStream in = TagMapping.class.getClassLoader().getResourceAsStream(BUILT_IN)) {
            if (in == null) throw new IllegalStateException("resource " + BUILT_IN + " missing from the build");
            return parse(in.readAllBytes(), "built-in " + BUILT_IN);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The mapping in {@code file}, or the built-in one when null. */
    public static TagMapping load(Path file) {
        if (file == null) return builtIn();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new OsmImportException("Cannot read the tag mapping " + file + ": " + e.getMessage(), e);
        }
        return parse(bytes, file.toString());
    }

    /** The built-in mapping's fingerprint, computed once. */
    public static String builtInFingerprint() {
        return BuiltIn.FINGERPRINT;
    }

    private static final class BuiltIn {
        static final String FINGERPRINT = builtIn().fingerprint();
    }

    /** SHA-256 of the mapping text: a dataset cache built with another mapping is stale. */
    public String fingerprint() {
        return fingerprint;
    }

    List<Rule> rules() {
        return rules;
    }

    /** The matching rules for an element's tags, at most one per role (the first in file order). */
    List<Match> matches(String[] tags, ElementType type) {
        if (tags.length == 0) return List.of();
        List<Match> out = null;
        long rolesDone = 0;
        for (Rule rule : rules) {
            if ((rolesDone & (1L << rule.role().ordinal())) != 0 || !rule.on().contains(type)) continue;
            Match m = match(rule, tags);
            if (m != null) {
                if (out == null) out = new ArrayList<>(2);
                out.add(m);
                rolesDone |= 1L << rule.role().ordinal();
            }
        }
        return out == null ? List.of() : out;
    }

    boolean matchesAny(String[] tags, ElementType type) {
        if (tags.length == 0) return false;
        for (Rule rule : rules) {
            if (rule.on().contains(type) && match(rule, tags) != null) return true;
        }
        return false;
    }

    private static Match match(Rule rule, String[] tags) {
        Match found = null;
        for (Map.Entry<String, Set<String>> e : rule.match().entrySet()) {
            String v = OsmTags.get(tags, e.getKey());
            if (v != null && accepts(e.getValue(), v)) {
                found = new Match(rule, e.getKey(), v);
                break;
            }
        }
        if (found == null) return null;
        for (Map.Entry<String, Set<String>> e : rule.except().entrySet()) {
            String v = OsmTags.get(tags, e.getKey());
            if (v != null && accepts(e.getValue(), v)) return null;
        }
        for (Map.Entry<String, Set<String>> e : rule.requires().entrySet()) {
            String v = OsmTags.get(tags, e.getKey());
            if (v == null || !accepts(e.getValue(), v)) return null;
        }
        if ("primary_school".equals(rule.when()) && !isPrimarySchool(tags)) return null;
        return found;
    }

    private static boolean accepts(Set<String> values, String v) {
        return values.contains("*") || values.contains(v);
    }

    /** The feature attributes a rule takes from the element's tags (fixed ones included). */
    Map<String, String> attributes(Rule rule, String[] tags) {
        Map<String, String> out = new LinkedHashMap<>(rule.set());
        rule.attributes().forEach((name, keys) -> {
            for (String key : keys) {
                String v = OsmTags.get(tags, key);
                if (v != null && !v.isBlank()) {
                    out.put(name, v.strip());
                    break;
                }
            }
        });
        rule.tableAttributes().forEach((name, keyAndTable) -> {
            String v = OsmTags.get(tags, keyAndTable.getKey());
            String mapped =
                    v == null ? null : tables.get(keyAndTable.getValue()).get(v);
            if (mapped != null) out.put(name, mapped);
        });
        return out;
    }

    /**
     * Whether an amenity=school is a primary school. isced:level (containing level 1), school=primary, grades
     * (starting at 1) or school:de=Grundschule decide where present, in that order; a school without any of
     * these tags counts as primary, because most OSM schools carry no level and leaving them out would make
     * the nearest school look absent.
     */
    static boolean isPrimarySchool(String[] tags) {
        String isced = OsmTags.get(tags, "isced:level");
        if (isced != null) return levelsInclude(isced, 1);
        String school = OsmTags.get(tags, "school");
        if (school != null) return school.toLowerCase(Locale.ROOT).contains("primary");
        String grades = OsmTags.get(tags, "grades");
        if (grades != null) return levelsInclude(grades, 1);
        String schoolDe = OsmTags.get(tags, "school:de");
        if (schoolDe != null) return schoolDe.toLowerCase(Locale.ROOT).contains("grundschule");
        return true;
    }

    /** "1", "0;1", "1-4", "0-2;3" contain 1; "2;3", "5-13" do not; unreadable values count as not containing. */
    static boolean levelsInclude(String value, int level) {
        for (String part : value.split("[;,]")) {
            String p = part.strip();
            try {
                int dash = p.indexOf('-', 1);
                if (dash > 0) {
                    int from = Integer.parseInt(p.substring(0, dash).strip());
                    int to = Integer.parseInt(p.substring(dash + 1).strip());
                    if (from <= level && level <= to) return true;
                } else if (!p.isEmpty() && Integer.parseInt(p) == level) {
                    return true;
                }
            } catch (NumberFormatException e) {
                // a free-text level ("primary") is not a number; try the other parts
                if (p.toLowerCase(Locale.ROOT).contains("primary")) return true;
            }
        }
        return false;
    }

    // ---- parsing, with messages that say where the mistake is ----

    static TagMapping parse(byte[] yaml, String where) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(yaml);
        } catch (IOException e) {
            throw new OsmImportException("Tag mapping " + where + " is not valid YAML: " + e.getMessage(), e);
        }
        if (root == null || !root.path("rules").isArray()) {
            throw new OsmImportException("Tag mapping " + where + " has no 'rules' list; start from the built-in "
                    + BUILT_IN + " (see docs)");
        }
        Map<String, Map<String, String>> tables = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> ts = root.path("tables").fields();
        while (ts.hasNext()) {
            Map.Entry<String, JsonNode> t = ts.next();
            Map<String, String> table = new LinkedHashMap<>();
            t.getValue()
                    .fields()
                    .forEachRemaining(e -> table.put(e.getKey(), e.getValue().asText()));
            tables.put(t.getKey(), Map.copyOf(table));
        }
        List<Rule> rules = new ArrayList<>();
        int i = 0;
        for (JsonNode r : root.get("rules")) {
            String at = "Tag mapping " + where + ", rule " + (i++ + 1) + ": ";
            String roleId = r.path("role").asText("");
            Role role = Role.byId(roleId)
                    .orElseThrow(() -> new OsmImportException(at + "unknown role '" + roleId + "'; roles: "
                            + Arrays.stream(Role.values()).map(Role::id).collect(Collectors.joining(", "))));
            Map<String, Set<String>> match = valueSets(r.path("match"), at + "match");
            if (match.isEmpty()) throw new OsmImportException(at + "'match' needs at least one key: [values]");
            String geometryText = r.path("geometry").asText("");
            GeometryKind geometry;
            try {
                geometry = GeometryKind.valueOf(geometryText.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new OsmImportException(
                        at + "geometry '" + geometryText + "' is not one of area, line, point, point_or_area");
            }
            String when = r.hasNonNull("when") ? r.get("when").asText() : null;
            if (when != null && !BUILT_IN_TESTS.contains(when)) {
                throw new OsmImportException(at + "unknown test when: " + when + "; known: " + BUILT_IN_TESTS);
            }
            Map<String, List<String>> attributes = new LinkedHashMap<>();
            Map<String, Map.Entry<String, String>> tableAttributes = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> as = r.path("attributes").fields();
            while (as.hasNext()) {
                Map.Entry<String, JsonNode> a = as.next();
                JsonNode v = a.getValue();
                if (v.isObject()) {
                    String key = v.path("key").asText(""),
                            table = v.path("table").asText("");
                    if (key.isEmpty() || !tables.containsKey(table)) {
                        throw new OsmImportException(at + "attribute " + a.getKey()
                                + " needs {key: <osm key>, table: <a name under 'tables'>}");
                    }
                    tableAttributes.put(a.getKey(), Map.entry(key, table));
                } else {
                    attributes.put(a.getKey(), strings(v));
                }
            }
            Set<ElementType> on = java.util.EnumSet.allOf(ElementType.class);
            if (r.has("on")) {
                on.clear();
                for (String t : strings(r.get("on"))) {
                    try {
                        on.add(ElementType.valueOf(t.toUpperCase(Locale.ROOT)));
                    } catch (IllegalArgumentException e) {
                        throw new OsmImportException(at + "on: '" + t + "' is not one of node, way, relation");
                    }
                }
            }
            Map<String, String> set = new LinkedHashMap<>();
            r.path("set")
                    .fields()
                    .forEachRemaining(e -> set.put(e.getKey(), e.getValue().asText()));
            rules.add(new Rule(
                    role,
                    Set.copyOf(on),
                    match,
                    valueSets(r.path("except"), at + "except"),
                    valueSets(r.path("requires"), at + "requires"),
                    when,
                    geometry,
                    Map.copyOf(attributes),
                    Map.copyOf(tableAttributes),
                    Map.copyOf(set)));
        }
        return new TagMapping(rules, Map.copyOf(tables), sha256(yaml));
    }

    private static Map<String, Set<String>> valueSets(JsonNode node, String at) {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        if (node.isMissingNode() || node.isNull()) return out;
        if (!node.isObject()) throw new OsmImportException(at + " must be a map of key: [values]");
        node.fields().forEachRemaining(e -> out.put(e.getKey(), Set.copyOf(strings(e.getValue()))));
        return out;
    }

    private static List<String> strings(JsonNode v) {
        List<String> out = new ArrayList<>();
        if (v.isArray()) v.forEach(x -> out.add(x.asText()));
        else out.add(v.asText());
        return out;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
