package nl.plektoets.web;

import static nl.plektoets.web.ApiHttpTest.post;
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

/**
 * stay and areaType of POST /api/v1/assessments (issue 12) on the real engine over the WKT fixture dataset: the car
 * repair shop at (242800, 509800) lies in the business park (242000..243000 x 509000..510000), so a site there is in a
 * mixed area, where category 2 (30 m) is 10 m.
 */
class EnvironmentHttpTest {
    private static Javalin app() {
        Config config = Config.defaults().with(Map.of("port", "0"));
        Dataset dataset = FixtureDataset.create();
        PolicyProfile profile = PolicyProfile.load(null);
        Assessor assessor = new Assessor(dataset, profile);
        return Routes.create(
                new Api(config, dataset, assessor::assess, new PolicyInfo(profile.id(), profile.title())), config);
    }

    private static String body(String extra) {
        // 6 m west of the shop: 6 < 10
        return "{\"site\":{\"type\":\"Point\",\"coordinates\":[242794,509800]},\"crs\":\"EPSG:28992\","
                + "\"form\":\"housing_facility\",\"persons\":8" + extra + "}";
    }

    private static JsonNode zoning(JsonNode answer) {
        for (JsonNode c : answer.get("criteria")) if (c.get("id").asText().equals("environmental_zoning")) return c;
        throw new AssertionError("no environmental_zoning in " + answer);
    }

    @Test
    void midStayIsConditionalAndShortStayPassesWithTheObligation() {
        JavalinTest.test(app(), (server, client) -> {
            ApiHttpTest.Answer mid = post(client, "/api/v1/assessments", body(""));
            assertEquals(200, mid.status(), mid.body()::toString);
            JsonNode z = zoning(mid.body());
            assertEquals("conditional", z.get("status").asText());
            assertEquals("mixed", z.at("/evidence/areaType").asText());
            assertEquals(6.0, z.at("/evidence/sources/0/distanceM").asDouble(), 1e-9);
            assertEquals(10.0, z.at("/evidence/sources/0/guideDistanceM").asDouble(), 1e-9);
            assertEquals("conditional", mid.body().get("verdict").asText());

            ApiHttpTest.Answer shortStay = post(client, "/api/v1/assessments", body(",\"stay\":\"short\""));
            assertEquals(200, shortStay.status(), shortStay.body()::toString);
            JsonNode s = zoning(shortStay.body());
            assertEquals("pass", s.get("status").asText());
            assertEquals("short_stay_only", s.at("/obligations/0/id").asText());
            assertTrue(shortStay.body().get("obligations").toString().contains("short_stay_only"));
            Golden.assertMatches("assessment-environment-short-stay", shortStay.body());

            // the requester says the area is quiet: 30 m, still conditional; mixed stated: the same as derived
            ApiHttpTest.Answer quiet = post(client, "/api/v1/assessments", body(",\"areaType\":\"quiet\""));
            assertEquals(
                    30.0,
                    zoning(quiet.body())
                            .at("/evidence/sources/0/guideDistanceM")
                            .asDouble(),
                    1e-9);
            assertEquals(
                    "request", zoning(quiet.body()).at("/evidence/areaTypeFrom").asText());
        });
    }

    @Test
    void badStayAndAreaTypeAreProblems() {
        JavalinTest.test(app(), (server, client) -> {
            JsonNode p = problem(
                    post(client, "/api/v1/assessments", body(",\"stay\":\"long\"")), 400, "invalid-request", "stay");
            assertTrue(p.get("detail").asText().contains("short"), p::toString);
            problem(post(client, "/api/v1/assessments", body(",\"stay\":4")), 400, "invalid-request", "stay");
            JsonNode a = problem(
                    post(client, "/api/v1/assessments", body(",\"areaType\":\"industrial\"")),
                    400,
                    "invalid-request",
                    "areaType");
            assertTrue(
                    a.get("detail").asText().contains("quiet")
                            && a.get("detail").asText().contains("mixed"),
                    a::toString);
        });
    }
}
