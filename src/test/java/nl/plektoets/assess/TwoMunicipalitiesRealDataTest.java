package nl.plektoets.assess;

import static nl.plektoets.assess.LocationDecisionTableTest.result;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.plektoets.criteria.CriterionResult;
import nl.plektoets.data.Dataset;
import nl.plektoets.data.DatasetInfo;
import nl.plektoets.data.Feature;
import nl.plektoets.data.Role;
import nl.plektoets.data.SourceFeatures;
import nl.plektoets.data.brt.Top10nlPlaatsImport;
import nl.plektoets.data.cbs.CbsGemeenten;
import nl.plektoets.data.cbs.Municipality;
import nl.plektoets.geo.WorkingCrs;
import nl.plektoets.policy.PolicyProfile;
import nl.plektoets.request.AssessmentRequest;
import nl.plektoets.request.HousingForm;
import nl.plektoets.request.InitiativeFacts;
import nl.plektoets.request.Stay;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

/**
 * Issue 18 on real sites: the real TOP10NL woonkernen (shared/data/cbs/top10nl_plaats.gml.gz; the extract reaches
 * into the Noordoostpolder along the Overijssel border) clipped to the real CBS boundaries of GM0171 Noordoostpolder
 * and GM0160 Hardenberg, and the same sites, the interior points of those villages, run through both profiles. The
 * answers differ where the policies differ in kind: Noordoostpolder's villages are closed to new locations (§3), so
 * room rental there fails, while Hardenberg allows room rental in the built-up area (§5.1.2, §5.1.3); a housing
 * facility in a village fails in both, for different reasons (Hardenberg: room rental only; Noordoostpolder: closed).
 * Which villages lie in GM0171 is read from the data (the names are the real villages of the municipality).
 */
class TwoMunicipalitiesRealDataTest {
    static final Path TOP10NL = Path.of("..", "shared", "data", "cbs", "top10nl_plaats.gml.gz");
    static final Path CBS = Path.of("..", "shared", "data", "cbs", "gemeenten_zonder_water.geojson");
    static final PolicyProfile HARDENBERG = PolicyProfile.load(null);
    static final PolicyProfile NOP = PolicyProfile.builtIn("noordoostpolder-2024");

    /** The woonkernen of a municipality by name and the engine of each profile over them. */
    record Side(Map<String, Point> villages, Assessor hardenberg, Assessor noordoostpolder) {}

    static Side noordoostpolder, hardenberg;

    @BeforeAll
    static void load() {
        WorkingCrs rd = WorkingCrs.rdNew();
        SourceFeatures top10 = Top10nlPlaatsImport.read(TOP10NL, Top10nlPlaatsImport.Mapping.defaults(), rd, m -> {});
        noordoostpolder = side(top10, CbsGemeenten.find(CBS, "GM0171", rd));
        hardenberg = side(top10, CbsGemeenten.find(CBS, "GM0160", rd));
    }

    static Side side(SourceFeatures top10, Municipality m) {
        SourceFeatures clipped = CbsGemeenten.clip(top10, m);
        List<Feature> features = new ArrayList<>(clipped.features());
        Dataset d = new Dataset(
                new DatasetInfo(m.name() + " (TOP10NL, CBS)", false, List.of("top10nl", "cbs"), "EPSG:28992"),
                features);
        Map<String, Point> villages = new TreeMap<>();
        for (Feature f : d.layer(Role.VILLAGE)) {
            Geometry g = f.geometry();
            villages.putIfAbsent(f.attribute("name"), g.getInteriorPoint());
        }
        return new Side(villages, new Assessor(d, HARDENBERG), new Assessor(d, NOP));
    }

    static AssessmentRequest request(Point p, HousingForm form, int persons) {
        return new AssessmentRequest(p, form, persons, false, Stay.MID, null, InitiativeFacts.NONE);
    }

