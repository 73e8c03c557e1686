package nl.plektoets.web.ogc;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.plektoets.geo.ApiCrs;
import nl.plektoets.roomrental.StreetStanding;
import nl.plektoets.web.http.Paging;
import nl.plektoets.web.http.Problem;
import nl.plektoets.web.http.QueryParams;
import org.locationtech.jts.geom.Envelope;

/**
 * The public room-rental overview (§5.1.3) as OGC API - Features (Part 1 core + GeoJSON, Part 2 CRS), so GIS users
 * open it in QGIS directly: landing page, conformance, collections, the collection {@value #COLLECTION} and its items
 * with bbox (CRS84 unless bbox-crs), limit (default {@value #LIMIT_DEFAULT}, clamped to {@value #LIMIT_MAX}), offset
 * paging with typed links, crs (CRS84 default, EPSG:28992 with the Content-Crs header), datetime (the counts are of
 * one day), a 6-number bbox (heights ignored), f=json/geojson, and 400 for an unknown parameter or format. The
 * landing page links the OpenAPI 3 definition of the whole API ({@value #OPENAPI_PATH}) as service-desc. Hrefs are absolute, built on the request's base URL.
 */
public final class RoomRentalFeatures {
    public static final String COLLECTION = "room-rental-streets";
    static final int LIMIT_DEFAULT = 10;
    static final int LIMIT_MAX = 1000;
    static final String GEOJSON = "application/geo+json";
    static final String JSON = "application/json";
    /** The API definition the landing page links to as {@code service-desc} (the whole HTTP API, OGC paths included). */
    public static final String OPENAPI = "application/vnd.oai.openapi+json;version=3.0";

    public static final String OPENAPI_PATH = "/api/v1/openapi.json";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> CONFORMANCE = List.of(
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
            "http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs");

    private final StreetSource api;

    public RoomRentalFeatures(StreetSource api) {
        this.api = api;
    }

    /** One answer: body and the CRS of its geometries (null when it has none). */
    public record Page(ObjectNode body, ApiCrs crs) {}

    public ObjectNode landing(String base, Map<String, List<String>> query) {
        format(QueryParams.single(query, Set.of("f")), JSON_ONLY);
        ObjectNode o = NODES.objectNode();
        o.put("title", "plektoets room rental per street (§5.1.3)");
        o.put(
                "description",
                "Per street: dwellings, room-rental permits granted, applications pending, the limit and"
                        + " what is left. Counts only; no addresses or names.");
        ArrayNode links = o.putArray("links");
        links.add(Paging.link("self", JSON, base + "/ogc", "This document"));
        links.add(Paging.link("service-desc", OPENAPI, base + OPENAPI_PATH, "The API definition (OpenAPI 3.0)"));
        links.add(Paging.link("service-doc", "text/html", base + "/", "The map and its documentation"));
        links.add(Paging.link("conformance", JSON, base + "/ogc/conformance", "Conformance classes"));
        links.add(Paging.link("data", JSON, base + "/ogc/collections", "Collections"));
        return o;
    }

    public ObjectNode conformance(Map<String, List<String>> query) {
        format(QueryParams.single(query, Set.of("f")), JSON_ONLY);
        ObjectNode o = NODES.objectNode();
        ArrayNode c = o.putArray("conformsTo");
        CONFORMANCE.forEach(c::add);
        return o;
    }

    public ObjectNode collections(String base, Map<String, List<String>> query) {
        format(QueryParams.single(query, Set.of("f")), JSON_ONLY);
        ObjectNode o = NODES.objectNode();
        o.putArray("links").add(Paging.link("self", JSON, base + "/ogc/collections", "Collections"));
        o.putArray("collections").add(collectionJson(base));
        ArrayNode crs = o.putArray("crs");
        for (ApiCrs c : ApiCrs.values()) crs.add(c.uri());
        return o;
    }

    public ObjectNode collection(String base, String id, Map<String, List<String>> query) {
        known(id);
        format(QueryParams.single(query, Set.of("f")), JSON_ONLY);
        return collectionJson(base);
    }

