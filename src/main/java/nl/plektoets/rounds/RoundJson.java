package nl.plektoets.rounds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.plektoets.policy.RoundPolicy;
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
        o.put("status", r.status());
        ApplicationRound.Decision d = r.decision();
        if (d == null) o.putNull("decision");
        else
            // the kept ranking is served by .../ranking; its hash here pins it in every answer and audit row
            o.putObject("decision")
                    .put("decidedOn", String.valueOf(d.decidedOn()))
                    .put("reference", d.reference())
                    .put("recordedBy", d.recordedBy())
                    .put("recordedAt", String.valueOf(d.recordedAt()))
                    .put("rankingSha256", sha256(d.ranking().toString()));
        return o;
    }

    /** A kept JSON text (a decided ranking) as a tree. */
    public static JsonNode parse(String text) {
        try {
            return RegisterJson.MAPPER.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a kept ranking is no JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** The SHA-256 (hex) of a kept ranking's JSON text, as the store keeps it. */
    public static String sha256(String text) {
        try {
            byte[] h = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(h);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The ranking of a round as the API answers it (without the round itself): the policy and its round rules it was
     * computed under, the places with what is left, the tie rule, and per ranked entry its points with the notes and
     * evidence, the total, the allocation and its reason. Also what a decision keeps, so the CSV and the PDF of a
     * decided round are written from the same JSON as at the decision.
     */
    public static ObjectNode ranking(
            RoundPolicy policy, ApplicationRound round, Ranking.Result result, String policyTitle) {
        ObjectNode o = RegisterJson.MAPPER.createObjectNode();
        o.putObject("policy").put("id", round.policyId()).put("title", policyTitle);
        o.put("policyRef", policy.paragraph());
        o.put("adopted", policy.adopted());
        if (policy.adoptedNote() != null) o.put("adoptedNote", policy.adoptedNote());
        o.set("rules", rules(policy));
        ArrayNode places = o.putArray("places");
        for (ApplicationRound.Places p : round.places())
            places.addObject()
                    .put("category", p.category())
                    .put("cap", p.cap())
                    .put("held", p.held())
                    .put("available", p.available())
                    .put("left", result.left().getOrDefault(p.category(), 0));
        o.putObject("tieRule")
                .put("nl", policy.tieBreak().nl())
                .put("en", policy.tieBreak().en());
        ArrayNode rows = o.putArray("ranking");
        for (Ranking.Row row : result.rows()) {
            RoundEntry e = row.entry();
            ObjectNode x = rows.addObject()
                    .put("rank", row.rank())
                    .put("entryId", e.id())
                    .put("entryVersion", e.version())
                    .put("initiativeId", e.initiativeId())
                    .put("initiator", e.initiator())
                    .put("category", e.category())
                    .put("persons", e.persons())
                    .put("submittedAt", e.submittedAt().toString())
                    .put("total", row.total())
                    .put("complete", row.complete());
            ArrayNode missing = x.putArray("missing");
            row.missing().forEach(missing::add);
            ArrayNode pts = x.putArray("points");
            for (Ranking.Points p : row.points()) {
                ObjectNode pt = pts.addObject()
                        .put("criterion", p.criterion().id())
                        .put("kind", p.criterion().kind().id());
                if (p.points() == null) pt.putNull("points");
                else pt.put("points", p.points());
                pt.put("weighted", p.weighted());
                if (p.missing() != null) pt.put("missing", p.missing());
                RoundEntry.Score s = e.scores().get(p.criterion().id());
                if (s != null) pt.put("note", s.note()).put("by", s.by()).put("at", String.valueOf(s.at()));
                if (p.criterion().kind() == RoundPolicy.Kind.EMPLOYER_DISTANCE && e.distance() != null)
                    pt.set("evidence", e.distance());
                if (p.criterion().kind() == RoundPolicy.Kind.COUNT && e.dwellingsReturned() != null)
                    pt.put("entered", e.dwellingsReturned());
            }
            if (row.tieBrokenBy() == null) x.putNull("tieBrokenBy");
            else x.put("tieBrokenBy", row.tieBrokenBy());
            x.put("allocated", row.allocated());
            x.putObject("reason").put("nl", row.reasonNl()).put("en", row.reasonEn());
        }
        return o;
    }

    /** The round block as the answer states it: criteria with weight, scale, paragraph, adoption; the tie rule. */
    public static ObjectNode rules(RoundPolicy p) {
        ObjectNode o = RegisterJson.MAPPER.createObjectNode();
        o.put("policyRef", p.paragraph());
        o.put("adopted", p.adopted());
        if (p.adoptedNote() != null) o.put("adoptedNote", p.adoptedNote());
        ArrayNode categories = o.putArray("categories");
        p.categories().forEach(categories::add);
        ArrayNode criteria = o.putArray("criteria");
        for (RoundPolicy.Criterion c : p.criteria()) {
            ObjectNode x = criteria.addObject()
                    .put("id", c.id())
                    .put("kind", c.kind().id())
                    .put("weight", c.weight())
                    .put("minPoints", c.minPoints())
                    .put("maxPoints", c.maxPoints())
                    .put("policyRef", c.paragraph());
            x.putObject("name").put("nl", c.nl()).put("en", c.en());
            x.put("adopted", c.adopted());
            if (c.adoptedNote() != null) x.put("adoptedNote", c.adoptedNote());
            if (c.kind() == RoundPolicy.Kind.EMPLOYER_DISTANCE) {
                ArrayNode bands = x.putArray("bands");
                for (RoundPolicy.Band b : c.bands())
                    bands.addObject().put("maxKm", b.maxKm()).put("points", b.points());
            }
            if (c.kind() == RoundPolicy.Kind.COUNT) x.put("pointsPerUnit", c.pointsPerUnit());
        }
        RoundPolicy.TieBreak t = p.tieBreak();
        ObjectNode tie = o.putObject("tieBreak");
        ArrayNode order = tie.putArray("order");
        t.order().forEach(k -> order.add(k.id()));
        tie.putObject("rule").put("nl", t.nl()).put("en", t.en());
        tie.put("policyRef", t.paragraph());
        tie.put("adopted", t.adopted());
        if (t.note() != null) tie.put("adoptedNote", t.note());
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
