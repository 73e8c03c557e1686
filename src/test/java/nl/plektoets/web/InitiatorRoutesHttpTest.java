package nl.plektoets.web;

import static nl.plektoets.web.ApiHttpTest.get;
import static nl.plektoets.web.ApiHttpTest.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import java.util.Map;
import nl.plektoets.assess.Assessor;
import nl.plektoets.config.Config;
import nl.plektoets.data.Dataset;
import nl.plektoets.data.FixtureDataset;
import nl.plektoets.policy.PolicyProfile;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;

/**
 * GET /api/v1/policy, /api/v1/policy/paragraphs/{ref} and /api/v1/layers/business_park/{id}/edge-band against the
 * real server over the WKT fixture and the built-in Hardenberg 2025 profile with its text.
 */
class InitiatorRoutesHttpTest {
    private static Javalin app() {
        Config config = Config.defaults().with(Map.of("port", "0"));
        Dataset dataset = FixtureDataset.create();
        PolicyProfile profile = PolicyProfile.load(null);
        Assessor assessor = new Assessor(dataset, profile);
        Api api = new Api(config, dataset, assessor::assess, new PolicyInfo(profile.id(), profile.title()));
        Javalin app = Routes.create(api, config, null, c -> {
            InitiatorRoutes.install(c.routes, new PolicyApi(profile), () -> new EdgeBandApi(assessor), () -> api);
        });
        return app;
    }

    @Test
    void thePolicyListsItsParagraphs() {
        JavalinTest.test(app(), (server, client) -> {
            ApiHttpTest.Answer a = get(client, "/api/v1/policy");
            assertEquals(200, a.status(), a.body()::toString);
            assertEquals("2025-07-08", a.body().get("adopted").asText());
            // the profile's readings are public: where each rule stands, the open choices, what is not checked
            assertEquals("§5.1.2", a.body().at("/rules/locations").asText());
            assertEquals(
                    "stricter",
                    a.body()
                            .at("/readings/agricultural_plot_in_built_up_area/value")
                            .asText());
            assertEquals(20, a.body().get("notChecked").size());
            // Hardenberg's location rules require no input beyond site, form and persons
            assertEquals("[]", a.body().get("inputs").toString());
            // the policy page's source line: Hardenberg's text is the one published in its Gemeenteblad
            assertEquals("published", a.body().at("/source/textKind").asText());
            assertTrue(a.body().at("/source/publication").asText().startsWith("Gemeenteblad"), a.body()::toString);
            Golden.assertMatches("policy", a.body());
        });
    }

    @Test
    void aParagraphHasItsTextAndTheThresholdsCitingIt() {
        JavalinTest.test(app(), (server, client) -> {
            ApiHttpTest.Answer a = get(client, "/api/v1/policy/paragraphs/5.1.2");
            assertEquals(200, a.status(), a.body()::toString);
            JsonNode keys = a.body().get("thresholds");
            assertTrue(
                    keys.findValuesAsText("key")
                            .containsAll(java.util.List.of(
                                    "business_park.edge_band_inside_m",
                                    "permit.initial_term_years",
                                    "permit.max_term_years")),
                    keys::toString);
            Golden.assertMatches("policy-paragraph-5.1.2", a.body());
            ApiHttpTest.Answer b = get(client, "/api/v1/policy/paragraphs/bijlage-2");
            assertEquals("Kwaliteitseisen", b.body().get("title").asText());
            assertEquals(2, b.body().get("thresholds").size(), b.body()::toString);
            Golden.assertMatches("policy-paragraph-bijlage-2", b.body());
            // as cited: §6.2.2 (URL-encoded)
            ApiHttpTest.Answer c = get(client, "/api/v1/policy/paragraphs/%C2%A76.2.2");
            assertEquals("6.2.2", c.body().get("ref").asText(), c.body()::toString);
        });
    }

    @Test
    void anUnknownParagraphIs404() {
        JavalinTest.test(app(), (server, client) -> {
            JsonNode p = problem(get(client, "/api/v1/policy/paragraphs/9.9.9"), 404, "not-found", "ref");
            assertTrue(p.get("detail").asText().contains("GET /api/v1/policy"), p::toString);
        });
    }

    @Test
    void theEdgeBandOfTheFixtureParkInRdNew() {
        JavalinTest.test(app(), (server, client) -> {
            ApiHttpTest.Answer a = get(client, "/api/v1/layers/business_park/3/edge-band?crs=EPSG:28992");
            assertEquals(200, a.status(), a.body()::toString);
            assertTrue(a.contentType().startsWith("application/geo+json"), a.contentType());
            assertEquals(
                    "<http://www.opengis.net/def/crs/EPSG/0/28992>", ApiHttpTest.header(a.response(), "Content-Crs"));
            JsonNode inside = a.body().get("features").get(0);
            assertEquals("inside", inside.get("properties").get("band").asText());
            assertEquals(100, inside.get("properties").get("widthM").asInt());
            assertEquals("§5.1.2", inside.get("properties").get("paragraph").asText());
            Geometry g = new WKTReader().read(wkt(inside.get("geometry")));
            assertTrue(
                    g.equalsTopo(
                            new WKTReader()
                                    .read(
                                            "POLYGON ((242000 509000, 243000 509000, 243000 510000,"
                                                    + " 242000 510000, 242000 509000), (242100 509100, 242100 509900, 242900 509900, 242900 509100, 242100 509100))")),
                    g.toText());
            Golden.assertMatches("edge-band-fixture-park", a.body());
            ApiHttpTest.Answer crs84 = get(client, "/api/v1/layers/business_park/3/edge-band");
            assertEquals(200, crs84.status());
            double lon = crs84.body()
                    .get("features")
                    .get(0)
                    .get("geometry")
                    .get("coordinates")
                    .get(0)
                    .get(0)
                    .get(0)
                    .asDouble();
            assertTrue(lon > 3 && lon < 8, "CRS84 by default: " + lon);
        });
    }

    @Test
    void badEdgeBandRequestsAreProblems() {
        JavalinTest.test(app(), (server, client) -> {
            problem(get(client, "/api/v1/layers/business_park/999/edge-band"), 404, "not-found", "id");
            problem(get(client, "/api/v1/layers/business_park/1/edge-band"), 404, "not-found", "id"); // a built-up area
            problem(get(client, "/api/v1/layers/business_park/abc/edge-band"), 400, "invalid-parameter", "id");
            problem(
                    get(client, "/api/v1/layers/business_park/3/edge-band?crs=EPSG:4326"),
                    400,
                    "invalid-parameter",
                    "crs");
            problem(
                    get(client, "/api/v1/layers/business_park/3/edge-band?bbox=1,2,3,4"),
                    400,
                    "invalid-parameter",
                    "bbox");
        });
    }

    /** A GeoJSON polygon as WKT (RD New, so the coordinates are exact). */
    private static String wkt(JsonNode polygon) {
        StringBuilder b = new StringBuilder("POLYGON (");
        for (int r = 0; r < polygon.get("coordinates").size(); r++) {
            b.append(r == 0 ? "(" : ", (");
            JsonNode ring = polygon.get("coordinates").get(r);
            for (int i = 0; i < ring.size(); i++) {
                b.append(i == 0 ? "" : ", ")
                        .append(ring.get(i).get(0).asDouble())
                        .append(' ')
                        .append(ring.get(i).get(1).asDouble());
            }
            b.append(')');
        }
        return b.append(')').toString();
    }
}
