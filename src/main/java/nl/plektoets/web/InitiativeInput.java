package nl.plektoets.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import nl.plektoets.address.Address;
import nl.plektoets.geo.ApiCrs;
import nl.plektoets.geo.GeoJson;
import nl.plektoets.geo.WorkingCrs;
import nl.plektoets.request.Employer;
import nl.plektoets.request.InitiativeFacts;
import nl.plektoets.web.http.GeoJsonInput;
import nl.plektoets.web.http.Problem;
import org.locationtech.jts.geom.Point;

/**
 * The optional initiative members of an assessment request (ETFAL part 2): {@code employers} (name, an address of the
 * dataset or a point {@code [x, y]} with its {@code crs}, workers), {@code rooms} and {@code parkingSpaces}, read into
 * {@link InitiativeFacts}; and their echo in the answer.
 */
final class InitiativeInput {
    /**
     * At most this many employers: a facility houses at most 50 persons (§5.1.1, the exceptional maximum), so even one
     * employer per resident fits; more is a mistake or an attempt to make the server resolve addresses in bulk.
     */
    static final int MAX_EMPLOYERS = 50;

    /** Rooms and parking spaces above this are typing errors (a facility for 50 persons has far fewer). */
    static final int MAX_COUNT = 10_000;

    private static final Set<String> EMPLOYER_MEMBERS = Set.of("name", "address", "point", "crs", "workers");

    private InitiativeInput() {}

    static InitiativeFacts facts(JsonNode root, Api api) {
        List<Employer> employers = employers(root.get("employers"), root.get("crs"), api);
        Integer rooms = count(root.get("rooms"), "rooms", 1);
        Integer parking = count(root.get("parkingSpaces"), "parkingSpaces", 0);
        return new InitiativeFacts(employers, rooms, parking, null, null);
    }

    static boolean isEmpty(InitiativeFacts f) {
        return f.employers().isEmpty() && f.rooms() == null && f.parkingSpaces() == null;
    }

    private static Integer count(JsonNode n, String field, int min) {
        if (n == null || n.isNull()) return null;
        if (!n.isIntegralNumber() || !n.canConvertToInt() || n.asInt() < min || n.asInt() > MAX_COUNT) {
            throw new Problem(
                    Problem.Type.INVALID_REQUEST,
                    field,
                    "'" + field + "' must be a whole number from " + min + " to " + MAX_COUNT + ", got " + n);
        }
        return n.asInt();
    }

    private static List<Employer> employers(JsonNode n, JsonNode requestCrs, Api api) {
        if (n == null || n.isNull()) return List.of();
        if (!n.isArray()) {
            throw new Problem(
                    Problem.Type.INVALID_REQUEST,
                    "employers",
                    "'employers' must be a list such as [{\"name\": \"Kwekerij\", \"address\": \"Street 1, Town\","
                            + " \"workers\": 12}]");
        }
        if (n.size() > MAX_EMPLOYERS) {
            throw new Problem(
                    Problem.Type.INVALID_REQUEST,
                    "employers",
                    "'employers' has " + n.size() + " entries; give at most " + MAX_EMPLOYERS
                            + " (a facility houses at most 50 persons, §5.1.1)");
        }
        List<Employer> out = new ArrayList<>(n.size());
        for (int i = 0; i < n.size(); i++) out.add(employer(n.get(i), "employers[" + i + "]", requestCrs, api));
        return out;
    }

    private static Employer employer(JsonNode e, String field, JsonNode requestCrs, Api api) {
        if (!e.isObject()) {
            throw new Problem(
                    Problem.Type.INVALID_REQUEST,
                    field,
                    field + " must be an object with 'name', 'address' or 'point', and 'workers'");
        }
        for (Iterator<String> it = e.fieldNames(); it.hasNext(); ) {
            String m = it.next();
            if (!EMPLOYER_MEMBERS.contains(m)) {
                throw new Problem(
                        Problem.Type.INVALID_REQUEST,
                        field + "." + m,
                        "Unknown member '" + m + "' of " + field + "; the members are address, crs, name, point,"
                                + " workers");
            }
        }
        String name = null;
        JsonNode nameNode = e.get("name");
        if (nameNode != null && !nameNode.isNull()) {
            if (!nameNode.isTextual())
                throw new Problem(Problem.Type.INVALID_REQUEST, field + ".name", field + ".name must be a string");
            name = Problem.text(
                    nameNode.asText().strip(), field + ".name", api.config().maxTextChars());
        }
        String who = "employer " + (name != null && !name.isEmpty() ? "'" + name + "'" : field);
        JsonNode w = e.get("workers");
        int workers;
        if (w == null || w.isNull()) {
            workers = 0;
        } else if (!w.isIntegralNumber() || !w.canConvertToInt() || w.asInt() < 0 || w.asInt() > MAX_COUNT) {
            throw new Problem(
                    Problem.Type.INVALID_REQUEST,
                    field + ".workers",
                    who + ": 'workers' must be a whole number from 0 to " + MAX_COUNT + ", got " + w);
        } else {
            workers = w.asInt();
        }
        JsonNode addressNode = e.get("address"), pointNode = e.get("point");
        if ((addressNode == null) == (pointNode == null)) {
            throw new Problem(
                    Problem.Type.INVALID_REQUEST,
                    field,
                    who + ": give either 'address' (\"Street 12, Town\") or 'point' ([x, y] with 'crs'), not "
                            + (addressNode == null ? "neither" : "both"));
        }
        if (addressNode != null) {
            if (e.has("crs"))
                throw new Problem(
                        Problem.Type.INVALID_REQUEST,
                        field + ".crs",
                        who + ": 'crs' belongs to 'point'; an address needs none");
            Address a = api.resolve(addressNode, field + ".address", who);
            return new Employer(name, a.location(), a.label(), workers);
        }
        ApiCrs crs = Api.crs(e.has("crs") ? e.get("crs") : requestCrs);
        if (!pointNode.isArray() || pointNode.size() != 2) {
            throw new Problem(
                    Problem.Type.INVALID_REQUEST,
                    field + ".point",
                    who + ": 'point' must be [x, y] (longitude, latitude in CRS84; or x, y in EPSG:28992 with"
                            + " \"crs\": \"EPSG:28992\")");
        }
        ObjectNode geo = JsonNodeFactory.instance.objectNode();
        geo.put("type", "Point");
        geo.set("coordinates", pointNode);
        Point input = (Point)
                GeoJsonInput.site(geo, field + ".point", crs, api.workingCrs().geometryFactory());
        Point working = (Point) crs.toWorking(input, api.workingCrs());
        return new Employer(name, working, null, workers);
    }

    /** {employers: [{name, address?, point (CRS84), workers}], rooms?, parkingSpaces?}: what the answer was about. */
    static ObjectNode echo(InitiativeFacts f, WorkingCrs workingCrs) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        ArrayNode es = o.putArray("employers");
        for (Employer e : f.employers()) {
            ObjectNode x = es.addObject();
            if (e.name() != null) x.put("name", e.name());
            if (e.address() != null) x.put("address", e.address());
            x.set("point", GeoJson.write(e.location(), workingCrs, ApiCrs.CRS84));
            x.put("workers", e.workers());
        }
        if (f.rooms() != null) o.put("rooms", f.rooms());
        if (f.parkingSpaces() != null) o.put("parkingSpaces", f.parkingSpaces());
        return o;
    }
}
