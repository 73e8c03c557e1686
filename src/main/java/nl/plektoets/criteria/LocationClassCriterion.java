package nl.plektoets.criteria;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.plektoets.data.Role;
import nl.plektoets.policy.PolicyProfile;
import nl.plektoets.request.AssessmentRequest;

/**
 * §5.1.2 housing locations: classifies the site ({@link LocationClassifier}) and applies the decision table
 * ({@link LocationDecisionTable}) for the requested form and new build. A polygon site spanning several classes gets
 * the most restrictive outcome (fail, then unknown, then conditional, then pass; among equals the largest part), and
 * the message says so. If a layer the decision needed is empty, the status is unknown.
 */
public final class LocationClassCriterion implements Criterion {
    public static final String ID = "location_class";

    /** The class that decided and the criterion's result. */
    public record Decision(LocationClass locationClass, CriterionResult result) {}

    @Override
    public String id() {
        return ID;
    }

    @Override
    public CriterionResult evaluate(CriterionInput input) {
        return decide(input).result();
    }

    /**
     * What the criterion reads of a profile's location rules, once per profile (one per served state) instead of per
     * request: the layers that are an erf, and whether a rule asks for the employer's erf.
     */
    private record Rules(PolicyProfile profile, List<Role> erfRoles, boolean asksEmployerErf) {
        static Rules of(PolicyProfile p) {
            return new Rules(
                    p,
                    LocationClassifier.erfRoles(p),
                    p.locationRules().requiredInputs().contains("employer_erf"));
        }
    }

    private volatile Rules rules;

    private Rules rules(PolicyProfile p) {
        Rules r = rules;
        if (r == null || r.profile() != p) {
            r = Rules.of(p);
            rules = r;
        }
        return r;
    }

    public Decision decide(CriterionInput in) {
        AssessmentRequest req = in.request();
        Rules rules = rules(in.profile());
        LocationClassifier.Classification c =
                LocationClassifier.classify(req.site(), in.profile(), in.lookup(), rules.erfRoles());
        EmployerErfMatch erf = employerErf(in, rules);
        LocationClassifier.Piece chosen = null;
        LocationDecisionTable.Outcome outcome = null;
        List<Obligation> obligations = new ArrayList<>();
        for (LocationClassifier.Piece piece : c.pieces()) {
            LocationDecisionTable.Outcome o =
                    LocationDecisionTable.decide(piece.locationClass(), req, in.profile(), erf);
            // every part's conditions hold for the site (a permit covers the whole of it)
            for (Obligation ob : o.obligations()) if (!hasId(obligations, ob.id())) obligations.add(ob);
            if (outcome == null
                    || severity(o.status()) > severity(outcome.status())
                    || (severity(o.status()) == severity(outcome.status()) && piece.areaM2() > chosen.areaM2())) {
                chosen = piece;
                outcome = o;
            }
        }
        Map<String, Object> ev = new LinkedHashMap<>();
        ev.put("locationClass", chosen.locationClass().id());
        ev.put("form", Evidence.id(req.form()));
        ev.put("newBuild", req.newBuild());
        ev.putAll(chosen.evidence());
        ev.putAll(outcome.evidence());
        Message message = outcome.message();
        Status status = outcome.status();
        String policyRef = outcome.policyRef();
        if (c.pieces().size() > 1) {
            // overlapping pieces (both rules) are shares of the site; otherwise of the classified parts
            double total = c.both().isEmpty()
                    ? c.pieces().stream()
                            .mapToDouble(LocationClassifier.Piece::areaM2)
                            .sum()
                    : req.site().getArea();
            List<Map<String, Object>> parts = new ArrayList<>();
            StringBuilder nl = new StringBuilder(), en = new StringBuilder();
            for (LocationClassifier.Piece p : c.pieces()) {
                Map<String, Object> part = new LinkedHashMap<>();
                part.put("locationClass", p.locationClass().id());
                part.put("areaM2", p.areaM2());
                part.put(
                        "status",
                        LocationDecisionTable.decide(p.locationClass(), req, in.profile(), erf)
                                .status()
                                .id());
                parts.add(part);
                String percent = total > 0 ? " " + Math.round(100 * p.areaM2() / total) + "%" : "";
                nl.append(nl.length() == 0 ? "" : ", ")
                        .append(p.locationClass().nl())
                        .append(percent);
                en.append(en.length() == 0 ? "" : ", ")
                        .append(p.locationClass().en())
                        .append(percent);
            }
            ev.put("pieces", parts);
            if (!c.both().isEmpty()) {
                message = bothRules(c, in, message);
                ev.put("bothRules", c.both().stream().map(LocationClass::id).toList());
                ev.put(
                        "reading",
                        in.profile().readings().agriculturalInBuiltUp().value().id());
                policyRef = joinRefs(
                        policyRef,
                        in.profile().readings().agriculturalInBuiltUp().paragraph());
            } else {
                message = new Message(
                        "Het terrein ligt in meerdere locatieklassen (" + nl + "); de strengste geldt: "
                                + lowerFirst(message.nl()),
                        "The site spans several location classes (" + en + "); the most" + " restrictive applies: "
                                + lowerFirst(message.en()));
            }
        }
        if (erf.result() != EmployerErfMatch.Result.NOT_TOLD) {
            ev.put("employerErf", erf.evidence());
            Status before = status;
            message = erfOffTheLayers(c, erf, outcome, in, message);
            if (erf.result() == EmployerErfMatch.Result.NO_ERF_LAYER
                    && before == Status.FAIL
                    && onlyFailsOffAnErf(c, in, erf)) status = Status.UNKNOWN;
        }
        if (!c.missingData().isEmpty() && status != Status.FAIL) {
            List<String> roles = c.missingData().stream().map(Role::id).toList();
            ev.put("missingLayers", roles);
            status = Status.UNKNOWN;
            String nl = String.join(", ", c.missingData().stream().map(Role::nl).toList());
            String en = String.join(", ", c.missingData().stream().map(Role::en).toList());
            message = new Message(
                    "Gegevens ontbreken (" + nl + "): de locatieklasse kan anders zijn. Met de"
                            + " beschikbare gegevens: " + lowerFirst(message.nl()),
                    "Data is missing (" + en + "): the location" + " class may differ. With the data at hand: "
                            + lowerFirst(message.en()));
        }
        return new Decision(
                chosen.locationClass(), new CriterionResult(ID, status, policyRef, message, ev, obligations));
    }

