package nl.plektoets.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import nl.plektoets.assess.Verdict;
import nl.plektoets.criteria.SpatialLookup;
import nl.plektoets.data.Role;
import nl.plektoets.geo.ApiCrs;
import nl.plektoets.geo.GeoJson;
import nl.plektoets.geo.WorkingCrs;
import nl.plektoets.overview.HousingOverview;
import nl.plektoets.registers.PermitStatus;
import nl.plektoets.registers.RoomRentalPermit;
import nl.plektoets.registers.RoomRentedDwelling;
import nl.plektoets.request.HousingForm;
import nl.plektoets.request.Stay;
import nl.plektoets.roomrental.Dwelling;
import nl.plektoets.roomrental.PermitPlacement;
import nl.plektoets.roomrental.RoomRentalRules;
import nl.plektoets.roomrental.Street;
import nl.plektoets.roomrental.StreetLimitGuard;
import nl.plektoets.roomrental.StreetStanding;
import nl.plektoets.store.Store;
import nl.plektoets.web.http.Paging;
import nl.plektoets.web.http.Problem;
import nl.plektoets.web.http.QueryParams;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Point;

/**
 * The planner view's handlers as plain methods (as {@link Api}): what lies at a point of the map with its provenance
 * ({@code GET /api/v1/features}), the overview of every address's verdict for one form and size
 * ({@code GET /api/v1/overview}) and the room-rental permits per street ({@code GET /api/v1/room-rental/permits}).
 * {@link PlannerRoutes} maps them to paths and puts the last two behind the planner token. One instance per served
 * dataset (a reload makes a new one, which drops the overview cache).
 */
public final class PlannerApi {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Default and largest search radius around a clicked point: a click is a few pixels, not a neighbourhood. */
    static final double TOLERANCE_DEFAULT_M = 5, TOLERANCE_MAX_M = 250;

    static final int FEATURES_LIMIT_DEFAULT = 50;

    private final Api api;
    private final WorkingCrs workingCrs;
    private final SpatialLookup lookup;
    private final HousingOverview<?> overview;
    private final RoomRentalRules rules;
    private final Store store;

    /**
     * @param lookup   the engine's spatial index ({@code Assessor.lookup()})
     * @param overview the address overview over the engine that assesses requests
     * @param rules    the room-rental street rules over the same dataset
     * @param store    the register store (permits)
     */
    /** The {@code dataset} member of every answer. */
    public ObjectNode datasetJson() {
        return api.datasetJson();
    }

    public PlannerApi(Api api, SpatialLookup lookup, HousingOverview<?> overview, RoomRentalRules rules, Store store) {
        this.api = api;
        this.workingCrs = api.workingCrs();
        this.lookup = lookup;
        this.overview = overview;
        this.rules = rules;
        this.store = store;
    }

    public HousingOverview<?> housingOverview() {
        return overview;
    }

    // ---------------------------------------------------------------- GET /api/v1/features

    /**
     * Every feature of every layer (or of the layers in {@code role}) within {@code tolerance-m} of the point
     * {@code lon},{@code lat} (CRS84), nearest first (containing areas at 0 m), each with its role, attributes (an
     * IMRO plan's id, bestemming and article) and provenance (source, sourceId, sourceTag).
     */
    public ObjectNode features(Map<String, List<String>> query) {
        Map<String, String> p = QueryParams.single(query, Set.of("lon", "lat", "tolerance-m", "role", "crs", "limit"));
        double lon = number(p, "lon", -180, 180, "longitude in degrees (CRS84), e.g. lon=3.69");
        double lat = number(p, "lat", -90, 90, "latitude in degrees (CRS84), e.g. lat=52.56");
        double tolerance = p.containsKey("tolerance-m")
                ? number(p, "tolerance-m", 0, TOLERANCE_MAX_M, "metres around the point, 0 to " + (int) TOLERANCE_MAX_M)
                : TOLERANCE_DEFAULT_M;
        EnumSet<Role> roles = roles(p.get("role"));
        ApiCrs crs = QueryParams.crs(p, "crs");
        int limit = Paging.limit(
                p.get("limit"), FEATURES_LIMIT_DEFAULT, api.config().layerLimitMax());

        Coordinate c = workingCrs.fromLonLat(lon, lat);
        Point point = workingCrs.geometryFactory().createPoint(c);
        List<SpatialLookup.Hit> hits = new ArrayList<>();
        for (Role r : roles) hits.addAll(lookup.withinDistance(r, point, tolerance));
        hits.sort(Comparator.comparingDouble(SpatialLookup.Hit::distanceM)
                .thenComparing(h -> h.feature().role().ordinal())
                .thenComparingLong(h -> h.feature().id()));

        ObjectNode out = NODES.objectNode();
        out.put("type", "FeatureCollection");
        ArrayNode fs = out.putArray("features");
        for (SpatialLookup.Hit h : hits.subList(0, Math.min(limit, hits.size()))) {
            ObjectNode f = FeatureJson.feature(h.feature(), workingCrs, crs);
            ((ObjectNode) f.get("properties")).put("distanceM", GeoJson.round(h.distanceM(), 1));
            fs.add(f);
        }
        out.put("numberMatched", hits.size());
        out.put("numberReturned", fs.size());
        ObjectNode at = out.putObject("point");
        at.set("location", GeoJson.write(point, workingCrs, crs));
        at.put("toleranceM", tolerance);
        out.set("dataset", api.datasetJson());
        return out;
    }

