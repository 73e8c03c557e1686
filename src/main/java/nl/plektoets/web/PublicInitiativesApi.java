package nl.plektoets.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.ToIntBiFunction;
import nl.plektoets.criteria.SpatialLookup;
import nl.plektoets.csv.CsvRows;
import nl.plektoets.data.Feature;
import nl.plektoets.data.Role;
import nl.plektoets.geo.ApiCrs;
import nl.plektoets.geo.GeoJson;
import nl.plektoets.geo.LayerGeometry;
import nl.plektoets.policy.PublicInitiatives;
import nl.plektoets.registers.HousingInitiative;
import nl.plektoets.registers.InitiatorKind;
import nl.plektoets.registers.RegisterStore;
import nl.plektoets.web.http.Paging;
import nl.plektoets.web.http.Problem;
import nl.plektoets.web.http.QueryParams;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

/**
 * The public overview of housing initiatives (§4.1.2): per village, each public initiative's form, persons, status
 * and the initiator's own project page. Which statuses are public and how precisely a private person's initiative is
 * placed come from the profile ({@link PublicInitiatives}). Nothing personal leaves here: no initiator name, notes,
 * dates, register id, assessment or audit; a person's initiative is placed by its street (or village), never its
 * site. Handlers as plain methods (query map in, JSON tree or CSV text out); {@link PublicInitiativeRoutes} serves
 * them.
 */
public final class PublicInitiativesApi {
    public static final String PATH = "/api/v1/public/initiatives";
    public static final String CSV_PATH = "/api/v1/public/initiatives.csv";

    /** A page of the map and list; the whole register of a municipality is a few hundred entries. */
    static final int DEFAULT_LIMIT = 500, MAX_LIMIT = 1000;
    /** The CSV is a download of everything that matches, in pages only when asked. */
    static final int CSV_MAX_LIMIT = 100_000;

    /**
     * The nearest address within this distance names the street and village of a site: an address is on its plot,
     * and a site on a farmyard or a business park rarely lies further from the nearest address. Not a policy number.
     */
    static final double ADDRESS_SEARCH_M = 250;
    /** Without an address nearby, the nearest village (TOP10NL/OSM place) within this distance names the village. */
    static final double VILLAGE_SEARCH_M = 15_000;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> PARAMS = Set.of("village", "status", "limit", "offset");

    private final RegisterStore store;
    private final PublicInitiatives policy;
    private final SpatialLookup lookup;
    private final LayerGeometry crs;
    private final ObjectNode dataset;
    private final boolean fictitious;
    private final ToIntBiFunction<String, String> streetDwellings;

    /**
     * @param lookup  the layers served now (addresses and villages name the place of a site)
     * @param workingCrs the served dataset's working CRS (the register keeps sites in RD New)
     * @param dataset the {@code dataset} member every answer carries
     * @param streetDwellings the number of dwellings of a street (name, town) in the layers served now: a private
     *                        person's street is shown only from the profile's {@code street_min_dwellings}
     */
    public PublicInitiativesApi(
            RegisterStore store,
            PublicInitiatives policy,
            SpatialLookup lookup,
            String workingCrs,
            ObjectNode dataset,
            boolean fictitious,
            ToIntBiFunction<String, String> streetDwellings) {
        this.streetDwellings = streetDwellings;
        this.store = store;
        this.policy = policy;
        this.lookup = lookup;
        this.crs = new LayerGeometry(workingCrs);
        this.dataset = dataset;
        this.fictitious = fictitious;
    }

    public ObjectNode datasetJson() {
        return dataset.deepCopy();
    }

    /** How precisely an entry is placed: at its site (an organisation), or only by street or village (a person). */
    enum Precision {
        SITE,
        STREET,
        VILLAGE;

        String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** One public row: what may be shown of an initiative, and nothing else. */
    record Row(
            String village,
            String street,
            Precision precision,
            String form,
            int persons,
            String status,
            String projectPage,
            Point pointCrs84) {}

    // ---------------------------------------------------------------- GET /api/v1/public/initiatives