    /**
     * How the request's employerErf compares with the erf layers, computed once per request and only under a profile
     * whose rules ask for it (Hardenberg's answers do not change).
     */
    private static EmployerErfMatch employerErf(CriterionInput in, Rules rules) {
        if (!rules.asksEmployerErf()) return EmployerErfMatch.NOT_TOLD;
        return EmployerErfMatch.of(in.request().facts().employerErf(), rules.erfRoles(), in.lookup());
    }

    /**
     * Where the site is not on an erf of the layers, the erf condition was not asked; the message still says what
     * the told erf is: no erf of the layers (what it covers), or not checked for want of an erf layer.
     */
    private static Message erfOffTheLayers(
            LocationClassifier.Classification c,
            EmployerErfMatch erf,
            LocationDecisionTable.Outcome outcome,
            CriterionInput in,
            Message message) {
        if (outcome.evidence().get("requires") instanceof Map<?, ?> m && m.containsKey("employer_erf")) return message;
        Message more = switch (erf.result()) {
            case NO_MATCH -> erf.found();
            case NO_ERF_LAYER -> erf.notChecked();
            default -> null;
        };
        return more == null
                ? message
                : new Message(
                        beforeIndicative(message.nl(), more.nl(), " Indicatief, niet vastgesteld: "),
                        beforeIndicative(message.en(), more.en(), " Indicative, not adopted: "));
    }

    /** The sentence goes with the rule's text, before the closing note on what is not adopted. */
    private static String beforeIndicative(String text, String sentence, String marker) {
        int at = text.lastIndexOf(marker);
        return at < 0 ? text + " " + sentence : text.substring(0, at) + " " + sentence + text.substring(at);
    }

    /**
     * Without any erf layer the class cannot be an erf, so the rule for the rest may fail where an erf layer would
     * have put the site on the employer's erf. That fail rests on missing data, not on the data: when the site lies
     * on the told erf, in no village (the stricter reading fails there anyway), and the erf rule itself would not
     * fail, the answer is unknown, as any answer with missing layers is.
     */
    private static boolean onlyFailsOffAnErf(
            LocationClassifier.Classification c, CriterionInput in, EmployerErfMatch erf) {
        if (c.pieces().stream().anyMatch(p -> p.locationClass() == LocationClass.BUILT_UP_AREA)) return false;
        if (!Boolean.TRUE.equals(LocationDecisionTable.onErf(in.request().site(), erf.judged()))) return false;
        return LocationDecisionTable.decide(LocationClass.AGRICULTURAL_PLOT, in.request(), in.profile(), erf)
                        .status()
                != Status.FAIL;
    }

    /**
     * A plot of the employer inside the built-up area: the location rule may name both (Hardenberg §5.1.2: "het
     * terrein van de (agrarische) werkgever" and "in de bebouwde kom via kamerverhuur"); under the profile's reading
     * the stricter outcome applies, and the message leads with the profile's {@code locations.both_rules} (naming both
     * rules and the reading) before the decided outcome.
     */
    private static Message bothRules(LocationClassifier.Classification c, CriterionInput in, Message decided) {
        var lead = in.profile().locationRules().bothRules();
        return new Message(lead.nl() + " " + lowerFirst(decided.nl()), lead.en() + " " + lowerFirst(decided.en()));
    }

    private static String joinRefs(String a, String b) {
        List<String> out = new ArrayList<>();
        for (String part : (a + ", " + b).split(",\\s*")) if (!out.contains(part)) out.add(part);
        return String.join(", ", out);
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    /** Whether an obligation with this id is in the list (a loop: a stream per obligation was a tenth of this criterion). */
    private static boolean hasId(List<Obligation> obligations, String id) {
        for (int k = 0; k < obligations.size(); k++) if (obligations.get(k).id().equals(id)) return true;
        return false;
    }

    static int severity(Status s) {
        return switch (s) {
            case PASS -> 0;
            case CONDITIONAL -> 1;
            case UNKNOWN -> 2;
            case FAIL -> 3;
        };
    }
}
