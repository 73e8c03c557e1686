package nl.plektoets.assess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.plektoets.criteria.Audience;
import nl.plektoets.criteria.CriterionResult;
import nl.plektoets.criteria.HousedPersons.Housed;
import nl.plektoets.criteria.HousedPersons.Kind;
import nl.plektoets.criteria.NeighboursCriterion;
import nl.plektoets.criteria.SpreadCriterion;
import nl.plektoets.criteria.Status;
import nl.plektoets.data.Dataset;
import nl.plektoets.data.DatasetInfo;
import nl.plektoets.data.Feature;
import nl.plektoets.data.Role;
import nl.plektoets.data.bag.BagImport;
import nl.plektoets.data.brt.Top10nlPlaatsImport;
import nl.plektoets.geo.WorkingCrs;
import nl.plektoets.policy.PolicyProfile;
import nl.plektoets.request.AssessmentRequest;
import nl.plektoets.request.HousingForm;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;

/**
 * {@code spread} (§5.1.1) on the real TOP10NL woonkernen of Overijssel (Hardenberg: 20,340 inhabitants, Dedemsvaart
 * 11,955, as the data README states) and {@code neighbours} (§5.1.4, Bijlage 3) on the real BAG addresses of Amsterdam
 * Houthaven. Expected values are worked by hand (persons per 1,000) or counted with SQL over the GeoPackage's own
 * bounding-box columns (the addresses within 100 m), never by the code under test.
 */
class SpreadNeighboursRealDataTest {
    static final Path TOP10NL = Path.of("..", "shared", "data", "cbs", "top10nl_plaats.gml.gz");
    static final Path BAG = Path.of("..", "shared", "data", "bag", "bag.gpkg");
    static final GeometryFactory GF = WorkingCrs.rdNew().geometryFactory();
    static final PolicyProfile PROFILE = PolicyProfile.load(null);
    static Dataset dataset;
    static Point dedemsvaart, hardenberg;

    @BeforeAll
    static void load() {
        List<Feature> all = new ArrayList<>();
        all.addAll(
                Top10nlPlaatsImport.read(TOP10NL, Top10nlPlaatsImport.Mapping.defaults(), WorkingCrs.rdNew(), m -> {})
                        .features());
        all.addAll(BagImport.read(BAG, WorkingCrs.rdNew(), m -> {}).features());
        List<Feature> renumbered = EnvironmentRealDataTest.renumber(all);
        dataset = new Dataset(
                new DatasetInfo("Overijssel + Houthaven", false, List.of("top10nl", "bag"), "EPSG:28992"), renumbered);
        dedemsvaart = inside("Dedemsvaart");
        hardenberg = inside("Hardenberg");
    }

    /** A point inside the village's woonkern polygon (its interior point). */
    static Point inside(String name) {
        return dataset.layer(Role.VILLAGE).stream()
                .filter(f -> name.equals(f.attribute("name")))
                .findFirst()
                .orElseThrow()
                .geometry()
                .getInteriorPoint();
    }

    static Point offset(Point p, double dx) {
        return GF.createPoint(new Coordinate(p.getX() + dx, p.getY()));
    }

