package nl.plektoets.registers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import nl.plektoets.policy.IntakeDocuments;
import nl.plektoets.registers.IntakeCase.Advice;
import nl.plektoets.registers.IntakeCase.CaseDocument;
import nl.plektoets.registers.IntakeCase.DocumentStatus;

/**
 * The rules of the intake table (Noordoostpolder's intaketafel; Hardenberg §4.1, §5.1): one case per initiative with
 * a case owner; advice only from a discipline present at the meeting, one each; an outcome only after a meeting;
 * documents only those the profile knows ({@code intake.documents}), a received or approved one with its date, never
 * a date after today. Which documents apply follows from the initiative's form and persons and its latest assessment
 * snapshot (location class, the criteria that did not pass); a new case lists them as missing.
 */
public final class IntakeTable {
    private static final Set<String> EDITABLE = Set.of(
            "initiativeId",
            "caseOwner",
            "meetingOn",
            "disciplines",
            "advice",
            "outcome",
            "procedure",
            "documents",
            "notes");

    private final RegisterStore store;
    private final Clock clock;
    private final IntakeDocuments documents;

    public IntakeTable(RegisterStore store, Clock clock, IntakeDocuments documents) {
        this.store = store;
        this.clock = clock;
        this.documents = documents;
    }

    /** A new case; the case owner is the creator unless named, the applicable documents start as missing. */
    public IntakeCase create(JsonNode body, String actor) {
        ObjectNode fields = editable(body, EDITABLE);
        if (!fields.hasNonNull("caseOwner")) fields.put("caseOwner", actor);
        IntakeCase c = IntakeJson.fromJson(fields);
        HousingInitiative initiative = initiativeOf(c);
        return store.createIntakeCase(check(withApplicable(c, initiative)), actor);
    }

    /** A JSON merge patch carrying {@code version}; lists (disciplines, advice, documents) are replaced whole. */
    public IntakeCase patch(long id, JsonNode body, String actor) {
        long version = expectedVersion(body);
        ObjectNode patch = editable(body, EDITABLE);
        if (patch.has("initiativeId"))
            throw InvalidEntryException.malformed("initiativeId", "a case stays with its initiative");
        return store.updateIntakeCase(id, version, actor, current -> {
            ObjectNode merged = IntakeJson.toJson(current);
            merged.setAll(patch);
            IntakeCase next = IntakeJson.fromJson(merged);
            return check(withApplicable(next, initiativeOf(next)));
        });
    }

    /**
     * The case as its answer: the register JSON, each document with its name, paragraph, whether the profile's
     * reading is adopted and whether it applies to this initiative now, and the initiative's status, form and persons.
     */
    public ObjectNode toJson(IntakeCase c) {
        ObjectNode o = IntakeJson.toJson(c);
        HousingInitiative i = store.initiative(c.initiativeId()).orElse(null);
        Set<String> applicable = i == null ? Set.of() : applicable(i);
        ArrayNode docs = (ArrayNode) o.get("documents");
        for (JsonNode n : docs) {
            ObjectNode d = (ObjectNode) n;
            documents.byId(d.path("id").asText()).ifPresent(doc -> {
                d.put("paragraph", doc.paragraph());
                d.putObject("name").put("nl", doc.nl()).put("en", doc.en());
                d.put("adopted", doc.adopted());
                d.put("applies", applicable.contains(doc.id()));
            });
        }
        if (i != null) {
            o.putObject("initiative")
                    .put("status", i.status().id())
                    .put("form", i.form().id())
                    .put("persons", i.persons())
                    .put("initiator", i.initiator());
        }
        return o;
    }

    /** The ids of the documents that apply to this initiative, from its form, persons and latest assessment. */
    public Set<String> applicable(HousingInitiative i) {
        JsonNode snapshot = null;
        for (InitiativeStep s : i.steps()) if (s.assessment() != null) snapshot = s.assessment();
        String locationClass =
                snapshot == null ? null : snapshot.path("locationClass").asText(null);
        Set<String> notPassed = new HashSet<>();
        if (snapshot != null) {
            for (JsonNode c : snapshot.path("criteria")) {
                if (!"pass".equals(c.path("status").asText()))
                    notPassed.add(c.path("id").asText());
            }
        }
        Set<String> out = new java.util.LinkedHashSet<>(); // in the profile's order
        for (IntakeDocuments.Document d : documents.documents()) {
            if (IntakeDocuments.applies(d, i.form(), i.persons(), locationClass, notPassed)) out.add(d.id());
        }
        return out;
    }

    private HousingInitiative initiativeOf(IntakeCase c) {
        if (c.initiativeId() <= 0)
            throw InvalidEntryException.rule("initiativeId", "initiativeId is required: the initiative of this case");
        return store.initiative(c.initiativeId())
                .orElseThrow(
                        () -> InvalidEntryException.rule("initiativeId", "there is no initiative " + c.initiativeId()));
    }

