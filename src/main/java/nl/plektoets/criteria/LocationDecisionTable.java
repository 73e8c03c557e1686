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
        return cell(c, profile.locationRules().decide(c.id(), form, newBuild, 1), null, profile, null);
    }

    /**
     * The outcome for a request's form, new build and persons, its required inputs checked; {@code erf} is how the
     * request's employerErf compares with the erf layers ({@link EmployerErfMatch}, computed once per request).
     */
    public static Outcome decide(LocationClass c, AssessmentRequest req, PolicyProfile profile, EmployerErfMatch erf) {
        LocationRules.Cell cell = profile.locationRules().decide(c.id(), req.form(), req.newBuild(), req.persons());
        return cell(c, cell, req, profile, erf);
    }

    private static Outcome cell(
            LocationClass c, LocationRules.Cell cell, AssessmentRequest req, PolicyProfile p, EmployerErfMatch erf) {
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
                Held held = holds(cond, req, erf);
                checked.put(cond.id(), held.status().id());
                note(notAdopted, "locations.conditions." + cond.id(), cond.adoption());
                ref = joinRefs(ref, cond.paragraph());
                if (held.message() != null) {
                    nl.append(' ').append(held.message().nl());
                    en.append(' ').append(held.message().en());
                }
                if (held.status() != Status.PASS
                        && (worst == null
                                || LocationClassCriterion.severity(held.status())
                                        > LocationClassCriterion.severity(worst))) worst = held.status();
                // the initiator's undertaking, also where a planner still has to confirm it
                if (held.status() == Status.PASS || held.status() == Status.CONDITIONAL)
                    obligations.add(new Obligation(cond.id(), cond.paragraph(), new Message(cond.nl(), cond.en())));
            }
            ev.put("requires", checked);
            // a cell that fails anyway stays a fail; a missing input makes a pass or conditional unknown, an erf the
            // data cannot confirm makes a pass conditional
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

    /** A required input's status and the words it adds to the message (null: none). */
    private record Held(Status status, Message message) {}

    /**
     * Whether a required input holds: pass, fail, unknown when the request does not say. The employer's erf is
     * judged against the layer's erf it matches; a told erf the layers do not confirm is conditional (a planner
     * verifies) where the site lies on it, and unknown where there is no erf layer to check it against.
     */
    private static Held holds(LocationRules.Condition cond, AssessmentRequest req, EmployerErfMatch erf) {
        Message fail = new Message(cond.failNl(), cond.failEn());
        Message unknown = new Message(cond.unknownNl(), cond.unknownEn());
        return switch (cond.id()) {
            case "employs_migrants" -> {
                Boolean b = req.facts().employsMigrants();
                yield b == null
                        ? new Held(Status.UNKNOWN, unknown)
                        : b ? new Held(Status.PASS, null) : new Held(Status.FAIL, fail);
            }
            case "employer_erf" -> {
                if (erf == null) erf = EmployerErfMatch.NOT_TOLD;
                if (req.facts().employerErf() == null || erf.result() == EmployerErfMatch.Result.NOT_TOLD)
                    yield new Held(Status.UNKNOWN, unknown);
                boolean on = onErf(req.site(), erf.judged());
                yield switch (erf.result()) {
                    case MATCH -> on ? new Held(Status.PASS, null) : new Held(Status.FAIL, fail);
                    case NO_MATCH ->
                        on
                                ? new Held(Status.CONDITIONAL, erf.unconfirmed())
                                : new Held(Status.FAIL, join(fail, erf.found()));
                    case NO_ERF_LAYER -> on ? new Held(Status.UNKNOWN, erf.notChecked()) : new Held(Status.FAIL, fail);
                    case NOT_TOLD -> new Held(Status.UNKNOWN, unknown);
                };
            }
            default -> throw new IllegalStateException("unknown condition " + cond.id());
        };
    }

    private static Message join(Message a, Message b) {
        return new Message(a.nl() + " " + b.nl(), a.en() + " " + b.en());
    }

    /** The site lies on the erf when the erf covers it, allowing the API's 1 cm coordinate precision. */
    static Boolean onErf(Geometry site, Geometry erf) {
        if (erf == null) return null;
        // a point needs no buffer of a BGT erf of hundreds of vertices: within 1 cm of it is the same test
        if (site instanceof org.locationtech.jts.geom.Point) return erf.covers(site) || erf.distance(site) <= 0.01;
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
