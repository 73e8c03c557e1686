package nl.plektoets.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.plektoets.config.Config;
import nl.plektoets.data.Dataset;
import nl.plektoets.data.DatasetInfo;
import nl.plektoets.data.bag.BagImport;
import nl.plektoets.geo.WorkingCrs;
import nl.plektoets.policy.PolicyProfile;
import nl.plektoets.registers.AssessmentSnapshots;
import nl.plektoets.registers.RegisterJson;
import nl.plektoets.registers.Registers;
import nl.plektoets.registers.RoomRentalPermit;
import nl.plektoets.registers.TestTerms;
import nl.plektoets.roomrental.Dwelling;
import nl.plektoets.roomrental.RoomRentalRules;
import nl.plektoets.roomrental.StorePermits;
import nl.plektoets.roomrental.StreetKey;
import nl.plektoets.roomrental.StreetLimitGuard;
import nl.plektoets.roomrental.StreetModel;
import nl.plektoets.store.Store;
import nl.plektoets.store.embedded.GeoPackageStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The public room-rental API on the real BAG extract (Amsterdam Houthaven) and a real GeoPackage store, through the
 * real HTTP server. Permits placed by the test: Taandwarsstraat (16 dwellings, limit 1) 1 granted -> full; Westerdok
 * (40 dwellings, limit 4) 3 granted + 1 pending -> almost full, and the pending one would fill it. The answers carry
 * counts only: none of the permits' addresses, BAG ids, notes or register ids appear.
 */
