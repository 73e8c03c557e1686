package nl.plektoets.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.plektoets.address.AddressIndex;
import nl.plektoets.address.Resolution;
import nl.plektoets.criteria.CriterionResult;
import nl.plektoets.csv.CsvRows;
import nl.plektoets.data.DatasetInfo;
import nl.plektoets.geo.ApiCrs;
import nl.plektoets.geo.GeoJson;
import nl.plektoets.geo.WorkingCrs;
import nl.plektoets.policy.RoomRentalPolicy;
import nl.plektoets.roomrental.Disclosure;
import nl.plektoets.roomrental.Dwelling;
import nl.plektoets.roomrental.RoomRentalPermits;
import nl.plektoets.roomrental.RoomRentalRules;
import nl.plektoets.roomrental.RoomRentalStreetCriterion;
import nl.plektoets.roomrental.StreetStanding;
import nl.plektoets.store.Store;
import nl.plektoets.web.http.Problem;
import nl.plektoets.web.http.QueryParams;
import nl.plektoets.web.ogc.StreetSource;
import org.locationtech.jts.geom.Envelope;

/**
 * The public room-rental overview of §5.1.3 ("Dit overzicht moet ook publiekelijk toegankelijk zijn ... Dit is
 * AVG-technisch mogelijk"): per street (or segment) the dwellings, granted permits, pending applications, the limit,
 * what is left and the status, as GeoJSON, CSV and OGC API - Features; the check for one address; and a rate-limited
 * "report a wrong entry". No login, and never an address, a name or a permit id of a permit holder: only counts.
 * Handlers are plain methods (as in {@link Api}); {@link RoomRentalRoutes} maps them to paths.
 */
public final class RoomRentalApi implements StreetSource {
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Reports per client per hour: enough for a person, not for a script. */
    static final int REPORTS_PER_HOUR = 5;

    static final int REPORT_MAX_CHARS = 2000;
    /** A street id is an identifier ("town/street#2"), not prose: longer ones are refused before any lookup. */
    static final int STREET_ID_MAX_CHARS = 200;

    private final RoomRentalRules rules;
    private final RoomRentalPermits permits;
    private final RoomRentalStreetCriterion criterion;
    private final AddressIndex addresses;
    private final WorkingCrs workingCrs;
    private final Store reportsOrNull;
    private final Clock clock;
    private final DatasetInfo dataset;
    private final ReportLimit reportLimit;
    private final Disclosure disclosure;

    /** A room-rental API with its own report limit and the default public disclosure (tests and tools). */
    public RoomRentalApi(
            RoomRentalRules rules,
            RoomRentalPermits permits,
            AddressIndex addresses,
            WorkingCrs workingCrs,
            Store reportsOrNull,
            Clock clock,
            DatasetInfo dataset) {
        this(
                rules,
                permits,
                addresses,
                workingCrs,
                reportsOrNull,
                clock,
                dataset,
                ReportLimit.reports(clock),
                Disclosure.publicFrom(Disclosure.DEFAULT_COUNTS_FROM_DWELLINGS));
    }

    /**
     * @param reportsOrNull where reports of wrong entries go (the store); null answers 503 on the report endpoint
     * @param reportLimit   the report rate limit; {@code serve} passes the one that outlives reloads
     * @param disclosure    what the public may see: {@link Disclosure#publicFrom} the configured number of dwellings
     */
    public RoomRentalApi(
            RoomRentalRules rules,
            RoomRentalPermits permits,
            AddressIndex addresses,
            WorkingCrs workingCrs,
            Store reportsOrNull,
            Clock clock,
            DatasetInfo dataset,
            ReportLimit reportLimit,
            Disclosure disclosure) {
        this.reportLimit = reportLimit;
        this.rules = rules;
        this.permits = permits;
        this.disclosure = disclosure;
        this.criterion = new RoomRentalStreetCriterion(rules, permits, disclosure);
        this.addresses = addresses;
        this.workingCrs = workingCrs;
        this.reportsOrNull = reportsOrNull;
        this.clock = clock;
        this.dataset = dataset;
    }

