package nl.plektoets.registers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import nl.plektoets.registers.HousingLocation.Agreement;
import nl.plektoets.registers.HousingLocation.Inspection;
import nl.plektoets.request.HousingForm;
import org.locationtech.jts.io.WKTWriter;

/** Housing locations and their signals as register JSON (sites as WKT in RD New, as {@link RegisterJson}). */
public final class LocationJson {
    private LocationJson() {}

    public static ObjectNode toJson(HousingLocation l) {
        ObjectNode o = RegisterJson.MAPPER.createObjectNode();
        o.put("id", l.id());
        o.put("version", l.version());
        o.put("site", l.site() == null ? null : new WKTWriter().write(l.site()));
        o.put("name", l.name());
        o.put("village", l.village());
        o.put("provider", l.provider());
        o.put("form", l.form() == null ? null : l.form().id());
        o.put("capacity", l.capacity());
        if (l.initiativeId() > 0) o.put("initiativeId", l.initiativeId());
        else o.putNull("initiativeId");
        o.put("existing", l.existing());
        o.put("permit", l.permit());
        o.set("agreements", agreementsToJson(l.agreements()));
        o.put("snfCertificate", l.snfCertificate());
        o.put("snfExpires", l.snfExpires() == null ? null : l.snfExpires().toString());
        o.set("nightRegister", monthsToJson(l.nightRegister()));
        o.set("inspections", inspectionsToJson(l.inspections()));
        o.put("status", l.status() == null ? null : l.status().id());
        o.put("notes", l.notes());
        meta(o, l.createdAt(), l.createdBy(), l.updatedAt(), l.updatedBy());
        return o;
    }

    public static HousingLocation locationFromJson(JsonNode o) {
        return new HousingLocation(
                o.path("id").asLong(0),
                o.path("version").asLong(0),
                RegisterJson.wkt(o, "site"),
                RegisterJson.text(o, "name"),
                RegisterJson.text(o, "village"),
                RegisterJson.text(o, "provider"),
                RegisterJson.code(o, "form", HousingForm.values(), HousingForm::id),
                RegisterJson.integer(o, "capacity"),
                o.path("initiativeId").isIntegralNumber()
                        ? o.get("initiativeId").asLong()
                        : 0,
                o.path("existing").asBoolean(false),
                RegisterJson.text(o, "permit"),
                agreementsFromJson(o.get("agreements")),
                RegisterJson.text(o, "snfCertificate"),
                RegisterJson.date(o, "snfExpires"),
                monthsFromJson(o.get("nightRegister")),
                inspectionsFromJson(o.get("inspections")),
                RegisterJson.code(o, "status", HousingLocation.Status.values(), HousingLocation.Status::id),
                RegisterJson.text(o, "notes"),
                RegisterJson.instant(o, "createdAt"),
                RegisterJson.text(o, "createdBy"),
                RegisterJson.instant(o, "updatedAt"),
                RegisterJson.text(o, "updatedBy"));
    }

    public static ObjectNode toJson(LocationSignal s) {
        ObjectNode o = RegisterJson.MAPPER.createObjectNode();
        o.put("id", s.id());
        o.put("version", s.version());
        o.put("locationId", s.locationId());
        o.put("receivedOn", s.receivedOn() == null ? null : s.receivedOn().toString());
        o.put("source", s.source() == null ? null : s.source().id());
        o.put("category", s.category() == null ? null : s.category().id());
        o.put("description", s.description());
        o.put("followUp", s.followUp());
        o.put("followUpBy", s.followUpBy());
        o.put("status", s.status() == null ? null : s.status().id());
        o.put("viaPublicForm", s.viaPublicForm());
        meta(o, s.createdAt(), s.createdBy(), s.updatedAt(), s.updatedBy());
        return o;
    }

