package nl.plektoets.web.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An RFC 9457 problem: the answer to a request that cannot be served, with the member at fault ({@code field})
 * and, where it helps, more members (address candidates, the location of a self-intersection, the dataset extent).
 * Thrown by handlers, written as {@code application/problem+json} by {@code web.Answers}, the one writer of
 * every error answer (routes, register failures, Jetty's own refusals).
 *
 * <p>400 means the request breaks the API's schema (malformed JSON, a missing or unknown member, a value of the
 * wrong kind, an unknown form); 422 means it is well-formed but cannot be assessed (self-intersecting or too large
 * polygon, outside the dataset, unknown or ambiguous address); 413 a body over the limit; 404 an unknown resource.
 */
public final class Problem extends RuntimeException {
    /** The problem types this API answers with; {@code type} is {@code urn:plektoets:problem:<slug>}. */
    public enum Type {
        MALFORMED_JSON(400, "Malformed JSON"),
        INVALID_REQUEST(400, "Invalid request"),
        INVALID_GEOJSON(400, "Invalid GeoJSON"),
        INVALID_PARAMETER(400, "Invalid query parameter"),
        BODY_TOO_LARGE(413, "Request body too large"),
        REQUEST_TIMEOUT(408, "Request body too slow"),
        UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type"),
        FOREIGN_ORIGIN(403, "Request from another site"),
        SELF_INTERSECTION(422, "Self-intersecting polygon"),
        INVALID_GEOMETRY(422, "Invalid geometry"),
        OUTSIDE_EXTENT(422, "Site outside the dataset"),
        SITE_TOO_LARGE(422, "Site too large"),
        NOT_ASSESSABLE(422, "Request cannot be assessed"),
        ADDRESS_NOT_FOUND(422, "Address not found"),
        ADDRESS_AMBIGUOUS(422, "Address ambiguous"),
        NOT_FOUND(404, "Not found"),
        TOO_MANY_REQUESTS(429, "Too many requests"),
        METHOD_NOT_ALLOWED(405, "Method not allowed"),
        RELOAD_RUNNING(409, "Reload already running"),
        INTERNAL_ERROR(500, "Internal error"),
        // the registers and the planner routes (tokens, versions, register rules, the store)
        UNAUTHORIZED(401, "Authentication required"),
        FORBIDDEN(403, "Not allowed for this role"),
        ENTRY_NOT_FOUND(404, "not-found", "No such entry"),
        NOTHING_TO_RELOAD(404, "not-found", "Nothing to reload"),
        VERSION_CONFLICT(409, "Changed by someone else"),
        PERMIT_REFUSED(409, "Permit cannot be granted"),
        INVALID_FIELD(400, "Invalid field"),
        RULE_VIOLATED(422, "Register rule violated"),
        RELOAD_FAILED(422, "Data not reloaded"),
        // the application round's status (rounds.RoundStatusException): frozen once decided, to intake only then
        ROUND_DECIDED(409, "Round decided"),
        ROUND_NOT_DECIDED(409, "Round not decided yet"),
        STORE_FAILURE(500, "Database failure"),
        STORE_UNAVAILABLE(503, "Database unavailable"),
        // what Jetty refuses before any route runs (JettyProblems)
        HEAD_TOO_LARGE(431, "request-too-large", "Request head too large"),
        URL_TOO_LONG(414, "request-too-large", "Request head too large"),
        BAD_HTTP(400, "bad-request", "Bad request"),
        // more assessments than engine-threads compute and engine-queue wait (web.EngineAdmission): retry
        OVERLOADED(503, "Server busy");

        final int status;
        final String slug;
        final String title;

        Type(int status, String title) {
            this(status, null, title);
        }

        /** {@code slug} when two types share one URI (the same kind of problem, told apart by title or status). */
        Type(int status, String slug, String title) {
            this.status = status;
            this.slug = slug != null
                    ? slug
                    : name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
            this.title = title;
        }

        public String uri() {
            return "urn:plektoets:problem:" + slug;
        }

        public int status() {
            return status;
        }
    }

    /** The media type of every error answer, from the routes and from Jetty alike. */
    public static final String MEDIA_TYPE = "application/problem+json";

    private final Type type;
    private final String field;
    private final Map<String, JsonNode> extensions = new LinkedHashMap<>();
    private final Map<String, String> headers = new LinkedHashMap<>();
    private int status;

    public Problem(Type type, String field, String detail) {
        super(detail, null, false, false); // an expected answer, not a failure: no stack trace
        this.type = type;
        this.field = field;
        this.status = type.status;
    }

    /** 413: more bytes arrived (or were declared) than {@code max-body-bytes} allows. */
    public static Problem bodyTooLarge(long maxBytes) {
        return new Problem(
                Type.BODY_TOO_LARGE,
                null,
                "The request body exceeds " + maxBytes + " bytes (the "
                        + "configuration key max-body-bytes); simplify the site polygon (a housing site needs no more than a few "
                        + "hundred vertices)");
    }

    /** 400 for a free-text value over {@code max-text-chars}; checked before the text is parsed or searched. */
    public static String text(String value, String field, int maxChars) {
        if (value != null && value.length() > maxChars) {
            throw new Problem(
                    Type.INVALID_REQUEST,
                    field,
                    "'" + field + "' is " + value.length() + " characters long; at most " + maxChars
                            + " are accepted (an address looks like \"Hoofdstraat 12, Dedemsvaart\")");
        }
        return value;
    }

    /**
     * The JSON parser's complaint in the user's terms: its hints at parser settings and class names (in backquotes,
     * e.g. {@code StreamReadConstraints}) and its source excerpts are cut off.
     */
    public static String jsonError(String parserMessage) {
        if (parserMessage == null) return "it cannot be read";
        String m = parserMessage;
        int tick = m.indexOf('`');
        if (tick >= 0) {
            int cut = Math.max(Math.max(m.lastIndexOf('(', tick), m.lastIndexOf(':', tick)), m.lastIndexOf(';', tick));
            m = m.substring(0, cut < 0 ? tick : cut);
        }
        m = m.replaceAll("\\s*\\(start marker at \\[Source:.*", "")
                .replaceAll("\\[Source:[^\\]]*\\]", "")
                .replace("START_OBJECT", "an object")
                .replace("START_ARRAY", "an array")
                .replace("END_OBJECT", "'}'")
                .replace("END_ARRAY", "']'")
                .replace("VALUE_", "a ")
                .strip();
        return m.isEmpty() ? "it cannot be read" : m;
    }

    public Problem with(String member, JsonNode value) {
        extensions.put(member, value);
        return this;
    }

    public Problem with(String member, long value) {
        return with(member, JsonNodeFactory.instance.numberNode(value));
    }

    /** A response header the answer needs (Retry-After, WWW-Authenticate); {@link Answers} sets it. */
    public Problem header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public Map<String, String> headers() {
        return headers;
    }

    /** The status Jetty chose for one of its own refusals, when the type's default does not fit. */
    public Problem status(int status) {
        this.status = status;
        return this;
    }

    public Type type() {
        return type;
    }

    public int status() {
        return status;
    }

    public String field() {
        return field;
    }

    public String detail() {
        return getMessage();
    }

    /** The problem+json body; {@code instance} is the request path. */
    public ObjectNode toJson(String instance) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("type", type.uri());
        o.put("title", type.title);
        o.put("status", status);
        o.put("detail", getMessage());
        if (instance != null) o.put("instance", instance);
        if (field != null) o.put("field", field);
        extensions.forEach(o::set);
        return o;
    }
}
