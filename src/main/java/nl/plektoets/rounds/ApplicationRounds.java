package nl.plektoets.rounds;

import static nl.plektoets.registers.RegisterJson.NOTES_MAX_CHARS;
import static nl.plektoets.registers.RegisterJson.TEXT_MAX_CHARS;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import nl.plektoets.policy.LocationRules.SizeCategory;
import nl.plektoets.policy.PolicyProfile;
import nl.plektoets.policy.RoundPolicy;
import nl.plektoets.registers.EntryNotFoundException;
import nl.plektoets.registers.HousingInitiative;
import nl.plektoets.registers.IntakeCase;
import nl.plektoets.registers.IntakeCaseExistsException;
import nl.plektoets.registers.IntakeTable;
import nl.plektoets.registers.InvalidEntryException;
import nl.plektoets.registers.RegisterInitiativeCounts;
import nl.plektoets.registers.RegisterJson;
import nl.plektoets.registers.RegisterStore;

/**
 * The rules of the application round (Noordoostpolder §5, §6; issue 18): open a round with the places per size
 * category (the profile's cap minus what the register holds), enter medium and large initiatives (a small one or one
 * entered under another profile is refused with the fix), score the planners' criteria within their scale with a
 * note, compute the employer distance from the network, rank ({@link Ranking}), record the college's decision (the
 * round is then frozen and its ranking kept) and, after it, take the allocated ones to the intake table. Knows no HTTP and no SQL: the store comes in as {@link RoundStore} and {@link RegisterStore}.
 */
public final class ApplicationRounds {
    /** Dates of the round and of applications are Dutch dates. */
    static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

    private static final Set<String> ROUND_FIELDS = Set.of("name", "opensOn", "closesOn", "notes");
    private static final Set<String> DECISION_FIELDS = Set.of("decidedOn", "reference");
    /** A decision's reference is a number or a short title, never a text: bounded so no input costs more. */
    static final int REFERENCE_MAX_CHARS = 200;

    private static final Set<String> ENTRY_FIELDS =
            Set.of("initiativeId", "submittedAt", "employers", "dwellingsReturned", "scores", "notes");

    private final RoundStore rounds;
    private final RegisterStore registers;
    private final Clock clock;
    private final PolicyProfile profile;
    private final Supplier<EmployerDistance> distance;

    public ApplicationRounds(
            RoundStore rounds,
            RegisterStore registers,
            Clock clock,
            PolicyProfile profile,
            Supplier<EmployerDistance> distance) {
        this.rounds = rounds;
        this.registers = registers;
        this.clock = clock;
        this.profile = profile;
        this.distance = distance;
    }

    /** The profile's round block; empty when this municipality's policy has no rounds. */
    public Optional<RoundPolicy> policy() {
        return profile.round();
    }

    public PolicyProfile profile() {
        return profile;
    }

    public RoundStore store() {
        return rounds;
    }

    private RoundPolicy requirePolicy() {
        return profile.round()
                .orElseThrow(() -> new IllegalStateException("the profile " + profile.id() + " has no round block"));
    }

    // ---- rounds ----

    /** Opens a round: name, opensOn, closesOn; the places per category are worked out now and kept. */
    public ApplicationRound open(JsonNode body, String actor) {
        RoundPolicy policy = requirePolicy();
        ObjectNode f = IntakeTable.editable(body, ROUND_FIELDS);
        String name = requiredText(f, "name", "the round's name, e.g. 'Aanvraagronde 2025'");
        LocalDate opens = date(f, "opensOn", true);
        LocalDate closes = date(f, "closesOn", true);
        checkDates(opens, closes);
        List<ApplicationRound.Places> places = new ArrayList<>();
        RegisterInitiativeCounts counts = RegisterInitiativeCounts.of(registers);
        for (String id : policy.categories()) {
            SizeCategory s = category(id);
            int held = (int) counts.count(s.capStatuses(), s.minPersons(), s.maxPersons());
            places.add(new ApplicationRound.Places(id, s.cap(), held, Math.max(0, s.cap() - held)));
        }
        ApplicationRound r = new ApplicationRound(
                0, 0, name, opens, closes, profile.id(), places, text(f, "notes"), null, null, null, null, null);
        return rounds.createRound(r, actor);
    }

