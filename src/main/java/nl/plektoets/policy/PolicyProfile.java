package nl.plektoets.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.plektoets.request.HousingForm;

/**
 * A municipality's policy as numbers: every threshold the criteria use, each with its paragraph and a note where
 * the text is open. Loaded from YAML ({@code policy/hardenberg-2025.yaml} on the classpath by default) and
 * validated on load, so a wrong profile stops the service at start-up with the key and the fix, not at the first
 * assessment. Immutable and thread-safe.
 */
public final class PolicyProfile {
    /** The classpath resource used when no file is given. */
    public static final String DEFAULT_RESOURCE = "policy/hardenberg-2025.yaml";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final String id;
    private final String title;
    private final SourceDocument source;
    private final Map<ThresholdKey, Threshold> thresholds;
    private final Set<HousingForm> permanentPermitForms;
    private final String permanentPermitParagraph;
    private final List<String> reachCategories;
    private final String origin;
    private final RoomRentalPolicy roomRental;
    private final PolicyText text;
    private final PolicyReadings readings;
    // set once by parse() before the profile is returned, never after
    private LocationRules locationRules;
    // set once by parse() before the profile is returned, never after
    private PublicInitiatives publicInitiatives = PublicInitiatives.NONE;
    // ETFAL part 2 (issue 13): set once by parse(); empty when the profile has no block
    private java.util.Optional<WorkTravelPolicy> workTravel = java.util.Optional.empty();
    private java.util.Optional<ParkingAccessPolicy> parkingAccess = java.util.Optional.empty();
    private IntakeDocuments intakeDocuments = IntakeDocuments.none();
    private DeadlineSettings deadlineSettings = DeadlineSettings.defaults();
    // issue 18's application round: set once by parse(); empty when the profile has no block
    private java.util.Optional<RoundPolicy> round = java.util.Optional.empty();
    private final EnvironmentPolicy environment;
    // set once by parse() before the profile is returned, never after
    private SettlementPolicy settlement = new SettlementPolicy(null, null);
    // set once by parse() before the profile is returned, never after
    private List<String> notAdopted = List.of();

    /**
     * Where the numbers come from.
     *
     * @param document the source document's file or title
     * @param adopted  the adoption date as written in the profile (ISO date)
     * @param publisher the municipality
     */
    /**
     * The policy document: its title, adoption date and publisher, where its text was published
     * ({@code publication}, e.g. the Gemeenteblad; null when the profile does not say) and what the profile's text
     * is ({@code textKind}: {@link #PUBLISHED} the published text, {@link #DIGEST} a digest of the municipality's
     * summary; null when the profile does not say), so the policy page states its source truthfully.
     */
    public record SourceDocument(
            String document, String adopted, String publisher, String publication, String textKind) {
        public static final String PUBLISHED = "published";
        public static final String DIGEST = "digest";
    }

    private PolicyProfile(
            String id,
            String title,
            SourceDocument source,
            Map<ThresholdKey, Threshold> thresholds,
            Set<HousingForm> permanentPermitForms,
            String permanentPermitParagraph,
            List<String> reachCategories,
            String origin,
            RoomRentalPolicy roomRental,
            PolicyText text,
            PolicyReadings readings,
            EnvironmentPolicy environment) {
        this.readings = readings;
        this.environment = environment;
        this.roomRental = roomRental;
        this.text = text;
        this.id = id;
        this.title = title;
        this.source = source;
        this.thresholds = Collections.unmodifiableMap(new EnumMap<>(thresholds));
        this.permanentPermitForms = Collections.unmodifiableSet(
                permanentPermitForms.isEmpty()
                        ? EnumSet.noneOf(HousingForm.class)
                        : EnumSet.copyOf(permanentPermitForms));
        this.permanentPermitParagraph = permanentPermitParagraph;
        this.reachCategories = List.copyOf(reachCategories);
        this.origin = origin;
    }

    /** The profiles built into the jar ({@code policy/<id>.yaml}), the first the default. */
    public static final List<String> BUILT_IN = List.of("hardenberg-2025", "noordoostpolder-2024");

