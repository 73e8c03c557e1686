package nl.plektoets.criteria;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.plektoets.assess.AssessmentRequest;
import nl.plektoets.data.Role;

/**
 * §5.1.2 housing locations: classifies the site ({@link LocationClassifier}) and applies the decision table
 * ({@link LocationDecisionTable}) for the requested form and new build. A polygon site spanning several classes gets
 * the most restrictive outcome (fail, then unknown, then conditional, then pass; among equals the largest part), and
 * the message says so. If a layer the decision needed is empty, the status is unknown.
 */
public final class LocationClassCriterion implements Criterion {
    public static final String ID = "location_class";

    /** The class that decided and the criterion's result. */
    public record Decision(LocationClass locationClass, CriterionResult result) {
    }

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
        for (LocationClassifier.Piece piece : c.pieces()) {
            LocationDecisionTable.Outcome o = LocationDecisionTable.decide(piece.locationClass(), req.form(), req.newBuild());
            if (outcome == null || severity(o.status()) > severity(outcome.status())
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
        Message message = outcome.message();
        Status status = outcome.status();
        if (c.pieces().size() > 1) {
            double total = c.pieces().stream().mapToDouble(LocationClassifier.Piece::areaM2).sum();
            List<Map<String, Object>> parts = new ArrayList<>();
            StringBuilder nl = new StringBuilder(), en = new StringBuilder();
            for (LocationClassifier.Piece p : c.pieces()) {
                Map<String, Object> part = new LinkedHashMap<>();
                part.put("locationClass", p.locationClass().id());
                part.put("areaM2", p.areaM2());
                part.put("status", LocationDecisionTable.decide(p.locationClass(), req.form(), req.newBuild()).status().id());
                parts.add(part);
                long percent = Math.round(100 * p.areaM2() / total);
                nl.append(nl.length() == 0 ? "" : ", ").append(p.locationClass().nl()).append(' ').append(percent).append('%');
                en.append(en.length() == 0 ? "" : ", ").append(p.locationClass().en()).append(' ').append(percent).append('%');
            }
            ev.put("pieces", parts);
            message = new Message("Het terrein ligt in meerdere locatieklassen (" + nl + "); de strengste geldt: "
                    + lowerFirst(message.nl()), "The site spans several location classes (" + en + "); the most"
                    + " restrictive applies: " + lowerFirst(message.en()));
        }
        if (!c.missingData().isEmpty() && status != Status.FAIL) {
            List<String> roles = c.missingData().stream().map(Role::id).toList();
            ev.put("missingLayers", roles);
            status = Status.UNKNOWN;
            String nl = String.join(", ", c.missingData().stream().map(Role::nl).toList());
            String en = String.join(", ", c.missingData().stream().map(Role::en).toList());
            message = new Message("Gegevens ontbreken (" + nl + "): de locatieklasse kan anders zijn. Met de"
                    + " beschikbare gegevens: " + lowerFirst(message.nl()), "Data is missing (" + en + "): the location"
                    + " class may differ. With the data at hand: " + lowerFirst(message.en()));
        }
        return new Decision(chosen.locationClass(), new CriterionResult(ID, status, outcome.policyRef(), message, ev));
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
