package nl.plektoets.web;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.plektoets.address.Address;
import nl.plektoets.address.AddressIndex;
import nl.plektoets.address.Resolution;
import nl.plektoets.assess.Assessment;
import nl.plektoets.assess.InvalidRequestException;
import nl.plektoets.config.Config;
import nl.plektoets.data.Dataset;
import nl.plektoets.data.DatasetInfo;
import nl.plektoets.data.Feature;
import nl.plektoets.data.Role;
import nl.plektoets.geo.ApiCrs;
import nl.plektoets.geo.GeoJson;
import nl.plektoets.geo.WorkingCrs;
import nl.plektoets.request.AreaType;
import nl.plektoets.request.AssessmentRequest;
import nl.plektoets.request.HousingForm;
import nl.plektoets.request.InitiativeFacts;
import nl.plektoets.request.Stay;
import nl.plektoets.web.http.GeoJsonInput;
import nl.plektoets.web.http.Paging;
import nl.plektoets.web.http.Problem;
import nl.plektoets.web.http.QueryParams;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * The HTTP API's handlers as plain methods: bytes and query parameters in, JSON trees out, {@link Problem} thrown
 * for bad input. They know nothing of Javalin ({@link Routes} maps them to paths), so they are easy to read and to
 * call from the CLI. Thread-safe.
 */
public final class Api {
    /** The members an assessment request may have; anything else is a typo worth reporting. */
    private static final Set<String> ASSESSMENT_MEMBERS = Set.of(
            "site",
            "crs",
            "address",
            "form",
            "persons",
            "newBuild",
            "stay",
            "areaType",
            "employsMigrants",
            "employerErf",
            "employers",
            "rooms",
            "parkingSpaces");

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Config config;
    private final Dataset dataset;
    private final WorkingCrs workingCrs;
    private final Function<AssessmentRequest, Assessment> assessor;
    private final PolicyInfo policy;
    private final AddressIndex addresses;
    private final LayerIndex layers;
    private static final ObjectMapper REQUEST_JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private final SiteChecks siteChecks;
    private final ObjectMapper mapper;
    private final AssessmentJson.Writer streamed;
    private final SerializedString datasetRaw;
    private final SerializedString policyRaw;

    /**
     * @param assessor the engine ({@code new Assessor(dataset, profile)::assess})
     */
    public Api(Config config, Dataset dataset, Function<AssessmentRequest, Assessment> assessor, PolicyInfo policy) {
        this.config = config;
        this.dataset = dataset;
        this.workingCrs = WorkingCrs.of(dataset.info().workingCrs());
        this.assessor = assessor;
        this.policy = policy;
        this.addresses = AddressIndex.of(dataset);
        this.layers = new LayerIndex(dataset);
        this.siteChecks = new SiteChecks(dataset, workingCrs, config.maxSiteAreaM2());
        this.mapper = new ObjectMapper()
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        this.streamed = new AssessmentJson.Writer(mapper, new AssessmentJson.Constants(mapper));
        // the same for every answer over this dataset and profile: written once
        this.datasetRaw = new SerializedString(new String(Answers.bytes(datasetJson()), StandardCharsets.UTF_8));
        this.policyRaw = new SerializedString(new String(Answers.bytes(policyJson()), StandardCharsets.UTF_8));
    }

    public Dataset dataset() {
        return dataset;
    }

    WorkingCrs workingCrs() {
        return workingCrs;
    }

    Config config() {
        return config;
    }

    public AddressIndex addressIndex() {
        return addresses;
    }

    // ---------------------------------------------------------------- POST /api/v1/assessments

    /** Assesses the site (or address) in a JSON request body; see docs/api.md for the contract. */
    public ObjectNode assess(byte[] body) {
        return assess(body, assessor);
    }

