package nl.plektoets.web;

import static nl.plektoets.web.ApiHttpTest.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.plektoets.assess.Assessor;
import nl.plektoets.config.Config;
import nl.plektoets.data.Dataset;
import nl.plektoets.data.DatasetInfo;
import nl.plektoets.data.Feature;
import nl.plektoets.data.Provenance;
import nl.plektoets.data.Role;
import nl.plektoets.data.cbs.CbsGemeenten;
import nl.plektoets.data.cbs.Municipality;
import nl.plektoets.geo.WorkingCrs;
import nl.plektoets.policy.PolicyProfile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

/**
 * Issue 18, serving Noordoostpolder: the configuration picks the built-in profile ({@code policy-profile =
 * noordoostpolder-2024}), the answers and GET /api/v1/policy name it, and POST /api/v1/assessments reads the new
 * inputs {@code employsMigrants} and {@code employerErf}. The dataset lies in the real municipality: CBS's boundary of
 * GM0171 (shared/data/cbs), with a fictitious erf (100 m square, farm building) and village (1 km square) placed at
 * points of that boundary, since the shared data holds no Noordoostpolder villages or erven.
 */
class NoordoostpolderHttpTest {
    static final Path CBS = Path.of("..", "shared", "data", "cbs", "gemeenten_zonder_water.geojson");
    static WorkingCrs rd;
    static Municipality nop;
    static Point erfCentre;
    static Dataset dataset;

    @BeforeAll
    static void world() {
        rd = WorkingCrs.rdNew();
        nop = CbsGemeenten.find(CBS, "GM0171", rd);
        erfCentre = nop.boundary().getInteriorPoint();
        double x = erfCentre.getX(), y = erfCentre.getY();
        // the village 3 km from the erf, still inside the municipality (checked below)
        Point village = rd.geometryFactory().createPoint(new Coordinate(x + 3000, y));
        List<Feature> f = new ArrayList<>();
        f.add(feature(1, Role.AGRICULTURAL_PLOT, square(x, y, 50), "erf (fictitious)"));
        f.add(feature(2, Role.BUILDING, square(x, y, 10), "farm building (fictitious)"));
        f.add(feature(3, Role.BUILT_UP_AREA, square(village.getX(), village.getY(), 500), "village (fictitious)"));
        f.add(feature(4, Role.BUSINESS_PARK, square(x - 4000, y, 200), "business park (fictitious)"));
        // the municipality's boundary as the background extent (water is drawn only, no criterion reads it)
        f.add(feature(5, Role.WATER, nop.boundary().getBoundary(), "CBS boundary GM0171"));
        dataset = new Dataset(
                new DatasetInfo(
                        "Noordoostpolder (fictitious erf and village in CBS GM0171)",
                        true,
                        List.of("cbs"),
                        "EPSG:28992"),
                f);
    }

    static Feature feature(long id, Role role, Geometry g, String name) {
        return new Feature(id, role, g, Map.of("name", name), new Provenance("test", "fixture/" + id, "fixture"));
    }

    static Geometry square(double x, double y, double half) {
        return rd.geometryFactory()
                .toGeometry(new org.locationtech.jts.geom.Envelope(x - half, x + half, y - half, y + half));
    }

    private static Javalin app() {
        Config config = Config.defaults().with(Map.of("port", "0", "policy-profile", "noordoostpolder-2024"));
        PolicyProfile profile = PolicyProfile.builtIn(config.policyProfile());
        Assessor assessor = new Assessor(dataset, profile);
        Api api = new Api(config, dataset, assessor::assess, new PolicyInfo(profile.id(), profile.title()));
        return Routes.create(api, config, null, c -> {
            InitiatorRoutes.install(c.routes, new PolicyApi(profile), () -> new EdgeBandApi(assessor), () -> api);
        });
    }

    /** The erf (and a site on it) in RD New metres, as GeoJSON. */
    static String erfPolygon(double dx) {
        double x = erfCentre.getX() + dx, y = erfCentre.getY();
        return String.format(
                Locale.ROOT,
                "{\"type\":\"Polygon\",\"coordinates\":[[[%.3f,%.3f],[%.3f,%.3f],[%.3f,%.3f],[%.3f,%.3f],[%.3f,%.3f]]]}",
                x - 50,
                y - 50,
                x + 50,
                y - 50,
                x + 50,
                y + 50,
                x - 50,
                y + 50,
                x - 50,
                y - 50);
    }

    static String request(double dx, int persons, String extra) {
        return String.format(
                Locale.ROOT,
                "{\"site\":{\"type\":\"Point\",\"coordinates\":[%.3f,%.3f]},\"crs\":\"EPSG:28992\","
                        + "\"form\":\"housing_facility\",\"persons\":%d%s}",
                erfCentre.getX() + 20 + dx,
                erfCentre.getY() + 20,
                persons,
                extra);
    }