    /** Name, dates and notes may change; the places stay as worked out at opening. */
    public ApplicationRound patchRound(long id, JsonNode body, String actor) {
        long version = IntakeTable.expectedVersion(body);
        ObjectNode f = IntakeTable.editable(body, ROUND_FIELDS);
        return rounds.updateRound(id, version, actor, r -> {
            r.requireOpen("a change of the round's name, dates or notes");
            ApplicationRound next = new ApplicationRound(
                    r.id(),
                    r.version(),
                    f.has("name") ? requiredText(f, "name", "the round's name") : r.name(),
                    f.has("opensOn") ? date(f, "opensOn", true) : r.opensOn(),
                    f.has("closesOn") ? date(f, "closesOn", true) : r.closesOn(),
                    r.policyId(),
                    r.places(),
                    f.has("notes") ? text(f, "notes") : r.notes(),
                    r.createdAt(),
                    r.createdBy(),
                    r.updatedAt(),
                    r.updatedBy(),
                    null);
            checkDates(next.opensOn(), next.closesOn());
            for (RoundEntry e : rounds.entries(id)) checkSubmitted(next, e.submittedAt(), "opensOn");
            return next;
        });
    }

    /**
     * Records the college's decision on the round's ranking (§6): {@code version}, {@code decidedOn} (the date of the
     * college's decision: not before the round closed, not in the future) and {@code reference} (e.g. the decision's
     * number). Refused while an entry is not fully scored (the college cannot decide on it) and for a round opened
     * under another policy. The ranking and allocation of this moment are kept with the decision; from now on the
     * round is frozen ({@link RoundStatusException}) and the kept ranking is the one served, exported and taken to the
     * intake table. The check, the ranking and the write happen under the round's lock in one transaction, so no
     * entry change slips in between.
     */
    public ApplicationRound decide(long id, JsonNode body, String actor) {
        RoundPolicy policy = requirePolicy();
        long version = IntakeTable.expectedVersion(body);
        ObjectNode f = IntakeTable.editable(body, DECISION_FIELDS);
        LocalDate decidedOn = date(f, "decidedOn", true);
        String reference = requiredText(f, "reference", "the college's decision's reference, e.g. its number");
        if (reference.length() > REFERENCE_MAX_CHARS)
            throw InvalidEntryException.malformed(
                    "reference",
                    "reference is the decision's number or short title, at most " + REFERENCE_MAX_CHARS
                            + " characters, not " + reference.length());
        LocalDate today = clock.instant().atZone(ZONE).toLocalDate();
        if (decidedOn.isAfter(today))
            throw InvalidEntryException.rule(
                    "decidedOn",
                    "the college's decision is dated " + decidedOn + ", after today (" + today
                            + "); record a decision once it is taken");
        return rounds.updateRound(id, version, actor, r -> {
            r.requireOpen("recording another decision");
            if (!r.policyId().equals(profile.id()))
                throw InvalidEntryException.rule(
                        "roundId",
                        "round " + id + " was opened under the policy " + r.policyId() + ", the service now applies "
                                + profile.id() + "; its ranking cannot be decided under another policy");
            if (decidedOn.isBefore(r.closesOn()))
                throw InvalidEntryException.rule(
                        "decidedOn",
                        "the college decides on the ranking after the round has closed (" + r.closesOn() + "), not on "
                                + decidedOn + ": applications could still come in");
            Ranking.Result result = Ranking.rank(policy, r, rounds.entries(id));
            List<String> incomplete = result.rows().stream()
                    .filter(row -> !row.complete())
                    .map(row ->
                            "initiative " + row.entry().initiativeId() + " (" + String.join(", ", row.missing()) + ")")
                    .toList();
            if (!incomplete.isEmpty())
                throw InvalidEntryException.rule(
                        "entries",
                        "not every entry is fully scored, so the college cannot decide on them: "
                                + String.join("; ", incomplete) + "; score them first");
            // kept as the text the store writes, read back once: the object served afterwards is the stored one
            JsonNode kept = RoundJson.parse(
                    RoundJson.ranking(policy, r, result, profile.title()).toString());
            return r.withDecision(new ApplicationRound.Decision(decidedOn, reference, actor, clock.instant(), kept));
        });
    }