class RoomRentalHttpTest {
    static final String NOTE = "Hardenberg's text gives no number; §8.3 leaves the room-rental policy to a separate"
            + " project (2026), so 10 percent per street is a default of this service";
    /** The profile's adopted_note_nl: the Dutch answers say why in Dutch. */
    static final String NOTE_NL = "de tekst van Hardenberg noemt geen getal; §8.3 laat het kamerverhuurbeleid aan een"
            + " apart project (2026), dus 10 procent per straat is een standaardwaarde van deze dienst";

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);
    static Dataset bag;
    static RoomRentalRules rules;

    @TempDir
    Path temp;

    @BeforeAll
    static void load() {
        bag = new Dataset(
                new DatasetInfo("BAG Houthaven", false, List.of("bag.gpkg"), "EPSG:28992"),
                BagImport.read(Path.of("..", "shared", "data", "bag", "bag.gpkg"), WorkingCrs.rdNew(), m -> {})
                        .features());
        rules = new RoomRentalRules(
                StreetModel.build(bag, 0), PolicyProfile.load(null).roomRental());
    }

    record Answer(int status, String contentType, String text, HttpResponse<String> raw) {
        JsonNode json() throws Exception {
            return RegisterJson.MAPPER.readTree(text);
        }
    }

    interface Body {
        void run(Store store, List<RoomRentalPermit> placed, String base) throws Exception;
    }

    void serve(Body body) throws Exception {
        try (Store store = GeoPackageStore.open(temp, CLOCK)) {
            Registers registers = new Registers(
                    TestTerms.HARDENBERG, store, CLOCK, AssessmentSnapshots.NONE, new StreetLimitGuard(rules));
            List<RoomRentalPermit> placed = new ArrayList<>();
            placed.add(grant(registers, "Taandwarsstraat", 2, true));
            for (int i = 0; i < 3; i++) placed.add(grant(registers, "Westerdok", i, true));
            placed.add(grant(registers, "Westerdok", 5, false));
            Config config = Config.defaults().with(Map.of("port", "0"));
            Api api = new Api(
                    config,
                    bag,
                    r -> {
                        throw new AssertionError("no assessments here");
                    },
                    new PolicyInfo("hardenberg-2025", "test"));
            var tokens = RegisterHttp.tokens(temp);
            Javalin app = Routes.create(api, config, null, c -> {
                RegisterRoutes.install(c.routes, registers, () -> tokens, null, () -> api);
                RoomRentalRoutes.install(
                        c.routes,
                        new RoomRentalApi(
                                rules,
                                new StorePermits(store),
                                api.addressIndex(),
                                WorkingCrs.rdNew(),
                                store,
                                CLOCK,
                                bag.info()));
            });
            JavalinTest.test(app, (server, client) -> body.run(store, placed, "http://localhost:" + server.port()));
        }
    }

    /** A permit at the i-th dwelling of the street, with a name in the notes that must never be published. */
    static RoomRentalPermit grant(Registers registers, String street, int i, boolean granted) {
        Dwelling d = rules.model()
                .street(new StreetKey(street, "Amsterdam"))
                .orElseThrow()
                .dwellings()
                .get(i);
        return registers.createPermit(
                RegisterJson.MAPPER
                        .createObjectNode()
                        .put("dwellingBagId", d.bagId())
                        .put("address", d.label() + ", Amsterdam")
                        .put("street", street)
                        .put("town", "Amsterdam")
                        .put("rooms", 4)
                        .put("persons", 5)
                        .put("notes", "owner Jan de Vries-" + i)
                        .put("status", granted ? "granted" : "applied"),
                "test");
    }

    /** "Street 12, Amsterdam" of the i-th dwelling of the street (house-number order). */
    static String label(String street, int i) {
        return rules.model()
                        .street(new StreetKey(street, "Amsterdam"))
                        .orElseThrow()
                        .dwellings()
                        .get(i)
                        .label() + ", Amsterdam";
    }

    static Answer get(String url) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body(), r);
    }

    static Answer post(String url, String body) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(url))
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .header("Content-Type", "application/json")
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body(), r);
    }

    static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static JsonNode feature(JsonNode fc, String id) {
        for (JsonNode f : fc.get("features")) if (f.get("id").asText().equals(id)) return f;
        throw new AssertionError("no feature " + id);
    }

    static long sql(String query) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:"
                        + Path.of("..", "shared", "data", "bag", "bag.gpkg").toAbsolutePath());
                ResultSet rs = c.createStatement().executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void streetsGeoJsonHasTheCountsPerStreetAndNoPersonalData() throws Exception {
        serve((store, placed, base) -> {
            Answer a = get(base + "/api/v1/room-rental/streets");
            assertEquals(200, a.status());
            assertTrue(a.contentType().startsWith("application/geo+json"));
            JsonNode fc = a.json();
            long streets = sql("select count(*) from (select distinct woonplaats, straatnaam from (select woonplaats, "
                    + "straatnaam from verblijfsobjecten union all select woonplaats, straatnaam from ligplaatsen union all"
                    + " select woonplaats, straatnaam from standplaatsen))");
            assertEquals(streets, fc.get("features").size());
            JsonNode taan = feature(fc, "amsterdam/taandwarsstraat").get("properties");
            assertEquals(
                    "{\"name\":\"Taandwarsstraat\",\"town\":\"Amsterdam\",\"dwellings\":16,\"granted\":1,\"known\":0,"
                            + "\"pending\":0,\"limit\":1,\"left\":0,\"status\":\"full\",\"countsPublished\":true,\"limitBy\":\"share\","
                            + "\"limitReason\":{\"nl\":\"Maximum 1: 10% van 16 woningen, naar beneden afgerond.\",\"en\":\"Maximum 1: 10% of 16"
                            + " dwellings, rounded down.\"},\"indicative\":true,\"indicativeNote\":{\"nl\":\"Indicatief, nog niet vastgesteld: "
                            + NOTE_NL + "\",\"en\":\"Indicative, not yet adopted: " + NOTE
                            + "\"},\"rule\":\"10% of 16 dwellings, rounded down,"
                            + " at least 1 from 5 dwellings (indicative, not yet adopted)\",\"policyRef\":\"§5.1.3, §6.2.6\","
                            + "\"geometrySource\":\"dwellings\",\"dataDate\":\"2026-11-23\"}",
                    taan.toString());
            JsonNode west = feature(fc, "amsterdam/westerdok").get("properties");
            assertEquals(
                    List.of(40, 3, 1, 4, 1),
                    List.of(
                            west.get("dwellings").asInt(),
                            west.get("granted").asInt(),
                            west.get("pending").asInt(),
                            west.get("limit").asInt(),
                            west.get("left").asInt()));
            assertEquals("almost_full", west.get("status").asText());
            assertEquals(
                    "available",
                    feature(fc, "amsterdam/barentszstraat")
                            .at("/properties/status")
                            .asText());
            assertEquals(
                    "LineString",
                    feature(fc, "amsterdam/barentszstraat").at("/geometry/type").asText());
            // AVG: no address, BAG id, note or register id of any permit, and only the documented members
            for (RoomRentalPermit p : placed) {
                assertFalse(a.text().contains(p.address().split(",")[0]), p.address());
                assertFalse(a.text().contains(p.dwellingBagId()), p.dwellingBagId());
                assertFalse(a.text().contains("Jan de Vries"));
            }
            Set<String> members = Set.of(
                    "name",
                    "town",
                    "segment",
                    "dwellings",
                    "granted",
                    "known",
                    "pending",
                    "limit",
                    "left",
                    "status",
                    "countsPublished",
                    "limitBy",
                    "limitReason",
                    "indicative",
                    "indicativeNote",
                    "rule",
                    "policyRef",
                    "geometrySource",
                    "dataDate");
            for (JsonNode f : fc.get("features")) {
                f.get("properties").fieldNames().forEachRemaining(m -> assertTrue(members.contains(m), m));
                assertTrue(
                        f.get("id").asText().matches("[a-z' .-]+/[a-z' .-]+(#\\d+)?"),
                        f.get("id").asText());
            }
            // bbox in RD New around Taandwarsstraat only (its dwellings lie within 121000..121250, 488700..488900)
            Answer box = get(
                    base + "/api/v1/room-rental/streets?bbox=121100,488800,121101,488801&bbox-crs=" + q("EPSG:28992"));
            assertEquals(200, box.status(), box.text());
            assertTrue(box.json().get("features").size() < streets);
            Answer unknown = get(base + "/api/v1/room-rental/streets?name=x");
            assertEquals(400, unknown.status());
            assertEquals("name", unknown.json().get("field").asText());
        });
    }

    @Test
    void checkOneAddressAndCsvDownload() throws Exception {
        serve((store, placed, base) -> {
            Answer full = get(base + "/api/v1/room-rental/check?address=" + q(label("Taandwarsstraat", 5)));
            assertEquals(200, full.status(), full.text());
            assertEquals("fail", full.json().get("status").asText());
            assertEquals(0, full.json().at("/street/properties/left").asInt());
            Golden.assertMatches("room-rental-check-full-street", full.json());
            // the dwelling that holds Taandwarsstraat's permit gets the same answer as its neighbours: the public check
            // never says who holds a permit
            Answer holder = get(base + "/api/v1/room-rental/check?address=" + q(label("Taandwarsstraat", 2)));
            assertEquals("fail", holder.json().get("status").asText(), holder.text());
            assertFalse(
                    holder.text().contains("alreadyGranted") || holder.text().contains("already holds"));
            Answer westerdok = get(base + "/api/v1/room-rental/check?address=" + q(label("Westerdok", 20)));
            assertEquals(200, westerdok.status(), westerdok.text());
            assertEquals(
                    "conditional",
                    westerdok.json().get("status").asText(),
                    "the pending application would fill the last place");
            Answer open = get(base + "/api/v1/room-rental/check?address=" + q(label("Barentszstraat", 10)));
            assertEquals("pass", open.json().get("status").asText(), open.text());
            assertTrue(open.text().contains("Parkeernorm"), "the parking norm is stated as a requirement");
            Answer nowhere = get(base + "/api/v1/room-rental/check?address=" + q("Nergensstraat 1, Amsterdam"));
            assertEquals(422, nowhere.status());
            assertTrue(nowhere.contentType().startsWith("application/problem+json"));

            Answer csv = get(base + "/api/v1/room-rental/streets.csv");
            assertEquals(200, csv.status());
            assertTrue(csv.contentType().startsWith("text/csv"));
            String[] lines = csv.text().split("\r\n");
            assertEquals(
                    "id,name,town,segment,dwellings,granted,known_without_permit,pending,limit,left,status,limit_by,"
                            + "indicative,rule,data_date,fictitious",
                    lines[0]);
            assertEquals(rules.model().units().size() + 1, lines.length);
            assertTrue(
                    csv.text()
                            .contains(
                                    "amsterdam/taandwarsstraat,Taandwarsstraat,Amsterdam,,16,1,0,0,1,0,full,share,true,"),
                    csv.text());
            assertFalse(csv.text().contains("Jan de Vries"));
        });
    }

    /** Street names a spreadsheet would run as formulas come out as text in the streets CSV, which parses back. */
    @Test
    void csvEscapesFormulasInStreetNamesAndParsesBackWithTheLibrary() throws Exception {
        Map<String, String> names = Map.of(
                "Taandwarsstraat", "=HYPERLINK(\"http://x\")", "Westerdok", "@SUM(A1)", "Barentszstraat", "-2+3");
        List<nl.plektoets.data.Feature> features = new ArrayList<>();
        bag.layers()
                .values()
                .forEach(layer -> layer.forEach(f -> {
                    String street = f.attribute("street");
                    if (street == null || !names.containsKey(street)) {
                        features.add(f);
                        return;
                    }
                    Map<String, String> attributes = new java.util.LinkedHashMap<>(f.attributes());
                    attributes.put("street", names.get(street));
                    features.add(
                            new nl.plektoets.data.Feature(f.id(), f.role(), f.geometry(), attributes, f.provenance()));
                }));
        Dataset renamed = new Dataset(bag.info(), features);
        RoomRentalRules renamedRules = new RoomRentalRules(
                StreetModel.build(renamed, 0), PolicyProfile.load(null).roomRental());
        try (Store store = GeoPackageStore.open(temp, CLOCK)) {
            Config config = Config.defaults().with(Map.of("port", "0"));
            Api api = new Api(
                    config,
                    renamed,
                    r -> {
                        throw new AssertionError("no assessments here");
                    },
                    new PolicyInfo("hardenberg-2025", "test"));
            Javalin app = Routes.create(api, config, null, c -> {
                RoomRentalRoutes.install(
                        c.routes,
                        new RoomRentalApi(
                                renamedRules,
                                new StorePermits(store),
                                api.addressIndex(),
                                WorkingCrs.rdNew(),
                                store,
                                CLOCK,
                                renamed.info()));
            });
            JavalinTest.test(app, (server, client) -> {
                String text = get("http://localhost:" + server.port() + "/api/v1/room-rental/streets.csv")
                        .text();
                List<org.apache.commons.csv.CSVRecord> records = org.apache.commons.csv.CSVFormat.RFC4180
                        .builder()
                        .setHeader()
                        .setSkipHeaderRecord(true)
                        .get()
                        .parse(new java.io.StringReader(text))
                        .getRecords();
                assertEquals(renamedRules.model().units().size(), records.size(), text);
                Map<String, String> byId = new java.util.HashMap<>();
                for (var r : records) byId.put(r.get("id"), r.get("name"));
                assertEquals(
                        "'=HYPERLINK(\"http://x\")", byId.get("amsterdam/=hyperlink(\"http://x\")"), byId.toString());
                assertEquals("'@SUM(A1)", byId.get("amsterdam/@sum(a1)"), byId.toString());
                assertEquals("'-2+3", byId.get("amsterdam/-2+3"), byId.toString());
                // the numbers stay numbers: no quote and no prefix on a count
                for (var r : records) assertTrue(r.get("dwellings").matches("\\d+"), r::toString);
                assertEquals(records.size() + 1, text.split("\r\n", -1).length - 1, "every line ends in CRLF");
            });
        }
    }

    /** One street in every public output: the GeoJSON row, the OGC item, the CSV line and the check of an address. */
    record Outputs(JsonNode row, JsonNode ogc, String csv, JsonNode check) {}

    static Outputs outputs(String base, String street, String town, int dwelling) throws Exception {
        String id = town.toLowerCase() + "/" + street.toLowerCase();
        JsonNode row =
                feature(get(base + "/api/v1/room-rental/streets").json(), id).get("properties");
        JsonNode ogc = get(base + "/ogc/collections/room-rental-streets/items/" + id.replace(" ", "%20"))
                .json()
                .get("properties");
        String csv = java.util.Arrays.stream(
                        get(base + "/api/v1/room-rental/streets.csv").text().split("\r\n"))
                .filter(l -> l.startsWith(id + ","))
                .findFirst()
                .orElseThrow();
        Answer check = get(base + "/api/v1/room-rental/check?address=" + q(label(street, dwelling)));
        assertEquals(200, check.status(), check.text());
        return new Outputs(row, ogc, csv, check.json());
    }

    @Test
    void aSmallStreetShowsOnlyWhetherItIsFullNoCounts() throws Exception {
        serve((store, placed, base) -> {
            // Grote Bickersstraat: 9 dwellings (below the default 10), limit 1; one pending application
            Registers registers = new Registers(
                    TestTerms.HARDENBERG, store, CLOCK, AssessmentSnapshots.NONE, new StreetLimitGuard(rules));
            RoomRentalPermit pending = grant(registers, "Grote Bickersstraat", 3, false);
            Outputs o = outputs(base, "Grote Bickersstraat", "Amsterdam", 6);
            for (JsonNode p : List.of(o.row(), o.ogc())) {
                assertEquals(9, p.get("dwellings").asInt());
                assertEquals(1, p.get("limit").asInt());
                assertTrue(
                        p.get("pending").isNull()
                                && p.get("granted").isNull()
                                && p.get("left").isNull()
                                && p.get("known").isNull(),
                        p.toString());
                assertFalse(p.get("countsPublished").asBoolean());
                // not almost_full: that would tell that one is pending
                assertEquals("available", p.get("status").asText());
            }
            assertTrue(
                    o.csv()
                            .startsWith(
                                    "amsterdam/grote bickersstraat,Grote Bickersstraat,Amsterdam,,9,,,,1,,available,"),
                    o.csv());
            assertEquals("pass", o.check().get("status").asText(), "no 'pending would fill it' in a small street");
            String words =
                    o.check().get("message").toString() + o.check().get("rules").toString();
            assertFalse(words.contains("pending") || words.contains("in behandeling"), words);
            assertTrue(
                    o.check()
                            .at("/message/en")
                            .asText()
                            .contains("is not full (9 dwellings, maximum 1; counts are "
                                    + "published from 10 dwellings)"),
                    words);
            assertTrue(o.check().at("/message/nl").asText().contains("is niet vol"), words);

            // granted: it is full, and that is all the public learns
            registers.patchPermit(
                    pending.id(),
                    RegisterJson.MAPPER
                            .createObjectNode()
                            .put("version", pending.version())
                            .put("status", "granted"),
                    "test");
            Outputs full = outputs(base, "Grote Bickersstraat", "Amsterdam", 6);
            assertEquals("full", full.row().get("status").asText());
            assertTrue(full.row().get("granted").isNull(), full.row().toString());
            assertEquals("full", full.ogc().get("status").asText());
            assertTrue(full.csv().contains(",9,,,,1,,full,"), full.csv());
            assertEquals("fail", full.check().get("status").asText());
            assertTrue(
                    full.check().at("/message/en").asText().contains("is full (9 dwellings"),
                    full.check().toString());
            // from 10 dwellings the counts are there: Taandwarsstraat (16)
            assertEquals(
                    1,
                    outputs(base, "Taandwarsstraat", "Amsterdam", 5)
                            .row()
                            .get("granted")
                            .asInt());
        });
    }

    @Test
    void aStreetBelowTheMinimumIsNotApplicableNotFull() throws Exception {
        serve((store, placed, base) -> {
            // Prinseneiland: 1 dwelling, fewer than the 5 a first room-rented dwelling needs; no permit there
            Outputs o = outputs(base, "Prinseneiland", "Amsterdam", 0);
            for (JsonNode p : List.of(o.row(), o.ogc())) {
                assertEquals("not_applicable", p.get("status").asText(), p.toString());
                assertEquals("below_minimum", p.get("limitBy").asText());
                assertEquals(
                        "Room rental not possible here: fewer than 5 dwellings (maximum 0).",
                        p.at("/limitReason/en").asText());
                assertEquals(
                        "Kamerverhuur hier niet mogelijk: minder dan 5 woningen (maximum 0).",
                        p.at("/limitReason/nl").asText());
            }
            assertTrue(o.csv().contains(",not_applicable,below_minimum,"), o.csv());
            assertEquals("fail", o.check().get("status").asText());
            assertTrue(
                    o.check()
                            .at("/message/en")
                            .asText()
                            .startsWith("Prinseneiland, Amsterdam: Room rental not possible"
                                    + " here: fewer than 5 dwellings"),
                    o.check().toString());
            assertFalse(o.check().toString().contains("is full")
                    || o.check().toString().contains("is vol"));
            // a dwelling there known as room-rented changes nothing in public: "full" would name one of its few
            // dwellings
            Dwelling only = rules.model()
                    .street(new StreetKey("Prinseneiland", "Amsterdam"))
                    .orElseThrow()
                    .dwellings()
                    .get(0);
            new Registers(TestTerms.HARDENBERG, store, CLOCK, AssessmentSnapshots.NONE, new StreetLimitGuard(rules))
                    .createRoomRented(
                            RegisterJson.MAPPER
                                    .createObjectNode()
                                    .put("dwellingBagId", only.bagId())
                                    .put("street", "Prinseneiland")
                                    .put("town", "Amsterdam")
                                    .put("source", "inspection")
                                    .put("observedOn", "2026-11-02"),
                            "t");
            Outputs known = outputs(base, "Prinseneiland", "Amsterdam", 0);
            assertEquals(o.row(), known.row());
            assertEquals(o.ogc(), known.ogc());
            assertEquals(o.csv(), known.csv());
            assertEquals(o.check().get("message"), known.check().get("message"));
            // the rule that gave the maximum, in words, in a street where the minimum gives it and where the share does
            assertEquals(
                    "Maximum 1: the minimum of 1 from 5 dwellings (10% of 9 is less).",
                    outputs(base, "Grote Bickersstraat", "Amsterdam", 0)
                            .row()
                            .at("/limitReason/en")
                            .asText());
            assertEquals(
                    "Maximum 4: 10% of 40 dwellings, rounded down.",
                    outputs(base, "Westerdok", "Amsterdam", 0)
                            .row()
                            .at("/limitReason/en")
                            .asText());
        });
    }

    @Test
    void theLimitNotAdoptedByTheCouncilIsIndicativeInEveryOutput() throws Exception {
        serve((store, placed, base) -> {
            Outputs o = outputs(base, "Westerdok", "Amsterdam", 20);
            for (JsonNode p : List.of(o.row(), o.ogc(), o.check().at("/street/properties"))) {
                assertTrue(p.get("indicative").asBoolean(), p.toString());
                assertEquals(
                        "Indicative, not yet adopted: " + NOTE,
                        p.at("/indicativeNote/en").asText());
                assertEquals(
                        "Indicatief, nog niet vastgesteld: " + NOTE_NL,
                        p.at("/indicativeNote/nl").asText());
                assertTrue(p.get("rule").asText().endsWith("(indicative, not yet adopted)"), p.toString());
            }
            assertTrue(
                    o.csv()
                            .contains(
                                    ",true,\"10% of 40 dwellings, rounded down, at least 1 from 5 dwellings (indicative,"
                                            + " not yet adopted) (§5.1.3, §6.2.6); indicative, not yet adopted: "
                                            + NOTE),
                    o.csv());
            assertTrue(o.check().get("indicative").asBoolean());
            assertTrue(
                    o.check()
                            .at("/message/en")
                            .asText()
                            .contains("This maximum is indicative, not yet adopted by the council"),
                    o.check().toString());
            assertTrue(
                    o.check()
                            .at("/message/nl")
                            .asText()
                            .contains("Dit maximum is indicatief, nog niet vastgesteld door de" + " gemeenteraad ("
                                    + NOTE_NL + ")"),
                    o.check().toString());
            // the Dutch answer says why in Dutch (the profile's adopted_note_nl), never in the English note
            assertFalse(
                    o.check().at("/message/nl").asText().contains(NOTE),
                    o.check().toString());
        });
    }

    @Test
    void reportsAreStoredForPlannersAndRateLimited() throws Exception {
        serve((store, placed, base) -> {
            String ok =
                    "{\"streetId\": \"amsterdam/westerdok\", \"message\": \"Westerdok 7 is no longer room-rented\"}";
            for (int i = 0; i < RoomRentalApi.REPORTS_PER_HOUR; i++) {
                Answer a = post(base + "/api/v1/room-rental/reports", ok);
                assertEquals(201, a.status(), a.text());
            }
            Answer limited = post(base + "/api/v1/room-rental/reports", ok);
            assertEquals(429, limited.status());
            assertTrue(limited.contentType().startsWith("application/problem+json"));
            assertEquals(
                    "3601", limited.raw().headers().firstValue("Retry-After").orElse(""));
            assertEquals(
                    RoomRentalApi.REPORTS_PER_HOUR, store.roomRentalReports().size());
            assertEquals("amsterdam/westerdok", store.roomRentalReports().get(0).streetId());
            var forPlanners = new RegisterHttp(Integer.parseInt(base.substring(base.lastIndexOf(':') + 1)))
                    .send("GET", "/api/v1/room-rental/reports", RegisterHttp.PLANNER, null);
            assertEquals(200, forPlanners.status());
            assertEquals(
                    RoomRentalApi.REPORTS_PER_HOUR,
                    forPlanners.body().get("count").asInt());
            assertEquals(
                    "Westerdok 7 is no longer room-rented",
                    forPlanners.body().at("/reports/0/message").asText());
            assertEquals(401, get(base + "/api/v1/room-rental/reports").status(), "reports are for planners only");
            Answer badStreet =
                    post(base + "/api/v1/room-rental/reports", "{\"streetId\": \"x/y\", \"message\": \"0123456789\"}");
            assertEquals(400, badStreet.status());
            assertEquals("streetId", badStreet.json().get("field").asText());
        });
    }

    @Test
    void ogcApiFeaturesLinksParametersAndCrs() throws Exception {
        serve((store, placed, base) -> {
            JsonNode landing = get(base + "/ogc").json();
            Set<String> rels = new HashSet<>();
            landing.get("links").forEach(l -> {
                rels.add(l.get("rel").asText());
                // relative: no public-base-url is configured, and the Host header never makes links (issue 11 item 6)
                assertTrue(l.hasNonNull("type") && l.get("href").asText().startsWith("/"), l.toString());
            });
            assertTrue(rels.containsAll(Set.of("self", "service-doc", "conformance", "data")), rels.toString());
            JsonNode conf = get(base + "/ogc/conformance").json();
            assertTrue(conf.get("conformsTo").toString().contains("ogcapi-features-1/1.0/conf/core"));
            assertTrue(conf.get("conformsTo").toString().contains("ogcapi-features-2/1.0/conf/crs"));
            Golden.assertMatches(
                    "ogc-room-rental-collection",
                    RegisterJson.MAPPER.readTree(get(base + "/ogc/collections/room-rental-streets").text));
            JsonNode coll = get(base + "/ogc/collections").json().at("/collections/0");
            assertEquals("room-rental-streets", coll.get("id").asText());
            assertTrue(coll.get("crs").toString().contains("OGC/1.3/CRS84"));
            assertEquals(
                    "http://www.opengis.net/def/crs/EPSG/0/28992",
                    coll.get("storageCrs").asText());
            assertEquals(4, coll.at("/extent/spatial/bbox/0").size());
            boolean items = false;
            for (JsonNode l : coll.get("links")) {
                items |= l.get("rel").asText().equals("items")
                        && l.get("type").asText().equals("application/geo+json");
            }
            assertTrue(items);

            Answer page = get(base + "/ogc/collections/room-rental-streets/items");
            assertEquals(200, page.status());
            assertEquals(
                    "<http://www.opengis.net/def/crs/OGC/1.3/CRS84>",
                    page.raw().headers().firstValue("Content-Crs").orElse(""));
            JsonNode p1 = page.json();
            assertEquals(10, p1.get("numberReturned").asInt());
            assertEquals(rules.model().units().size(), p1.get("numberMatched").asInt());
            JsonNode next = null;
            for (JsonNode l : p1.get("links")) if (l.get("rel").asText().equals("next")) next = l;
            assertEquals("application/geo+json", next.get("type").asText());
            assertTrue(next.get("href")
                    .asText()
                    .endsWith("/ogc/collections/room-rental-streets/items?limit=10&offset=10"));
            JsonNode p2 = get(base + next.get("href").asText()).json();
            assertFalse(p2.get("features")
                    .get(0)
                    .get("id")
                    .equals(p1.get("features").get(0).get("id")));
            assertEquals(
                    rules.model().units().size(),
                    get(base + "/ogc/collections/room-rental-streets/items?limit=99999")
                            .json()
                            .get("numberReturned")
                            .asInt(),
                    "limit above the maximum is clamped, not refused");

            Answer rd = get(base + "/ogc/collections/room-rental-streets/items?limit=1&crs="
                    + q("http://www.opengis.net/def/crs/EPSG/0/28992"));
            assertEquals(
                    "<http://www.opengis.net/def/crs/EPSG/0/28992>",
                    rd.raw().headers().firstValue("Content-Crs").orElse(""));
            JsonNode c = rd.json().at("/features/0/geometry/coordinates");
            double x =
                    c.get(0).isArray() ? c.get(0).get(0).asDouble() : c.get(0).asDouble();
            assertTrue(x > 120000 && x < 123000, "RD New easting, got " + x);
            Answer lonLat = get(base + "/ogc/collections/room-rental-streets/items?limit=1");
            JsonNode c84 = lonLat.json().at("/features/0/geometry/coordinates");
            double lon = c84.get(0).isArray()
                    ? c84.get(0).get(0).asDouble()
                    : c84.get(0).asDouble();
            assertTrue(lon > 4.8 && lon < 4.95, "CRS84 longitude first, got " + lon);

            Answer bbox =
                    get(base + "/ogc/collections/room-rental-streets/items?bbox=4.885,52.385,4.887,52.386&limit=1000");
            assertEquals(200, bbox.status());
            assertTrue(bbox.json().get("numberMatched").asInt()
                    < rules.model().units().size());
            Answer unknown = get(base + "/ogc/collections/room-rental-streets/items?colour=red");
            assertEquals(400, unknown.status());
            assertTrue(unknown.contentType().startsWith("application/problem+json"));
            assertEquals(404, get(base + "/ogc/collections/nope/items").status());

            Answer one = get(base + "/ogc/collections/room-rental-streets/items/amsterdam/van%20diemenstraat");
            assertEquals(200, one.status(), one.text());
            assertEquals("Van Diemenstraat", one.json().at("/properties/name").asText());
            assertEquals(
                    "/ogc/collections/room-rental-streets/items/amsterdam/van%20diemenstraat",
                    one.json().at("/links/0/href").asText());
            assertEquals(
                    404,
                    get(base + "/ogc/collections/room-rental-streets/items/amsterdam/nergensstraat")
                            .status());
        });
    }

    /**
     * Issue 11 item 14, OGC API - Features Part 1 core: datetime (instant, interval, open ends; the counts are of
     * today, 2026-11-23 in CLOCK), a bbox of 6 numbers (heights ignored), f with an unknown value is 400.
     */
    @Test
    void ogcItemsFilterOnDatetimeAcceptA3dBboxAndRefuseAnUnknownFormat() throws Exception {
        serve((store, placed, base) -> {
            String items = base + "/ogc/collections/room-rental-streets/items?limit=1000";
            int all = rules.model().units().size();
            for (String in : List.of(
                    "2026-11-23",
                    "2026-11-23T10:00:00Z",
                    "2026-11-23T23:30:00+01:00",
                    "2026-01-01/..",
                    "../2026-11-23",
                    "2026-11-22/2026-11-24",
                    "../..",
                    "2026-11-23T00:00:00Z/2026-11-23T00:00:01Z",
                    "/2027-01-01")) {
                Answer a = get(items + "&datetime=" + q(in));
                assertEquals(200, a.status(), in + ": " + a.text());
                assertEquals(all, a.json().get("numberMatched").asInt(), in + " meets today");
            }
            for (String out : List.of(
                    "2026-11-22", "2026-11-24T00:00:00Z", "../2026-11-22", "2026-11-24/..", "2025-01-01/2025-12-31")) {
                Answer a = get(items + "&datetime=" + q(out));
                assertEquals(200, a.status(), out + ": " + a.text());
                assertEquals(0, a.json().get("numberMatched").asInt(), out + " misses today");
            }
            for (String bad : List.of(
                    "yesterday",
                    "2026-13-01",
                    "2026-11-23T10:00:00",
                    "2026-11-24/2026-11-22",
                    "../..x",
                    "..",
                    "2026-01-01/2026-02-01/2026-03-01")) {
                Answer a = get(items + "&datetime=" + q(bad));
                assertEquals(400, a.status(), bad + ": " + a.text());
                assertTrue(a.contentType().startsWith("application/problem+json"));
                assertEquals("datetime", a.json().get("field").asText());
            }
            JsonNode temporal =
                    get(base + "/ogc/collections/room-rental-streets").json().at("/extent/temporal/interval/0");
            assertEquals("[\"2026-11-23\",\"2026-11-23\"]", temporal.toString());

            Answer flat = get(items + "&bbox=4.885,52.385,4.887,52.386");
            Answer high = get(items + "&bbox=4.885,52.385,-10,4.887,52.386,300");
            assertEquals(200, high.status(), high.text());
            assertEquals(flat.json().get("numberMatched"), high.json().get("numberMatched"));
            assertTrue(high.json().get("numberMatched").asInt() < all);
            assertEquals(
                    400, get(items + "&bbox=4.885,52.385,x,4.887,52.386,300").status());
            assertEquals(400, get(items + "&bbox=4.885,52.385,4.887").status());

            for (String path : List.of(
                    "/ogc",
                    "/ogc/conformance",
                    "/ogc/collections",
                    "/ogc/collections/room-rental-streets",
                    "/ogc/collections/room-rental-streets/items",
                    "/ogc/collections/room-rental-streets/items/amsterdam/westerdok")) {
                assertEquals(200, get(base + path + "?f=json").status(), path);
                Answer html = get(base + path + "?f=html");
                assertEquals(400, html.status(), path + " f=html");
                assertEquals("f", html.json().get("field").asText());
            }
            assertEquals(200, get(items + "&f=geojson").status());

            JsonNode desc = null;
            for (JsonNode l : get(base + "/ogc").json().get("links"))
                if (l.get("rel").asText().equals("service-desc")) desc = l;
            assertTrue(desc != null, "the landing page links the API definition");
            assertEquals(
                    "application/vnd.oai.openapi+json;version=3.0",
                    desc.get("type").asText());
            // relative unless public-base-url is configured (never from the Host header)
            assertEquals("/api/v1/openapi.json", desc.get("href").asText());
            Answer definition = get(base + desc.get("href").asText());
            assertEquals(200, definition.status());
            assertTrue(definition.json().at("/paths").has("/ogc/collections/{id}/items"));
        });
    }
}