    static JsonNode criterion(JsonNode answer, String id) {
        for (JsonNode c : answer.get("criteria")) if (c.get("id").asText().equals(id)) return c;
        throw new AssertionError("no criterion " + id + " in " + answer);
    }

    @Test
    void theWorldLiesInNoordoostpolder() {
        assertEquals("Noordoostpolder", nop.name());
        assertTrue(nop.boundary().contains(erfCentre));
        assertTrue(nop.boundary().covers(square(erfCentre.getX() + 3000, erfCentre.getY(), 500)));
        assertTrue(nop.boundary().covers(square(erfCentre.getX() - 4000, erfCentre.getY(), 200)));
    }

    @Test
    void aSmallLocationOnTheEmployersOwnErfWithItsOwnMigrantsPasses() {
        JavalinTest.test(app(), (server, client) -> {
            ApiHttpTest.Answer a = post(
                    client,
                    "/api/v1/assessments",
                    request(0, 16, ",\"employsMigrants\":true,\"employerErf\":" + erfPolygon(0)));
            assertEquals(200, a.status(), a.body()::toString);
            assertEquals("noordoostpolder-2024", a.body().at("/policy/id").asText());
            JsonNode loc = criterion(a.body(), "location_class");
            assertEquals("pass", loc.get("status").asText(), loc::toString);
            assertEquals("small", loc.at("/evidence/sizeCategory").asText());
            assertEquals("pass", loc.at("/evidence/requires/employer_erf").asText());
            assertEquals("§4, §2", loc.get("policyRef").asText());
        });
    }

    @Test
    void anotherErfOrNoMigrantsOrNothingToldGiveFailAndUnknown() {
        JavalinTest.test(app(), (server, client) -> {
            JsonNode otherErf = criterion(
                    post(
                                    client,
                                    "/api/v1/assessments",
                                    request(0, 16, ",\"employsMigrants\":true,\"employerErf\":" + erfPolygon(200)))
                            .body(),
                    "location_class");
            assertEquals("fail", otherErf.get("status").asText(), otherErf::toString);
            JsonNode noMigrants = criterion(
                    post(
                                    client,
                                    "/api/v1/assessments",
                                    request(0, 16, ",\"employsMigrants\":false,\"employerErf\":" + erfPolygon(0)))
                            .body(),
                    "location_class");
            assertEquals("fail", noMigrants.get("status").asText());
            JsonNode untold = criterion(
                    post(client, "/api/v1/assessments", request(0, 16, "")).body(), "location_class");
            assertEquals("unknown", untold.get("status").asText());
        });
    }

    @Test
    void theVillageIsClosedAndAMediumLocationGoesThroughTheRound() {
        JavalinTest.test(app(), (server, client) -> {
            JsonNode village = criterion(
                    post(client, "/api/v1/assessments", request(3000 - 20, 16, ""))
                            .body(),
                    "location_class");
            assertEquals("fail", village.get("status").asText());
            assertEquals("§3", village.get("policyRef").asText());
            JsonNode medium = criterion(
                    post(client, "/api/v1/assessments", request(1000, 150, "")).body(), "location_class");
            assertEquals("conditional", medium.get("status").asText(), medium::toString);
            assertEquals("medium", medium.at("/evidence/sizeCategory").asText());
        });
    }

    @Test
    void badNewInputsAre400WithTheirField() {
        JavalinTest.test(app(), (server, client) -> {
            ApiHttpTest.Answer notBoolean =
                    post(client, "/api/v1/assessments", request(0, 16, ",\"employsMigrants\":\"yes\""));
            assertEquals(400, notBoolean.status());
            assertEquals("employsMigrants", notBoolean.body().get("field").asText());
            ApiHttpTest.Answer point = post(
                    client,
                    "/api/v1/assessments",
                    request(0, 16, ",\"employerErf\":{\"type\":\"Point\",\"coordinates\":[1,2]}"));
            assertEquals(400, point.status());
            assertEquals("employerErf", point.body().get("field").asText());
            assertTrue(point.body().get("detail").asText().contains("Polygon"), point.body()::toString);
        });
    }

    @Test
    void thePolicyTextIsNoordoostpoldersDigestWithItsSources() {
        JavalinTest.test(app(), (server, client) -> {
            JsonNode policy = ApiHttpTest.get(client, "/api/v1/policy").body();
            assertEquals("noordoostpolder-2024", policy.get("id").asText());
            assertEquals(
                    "Gemeente Noordoostpolder (GM0171)", policy.get("publisher").asText());
            // the small-on-the-erf rule requires both inputs (locations.rules ... requires), so a page asks for them
            assertEquals(
                    "[\"employsMigrants\",\"employerErf\"]",
                    policy.get("inputs").toString());
            JsonNode p3 = ApiHttpTest.get(client, "/api/v1/policy/paragraphs/3").body();
            assertEquals("Geen nieuwe locaties in de kernen", p3.get("title").asText());
            assertTrue(p3.get("text").asText().startsWith("Bron: gemeentepagina"), p3::toString);
        });
    }
}