    /**
     * The ranking as the API answers it ({@link RoundJson#ranking}, without the round): for a decided round the one
     * kept with the decision, whatever changed since (the profile, the register, the data); for an open round the
     * ranking of now.
     */
    public ObjectNode rankingJson(long id) {
        ApplicationRound r = round(id);
        if (r.decided()) return r.decision().ranking().deepCopy();
        return RoundJson.ranking(requirePolicy(), r, ranking(id), profile.title());
    }

    public ApplicationRound round(long id) {
        return rounds.round(id).orElseThrow(() -> new EntryNotFoundException(RoundStore.ROUNDS, id));
    }

    // ---- entries ----

    /**
     * Enters an initiative: {@code initiativeId}, {@code submittedAt} (when the application came in, within the
     * round's dates), optionally {@code employers} (already in RD New: {@code [{name, address, rd: [x, y], workers}]}),
     * {@code dwellingsReturned}, {@code scores} and {@code notes}.
     */
    public RoundEntry enter(long roundId, JsonNode body, String actor) {
        RoundPolicy policy = requirePolicy();
        ApplicationRound round = round(roundId);
        round.requireOpen("a new entry");
        if (!round.policyId().equals(profile.id()))
            throw InvalidEntryException.rule(
                    "roundId",
                    "round " + roundId + " was opened under the policy " + round.policyId() + ", the service now"
                            + " applies " + profile.id() + "; open a new round under this policy");
        ObjectNode f = IntakeTable.editable(body, ENTRY_FIELDS);
        if (!f.path("initiativeId").canConvertToLong() || f.path("initiativeId").asLong() <= 0)
            throw InvalidEntryException.malformed("initiativeId", "initiativeId is required: the initiative's id");
        long initiativeId = f.get("initiativeId").asLong();
        HousingInitiative i = registers
                .initiative(initiativeId)
                .orElseThrow(
                        () -> InvalidEntryException.rule("initiativeId", "there is no initiative " + initiativeId));
        Optional<SizeCategory> size = profile.locationRules().sizeOf(i.persons());
        if (size.isEmpty() || !policy.categories().contains(size.get().id())) {
            String what = size.map(
                            s -> "a " + s.en() + " (up to " + s.maxPersons() + " persons, " + s.paragraph() + ")")
                    .orElse("larger than any location the policy knows");
            throw InvalidEntryException.rule(
                    "initiativeId",
                    "initiative " + initiativeId + " houses " + i.persons() + " persons: " + what + ", not a category"
                            + " of the round (" + String.join(", ", policy.categories()) + ", " + policy.paragraph()
                            + "); a small location is applied for without a round, on the employer's own erf; change"
                            + " the initiative's persons if it is wrong");
        }
        Instant submitted = instant(f, "submittedAt");
        checkSubmitted(round, submitted, "submittedAt");
        List<RoundEntry.EmployerPoint> employers = employers(f.get("employers"));
        Instant now = clock.instant();
        RoundEntry e = new RoundEntry(
                0,
                0,
                roundId,
                initiativeId,
                size.get().id(),
                i.persons(),
                i.initiator(),
                submitted,
                employers,
                dwellings(f),
                scores(policy, f.get("scores"), Map.of(), actor, now),
                computeDistance(policy, i, employers, now),
                text(f, "notes"),
                null,
                null,
                null,
                null);
        return rounds.createEntry(e, actor);
    }

