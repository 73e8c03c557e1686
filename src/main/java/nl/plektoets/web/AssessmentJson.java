package nl.plektoets.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import nl.plektoets.assess.Assessment;
import nl.plektoets.criteria.CriterionResult;
import nl.plektoets.criteria.Message;
import nl.plektoets.criteria.Obligation;
import nl.plektoets.geo.ApiCrs;
import nl.plektoets.geo.GeoJson;
import nl.plektoets.geo.WorkingCrs;
import nl.plektoets.policy.PolicyReadings;
import org.locationtech.jts.geom.Geometry;

/** An assessment as the API and {@code plektoets assess --json} write it (the contract in docs/api.md). */
public final class AssessmentJson {
    private AssessmentJson() {}

    /**
     * verdict, verdictExplanation {nl, en}, locationClass, obligations [{id, criterion, policyRef, text {nl, en}}],
     * notChecked [{id, policyRef, text {nl, en}}], criteria [{id, status, policyRef, message {nl, en}, obligations,
     * evidence}], site (CRS84).
     */
    public static ObjectNode write(Assessment a, WorkingCrs workingCrs, ObjectMapper mapper) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("verdict", a.verdict().id());
        message(out.putObject("verdictExplanation"), a.verdict().explanation());
        out.put("locationClass", a.locationClass());
        ArrayNode all = out.putArray("obligations");
        for (Assessment.Stated s : a.obligations()) {
            ObjectNode o = all.addObject();
            o.put("id", s.obligation().id());
            o.put("criterion", s.criterion());
            o.put("policyRef", s.obligation().policyRef());
            message(o.putObject("text"), s.obligation().text());
        }
        ArrayNode notChecked = out.putArray("notChecked");
        for (PolicyReadings.Requirement r : a.notChecked()) {
            ObjectNode o = notChecked.addObject();
            o.put("id", r.id());
            o.put("policyRef", r.paragraph());
            message(o.putObject("text"), new Message(r.nl(), r.en()));
        }
        ArrayNode cs = out.putArray("criteria");
        for (CriterionResult c : a.criteria()) {
            ObjectNode o = cs.addObject();
            o.put("id", c.id());
            o.put("status", c.status().id());
            o.put("policyRef", c.policyRef());
            message(o.putObject("message"), c.message());
            ArrayNode obligations = o.putArray("obligations");
            for (Obligation ob : c.obligations()) {
                ObjectNode x = obligations.addObject();
                x.put("id", ob.id());
                x.put("policyRef", ob.policyRef());
                message(x.putObject("text"), ob.text());
            }
            o.set("evidence", evidence(c.evidence(), workingCrs, mapper));
        }
        out.set("site", GeoJson.write(a.site(), workingCrs, ApiCrs.CRS84));
        return out;
    }

    private static void message(ObjectNode o, Message m) {
        o.put("nl", m.nl());
        o.put("en", m.en());
    }

    /** Evidence values as JSON; geometries (working CRS) become CRS84 GeoJSON, like every geometry the API writes. */
    private static JsonNode evidence(Map<String, Object> evidence, WorkingCrs workingCrs, ObjectMapper mapper) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, Object> e : evidence.entrySet()) {
            Object v = e.getValue();
            o.set(
                    e.getKey(),
                    v instanceof Geometry g ? GeoJson.write(g, workingCrs, ApiCrs.CRS84) : mapper.valueToTree(v));
        }
        return o;
    }
}
