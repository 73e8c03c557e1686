package nl.plektoets.web.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The one paging and link helper of every paged route (layers, overview, OGC items): {@code limit}/{@code offset}
 * validated alike everywhere (400 with the parameter named; a limit over the maximum is clamped, not refused, as OGC
 * API - Features asks), the page of a list, and the {@code self}/{@code next}/{@code prev} links carrying every
 * other parameter of the request. Also the {@code {count, <member>: [...]}} listing of the registers.
 */
public final class Paging {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final int limit;
    private final int offset;

    private Paging(int limit, int offset) {
        this.limit = limit;
        this.offset = offset;
    }

    /** The page the query parameters {@code limit} and {@code offset} ask for (absent: {@code dflt} and 0). */
    public static Paging of(Map<String, String> params, int dflt, int max) {
        return new Paging(limit(params.get("limit"), dflt, max), offset(params.get("offset")));
    }

    public static int limit(String text, int dflt, int max) {
        if (text == null) return dflt;
        int v = wholeNumber(text, "limit");
        if (v < 1) throw new Problem(Problem.Type.INVALID_PARAMETER, "limit", "limit must be at least 1, got " + text);
        return Math.min(v, max);
    }

    public static int offset(String text) {
        if (text == null) return 0;
        int v = wholeNumber(text, "offset");
        if (v < 0) throw new Problem(Problem.Type.INVALID_PARAMETER, "offset", "offset must be 0 or more, got " + text);
        return v;
    }

    private static int wholeNumber(String text, String name) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            if (text.trim().matches("\\d+")) return Integer.MAX_VALUE; // too large: clamped by the caller
            throw new Problem(
                    Problem.Type.INVALID_PARAMETER, name, name + " must be a whole number, got '" + text + "'");
        }
    }

    public int limit() {
        return limit;
    }

    public int offset() {
        return offset;
    }

    /** This page of {@code all} (empty past the end). */
    public <T> List<T> of(List<T> all) {
        return all.subList(Math.min(offset, all.size()), (int) Math.min((long) offset + limit, all.size()));
    }

    /**
     * Adds {@code self}, and {@code next} while more than this page match and {@code prev} after the first page, to
     * {@code links}: each {@code path} with {@code params} (the request's other parameters, in their order) and this
     * page's limit and offset. {@code titles} (self, next, prev) are the OGC link titles; null leaves them out.
     */
    public void links(
            ArrayNode links, String path, Map<String, String> params, int matched, String type, List<String> titles) {
        Map<String, String> self = new LinkedHashMap<>(params);
        self.put("limit", Integer.toString(limit));
        self.put("offset", Integer.toString(offset));
        links.add(link("self", type, url(path, self), titles == null ? null : titles.get(0)));
        if (offset + (long) limit < matched) {
            Map<String, String> next = new LinkedHashMap<>(self);
            next.put("offset", Integer.toString(offset + limit));
            links.add(link("next", type, url(path, next), titles == null ? null : titles.get(1)));
        }
        if (offset > 0) {
            Map<String, String> prev = new LinkedHashMap<>(self);
            prev.put("offset", Integer.toString(Math.max(0, offset - limit)));
            links.add(link("prev", type, url(path, prev), titles == null ? null : titles.get(2)));
        }
    }

    /** A link object: rel, type, title (when given), href. */
    public static ObjectNode link(String rel, String type, String href, String title) {
        ObjectNode l = NODES.objectNode();
        l.put("rel", rel);
        l.put("type", type);
        if (title != null) l.put("title", title);
        l.put("href", href);
        return l;
    }

    /** {@code path?k=v&...}, values URL-encoded (commas kept, as in bbox); just {@code path} without parameters. */
    public static String url(String path, Map<String, String> params) {
        if (params.isEmpty()) return path;
        return path + "?"
                + params.entrySet().stream()
                        .map(e -> e.getKey() + "="
                                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)
                                        .replace("%2C", ","))
                        .collect(Collectors.joining("&"));
    }

    /** {@code {count, <member>: [...]}}: the answer of every register listing (not paged: registers are small). */
    public static <T> ObjectNode listing(String member, List<T> entries, Function<T, ? extends ObjectNode> toJson) {
        ObjectNode out = NODES.objectNode();
        ArrayNode items = NODES.arrayNode();
        entries.forEach(e -> items.add(toJson.apply(e)));
        out.put("count", items.size());
        out.set(member, items);
        return out;
    }
}