    @Test
    void noordoostpoldersVillagesAreInTheDataAndClosedToRoomRentalThatHardenbergAllows() {
        // the TOP10NL extract holds four of Noordoostpolder's villages (not Emmeloord); Hardenberg's fifteen woonkernen
        assertEquals(
                List.of("Ens", "Kraggenburg", "Luttelgeest", "Marknesse"),
                List.copyOf(noordoostpolder.villages().keySet()));
        assertTrue(hardenberg.villages().keySet().containsAll(List.of("Dedemsvaart", "Hardenberg", "Slagharen")));
        for (Side side : List.of(noordoostpolder, hardenberg)) {
            for (Map.Entry<String, Point> v : side.villages().entrySet()) {
                AssessmentRequest rental = request(v.getValue(), HousingForm.ROOM_RENTAL, 4);
                Assessment ha = side.hardenberg().assess(rental);
                Assessment na = side.noordoostpolder().assess(rental);
                CriterionResult h = result(ha, "location_class");
                CriterionResult n = result(na, "location_class");
                String where = v.getKey() + ": " + h.message().en() + " | "
                        + n.message().en();
                assertEquals("built_up_area", h.evidence().get("locationClass"), where);
                assertEquals("built_up_area", n.evidence().get("locationClass"), where);
                // Hardenberg §5.1.2: in the built-up area via room rental (unknown only because the data set has no
                // agricultural plots that could lie in the village, as the answer says)
                assertEquals("§5.1.2, §5.1.3", h.policyRef(), where);
                assertTrue(h.message().en().contains("in the built-up area via room rental: allowed"), where);
                assertTrue(h.status().id().equals("pass") || h.status().id().equals("unknown"), where);
                assertTrue(ha.verdict() != Verdict.NOT_ALLOWED, where);
                // Noordoostpolder §3: the villages are closed, whatever the missing layers would add
                assertEquals("fail", n.status().id(), where);
                assertEquals("§3", n.policyRef(), where);
                assertTrue(n.message().en().startsWith("No new housing locations for labour migrants in the villages"));
                assertEquals(false, n.evidence().get("adopted"), where);
                assertEquals(Verdict.NOT_ALLOWED, na.verdict(), where);
            }
        }
    }

    @Test
    void aFacilityInAVillageFailsInBothForDifferentReasons() {
        for (Map.Entry<String, Point> v : noordoostpolder.villages().entrySet()) {
            AssessmentRequest facility = request(v.getValue(), HousingForm.HOUSING_FACILITY, 12);
            CriterionResult h = result(noordoostpolder.hardenberg().assess(facility), "location_class");
            CriterionResult n = result(noordoostpolder.noordoostpolder().assess(facility), "location_class");
            String where =
                    v.getKey() + ": " + h.message().en() + " | " + n.message().en();
            // Hardenberg: the built-up area takes room rental only; Noordoostpolder: no new locations at all
            assertEquals("fail", h.status().id(), where);
            assertEquals("§5.1.2", h.policyRef(), where);
            assertTrue(h.message().en().contains("room rental"), where);
            assertEquals("fail", n.status().id(), where);
            assertEquals("§3", n.policyRef(), where);
        }
    }

    @Test
    void aHundredPersonsInNoordoostpoldersRuralAreaAreTooManyForHardenbergAndAMediumLocationForNoordoostpolder() {
        Point rural = ruralPoint();
        AssessmentRequest req = request(rural, HousingForm.HOUSING_FACILITY, 100);
        Assessment h = noordoostpolder.hardenberg().assess(req);
        Assessment n = noordoostpolder.noordoostpolder().assess(req);
        // Hardenberg §5.1.1: never more than 50 persons (capacity.facility_exceptional_max_persons)
        CriterionResult hc = result(h, "capacity");
        assertEquals("fail", hc.status().id(), hc.message().en());
        assertEquals(50, hc.evidence().get("exceptionalMaxPersons"));
        assertEquals(Verdict.NOT_ALLOWED, h.verdict());
        // Noordoostpolder §5: a medium location (21..150), within its 300-bed bound, through the round (§6)
        CriterionResult nc = result(n, "capacity");
        assertEquals("pass", nc.status().id(), nc.message().en());
        CriterionResult nl = result(n, "location_class");
        assertEquals("medium", nl.evidence().get("sizeCategory"), nl.message().en());
        assertTrue(
                nl.message().en().contains("only through the application round"),
                nl.message().en());
        assertTrue(!nl.status().id().equals("fail"), nl.message().en());
        assertTrue(n.verdict() != Verdict.NOT_ALLOWED, n.toString());
    }

    /**
     * A point of GM0171 at least 1 km from every built-up area of the data, inside the data's extent (the four
     * villages' envelope; a site outside it is refused): the first of a 1 km grid, west to east and south to north.
     */
    static Point ruralPoint() {
        Municipality m = CbsGemeenten.find(CBS, "GM0171", WorkingCrs.rdNew());
        Dataset d = noordoostpolder.noordoostpolder().dataset();
        var env = d.extent();
        var gf = m.boundary().getFactory();
        for (double y = Math.ceil(env.getMinY() / 1000) * 1000; y < env.getMaxY(); y += 1000)
            for (double x = Math.ceil(env.getMinX() / 1000) * 1000; x < env.getMaxX(); x += 1000) {
                Point p = gf.createPoint(new org.locationtech.jts.geom.Coordinate(x, y));
                if (!m.boundary().buffer(-500).covers(p)) continue;
                if (d.layer(Role.BUILT_UP_AREA).stream()
                        .allMatch(f -> f.geometry().distance(p) > 1000)) return p;
            }
        throw new AssertionError("no rural point in GM0171 within " + env);
    }
}
