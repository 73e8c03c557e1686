package nl.plektoets.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.plektoets.request.HousingForm;

/**
 * The location decision table as data (the profile's {@code locations:} section): per location class, housing form,
 * new build or not and size category the outcome (status, paragraph, message, obligations, the inputs it requires),
 * the size categories with their limits and their caps counted from the register. An ordered list of rules: the first
 * that matches a case decides, and every case must be matched (checked on load). Texts are templates: {@code
 * {locations}} is the profile's {@code paragraphs.locations}, {@code {location.short_stay_max_months}} a threshold's
 * value and {@code {location.short_stay_max_months.paragraph}} its paragraph, {@code {size.medium.max_persons}} and
 * {@code {size.medium.cap}} a size category's numbers; {@code {a,b}} joins the citations of a and b without
 * repeating one. Expanded once on load, so an answer costs a lookup. Immutable.
 *
 * <p>A profile without a {@code locations:} section takes the table of the built-in Hardenberg profile, expanded
 * with its own paragraphs and numbers (profiles written before the table was data keep their answers).
 */
public final class LocationRules {
    /** The classes {@code criteria.LocationClassifier} gives, in its precedence order (ids of criteria.LocationClass). */
    public static final List<String> CLASSES = List.of(
            "agricultural_plot",
            "business_park_edge",
            "business_park_interior",
            "built_up_area",
            "rural_existing_building",
            "rural_other");

    /** The inputs a rule may require; the criteria know how to check each (request.InitiativeFacts). */
    public static final List<String> CONDITIONS = List.of("employs_migrants", "employer_erf");

    /**
     * The classes whose area a profile may draw from other layers ({@code locations.class_layers}), and the layer
     * roles (ids of data.Role) it may draw them from: the erf classes only, from the polygon layers that can hold an
     * erf. The other classes keep their one layer (a village is always built_up_area).
     */
    public static final Map<String, List<String>> CLASS_LAYER_ROLES =
            Map.of("agricultural_plot", List.of("agricultural_plot", "erf"));

    /** The size id of a request with more persons than the largest category. */
    public static final String OVER = "over";

