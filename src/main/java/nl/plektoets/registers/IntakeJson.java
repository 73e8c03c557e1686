package nl.plektoets.registers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import nl.plektoets.registers.IntakeCase.Advice;
import nl.plektoets.registers.IntakeCase.AdviceKind;
import nl.plektoets.registers.IntakeCase.CaseDocument;
import nl.plektoets.registers.IntakeCase.Discipline;
import nl.plektoets.registers.IntakeCase.DocumentStatus;
import nl.plektoets.registers.IntakeCase.Outcome;

/** The intake case as register JSON (what the audit log keeps and a change is merged into), field by field. */
public final class IntakeJson {
    private IntakeJson() {}

    public static ObjectNode toJson(IntakeCase c) {
        ObjectNode o = RegisterJson.MAPPER.createObjectNode();
        o.put("id", c.id());
        o.put("version", c.version());
        o.put("initiativeId", c.initiativeId());
        o.put("caseOwner", c.caseOwner());
        o.put("meetingOn", c.meetingOn() == null ? null : c.meetingOn().toString());
        o.set("disciplines", disciplinesToJson(c.disciplines()));
        o.set("advice", adviceToJson(c.advice()));
        o.put("outcome", c.outcome() == null ? null : c.outcome().id());
        o.put("procedure", c.procedure() == null ? null : c.procedure().id());
        o.set("documents", documentsToJson(c.documents()));
        o.put("notes", c.notes());
        o.put("createdAt", c.createdAt() == null ? null : c.createdAt().toString());
        o.put("createdBy", c.createdBy());
        o.put("updatedAt", c.updatedAt() == null ? null : c.updatedAt().toString());
        o.put("updatedBy", c.updatedBy());
        return o;
    }

    public static IntakeCase fromJson(JsonNode o) {
        JsonNode initiative = o.get("initiativeId");
        if (initiative != null && !initiative.isNull() && !initiative.isIntegralNumber())
            throw InvalidEntryException.malformed("initiativeId", "initiativeId must be the number of an initiative");
        return new IntakeCase(
                o.path("id").asLong(0),
                o.path("version").asLong(0),
                o.path("initiativeId").asLong(0),
                RegisterJson.text(o, "caseOwner"),
                RegisterJson.date(o, "meetingOn"),
                disciplinesFromJson(o.get("disciplines")),
                adviceFromJson(o.get("advice")),
                RegisterJson.code(o, "outcome", Outcome.values(), Outcome::id),
                RegisterJson.code(o, "procedure", IntakeCase.Procedure.values(), IntakeCase.Procedure::id),
                documentsFromJson(o.get("documents")),
                RegisterJson.text(o, "notes"),
                RegisterJson.instant(o, "createdAt"),
                RegisterJson.text(o, "createdBy"),
                RegisterJson.instant(o, "updatedAt"),
                RegisterJson.text(o, "updatedBy"));
    }

    public static ArrayNode disciplinesToJson(List<Discipline> ds) {
        ArrayNode a = RegisterJson.MAPPER.createArrayNode();
        for (Discipline d : ds) a.add(d.id());
        return a;
    }

    public static ArrayNode adviceToJson(List<Advice> advice) {
        ArrayNode a = RegisterJson.MAPPER.createArrayNode();
        for (Advice x : advice) {
            a.addObject()
                    .put("discipline", x.discipline().id())
                    .put("advice", x.kind().id())
                    .put("text", x.text());
        }
        return a;
    }

    public static ArrayNode documentsToJson(List<CaseDocument> docs) {
        ArrayNode a = RegisterJson.MAPPER.createArrayNode();
        for (CaseDocument d : docs) {
            a.addObject()
                    .put("id", d.id())
                    .put("status", d.status().id())
                    .put("date", d.on() == null ? null : d.on().toString());
        }
        return a;
    }

    public static List<Discipline> disciplinesFromJson(JsonNode a) {
        List<Discipline> out = new ArrayList<>();
        for (JsonNode n : array(a, "disciplines")) {
            Discipline d =
                    RegisterJson.code(wrap("disciplines", n), "disciplines", Discipline.values(), Discipline::id);
            if (d == null) throw InvalidEntryException.malformed("disciplines", "disciplines holds an empty entry");
            if (!out.contains(d)) out.add(d);
        }
        return out;
    }

    public static List<Advice> adviceFromJson(JsonNode a) {
        List<Advice> out = new ArrayList<>();
        for (JsonNode n : array(a, "advice")) {
            if (!n.isObject())
                throw InvalidEntryException.malformed("advice", "advice is a list of {discipline, advice, text}");
            out.add(new Advice(
                    RegisterJson.code(n, "discipline", Discipline.values(), Discipline::id),
                    RegisterJson.code(n, "advice", AdviceKind.values(), AdviceKind::id),
                    prose(n, "text")));
        }
        return out;
    }

    public static List<CaseDocument> documentsFromJson(JsonNode a) {
        List<CaseDocument> out = new ArrayList<>();
        for (JsonNode n : array(a, "documents")) {
            if (!n.isObject())
                throw InvalidEntryException.malformed("documents", "documents is a list of {id, status, date}");
            out.add(new CaseDocument(
                    RegisterJson.text(n, "id"),
                    RegisterJson.code(n, "status", DocumentStatus.values(), DocumentStatus::id),
                    RegisterJson.date(n, "date")));
        }
        return out;
    }

    /** An advice's text is prose, as long as notes may be. */
    static String prose(JsonNode o, String field) {
        JsonNode n = o.get(field);
        if (n == null || n.isNull()) return null;
        if (!n.isTextual()) throw InvalidEntryException.malformed(field, field + " must be a string");
        if (n.asText().length() > RegisterJson.NOTES_MAX_CHARS) {
            throw InvalidEntryException.malformed(
                    field, field + " is longer than " + RegisterJson.NOTES_MAX_CHARS + " characters");
        }
        String s = n.asText().strip();
        return s.isEmpty() ? null : s;
    }

    private static Iterable<JsonNode> array(JsonNode a, String field) {
        if (a == null || a.isNull()) return List.of();
        if (!a.isArray()) throw InvalidEntryException.malformed(field, field + " must be a list");
        return a;
    }

    private static JsonNode wrap(String field, JsonNode value) {
        return RegisterJson.MAPPER.createObjectNode().set(field, value);
    }
}