    private ObjectNode collectionJson(String base) {
        ObjectNode c = NODES.objectNode();
        c.put("id", COLLECTION);
        c.put("title", "Room rental per street");
        c.put(
                "description",
                "Per street (BAG openbare ruimte within a woonplaats, or a segment of it): dwellings, "
                        + "granted, known (room-rented without a permit), pending, limit, left, status (available, almost_full, full,"
                        + " not_applicable: fewer dwellings than the minimum for a first room-rented dwelling), limitBy and"
                        + " limitReason (the rule that gave the limit, in words), indicative (the limit is not adopted by the"
                        + " council) with indicativeNote, rule, dataDate. In a street of fewer dwellings than the service's"
                        + " room-rental-counts-from-dwellings (countsPublished false) granted, known, pending and left are null:"
                        + " only whether the street is full. §5.1.3, §6.2.6.");
        c.put("itemType", "feature");
        ArrayNode links = c.putArray("links");
        links.add(Paging.link("self", JSON, base + "/ogc/collections/" + COLLECTION, "This collection"));
        links.add(Paging.link("items", GEOJSON, base + "/ogc/collections/" + COLLECTION + "/items", "The streets"));
        ObjectNode extent = c.putObject("extent").putObject("spatial");
        Envelope e = new Envelope();
        api.rules().model().units().forEach(u -> e.expandToInclude(u.geometry().getEnvelopeInternal()));
        ArrayNode bbox = extent.putArray("bbox");
        if (!e.isNull()) {
            var box = api.workingCrs()
                    .toLonLat(api.workingCrs().geometryFactory().toGeometry(e))
                    .getEnvelopeInternal();
            bbox.addArray()
                    .add(round(box.getMinX()))
                    .add(round(box.getMinY()))
                    .add(round(box.getMaxX()))
                    .add(round(box.getMaxY()));
        }
        extent.put("crs", ApiCrs.CRS84.uri());
        // every street's counts are of one day, the service's today (permits are read live)
        ObjectNode temporal = c.with("extent").putObject("temporal");
        String day = api.dataDate().toString();
        temporal.putArray("interval").addArray().add(day).add(day);
        temporal.put("trs", "http://www.opengis.net/def/uom/ISO-8601/0/Gregorian");
        ArrayNode crs = c.putArray("crs");
        for (ApiCrs x : ApiCrs.values()) crs.add(x.uri());
        c.put("storageCrs", ApiCrs.RD_NEW.uri());
        return c;
    }

    public Page items(String base, String id, Map<String, List<String>> query) {
        known(id);
        Map<String, String> p =
                QueryParams.single(query, Set.of("bbox", "bbox-crs", "crs", "limit", "offset", "datetime", "f"));
        format(p, GEOJSON_FORMATS);
        ApiCrs crs = QueryParams.crs(p, "crs");
        boolean inTime =
                !p.containsKey("datetime") || Interval.parse(p.get("datetime")).meetsDay(api.dataDate());
        if (p.containsKey("bbox-crs") && !p.containsKey("bbox")) {
            throw new Problem(Problem.Type.INVALID_PARAMETER, "bbox-crs", "bbox-crs is given without bbox");
        }
        Envelope area = p.containsKey("bbox") ? api.bbox(p.get("bbox"), QueryParams.crs(p, "bbox-crs")) : null;
        Paging paging = Paging.of(p, LIMIT_DEFAULT, LIMIT_MAX);
        List<StreetStanding> all = inTime ? api.standings(area) : List.of();
        List<StreetStanding> page = paging.of(all);
        ObjectNode o = NODES.objectNode();
        o.put("type", "FeatureCollection");
        ArrayNode fs = o.putArray("features");
        page.forEach(s -> fs.add(api.feature(s, crs)));
        o.put("numberMatched", all.size());
        o.put("numberReturned", page.size());
        o.put("timeStamp", api.dataDate().toString());
        String path = base + "/ogc/collections/" + COLLECTION + "/items";
        Map<String, String> self = new LinkedHashMap<>(p);
        self.remove("f");
        ArrayNode links = o.putArray("links");
        paging.links(links, path, self, all.size(), GEOJSON, List.of("This page", "Next page", "Previous page"));
        links.add(Paging.link("collection", JSON, base + "/ogc/collections/" + COLLECTION, "The collection"));
        Map<String, String> csv = new LinkedHashMap<>();
        if (!inTime) csv.put("bbox", "0,0,0,0"); // the CSV has no datetime: an empty box keeps it as empty as this page
        if (p.containsKey("bbox")) csv.put("bbox", p.get("bbox"));
        if (p.containsKey("bbox-crs")) csv.put("bbox-crs", p.get("bbox-crs"));
        links.add(Paging.link(
                "alternate",
                "text/csv",
                Paging.url(base + "/api/v1/room-rental/streets.csv", csv),
                "All matching streets as CSV"));
        return new Page(o, crs);
    }