    /** Adds every applicable document the case does not list yet, as missing (the table asks for it). */
    private IntakeCase withApplicable(IntakeCase c, HousingInitiative i) {
        List<CaseDocument> docs = new ArrayList<>(c.documents());
        for (String id : applicable(i)) {
            if (docs.stream().noneMatch(d -> id.equals(d.id())))
                docs.add(new CaseDocument(id, DocumentStatus.MISSING, null));
        }
        return new IntakeCase(
                c.id(),
                c.version(),
                c.initiativeId(),
                c.caseOwner(),
                c.meetingOn(),
                c.disciplines(),
                c.advice(),
                c.outcome(),
                c.procedure(),
                docs,
                c.notes(),
                c.createdAt(),
                c.createdBy(),
                c.updatedAt(),
                c.updatedBy());
    }

    private IntakeCase check(IntakeCase c) {
        LocalDate today = LocalDate.now(clock);
        if (c.caseOwner() == null) throw InvalidEntryException.rule("caseOwner", "caseOwner is required: a regisseur");
        Set<IntakeCase.Discipline> advised = new HashSet<>();
        for (Advice a : c.advice()) {
            if (a.discipline() == null || a.kind() == null)
                throw InvalidEntryException.rule(
                        "advice", "each advice needs discipline and advice (positive, negative, with_conditions)");
            if (!c.disciplines().contains(a.discipline()))
                throw InvalidEntryException.rule(
                        "advice",
                        "advice from " + a.discipline().id() + ", which is not among the disciplines present; add it"
                                + " to disciplines");
            if (!advised.add(a.discipline()))
                throw InvalidEntryException.rule("advice", a.discipline().id() + " advises once per meeting");
            if (a.kind() == IntakeCase.AdviceKind.WITH_CONDITIONS && a.text() == null)
                throw InvalidEntryException.rule("advice", "advice with_conditions needs the conditions as text");
        }
        if (!c.advice().isEmpty() && c.meetingOn() == null)
            throw InvalidEntryException.rule("meetingOn", "advice is given at a meeting: set meetingOn");
        if (c.outcome() != null && c.meetingOn() == null)
            throw InvalidEntryException.rule("outcome", "an outcome needs the meeting's date (meetingOn)");
        if (c.outcome() != null && c.meetingOn().isAfter(today))
            throw InvalidEntryException.rule(
                    "outcome", "the meeting of " + c.meetingOn() + " has not been held yet (today is " + today + ")");
        Set<String> seen = new HashSet<>();
        for (CaseDocument d : c.documents()) {
            if (d.id() == null || documents.byId(d.id()).isEmpty()) {
                List<String> known = new ArrayList<>();
                documents.documents().forEach(x -> known.add(x.id()));
                throw InvalidEntryException.malformed(
                        "documents", "unknown document '" + d.id() + "'; the profile knows " + known);
            }
            if (!seen.add(d.id())) throw InvalidEntryException.rule("documents", d.id() + " is listed twice");
            if (d.status() == null)
                throw InvalidEntryException.rule("documents", d.id() + ": status missing, received or approved");
            if (d.status() != DocumentStatus.MISSING && d.on() == null)
                throw InvalidEntryException.rule(
                        "documents", d.id() + " is " + d.status().id() + ": give the date it was");
            if (d.status() == DocumentStatus.MISSING && d.on() != null)
                throw InvalidEntryException.rule("documents", d.id() + " is missing: it has no date");
            if (d.on() != null && d.on().isAfter(today))
                throw InvalidEntryException.rule(
                        "documents", d.id() + ": " + d.on() + " is after today (" + today + ")");
        }
        return c;
    }

    /** The version a change was based on (required: optimistic concurrency), for every audited register's changes. */
    public static long expectedVersion(JsonNode body) {
        JsonNode v = body == null ? null : body.get("version");
        if (v == null || !v.isIntegralNumber()) {
            throw InvalidEntryException.malformed(
                    "version",
                    "version is required: send the version you read, so a change made meanwhile by someone else is"
                            + " not overwritten");
        }
        return v.asLong();
    }

    /** The body's fields, each one of {@code allowed} (else 422 naming it); {@code version} and {@code id} skipped. */
    public static ObjectNode editable(JsonNode body, Set<String> allowed) {
        if (body == null || !body.isObject()) throw InvalidEntryException.malformed("body", "expected a JSON object");
        ObjectNode out = RegisterJson.MAPPER.createObjectNode();
        for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (f.equals("version") || f.equals("id")) continue;
            if (!allowed.contains(f)) {
                throw InvalidEntryException.malformed(
                        f, "unknown or read-only field '" + f + "'; editable: " + new TreeSet<>(allowed));
            }
            out.set(f, body.get(f));
        }
        return out;
    }
}
