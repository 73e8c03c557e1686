package nl.plektoets.criteria;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.plektoets.policy.LocationRules;
import nl.plektoets.policy.PolicyProfile;
import nl.plektoets.policy.ThresholdKey;
import nl.plektoets.request.AssessmentRequest;
import nl.plektoets.request.HousingForm;
import org.locationtech.jts.geom.Geometry;

/**
 * The location rules: what a location class means for a housing form, new build or not, and size. The table itself
 * is the profile's ({@code locations:}, {@link LocationRules}: Hardenberg §5.1.2 with §5.1.1, §5.1.3, Bijlage 1 and 2;
 * Noordoostpolder's closed villages and erf rule); this class only turns a cell into an {@link Outcome} and checks
 * the inputs a cell requires ({@code requires:}: whether the initiator employs labour migrants itself, whether the
 * site lies on the employer's own erf as picked on the map). The reasons for Hardenberg's corner cases are in
 * docs/user-guide.md ("Location decision table").
 */
public final class LocationDecisionTable {
    private LocationDecisionTable() {}

    /** One cell of the table; {@code evidence} holds the size category, checked inputs and adoption, if any. */
    public record Outcome(
            Status status,
            String policyRef,
            Message message,
            List<Obligation> obligations,
            Map<String, Object> evidence) {
        public Outcome {
            obligations = List.copyOf(obligations);
            evidence = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(evidence));
        }

        public Outcome(Status status, String policyRef, Message message, List<Obligation> obligations) {
            this(status, policyRef, message, obligations, Map.of());
        }
    }

    /** The outcome for a class, form and new build, with no inputs beyond them (persons 1, nothing told). */
    public static Outcome decide(LocationClass c, HousingForm form, boolean newBuild, PolicyProfile profile) {
        return cell(c, profile.locationRules().decide(c.id(), form, newBuild, 1), null, profile);
    }

    /** The outcome for a request's form, new build and persons, its required inputs checked. */
    public static Outcome decide(LocationClass c, AssessmentRequest req, PolicyProfile profile) {
        LocationRules.Cell cell = profile.locationRules().decide(c.id(), req.form(), req.newBuild(), req.persons());
        return cell(c, cell, req, profile);
    }

    private static Outcome cell(LocationClass c, LocationRules.Cell cell, AssessmentRequest req, PolicyProfile p) {
        Status status = status(cell.status());
        String ref = cell.paragraph();
        Message message = new Message(cell.nl(), cell.en());
        List<Obligation> obligations = new ArrayList<>();
        for (LocationRules.ObligationText o : cell.obligations())
            obligations.add(new Obligation(o.id(), o.paragraph(), new Message(o.nl(), o.en())));
        Map<String, Object> ev = new LinkedHashMap<>();
        // what the answer used that the council has not adopted: the rule, the inputs it checks, the values its text
        // names or its size category (cell.named), and the business-park bands where they drew the class
        List<Indicative.Note> notAdopted = new ArrayList<>();
        note(notAdopted, "locations.rules." + cell.rule(), cell.adoption());
        if (cell.size() != null) {
            ev.put("sizeCategory", cell.size().id());
            ev.put("sizeMaxPersons", cell.size().maxPersons());
        } else if (req != null && !p.locationRules().sizeCategories().isEmpty()) {
            ev.put("sizeCategory", LocationRules.OVER);
        }
        if (req != null && !cell.requires().isEmpty()) {
            Map<String, Object> checked = new LinkedHashMap<>();
            StringBuilder nl = new StringBuilder(), en = new StringBuilder();
            Status worst = null;
            for (LocationRules.Condition cond : cell.requires()) {
                Boolean holds = holds(cond.id(), req);
                checked.put(cond.id(), holds == null ? "unknown" : holds ? "pass" : "fail");
                note(notAdopted, "locations.conditions." + cond.id(), cond.adoption());
                ref = joinRefs(ref, cond.paragraph());
                if (holds == null) {
                    nl.append(' ').append(cond.unknownNl());
                    en.append(' ').append(cond.unknownEn());
                    if (worst == null) worst = Status.UNKNOWN;
                } else if (!holds) {
                    nl.append(' ').append(cond.failNl());
                    en.append(' ').append(cond.failEn());
                    worst = Status.FAIL;
                } else {
                    obligations.add(new Obligation(cond.id(), cond.paragraph(), new Message(cond.nl(), cond.en())));
                }
            }
            ev.put("requires", checked);
            // a cell that fails anyway stays a fail; a missing input makes a pass or conditional unknown
            if (worst != null
                    && status != Status.FAIL
                    && LocationClassCriterion.severity(worst) > LocationClassCriterion.severity(status)) {
                status = worst;
            }
            if (nl.length() > 0) message = new Message(message.nl() + nl, message.en() + en);
        }
        cell.named().forEach((what, a) -> note(notAdopted, what, a));
        if (c == LocationClass.BUSINESS_PARK_EDGE || c == LocationClass.BUSINESS_PARK_INTERIOR)
            notAdopted.addAll(Indicative.thresholds(
                    p, ThresholdKey.BUSINESS_PARK_EDGE_BAND_INSIDE_M, ThresholdKey.BUSINESS_PARK_NEAR_BAND_OUTSIDE_M));
        Indicative.evidence(ev, notAdopted);
        message = Indicative.message(message, notAdopted);
        return new Outcome(status, ref, message, obligations, ev);
    }

    private static void note(List<Indicative.Note> notes, String what, LocationRules.Adoption a) {
        if (!a.adopted() && notes.stream().noneMatch(n -> n.what().equals(what)))
            notes.add(new Indicative.Note(what, a.note(), a.noteNl()));
    }

    /** Whether a required input holds: true, false, or null when the request does not say. */
    private static Boolean holds(String condition, AssessmentRequest req) {
        return switch (condition) {
            case "employs_migrants" -> req.facts().employsMigrants();
            case "employer_erf" -> onErf(req.site(), req.facts().employerErf());
            default -> throw new IllegalStateException("unknown condition " + condition);
        };
    }

    /** The site lies on the erf when the erf covers it, allowing the API's 1 cm coordinate precision. */
    static Boolean onErf(Geometry site, Geometry erf) {
        if (erf == null) return null;
        return erf.buffer(0.01).covers(site);
    }

    private static Status status(String id) {
        return switch (id) {
            case "pass" -> Status.PASS;
            case "conditional" -> Status.CONDITIONAL;
            case "fail" -> Status.FAIL;
            default -> Status.UNKNOWN;
        };
    }

    private static String joinRefs(String a, String b) {
        List<String> out = new ArrayList<>();
        for (String part : (a + ", " + b).split(",\\s*")) if (!part.isEmpty() && !out.contains(part)) out.add(part);
        return String.join(", ", out);
    }
}
