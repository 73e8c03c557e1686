package nl.plektoets.rounds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.plektoets.registers.RegisterJson;

/** Rounds and entries as JSON: the API's answer, the audit trail's before/after, and the stores' JSON columns. */
public final class RoundJson {
    private RoundJson() {}

    public static ObjectNode toJson(ApplicationRound r) {
        ObjectNode o = RegisterJson.MAPPER.createObjectNode();
        o.put("id", r.id());
        o.put("version", r.version());
        o.put("name", r.name());
        o.put("opensOn", String.valueOf(r.opensOn()));
        o.put("closesOn", String.valueOf(r.closesOn()));
        o.put("policy", r.policyId());
        o.set("places", placesToJson(r.places()));
        o.put("notes", r.notes());
        stamps(o, r.createdAt(), r.createdBy(), r.updatedAt(), r.updatedBy());
        return o;
    }

    public static ObjectNode toJson(RoundEntry e) {
        ObjectNode o = RegisterJson.MAPPER.createObjectNode();
        o.put("id", e.id());
        o.put("version", e.version());
        o.put("roundId", e.roundId());
        o.put("initiativeId", e.initiativeId());
        o.put("category", e.category());
        o.put("persons", e.persons());
        o.put("initiator", e.initiator());
        o.put("submittedAt", String.valueOf(e.submittedAt()));
        o.set("employers", employersToJson(e.employers()));
        if (e.dwellingsReturned() == null) o.putNull("dwellingsReturned");
        else o.put("dwellingsReturned", e.dwellingsReturned());
        o.set("scores", scoresToJson(e.scores()));
        o.set("distance", e.distance() == null ? RegisterJson.MAPPER.nullNode() : e.distance());
        o.put("notes", e.notes());
        stamps(o, e.createdAt(), e.createdBy(), e.updatedAt(), e.updatedBy());
        return o;
    }

    private static void stamps(ObjectNode o, Instant createdAt, String createdBy, Instant updatedAt, String updatedBy) {
        o.put("createdAt", String.valueOf(createdAt));
        o.put("createdBy", createdBy);
        o.put("updatedAt", String.valueOf(updatedAt));
        o.put("updatedBy", updatedBy);
    }

    public static ArrayNode placesToJson(List<ApplicationRound.Places> places) {
        ArrayNode a = RegisterJson.MAPPER.createArrayNode();
        for (ApplicationRound.Places p : places)
            a.addObject()
                    .put("category", p.category())
                    .put("cap", p.cap())
                    .put("held", p.held())
                    .put("available", p.available());
        return a;
    }

    public static List<ApplicationRound.Places> placesFromJson(JsonNode a) {
        List<ApplicationRound.Places> out = new ArrayList<>();
        if (a != null)
            for (JsonNode p : a)
                out.add(new ApplicationRound.Places(
                        p.path("category").asText(),
                        p.path("cap").asInt(),
                        p.path("held").asInt(),
                        p.path("available").asInt()));
        return out;
    }

    public static ArrayNode employersToJson(List<RoundEntry.EmployerPoint> employers) {
        ArrayNode a = RegisterJson.MAPPER.createArrayNode();
        for (RoundEntry.EmployerPoint p : employers) {
            ObjectNode o = a.addObject().put("name", p.name());
            if (p.address() != null) o.put("address", p.address());
            o.putArray("rd").add(p.x()).add(p.y());
            o.put("workers", p.workers());
        }
        return a;
    }

    public static List<RoundEntry.EmployerPoint> employersFromJson(JsonNode a) {
        List<RoundEntry.EmployerPoint> out = new ArrayList<>();
        if (a != null)
            for (JsonNode p : a)
                out.add(new RoundEntry.EmployerPoint(
                        p.path("name").asText(null),
                        p.path("address").asText(null),
                        p.path("rd").path(0).asDouble(),
                        p.path("rd").path(1).asDouble(),
                        p.path("workers").asInt()));
        return out;
    }

    public static ObjectNode scoresToJson(Map<String, RoundEntry.Score> scores) {
        ObjectNode o = RegisterJson.MAPPER.createObjectNode();
        for (Map.Entry<String, RoundEntry.Score> s : new TreeMap<>(scores).entrySet())
            o.putObject(s.getKey())
                    .put("points", s.getValue().points())
                    .put("note", s.getValue().note())
                    .put("by", s.getValue().by())
                    .put("at", String.valueOf(s.getValue().at()));
        return o;
    }

    public static Map<String, RoundEntry.Score> scoresFromJson(JsonNode o) {
        Map<String, RoundEntry.Score> out = new TreeMap<>();
        if (o != null)
            o.fields()
                    .forEachRemaining(f -> out.put(
                            f.getKey(),
                            new RoundEntry.Score(
                                    f.getValue().path("points").asInt(),
                                    f.getValue().path("note").asText(null),
                                    f.getValue().path("by").asText(null),
                                    f.getValue().hasNonNull("at")
                                            ? Instant.parse(
                                                    f.getValue().get("at").asText())
                                            : null)));
        return out;
    }
}