    /**
     * A built-in profile by id (one of {@link #BUILT_IN}); {@link IllegalArgumentException} naming them for another.
     */
    public static PolicyProfile builtIn(String id) {
        if (!BUILT_IN.contains(id)) {
            throw new IllegalArgumentException(
                    "there is no built-in policy profile '" + id + "'; use one of " + String.join(", ", BUILT_IN));
        }
        String resource = "policy/" + id + ".yaml";
        try (InputStream in = PolicyProfile.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Classpath resource " + resource
                        + " is missing: rebuild the jar (mvn package) or pass a profile file");
            }
            return parse(
                    new String(in.readAllBytes(), StandardCharsets.UTF_8),
                    "classpath:" + resource,
                    PolicyProfile::classpathText);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read classpath resource " + resource, e);
        }
    }

    /** The profile in {@code fileOrNull}, or the Hardenberg 2025 profile on the classpath when null. */
    public static PolicyProfile load(Path fileOrNull) {
        if (fileOrNull == null) return builtIn(BUILT_IN.get(0));
        if (!Files.isRegularFile(fileOrNull)) {
            throw new PolicyProfileException(
                    fileOrNull.toString(),
                    List.of("the file does not exist or is not a"
                            + " regular file; fix: give the path of a profile YAML file (see " + DEFAULT_RESOURCE
                            + ")"));
        }
        try {
            Path dir = fileOrNull.toAbsolutePath().getParent();
            return parse(
                    Files.readString(fileOrNull, StandardCharsets.UTF_8),
                    fileOrNull.toString(),
                    name -> fileText(dir.resolve(name)));
        } catch (IOException e) {
            throw new PolicyProfileException(fileOrNull.toString(), List.of("cannot read the file: " + e.getMessage()));
        }
    }

    /**
     * Reads the policy text a profile names in {@code source.text}; throws {@link IllegalArgumentException} with
     * where it looked when the text is not there.
     */
    @FunctionalInterface
    interface TextSource {
        String read(String name);
    }

    /**
     * Parses and validates a profile; {@code origin} names it in error messages (a path or resource). A
     * {@code source.text} is looked up next to the built-in profile on the classpath ({@code policy/}).
     */
    public static PolicyProfile parse(String yaml, String origin) {
        return parse(yaml, origin, PolicyProfile::classpathText);
    }

    private static String classpathText(String name) {
        String resource = "policy/" + name;
        try (InputStream in = PolicyProfile.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) throw new IllegalArgumentException("there is no classpath resource " + resource);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read classpath resource " + resource + ": " + e.getMessage());
        }
    }

    private static String fileText(Path file) {
        if (!Files.isRegularFile(file)) throw new IllegalArgumentException("there is no file " + file);
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage());
        }
    }

    static PolicyProfile parse(String yaml, String origin, TextSource texts) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            throw new PolicyProfileException(
                    origin,
                    List.of("not valid YAML: " + e.getOriginalMessage()
                            + (e.getLocation() != null
                                    ? " (line " + e.getLocation().getLineNr() + ")"
                                    : "")
                            + "; fix the syntax (indentation, quotes around values starting with '§')"));
        }
        List<String> problems = new ArrayList<>();
        if (root == null || !root.isObject()) {
            throw new PolicyProfileException(
                    origin, List.of("the file is empty or not a mapping; fix: start from " + DEFAULT_RESOURCE));
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!List.of(
                            "id",
                            "title",
                            "source",
                            "thresholds",
                            "permanent_permit_forms",
                            "reach_categories",
                            "room_rental",
                            "paragraphs",
                            "readings",
                            "not_checked",
                            "noise",
                            "livestock_odour",
                            "external_safety",
                            "etfal",
                            "environmental_zoning",
                            "locations",
                            "public_initiatives",
                            "spread",
                            "neighbours",
                            "distance_to_work",
                            "parking_access",
                            "intake",
                            "deadlines",
                            "round")
                    .contains(f)) {
                problems.add(
                        "unknown top-level key '" + f + "'; fix: remove it (allowed: id, title, source, thresholds,"
                                + " permanent_permit_forms, reach_categories, room_rental, paragraphs, readings, not_checked, noise,"
                                + " livestock_odour, external_safety, etfal, environmental_zoning, locations,"
                                + " public_initiatives, spread, neighbours,"
                                + " distance_to_work, parking_access, intake, deadlines, round)");
            }
        }
        String id = text(root, "id", problems, "e.g. 'id: hardenberg-2025'");
        if (id != null && !id.matches("[a-z0-9][a-z0-9-]*")) {
            problems.add("'id' is '" + id + "'; fix: use lower-case letters, digits and '-', e.g. hardenberg-2025");
        }
        String title = text(root, "title", problems, "the policy document's title");
        SourceDocument source = null;
        JsonNode src = root.get("source");
        if (src == null || !src.isObject()) {
            problems.add("'source' is missing; fix: add 'source:' with 'document:', 'adopted:' and 'publisher:'");
        } else {
            String kind = optText(src, "text_kind");
            if (kind != null
                    && !List.of(SourceDocument.PUBLISHED, SourceDocument.DIGEST).contains(kind)) {
                problems.add("source.text_kind is '" + kind + "'; fix: '" + SourceDocument.PUBLISHED
                        + "' (source.text is the published text) or '" + SourceDocument.DIGEST
                        + "' (a digest of the municipality's summary)");
                kind = null;
            }
            source = new SourceDocument(
                    text(src, "document", problems, "source.document: the policy file or title"),
                    optText(src, "adopted"),
                    optText(src, "publisher"),
                    optText(src, "publication"),
                    kind);
        }
        PolicyText policyText = policyText(src, texts, problems);

        Map<ThresholdKey, Threshold> thresholds = new EnumMap<>(ThresholdKey.class);
        JsonNode th = root.get("thresholds");
        if (th == null || !th.isObject()) {
            problems.add("'thresholds' is missing; fix: add 'thresholds:' with the keys " + allKeys());
        } else {
            for (Iterator<Map.Entry<String, JsonNode>> it = th.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                ThresholdKey key = ThresholdKey.byKey(e.getKey()).orElse(null);
                if (key == null) {
                    problems.add("thresholds." + e.getKey() + " is not a known threshold; fix: correct the name "
                            + closest(e.getKey()) + "or remove it");
                    continue;
                }
                Threshold t = threshold(key, e.getValue(), problems);
                if (t != null) thresholds.put(key, t);
            }
            for (ThresholdKey k : ThresholdKey.values()) {
                if (!th.has(k.key())) {
                    problems.add("thresholds." + k.key() + " is missing; fix: add it with 'value:' (" + k.unit()
                            + "), 'paragraph:' and 'note:'");
                }
            }
        }
        crossChecks(thresholds, problems);

        Set<HousingForm> permanent = EnumSet.noneOf(HousingForm.class);
        String permanentParagraph = null;
        JsonNode pp = root.get("permanent_permit_forms");
        if (pp == null || !pp.isObject() || !pp.path("value").isArray()) {
            problems.add(
                    "'permanent_permit_forms' is missing; fix: add 'permanent_permit_forms:' with 'value: [room_rental]'"
                            + " (a list of housing forms, may be empty) and 'paragraph:'");
        } else {
            for (JsonNode f : pp.get("value")) {
                HousingForm form = HousingForm.byId(f.asText()).orElse(null);
                if (form == null) {
                    problems.add("permanent_permit_forms.value contains '" + f.asText() + "'; fix: use room_rental"
                            + " or housing_facility");
                } else {
                    permanent.add(form);
                }
            }
            permanentParagraph = text(pp, "paragraph", problems, "permanent_permit_forms.paragraph, e.g. '§5.1.2'");
        }
        List<String> reachCategories = new ArrayList<>();
        JsonNode rc = root.get("reach_categories");
        if (rc == null || !rc.isObject() || !rc.path("value").isArray()) {
            problems.add(
                    "'reach_categories' is missing; fix: add 'reach_categories:' with 'value: [supermarket,"
                            + " general_practitioner, public_transport_stop]' (facility categories) and 'paragraph: \"Bijlage 1\"'");
        } else {
            for (JsonNode c : rc.get("value")) {
                String category = c.asText("").trim();
                if (!category.matches("[a-z][a-z_]*")) {
                    problems.add("reach_categories.value contains '" + c.asText() + "'; fix: use facility categories"
                            + " such as supermarket, general_practitioner, pharmacy, public_transport_stop");
                } else if (!reachCategories.contains(category)) {
                    reachCategories.add(category);
                }
            }
            text(rc, "paragraph", problems, "reach_categories.paragraph, e.g. 'Bijlage 1'");
            Threshold min = thresholds.get(ThresholdKey.REACH_MIN_CATEGORIES_IN_REACH);
            if (min != null && min.value() > reachCategories.size()) {
                problems.add("thresholds." + ThresholdKey.REACH_MIN_CATEGORIES_IN_REACH.key() + " (" + fmt(min.value())
                        + ") is more than the " + reachCategories.size() + " reach_categories; fix: lower it or add"
                        + " categories");
            }
        }
        RoomRentalPolicy roomRental = RoomRentalPolicy.parse(root.get("room_rental"), problems);
        PolicyReadings readings = PolicyReadings.parse(root, problems);
        EnvironmentPolicy environment = EnvironmentPolicy.parse(root, problems);
        List<String> locationProblems = new ArrayList<>();
        LocationRules locationRules = LocationRules.parse(root, readings, thresholds, locationProblems);
        // the table's texts name paragraphs and thresholds: with those missing, their problems already say it
        if (readings.paragraphs().size() == PolicyReadings.Rule.values().length
                && thresholds.size() == ThresholdKey.values().length) problems.addAll(locationProblems);
        PublicInitiatives publicInitiatives = PublicInitiatives.parse(root.get("public_initiatives"), problems);
        SettlementPolicy settlement = SettlementPolicy.parse(root, problems);
        java.util.Optional<WorkTravelPolicy> workTravel = WorkTravelPolicy.parse(root, problems);
        java.util.Optional<ParkingAccessPolicy> parkingAccess = ParkingAccessPolicy.parse(root, problems);
        IntakeDocuments intake = IntakeDocuments.parse(root.get("intake"), problems);
        DeadlineSettings deadlines = DeadlineSettings.parse(root.get("deadlines"), problems);
        java.util.Optional<RoundPolicy> round = RoundPolicy.parse(root.get("round"), locationRules, problems);
        if (policyText != null) {
            workTravel.ifPresent(w -> citedIn(policyText, "distance_to_work.paragraph", w.paragraph(), problems));
            parkingAccess.ifPresent(pa -> citedIn(policyText, "parking_access.paragraph", pa.paragraph(), problems));
            if (publicInitiatives.paragraph() != null)
                citedIn(policyText, "public_initiatives.paragraph", publicInitiatives.paragraph(), problems);
            locationRules.citations().forEach((key, ref) -> citedIn(policyText, key, ref, problems));
            environment.citations().forEach((key, ref) -> citedIn(policyText, key, ref, problems));
            settlement.citations().forEach((key, ref) -> citedIn(policyText, key, ref, problems));
            readings.citations().forEach((key, ref) -> citedIn(policyText, key, ref, problems));
            intake.citations().forEach((key, ref) -> citedIn(policyText, key, ref, problems));
            round.ifPresent(r -> r.citations().forEach((key, ref) -> citedIn(policyText, key, ref, problems)));
            // the defaults cite Hardenberg's paragraphs: only a profile's own deadlines block is held to its text
            if (root.has("deadlines"))
                deadlines.citations().forEach((key, ref) -> citedIn(policyText, key, ref, problems));
            // every paragraph the profile cites must be in its text, or the map would link to nothing
            for (Threshold t : thresholds.values())
                citedIn(policyText, "thresholds." + t.key().key() + ".paragraph", t.paragraph(), problems);
            if (permanentParagraph != null)
                citedIn(policyText, "permanent_permit_forms.paragraph", permanentParagraph, problems);
        }
        if (!problems.isEmpty()) throw new PolicyProfileException(origin, problems);
        PolicyProfile profile = new PolicyProfile(
                id,
                title,
                source,
                thresholds,
                permanent,
                permanentParagraph,
                reachCategories,
                origin,
                roomRental,
                policyText,
                readings,
                environment);
        profile.locationRules = locationRules;
        profile.publicInitiatives = publicInitiatives;
        profile.settlement = settlement;
        profile.workTravel = workTravel;
        profile.parkingAccess = parkingAccess;
        profile.intakeDocuments = intake;
        profile.deadlineSettings = deadlines;
        profile.round = round;
        profile.notAdopted = notAdoptedPaths(root);
        return profile;
    }

    /**
     * Where the profile marks a value or rule {@code adopted: false}, as paths into the profile (for example
     * {@code distance_to_work.max_commute_km}, {@code round.criteria[housing_quality]}, {@code locations.rules[0]}: a
     * list item by its {@code id}, else its index), in the file's order. Read from the whole tree rather than from
     * each block, so a block added later is counted without code here; the pages say that answers using these
     * values are indicative.
     */
    public List<String> notAdopted() {
        return notAdopted;
    }

    private static List<String> notAdoptedPaths(JsonNode root) {
        List<String> out = new ArrayList<>();
        notAdoptedPaths(root, "", out);
        return List.copyOf(out);
    }

    private static void notAdoptedPaths(JsonNode node, String path, List<String> out) {
        if (node.isObject()) {
            // source.adopted is the adoption date (text), never this flag
            JsonNode a = node.get("adopted");
            if (a != null && a.isBoolean() && !a.booleanValue() && !path.isEmpty()) out.add(path);
            node.fields()
                    .forEachRemaining(e ->
                            notAdoptedPaths(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey(), out));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                JsonNode item = node.get(i);
                String key = item.path("id").isTextual() ? item.get("id").asText() : String.valueOf(i);
                notAdoptedPaths(item, path + "[" + key + "]", out);
            }
        }
    }

    /** The planner's ETFAL sections ({@code spread:}, {@code neighbours:}); never null, each part possibly null. */
    public SettlementPolicy settlement() {
        return settlement;
    }

    /**
     * The environment blocks ({@code etfal:}, {@code environmental_zoning:}, {@code noise:}, {@code livestock_odour:},
     * {@code external_safety:}); never null, each block possibly absent.
     */
    public EnvironmentPolicy environment() {
        return environment;
    }

    /** The text named by {@code source.text} (optional: without it the service has no paragraph texts to show). */
    private static PolicyText policyText(JsonNode src, TextSource texts, List<String> problems) {
        if (src == null || !src.isObject() || !src.has("text")) return null;
        JsonNode n = src.get("text");
        if (!n.isTextual() || n.asText().isBlank() || n.asText().contains("..")) {
            problems.add("source.text must be a file name next to the profile, e.g. 'hardenberg-2025-beleidskader.txt';"
                    + " fix: give the name of the policy text file or remove source.text");
            return null;
        }
        String name = n.asText().strip();
        String content;
        try {
            content = texts.read(name);
        } catch (IllegalArgumentException e) {
            problems.add("source.text names '" + name + "', but " + e.getMessage() + "; fix: put the policy text there"
                    + " (one '## <ref> <title>' line per paragraph, see policy/hardenberg-2025-beleidskader.txt) or"
                    + " remove source.text");
            return null;
        }
        return PolicyText.parse(name, content, problems);
    }

    private static void citedIn(PolicyText text, String key, String citation, List<String> problems) {
        for (String ref : PolicyText.refsOf(citation)) {
            if (text.paragraph(ref).isEmpty()) {
                problems.add(key + " cites " + PolicyText.label(ref) + ", which " + text.name() + " has no paragraph"
                        + " for; fix: correct the citation or add '## " + ref + " <title>' to the text");
            }
        }
    }

    private static Threshold threshold(ThresholdKey key, JsonNode node, List<String> problems) {
        String name = "thresholds." + key.key();
        if (!node.isObject()) {
            problems.add(name + " must be a mapping; fix: write 'value:', 'paragraph:' and 'note:' under it");
            return null;
        }
        JsonNode v = node.get("value");
        String example = key.kind() == ThresholdKey.Kind.INTEGER ? "a whole number" : "a number";
        if (v == null || !v.isNumber()) {
            problems.add(name + ".value is " + (v == null ? "missing" : "'" + v.asText() + "'") + "; fix: give "
                    + example + " in " + key.unit());
            return null;
        }
        double value = v.asDouble();
        if (key.kind() == ThresholdKey.Kind.INTEGER && (!v.canConvertToInt() || value != Math.rint(value))) {
            problems.add(name + ".value is " + v.asText() + "; fix: give a whole number of " + key.unit());
            return null;
        }
        if (!Double.isFinite(value) || value < key.minimum()) {
            problems.add(name + ".value is " + v.asText() + "; fix: give a value of at least " + fmt(key.minimum())
                    + " " + key.unit());
            return null;
        }
        String paragraph = node.path("paragraph").asText("").trim();
        if (paragraph.isEmpty()) {
            problems.add(name + ".paragraph is missing; fix: name the policy paragraph it comes from, e.g. '§5.1.2'");
            return null;
        }
        Adoption adoption = adoption(node, name, problems);
        return new Threshold(
                key,
                value,
                paragraph,
                node.path("note").asText("").trim(),
                adoption.adopted(),
                adoption.note(),
                adoption.noteNl());
    }

    /**
     * Whether the council adopted a number ({@code adopted}, default true) and, if not, why ({@code adopted_note}, and
     * {@code adopted_note_nl} for the Dutch answers; without it they quote {@code adopted_note}).
     */
    record Adoption(boolean adopted, String note, String noteNl) {}

    /**
     * Reads {@code adopted} and {@code adopted_note} of any threshold or rule: a value the council has not adopted
     * must say why, since every answer using it shows the note.
     */
    static Adoption adoption(JsonNode node, String name, List<String> problems) {
        JsonNode a = node.get("adopted");
        if (a == null) return new Adoption(true, null, null);
        if (!a.isBoolean()) {
            problems.add(name + ".adopted is '" + a.asText() + "'; fix: write 'adopted: true' or 'adopted: false'");
            return new Adoption(true, null, null);
        }
        String note = node.path("adopted_note").asText("").trim();
        if (!a.asBoolean() && note.isEmpty()) {
            problems.add(name + ".adopted_note is missing; fix: say why the value is not adopted (e.g. which paragraph"
                    + " defers it), it is shown with every answer that uses it");
        }
        String noteNl = node.path("adopted_note_nl").asText("").trim();
        return new Adoption(
                a.asBoolean(), a.asBoolean() ? null : note, a.asBoolean() ? null : noteNl.isEmpty() ? note : noteNl);
    }

    private static void crossChecks(Map<ThresholdKey, Threshold> t, List<String> problems) {
        order(t, ThresholdKey.FACILITY_MAX_PERSONS, ThresholdKey.FACILITY_EXCEPTIONAL_MAX_PERSONS, problems);
        order(
                t,
                ThresholdKey.FIRE_NOTIFICATION_MIN_PERSONS,
                ThresholdKey.FIRE_USE_NOTIFICATION_ABOVE_PERSONS,
                problems);
        order(t, ThresholdKey.PERMIT_INITIAL_TERM_YEARS, ThresholdKey.PERMIT_MAX_TERM_YEARS, problems);
        Threshold initial = t.get(ThresholdKey.PERMIT_INITIAL_TERM_YEARS);
        Threshold renewal = t.get(ThresholdKey.PERMIT_RENEWAL_YEARS);
        Threshold max = t.get(ThresholdKey.PERMIT_MAX_TERM_YEARS);
        if (initial != null && renewal != null && max != null && initial.value() + renewal.value() > max.value()) {
            problems.add("thresholds." + ThresholdKey.PERMIT_MAX_TERM_YEARS.key() + " (" + fmt(max.value())
                    + ") is less than the initial term plus one renewal (" + fmt(initial.value() + renewal.value())
                    + "); fix: raise the maximum or shorten the terms");
        }
    }

    private static void order(
            Map<ThresholdKey, Threshold> t, ThresholdKey low, ThresholdKey high, List<String> problems) {
        Threshold a = t.get(low);
        Threshold b = t.get(high);
        if (a != null && b != null && a.value() > b.value()) {
            problems.add("thresholds." + high.key() + " (" + fmt(b.value()) + ") is below thresholds." + low.key()
                    + " (" + fmt(a.value()) + "); fix: make " + high.key() + " at least " + fmt(a.value()));
        }
    }

    private static String text(JsonNode parent, String field, List<String> problems, String hint) {
        JsonNode n = parent.get(field);
        if (n == null || !n.isValueNode() || n.asText().isBlank()) {
            problems.add("'" + field + "' is missing or empty; fix: add " + hint);
            return null;
        }
        return n.asText().trim();
    }

    private static String optText(JsonNode parent, String field) {
        JsonNode n = parent.get(field);
        return n == null || n.isNull() ? null : n.asText().trim();
    }

    private static String allKeys() {
        StringBuilder b = new StringBuilder();
        for (ThresholdKey k : ThresholdKey.values())
            b.append(b.length() == 0 ? "" : ", ").append(k.key());
        return b.toString();
    }

    /** "(did you mean x?) " for a near miss, so a typo names its fix. */
    private static String closest(String key) {
        ThresholdKey best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (ThresholdKey k : ThresholdKey.values()) {
            int d = editDistance(key, k.key());
            if (d < bestDistance) {
                bestDistance = d;
                best = k;
            }
        }
        return best != null && bestDistance <= Math.max(3, key.length() / 4)
                ? "(did you mean " + best.key() + "?) "
                : "";
    }

    private static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    /** The policy's text by paragraph, when the profile names one in {@code source.text}. */
    public java.util.Optional<PolicyText> text() {
        return java.util.Optional.ofNullable(text);
    }

    /** Where the engine's rules stand, the readings of open points, and what the service does not check. */
    public PolicyReadings readings() {
        return readings;
    }

    /** The citation of a rule that has no threshold of its own (from the profile's {@code paragraphs:}). */
    public String paragraph(PolicyReadings.Rule rule) {
        return readings.paragraph(rule);
    }

    /** Bijlage 1: a site with bad environmental conditions that does not meet ETFAL: stays of at most this long. */
    public int shortStayMaxMonths() {
        return (int) value(ThresholdKey.SHORT_STAY_MAX_MONTHS);
    }

    /** The location decision table, size categories and caps ({@code locations:}; Hardenberg's when absent). */
    public LocationRules locationRules() {
        return locationRules;
    }

    /** Which initiatives the public overview shows and how precisely (§4.1.2); none without the section. */
    public PublicInitiatives publicInitiatives() {
        return publicInitiatives;
    }

    /** {@code distance_to_work} (§5.1, §7.1.2): the maximum commuting distance; empty when the profile has no block. */
    public java.util.Optional<WorkTravelPolicy> workTravel() {
        return workTravel;
    }

    /** {@code parking_access} (Bijlage 1): parking norm and fire-brigade access; empty when the profile has no block. */
    public java.util.Optional<ParkingAccessPolicy> parkingAccess() {
        return parkingAccess;
    }

    /** The regisseur's deadline settings (profile {@code deadlines}); the defaults without the section. */
    public DeadlineSettings deadlineSettings() {
        return deadlineSettings;
    }

    /** The application round ranked by points (profile {@code round:}); empty when the policy has no rounds. */
    public java.util.Optional<RoundPolicy> round() {
        return round;
    }

    /** The documents the intake table asks for (profile {@code intake.documents}); none without the section. */
    public IntakeDocuments intakeDocuments() {
        return intakeDocuments;
    }

    /** The room-rental rules per street (§5.1.3, §6.2.6); none switched on when the profile has no section. */
    public RoomRentalPolicy roomRental() {
        return roomRental;
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    public SourceDocument source() {
        return source;
    }

    /** Where the profile was read from (a path or {@code classpath:...}). */
    public String origin() {
        return origin;
    }

    /** All thresholds in key order, for display (e.g. an API listing the profile). */
    public Map<ThresholdKey, Threshold> thresholds() {
        return thresholds;
    }

    public Threshold threshold(ThresholdKey key) {
        return thresholds.get(key);
    }

    public double value(ThresholdKey key) {
        return thresholds.get(key).value();
    }

    public String paragraph(ThresholdKey key) {
        return thresholds.get(key).paragraph();
    }

    public double recreationExclusionDistanceM() {
        return value(ThresholdKey.RECREATION_EXCLUSION_DISTANCE_M);
    }

    public double businessParkEdgeBandInsideM() {
        return value(ThresholdKey.BUSINESS_PARK_EDGE_BAND_INSIDE_M);
    }

    public double businessParkNearBandOutsideM() {
        return value(ThresholdKey.BUSINESS_PARK_NEAR_BAND_OUTSIDE_M);
    }

    public int roomRentalMinPersons() {
        return (int) value(ThresholdKey.ROOM_RENTAL_MIN_PERSONS);
    }

    public int facilityMaxPersons() {
        return (int) value(ThresholdKey.FACILITY_MAX_PERSONS);
    }

    public int facilityExceptionalMaxPersons() {
        return (int) value(ThresholdKey.FACILITY_EXCEPTIONAL_MAX_PERSONS);
    }

    public int fireNotificationMinPersons() {
        return (int) value(ThresholdKey.FIRE_NOTIFICATION_MIN_PERSONS);
    }

    public int fireUseNotificationAbovePersons() {
        return (int) value(ThresholdKey.FIRE_USE_NOTIFICATION_ABOVE_PERSONS);
    }

    public int permitInitialTermYears() {
        return (int) value(ThresholdKey.PERMIT_INITIAL_TERM_YEARS);
    }

    public int permitRenewalYears() {
        return (int) value(ThresholdKey.PERMIT_RENEWAL_YEARS);
    }

    public int permitMaxTermYears() {
        return (int) value(ThresholdKey.PERMIT_MAX_TERM_YEARS);
    }

    public double siteMaxAreaM2() {
        return value(ThresholdKey.SITE_MAX_AREA_M2);
    }

    public double siteSliverToleranceM2() {
        return value(ThresholdKey.SITE_SLIVER_TOLERANCE_M2);
    }

    /** The housing forms that may get a permanent permit (Hardenberg: room rental only, §5.1.2). */
    /** Bijlage 1: the facility categories that must be within walking or cycling reach. */
    public List<String> reachCategories() {
        return reachCategories;
    }

    public double reachWalkingSpeedKmh() {
        return value(ThresholdKey.REACH_WALKING_SPEED_KMH);
    }

    public double reachCyclingSpeedKmh() {
        return value(ThresholdKey.REACH_CYCLING_SPEED_KMH);
    }

    public int reachWalkingMinutes() {
        return (int) value(ThresholdKey.REACH_WALKING_MINUTES);
    }

    public int reachCyclingMinutes() {
        return (int) value(ThresholdKey.REACH_CYCLING_MINUTES);
    }

    public int reachMinCategoriesInReach() {
        return (int) value(ThresholdKey.REACH_MIN_CATEGORIES_IN_REACH);
    }

    public Set<HousingForm> permanentPermitForms() {
        return permanentPermitForms;
    }

    public String permanentPermitParagraph() {
        return permanentPermitParagraph;
    }

    @Override
    public String toString() {
        return id + " (" + origin + ")";
    }
}
