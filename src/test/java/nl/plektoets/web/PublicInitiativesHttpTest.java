package nl.plektoets.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.plektoets.assess.Assessor;
import nl.plektoets.auth.TokenFile;
import nl.plektoets.config.Config;
import nl.plektoets.data.Dataset;
import nl.plektoets.data.Feature;
import nl.plektoets.data.FixtureDataset;
import nl.plektoets.data.Provenance;
import nl.plektoets.data.Role;
import nl.plektoets.geo.WorkingCrs;
import nl.plektoets.policy.PolicyProfile;
import nl.plektoets.registers.AssessmentSnapshots;
import nl.plektoets.registers.RegisterJson;
import nl.plektoets.registers.Registers;
import nl.plektoets.registers.TestTerms;
import nl.plektoets.store.Store;
import nl.plektoets.store.StoreKind;
import nl.plektoets.store.TestPostgis;
import nl.plektoets.web.http.Problem;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The public overview of initiatives (§4.1.2) over the real HTTP server and both stores, filled through the planner's
 * register routes: only the profile's public statuses, a private person's initiative by its street and village only
 * (drawn at the village's point, never its site), an organisation's at its site; no name, notes, e-mail or phone in
 * the JSON or the CSV; a street name that would be a spreadsheet formula stays text; paging and caching headers.
 * Expected places are worked by hand from {@code FixtureDataset} (the nearest address's street and town); expected
 * coordinates are PostGIS's transformation of the RD New points, independent of the service's own.
 */
class PublicInitiativesHttpTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-05T09:00:00Z"), ZoneOffset.UTC);
    static final String PUBLIC = "/api/v1/public/initiatives";
    /** An address in the fixture's empty south-west whose street would run as a formula in a spreadsheet. */
    static final String FORMULA_STREET = "=HYPERLINK(\"http://evil.example\",\"klik\")";

    @TempDir
    Path temp;

    /** The fixture plus one address far from the others: Dorp "@Veld", street {@link #FORMULA_STREET}. */
    static Dataset dataset() {
        Dataset fixture = FixtureDataset.create();
        List<Feature> all = new ArrayList<>();
        fixture.layers().values().forEach(all::addAll);
        Map<String, String> attrs = new HashMap<>();
        attrs.put("street", FORMULA_STREET);
        attrs.put("housenumber", "1");
        attrs.put("town", "@Veld");
        all.add(new Feature(
                9_001,
                Role.ADDRESS,
                WorkingCrs.rdNew()
                        .geometryFactory()
                        .createPoint(new org.locationtech.jts.geom.Coordinate(238000, 512000)),
                attrs,
                new Provenance("PublicInitiativesHttpTest", "formula", "addr:housenumber")));
        return new Dataset(fixture.info(), all);
    }

    /** The CRS84 lon/lat of an RD New point according to PostGIS (ST_Transform), not the service's code. */
    static double[] postgisLonLat(double x, double y) throws Exception {
        try (Connection c = TestPostgis.admin();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT ST_X(g), ST_Y(g) FROM (SELECT ST_Transform(ST_SetSRID(ST_Point("
                        + x + ", " + y + "), 28992), 4326) AS g) t")) {
            rs.next();
            return new double[] {rs.getDouble(1), rs.getDouble(2)};
        }
    }

    /** {"type":"Point","coordinates":[lon,lat]} of an RD New point, as the register's site member. */
    static String siteAt(double x, double y) {
        var lonLat = WorkingCrs.rdNew().toLonLat(x, y);
        return "{\"type\": \"Point\", \"coordinates\": [" + lonLat.x + ", " + lonLat.y + "]}";
    }

    static String initiative(
            double x, double y, String form, int persons, String initiator, String kind, String page, String status) {
        var o = RegisterJson.MAPPER.createObjectNode();
        o.set("site", readTree(siteAt(x, y)));
        o.put("form", form);
        o.put("persons", persons);
        o.put("initiator", initiator);
        if (kind != null) o.put("initiatorKind", kind);
        if (page != null) o.put("projectPage", page);
        o.put("status", status);
        o.put("notes", "contact: j.jansen@example.nl, 06-12345678");
        return o.toString();
    }

    static JsonNode readTree(String s) {
        try {
            return RegisterJson.MAPPER.readTree(s);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    record Text(int status, String contentType, String body, java.net.http.HttpHeaders headers) {}

    static Text get(int port, String path) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                .build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Text(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body(), r.headers());
    }

    /** The built-in profile with another {@code public_initiatives.street_min_dwellings}. */
    static PolicyProfile streetMinimum(int dwellings) throws Exception {
        String yaml = new String(
                PublicInitiativesHttpTest.class
                        .getClassLoader()
                        .getResourceAsStream(PolicyProfile.DEFAULT_RESOURCE)
                        .readAllBytes(),
                StandardCharsets.UTF_8);
        assertTrue(yaml.contains("  street_min_dwellings: 10\n"));
        return PolicyProfile.parse(
                yaml.replace("  street_min_dwellings: 10\n", "  street_min_dwellings: " + dwellings + "\n"), "test");
    }

    /** The dwellings of a street (name, town) as {@code serve} counts them: the street model over the layers. */
    static java.util.function.ToIntBiFunction<String, String> streetDwellings(Dataset dataset, PolicyProfile profile) {
        var model = nl.plektoets.roomrental.RoomRentalRules.of(dataset, profile.roomRental())
                .model();
        return (street, town) -> model.street(new nl.plektoets.roomrental.StreetKey(street, town))
                .map(nl.plektoets.roomrental.Street::size)
                .orElse(0);
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void thePublicSeesFormPersonsStatusAndPlaceButNothingPersonal(StoreKind kind) throws Exception {
        TokenFile tokens = RegisterHttp.tokens(temp);
        // every street shown here (the street minimum has its own test below: the fixture's streets are short)
        PolicyProfile profile = streetMinimum(1);
        Dataset dataset = dataset();
        Assessor engine = new Assessor(dataset, profile);
        try (Store store = kind.open(kind.freshLocation(temp), CLOCK)) {
            Registers registers = new Registers(TestTerms.HARDENBERG, store, CLOCK, AssessmentSnapshots.NONE);
            Config config = Config.defaults().with(Map.of("port", "0"));
            Api api = new Api(
                    config,
                    dataset,
                    r -> {
                        throw new AssertionError("no assessments here");
                    },
                    new PolicyInfo("hardenberg-2025", "test"));
            Javalin app = Routes.create(api, config, null, c -> {
                RegisterRoutes.install(c.routes, registers, () -> tokens, null, () -> api);
                PublicInitiativeRoutes.install(
                        c.routes,
                        () -> new PublicInitiativesApi(
                                store,
                                profile.publicInitiatives(),
                                engine.lookup(),
                                "EPSG:28992",
                                api.datasetJson(),
                                true,
                                streetDwellings(dataset, profile)));
            });
            JavalinTest.test(app, (server, client) -> {
                RegisterHttp http = new RegisterHttp(server.port());
                int port = server.port();

                // the project page: an http(s) address of a web page, nothing else
                for (String bad : List.of(
                        "javascript:alert(1)",
                        "ftp://files.example.nl/plan.pdf",
                        "https://user:secret@www.example.nl/",
                        "www.example.nl/zonder-schema",
                        "file:///etc/passwd")) {
                    var refused = http.send(
                            "POST",
                            "/api/v1/initiatives",
                            RegisterHttp.PLANNER,
                            initiative(
                                    242520, 509510, "housing_facility", 12, "Agro BV", "organisation", bad, "intake"));
                    assertEquals(400, refused.status(), bad);
                    assertEquals(Problem.MEDIA_TYPE, refused.contentType());
                    assertEquals("projectPage", refused.body().get("field").asText(), bad);
                }

                // 1. a private person renting rooms at Hoofdstraat 12, Oosterbroek (no initiatorKind: a person by
                // default)
                var person = http.send(
                        "POST",
                        "/api/v1/initiatives",
                        RegisterHttp.PLANNER,
                        initiative(240020, 510020, "room_rental", 4, "Jan Jansen", null, null, "intake"));
                assertEquals(201, person.status(), () -> person.body().toString());
                assertEquals("person", person.body().get("initiatorKind").asText());
                // 2. an organisation on the business park, next to Industrieweg 5, with its project page
                var company = http.send(
                        "POST",
                        "/api/v1/initiatives",
                        RegisterHttp.PLANNER,
                        initiative(
                                242520,
                                509510,
                                "housing_facility",
                                16,
                                "Uitzendbureau Jansen BV",
                                "organisation",
                                "https://www.example.nl/huisvesting-zwaaikom?x=1",
                                "permit_applied"));
                assertEquals(201, company.status(), () -> company.body().toString());
                assertEquals(
                        "https://www.example.nl/huisvesting-zwaaikom?x=1",
                        company.body().get("projectPage").asText());
                // 3. a person next to the address whose street is a formula, village "@Veld"
                var formula = http.send(
                        "POST",
                        "/api/v1/initiatives",
                        RegisterHttp.PLANNER,
                        initiative(238010, 512000, "room_rental", 3, "Piet de Vries", "person", null, "granted"));
                assertEquals(422, formula.status(), "a granted initiative needs its permit type");
                var formulaOk = http.send(
                        "POST",
                        "/api/v1/initiatives",
                        RegisterHttp.PLANNER,
                        initiative(238010, 512000, "room_rental", 3, "Piet de Vries", "person", null, "assessment"));
                assertEquals(201, formulaOk.status(), () -> formulaOk.body().toString());
                // 4. not public by the profile: a first report and an ended initiative
                assertEquals(
                        201,
                        http.send(
                                        "POST",
                                        "/api/v1/initiatives",
                                        RegisterHttp.PLANNER,
                                        initiative(
                                                244075,
                                                512072,
                                                "housing_facility",
                                                8,
                                                "Boer Westervelde",
                                                "organisation",
                                                null,
                                                "reported"))
                                .status());
                var ended = http.send(
                        "POST",
                        "/api/v1/initiatives",
                        RegisterHttp.PLANNER,
                        initiative(240100, 510020, "room_rental", 2, "Klaas Klaassen", "person", null, "intake"));
                assertEquals(201, ended.status());
                assertEquals(
                        200,
                        http.send(
                                        "PATCH",
                                        "/api/v1/initiatives/"
                                                + ended.body().get("id").asLong(),
                                        RegisterHttp.PLANNER,
                                        "{\"version\": 1, \"status\": \"ended\"}")
                                .status());
                // a planner changes a person into an organisation and back: the field is editable
                var kindPatch = http.send(
                        "PATCH",
                        "/api/v1/initiatives/" + person.body().get("id").asLong(),
                        RegisterHttp.PLANNER,
                        "{\"version\": 1, \"initiatorKind\": \"company\"}");
                assertEquals(400, kindPatch.status());
                assertEquals("initiatorKind", kindPatch.body().get("field").asText());

                Text json = get(port, PUBLIC);
                assertEquals(200, json.status(), json.body());
                assertTrue(json.contentType().startsWith("application/geo+json"), json.contentType());
                assertEquals(
                        "public, max-age=60",
                        json.headers().firstValue("Cache-Control").orElse(""));
                for (String secret : List.of(
                        "Jansen", "Vries", "Klaassen", "Westervelde", "example.nl,", "06-1234", "@example", "notes")) {
                    assertFalse(json.body().contains(secret), "the public JSON must not contain " + secret);
                }
                JsonNode body = readTree(json.body());
                assertEquals("FeatureCollection", body.get("type").asText());
                assertEquals(3, body.get("count").asInt(), "intake, permit_applied, assessment; not reported or ended");
                assertTrue(body.get("dataset").get("fictitious").asBoolean());
                assertEquals("§4.1.2", body.get("policy").get("paragraph").asText());
                assertFalse(body.get("policy").get("adopted").asBoolean());
                assertTrue(
                        body.get("policy").get("adoptedNote").get("nl").asText().contains("§4.1.2"));

                // sorted by village ("@Veld" before "Oosterbroek"), then street
                List<JsonNode> f = new ArrayList<>();
                body.get("features").forEach(f::add);
                assertEquals(3, f.size());
                JsonNode veld = f.get(0).get("properties");
                assertEquals("@Veld", veld.get("village").asText());
                assertEquals(FORMULA_STREET, veld.get("street").asText());
                assertEquals("street", veld.get("location").asText());
                JsonNode hoofdstraat = f.get(1).get("properties");
                assertEquals("Oosterbroek", hoofdstraat.get("village").asText());
                assertEquals("Hoofdstraat", hoofdstraat.get("street").asText());
                assertEquals("street", hoofdstraat.get("location").asText());
                assertEquals("room_rental", hoofdstraat.get("form").asText());
                assertEquals(4, hoofdstraat.get("persons").asInt());
                assertEquals("intake", hoofdstraat.get("status").asText());
                assertTrue(hoofdstraat.get("projectPage").isNull());
                JsonNode park = f.get(2).get("properties");
                assertEquals("Oosterbroek", park.get("village").asText());
                assertEquals("Industrieweg", park.get("street").asText());
                assertEquals("site", park.get("location").asText());
                assertEquals("housing_facility", park.get("form").asText());
                assertEquals(16, park.get("persons").asInt());
                assertEquals("permit_applied", park.get("status").asText());
                assertEquals(
                        "https://www.example.nl/huisvesting-zwaaikom?x=1",
                        park.get("projectPage").asText());
                for (JsonNode feature : f) {
                    assertEquals(
                            List.of("village", "street", "location", "form", "persons", "status", "projectPage"),
                            fieldNames(feature.get("properties")),
                            "no other member, so nothing personal slips in");
                }

                // where the map draws them (1e-5 degrees is about 1 m; PostGIS's datum shift and RDNAPTRANS differ
                // by less)
                double[] village = postgisLonLat(240000, 510000);
                double[] home = postgisLonLat(240020, 510020);
                double[] site = postgisLonLat(242520, 509510);
                assertNear(village, f.get(1).get("geometry"), "a person's initiative is drawn at its village");
                assertFalse(
                        near(home, f.get(1).get("geometry"), 1e-4),
                        "never at the person's home (28 m away from the village point)");
                assertNear(site, f.get(2).get("geometry"), "an organisation's initiative is drawn at its site");
                assertTrue(
                        f.get(0).get("geometry").isNull(),
                        "no village feature is named @Veld: listed, not drawn at another village " + f.get(0));

                // per village, over every match
                assertEquals(
                        "[{\"village\":\"@Veld\",\"count\":1},{\"village\":\"Oosterbroek\",\"count\":2}]",
                        body.get("villages").toString());

                // paging through web.http.Paging: count stays the match, links carry the filter
                JsonNode page = readTree(
                        get(port, PUBLIC + "?village=oosterbroek&limit=1").body());
                assertEquals(2, page.get("count").asInt());
                assertEquals(1, page.get("features").size());
                assertEquals(
                        "Hoofdstraat",
                        page.get("features")
                                .get(0)
                                .get("properties")
                                .get("street")
                                .asText());
                assertEquals(PUBLIC + "?village=oosterbroek&limit=1&offset=1", link(page, "next"));
                JsonNode second = readTree(get(port, link(page, "next")).body());
                assertEquals(
                        "Industrieweg",
                        second.get("features")
                                .get(0)
                                .get("properties")
                                .get("street")
                                .asText());
                assertNull(link(second, "next"));
                assertEquals(
                        1,
                        readTree(get(port, PUBLIC + "?status=permit_applied").body())
                                .get("count")
                                .asInt());

                // refusals are problems, and not cached
                Text reported = get(port, PUBLIC + "?status=reported");
                assertEquals(400, reported.status());
                assertTrue(reported.contentType().startsWith(Problem.MEDIA_TYPE));
                assertTrue(reported.body().contains("intake"), reported.body());
                assertFalse(reported.headers()
                        .firstValue("Cache-Control")
                        .orElse("")
                        .contains("public"));
                assertEquals(400, get(port, PUBLIC + "?name=Jansen").status());
                assertEquals(400, get(port, PUBLIC + "?limit=0").status());

                // the CSV: the same rows, no name, e-mail or phone column, formulas kept as text
                Text csv = get(port, PUBLIC + ".csv");
                assertEquals(200, csv.status(), csv.body());
                assertTrue(csv.contentType().startsWith("text/csv"));
                assertEquals(
                        "public, max-age=60",
                        csv.headers().firstValue("Cache-Control").orElse(""));
                String[] lines = csv.body().split("\r\n");
                assertEquals(
                        "village,street,location,form,persons,status,project_page,lon,lat,policy_adopted,fictitious",
                        lines[0]);
                for (String column : lines[0].split(",")) {
                    assertFalse(
                            column.contains("name")
                                    || column.contains("mail")
                                    || column.contains("phone")
                                    || column.contains("initiator")
                                    || column.contains("note"),
                            column);
                }
                assertEquals(4, lines.length, "header + 3 public initiatives");
                assertTrue(
                        lines[1].startsWith("'@Veld,\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"klik\"\")\",street,"),
                        lines[1]);
                assertTrue(lines[2].startsWith("Oosterbroek,Hoofdstraat,street,room_rental,4,intake,,"), lines[2]);
                assertTrue(
                        lines[3].startsWith("Oosterbroek,Industrieweg,site,housing_facility,16,permit_applied,"
                                + "https://www.example.nl/huisvesting-zwaaikom?x=1,"),
                        lines[3]);
                assertTrue(lines[3].endsWith(",false,true"), lines[3]);
                for (String secret : List.of("Jansen BV", "Vries", "Klaassen", "06-1234", "j.jansen@")) {
                    assertFalse(csv.body().contains(secret), secret);
                }
                Text csvPage = get(port, PUBLIC + ".csv?status=intake");
                assertEquals(2, csvPage.body().split("\r\n").length);
            });
        }
    }

    /** {@link #dataset()} with {@code extra} more dwellings on Hoofdstraat, Oosterbroek (the fixture has 2). */
    static Dataset withHoofdstraatDwellings(int extra) {
        List<Feature> all = new ArrayList<>();
        dataset().layers().values().forEach(all::addAll);
        for (int i = 0; i < extra; i++) {
            Map<String, String> attrs = new HashMap<>();
            attrs.put("street", "Hoofdstraat");
            attrs.put("housenumber", Integer.toString(20 + 2 * i));
            attrs.put("town", "Oosterbroek");
            all.add(new Feature(
                    9_100 + i,
                    Role.ADDRESS,
                    WorkingCrs.rdNew()
                            .geometryFactory()
                            .createPoint(new org.locationtech.jts.geom.Coordinate(240200 + 60 * i, 510030)),
                    attrs,
                    new Provenance("PublicInitiativesHttpTest", "hoofdstraat-" + i, "addr:housenumber")));
        }
        return new Dataset(dataset().info(), all);
    }

    /**
     * §4.1.2 with the profile's street minimum (10 dwellings, not adopted): a private person on a street of 2 dwellings
     * is shown by the village only, in the JSON and the CSV; the same register over layers where the street has 10
     * dwellings shows the street. An organisation keeps its site and street either way.
     */
    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aPrivatePersonsStreetIsShownOnlyFromTheMinimumNumberOfDwellings(StoreKind kind) throws Exception {
        TokenFile tokens = RegisterHttp.tokens(temp);
        PolicyProfile profile = PolicyProfile.load(null);
        assertEquals(10, profile.publicInitiatives().streetMinDwellings());
        assertFalse(profile.publicInitiatives().adopted());
        Dataset shortStreet = withHoofdstraatDwellings(0), longStreet = withHoofdstraatDwellings(8);
        assertEquals(2, streetDwellings(shortStreet, profile).applyAsInt("Hoofdstraat", "Oosterbroek"));
        assertEquals(10, streetDwellings(longStreet, profile).applyAsInt("Hoofdstraat", "Oosterbroek"));
        // the layers served now, swapped as a reload does
        java.util.concurrent.atomic.AtomicReference<Dataset> served =
                new java.util.concurrent.atomic.AtomicReference<>(shortStreet);
        try (Store store = kind.open(kind.freshLocation(temp), CLOCK)) {
            Registers registers = new Registers(TestTerms.HARDENBERG, store, CLOCK, AssessmentSnapshots.NONE);
            Config config = Config.defaults().with(Map.of("port", "0"));
            Api api = new Api(
                    config,
                    shortStreet,
                    r -> {
                        throw new AssertionError("no assessments here");
                    },
                    new PolicyInfo("hardenberg-2025", "test"));
            Javalin app = Routes.create(api, config, null, c -> {
                RegisterRoutes.install(c.routes, registers, () -> tokens, null, () -> api);
                PublicInitiativeRoutes.install(c.routes, () -> {
                    Dataset d = served.get();
                    return new PublicInitiativesApi(
                            store,
                            profile.publicInitiatives(),
                            new Assessor(d, profile).lookup(),
                            "EPSG:28992",
                            api.datasetJson(),
                            true,
                            streetDwellings(d, profile));
                });
            });
            JavalinTest.test(app, (server, client) -> {
                RegisterHttp http = new RegisterHttp(server.port());
                int port = server.port();
                assertEquals(
                        201,
                        http.send(
                                        "POST",
                                        "/api/v1/initiatives",
                                        RegisterHttp.PLANNER,
                                        initiative(
                                                240020,
                                                510020,
                                                "room_rental",
                                                4,
                                                "Jan Jansen",
                                                "person",
                                                null,
                                                "intake"))
                                .status());
                assertEquals(
                        201,
                        http.send(
                                        "POST",
                                        "/api/v1/initiatives",
                                        RegisterHttp.PLANNER,
                                        initiative(
                                                242520,
                                                509510,
                                                "housing_facility",
                                                16,
                                                "Agro BV",
                                                "organisation",
                                                null,
                                                "intake"))
                                .status());

                JsonNode few = readTree(get(port, PUBLIC).body());
                assertEquals(10, few.get("policy").get("streetMinDwellings").asInt());
                JsonNode person = byForm(few, "room_rental");
                assertEquals("room_rental", person.get("form").asText());
                assertEquals("village", person.get("location").asText());
                assertTrue(person.get("street").isNull(), person.toString());
                assertEquals("Oosterbroek", person.get("village").asText());
                JsonNode company = byForm(few, "housing_facility");
                assertEquals("site", company.get("location").asText());
                assertEquals("Industrieweg", company.get("street").asText(), "an organisation is not hidden");
                assertFalse(get(port, PUBLIC).body().contains("Hoofdstraat"));
                String csv = get(port, PUBLIC + ".csv").body();
                assertFalse(csv.contains("Hoofdstraat"), csv);
                assertTrue(csv.contains("\r\nOosterbroek,,village,room_rental,4,intake,,"), csv);

                served.set(longStreet);
                JsonNode many = readTree(get(port, PUBLIC).body());
                JsonNode shown = byForm(many, "room_rental");
                assertEquals("room_rental", shown.get("form").asText());
                assertEquals("street", shown.get("location").asText());
                assertEquals("Hoofdstraat", shown.get("street").asText());
                assertTrue(get(port, PUBLIC + ".csv")
                        .body()
                        .contains("\r\nOosterbroek,Hoofdstraat,street,room_rental,4,"));
            });
        }
    }

    private static JsonNode byForm(JsonNode collection, String form) {
        for (JsonNode f : collection.get("features"))
            if (f.get("properties").get("form").asText().equals(form)) return f.get("properties");
        throw new AssertionError("no " + form + " in " + collection);
    }

    private static List<String> fieldNames(JsonNode o) {
        List<String> names = new ArrayList<>();
        o.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String link(JsonNode page, String rel) {
        for (JsonNode l : page.get("links"))
            if (l.get("rel").asText().equals(rel)) return l.get("href").asText();
        return null;
    }

    private static boolean near(double[] lonLat, JsonNode point, double tolerance) {
        return point != null
                && !point.isNull()
                && Math.abs(point.get("coordinates").get(0).asDouble() - lonLat[0]) < tolerance
                && Math.abs(point.get("coordinates").get(1).asDouble() - lonLat[1]) < tolerance;
    }

    private static void assertNear(double[] lonLat, JsonNode point, String what) {
        assertTrue(near(lonLat, point, 1e-5), what + ": " + point + " vs PostGIS " + lonLat[0] + ", " + lonLat[1]);
    }
}
