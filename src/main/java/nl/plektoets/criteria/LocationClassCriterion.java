package nl.plektoets.criteria;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.plektoets.data.Role;
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

    public Decision decide(CriterionInput in) {
        AssessmentRequest req = in.request();
        LocationClassifier.Classification c = LocationClassifier.classify(req.site(), in.profile(), in.lookup());
        LocationClassifier.Piece chosen = null;
        LocationDecisionTable.Outcome outcome = null;
        List<Obligation> obligations = new ArrayList<>();
        for (LocationClassifier.Piece piece : c.pieces()) {
            LocationDecisionTable.Outcome o = LocationDecisionTable.decide(piece.locationClass(), req, in.profile());
            // every part's conditions hold for the site (a permit covers the whole of it)
            for (Obligation ob : o.obligations()) {
                if (obligations.stream().noneMatch(x -> x.id().equals(ob.id()))) obligations.add(ob);
            }
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
                        LocationDecisionTable.decide(p.locationClass(), req, in.profile())
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

    static int severity(Status s) {
        return switch (s) {
            case PASS -> 0;
            case CONDITIONAL -> 1;
            case UNKNOWN -> 2;
            case FAIL -> 3;
        };
    }
}
