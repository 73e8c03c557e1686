package nl.plektoets.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import nl.plektoets.assess.Assessment;
import nl.plektoets.criteria.CriterionResult;
import nl.plektoets.geo.ApiCrs;
import nl.plektoets.geo.GeoJson;
import nl.plektoets.geo.WorkingCrs;
import org.locationtech.jts.geom.Geometry;

/** An assessment as the API and {@code plektoets assess --json} write it (the contract in the README). */
public final class AssessmentJson {
    private AssessmentJson() {
    }

    /** verdict, locationClass, criteria [{id, status, policyRef, message {nl, en}, evidence}], site (CRS84). */
    public static ObjectNode write(Assessment a, WorkingCrs workingCrs, ObjectMapper mapper) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("verdict", a.verdict().id());
        out.put("locationClass", a.locationClass());
        ArrayNode cs = out.putArray("criteria");
        for (CriterionResult c : a.criteria()) {
            ObjectNode o = cs.addObject();
            o.put("id", c.id());
            o.put("status", c.status().id());
            o.put("policyRef", c.policyRef());
            ObjectNode m = o.putObject("message");
            m.put("nl", c.message().nl());
            m.put("en", c.message().en());
            o.set("evidence", evidence(c.evidence(), workingCrs, mapper));
        }
        out.set("site", GeoJson.write(a.site(), workingCrs, ApiCrs.CRS84));
        return out;
    }

    /** Evidence values as JSON; geometries (working CRS) become CRS84 GeoJSON, like every geometry the API writes. */
    private static JsonNode evidence(Map<String, Object> evidence, WorkingCrs workingCrs, ObjectMapper mapper) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, Object> e : evidence.entrySet()) {
            Object v = e.getValue();
            o.set(e.getKey(), v instanceof Geometry g ? GeoJson.write(g, workingCrs, ApiCrs.CRS84) : mapper.valueToTree(v));
        }
        return o;
    }
}
