package nl.plektoets.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nl.plektoets.assess.Assessor;
import nl.plektoets.config.Config;
import nl.plektoets.criteria.Audience;
import nl.plektoets.criteria.HousedPersons;
import nl.plektoets.criteria.NeighboursCriterion;
import nl.plektoets.criteria.SpreadCriterion;
import nl.plektoets.data.Dataset;
import nl.plektoets.data.Feature;
import nl.plektoets.data.ImportProgress;
import nl.plektoets.data.Role;
import nl.plektoets.data.directory.DataDirectory;
import nl.plektoets.geo.WorkingCrs;
import nl.plektoets.policy.PolicyProfile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;

/**
 * The streamed answer of {@code POST /api/v1/assessments} ({@link Api#assessJson}) is byte for byte the answer
 * written from the tree ({@link Api#assess}, which reports and the planner route use): over the committed demo with
 * the settlement criteria, for addresses, points near them, a polygon in RD New and a request with initiative facts,
 * every form. The golden files hold the tree form to the contract.
 */
class AssessmentJsonStreamTest {
    @TempDir
    static Path temp;

    static Api api;
    static Dataset dataset;

    @BeforeAll
    static void demo() throws IOException {
        Path dir = temp.resolve("demo");
        Files.createDirectories(dir);
        for (String f : List.of("dataset.json", "demo.osm.gz")) Files.copy(Path.of("gisdata/demo", f), dir.resolve(f));
        dataset = DataDirectory.load(dir, null, ImportProgress.NONE);
        PolicyProfile profile = PolicyProfile.load(null);
        // a housed facility at every 50th address, so spread has clusters and villages with persons
        List<HousedPersons.Housed> housed = new ArrayList<>();
        List<Feature> addresses = dataset.layer(Role.ADDRESS);
        for (int i = 0; i < addresses.size(); i += 50) {
            housed.add(new HousedPersons.Housed(
                    HousedPersons.Kind.values()[0], i, addresses.get(i).geometry(), 12, true, i % 100 == 0));
        }
        HousedPersons registers = () -> housed;
        Assessor assessor = new Assessor(
                dataset, profile, List.of(new SpreadCriterion(registers, Audience.PUBLIC), new NeighboursCriterion()));
        api = new Api(Config.defaults(), dataset, assessor::assess, new PolicyInfo(profile.id(), profile.title()));
    }

    @Test
    void theStreamedAnswerIsTheTreesBytes() {
        List<Feature> addresses = dataset.layer(Role.ADDRESS);
        WorkingCrs crs = WorkingCrs.of(dataset.info().workingCrs());
        String[][] forms = {
            {"room_rental", "2"}, {"room_rental", "4"}, {"housing_facility", "12"}, {"housing_facility", "40"}
        };
        int compared = 0;
        for (int i = 0; i < addresses.size(); i += 37) {
            Feature a = addresses.get(i);
            String[] form = forms[i % forms.length];
            String street = a.attribute("street"), number = a.attribute("housenumber"), town = a.attribute("town");
            if (street != null && number != null && town != null) {
                compared += same(String.format(
                        "{\"address\": \"%s %s, %s\", \"form\": \"%s\", \"persons\": %s}",
                        street, number, town, form[0], form[1]));
            }
            Coordinate c = a.geometry().getCoordinate();
            Coordinate lonLat = crs.toLonLat(c.x + 40 * ((i % 7) - 3), c.y + 30 * ((i % 5) - 2));
            compared += same(String.format(
                    Locale.ROOT,
                    "{\"site\": {\"type\": \"Point\", \"coordinates\": [%.6f, %.6f]}, \"form\": \"%s\", \"persons\": %s,"
                            + " \"stay\": \"%s\"}",
                    lonLat.x,
                    lonLat.y,
                    form[0],
                    form[1],
                    i % 3 == 0 ? "short" : "mid"));
            if (i % 5 == 0) {
                compared += same(String.format(
                        Locale.ROOT,
                        "{\"site\": {\"type\": \"Polygon\", \"coordinates\": [[[%.3f, %.3f], [%.3f, %.3f], [%.3f, %.3f],"
                                + " [%.3f, %.3f]]]}, \"crs\": \"EPSG:28992\", \"form\": \"housing_facility\","
                                + " \"persons\": 20, \"newBuild\": true, \"rooms\": 8, \"parkingSpaces\": 3}",
                        c.x,
                        c.y,
                        c.x + 30,
                        c.y,
                        c.x + 30,
                        c.y + 20,
                        c.x,
                        c.y));
            }
        }
        assertTrue(compared > 150, "only " + compared + " answers compared");
    }

    /** 1 when both forms answered the same bytes, 0 when the request was refused (by both, the same way). */
    private static int same(String body) {
        byte[] request = body.getBytes(StandardCharsets.UTF_8);
        byte[] tree;
        try {
            tree = Answers.bytes(api.assess(request));
        } catch (nl.plektoets.web.http.Problem p) {
            nl.plektoets.web.http.Problem again = null;
            try {
                api.assessJson(request);
            } catch (nl.plektoets.web.http.Problem q) {
                again = q;
            }
            assertEquals(p.getMessage(), again == null ? null : again.getMessage(), body);
            return 0;
        }
        // twice: the second answer is written from the texts the first one kept (Utf8Texts)
        for (int pass = 0; pass < 2; pass++) {
            assertEquals(
                    new String(tree, StandardCharsets.UTF_8),
                    new String(api.assessJson(request), StandardCharsets.UTF_8),
                    body);
        }
        return 1;
    }
}
