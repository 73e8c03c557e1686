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
        return Routes.create(
                new Api(config, dataset, assessor::assess, new PolicyInfo(profile.id(), profile.title())), config);
    }

    @Test
    void roomRentalInTheVillageByPointInRdNew() {
        JavalinTest.test(app(), (server, client) -> {
            ApiHttpTest.Answer a = post(
                    client,
                    "/api/v1/assessments",
                    "{\"site\":{\"type\":\"Point\",\"coordinates\":[240020,510020]},\"crs\":\"EPSG:28992\",\"form\":\"room_rental\",\"persons\":4}");
            assertEquals(200, a.status(), a.body()::toString);
            assertTrue(a.contentType().startsWith("application/json"), a.contentType());
            assertEquals("built_up_area", a.body().get("locationClass").asText());
            assertEquals("hardenberg-2025", a.body().get("policy").get("id").asText());
            assertTrue(a.body().get("dataset").get("fictitious").asBoolean());
            Golden.assertMatches("assessment-village-room-rental", a.body());
        });
    }

    /**
     * Issue 11 item 11f: "allowed" is never a permit. Every answer explains the verdict, collects the obligations the
     * criteria state (each also under its criterion) and lists the profile's requirements the service does not check.
     */
    @Test
    void anAllowedAnswerSaysWhatWasCheckedWhatMustBeDoneAndWhatWasNotChecked() {
        JavalinTest.test(app(), (server, client) -> {
            ApiHttpTest.Answer a = post(
                    client,
                    "/api/v1/assessments",
                    "{\"site\":{\"type\":\"Point\",\"coordinates\":[240020,510020]},\"crs\":\"EPSG:28992\",\"form\":\"room_rental\",\"persons\":6}");
            assertEquals(200, a.status(), a.body()::toString);
            JsonNode b = a.body();
            assertEquals("allowed", b.get("verdict").asText());
            assertTrue(
                    b.at("/verdictExplanation/en")
                            .asText()
                            .startsWith("No objection found in the criteria checked;"
                                    + " conditions apply. This is not a permit"),
                    b::toString);
            assertTrue(
                    b.at("/verdictExplanation/nl")
                            .asText()
                            .startsWith("Geen bezwaar gevonden in de getoetste criteria;" + " er gelden voorwaarden."),
                    b::toString);
            java.util.List<String> ids = new java.util.ArrayList<>();
            b.get("obligations")
                    .forEach(o -> ids.add(
                            o.get("criterion").asText() + ":" + o.get("id").asText()));
            assertTrue(
                    ids.containsAll(java.util.List.of(
                            "location_class:room_rental_permit",
                            "fire_safety:melding_brandveilig_gebruik",
                            "permit_term:environmental_permit")),
                    ids::toString);
            for (JsonNode c : b.get("criteria")) {
                assertTrue(c.get("obligations").isArray(), c::toString);
                for (JsonNode o : c.get("obligations")) {
                    assertTrue(
                            ids.contains(c.get("id").asText() + ":"
                                            + o.get("id").asText())
                                    || b.toString()
                                            .contains("\"id\":\"" + o.get("id").asText() + "\""),
                            o::toString);
                }
            }
            JsonNode snf = null;
            for (JsonNode r : b.get("notChecked")) if (r.get("id").asText().equals("snf_quality_mark")) snf = r;
            assertTrue(
                    snf != null
                            && snf.get("policyRef").asText().equals("Bijlage 2")
                            && snf.at("/text/nl").asText().contains("SNF"),
                    b.get("notChecked")::toString);
            assertEquals(20, b.get("notChecked").size());
        });
    }

    @Test
    void facilityInTheVillageIsNotAllowed() {
        JavalinTest.test(app(), (server, client) -> {
            ApiHttpTest.Answer a = post(
                    client,
                    "/api/v1/assessments",
                    "{\"site\":{\"type\":\"Point\",\"coordinates\":[240020,510020]},\"crs\":\"EPSG:28992\",\"form\":\"housing_facility\",\"persons\":12}");
            assertEquals(200, a.status(), a.body()::toString);
            assertEquals("not_allowed", a.body().get("verdict").asText());
        });
    }

    @Test
    void facilityOnTheFarmByAddress() {
        JavalinTest.test(app(), (server, client) -> {
            ApiHttpTest.Answer a = post(
                    client,
                    "/api/v1/assessments",
                    "{\"address\":\"hoofdstraat 12, westervelde\",\"form\":\"housing_facility\",\"persons\":30}");
            assertEquals(200, a.status(), a.body()::toString);
            assertEquals("agricultural_plot", a.body().get("locationClass").asText());
            assertEquals(
                    "Hoofdstraat 12, Westervelde",
                    a.body().get("address").get("label").asText());
            Golden.assertMatches("assessment-farm-address-facility", a.body());
        });
    }

    @Test
    void polygonInTheHolidayParkInCrs84IsNotAllowed() {
        JavalinTest.test(app(), (server, client) -> {
            // a 100 m square inside the holiday park (RD 236400..236500, 512400..512500), sent in CRS84
            var rd = nl.plektoets.geo.WorkingCrs.rdNew();
            StringBuilder ring = new StringBuilder();
            double[][] corners = {
                {236400, 512400}, {236500, 512400}, {236500, 512500}, {236400, 512500}, {236400, 512400}
            };
            for (double[] c : corners) {
                var ll = rd.toLonLat(c[0], c[1]);
                ring.append(ring.length() == 0 ? "" : ",")
                        .append("[")
                        .append(ll.x)
                        .append(",")
                        .append(ll.y)
                        .append("]");
            }
            ApiHttpTest.Answer a = post(
                    client,
                    "/api/v1/assessments",
                    "{\"site\":{\"type\":\"Polygon\",\"coordinates\":[[" + ring
                            + "]]},\"form\":\"room_rental\",\"persons\":6,\"newBuild\":true}");
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
        Javalin app = Routes.create(
                new Api(
                        config,
                        dataset,
                        new Assessor(dataset, profile)::assess,
                        new PolicyInfo(profile.id(), profile.title())),
                config);
        JavalinTest.test(app, (server, client) -> {
            JsonNode p = problem(
                    post(
                            client,
                            "/api/v1/assessments",
                            "{\"site\":{\"type\":\"Polygon\",\"coordinates\":[[[239000,509000],"
                                    + "[240000,509000],[240000,510000],[239000,510000],[239000,509000]]]},\"crs\":\"EPSG:28992\",\"form\":\"room_rental\",\"persons\":4}"),
                    422,
                    "not-assessable",
                    "site");
            assertTrue(p.get("detail").asText().contains("site.max_area_m2"), p::toString);
        });
    }
}