    /** The {@code dataset} member of every answer: the demo's counts must say they are fictitious. */
    public ObjectNode datasetJson() {
        return Api.datasetJson(dataset);
    }

    /** The standings of every street (or segment) whose geometry meets {@code areaOrNull} (working CRS). */
    @Override
    public List<StreetStanding> standings(Envelope areaOrNull) {
        List<StreetStanding> out = new ArrayList<>();
        for (StreetStanding s : rules.standings(permits.active())) {
            if (areaOrNull == null || areaOrNull.intersects(s.unit().geometry().getEnvelopeInternal())) out.add(s);
        }
        return out;
    }

    /**
     * One GeoJSON feature per street: counts only (no address, name or permit id, §5.1.3 and the AVG), and in a street
     * of fewer dwellings than the configured number only whether it is full; the limit's rule in words and whether it
     * is indicative (not adopted by the council).
     */
    @Override
    public ObjectNode feature(StreetStanding s, ApiCrs crs) {
        ObjectNode f = NODES.objectNode();
        f.put("type", "Feature");
        f.put("id", s.unit().id());
        f.set("geometry", GeoJson.write(s.unit().geometry(), workingCrs, crs));
        ObjectNode p = f.putObject("properties");
        p.put("name", s.unit().name());
        p.put("town", s.unit().town());
        if (s.unit().segment() > 0) p.put("segment", s.unit().segment());
        p.setAll((ObjectNode) RoomRentalJson.tree(rules.counts(s, disclosure)));
        p.put("rule", s.rule());
        p.put("policyRef", s.paragraph());
        p.put("geometrySource", s.unit().geometrySource());
        p.put("dataDate", dataDate().toString());
        return f;
    }

    /** The date of the counts: permits are read live, so today (in the service's clock). */
    @Override
    public LocalDate dataDate() {
        return LocalDate.now(clock);
    }

    // ---------------------------------------------------------------- GET /api/v1/room-rental/streets

    public ObjectNode streets(Map<String, List<String>> query) {
        Map<String, String> p = QueryParams.single(query, Set.of("bbox", "bbox-crs", "crs"));
        ApiCrs crs = QueryParams.crs(p, "crs");
        Envelope area = p.containsKey("bbox") ? bbox(p.get("bbox"), QueryParams.crs(p, "bbox-crs")) : null;
        if (!p.containsKey("bbox") && p.containsKey("bbox-crs")) {
            throw new Problem(
                    Problem.Type.INVALID_PARAMETER,
                    "bbox-crs",
                    "bbox-crs is given without bbox; add bbox=minx,miny,maxx,maxy");
        }
        ObjectNode out = NODES.objectNode();
        out.put("type", "FeatureCollection");
        ArrayNode fs = out.putArray("features");
        for (StreetStanding s : standings(area)) fs.add(feature(s, crs));
        out.put("numberReturned", fs.size());
        out.put("dataDate", dataDate().toString());
        out.put("policyRef", rules.policy().paragraph());
        out.set("limits", limits());
        out.put("addressData", dataset.name());
        return out;
    }

    /**
     * The rules behind every street's maximum as numbers, so a page can say in its own language which rule gave it
     * (the share, its minimum, an absolute count), whether it is indicative, and from how many dwellings counts are
     * published.
     */
    private ObjectNode limits() {
        ObjectNode o = NODES.objectNode();
        var share = rules.policy().share();
        var count = rules.policy().count();
        if (share.source().enabled()) {
            o.put("percent", share.percent());
            o.put("minimum", share.minimum());
            o.put("minimumFromDwellings", share.minimumFromDwellings());
        }
        if (count.source().enabled()) o.put("countPerStreet", count.max());
        boolean indicative = share.source().enabled() && !share.source().adopted()
                || count.source().enabled() && !count.source().adopted();
        o.put("indicative", indicative);
        if (indicative) {
            RoomRentalPolicy.Source notAdopted = !share.source().adopted() ? share.source() : count.source();
            o.putObject("indicativeNote").put("nl", notAdopted.adoptedNoteNl()).put("en", notAdopted.adoptedNote());
        }
        o.put("countsFromDwellings", disclosure.countsFromDwellings());
        return o;
    }