    private static final List<String> STATUSES = List.of("pass", "conditional", "fail", "unknown");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z0-9_.,]+)}");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** Whether the council adopted a rule or number, and why not. */
    public record Adoption(boolean adopted, String note, String noteNl) {
        static final Adoption YES = new Adoption(true, null, null);
    }

    /**
     * A size category: up to {@code maxPersons} persons (above the previous category's maximum); {@code cap} the
     * number of such locations the whole municipality may have (null: no cap), counted from the register's
     * initiatives in {@code capStatuses} (e.g. granted, realised).
     */
    public record SizeCategory(
            String id,
            int minPersons,
            int maxPersons,
            Integer cap,
            List<String> capStatuses,
            String paragraph,
            String nl,
            String en,
            Adoption adoption) {}

    /** An input a rule requires (e.g. the initiator employs labour migrants itself), with its texts. */
    public record Condition(
            String id,
            String paragraph,
            String nl,
            String en,
            String failNl,
            String failEn,
            String unknownNl,
            String unknownEn,
            Adoption adoption) {}

    /** An obligation a cell states (what the initiator must show or do). */
    public record ObligationText(String id, String paragraph, String nl, String en) {}

    /**
     * One decided case: status (pass, conditional, fail, unknown), citation, message, obligations, requirements;
     * {@code named} the values its texts name that the council has not adopted (e.g. {@code
     * thresholds.location.short_stay_max_months}, {@code locations.size_categories.large}), so the answer can say
     * it is indicative even where the rule itself is adopted.
     */
    public record Cell(
            String rule,
            String status,
            String paragraph,
            String nl,
            String en,
            List<ObligationText> obligations,
            List<Condition> requires,
            Adoption adoption,
            SizeCategory size,
            Map<String, Adoption> named) {}

    private record Rule(
            String name,
            String classId,
            HousingForm form,
            Boolean newBuild,
            String size,
            String status,
            String paragraph,
            String nl,
            String en,
            List<ObligationText> obligations,
            List<Condition> requires,
            Adoption adoption,
            Map<String, Adoption> named) {
        boolean matches(String c, HousingForm f, boolean nb, String s) {
            return (classId == null || classId.equals(c))
                    && (form == null || form == f)
                    && (newBuild == null || newBuild == nb)
                    && (size == null || size.equals(s));
        }
    }

    /**
     * The lead of the message where a site lies in two classes whose rules both apply (an erf or bouwvlak in the
     * built-up area under the reading 'stricter'); the decided outcome's message follows it.
     */
    public record BothRules(String nl, String en) {}

    /**
     * The layer roles whose features put a site in {@code locationClass}, and why ({@code locations.class_layers}):
     * Hardenberg's agricultural_plot is the agrarisch bouwvlak only; Noordoostpolder's erf is also the BGT's erf.
     */
    public record ClassLayers(String locationClass, List<String> roles, String note) {
        public ClassLayers {
            roles = List.copyOf(roles);
        }
    }

    private final List<Rule> rules;
    private final List<SizeCategory> sizes;
    private final boolean fromDefault;
    private final BothRules bothRules;
    private final Map<String, ClassLayers> classLayers;

    private LocationRules(
            List<Rule> rules,
            List<SizeCategory> sizes,
            boolean fromDefault,
            BothRules bothRules,
            Map<String, ClassLayers> classLayers) {
        this.rules = List.copyOf(rules);
        this.sizes = List.copyOf(sizes);
        this.fromDefault = fromDefault;
        this.bothRules = bothRules;
        this.classLayers = Map.copyOf(classLayers);
    }

    /**
     * The layer roles (data.Role ids, in the order the classifier reads them) whose features put a site in
     * {@code locationClass}: the profile's {@code class_layers}, else the class's own layer (its id).
     */
    public List<String> rolesOf(String locationClass) {
        ClassLayers c = classLayers.get(locationClass);
        return c == null ? List.of(locationClass) : c.roles();
    }

    /** The profile's {@code class_layers} entry of a class, when it has one. */
    public Optional<ClassLayers> classLayers(String locationClass) {
        return Optional.ofNullable(classLayers.get(locationClass));
    }

    /** The lead of the message where both rules apply ({@code locations.both_rules}). */
    public BothRules bothRules() {
        return bothRules;
    }

    /** The size categories in ascending order; empty when the profile has none (one table for every size). */
    public List<SizeCategory> sizeCategories() {
        return sizes;
    }

    /** The category of {@code persons}; empty when the profile has none or the number is above the largest. */
    public Optional<SizeCategory> sizeOf(int persons) {
        for (SizeCategory s : sizes) if (persons <= s.maxPersons()) return Optional.of(s);
        return Optional.empty();
    }

    /**
     * The inputs some rule requires ({@link #CONDITIONS} ids, in that order): what a page must ask the initiator
     * for this profile (empty for Hardenberg's table).
     */
    public List<String> requiredInputs() {
        Set<String> used = new LinkedHashSet<>();
        for (Rule r : rules) for (Condition c : r.requires) used.add(c.id());
        return CONDITIONS.stream().filter(used::contains).toList();
    }

    /** Whether any size category has a cap counted from the register. */
    public boolean hasCaps() {
        return sizes.stream().anyMatch(s -> s.cap() != null);
    }

    /** Whether the table came from the built-in Hardenberg profile because this profile has no {@code locations:}. */
    public boolean fromDefault() {
        return fromDefault;
    }

    /** The cell that decides a case (the table is complete, so there always is one). */
    public Cell decide(String locationClass, HousingForm form, boolean newBuild, int persons) {
        SizeCategory size = sizeOf(persons).orElse(null);
        String sizeId = sizes.isEmpty() ? null : size == null ? OVER : size.id();
        for (Rule r : rules) {
            if (r.matches(locationClass, form, newBuild, sizeId)) {
                // a rule that matched on the size category used its limits; one for any size did not
                Map<String, Adoption> named = r.named;
                if (r.size != null && size != null && !size.adoption().adopted()) {
                    named = new LinkedHashMap<>(r.named);
                    named.putIfAbsent("locations.size_categories." + size.id(), size.adoption());
                }
                return new Cell(
                        r.name, r.status, r.paragraph, r.nl, r.en, r.obligations, r.requires, r.adoption, size, named);
            }
        }
        throw new IllegalStateException("no location rule for " + locationClass + "/" + form + "/" + newBuild + "/"
                + sizeId + " (the table is checked for completeness on load)");
    }

    /** Every citation of the table, keyed by where it stands (for the policy-text check). */
    Map<String, String> citations() {
        Map<String, String> out = new LinkedHashMap<>();
        if (fromDefault) return out;
        for (Rule r : rules) out.put("locations.rules." + r.name + ".paragraph", r.paragraph);
        for (SizeCategory s : sizes) out.put("locations.size_categories." + s.id() + ".paragraph", s.paragraph());
        for (Rule r : rules)
            for (Condition c : r.requires) out.put("locations.conditions." + c.id() + ".paragraph", c.paragraph());
        return out;
    }

    /** What the templates may name: paragraphs, thresholds, size categories (filled in as they are read). */
    private static final class Names {
        final Map<String, String> values = new LinkedHashMap<>();
        /** Per name whose value the council has not adopted: where that value stands and its adoption. */
        final Map<String, Map.Entry<String, Adoption>> notAdopted = new LinkedHashMap<>();

        /** The not-adopted values the templates name, keyed by where they stand in the profile. */
        Map<String, Adoption> named(String... templates) {
            Map<String, Adoption> out = new LinkedHashMap<>();
            for (String t : templates) {
                Matcher m = PLACEHOLDER.matcher(t);
                while (m.find())
                    for (String name : m.group(1).split(",")) {
                        Map.Entry<String, Adoption> a = notAdopted.get(name);
                        if (a != null) out.putIfAbsent(a.getKey(), a.getValue());
                    }
            }
            return java.util.Collections.unmodifiableMap(out); // in the order the texts name them
        }

        String expand(String template, String where, List<String> problems) {
            Matcher m = PLACEHOLDER.matcher(template);
            StringBuilder b = new StringBuilder();
            while (m.find()) {
                List<String> parts = new ArrayList<>();
                for (String name : m.group(1).split(",")) {
                    String v = values.get(name);
                    if (v == null) {
                        problems.add(where + " names {" + name + "}, which the profile does not have; fix: use a"
                                + " paragraphs key (e.g. {locations}), a threshold ({location.short_stay_max_months},"
                                + " {location.short_stay_max_months.paragraph}) or a size category"
                                + " ({size.medium.max_persons}, {size.medium.cap})");
                        v = "";
                    }
                    // a joined citation names each paragraph once: {location_requirements,x.paragraph} -> "Bijlage 1"
                    boolean joined = m.group(1).contains(",");
                    for (String p : joined ? List.of(v.split(",\\s*")) : List.of(v))
                        if (!p.isEmpty() && !parts.contains(p)) parts.add(p);
                }
                m.appendReplacement(b, Matcher.quoteReplacement(String.join(", ", parts)));
            }
            m.appendTail(b);
            return b.toString();
        }
    }

    static LocationRules parse(
            JsonNode root, PolicyReadings readings, Map<ThresholdKey, Threshold> thresholds, List<String> problems) {
        Map<PolicyReadings.Rule, String> paragraphs = readings.paragraphs();
        JsonNode node = root.get("locations");
        boolean fromDefault = node == null;
        if (fromDefault) node = defaultTable();
        if (!node.isObject()) {
            problems.add("'locations' must be a mapping with 'rules:'; fix: copy the section of "
                    + PolicyProfile.DEFAULT_RESOURCE);
            return new LocationRules(List.of(), List.of(), fromDefault, new BothRules("", ""), Map.of());
        }
        String prefix = "locations";
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!List.of("note", "class_layers", "size_categories", "conditions", "obligations", "both_rules", "rules")
                    .contains(f)) {
                problems.add(prefix + "." + f + " is not known; fix: remove it (known: note, class_layers,"
                        + " size_categories, conditions, obligations, both_rules, rules)");
            }
        }
        Names names = new Names();
        paragraphs.forEach((r, ref) -> names.values.put(r.key(), ref));
        thresholds.forEach((k, t) -> {
            names.values.put(k.key(), PolicyProfile.fmt(t.value()));
            names.values.put(k.key() + ".paragraph", t.paragraph());
            if (!t.adopted())
                names.notAdopted.put(
                        k.key(),
                        Map.entry("thresholds." + k.key(), new Adoption(false, t.adoptedNote(), t.adoptedNoteNl())));
        });
        if (readings.agriculturalInBuiltUp() != null) {
            names.values.put(
                    "reading.agricultural_plot_in_built_up_area",
                    readings.agriculturalInBuiltUp().value().id());
            names.values.put(
                    "reading.agricultural_plot_in_built_up_area.paragraph",
                    readings.agriculturalInBuiltUp().paragraph());
        }

        List<SizeCategory> sizes = new ArrayList<>();
        int previous = 0;
        for (JsonNode s : node.path("size_categories")) {
            String id = s.path("id").asText("").trim();
            String where = prefix + ".size_categories." + (id.isEmpty() ? "[" + sizes.size() + "]" : id);
            JsonNode max = s.get("max_persons");
            if (!id.matches("[a-z][a-z_]*") || id.equals(OVER) || max == null || !max.canConvertToInt()) {
                problems.add(where + " needs 'id:' (lower-case, not 'over') and 'max_persons:' (a whole number); fix:"
                        + " complete it");
                continue;
            }
            if (max.asInt() <= previous) {
                problems.add(where + ".max_persons (" + max.asInt() + ") is not above the previous category's ("
                        + previous + "); fix: list the categories from small to large");
                continue;
            }
            Integer cap = null;
            List<String> capStatuses = new ArrayList<>();
            if (s.has("cap")) {
                if (!s.get("cap").canConvertToInt() || s.get("cap").asInt() < 0) {
                    problems.add(where + ".cap is '" + s.get("cap").asText() + "'; fix: a whole number of locations");
                } else {
                    cap = s.get("cap").asInt();
                }
                for (JsonNode st : s.path("cap_counts"))
                    capStatuses.add(st.asText().trim());
                if (capStatuses.isEmpty()) {
                    problems.add(where + ".cap_counts is missing; fix: name the register statuses that take a place,"
                            + " e.g. [granted, realised]");
                }
            }
            String paragraph = s.path("paragraph").asText("").trim();
            if (paragraph.isEmpty()) problems.add(where + ".paragraph is missing; fix: name where the limit stands");
            SizeCategory sc = new SizeCategory(
                    id,
                    previous + 1,
                    max.asInt(),
                    cap,
                    List.copyOf(capStatuses),
                    paragraph,
                    s.path("nl").asText(id).trim(),
                    s.path("en").asText(id).trim(),
                    adoption(s, where, problems));
            sizes.add(sc);
            previous = sc.maxPersons();
            names.values.put("size." + id + ".max_persons", Integer.toString(sc.maxPersons()));
            names.values.put("size." + id + ".min_persons", Integer.toString(sc.minPersons()));
            names.values.put("size." + id + ".paragraph", paragraph);
            if (cap != null) names.values.put("size." + id + ".cap", Integer.toString(cap));
            if (!sc.adoption().adopted())
                for (String n : List.of("max_persons", "min_persons", "cap"))
                    names.notAdopted.put(
                            "size." + id + "." + n, Map.entry("locations.size_categories." + id, sc.adoption()));
        }

        Map<String, Condition> conditions = new LinkedHashMap<>();
        JsonNode cn = node.path("conditions");
        for (Iterator<String> it = cn.fieldNames(); it.hasNext(); ) {
            String id = it.next();
            JsonNode c = cn.get(id);
            String where = prefix + ".conditions." + id;
            if (!CONDITIONS.contains(id)) {
                problems.add(where + " is not a condition the engine can check; fix: use one of " + CONDITIONS);
                continue;
            }
            String paragraph = names.expand(c.path("paragraph").asText("").trim(), where + ".paragraph", problems);
            List<String> texts = new ArrayList<>();
            for (String f : List.of("nl", "en", "fail_nl", "fail_en", "unknown_nl", "unknown_en")) {
                String t = c.path(f).asText("").trim();
                if (t.isEmpty()) problems.add(where + "." + f + " is missing; fix: write the text");
                texts.add(names.expand(t, where + "." + f, problems));
            }
            if (paragraph.isEmpty()) problems.add(where + ".paragraph is missing; fix: name where the rule stands");
            names.values.put("condition." + id + ".paragraph", paragraph);
            conditions.put(
                    id,
                    new Condition(
                            id,
                            paragraph,
                            texts.get(0),
                            texts.get(1),
                            texts.get(2),
                            texts.get(3),
                            texts.get(4),
                            texts.get(5),
                            adoption(c, where, problems)));
        }

        Map<String, ObligationText> obligations = new LinkedHashMap<>();
        JsonNode on = node.path("obligations");
        for (Iterator<String> it = on.fieldNames(); it.hasNext(); ) {
            String id = it.next();
            JsonNode o = on.get(id);
            String where = prefix + ".obligations." + id;
            String paragraph = o.path("paragraph").asText("").trim();
            String nl = o.path("nl").asText("").trim();
            String en = o.path("en").asText("").trim();
            if (!id.matches("[a-z][a-z0-9_]*") || paragraph.isEmpty() || nl.isEmpty() || en.isEmpty()) {
                problems.add(where + " needs a lower-case id, 'paragraph:', 'nl:' and 'en:'; fix: complete it");
                continue;
            }
            obligations.put(
                    id,
                    new ObligationText(
                            id,
                            names.expand(paragraph, where + ".paragraph", problems),
                            names.expand(nl, where + ".nl", problems),
                            names.expand(en, where + ".en", problems)));
        }

        List<Rule> rules = new ArrayList<>();
        JsonNode rn = node.get("rules");
        if (rn == null || !rn.isArray() || rn.isEmpty()) {
            problems.add(prefix + ".rules is missing; fix: list the rules (class, form, build, status, paragraph, nl,"
                    + " en), see " + PolicyProfile.DEFAULT_RESOURCE);
        } else {
            Set<String> sizeIds = new LinkedHashSet<>();
            sizes.forEach(s -> sizeIds.add(s.id()));
            int i = 0;
            for (JsonNode r : rn) {
                String name = r.path("class").asText("?") + "/" + r.path("form").asText("any") + "/"
                        + r.path("build").asText("any")
                        + (r.has("size") ? "/" + r.path("size").asText() : "");
                String where = prefix + ".rules[" + i++ + "] (" + name + ")";
                Rule rule = rule(r, name, where, sizeIds, conditions, obligations, names, problems);
                if (rule != null) rules.add(rule);
            }
            List<String> sizeCases = new ArrayList<>();
            if (sizes.isEmpty()) {
                sizeCases.add(null);
            } else {
                sizeCases.addAll(sizeIds);
                sizeCases.add(OVER);
            }
            for (String c : CLASSES)
                for (HousingForm f : HousingForm.values())
                    for (boolean nb : new boolean[] {false, true})
                        for (String s : sizeCases) {
                            if (rules.stream().noneMatch(x -> x.matches(c, f, nb, s))) {
                                problems.add(prefix + ".rules has no rule for class " + c + ", form " + f.id() + ", "
                                        + (nb ? "new_build" : "existing") + (s == null ? "" : ", size " + s)
                                        + "; fix: add one (or widen a rule with form/build/size 'any')");
                            }
                        }
        }
        JsonNode both = node.path("both_rules");
        String bothNl = both.path("nl").asText("").trim();
        String bothEn = both.path("en").asText("").trim();
        if (bothNl.isEmpty() || bothEn.isEmpty()) {
            problems.add(prefix + ".both_rules needs 'nl:' and 'en:': the lead of the message where an agricultural"
                    + " plot lies in the built-up area and both rules apply; fix: add it (see "
                    + PolicyProfile.DEFAULT_RESOURCE + ")");
        }
        BothRules bothRules = new BothRules(
                names.expand(bothNl, prefix + ".both_rules.nl", problems),
                names.expand(bothEn, prefix + ".both_rules.en", problems));
        return new LocationRules(rules, sizes, fromDefault, bothRules, classLayers(node, prefix, problems));
    }

    /** {@code locations.class_layers}: per erf class the layer roles that count as that erf, with the reason. */
    private static Map<String, ClassLayers> classLayers(JsonNode node, String prefix, List<String> problems) {
        Map<String, ClassLayers> out = new LinkedHashMap<>();
        JsonNode layers = node.get("class_layers");
        if (layers == null) return out;
        if (!layers.isObject()) {
            problems.add(prefix + ".class_layers must be a mapping class -> {roles, note}; fix: e.g."
                    + " 'agricultural_plot: {roles: [agricultural_plot, erf], note: ...}'");
            return out;
        }
        for (Iterator<String> it = layers.fieldNames(); it.hasNext(); ) {
            String c = it.next();
            String where = prefix + ".class_layers." + c;
            List<String> allowed = CLASS_LAYER_ROLES.get(c);
            if (allowed == null) {
                problems.add(where + " is not a class whose layers a profile may choose; fix: one of "
                        + CLASS_LAYER_ROLES.keySet());
                continue;
            }
            JsonNode entry = layers.get(c);
            List<String> roles = new ArrayList<>();
            for (JsonNode r : entry.path("roles")) {
                String role = r.asText("").trim();
                if (!allowed.contains(role)) {
                    problems.add(where + ".roles names '" + role + "'; fix: one of " + allowed);
                } else if (!roles.contains(role)) {
                    roles.add(role);
                }
            }
            if (roles.isEmpty()) {
                problems.add(where + ".roles is empty; fix: name at least one of " + allowed);
                continue;
            }
            String note = entry.path("note").asText("").trim();
            if (note.isEmpty()) {
                problems.add(where + ".note is missing; fix: say why these layers count as the " + c
                        + " (the policy's definition of the erf)");
                continue;
            }
            out.put(c, new ClassLayers(c, roles, note));
        }
        return out;
    }

    private static Rule rule(
            JsonNode r,
            String name,
            String where,
            Set<String> sizeIds,
            Map<String, Condition> conditions,
            Map<String, ObligationText> obligations,
            Names names,
            List<String> problems) {
        String c = r.path("class").asText("");
        if (!CLASSES.contains(c) && !c.equals("any")) {
            problems.add(where + ".class is '" + c + "'; fix: one of " + CLASSES + " or any");
            return null;
        }
        String form = r.path("form").asText("any");
        HousingForm hf = form.equals("any") ? null : HousingForm.byId(form).orElse(null);
        if (hf == null && !form.equals("any")) {
            problems.add(where + ".form is '" + form + "'; fix: room_rental, housing_facility or any");
            return null;
        }
        String build = r.path("build").asText("any");
        if (!List.of("any", "existing", "new_build").contains(build)) {
            problems.add(where + ".build is '" + build + "'; fix: existing, new_build or any");
            return null;
        }
        String size = r.path("size").asText("any");
        if (!size.equals("any") && !size.equals(OVER) && !sizeIds.contains(size)) {
            problems.add(where + ".size is '" + size + "'; fix: a size category id, 'over' or any");
            return null;
        }
        String status = r.path("status").asText("");
        if (!STATUSES.contains(status)) {
            problems.add(where + ".status is '" + status + "'; fix: one of " + STATUSES);
            return null;
        }
        String paragraph = r.path("paragraph").asText("").trim();
        String nl = r.path("nl").asText("").trim();
        String en = r.path("en").asText("").trim();
        if (paragraph.isEmpty() || nl.isEmpty() || en.isEmpty()) {
            problems.add(where + " needs 'paragraph:', 'nl:' and 'en:'; fix: complete it");
            return null;
        }
        List<ObligationText> obs = new ArrayList<>();
        for (JsonNode o : r.path("obligations")) {
            ObligationText ot = obligations.get(o.asText());
            if (ot == null) {
                problems.add(where + ".obligations names '" + o.asText() + "'; fix: define it under"
                        + " locations.obligations");
            } else {
                obs.add(ot);
            }
        }
        List<Condition> req = new ArrayList<>();
        for (JsonNode o : r.path("requires")) {
            Condition cd = conditions.get(o.asText());
            if (cd == null) {
                problems.add(where + ".requires names '" + o.asText() + "'; fix: define it under locations.conditions");
            } else {
                req.add(cd);
            }
        }
        return new Rule(
                name,
                c.equals("any") ? null : c,
                hf,
                build.equals("any") ? null : build.equals("new_build"),
                size.equals("any") ? null : size,
                status,
                names.expand(paragraph, where + ".paragraph", problems),
                names.expand(nl, where + ".nl", problems),
                names.expand(en, where + ".en", problems),
                List.copyOf(obs),
                List.copyOf(req),
                adoption(r, where, problems),
                names.named(paragraph, nl, en));
    }

    private static Adoption adoption(JsonNode node, String where, List<String> problems) {
        if (!node.has("adopted")) return Adoption.YES;
        PolicyProfile.Adoption a = PolicyProfile.adoption(node, where, problems);
        return a.adopted() ? Adoption.YES : new Adoption(false, a.note(), a.noteNl());
    }

    /** The {@code locations:} section of the built-in profile. */
    private static JsonNode defaultTable() {
        try (InputStream in =
                LocationRules.class.getClassLoader().getResourceAsStream(PolicyProfile.DEFAULT_RESOURCE)) {
            if (in == null)
                throw new IllegalStateException("classpath resource " + PolicyProfile.DEFAULT_RESOURCE + " is missing");
            JsonNode n = YAML.readTree(in).get("locations");
            if (n == null)
                throw new IllegalStateException(PolicyProfile.DEFAULT_RESOURCE + " has no locations section");
            return n;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + PolicyProfile.DEFAULT_RESOURCE, e);
        }
    }
}
