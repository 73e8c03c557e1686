package nl.plektoets.web;

import static nl.plektoets.web.ApiHttpTest.post;
import static nl.plektoets.web.ApiHttpTest.problem;
import static nl.plektoets.web.NoordoostpolderHttpTest.criterion;
import static nl.plektoets.web.NoordoostpolderHttpTest.erfCentre;
import static nl.plektoets.web.NoordoostpolderHttpTest.feature;
import static nl.plektoets.web.NoordoostpolderHttpTest.square;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.plektoets.assess.Assessor;
import nl.plektoets.config.Config;
import nl.plektoets.data.Dataset;
import nl.plektoets.data.DatasetInfo;
import nl.plektoets.data.Feature;
import nl.plektoets.data.Role;
import nl.plektoets.policy.PolicyProfile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 18 over the served API: the employerErf of {@code POST /api/v1/assessments} is matched against the erf
 * layers. Noordoostpolder's fictitious world of {@link NoordoostpolderHttpTest} (in CBS GM0171: the employer's erf,
 * a 100 m square agricultural plot, a farm building) plus the neighbour's BGT erf 150 m east of it.
 */
class EmployerErfHttpTest {
    static Dataset dataset;

    @BeforeAll
    static void world() {
        NoordoostpolderHttpTest.world();
        double x = erfCentre.getX(), y = erfCentre.getY();
        List<Feature> f = new ArrayList<>();
        NoordoostpolderHttpTest.dataset.layers().values().forEach(f::addAll);
        f.add(feature(10, Role.ERF, square(x + 200, y, 50), "the neighbour's erf (fictitious BGT)"));
        dataset = new Dataset(
                new DatasetInfo("Noordoostpolder (fictitious erven in CBS GM0171)", true, List.of("cbs"), "EPSG:28992"),
                f);
    }

    private static Javalin app() {
        Config config = Config.defaults().with(Map.of("port", "0", "policy-profile", "noordoostpolder-2024"));
        PolicyProfile profile = PolicyProfile.builtIn(config.policyProfile());
        Assessor assessor = new Assessor(dataset, profile);
        Api api = new Api(config, dataset, assessor::assess, new PolicyInfo(profile.id(), profile.title()));
        return Routes.create(api, config, null, c -> {});
    }

    /** A small location at (dx, dy) from the own erf's centre with a drawn erf, all in RD New metres. */
    static String request(double dx, double dy, String erf) {
        return String.format(
                Locale.ROOT,
                "{\"site\":{\"type\":\"Point\",\"coordinates\":[%.3f,%.3f]},\"crs\":\"EPSG:28992\","
                        + "\"form\":\"housing_facility\",\"persons\":16,\"employsMigrants\":true,\"employerErf\":%s}",
                erfCentre.getX() + dx,
                erfCentre.getY() + dy,
                erf);
    }

    /** A polygon through the corners (dx, dy from the own erf's centre), closed. */
    static String polygon(double... xy) {
        StringBuilder s = new StringBuilder("{\"type\":\"Polygon\",\"coordinates\":[[");
        for (int i = 0; i <= xy.length; i += 2) {
            int j = i % xy.length;
            s.append(i == 0 ? "" : ",")
                    .append(String.format(
                            Locale.ROOT, "[%.3f,%.3f]", erfCentre.getX() + xy[j], erfCentre.getY() + xy[j + 1]));
        }
        return s.append("]]}").toString();
    }

    @Test
    void anErfDrawnAFewMetresOffIsTheLayersErfAndNamedInTheEvidence() {
        JavalinTest.test(app(), (server, client) -> {
            ApiHttpTest.Answer a =
                    post(client, "/api/v1/assessments", request(20, 20, polygon(-52, -49, 51, -53, 53, 52, -48, 50)));
            assertEquals(200, a.status(), a.body()::toString);
            JsonNode loc = criterion(a.body(), "location_class");
            assertEquals("pass", loc.get("status").asText(), loc::toString);
            assertEquals("match", loc.at("/evidence/employerErf/result").asText(), loc::toString);
            assertEquals(
                    "fixture/1", loc.at("/evidence/employerErf/erf/sourceId").asText());
            assertEquals(
                    "agricultural_plot",
                    loc.at("/evidence/employerErf/erf/role").asText());
            assertEquals("test", loc.at("/evidence/employerErf/erf/source").asText());
            assertTrue(loc.at("/evidence/employerErf/symmetricDifferenceM2").asDouble()
                    <= loc.at("/evidence/employerErf/toleranceM2").asDouble());
        });
    }

    @Test
    void anErfDrawnAroundTheNeighboursErfIsConditionalWithTheOverlap() {
        JavalinTest.test(app(), (server, client) -> {
            ApiHttpTest.Answer a =
                    post(client, "/api/v1/assessments", request(200, 0, polygon(120, -80, 280, -80, 280, 80, 120, 80)));
            assertEquals(200, a.status(), a.body()::toString);
            JsonNode loc = criterion(a.body(), "location_class");
            assertEquals("conditional", loc.get("status").asText(), loc::toString);
            assertNotEquals("allowed", a.body().get("verdict").asText());
            assertEquals(
                    "conditional", loc.at("/evidence/requires/employer_erf").asText());
            assertTrue(
                    loc.at("/message/en").asText().contains("it covers 10,000 m² of erf fixture/10"),
                    loc.at("/message/en").asText());
            assertTrue(loc.at("/message/nl").asText().contains("een planner beoordeelt dat"));
            assertEquals("no_match", loc.at("/evidence/employerErf/result").asText());
            assertEquals(
                    10_000, loc.at("/evidence/employerErf/overlaps/0/overlapM2").asDouble(), 0.01);
            assertEquals(
                    "fixture/10",
                    loc.at("/evidence/employerErf/overlaps/0/feature/sourceId").asText());
        });
    }

    @Test
    void anErfOfMoreThan2000PositionsIs400WithTheFix() {
        JavalinTest.test(app(), (server, client) -> {
            // a circle of 2001 positions (the last closes it)
            double[] xy = new double[2 * 2000];
            for (int i = 0; i < 2000; i++) {
                xy[2 * i] = 20 + 40 * Math.cos(2 * Math.PI * i / 2000);
                xy[2 * i + 1] = 20 + 40 * Math.sin(2 * Math.PI * i / 2000);
            }
            JsonNode body = problem(
                    post(client, "/api/v1/assessments", request(20, 20, polygon(xy))),
                    400,
                    "invalid-request",
                    "employerErf.coordinates");
            assertTrue(body.get("detail").asText().contains("at most 2000"), body::toString);
            assertTrue(body.get("detail").asText().contains("simplify the outline"), body::toString);
            // 1999 corners and the closing one are accepted
            double[] fewer = java.util.Arrays.copyOf(xy, 2 * 1999);
            assertEquals(
                    200,
                    post(client, "/api/v1/assessments", request(20, 20, polygon(fewer)))
                            .status());
        });
    }
}