    private static EnumSet<Role> roles(String text) {
        if (text == null) return EnumSet.allOf(Role.class);
        EnumSet<Role> out = EnumSet.noneOf(Role.class);
        for (String id : text.split(",")) {
            out.add(Role.byId(id.trim())
                    .orElseThrow(() -> new Problem(
                            Problem.Type.INVALID_PARAMETER,
                            "role",
                            "Unknown layer '" + id.trim() + "' in role; give layers separated by commas, out of "
                                    + Arrays.stream(Role.values()).map(Role::id).collect(Collectors.joining(", ")))));
        }
        return out;
    }

    // ---------------------------------------------------------------- GET /api/v1/overview

    /**
     * Every address (or those in {@code bbox}) with its verdict for {@code form}, {@code persons} and
     * {@code newBuild}, page by page as {@code /api/v1/layers/{role}}, with totals per verdict and per town over
     * the addresses in the box; {@code verdict} narrows the page (not the totals) to one verdict.
     */
    public ObjectNode overview(Map<String, List<String>> query) {
        Map<String, String> p = QueryParams.single(
                query,
                Set.of("form", "persons", "newBuild", "stay", "verdict", "bbox", "bbox-crs", "crs", "limit", "offset"));
        HousingForm form = form(p.get("form"));
        Stay stay = stay(p.get("stay"));
        int persons = persons(p.get("persons"));
        boolean newBuild = bool(p, "newBuild");
        String verdict = verdict(p.get("verdict"));
        ApiCrs crs = QueryParams.crs(p, "crs");
        ApiCrs bboxCrs = QueryParams.crs(p, "bbox-crs");
        if (p.containsKey("bbox-crs") && !p.containsKey("bbox")) {
            throw new Problem(
                    Problem.Type.INVALID_PARAMETER,
                    "bbox-crs",
                    "bbox-crs is given without bbox; add bbox=minx,miny,maxx,maxy");
        }
        Envelope box = p.containsKey("bbox") ? BboxParameter.toWorking(p.get("bbox"), bboxCrs, workingCrs) : null;
        Paging paging =
                Paging.of(p, api.config().layerLimitDefault(), api.config().layerLimitMax());

        HousingOverview.Answer answer = overview.get(new HousingOverview.Key(form, persons, newBuild, stay));
        HousingOverview.Result result = answer.result();
        List<HousingOverview.Row> inBox = new ArrayList<>();
        for (HousingOverview.Row r : result.rows()) {
            if (box == null || box.contains(r.site().getCoordinate())) inBox.add(r);
        }
        List<HousingOverview.Row> matched = verdict == null
                ? inBox
                : inBox.stream().filter(r -> verdict.equals(verdictId(r))).toList();
        List<HousingOverview.Row> page = paging.of(matched);

        ObjectNode out = NODES.objectNode();
        out.put("type", "FeatureCollection");
        ArrayNode fs = out.putArray("features");
        for (HousingOverview.Row r : page) fs.add(feature(r, crs));
        out.put("numberMatched", matched.size());
        out.put("numberReturned", page.size());
        Map<String, String> self = new LinkedHashMap<>(p);
        self.put("form", form.id());
        self.put("persons", Integer.toString(persons));
        self.put("newBuild", Boolean.toString(newBuild));
        self.put("stay", stay.id());
        paging.links(out.putArray("links"), "/api/v1/overview", self, matched.size(), Answers.GEO_JSON, null);
        out.set("totals", totals(inBox));
        Map<String, List<HousingOverview.Row>> byTown = new TreeMap<>();
        for (HousingOverview.Row r : inBox)
            byTown.computeIfAbsent(r.town() == null ? "" : r.town(), t -> new ArrayList<>())
                    .add(r);
        ArrayNode towns = out.putArray("totalsPerTown");
        byTown.forEach((town, rows) -> {
            ObjectNode t = NODES.objectNode();
            t.put("town", town);
            t.setAll(totals(rows));
            towns.add(t);
        });
        ObjectNode a = out.putObject("assessment");
        a.put("form", form.id());
        a.put("persons", persons);
        a.put("newBuild", newBuild);
        a.put("stay", stay.id());
        ObjectNode computed = out.putObject("computed");
        computed.put("at", result.computedAt().toString());
        computed.put("millis", Math.round(result.millis()));
        computed.put("cached", answer.cached());
        out.set("dataset", api.datasetJson());
        out.set("policy", api.policyJson());
        return out;
    }