    static CriterionResult spread(PolicyProfile profile, Geometry site, HousingForm form, int persons, List<Housed> h) {
        Assessor a = new Assessor(dataset, profile, List.of(new SpreadCriterion(() -> h)));
        return a.assess(new AssessmentRequest(site, form, persons, false)).criteria().stream()
                .filter(c -> c.id().equals(SpreadCriterion.ID))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void personsPerThousandInTheVillageOfTheSite() {
        // 100 housed in a granted initiative in Dedemsvaart, 10 in a permit in Hardenberg (another village), one
        // refused-to-place permit without location
        List<Housed> housed = List.of(
                new Housed(Kind.INITIATIVE, 1, offset(dedemsvaart, 2000), 100, true),
                new Housed(Kind.ROOM_RENTAL_PERMIT, 2, hardenberg, 10, false),
                new Housed(Kind.ROOM_RENTAL_PERMIT, 3, null, 4, false));
        CriterionResult r = spread(PROFILE, dedemsvaart, HousingForm.HOUSING_FACILITY, 20, housed);
        assertEquals(Status.PASS, r.status(), r.message().en());
        assertEquals("§5.1.1", r.policyRef());
        @SuppressWarnings("unchecked")
        Map<String, Object> village = (Map<String, Object>) r.evidence().get("village");
        assertEquals("Dedemsvaart", village.get("name"));
        assertEquals(11955L, village.get("population"));
        assertEquals(100, r.evidence().get("personsBefore"));
        assertEquals(120, r.evidence().get("personsAfter"));
        assertEquals(8.36, r.evidence().get("perThousandBefore")); // 100 / 11,955 * 1,000 = 8.3647
        assertEquals(10.04, r.evidence().get("perThousandAfter")); // 120 / 11,955 * 1,000 = 10.0376
        assertEquals(25.0, r.evidence().get("perThousandMax"));
        assertEquals(1, r.evidence().get("unplaced"));
        assertEquals(false, r.evidence().get("adopted"));
        // the initiative is 2 km away: no cluster
        assertEquals(List.of(), r.evidence().get("clusterMembers"));
        assertTrue(r.message().nl().contains("indicatief"), r.message().nl());
    }

    @Test
    void threeFacilitiesOfTwentyCloseTogetherAreAConcentration() {
        List<Housed> housed = List.of(
                new Housed(Kind.INITIATIVE, 1, offset(dedemsvaart, 150), 20, true),
                new Housed(Kind.EXISTING_LOCATION, 2, offset(dedemsvaart, -390), 20, true),
                // room rental does not form a facility cluster, and a facility 500 m away is outside 400 m
                new Housed(Kind.ROOM_RENTAL_PERMIT, 3, offset(dedemsvaart, 50), 4, false),
                new Housed(Kind.INITIATIVE, 4, offset(dedemsvaart, 500), 20, true));
        CriterionResult r = spread(PROFILE, dedemsvaart, HousingForm.HOUSING_FACILITY, 20, housed);
        // 20 + 20 + 20 = 60 > 50 (capacity.facility_exceptional_max_persons); the distance is not adopted: conditional
        assertEquals(Status.CONDITIONAL, r.status(), r.message().en());
        assertEquals(60, r.evidence().get("clusterPersons"));
        assertEquals(50, r.evidence().get("clusterMaxPersons"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> members =
                (List<Map<String, Object>>) r.evidence().get("clusterMembers");
        assertEquals(2, members.size());
        assertEquals(150.0, members.get(0).get("distanceM"));
        assertEquals(390.0, members.get(1).get("distanceM"));
        assertEquals("etfal_spread", r.obligations().get(0).id());
        // the same for room rental: no cluster is asked
        CriterionResult rental = spread(PROFILE, dedemsvaart, HousingForm.ROOM_RENTAL, 4, housed);
        assertEquals(Status.PASS, rental.status(), rental.message().en());
        assertNull(rental.evidence().get("clusterMembers"));
    }

    static CriterionResult publicSpread(Geometry site, HousingForm form, int persons, List<Housed> h) {
        Assessor a = new Assessor(dataset, PROFILE, List.of(new SpreadCriterion(() -> h, Audience.PUBLIC)));
        return a.assess(new AssessmentRequest(site, form, persons, false)).criteria().stream()
                .filter(c -> c.id().equals(SpreadCriterion.ID))
                .findFirst()
                .orElseThrow();
    }

    /** The same three facilities as above, answered to the public: only the organisation's public site is named. */
    @Test
    void aPublicAnswerNamesOnlyPublicSitesAndLeavesTheConcentrationToAPlanner() {
        List<Housed> housed = List.of(
                // an organisation's initiative the public overview shows at its site
                new Housed(Kind.INITIATIVE, 1, offset(dedemsvaart, 150), 20, true, true),
                // a private person's, shown by street or village only
                new Housed(Kind.EXISTING_LOCATION, 2, offset(dedemsvaart, -390), 20, true, false),
                new Housed(Kind.ROOM_RENTAL_PERMIT, 3, offset(dedemsvaart, 50), 4, false));
        CriterionResult r = publicSpread(dedemsvaart, HousingForm.HOUSING_FACILITY, 20, housed);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> members =
                (List<Map<String, Object>>) r.evidence().get("clusterMembers");
        assertEquals(1, members.size(), members.toString());
        assertEquals(150.0, members.get(0).get("distanceM"));
        assertEquals("public_sites", r.evidence().get("clusterMembersShown"));
        assertEquals(40, r.evidence().get("clusterPersons"), "this one and the public one");
        assertEquals(1, r.evidence().get("villageFacilitiesNotPublic"));
        assertEquals(20, r.evidence().get("villageFacilityPersonsNotPublic"));
        // 40 + the village's 20 not public could be 60 > 50: a planner checks, the public answer does not judge it
        assertEquals(Status.CONDITIONAL, r.status(), r.message().en());
        assertEquals("planner", r.evidence().get("concentrationCheckedBy"));
        assertTrue(r.message().en().contains("a planner checks"), r.message().en());
        assertTrue(
                r.message().nl().contains("controleert een planner"),
                r.message().nl());
        // no distance of the private location anywhere in the answer, and the village totals as before
        Map<String, Object> words = new java.util.LinkedHashMap<>(r.evidence());
        words.remove("villageGeometry"); // the woonkern's own outline: its coordinates are no distance
        assertFalse(words.toString().contains("390"), words.toString());
        assertFalse(r.message().en().contains("390"));
        assertEquals(44, r.evidence().get("personsBefore"));
        // an adopted profile still never fails on what the public may not see
        assertEquals(
                List.of("etfal_spread"),
                r.obligations().stream().map(o -> o.id()).toList());
    }

    /**
     * The sweep the review feared: a grid of 11 x 11 sites, 80 m apart, over 800 m around a private person's facility
     * of 40 persons, each assessed publicly with and without it. Every difference is a village total, and it is the
     * same at every site, so no sweep of public answers can locate it. The planner's answers over the same grid do
     * differ (concentrated within 400 m, not beyond): the test would see a leak.
     */
    @Test
    void sweepingPublicSitesAroundAPrivateInitiativeCannotLocateIt() {
        Point home = offset(dedemsvaart, 0);
        List<Housed> with = List.of(new Housed(Kind.INITIATIVE, 7, home, 40, true, false));
        List<Housed> without = List.of();
        java.util.Set<String> villageTotals = java.util.Set.of(
                "personsBefore",
                "personsBeforeByKind",
                "personsAfter",
                "perThousandBefore",
                "perThousandAfter",
                "villageFacilitiesNotPublic",
                "villageFacilityPersonsNotPublic",
                "concentrationCheckedBy");
        java.util.Set<String> publicDifferences = new java.util.HashSet<>();
        java.util.Set<Status> plannerStatuses = new java.util.HashSet<>();
        int sites = 0;
        for (int i = -5; i <= 5; i++) {
            for (int j = -5; j <= 5; j++) {
                Point site = GF.createPoint(new Coordinate(home.getX() + 80 * i, home.getY() + 80 * j));
                CriterionResult a = publicSpread(site, HousingForm.HOUSING_FACILITY, 20, with);
                CriterionResult b = publicSpread(site, HousingForm.HOUSING_FACILITY, 20, without);
                @SuppressWarnings("unchecked")
                Map<String, Object> village = (Map<String, Object>) a.evidence().get("village");
                assertEquals("Dedemsvaart", village.get("name"), "every site of the grid in one village");
                java.util.Map<String, Object> differs = new java.util.TreeMap<>();
                java.util.Set<String> keys =
                        new java.util.TreeSet<>(a.evidence().keySet());
                keys.addAll(b.evidence().keySet());
                for (String k : keys) {
                    if (!java.util.Objects.equals(
                            a.evidence().get(k), b.evidence().get(k)))
                        differs.put(k, a.evidence().get(k));
                }
                assertTrue(villageTotals.containsAll(differs.keySet()), "only village totals differ: " + differs);
                // what the public learns from the private facility, as a whole: the same at every site
                publicDifferences.add(a.status() + " " + a.message().en() + " " + a.obligations() + " " + differs);
                plannerStatuses.add(spread(PROFILE, site, HousingForm.HOUSING_FACILITY, 20, with)
                        .status());
                sites++;
            }
        }
        assertEquals(121, sites);
        assertEquals(1, publicDifferences.size(), publicDifferences.toString());
        assertEquals(
                java.util.Set.of(Status.CONDITIONAL, Status.PASS),
                plannerStatuses,
                "the planner's verdict depends on the distance");
    }

    @Test
    void aVillageOverItsThresholdAndAnAdoptedProfileFails() throws Exception {
        // 280 housed + 20 = 300 in Dedemsvaart: 300 / 11,955 * 1,000 = 25.09 > 25
        List<Housed> housed = List.of(new Housed(Kind.INITIATIVE, 1, offset(dedemsvaart, 3000), 280, false));
        CriterionResult r = spread(PROFILE, dedemsvaart, HousingForm.HOUSING_FACILITY, 20, housed);
        assertEquals(Status.CONDITIONAL, r.status(), r.message().en());
        assertEquals(25.09, r.evidence().get("perThousandAfter"));
        // the council adopts 30 for Dedemsvaart: a pass; adopted 20 elsewhere: Hardenberg at 300 / 20,340 = 14.75 fails
        String yaml = new String(
                        getClass()
                                .getClassLoader()
                                .getResourceAsStream(PolicyProfile.DEFAULT_RESOURCE)
                                .readAllBytes(),
                        java.nio.charset.StandardCharsets.UTF_8)
                .replace(
                        "    default: 25\n    # per village name (as the village layer writes it), e.g. Dedemsvaart: 30\n"
                                + "    villages: {}",
                        "    default: 14\n    villages: {Dedemsvaart: 30}")
                .replace("  village_max_distance_m: 10000\n", "  village_max_distance_m: 10000\n  adopted: true\n");
        // drop the spread section's own adopted: false (the first one after 'spread:')
        int at = yaml.indexOf("\nspread:");
        int falseAt = yaml.indexOf("  adopted: false\n", at);
        yaml = yaml.substring(0, falseAt) + yaml.substring(falseAt + "  adopted: false\n".length());
        PolicyProfile adopted = PolicyProfile.parse(yaml, "test");
        assertTrue(adopted.settlement().spread().adopted());
        CriterionResult own = spread(adopted, dedemsvaart, HousingForm.HOUSING_FACILITY, 20, housed);
        assertEquals(Status.PASS, own.status(), own.message().en());
        assertEquals("village", own.evidence().get("perThousandMaxFrom"));
        List<Housed> inHardenberg = List.of(new Housed(Kind.INITIATIVE, 1, hardenberg, 280, false));
        CriterionResult h = spread(adopted, hardenberg, HousingForm.HOUSING_FACILITY, 20, inHardenberg);
        assertEquals(Status.FAIL, h.status(), h.message().en());
        assertEquals(14.75, h.evidence().get("perThousandAfter")); // 300 / 20,340 * 1,000 = 14.749
    }

    @Test
    void aSiteFarFromEveryVillageIsUnknown() {
        // Amsterdam is well over 10 km from any woonkern of Overijssel
        CriterionResult r =
                spread(PROFILE, GF.createPoint(new Coordinate(120973, 489149)), HousingForm.ROOM_RENTAL, 4, List.of());
        assertEquals(Status.UNKNOWN, r.status());
        assertEquals(10000.0, r.evidence().get("villageSearchedWithinM"));
    }

    @Test
    void neighboursCountTheAddressesWithinTheEffectArea() throws Exception {
        // no environmental source in this dataset: the minimum radius, 100 m
        Point site = GF.createPoint(new Coordinate(120973, 489149));
        long vbo = sql("select count(*) from verblijfsobjecten where (minx-120973)*(minx-120973)"
                + "+(miny-489149)*(miny-489149) <= 10000");
        // ligplaatsen (polygons; the import takes a point inside) and standplaatsen: wholly inside the circle, and none
        // partly inside (so where the point lies does not matter)
        String corners = "(%s-120973)*(%s-120973)+(%s-489149)*(%s-489149) <= 10000";
        String allIn = String.join(
                " and ",
                corners.formatted("minx", "minx", "miny", "miny"),
                corners.formatted("minx", "minx", "maxy", "maxy"),
                corners.formatted("maxx", "maxx", "miny", "miny"),
                corners.formatted("maxx", "maxx", "maxy", "maxy"));
        long moorings = sql("select count(*) from (select * from ligplaatsen union all select * from standplaatsen)"
                + " where " + allIn);
        // the nearest point of the bbox within 100 m, but not wholly inside: would be ambiguous
        long partly = sql("select count(*) from (select * from ligplaatsen union all select * from standplaatsen) where"
                + " not (" + allIn + ") and (max(minx-120973, 0, 120973-maxx)*max(minx-120973, 0, 120973-maxx)"
                + " + max(miny-489149, 0, 489149-maxy)*max(miny-489149, 0, 489149-maxy)) <= 10000");
        assertEquals(0, partly);
        assertEquals(532, vbo); // as counted once with sqlite3 on the same file
        Assessor a = new Assessor(dataset, PROFILE, List.of(new NeighboursCriterion()));
        CriterionResult r =
                a.assess(new AssessmentRequest(site, HousingForm.HOUSING_FACILITY, 20, false)).criteria().stream()
                        .filter(c -> c.id().equals(NeighboursCriterion.ID))
                        .findFirst()
                        .orElseThrow();
        assertEquals(Status.PASS, r.status(), r.message().en());
        assertEquals("§5.1.4, Bijlage 3", r.policyRef());
        assertEquals(100.0, r.evidence().get("radiusM"));
        assertEquals("minimum", r.evidence().get("radiusFrom"));
        assertEquals((int) (vbo + moorings), r.evidence().get("addresses"));
        // the extract has no gebruiksdoel: every address is an assumed dwelling (BagImport marks them so)
        assertEquals(
                Map.of("yes", 0, "no", 0, "assumed", (int) (vbo + moorings), "unknown", 0),
                r.evidence().get("byDwelling"));
        // counts only: no address of anyone in the public evidence
        assertFalse(r.evidence().toString().contains("Barentszstraat"));
        assertEquals(
                List.of("participation_plan", "management_plan_neighbours"),
                r.obligations().stream().map(o -> o.id()).toList());
        assertEquals("§5.1.4", r.obligations().get(0).policyRef());
        assertEquals("Bijlage 3", r.obligations().get(1).policyRef());
    }

    @Test
    void neighboursNameTheVillageAndItsCouncil() {
        Assessor a = new Assessor(dataset, PROFILE, List.of(new NeighboursCriterion()));
        CriterionResult r =
                a.assess(new AssessmentRequest(dedemsvaart, HousingForm.ROOM_RENTAL, 4, false)).criteria().stream()
                        .filter(c -> c.id().equals(NeighboursCriterion.ID))
                        .findFirst()
                        .orElseThrow();
        // no address layer near Dedemsvaart in this dataset, but it has one: zero addresses, the village named
        assertEquals(0, r.evidence().get("addresses"));
        @SuppressWarnings("unchecked")
        Map<String, Object> village = (Map<String, Object>) r.evidence().get("village");
        assertEquals("Dedemsvaart", village.get("name"));
        assertEquals("Plaatselijk Belang Dedemsvaart", r.evidence().get("villageCouncil"));
        assertEquals(false, r.evidence().get("villageCouncilAdopted"));
        assertTrue(
                r.message().nl().contains("Plaatselijk Belang Dedemsvaart"),
                r.message().nl());
    }

    static long sql(String query) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + BAG.toAbsolutePath());
                ResultSet rs = c.createStatement().executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
