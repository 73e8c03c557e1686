package nl.plektoets.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An RFC 9457 problem: the answer to a request that cannot be served, with the member at fault ({@code field})
 * and, where it helps, more members (address candidates, the location of a self-intersection, the dataset extent).
 * Thrown by handlers, written by the routes as {@code application/problem+json}.
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
        INTERNAL_ERROR(500, "Internal error");

        final int status;
        final String title;

        Type(int status, String title) {
            this.status = status;
            this.title = title;
        }

        public String uri() {
            return "urn:plektoets:problem:" + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }

        public int status() {
            return status;
        }
    }

    private final Type type;
    private final String field;
    private final Map<String, JsonNode> extensions = new LinkedHashMap<>();

    public Problem(Type type, String field, String detail) {
        super(detail, null, false, false); // an expected answer, not a failure: no stack trace
        this.type = type;
        this.field = field;
    }

    public Problem with(String member, JsonNode value) {
        extensions.put(member, value);
        return this;
    }

    public Type type() {
        return type;
    }

    public int status() {
        return type.status;
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
        o.put("status", type.status);
        o.put("detail", getMessage());
        if (instance != null) o.put("instance", instance);
        if (field != null) o.put("field", field);
        extensions.forEach(o::set);
        return o;
    }
}