    public static LocationSignal signalFromJson(JsonNode o) {
        JsonNode loc = o.get("locationId");
        if (loc != null && !loc.isNull() && !loc.isIntegralNumber())
            throw InvalidEntryException.malformed("locationId", "locationId must be the number of a location");
        return new LocationSignal(
                o.path("id").asLong(0),
                o.path("version").asLong(0),
                o.path("locationId").asLong(0),
                RegisterJson.date(o, "receivedOn"),
                RegisterJson.code(o, "source", LocationSignal.Source.values(), LocationSignal.Source::id),
                RegisterJson.code(o, "category", LocationSignal.Category.values(), LocationSignal.Category::id),
                IntakeJson.prose(o, "description"),
                IntakeJson.prose(o, "followUp"),
                RegisterJson.text(o, "followUpBy"),
                RegisterJson.code(o, "status", LocationSignal.Status.values(), LocationSignal.Status::id),
                o.path("viaPublicForm").asBoolean(false),
                RegisterJson.instant(o, "createdAt"),
                RegisterJson.text(o, "createdBy"),
                RegisterJson.instant(o, "updatedAt"),
                RegisterJson.text(o, "updatedBy"));
    }

    public static ArrayNode agreementsToJson(List<Agreement> as) {
        ArrayNode a = RegisterJson.MAPPER.createArrayNode();
        for (Agreement x : as)
            a.addObject().put("text", x.text()).put("date", x.on() == null ? null : x.on().toString());
        return a;
    }

    public static ArrayNode inspectionsToJson(List<Inspection> is) {
        ArrayNode a = RegisterJson.MAPPER.createArrayNode();
        for (Inspection x : is) {
            a.addObject()
                    .put("date", x.on() == null ? null : x.on().toString())
                    .put("by", x.by())
                    .put("finding", x.finding());
        }
        return a;
    }

    public static ArrayNode monthsToJson(List<String> months) {
        ArrayNode a = RegisterJson.MAPPER.createArrayNode();
        months.forEach(a::add);
        return a;
    }

    public static List<Agreement> agreementsFromJson(JsonNode a) {
        List<Agreement> out = new ArrayList<>();
        for (JsonNode n : list(a, "agreements")) {
            String text = IntakeJson.prose(n, "text");
            if (text == null) throw InvalidEntryException.rule("agreements", "an agreement needs its text");
            out.add(new Agreement(text, RegisterJson.date(n, "date")));
        }
        return out;
    }

    public static List<Inspection> inspectionsFromJson(JsonNode a) {
        List<Inspection> out = new ArrayList<>();
        for (JsonNode n : list(a, "inspections")) {
            out.add(new Inspection(
                    RegisterJson.date(n, "date"), RegisterJson.text(n, "by"), IntakeJson.prose(n, "finding")));
        }
        return out;
    }

    public static List<String> monthsFromJson(JsonNode a) {
        List<String> out = new ArrayList<>();
        if (a == null || a.isNull()) return out;
        if (!a.isArray()) throw InvalidEntryException.malformed("nightRegister", "nightRegister is a list of YYYY-MM");
        for (JsonNode n : a) {
            try {
                String m = YearMonth.parse(n.asText()).toString();
                if (!out.contains(m)) out.add(m);
            } catch (DateTimeParseException e) {
                throw InvalidEntryException.malformed(
                        "nightRegister", "nightRegister holds months like 2026-03, not '" + n.asText() + "'");
            }
        }
        out.sort(null);
        return out;
    }

    private static Iterable<JsonNode> list(JsonNode a, String field) {
        if (a == null || a.isNull()) return List.of();
        if (!a.isArray()) throw InvalidEntryException.malformed(field, field + " must be a list");
        for (JsonNode n : a)
            if (!n.isObject()) throw InvalidEntryException.malformed(field, field + " must be a list of objects");
        return a;
    }

    private static void meta(ObjectNode o, java.time.Instant ca, String cb, java.time.Instant ua, String ub) {
        o.put("createdAt", ca == null ? null : ca.toString());
        o.put("createdBy", cb);
        o.put("updatedAt", ua == null ? null : ua.toString());
        o.put("updatedBy", ub);
    }
}