    // ---------------------------------------------------------------- GET /api/v1/room-rental/streets.csv

    /** The same rows as CSV (RFC 4180, UTF-8, text escaped against spreadsheet formulas), for spreadsheets. */
    public String csv(Map<String, List<String>> query) {
        Map<String, String> p = QueryParams.single(query, Set.of("bbox", "bbox-crs"));
        Envelope area = p.containsKey("bbox") ? bbox(p.get("bbox"), QueryParams.crs(p, "bbox-crs")) : null;
        // "fictitious" on every row, not in a comment line: it stays with each row through sorting and filtering, and
        // RFC 4180 readers know no comments
        StringBuilder b = new StringBuilder(CsvRows.header(List.of(
                "id",
                "name",
                "town",
                "segment",
                "dwellings",
                "granted",
                "known_without_permit",
                "pending",
                "limit",
                "left",
                "status",
                "limit_by",
                "indicative",
                "rule",
                "data_date",
                "fictitious")));
        for (StreetStanding s : standings(area)) {
            Map<String, Object> c = rules.counts(s, disclosure);
            // null = empty: no segment, no limit, counts withheld
            b.append(CsvRows.row(Arrays.asList(
                    s.unit().id(),
                    s.unit().name(),
                    s.unit().town(),
                    s.unit().segment() > 0 ? s.unit().segment() : null,
                    s.dwellings(),
                    c.get("granted"),
                    c.get("known"),
                    c.get("pending"),
                    c.get("limit"),
                    c.get("left"),
                    c.get("status"),
                    c.get("limitBy"),
                    s.indicative(),
                    s.rule() + " (" + s.paragraph() + ")"
                            + (s.indicative() ? "; " + RoomRentalRules.INDICATIVE_EN + ": " + s.note() : ""),
                    dataDate(),
                    dataset.fictitious())));
        }
        return b.toString();
    }

    // ---------------------------------------------------------------- GET /api/v1/room-rental/check

    /** May a room-rental permit be granted at this address? The standing of its street and every rule's outcome. */
    public ObjectNode check(Map<String, List<String>> query) {
        Map<String, String> p = QueryParams.single(query, Set.of("address", "rooms"));
        String text = p.get("address");
        if (text == null || text.isBlank()) {
            throw new Problem(Problem.Type.INVALID_PARAMETER, "address", "Give the address as address=Street 12, Town");
        }
        Integer rooms = null;
        if (p.containsKey("rooms")) {
            try {
                rooms = Integer.parseInt(p.get("rooms").trim());
            } catch (NumberFormatException e) {
                rooms = -1;
            }
            if (rooms < 1)
                throw new Problem(
                        Problem.Type.INVALID_PARAMETER, "rooms", "rooms must be a whole number of at least 1");
        }
        Resolution r = addresses.resolve(text);
        if (!(r instanceof Resolution.Found found)) {
            boolean ambiguous = r instanceof Resolution.Ambiguous;
            List<nl.plektoets.address.Address> cs =
                    ambiguous ? ((Resolution.Ambiguous) r).candidates() : ((Resolution.Unknown) r).candidates();
            ArrayNode candidates = NODES.arrayNode();
            cs.forEach(a -> candidates.add(a.label()));
            throw new Problem(
                            ambiguous ? Problem.Type.ADDRESS_AMBIGUOUS : Problem.Type.ADDRESS_NOT_FOUND,
                            "address",
                            ambiguous
                                    ? "'" + text + "' matches several addresses; add the town or postcode"
                                    : "No address '" + text + "' in " + dataset.name()
                                            + "; write it as \"Street 12, Town\"")
                    .with("candidates", candidates);
        }
        Dwelling d = rules.model()
                .byFeatureId(found.address().featureId())
                .orElseThrow(() -> new Problem(
                        Problem.Type.NOT_ASSESSABLE,
                        "address",
                        "'" + found.address().label() + "' is not a dwelling in the "
                                + "address data (its use is not residential), so room rental does not apply"));
        CriterionResult result = criterion.result(d, 0, rooms);
        ObjectNode out = NODES.objectNode();
        out.put("address", found.address().label());
        out.put("status", result.status().id());
        out.put("policyRef", result.policyRef());
        ObjectNode msg = out.putObject("message");
        msg.put("nl", result.message().nl());
        msg.put("en", result.message().en());
        StreetStanding s = rules.standing(rules.model().unitOf(d), rules.place(permits.active()), -1);
        out.set("street", feature(s, ApiCrs.CRS84));
        out.put("indicative", s.indicative());
        out.set("rules", RoomRentalJson.tree(result.evidence().get("rules")));
        out.put("dataDate", dataDate().toString());
        return out;
    }

