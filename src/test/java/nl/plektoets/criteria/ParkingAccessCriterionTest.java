package nl.plektoets.criteria;

import static nl.plektoets.assess.FixtureWorld.geometry;
import static nl.plektoets.assess.FixtureWorld.point;
import static nl.plektoets.assess.FixtureWorld.rect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import nl.plektoets.assess.Assessment;
import nl.plektoets.assess.Assessor;
import nl.plektoets.assess.FixtureWorld;
import nl.plektoets.assess.SpatialIndex;
import nl.plektoets.data.Feature;
import nl.plektoets.data.Provenance;
import nl.plektoets.data.Role;
import nl.plektoets.policy.PolicyProfile;
import nl.plektoets.request.AssessmentRequest;
import nl.plektoets.request.HousingForm;
import nl.plektoets.request.InitiativeFacts;
import nl.plektoets.request.Stay;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * parking_access (Bijlage 1) on a WKT fixture. Expected values are worked by hand from the profile (0.5 spaces per
 * person or per room, rounded up; 25 m2 per space; a public road within 10 m; roads looked for within 250 m) and the
 * rectangles below (metres from FixtureWorld's origin):
 * <pre>
 *   road "Erfweg"     highway=residential  along y = 2000, x 0..400
 *   road "Boerenpad"  highway=track, no tracktype (unpaved)  along x = 600, y 1900..2300
 *   road "Privé"      highway=service, access=private       along x = 900, y 1900..2300
 *   road "Oprit"      highway=service, service=driveway      along y = 2400, x 800..1000
 *   road "Landweg"    highway=unclassified, motor_vehicle=agricultural;forestry, access=yes  along y = 2600, x 0..400
 *   building          100..120 x 2012..2030 (360 m2), on the site 100..150 x 2008..2048 (2000 m2)
 * </pre>
 */
class ParkingAccessCriterionTest {
    static final PolicyProfile PROFILE = PolicyProfile.load(null);

    static final SpatialIndex WORLD = new SpatialIndex(FixtureWorld.standardBuilder()
            .addWith(
                    Role.ROAD,
                    line(0, 2000, 400, 2000),
                    "highway=residential",
                    "way/1",
                    Map.of("name", "Erfweg", "highway", "residential"))
            .addWith(
                    Role.ROAD,
                    line(600, 1900, 600, 2300),
                    "highway=track",
                    "way/2",
                    Map.of("name", "Boerenpad", "highway", "track"))
            .addWith(
                    Role.ROAD,
                    line(900, 1900, 900, 2300),
                    "highway=service",
                    "way/3",
                    Map.of("name", "Privé", "highway", "service", "access", "private"))
            .addWith(
                    Role.ROAD,
                    line(800, 2400, 1000, 2400),
                    "highway=service",
                    "way/4",
                    Map.of("name", "Oprit", "highway", "service", "service", "driveway"))
            .addWith(
                    Role.ROAD,
                    line(0, 2600, 400, 2600),
                    "highway=unclassified",
                    "way/5",
                    Map.of(
                            "name",
                            "Landweg",
                            "highway",
                            "unclassified",
                            "access",
                            "yes",
                            "motor_vehicle",
                            "agricultural;forestry"))
            .addWith(Role.BUILDING, rect(100, 2012, 120, 2030), "building=house", "way/6", Map.of("building", "house"))
            .build());

    static String line(double x1, double y1, double x2, double y2) {
        return String.format(
                java.util.Locale.ROOT,
                "LINESTRING (%s %s, %s %s)",
                FixtureWorld.X0 + x1,
                FixtureWorld.Y0 + y1,
                FixtureWorld.X0 + x2,
                FixtureWorld.Y0 + y2);
    }

    static CriterionResult run(String wkt, HousingForm form, int persons, InitiativeFacts facts) {
        AssessmentRequest r = new AssessmentRequest(geometry(wkt), form, persons, false, Stay.MID, null, facts);
        return new ParkingAccessCriterion().evaluate(new CriterionInput(r, PROFILE, WORLD));
    }

    static InitiativeFacts facts(Integer rooms, Integer parkingSpaces) {
        return new InitiativeFacts(List.of(), rooms, parkingSpaces, null, null);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> part(CriterionResult r, String name) {
        return (Map<String, Object>) r.evidence().get(name);
    }

    @ParameterizedTest(name = "{0} persons, rooms {1}, planned {2} -> {3} needed, {4}")
    @CsvSource({
        // 15 persons x 0.5 = 7.5 -> 8
        "15, , 8, 8, pass",
        "15, , 7, 8, conditional",
        // rooms decide when given: 9 x 0.5 = 4.5 -> 5
        "15, 9, 5, 5, pass",
        "15, 9, 4, 5, conditional",
        "4, , 2, 2, pass",
    })
    void plannedSpacesAgainstTheNorm(int persons, Integer rooms, int planned, int required, String status) {
        // a site on the residential road: the fire part passes, so the parking part decides
        CriterionResult r =
                run(rect(100, 2008, 150, 2048), HousingForm.HOUSING_FACILITY, persons, facts(rooms, planned));
        assertEquals(required, part(r, "parking").get("requiredSpaces"), r::toString);
        assertEquals(planned, part(r, "parking").get("plannedSpaces"));
        assertEquals(rooms == null ? "persons" : "rooms", part(r, "parking").get("basis"));
        assertEquals(status, r.status().id(), r.message()::en);
        assertEquals("Bijlage 1", r.policyRef());
        assertEquals(
                status.equals("conditional"), r.obligations().stream().anyMatch(o -> o.id().equals("parking_on_site")));
        assertTrue(
                r.message().en().contains("Indicative"),
                "the norms are not adopted: " + r.message().en());
    }

    @Test
    void withoutPlannedSpacesTheOpenPartOfADrawnSiteIsTheEstimate() {
        // site 50 x 40 = 2000 m2, building 20 x 18 = 360 m2 on it: 1640 m2 open / 25 = 65.6 -> 65 spaces
        CriterionResult r = run(rect(100, 2008, 150, 2048), HousingForm.HOUSING_FACILITY, 20, InitiativeFacts.NONE);
        Map<String, Object> p = part(r, "parking");
        assertEquals(2000.0, (double) p.get("siteAreaM2"), 1e-6);
        assertEquals(360.0, (double) p.get("builtAreaM2"), 1e-6);
        assertEquals(1640.0, (double) p.get("openAreaM2"), 1e-6);
        assertEquals(65, p.get("estimatedSpaces"));
        assertEquals(10, p.get("requiredSpaces"));
        assertEquals(Status.PASS, r.status(), r.message()::en);

        // a small site: 10 x 20 = 200 m2, none built: 8 spaces, 20 persons need 10
        CriterionResult small = run(rect(200, 2005, 210, 2025), HousingForm.HOUSING_FACILITY, 20, InitiativeFacts.NONE);
        assertEquals(8, part(small, "parking").get("estimatedSpaces"));
        assertEquals(Status.CONDITIONAL, small.status(), small.message()::en);

        // a point site (5 m from Erfweg, in no building) without planned spaces: unknown, naming what to add
        CriterionResult pointSite = run(point(300, 2005), HousingForm.HOUSING_FACILITY, 20, InitiativeFacts.NONE);
        assertEquals(Status.UNKNOWN, pointSite.status(), pointSite.message()::en);
        assertEquals("parkingSpaces or a drawn site", part(pointSite, "parking").get("missing"));

        // room rental is no clustered housing: the parking part does not apply
        CriterionResult rooms = run(point(300, 2005), HousingForm.ROOM_RENTAL, 4, InitiativeFacts.NONE);
        assertEquals(false, part(rooms, "parking").get("applies"));
        assertEquals(Status.PASS, rooms.status(), rooms.message()::en);
    }

    @Test
    void thePublicRoadIsTheNearestOneAFireEngineMayUse() {
        // a point in the house 100..120 x 2012..2030: measured from the house's face, 12 m from Erfweg (y = 2000)
        CriterionResult r = run(point(110, 2020), HousingForm.ROOM_RENTAL, 4, InitiativeFacts.NONE);
        Map<String, Object> fire = part(r, "fireAccess");
        assertEquals("building", fire.get("measuredFrom"));
        @SuppressWarnings("unchecked")
        Map<String, Object> road = (Map<String, Object>) fire.get("nearestPublicRoad");
        assertEquals("Erfweg", road.get("name"));
        assertEquals(12.0, (double) road.get("distanceM"), 1e-6);
        assertEquals(
                Status.CONDITIONAL,
                r.status(),
                "12 m is more than 10 m: " + r.message().en());
        assertTrue(r.obligations().stream().anyMatch(o -> o.id().equals("fire_brigade_access")));

        // next to the unpaved track (2 m) and the private service road (298 m away is irrelevant): the track does not
        // count; the nearest public road is Erfweg, sqrt(0^2 + ...) = from (602, 2000) to Erfweg's end (400, 2000)
        CriterionResult track = run(point(602, 2000), HousingForm.ROOM_RENTAL, 4, InitiativeFacts.NONE);
        Map<String, Object> t = part(track, "fireAccess");
        assertEquals("a track that is not paved (tracktype not given)", t.get("notCountedBecause"));
        @SuppressWarnings("unchecked")
        Map<String, Object> nearest = (Map<String, Object>) t.get("nearestPublicRoad");
        assertEquals(202.0, (double) nearest.get("distanceM"), 1e-6);

        // next to the private road and the driveway: neither counts, nothing public within 250 m -> conditional
        CriterionResult priv = run(point(902, 2390), HousingForm.ROOM_RENTAL, 4, InitiativeFacts.NONE);
        Map<String, Object> pr = part(priv, "fireAccess");
        assertNull(pr.get("nearestPublicRoad"));
        assertEquals("service=driveway", pr.get("notCountedBecause"));
        assertEquals(Status.CONDITIONAL, priv.status());

        // access=yes but motor_vehicle=agricultural;forestry: the more specific key closes it
        CriterionResult farm = run(point(200, 2603), HousingForm.ROOM_RENTAL, 4, InitiativeFacts.NONE);
        assertEquals(
                "motor_vehicle=agricultural;forestry", part(farm, "fireAccess").get("notCountedBecause"));

        // a drawn site touching Erfweg: 0 m, pass
        CriterionResult touching = run(rect(100, 1995, 150, 2040), HousingForm.ROOM_RENTAL, 4, InitiativeFacts.NONE);
        assertEquals(Status.PASS, touching.status(), touching.message()::en);
    }

    @Test
    void theRulesReadTheAttributesAsTheProfileSays() {
        var rules = PROFILE.parkingAccess().orElseThrow().roads();
        assertNull(ParkingAccessCriterion.notPublic(road(Map.of("highway", "residential")), rules));
        assertNull(ParkingAccessCriterion.notPublic(road(Map.of("highway", "track", "tracktype", "grade1")), rules));
        assertNull(
                ParkingAccessCriterion.notPublic(road(Map.of("highway", "service", "access", "destination")), rules));
        // access=private opened for motor vehicles by the more specific key
        assertNull(ParkingAccessCriterion.notPublic(
                road(Map.of("highway", "service", "access", "private", "motor_vehicle", "yes")), rules));
        assertFalse(ParkingAccessCriterion.notPublic(road(Map.of("highway", "footway")), rules) == null);
        assertFalse(ParkingAccessCriterion.notPublic(road(Map.of("highway", "cycleway")), rules) == null);
        assertFalse(ParkingAccessCriterion.notPublic(road(Map.of("highway", "motorway")), rules) == null);
        assertFalse(ParkingAccessCriterion.notPublic(road(Map.of("highway", "residential", "access", "private")), rules)
                == null);
        assertFalse(ParkingAccessCriterion.notPublic(road(Map.of("name", "no highway attribute")), rules) == null);
        // a BGT road part (data.bgt) counts by its function: a local carriageway yes, a motorway or a cycle path no
        assertNull(ParkingAccessCriterion.notPublic(
                road(Map.of("bgt.functie", "rijbaan lokale weg", "fire_engine", "yes")), rules));
        assertFalse(
                ParkingAccessCriterion.notPublic(road(Map.of("bgt.functie", "rijbaan autosnelweg")), rules) == null);
        assertFalse(ParkingAccessCriterion.notPublic(road(Map.of("bgt.functie", "fietspad")), rules) == null);
    }

    static Feature road(Map<String, String> attributes) {
        return new Feature(
                1, Role.ROAD, geometry(line(0, 0, 10, 0)), attributes, new Provenance("t", "way/1", "highway"));
    }

    @Test
    void theEngineRunsItOnlyForARequestWithInitiativeFacts() {
        Assessor engine = new Assessor(FixtureWorld.standard(), PROFILE);
        AssessmentRequest plain = new AssessmentRequest(geometry(point(500, 500)), HousingForm.ROOM_RENTAL, 4, false);
        Assessment a = engine.assess(plain);
        assertTrue(a.criteria().stream().noneMatch(c -> c.id().equals(ParkingAccessCriterion.ID)), "a plain check");
        AssessmentRequest withFacts = new AssessmentRequest(
                geometry(point(500, 500)), HousingForm.ROOM_RENTAL, 4, false, Stay.MID, null, facts(2, null));
        Assessment b = engine.assess(withFacts);
        assertTrue(b.criteria().stream().anyMatch(c -> c.id().equals(ParkingAccessCriterion.ID)), "an initiative");
    }
}