    /**
     * A GeoJSON FeatureCollection of the public initiatives, sorted by village, street and form, paged
     * ({@code limit}, {@code offset}, links); {@code villages} counts every matching initiative per village, and
     * {@code policy} says which statuses are public, how a person's initiative is placed and whether the council
     * adopted that reading.
     */
    public ObjectNode list(Map<String, List<String>> query) {
        Map<String, String> p = QueryParams.single(query, PARAMS);
        Paging paging = Paging.of(p, DEFAULT_LIMIT, MAX_LIMIT);
        List<Row> rows = rows(p);
        ObjectNode out = NODES.objectNode();
        out.put("type", "FeatureCollection");
        out.put("count", rows.size());
        ArrayNode features = out.putArray("features");
        for (Row r : paging.of(rows)) features.add(feature(r));
        out.put("numberReturned", features.size());
        Map<String, String> others = new LinkedHashMap<>(p);
        others.remove("limit");
        others.remove("offset");
        paging.links(out.putArray("links"), PATH, others, rows.size(), Routes.GEO_JSON, null);
        Map<String, Integer> perVillage = new TreeMap<>(collator());
        for (Row r : rows) perVillage.merge(villageOrUnknown(r), 1, Integer::sum);
        ArrayNode villages = out.putArray("villages");
        perVillage.forEach((v, n) -> villages.addObject().put("village", v).put("count", n));
        out.set("policy", policyJson());
        return out;
    }

    private ObjectNode feature(Row r) {
        ObjectNode f = NODES.objectNode();
        f.put("type", "Feature");
        if (r.pointCrs84() == null) f.putNull("geometry");
        else f.set("geometry", GeoJson.write(r.pointCrs84(), ApiCrs.CRS84.decimals()));
        ObjectNode props = f.putObject("properties");
        props.put("village", r.village());
        props.put("street", r.street());
        props.put("location", r.precision().id());
        props.put("form", r.form());
        props.put("persons", r.persons());
        props.put("status", r.status());
        props.put("projectPage", r.projectPage());
        return f;
    }

    private ObjectNode policyJson() {
        ObjectNode o = NODES.objectNode();
        o.put("paragraph", policy.paragraph());
        ArrayNode statuses = o.putArray("statuses");
        policy.statuses().forEach(statuses::add);
        o.put("privateLocation", policy.privateLocation().id());
        o.put("streetMinDwellings", policy.streetMinDwellings());
        o.put("adopted", policy.adopted());
        if (!policy.adopted())
            o.putObject("adoptedNote").put("nl", policy.adoptedNoteNl()).put("en", policy.adoptedNote());
        return o;
    }

    // ---------------------------------------------------------------- GET /api/v1/public/initiatives.csv

    /**
     * The same rows as CSV (RFC 4180 through {@link CsvRows}, so a street or link starting with {@code =} stays text):
     * every match unless {@code limit}/{@code offset} ask for a page. No name, e-mail or phone column exists.
     */
    public String csv(Map<String, List<String>> query) {
        Map<String, String> p = QueryParams.single(query, PARAMS);
        Paging paging = Paging.of(p, CSV_MAX_LIMIT, CSV_MAX_LIMIT);
        StringBuilder b = new StringBuilder(CsvRows.header(List.of(
                "village",
                "street",
                "location",
                "form",
                "persons",
                "status",
                "project_page",
                "lon",
                "lat",
                "policy_adopted",
                "fictitious")));
        for (Row r : paging.of(rows(p))) {
            Point pt = r.pointCrs84();
            b.append(CsvRows.row(Arrays.asList(
                    r.village(),
                    r.street(),
                    r.precision().id(),
                    r.form(),
                    r.persons(),
                    r.status(),
                    r.projectPage(),
                    pt == null ? null : round7(pt.getX()),
                    pt == null ? null : round7(pt.getY()),
                    policy.adopted(),
                    fictitious)));
        }
        return b.toString();
    }

    private static Double round7(double v) {
        return Math.round(v * 1e7) / 1e7;
    }

    // ---------------------------------------------------------------- the rows