    /**
     * A change with {@code version}: {@code scores} (per criterion {@code {points, note}}; a criterion left out keeps
     * its score), {@code employers} (the distance is computed again), {@code dwellingsReturned}, {@code submittedAt},
     * {@code notes}.
     */
    public RoundEntry patchEntry(long roundId, long entryId, JsonNode body, String actor) {
        RoundPolicy policy = requirePolicy();
        long version = IntakeTable.expectedVersion(body);
        ObjectNode f = IntakeTable.editable(body, ENTRY_FIELDS);
        if (f.has("initiativeId"))
            throw InvalidEntryException.malformed("initiativeId", "an entry stays with its initiative");
        ApplicationRound round = round(roundId);
        round.requireOpen("a change of an entry or its scores");
        entryOf(roundId, entryId);
        return rounds.updateEntry(entryId, version, actor, e -> {
            Instant now = clock.instant();
            List<RoundEntry.EmployerPoint> employers =
                    f.has("employers") ? employers(f.get("employers")) : e.employers();
            JsonNode distance = e.distance();
            if (f.has("employers")) {
                HousingInitiative i = registers
                        .initiative(e.initiativeId())
                        .orElseThrow(() -> new EntryNotFoundException(RegisterStore.INITIATIVES, e.initiativeId()));
                distance = computeDistance(policy, i, employers, now);
            }
            Instant submitted = f.has("submittedAt") ? instant(f, "submittedAt") : e.submittedAt();
            checkSubmitted(round, submitted, "submittedAt");
            return e.with(
                    employers,
                    f.has("dwellingsReturned") ? dwellings(f) : e.dwellingsReturned(),
                    f.has("scores") ? scores(policy, f.get("scores"), e.scores(), actor, now) : e.scores(),
                    distance,
                    f.has("notes") ? text(f, "notes") : e.notes(),
                    submitted);
        });
    }

    public RoundEntry entryOf(long roundId, long entryId) {
        RoundEntry e = rounds.entry(entryId).orElseThrow(() -> new EntryNotFoundException(RoundStore.ENTRIES, entryId));
        if (e.roundId() != roundId) throw new EntryNotFoundException(RoundStore.ENTRIES, entryId);
        return e;
    }

    public Ranking.Result ranking(long roundId) {
        return Ranking.rank(requirePolicy(), round(roundId), rounds.entries(roundId));
    }

    /** What taking one allocated entry to the intake table did. */
    public record ToIntake(long entryId, long initiativeId, long caseId, boolean created, String detail) {}

    /**
     * Opens an intake case for every entry the decided ranking allocated (§7: after the college's decision the chosen
     * initiatives go to the intake table); refused while the round is open ({@link RoundStatusException}), since the
     * college decides on the ranking first. An initiative that has a case already keeps it and is reported as such,
     * so the action can be repeated safely.
     */
    public List<ToIntake> toIntake(long roundId, IntakeTable intake, String actor) {
        ApplicationRound round = round(roundId);
        if (!round.decided())
            throw RoundStatusException.notDecided(round, "taking its allocated initiatives to intake");
        List<ToIntake> out = new ArrayList<>();
        String paragraph = round.decision().ranking().path("policyRef").asText();
        // read once (an initiative is in a round once): linear in the cases and the ranking, not their product
        Map<Long, Long> caseOf = new java.util.HashMap<>();
        for (IntakeCase c : registers.intakeCases(null)) caseOf.putIfAbsent(c.initiativeId(), c.id());
        for (JsonNode row : round.decision().ranking().path("ranking")) {
            if (!row.path("allocated").asBoolean()) continue;
            long entryId = row.path("entryId").asLong();
            long initiativeId = row.path("initiativeId").asLong();
            Long existing = caseOf.get(initiativeId);
            if (existing != null) {
                out.add(new ToIntake(entryId, initiativeId, existing, false, "already at the intake table"));
                continue;
            }
            ObjectNode body = RegisterJson.MAPPER.createObjectNode().put("initiativeId", initiativeId);
            body.put(
                    "notes",
                    "From round " + roundId + ", decided on " + round.decision().decidedOn() + " ("
                            + round.decision().reference() + "): rank "
                            + row.path("rank").asInt() + ", "
                            + row.path("total").asText() + " points (" + paragraph + ")");
            try {
                IntakeCase c = intake.create(body, actor);
                out.add(new ToIntake(entryId, initiativeId, c.id(), true, "intake case opened"));
            } catch (IntakeCaseExistsException e) {
                // a parallel step (or the regisseur by hand) opened it since the cases were read: it keeps that one
                out.add(new ToIntake(entryId, initiativeId, e.caseId(), false, "already at the intake table"));
            }
        }
        return out;
    }