    /** One street (or segment) by its id ({@code town/street} or {@code town/street#n}); 404 when unknown. */
    public Page item(String base, String id, String featureId, Map<String, List<String>> query) {
        known(id);
        Map<String, String> p = QueryParams.single(query, Set.of("crs", "f"));
        format(p, GEOJSON_FORMATS);
        ApiCrs crs = QueryParams.crs(p, "crs");
        StreetStanding s = api.standings(null).stream()
                .filter(x -> x.unit().id().equals(featureId))
                .findFirst()
                .orElseThrow(() -> new Problem(
                        Problem.Type.NOT_FOUND,
                        "featureId",
                        "No street '" + featureId + "' in " + COLLECTION
                                + "; ids look like 'town/street' or 'town/street#2' for a segment"));
        ObjectNode f = api.feature(s, crs);
        String self = base + "/ogc/collections/" + COLLECTION + "/items/"
                + URLEncoder.encode(featureId, StandardCharsets.UTF_8)
                        .replace("+", "%20")
                        .replace("%2F", "/");
        ArrayNode links = f.putArray("links");
        links.add(Paging.link("self", GEOJSON, self, "This street"));
        links.add(Paging.link("collection", JSON, base + "/ogc/collections/" + COLLECTION, "The collection"));
        return new Page(f, crs);
    }

    /** The {@code f} values each resource answers to; all of them give JSON (there is no HTML rendering). */
    private static final Set<String> JSON_ONLY = Set.of("json"), GEOJSON_FORMATS = Set.of("json", "geojson");

    private static void format(Map<String, String> p, Set<String> allowed) {
        String f = p.get("f");
        if (f != null && !allowed.contains(f)) {
            throw new Problem(
                    Problem.Type.INVALID_PARAMETER,
                    "f",
                    "Unknown format f=" + f + "; this resource is " + "available as "
                            + String.join(", ", allowed.stream().sorted().toList()));
        }
    }

    /**
     * The {@code datetime} parameter (OGC API - Features Part 1, RFC 3339): an instant (a date, or a date-time with
     * its offset), or an interval {@code start/end} where {@code ..} or nothing is an open end. Half-open
     * [from, to) in UTC; a date stands for its whole (UTC) day.
     */
    record Interval(Instant from, Instant to) {
        static Interval parse(String text) {
            String t = text.trim();
            int slash = t.indexOf('/');
            if (slash < 0) {
                if (t.equals("..") || t.isEmpty()) throw bad(text, "an instant cannot be open ('..')");
                return new Interval(start(t, text), end(t, text));
            }
            if (t.indexOf('/', slash + 1) >= 0) throw bad(text, "an interval has one '/'");
            String a = t.substring(0, slash).trim(), b = t.substring(slash + 1).trim();
            Instant from = a.isEmpty() || a.equals("..") ? Instant.MIN : start(a, text);
            Instant to = b.isEmpty() || b.equals("..") ? Instant.MAX : end(b, text);
            if (from.isAfter(to)) throw bad(text, "the start lies after the end");
            return new Interval(from, to);
        }

        /** Does the interval meet the UTC day {@code date}? */
        boolean meetsDay(LocalDate date) {
            Instant dayStart = date.atStartOfDay(ZoneOffset.UTC).toInstant();
            Instant dayEnd = date.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            return from.isBefore(dayEnd) && (to.isAfter(dayStart) || to.equals(from) && !from.isBefore(dayStart));
        }

        private static Instant start(String v, String text) {
            try {
                return OffsetDateTime.parse(v).toInstant();
            } catch (DateTimeParseException e) {
                try {
                    return LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant();
                } catch (DateTimeParseException e2) {
                    throw bad(
                            text,
                            "'" + v
                                    + "' is neither a date (2026-03-02) nor a date-time with offset (2026-03-02T10:00:00Z)");
                }
            }
        }

        /** The end: a date-time is the instant itself; a date includes its whole day. */
        private static Instant end(String v, String text) {
            try {
                return OffsetDateTime.parse(v).toInstant();
            } catch (DateTimeParseException e) {
                try {
                    return LocalDate.parse(v)
                            .plusDays(1)
                            .atStartOfDay(ZoneOffset.UTC)
                            .toInstant();
                } catch (DateTimeParseException e2) {
                    throw bad(
                            text,
                            "'" + v
                                    + "' is neither a date (2026-03-02) nor a date-time with offset (2026-03-02T10:00:00Z)");
                }
            }
        }

        private static Problem bad(String text, String why) {
            return new Problem(
                    Problem.Type.INVALID_PARAMETER,
                    "datetime",
                    "datetime '" + text + "' is not an instant or" + " interval: " + why
                            + "; e.g. datetime=2026-03-02, 2026-03-02T10:00:00Z, 2026-01-01/.. or ../2026-12-31");
        }
    }

    private static void known(String id) {
        if (!COLLECTION.equals(id)) {
            throw new Problem(
                    Problem.Type.NOT_FOUND,
                    "collectionId",
                    "No collection '" + id + "'; the collection is " + COLLECTION);
        }
    }

    private static double round(double v) {
        return Math.round(v * 1e7) / 1e7;
    }
}