    // ---------------------------------------------------------------- POST /api/v1/room-rental/reports

    /**
     * Stores a report of a wrong entry for the planners: {"streetId": "town/street", "message": "..."}. Rate-limited
     * per client ({@value #REPORTS_PER_HOUR} an hour); the client key is hashed in memory and never stored.
     */
    public ObjectNode report(JsonNode body, String clientKey) {
        if (body == null || !body.isObject()) {
            throw new Problem(
                    Problem.Type.INVALID_REQUEST,
                    null,
                    "Send {\"streetId\": \"town/street\", \"message\": \"what is wrong\"}");
        }
        for (var it = body.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!f.equals("streetId") && !f.equals("message")) {
                throw new Problem(
                        Problem.Type.INVALID_REQUEST,
                        f,
                        "Unknown member '" + f + "'; the members are message, streetId");
            }
        }
        String streetId = Problem.text(body.path("streetId").asText(""), "streetId", STREET_ID_MAX_CHARS);
        if (rules.model().units().stream().noneMatch(u -> u.id().equals(streetId))) {
            throw new Problem(
                    Problem.Type.INVALID_REQUEST,
                    "streetId",
                    "Unknown streetId '" + streetId
                            + "'; use the id of a feature of /api/v1/room-rental/streets, e.g. 'hardenberg/stationsstraat'");
        }
        String message = body.path("message").asText("").strip();
        if (message.length() < 10 || message.length() > REPORT_MAX_CHARS) {
            throw new Problem(
                    Problem.Type.INVALID_REQUEST,
                    "message",
                    "message must say what is wrong in 10 to " + REPORT_MAX_CHARS
                            + " characters (please no names or personal data)");
        }
        reportLimit.take(clientKey);
        if (reportsOrNull == null) {
            throw new Problem(
                    Problem.Type.INTERNAL_ERROR, null, "This server keeps no reports (started without a store)");
        }
        long id = reportsOrNull.addRoomRentalReport(streetId, message);
        ObjectNode out = NODES.objectNode();
        out.put("received", true);
        out.put("reference", id);
        out.put("streetId", streetId);
        return out;
    }

    // ---------------------------------------------------------------- parameters (OGC API style)

    /** minx,miny,maxx,maxy in {@code crs} -> the covering envelope in the working CRS. */
    @Override
    public Envelope bbox(String text, ApiCrs crs) {
        return BboxParameter.toWorking(text, crs, workingCrs);
    }

    @Override
    public RoomRentalRules rules() {
        return rules;
    }

    @Override
    public WorkingCrs workingCrs() {
        return workingCrs;
    }
}