    private ObjectNode feature(HousingOverview.Row r, ApiCrs crs) {
        ObjectNode f = NODES.objectNode();
        f.put("type", "Feature");
        f.put("id", r.address().id());
        f.set("geometry", GeoJson.write(r.site(), workingCrs, crs));
        ObjectNode props = f.putObject("properties");
        props.put("label", r.label());
        props.put("town", r.town());
        props.put("verdict", verdictId(r));
        props.put("locationClass", r.locationClass());
        ArrayNode failing = props.putArray("failing");
        r.failing().forEach(failing::add);
        ArrayNode conditional = props.putArray("conditional");
        r.conditional().forEach(conditional::add);
        if (r.error() != null) props.put("error", r.error());
        return f;
    }

    /** The verdict's id, or {@code error} for an address the engine could not assess. */
    private static String verdictId(HousingOverview.Row r) {
        return r.verdict() == null ? "error" : r.verdict().id();
    }

    private static ObjectNode totals(List<HousingOverview.Row> rows) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Verdict v : Verdict.values()) counts.put(v.id(), 0);
        counts.put("error", 0);
        for (HousingOverview.Row r : rows) counts.merge(verdictId(r), 1, Integer::sum);
        ObjectNode t = NODES.objectNode();
        t.put("addresses", rows.size());
        counts.forEach(t::put);
        return t;
    }

    private static HousingForm form(String text) {
        if (text == null) return HousingForm.ROOM_RENTAL;
        return HousingForm.byId(text)
                .orElseThrow(() -> new Problem(
                        Problem.Type.INVALID_PARAMETER,
                        "form",
                        "Unknown form '" + text + "'; use one of "
                                + Arrays.stream(HousingForm.values())
                                        .map(HousingForm::id)
                                        .collect(Collectors.joining(", "))));
    }

    /** Bijlage 1: short = logies of at most 4 months, mid = up to 5 years (default), as the assessment's stay. */
    private static Stay stay(String text) {
        if (text == null) return Stay.MID;
        return Stay.byId(text.trim())
                .orElseThrow(() -> new Problem(
                        Problem.Type.INVALID_PARAMETER,
                        "stay",
                        "Unknown stay '" + text + "'; use short (logies, at most 4 months) or mid (default)"));
    }

    private static int persons(String text) {
        if (text == null) return 4; // as assess-all
        try {
            int v = Integer.parseInt(text.trim());
            if (v >= 1) return v;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new Problem(
                Problem.Type.INVALID_PARAMETER,
                "persons",
                "persons must be a whole number of at least 1, got '" + text + "'");
    }

    private static boolean bool(Map<String, String> p, String name) {
        String text = p.get(name);
        if (text == null) return false;
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default ->
                throw new Problem(
                        Problem.Type.INVALID_PARAMETER, name, name + " must be true or false, got '" + text + "'");
        };
    }

    private static String verdict(String text) {
        if (text == null) return null;
        List<String> ids =
                new ArrayList<>(Arrays.stream(Verdict.values()).map(Verdict::id).toList());
        ids.add("error");
        if (!ids.contains(text)) {
            throw new Problem(
                    Problem.Type.INVALID_PARAMETER,
                    "verdict",
                    "Unknown verdict '" + text + "'; use one of " + String.join(", ", ids));
        }
        return text;
    }

    // ---------------------------------------------------------------- GET /api/v1/room-rental/permits

    /**
     * The room-rental permits per street (§5.1.3, §6.2.6) for the planners: every street or segment with at least one
     * permit (of {@code status}, when given), its standing (dwellings, granted, pending, limit, left) and geometry, and
     * its permits with the dwelling's location; permits that match no street of the address data under
     * {@code unplaced}.
     */
    public ObjectNode permitsPerStreet(Map<String, List<String>> query) {
        Map<String, String> p = QueryParams.single(query, Set.of("status", "crs"));
        String status = p.get("status");
        if (status != null && Arrays.stream(PermitStatus.values()).noneMatch(s -> s.id().equals(status))) {
            throw new Problem(
                    Problem.Type.INVALID_PARAMETER,
                    "status",
                    "Unknown status '" + status + "'; use one of "
                            + Arrays.stream(PermitStatus.values())
                                    .map(PermitStatus::id)
                                    .collect(Collectors.joining(", ")));
        }
        ApiCrs crs = QueryParams.crs(p, "crs");
        List<RoomRentalPermit> all = store.permits(null, null);
        List<PermitPlacement> active = new ArrayList<>();
        for (RoomRentalPermit r : all) {
            if (r.status() == PermitStatus.GRANTED || r.status() == PermitStatus.APPLIED) active.add(placement(r));
        }
        // known room-rented dwellings without a permit fill the streets too (§5.1.3)
        store.roomRentedDwellings(RoomRentedDwelling.Status.KNOWN.id())
                .forEach(k -> active.add(StreetLimitGuard.placement(k)));
        Map<String, StreetStanding> standings = new LinkedHashMap<>();
        for (StreetStanding s : rules.standings(active)) standings.put(s.unit().id(), s);

        Map<String, List<ObjectNode>> perUnit = new LinkedHashMap<>();
        ArrayNode unplaced = NODES.arrayNode();
        for (RoomRentalPermit r : all) {
            if (status != null && !r.status().id().equals(status)) continue;
            RoomRentalRules.Placed placed = rules.place(placement(r));
            Street unit = placed.dwelling() != null
                    ? rules.model().unitOf(placed.dwelling())
                    : rules.model().units().stream()
                            .filter(u -> u.key().equals(placed.street()) && u.segment() <= 1)
                            .findFirst()
                            .orElse(null);
            ObjectNode o = permitJson(r, placed.dwelling(), crs);
            if (unit == null) unplaced.add(o);
            else perUnit.computeIfAbsent(unit.id(), k -> new ArrayList<>()).add(o);
        }
        ObjectNode out = NODES.objectNode();
        out.put("type", "FeatureCollection");
        ArrayNode fs = out.putArray("features");
        int permits = unplaced.size();
        for (StreetStanding s : standings.values()) {
            List<ObjectNode> list = perUnit.get(s.unit().id());
            if (list == null) continue;
            permits += list.size();
            ObjectNode f = fs.addObject();
            f.put("type", "Feature");
            f.put("id", s.unit().id());
            f.set("geometry", GeoJson.write(s.unit().geometry(), workingCrs, crs));
            ObjectNode props = f.putObject("properties");
            props.put("name", s.unit().name());
            props.put("town", s.unit().town());
            if (s.unit().segment() > 0) props.put("segment", s.unit().segment());
            props.put("dwellings", s.dwellings());
            props.put("granted", s.granted());
            props.put("known", s.known());
            props.put("pending", s.pending());
            if (s.limit() == null) props.putNull("limit");
            else props.put("limit", s.limit());
            if (s.left() == null) props.putNull("left");
            else props.put("left", s.left());
            props.put("status", s.status());
            props.put("policyRef", s.paragraph());
            ArrayNode ps = props.putArray("permits");
            list.forEach(ps::add);
        }
        out.put("numberOfStreets", fs.size());
        out.put("numberOfPermits", permits);
        out.set("unplaced", unplaced);
        out.set("dataset", api.datasetJson());
        return out;
    }

    private static PermitPlacement placement(RoomRentalPermit r) {
        return new PermitPlacement(
                r.id(), r.street(), r.town(), r.dwellingBagId(), r.address(), r.status() == PermitStatus.GRANTED);
    }

    private ObjectNode permitJson(RoomRentalPermit r, Dwelling dwellingOrNull, ApiCrs crs) {
        ObjectNode o = NODES.objectNode();
        o.put("id", r.id());
        o.put("address", r.address());
        o.put("dwellingBagId", r.dwellingBagId());
        o.put("street", r.street());
        o.put("town", r.town());
        o.put("status", r.status().id());
        o.put("type", r.type().id());
        o.put("rooms", r.rooms());
        o.put("persons", r.persons());
        o.put("appliedOn", r.appliedOn() == null ? null : r.appliedOn().toString());
        o.put("validUntil", r.validUntil() == null ? null : r.validUntil().toString());
        if (dwellingOrNull == null) o.putNull("location");
        else o.set("location", GeoJson.write(dwellingOrNull.location(), workingCrs, crs));
        return o;
    }

    // ---------------------------------------------------------------- shared

    private static double number(Map<String, String> p, String name, double min, double max, String what) {
        String text = p.get(name);
        if (text == null)
            throw new Problem(Problem.Type.INVALID_PARAMETER, name, name + " is missing; give the " + what);
        double v;
        try {
            v = Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            v = Double.NaN;
        }
        if (!Double.isFinite(v) || v < min || v > max) {
            throw new Problem(
                    Problem.Type.INVALID_PARAMETER,
                    name,
                    name + " must be a number from " + fmt(min) + " to " + fmt(max) + " (" + what + "), got '" + text
                            + "'");
        }
        return v;
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
