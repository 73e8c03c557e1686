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
 * POST /api/v1/assessments on the real engine (Assessor with the built-in Hardenberg 2025 profile) over the WKT
 * fixture dataset, against the real server. The golden files hold the full answers.
 */
class AssessmentHttpTest {
    private static Javalin app() {
        Config config = Config.defaults().with(Map.of("port", "0"));
        Dataset dataset = FixtureDataset.create();
        PolicyProfile profile = PolicyProfile.load(null);
        Assessor assessor = new Assessor(dataset, profile);
        return Routes.create(new Api(config, dataset, assessor::assess, new PolicyInfo(profile.id(), profile.title())), config);
    }

    @Test
    void roomRentalInTheVillageByPointInRdNew() {
        JavalinTest.test(app(), (server, client) -> {
            ApiHttpTest.Answer a = post(client, "/api/v1/assessments",
                    "{\"site\":{\"type\":\"Point\",\"coordinates\":[240020,510020]},\"crs\":\"EPSG:28992\",\"form\":\"room_rental\",\"persons\":4}");
            assertEquals(200, a.status(), a.body()::toString);
            assertTrue(a.contentType().startsWith("application/json"), a.contentType());
            assertEquals("built_up_area", a.body().get("locationClass").asText());
            assertEquals("hardenberg-2025", a.body().get("policy").get("id").asText());
            assertTrue(a.body().get("dataset").get("fictitious").asBoolean());
            Golden.assertMatches("assessment-village-room-rental", a.body());
        });
    }

    @Test
    void facilityInTheVillageIsNotAllowed() {
        JavalinTest.test(app(), (server, client) -> {
            ApiHttpTest.Answer a = post(client, "/api/v1/assessments",
                    "{\"site\":{\"type\":\"Point\",\"coordinates\":[240020,510020]},\"crs\":\"EPSG:28992\",\"form\":\"housing_facility\",\"persons\":12}");
            assertEquals(200, a.status(), a.body()::toString);
            assertEquals("not_allowed", a.body().get("verdict").asText());
        });
    }

    @Test
    void facilityOnTheFarmByAddress() {
        JavalinTest.test(app(), (server, client) -> {
            ApiHttpTest.Answer a = post(client, "/api/v1/assessments",
                    "{\"address\":\"hoofdstraat 12, westervelde\",\"form\":\"housing_facility\",\"persons\":30}");
            assertEquals(200, a.status(), a.body()::toString);
            assertEquals("agricultural_plot", a.body().get("locationClass").asText());
            assertEquals("Hoofdstraat 12, Westervelde", a.body().get("address").get("label").asText());
            Golden.assertMatches("assessment-farm-address-facility", a.body());
        });
    }

    @Test
    void polygonInTheHolidayParkInCrs84IsNotAllowed() {
        JavalinTest.test(app(), (server, client) -> {
            // a 100 m square inside the holiday park (RD 236400..236500, 512400..512500), sent in CRS84
            var rd = nl.plektoets.geo.WorkingCrs.rdNew();
            StringBuilder ring = new StringBuilder();
            double[][] corners = {{236400, 512400}, {236500, 512400}, {236500, 512500}, {236400, 512500}, {236400, 512400}};
            for (double[] c : corners) {
                var ll = rd.toLonLat(c[0], c[1]);
                ring.append(ring.length() == 0 ? "" : ",").append("[").append(ll.x).append(",").append(ll.y).append("]");
            }
            ApiHttpTest.Answer a = post(client, "/api/v1/assessments",
                    "{\"site\":{\"type\":\"Polygon\",\"coordinates\":[[" + ring + "]]},\"form\":\"room_rental\",\"persons\":6,\"newBuild\":true}");
            assertEquals(200, a.status(), a.body()::toString);
            assertEquals("not_allowed", a.body().get("verdict").asText());
            JsonNode first = a.body().get("criteria").get(0);
            assertEquals("recreation_exclusion", first.get("id").asText());
            assertEquals("fail", first.get("status").asText());
            assertEquals("§5.1.2", first.get("policyRef").asText());
            Golden.assertMatches("assessment-holiday-park-polygon", a.body());
        });
    }

    @Test
    void theEnginesOwnLimitsAnswer422() {
        // the service's limit raised above the profile's 10 ha: the engine refuses, naming the profile key
        Config config = Config.defaults().with(Map.of("port", "0", "max-site-area-m2", "5000000"));
        Dataset dataset = FixtureDataset.create();
        PolicyProfile profile = PolicyProfile.load(null);
        Javalin app = Routes.create(new Api(config, dataset, new Assessor(dataset, profile)::assess,
                new PolicyInfo(profile.id(), profile.title())), config);
        JavalinTest.test(app, (server, client) -> {
            JsonNode p = problem(post(client, "/api/v1/assessments", "{\"site\":{\"type\":\"Polygon\",\"coordinates\":[[[239000,509000],"
                    + "[240000,509000],[240000,510000],[239000,510000],[239000,509000]]]},\"crs\":\"EPSG:28992\",\"form\":\"room_rental\",\"persons\":4}"),
                    422, "not-assessable", "site");
            assertTrue(p.get("detail").asText().contains("site.max_area_m2"), p::toString);
        });
    }
}