    /**
     * The same contract over another engine over the same data: the planner's ({@code POST
     * /api/v1/planner/assessments}), whose {@code spread} names every housing location, not only the public ones.
     */
    public ObjectNode assess(byte[] body, Function<AssessmentRequest, Assessment> engine) {
        Answered x = answered(body, engine);
        try {
            TokenBuffer buffer = new TokenBuffer(mapper, false);
            buffer.writeStartObject();
            answerFields(x, new AssessmentJson.Writer(mapper, null), buffer, false);
            buffer.writeEndObject();
            return (ObjectNode) mapper.readTree(buffer.asParser());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Answered answered(byte[] body, Function<AssessmentRequest, Assessment> engine) {
        if (body.length > config.maxBodyBytes()) throw bodyTooLarge();
        JsonNode root = parse(body);
        if (!root.isObject()) {
            throw new Problem(
                    Problem.Type.INVALID_REQUEST,
                    null,
                    "The body must be a JSON object such as "
                            + "{\"site\": {\"type\": \"Point\", \"coordinates\": [6.6, 52.6]}, \"form\": \"room_rental\", \"persons\": 4}");
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!ASSESSMENT_MEMBERS.contains(name)) {
                throw new Problem(
                        Problem.Type.INVALID_REQUEST,
                        name,
                        "Unknown member '" + name + "'; the members are "
                                + String.join(
                                        ", ",
                                        ASSESSMENT_MEMBERS.stream().sorted().toList()));
            }
        }
        HousingForm form = form(root.get("form"));
        int persons = persons(root.get("persons"));
        boolean newBuild = newBuild(root.get("newBuild"));
        Stay stay = stay(root.get("stay"));
        AreaType areaType = areaType(root.get("areaType"));

        JsonNode siteNode = root.get("site"), addressNode = root.get("address");
        Geometry site;
        Address address = null;
        if (siteNode != null && addressNode != null) {
            throw new Problem(Problem.Type.INVALID_REQUEST, "address", "Give either 'site' or 'address', not both");
        } else if (addressNode != null) {
            if (root.has("crs"))
                throw new Problem(
                        Problem.Type.INVALID_REQUEST, "crs", "'crs' belongs to 'site'; an address needs none");
            address = resolve(addressNode);
            site = address.location();
        } else if (siteNode != null) {
            site = site(siteNode, crs(root.get("crs")), "site");
        } else {
            throw new Problem(
                    Problem.Type.INVALID_REQUEST,
                    "site",
                    "Give the site as a GeoJSON Point or Polygon in 'site',"
                            + " or an address as 'address': \"Street 12, Town\"");
        }

        // Noordoostpolder's small locations: the business's own labour migrants and its own erf (issue 18)
        Boolean employsMigrants = employsMigrants(root.get("employsMigrants"));
        Geometry employerErf = employerErf(root.get("employerErf"), root.get("crs"));
        InitiativeFacts told = InitiativeInput.facts(root, this);
        InitiativeFacts facts =
                new InitiativeFacts(told.employers(), told.rooms(), told.parkingSpaces(), employsMigrants, employerErf);

        Assessment a;
        try {
            a = engine.apply(new AssessmentRequest(site, form, persons, newBuild, stay, areaType, facts));
        } catch (InvalidRequestException e) {
            // the engine's own limits (e.g. the policy profile's site.max_area_m2)
            throw new Problem(Problem.Type.NOT_ASSESSABLE, e.field(), e.getMessage());
        }
        return new Answered(a, address, facts);
    }

    /** A request read and assessed: what its answer is written from. */
    private record Answered(Assessment assessment, Address address, InitiativeFacts facts) {}

    /** The members of an assessment's answer, after the assessment's own: the one writer of both forms. */
    private void answerFields(Answered x, AssessmentJson.Writer writer, JsonGenerator g, boolean raw)
            throws IOException {
        writer.fields(x.assessment(), workingCrs, g);
        if (x.address() != null) {
            g.writeFieldName("address");
            g.writeTree(addressJson(x.address()));
        }
        if (!InitiativeInput.isEmpty(x.facts())) {
            g.writeFieldName("initiative");
            g.writeTree(InitiativeInput.echo(x.facts(), workingCrs));
        }
        g.writeFieldName("dataset");
        if (raw) g.writeRawValue(datasetRaw);
        else g.writeTree(datasetJson());
        g.writeFieldName("policy");
        if (raw) g.writeRawValue(policyRaw);
        else g.writeTree(policyJson());
    }

    /**
     * The answer of {@link #assess(byte[])} as UTF-8 JSON bytes, streamed without building a tree (the route {@code
     * POST /api/v1/assessments}: this is most of the JSON work of the service); the same bytes as writing the tree.
     */
    public byte[] assessJson(byte[] body) {
        return assessInto(body).toByteArray();
    }

    /**
     * {@link #assessJson}'s bytes lent, not copied ({@link AnswerBuffer#lend}): for a writer that gives them back when
     * its write has ended ({@link AssessmentFastPath}).
     */
    AnswerBuffer.Lent assessLent(byte[] body) {
        return assessInto(body).lend();
    }

    /** The answer written into this thread's {@link AnswerBuffer}. */
    private AnswerBuffer assessInto(byte[] body) {
        Answered x = answered(body, assessor);
        AnswerBuffer bytes = AnswerBuffer.take();
        try (JsonGenerator g = mapper.getFactory().createGenerator(bytes)) {
            g.writeStartObject();
            answerFields(x, streamed, g, true);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes;
    }

    private JsonNode parse(byte[] body) {
        return readJson(body, null);
    }

    /**
     * A request body as a JSON tree, read the same way for every route: a duplicate member is refused (which of two
     * values was meant cannot be known), so is anything after the value.
     *
     * @param field the member named in the problem (null: the body as a whole)
     * @throws Problem 400 malformed-json
     */
    static JsonNode readJson(byte[] body, String field) {
        if (body.length == 0) {
            throw new Problem(Problem.Type.MALFORMED_JSON, field, "The request body is empty; send a JSON object");
        }
        try {
            return REQUEST_JSON.readTree(body);
        } catch (JsonProcessingException e) {
            JsonLocation l = e.getLocation();
            throw new Problem(
                    Problem.Type.MALFORMED_JSON,
                    field,
                    "The body is not valid JSON"
                            + (l == null ? "" : " (line " + l.getLineNr() + ", column " + l.getColumnNr() + ")") + ": "
                            + Problem.jsonError(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new Problem(Problem.Type.MALFORMED_JSON, field, "The body cannot be read as JSON (UTF-8 text)");
        }
    }

    /**
     * A site from its GeoJSON member, refused as the assessment refuses it (the one reader and the same checks for
     * assessments and registers): structure and ranges (400), then validity, dataset extent and area (422).
     *
     * @return the site in the working CRS
     */
    Geometry site(JsonNode siteNode, ApiCrs crs, String field) {
        Geometry input = GeoJsonInput.site(siteNode, field, crs, workingCrs.geometryFactory());
        Geometry site = crs.toWorking(input, workingCrs);
        siteChecks.check(input, crs, site, field);
        return site;
    }

    private static Boolean employsMigrants(JsonNode n) {
        if (n == null || n.isNull()) return null;
        if (!n.isBoolean()) {
            throw new Problem(
                    Problem.Type.INVALID_REQUEST,
                    "employsMigrants",
                    "'employsMigrants' must be true or false (whether the business employs labour migrants itself), got "
                            + n);
        }
        return n.asBoolean();
    }

    /** The employer's own erf: a GeoJSON Polygon or MultiPolygon in the request's crs, checked as a site is. */
    private Geometry employerErf(JsonNode n, JsonNode crsNode) {
        if (n == null || n.isNull()) return null;
        String type = n.path("type").asText("");
        if (!type.equals("Polygon") && !type.equals("MultiPolygon")) {
            throw new Problem(
                    Problem.Type.INVALID_REQUEST,
                    "employerErf",
                    "'employerErf' must be a GeoJSON Polygon or MultiPolygon (the erf as picked on the map), got "
                            + (type.isEmpty() ? n.getNodeType().toString().toLowerCase(java.util.Locale.ROOT) : type));
        }
        int vertices = positions(n.get("coordinates"), 0);
        if (vertices > MAX_ERF_VERTICES) {
            throw new Problem(
                    Problem.Type.INVALID_REQUEST,
                    "employerErf.coordinates",
                    "'employerErf' has " + vertices + " positions; give at most " + MAX_ERF_VERTICES
                            + " (the check page's limit too; a BGT erf has a few hundred): simplify the outline");
        }
        return site(n, crs(crsNode), "employerErf");
    }

    /**
     * The most positions an employerErf may have: it is compared with the erf layers per request, so its size must
     * be bounded by more than the body limit; the check page's link allows as many, and Otterlo's largest BGT erf
     * has 826.
     */
    static final int MAX_ERF_VERTICES = 2000;

    /** The positions of a GeoJSON coordinates array (nested arrays of [x, y]), counted up to just past the limit. */
    private static int positions(JsonNode coords, int depth) {
        if (coords == null || !coords.isArray() || depth > 3) return 0;
        if (coords.size() > 0 && coords.get(0).isNumber()) return 1;
        int n = 0;
        for (JsonNode c : coords) {
            n += positions(c, depth + 1);
            if (n > MAX_ERF_VERTICES) return n;
        }
        return n;
    }

    /** Made once: joining them per request was a few per cent of an answer's CPU. */
    private static final String FORMS_ALLOWED =
            Arrays.stream(HousingForm.values()).map(HousingForm::id).collect(Collectors.joining(", "));

    private static HousingForm form(JsonNode n) {
        if (n == null || n.isNull())
            throw new Problem(Problem.Type.INVALID_REQUEST, "form", "'form' is missing; use one of " + FORMS_ALLOWED);
        if (!n.isTextual())
            throw new Problem(Problem.Type.INVALID_REQUEST, "form", "'form' must be a string, one of " + FORMS_ALLOWED);
        return HousingForm.byId(n.asText())
                .orElseThrow(() -> new Problem(
                        Problem.Type.INVALID_REQUEST,
                        "form",
                        "Unknown form '" + n.asText() + "'; use one of " + FORMS_ALLOWED));
    }

    private static int persons(JsonNode n) {
        if (n == null || n.isNull())
            throw new Problem(
                    Problem.Type.INVALID_REQUEST,
                    "persons",
                    "'persons' is missing; give the number of persons to house, e.g. 4");
        if (!n.isIntegralNumber()) {
            throw new Problem(
                    Problem.Type.INVALID_REQUEST,
                    "persons",
                    "'persons' must be a whole number (a JSON integer such as 4), got " + n);
        }
        if (!n.canConvertToInt() || n.asInt() <= 0) {
            throw new Problem(
                    Problem.Type.INVALID_REQUEST,
                    "persons",
                    "'persons' must be at least 1 (and at most " + Integer.MAX_VALUE + "), got " + n);
        }
        return n.asInt();
    }

    private static boolean newBuild(JsonNode n) {
        if (n == null || n.isNull()) return false;
        if (!n.isBoolean())
            throw new Problem(Problem.Type.INVALID_REQUEST, "newBuild", "'newBuild' must be true or false, got " + n);
        return n.asBoolean();
    }

    /** Bijlage 1: short = logies of at most 4 months, mid = up to 5 years (default). */
    private static Stay stay(JsonNode n) {
        if (n == null || n.isNull()) return Stay.MID;
        if (!n.isTextual())
            throw new Problem(
                    Problem.Type.INVALID_REQUEST,
                    "stay",
                    "'stay' must be a string: short (logies," + " at most 4 months) or mid (default), got " + n);
        return Stay.byId(n.asText())
                .orElseThrow(() -> new Problem(
                        Problem.Type.INVALID_REQUEST,
                        "stay",
                        "Unknown stay '" + n.asText() + "'; use short (logies, at most 4 months) or mid (default)"));
    }

    /** The VNG area type of the site, when the requester knows it better than the layers; absent: derived. */
    private static AreaType areaType(JsonNode n) {
        if (n == null || n.isNull()) return null;
        if (!n.isTextual())
            throw new Problem(
                    Problem.Type.INVALID_REQUEST,
                    "areaType",
                    "'areaType' must be a string: quiet"
                            + " (rustige woonwijk / rustig buitengebied) or mixed (gemengd gebied), got " + n);
        return AreaType.byId(n.asText())
                .orElseThrow(() -> new Problem(
                        Problem.Type.INVALID_REQUEST,
                        "areaType",
                        "Unknown areaType '" + n.asText()
                                + "'; use quiet (rustige woonwijk / rustig buitengebied) or mixed"
                                + " (gemengd gebied), or leave it out to derive it from the layers"));
    }

    static ApiCrs crs(JsonNode n) {
        if (n == null || n.isNull()) return ApiCrs.CRS84;
        if (!n.isTextual())
            throw new Problem(Problem.Type.INVALID_REQUEST, "crs", "'crs' must be a string: " + ApiCrs.expected());
        return ApiCrs.parse(n.asText())
                .orElseThrow(() -> new Problem(
                        Problem.Type.INVALID_REQUEST,
                        "crs",
                        "Unknown crs '" + n.asText() + "'; use " + ApiCrs.expected()));
    }

    /**
     * An address of the dataset, or the problem (422 address-not-found / address-ambiguous with candidates) naming
     * {@code field} and, in its detail, {@code what} (e.g. the employer the address belongs to).
     */
    Address resolve(JsonNode n, String field, String what) {
        try {
            return resolve(n);
        } catch (Problem p) {
            if (p.type() != Problem.Type.ADDRESS_NOT_FOUND && p.type() != Problem.Type.ADDRESS_AMBIGUOUS) {
                throw new Problem(p.type(), field, what + ": " + p.detail());
            }
            Problem out = new Problem(p.type(), field, what + ": " + p.detail());
            JsonNode candidates = p.toJson(null).get("candidates");
            return throwWith(out, candidates);
        }
    }

    private static Address throwWith(Problem p, JsonNode candidates) {
        throw candidates == null ? p : p.with("candidates", candidates);
    }

    private Address resolve(JsonNode n) {
        if (!n.isTextual() || n.asText().isBlank()) {
            throw new Problem(
                    Problem.Type.INVALID_REQUEST,
                    "address",
                    "'address' must be a string such as \"Hoofdstraat 12, Dedemsvaart\"");
        }
        Problem.text(n.asText(), "address", config.maxTextChars());
        Resolution r = addresses.resolve(n.asText());
        if (r instanceof Resolution.Found f) return f.address();
        boolean ambiguous = r instanceof Resolution.Ambiguous;
        List<Address> candidates =
                ambiguous ? ((Resolution.Ambiguous) r).candidates() : ((Resolution.Unknown) r).candidates();
        ArrayNode cs = NODES.arrayNode();
        candidates.forEach(a -> cs.add(addressJson(a)));
        String detail = ambiguous
                ? "'" + n.asText() + "' matches " + candidates.size() + " addresses; add the town or postcode, e.g. \""
                        + candidates.get(0).label() + "\""
                : "No address '" + n.asText() + "' in the dataset '"
                        + dataset.info().name() + "'"
                        + (candidates.isEmpty()
                                ? "; write it as \"Street 12, Town\""
                                : "; did you mean one of the candidates?");
        throw new Problem(
                        ambiguous ? Problem.Type.ADDRESS_AMBIGUOUS : Problem.Type.ADDRESS_NOT_FOUND, "address", detail)
                .with("candidates", cs);
    }

    // ---------------------------------------------------------------- GET /api/v1/addresses

    /** Addresses matching {@code q} as a GeoJSON FeatureCollection of CRS84 points. */
    public ObjectNode addresses(Map<String, List<String>> query) {
        Map<String, String> p = QueryParams.single(query, Set.of("q", "limit"));
        String q = p.get("q");
        if (q == null || q.isBlank()) {
            throw new Problem(
                    Problem.Type.INVALID_PARAMETER, "q", "Give the words to search for in q, e.g. ?q=hoofdstraat 12");
        }
        int limit = Paging.limit(p.get("limit"), config.addressLimitDefault(), config.addressLimitMax());
        List<Address> found = addresses.search(q, limit);
        ObjectNode out = NODES.objectNode();
        out.put("type", "FeatureCollection");
        ArrayNode fs = out.putArray("features");
        for (Address a : found) {
            ObjectNode f = fs.addObject();
            f.put("type", "Feature");
            f.put("id", a.featureId());
            f.set("geometry", GeoJson.write(a.location(), workingCrs, ApiCrs.CRS84));
            f.set("properties", addressProperties(a));
        }
        out.put("numberReturned", found.size());
        out.set("dataset", datasetJson());
        return out;
    }

    private ObjectNode addressJson(Address a) {
        ObjectNode o = addressProperties(a);
        o.set("location", GeoJson.write(a.location(), workingCrs, ApiCrs.CRS84));
        return o;
    }

    private static ObjectNode addressProperties(Address a) {
        ObjectNode o = NODES.objectNode();
        o.put("label", a.label());
        o.put("street", a.street());
        o.put("housenumber", a.housenumber());
        o.put("postcode", a.postcode());
        o.put("town", a.town());
        return o;
    }

    // ---------------------------------------------------------------- GET /api/v1/layers, /api/v1/layers/{role}

    /** The layers with their feature counts and links, and the dataset's extent in CRS84. */
    public ObjectNode layers() {
        ObjectNode out = NODES.objectNode();
        ArrayNode ls = out.putArray("layers");
        for (Role r : Role.values()) {
            ObjectNode l = ls.addObject();
            l.put("role", r.id());
            l.put("count", dataset.layer(r).size());
            ObjectNode link = l.putArray("links").addObject();
            link.put("rel", "items");
            link.put("type", "application/geo+json");
            link.put("href", "/api/v1/layers/" + r.id());
        }
        Envelope extent = dataset.extent();
        if (!extent.isNull()) out.set("bbox", siteChecks.bbox(extent));
        out.put("workingCrs", workingCrs.code());
        out.set("dataset", datasetJson());
        return out;
    }

    /** One page of a layer: a FeatureCollection and the CRS it is written in (for the Content-Crs header). */
    public record LayerPage(ObjectNode body, ApiCrs crs) {}

    /**
     * Features of one layer intersecting {@code bbox}, {@code limit} at a time from {@code offset}, with a
     * {@code next} link while more remain. Parameters as OGC API Features: bbox (CRS84 unless bbox-crs), crs, limit
     * (clamped to the maximum), offset.
     */
    public LayerPage layer(String roleId, Map<String, List<String>> query) {
        Role role = Role.byId(roleId)
                .orElseThrow(() -> new Problem(
                        Problem.Type.NOT_FOUND,
                        "role",
                        "No layer '" + roleId + "'; the layers are "
                                + Arrays.stream(Role.values()).map(Role::id).collect(Collectors.joining(", "))));
        Map<String, String> p = QueryParams.single(query, Set.of("bbox", "bbox-crs", "crs", "limit", "offset"));
        ApiCrs crs = QueryParams.crs(p, "crs");
        ApiCrs bboxCrs = QueryParams.crs(p, "bbox-crs");
        if (p.containsKey("bbox-crs") && !p.containsKey("bbox")) {
            throw new Problem(
                    Problem.Type.INVALID_PARAMETER,
                    "bbox-crs",
                    "bbox-crs is given without bbox; add bbox=minx,miny,maxx,maxy");
        }
        Geometry area = p.containsKey("bbox") ? bbox(p.get("bbox"), bboxCrs) : null;
        Paging paging = Paging.of(p, config.layerLimitDefault(), config.layerLimitMax());

        List<Feature> matched = layers.query(role, area);
        List<Feature> page = paging.of(matched);
        ObjectNode out = FeatureJson.featureCollection(page, workingCrs, crs);
        out.put("numberMatched", matched.size());
        out.put("numberReturned", page.size());
        paging.links(out.putArray("links"), "/api/v1/layers/" + role.id(), p, matched.size(), Answers.GEO_JSON, null);
        out.set("dataset", datasetJson());
        return new LayerPage(out, crs);
    }

    private Geometry bbox(String text, ApiCrs crs) {
        return workingCrs.geometryFactory().toGeometry(BboxParameter.toWorking(text, crs, workingCrs));
    }

    // ---------------------------------------------------------------- GET /health

    public ObjectNode health() {
        ObjectNode out = NODES.objectNode();
        out.put("status", "ok");
        out.set("dataset", datasetJson());
        out.set("policy", policyJson());
        out.put("features", dataset.size());
        out.put("addresses", addresses.size());
        return out;
    }

    // ---------------------------------------------------------------- shared

    /** {name, fictitious, sources}: every response says what data it was computed on. */
    public ObjectNode datasetJson() {
        return datasetJson(dataset.info());
    }

    /** The {@code dataset} member of every JSON answer (the demo must always say it is fictitious). */
    public static ObjectNode datasetJson(DatasetInfo info) {
        ObjectNode d = NODES.objectNode();
        d.put("name", info.name());
        d.put("fictitious", info.fictitious());
        ArrayNode s = d.putArray("sources");
        info.sources().forEach(s::add);
        return d;
    }

    public ObjectNode policyJson() {
        ObjectNode p = NODES.objectNode();
        p.put("id", policy.id());
        p.put("title", policy.title());
        return p;
    }

    Problem bodyTooLarge() {
        return Problem.bodyTooLarge(config.maxBodyBytes());
    }
}