    // ---- reading the fields ----

    private JsonNode computeDistance(
            RoundPolicy policy, HousingInitiative i, List<RoundEntry.EmployerPoint> employers, Instant now) {
        for (RoundPolicy.Criterion c : policy.criteria()) {
            if (c.kind() != RoundPolicy.Kind.EMPLOYER_DISTANCE) continue;
            EmployerDistance d = distance.get();
            if (d == null) {
                return RegisterJson.MAPPER
                        .createObjectNode()
                        .put("criterion", c.id())
                        .put("points", c.minPoints())
                        .put("computed", false)
                        .put("reason", "no data served to compute the distance on; the minimum is given");
            }
            return d.compute(c, i, employers, now);
        }
        return null;
    }

    private static Map<String, RoundEntry.Score> scores(
            RoundPolicy policy, JsonNode n, Map<String, RoundEntry.Score> current, String actor, Instant now) {
        Map<String, RoundEntry.Score> out = new TreeMap<>(current);
        if (n == null || n.isNull()) return out;
        if (!n.isObject())
            throw InvalidEntryException.malformed("scores", "scores is an object: {criterion: {points, note}}");
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> s = it.next();
            String field = "scores." + s.getKey();
            RoundPolicy.Criterion c = policy.criterion(s.getKey())
                    .orElseThrow(() -> InvalidEntryException.malformed(
                            field, "unknown criterion '" + s.getKey() + "'; the round scores " + scoredIds(policy)));
            if (c.kind() != RoundPolicy.Kind.SCORED)
                throw InvalidEntryException.rule(
                        field,
                        c.id() + " is not scored by planners: "
                                + (c.kind() == RoundPolicy.Kind.COUNT
                                        ? "enter dwellingsReturned"
                                        : "it is computed from the employers over the network; change the employers"));
            JsonNode v = s.getValue();
            if (!v.isObject() || !v.path("points").isIntegralNumber())
                throw InvalidEntryException.malformed(field, "give {points: a whole number, note: why}");
            int points = v.get("points").asInt();
            if (points < c.minPoints() || points > c.maxPoints())
                throw InvalidEntryException.rule(
                        field + ".points",
                        c.id() + " is scored " + c.minPoints() + " to " + c.maxPoints() + " points (" + c.paragraph()
                                + "), not " + points);
            String note = bounded(v.path("note").asText(""), field + ".note", NOTES_MAX_CHARS)
                    .strip();
            if (note.isEmpty())
                throw InvalidEntryException.rule(
                        field + ".note", "a score needs a note saying why: the college decides on the reasons");
            out.put(c.id(), new RoundEntry.Score(points, note, actor, now));
        }
        return out;
    }

    private static List<String> scoredIds(RoundPolicy policy) {
        return policy.criteria().stream()
                .filter(c -> c.kind() == RoundPolicy.Kind.SCORED)
                .map(RoundPolicy.Criterion::id)
                .toList();
    }

    private static List<RoundEntry.EmployerPoint> employers(JsonNode n) {
        List<RoundEntry.EmployerPoint> out = new ArrayList<>();
        if (n == null || n.isNull()) return out;
        if (!n.isArray()) throw InvalidEntryException.malformed("employers", "employers is a list");
        int i = 0;
        for (JsonNode e : n) {
            String at = "employers[" + i++ + "]";
            JsonNode rd = e.path("rd");
            if (!rd.isArray()
                    || rd.size() != 2
                    || !rd.get(0).isNumber()
                    || !rd.get(1).isNumber())
                throw InvalidEntryException.malformed("employers", "each employer needs its place");
            out.add(new RoundEntry.EmployerPoint(
                    bounded(e.path("name").asText(null), at + ".name", TEXT_MAX_CHARS),
                    bounded(e.path("address").asText(null), at + ".address", TEXT_MAX_CHARS),
                    rd.get(0).asDouble(),
                    rd.get(1).asDouble(),
                    e.path("workers").asInt(0)));
        }
        return out;
    }

    private static Integer dwellings(ObjectNode f) {
        JsonNode n = f.get("dwellingsReturned");
        if (n == null || n.isNull()) return null;
        if (!n.isIntegralNumber() || n.asLong() < 0 || n.asLong() > 10_000)
            throw InvalidEntryException.malformed(
                    "dwellingsReturned", "dwellingsReturned is the number of ordinary dwellings returned: 0 or more");
        return n.asInt();
    }

    private SizeCategory category(String id) {
        return profile.locationRules().sizeCategories().stream()
                .filter(s -> s.id().equals(id))
                .findFirst()
                .orElseThrow();
    }

    private static void checkDates(LocalDate opens, LocalDate closes) {
        if (closes.isBefore(opens))
            throw InvalidEntryException.rule(
                    "closesOn", "the round closes on " + closes + ", before it opens (" + opens + ")");
    }

    private static void checkSubmitted(ApplicationRound round, Instant submitted, String field) {
        LocalDate day = submitted.atZone(ZONE).toLocalDate();
        if (day.isBefore(round.opensOn()) || day.isAfter(round.closesOn()))
            throw InvalidEntryException.rule(
                    field,
                    "an application submitted on " + day + " is outside the round (" + round.opensOn() + " to "
                            + round.closesOn() + "); enter it in the round it was submitted to");
    }

    private static Instant instant(ObjectNode f, String field) {
        String v = f.path(field).asText("");
        try {
            // to the second: what an application's receipt says, and what both stores keep exactly
            return Instant.parse(v).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        } catch (DateTimeParseException e) {
            throw InvalidEntryException.malformed(
                    field, field + " is required: when the application came in, e.g. 2025-03-14T10:15:00Z");
        }
    }

    private static LocalDate date(ObjectNode f, String field, boolean required) {
        JsonNode n = f.get(field);
        if (n == null || n.isNull()) {
            if (required) throw InvalidEntryException.malformed(field, field + " is required, e.g. 2025-03-01");
            return null;
        }
        try {
            return LocalDate.parse(n.asText());
        } catch (DateTimeParseException e) {
            throw InvalidEntryException.malformed(field, field + " is a date like 2025-03-01, not " + n.asText());
        }
    }

    private static String requiredText(ObjectNode f, String field, String what) {
        String v = text(f, field);
        if (v == null) throw InvalidEntryException.malformed(field, field + " is required: " + what);
        return v;
    }

    private static String text(ObjectNode f, String field) {
        JsonNode n = f.get(field);
        if (n == null || n.isNull()) return null;
        if (!n.isTextual()) throw InvalidEntryException.malformed(field, field + " is text");
        String v = bounded(n.asText(), field, field.equals("notes") ? NOTES_MAX_CHARS : TEXT_MAX_CHARS)
                .strip();
        return v.isEmpty() ? null : v;
    }

    /**
     * Free text is bounded per field as the registers bound theirs (notes and a score's note are prose, a name or an
     * address short), before anything stores it; the body limit alone would let one note take a megabyte.
     */
    private static String bounded(String v, String field, int max) {
        if (v != null && v.length() > max)
            // malformed (400 invalid-field), as the registers answer the same limits
            throw InvalidEntryException.malformed(
                    field, field + " is " + v.length() + " characters long; at most " + max + " are accepted");
        return v;
    }
}