    /** The public initiatives matching {@code village} and {@code status}, in village, street, form order. */
    List<Row> rows(Map<String, String> p) {
        String status = p.get("status");
        if (status != null && !policy.isPublic(status)) {
            throw new Problem(
                    Problem.Type.INVALID_PARAMETER,
                    "status",
                    "status must be one of the public statuses " + policy.statuses() + ", not '" + status + "'");
        }
        String village = p.get("village");
        if (village != null && village.isBlank()) village = null;
        List<Row> rows = new ArrayList<>();
        for (HousingInitiative i : store.initiatives(status)) {
            if (!policy.isPublic(i.status().id())) continue;
            Row r = row(i);
            if (village != null && !village.strip().equalsIgnoreCase(villageOrUnknown(r))) continue;
            rows.add(r);
        }
        Comparator<String> names = Comparator.nullsLast(collator());
        rows.sort(Comparator.comparing(Row::village, names)
                .thenComparing(Row::street, names)
                .thenComparing(Row::form)
                .thenComparing(Row::status)
                .thenComparingInt(Row::persons));
        return rows;
    }

    private static String villageOrUnknown(Row r) {
        return r.village() == null ? "" : r.village();
    }

    /** Names in plain case-insensitive order: the same on every JVM and locale, so pages never reshuffle. */
    private static Comparator<String> collator() {
        return String.CASE_INSENSITIVE_ORDER;
    }

    /** What the public may see of {@code i}: the place by the nearest address (or village), the point by precision. */
    private Row row(HousingInitiative i) {
        Geometry site = crs.fromStorage(i.site());
        Point centre = site instanceof Point pt ? pt : site.getInteriorPoint();
        Feature address = nearest(Role.ADDRESS, centre, ADDRESS_SEARCH_M);
        Feature villageFeature = nearest(Role.VILLAGE, centre, VILLAGE_SEARCH_M);
        String village = address != null && address.attribute("town") != null
                ? address.attribute("town")
                : villageFeature == null ? null : villageFeature.attribute("name");
        String street = address == null ? null : address.attribute("street");
        Precision precision;
        Point point;
        if (i.initiatorKind() == InitiatorKind.ORGANISATION) {
            precision = Precision.SITE;
            point = (Point) ApiCrs.CRS84.fromWorking(centre, crs.working());
        } else {
            // a person's site is their home: only the village's own point goes on the map, never anything nearer;
            // and the street only where it has enough dwellings that its name does not point at the person
            precision =
                    street != null && policy.streetShown(streetDwellings.applyAsInt(street, address.attribute("town")))
                            ? Precision.STREET
                            : Precision.VILLAGE;
            if (precision == Precision.VILLAGE) street = null;
            // no village point of that name (a hamlet the village layer lacks): listed, not drawn, rather than drawn at
            // another village
            Feature shown = villageNamed(village, centre);
            point = shown == null ? null : (Point) ApiCrs.CRS84.fromWorking(pointOf(shown), crs.working());
        }
        return new Row(
                village,
                street,
                precision,
                i.form().id(),
                i.persons(),
                i.status().id(),
                i.projectPage(),
                point);
    }

    private Feature nearest(Role role, Geometry at, double withinM) {
        if (!lookup.hasData(role)) return null;
        return lookup.withinDistance(role, at, withinM).stream()
                .min(Comparator.comparingDouble(SpatialLookup.Hit::distanceM)
                        .thenComparingLong(h -> h.feature().id()))
                .map(SpatialLookup.Hit::feature)
                .orElse(null);
    }

    /** The nearest village feature carrying {@code name}, so a person's initiative is drawn at its own village. */
    private Feature villageNamed(String name, Geometry at) {
        if (name == null || !lookup.hasData(Role.VILLAGE)) return null;
        return lookup.withinDistance(Role.VILLAGE, at, VILLAGE_SEARCH_M).stream()
                .filter(h -> name.equalsIgnoreCase(h.feature().attribute("name")))
                .min(Comparator.comparingDouble(SpatialLookup.Hit::distanceM))
                .map(SpatialLookup.Hit::feature)
                .orElse(null);
    }

    private static Point pointOf(Feature f) {
        Geometry g = f.geometry();
        return g instanceof Point p ? p : g.getInteriorPoint();
    }
}
