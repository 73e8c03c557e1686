package nl.plektoets.registers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import nl.plektoets.request.HousingForm;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.locationtech.jts.io.WKTWriter;

/**
 * The register entries as JSON, field by field, in a fixed order. This "register JSON" is what the audit log keeps as
 * before/after and what a change is merged into; sites are WKT in EPSG:28992 here so a stored site never drifts
 * through coordinate transformations (the HTTP API shows them as GeoJSON in CRS84).
 */
public final class RegisterJson {
    public static final ObjectMapper MAPPER = new ObjectMapper();
    public static final int RD_NEW = 28992;
    private static final GeometryFactory RD_FACTORY = new GeometryFactory(new PrecisionModel(), RD_NEW);

    private RegisterJson() {}

    public static ObjectNode toJson(RoomRentalPermit p) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("id", p.id());
        o.put("version", p.version());
        o.put("dwellingBagId", p.dwellingBagId());
        o.put("address", p.address());
        o.put("street", p.street());
        o.put("town", p.town());
        o.put("rooms", p.rooms());
        o.put("persons", p.persons());
        o.put("status", p.status().id());
        o.put("type", p.type().id());
        o.put("appliedOn", str(p.appliedOn()));
        o.put("decidedOn", str(p.decidedOn()));
        o.put("validFrom", str(p.validFrom()));
        o.put("validUntil", str(p.validUntil()));
        o.put("notes", p.notes());
        putMeta(o, p.createdAt(), p.createdBy(), p.updatedAt(), p.updatedBy());
        return o;
    }

    public static RoomRentalPermit permitFromJson(JsonNode o) {
        return new RoomRentalPermit(
                o.path("id").asLong(0),
                o.path("version").asLong(0),
                text(o, "dwellingBagId"),
                text(o, "address"),
                text(o, "street"),
                text(o, "town"),
                integer(o, "rooms"),
                integer(o, "persons"),
                code(o, "status", PermitStatus.values(), PermitStatus::id),
                code(o, "type", PermitType.values(), PermitType::id),
                date(o, "appliedOn"),
                date(o, "decidedOn"),
                date(o, "validFrom"),
                date(o, "validUntil"),
                text(o, "notes"),
                instant(o, "createdAt"),
                text(o, "createdBy"),
                instant(o, "updatedAt"),
                text(o, "updatedBy"));
    }

    public static ObjectNode toJson(RoomRentedDwelling d) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("id", d.id());
        o.put("version", d.version());
        o.put("dwellingBagId", d.dwellingBagId());
        o.put("address", d.address());
        o.put("street", d.street());
        o.put("town", d.town());
        o.put("source", d.source() == null ? null : d.source().id());
        o.put("observedOn", str(d.observedOn()));
        o.put("status", d.status() == null ? null : d.status().id());
        o.put("note", d.note());
        putMeta(o, d.createdAt(), d.createdBy(), d.updatedAt(), d.updatedBy());
        return o;
    }

    public static RoomRentedDwelling roomRentedFromJson(JsonNode o) {
        return new RoomRentedDwelling(
                o.path("id").asLong(0),
                o.path("version").asLong(0),
                text(o, "dwellingBagId"),
                text(o, "address"),
                text(o, "street"),
                text(o, "town"),
                code(o, "source", RoomRentedDwelling.Source.values(), RoomRentedDwelling.Source::id),
                date(o, "observedOn"),
                code(o, "status", RoomRentedDwelling.Status.values(), RoomRentedDwelling.Status::id),
                text(o, "note"),
                instant(o, "createdAt"),
                text(o, "createdBy"),
                instant(o, "updatedAt"),
                text(o, "updatedBy"));
    }

    public static ObjectNode toJson(HousingInitiative i) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("id", i.id());
        o.put("version", i.version());
        o.put("site", i.site() == null ? null : new WKTWriter().write(i.site()));
        o.put("form", i.form() == null ? null : i.form().id());
        o.put("persons", i.persons());
        o.put("initiator", i.initiator());
        o.put("initiatorKind", i.initiatorKind().id());
        o.put("projectPage", i.projectPage());
        o.put("status", i.status() == null ? null : i.status().id());
        o.put("permitType", i.permitType() == null ? null : i.permitType().id());
        o.put("existingLocation", i.existingLocation());
        o.put("acceptedOn", str(i.acceptedOn()));
        o.put("transitionDeadline", str(i.transitionDeadline()));
        o.put("transitionExtensionReason", i.transitionExtensionReason());
        o.put("permitStart", str(i.permitStart()));
        o.put("permitEnd", str(i.permitEnd()));
        o.set("steps", stepsToJson(i.steps()));
        o.put("notes", i.notes());
        putMeta(o, i.createdAt(), i.createdBy(), i.updatedAt(), i.updatedBy());
        return o;
    }

    public static HousingInitiative initiativeFromJson(JsonNode o) {
        return new HousingInitiative(
                o.path("id").asLong(0),
                o.path("version").asLong(0),
                wkt(o, "site"),
                code(o, "form", HousingForm.values(), HousingForm::id),
                integer(o, "persons"),
                text(o, "initiator"),
                code(o, "initiatorKind", InitiatorKind.values(), InitiatorKind::id),
                projectPage(o, "projectPage"),
                code(o, "status", InitiativeStatus.values(), InitiativeStatus::id),
                code(o, "permitType", PermitType.values(), PermitType::id),
                o.path("existingLocation").asBoolean(false),
                date(o, "acceptedOn"),
                date(o, "transitionDeadline"),
                text(o, "transitionExtensionReason"),
                date(o, "permitStart"),
                date(o, "permitEnd"),
                stepsFromJson(o.get("steps")),
                text(o, "notes"),
                instant(o, "createdAt"),
                text(o, "createdBy"),
                instant(o, "updatedAt"),
                text(o, "updatedBy"));
    }

    public static ArrayNode stepsToJson(List<InitiativeStep> steps) {
        ArrayNode a = MAPPER.createArrayNode();
        for (InitiativeStep s : steps) {
            ObjectNode n = a.addObject();
            n.put("status", s.status().id());
            n.put("at", s.at().toString());
            n.put("by", s.by());
            n.set("assessment", s.assessment());
        }
        return a;
    }

    public static List<InitiativeStep> stepsFromJson(JsonNode a) {
        List<InitiativeStep> steps = new ArrayList<>();
        if (a == null || a.isNull()) return steps;
        for (JsonNode n : a) {
            JsonNode assessment = n.get("assessment");
            steps.add(new InitiativeStep(
                    code(n, "status", InitiativeStatus.values(), InitiativeStatus::id),
                    instant(n, "at"),
                    text(n, "by"),
                    assessment == null || assessment.isNull() ? null : assessment));
        }
        return steps;
    }

    public static Geometry parseWkt(String wkt) throws ParseException {
        Geometry g = new WKTReader(RD_FACTORY).read(wkt);
        g.setSRID(RD_NEW);
        return g;
    }

    private static void putMeta(
            ObjectNode o, Instant createdAt, String createdBy, Instant updatedAt, String updatedBy) {
        o.put("createdAt", createdAt == null ? null : createdAt.toString());
        o.put("createdBy", createdBy);
        o.put("updatedAt", updatedAt == null ? null : updatedAt.toString());
        o.put("updatedBy", updatedBy);
    }

    private static String str(LocalDate d) {
        return d == null ? null : d.toString();
    }

    /**
     * Notes are prose; every other text field (an address, a name, a code, a date) is short; site is WKT. Public: the
     * application round ({@code rounds}) bounds its free text the same way.
     */
    public static final int NOTES_MAX_CHARS = 2000;

    public static final int TEXT_MAX_CHARS = 200;

    /** A project page's URL may be longer than a name; browsers and servers take at least this many characters. */
    static final int URL_MAX_CHARS = 2000;

    static String text(JsonNode o, String field) {
        JsonNode n = o.get(field);
        if (n == null || n.isNull()) return null;
        if (!n.isTextual()) throw InvalidEntryException.malformed(field, field + " must be a string");
        // bounded before anything parses or stores it
        // (a site's WKT is geometry, bounded by max-body-bytes)
        int max = field.equals("notes") || field.equals("transitionExtensionReason")
                ? NOTES_MAX_CHARS
                : field.equals("site")
                        ? Integer.MAX_VALUE
                        : field.equals("projectPage") ? URL_MAX_CHARS : TEXT_MAX_CHARS;
        if (n.asText().length() > max) {
            throw InvalidEntryException.malformed(
                    field, field + " is " + n.asText().length() + " characters long; at most " + max + " are accepted");
        }
        String s = n.asText().strip();
        return s.isEmpty() ? null : s;
    }

    static int integer(JsonNode o, String field) {
        JsonNode n = o.get(field);
        if (n == null || n.isNull()) return 0;
        if (!n.canConvertToInt() || !n.isIntegralNumber()) {
            throw InvalidEntryException.malformed(field, field + " must be a whole number");
        }
        return n.asInt();
    }

    /**
     * The dates a register accepts. A permit runs at most 15 years (§6.2.2) and the registers record decisions of
     * people alive now, so a date outside these years is a typo; and a year past 9999 is written with a sign
     * ({@code +999999999-01-01}) that neither a spreadsheet nor the stores read back as a date.
     */
    public static final LocalDate FIRST_DATE = LocalDate.of(1900, 1, 1), LAST_DATE = LocalDate.of(2200, 12, 31);

    static LocalDate date(JsonNode o, String field) {
        String s = text(o, field);
        if (s == null) return null;
        LocalDate d;
        try {
            d = LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw InvalidEntryException.malformed(field, field + " must be a date like 2026-03-01, not '" + s + "'");
        }
        if (d.isBefore(FIRST_DATE) || d.isAfter(LAST_DATE)) {
            throw InvalidEntryException.malformed(
                    field, field + " must lie between " + FIRST_DATE + " and " + LAST_DATE + ", not " + s);
        }
        return d;
    }

    static Instant instant(JsonNode o, String field) {
        String s = text(o, field);
        if (s == null) return null;
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            throw InvalidEntryException.malformed(field, field + " must be a UTC timestamp like 2026-03-01T12:00:00Z");
        }
    }

    /**
     * A web page the public overview links to (§4.1.2): an absolute http or https URL with a host and without user
     * name or password, so a link on our page can neither run script ({@code javascript:}), open a local file nor
     * carry someone's credentials.
     */
    static String projectPage(JsonNode o, String field) {
        String s = text(o, field);
        if (s == null) return null;
        String fix = field + " must be the address of a web page, starting with https:// or http://, e.g."
                + " https://www.example.nl/huisvesting; not '" + s + "'";
        java.net.URI uri;
        try {
            uri = new java.net.URI(s);
        } catch (java.net.URISyntaxException e) {
            throw InvalidEntryException.malformed(field, fix);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https"))
                || uri.getHost() == null
                || uri.getHost().isEmpty()
                || uri.getRawUserInfo() != null) {
            throw InvalidEntryException.malformed(field, fix);
        }
        return s;
    }

    static Geometry wkt(JsonNode o, String field) {
        String s = text(o, field);
        if (s == null) return null;
        try {
            return parseWkt(s);
        } catch (ParseException e) {
            throw InvalidEntryException.malformed(field, field + " is not valid WKT: " + e.getMessage());
        }
    }

    static <E> E code(JsonNode o, String field, E[] values, Function<E, String> id) {
        String s = text(o, field);
        if (s == null) return null;
        for (E v : values) if (id.apply(v).equals(s)) return v;
        List<String> ids = new ArrayList<>();
        for (E v : values) ids.add(id.apply(v));
        throw InvalidEntryException.malformed(field, field + " must be one of " + ids + ", not '" + s + "'");
    }
}
