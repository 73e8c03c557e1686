package nl.plektoets.roomrental;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.plektoets.criteria.CriterionInput;
import nl.plektoets.criteria.CriterionResult;
import nl.plektoets.criteria.Status;
import nl.plektoets.policy.PolicyProfile;
import nl.plektoets.request.AssessmentRequest;
import nl.plektoets.request.HousingForm;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * The street rules on the real BAG extract (Amsterdam Houthaven, 1,904 addresses, no gebruiksdoel: every address is
 * an assumed dwelling). Expected counts come from plain SQL over the same file, e.g.
 * {@code sqlite3 bag.gpkg "select woonplaats, straatnaam, count(*) from (<all three address tables>) group by 1, 2"};
 * permits are placed by the tests.
 */
class StreetRulesRealDataTest {
    static final GeometryFactory GF = new GeometryFactory();

    @Test
    void dwellingsPerStreetAreTheBagAddressesPerOpenbareRuimteAndWoonplaats() throws Exception {
        Map<String, Long> expected = new TreeMap<>();
        for (Object[] r : RealBag.sql(
                "select lower(woonplaats) || '/' || lower(straatnaam), count(*) from " + RealBag.ALL + " group by 1"))
            expected.put((String) r[0], ((Number) r[1]).longValue());
        StreetModel model = StreetModel.build(RealBag.dataset(), 0);
        Map<String, Long> actual = new TreeMap<>();
        model.streets().forEach((k, s) -> actual.put(k.id(), (long) s.size()));
        assertEquals(expected, actual);
        assertEquals(
                265,
                model.street(new StreetKey("Barentszstraat", "Amsterdam"))
                        .orElseThrow()
                        .size());
        // no OSM roads in this dataset: every street line runs through its dwellings
        assertTrue(model.streets().values().stream()
                .allMatch(s -> s.geometrySource().equals("dwellings")));
    }

    @Test
    void sharePerStreetTenPercentRoundedDownWithMinimumOne() throws Exception {
        RoomRentalRules rules = new RoomRentalRules(
                StreetModel.build(RealBag.dataset(), 0),
                PolicyProfile.load(null).roomRental());
        Map<String, StreetStanding> s = byId(rules.standings(List.of()));
        long barentsz = RealBag.count("select count(*) from " + RealBag.ALL + " where straatnaam = 'Barentszstraat'");
        assertEquals(
                (int) (barentsz / 10), (int) s.get("amsterdam/barentszstraat").limit()); // 265 -> 26
        assertEquals(26, (int) s.get("amsterdam/barentszstraat").limit());
        assertEquals(
                1, (int) s.get("amsterdam/grote bickersstraat").limit()); // 9 dwellings: 0.9 -> 0, minimum 1 from 5
        assertEquals(0, (int) s.get("amsterdam/prinseneiland").limit()); // 1 dwelling: below 5, no minimum
        // not "full": nobody got there first, the street is below the minimum for a first room-rented dwelling
        assertEquals("not_applicable", s.get("amsterdam/prinseneiland").status());
        assertEquals("below_minimum", s.get("amsterdam/prinseneiland").limitBy());
        assertEquals("minimum", s.get("amsterdam/grote bickersstraat").limitBy());
        assertEquals("share", s.get("amsterdam/barentszstraat").limitBy());
    }

    @Test
    void grantedAndPendingPermitsFillTheStreet() throws Exception {
        RoomRentalRules rules = new RoomRentalRules(
                StreetModel.build(RealBag.dataset(), 0),
                PolicyProfile.load(null).roomRental());
        Street street = rules.model()
                .street(new StreetKey("Taandwarsstraat", "Amsterdam"))
                .orElseThrow();
        long n = RealBag.count("select count(*) from " + RealBag.ALL + " where straatnaam = 'Taandwarsstraat'");
        assertEquals(16, n);
        assertEquals(1, (int) rules.standing(street, List.of(), -1).limit()); // floor(1.6) = 1

        List<PermitPlacement> permits = new ArrayList<>();
        permits.add(byBagId(1, street.dwellings().get(0), false)); // one pending application
        StreetStanding pendingOnly = rules.standing(street, rules.place(permits), -1);
        assertEquals(0, pendingOnly.granted());
        assertEquals(1, pendingOnly.pending());
        assertEquals(1, (int) pendingOnly.left());
        assertEquals("almost_full", pendingOnly.status());
        RoomRentalStreetCriterion criterion = new RoomRentalStreetCriterion(rules, () -> permits);
        assertEquals(
                Status.CONDITIONAL,
                evaluate(criterion, street.dwellings().get(5)).status());

        // the same permit by address instead of BAG id, granted: the street is full
        Dwelling d0 = street.dwellings().get(0);
        permits.set(
                0, new PermitPlacement(1, "Taandwarsstraat", "Amsterdam", null, d0.label() + ", 1013 Amsterdam", true));
        StreetStanding full = rules.standing(street, rules.place(permits), -1);
        assertEquals(1, full.granted());
        assertEquals(0, (int) full.left());
        assertEquals("full", full.status());
        CriterionResult r = evaluate(criterion, street.dwellings().get(5));
        assertEquals(Status.FAIL, r.status());
        assertEquals(16, r.evidence().get("dwellings"));
        assertEquals(1, r.evidence().get("granted"));
        assertEquals(0, r.evidence().get("left"));
        // the dwelling that holds the permit itself passes (it already counts)
        assertEquals(Status.PASS, evaluate(criterion, d0).status());
    }

    @Test
    void segmentsOfAtMostFortyDwellingsCountSeparately() throws Exception {
        RoomRentalRules rules = new RoomRentalRules(
                StreetModel.build(RealBag.dataset(), 40),
                RealBag.profile("segment_max_dwellings: 0", "segment_max_dwellings: 40")
                        .roomRental());
        List<Street> segments = rules.model().units().stream()
                .filter(u -> u.key().equals(new StreetKey("Zoutkeetsgracht", "Amsterdam")))
                .toList();
        long n = RealBag.count("select count(*) from " + RealBag.ALL + " where straatnaam = 'Zoutkeetsgracht'");
        long numbers = RealBag.count(
                "select count(distinct huisnummer) from " + RealBag.ALL + " where straatnaam = 'Zoutkeetsgracht'");
        assertEquals(237, n); // 226 verblijfsobjecten + 11 ligplaatsen
        assertEquals(227, numbers); // some numbers have several addresses: they stay in one block
        assertEquals(n, segments.stream().mapToInt(Street::size).sum());
        assertTrue(segments.stream().allMatch(u -> u.size() <= 40));
        assertTrue(segments.size() >= (n + 39) / 40);
        // fill segment 1 (limit floor(size / 10)) with granted permits: segment 1 full, segment 2 untouched
        int limit1 = segments.get(0).size() / 10;
        List<PermitPlacement> permits = new ArrayList<>();
        for (int i = 0; i < limit1; i++)
            permits.add(byBagId(i + 1, segments.get(0).dwellings().get(i * 3), true));
        List<RoomRentalRules.Placed> placed = rules.place(permits);
        StreetStanding first = rules.standing(segments.get(0), placed, -1);
        StreetStanding second = rules.standing(segments.get(1), placed, -1);
        assertEquals(
                List.of(limit1, limit1, 0, "full"),
                List.of(first.limit(), first.granted(), first.left(), first.status()));
        int limit2 = segments.get(1).size() / 10;
        assertEquals(
                List.of(limit2, 0, limit2, "available"),
                List.of(second.limit(), second.granted(), second.left(), second.status()));
        // the whole street would still have room: 237 -> 23, only limit1 granted
        RoomRentalRules whole = new RoomRentalRules(
                StreetModel.build(RealBag.dataset(), 0),
                PolicyProfile.load(null).roomRental());
        StreetStanding street = whole.standing(
                whole.model()
                        .street(new StreetKey("Zoutkeetsgracht", "Amsterdam"))
                        .orElseThrow(),
                whole.place(permits),
                -1);
        assertEquals(23, (int) street.limit());
        assertEquals(23 - limit1, (int) street.left());
        // segments of a street never split one house number
        for (int i = 1; i < segments.size(); i++) {
            assertFalse(segments.get(i).dwellings().get(0).number()
                    == segments.get(i - 1)
                            .dwellings()
                            .get(segments.get(i - 1).size() - 1)
                            .number());
        }
    }

    @Test
    void distanceRuleFiftyMetresAddressPointToAddressPoint() throws Exception {
        RoomRentalRules rules = new RoomRentalRules(
                StreetModel.build(RealBag.dataset(), 0),
                RealBag.profile("enabled: false\n    metres: 50", "enabled: true\n    metres: 50")
                        .roomRental());
        // Zandhoek 2 (121144, 488965) holds a permit; the distances to other dwellings from the file's coordinates
        Dwelling permitAt = dwelling(rules, "Zandhoek 2");
        Dwelling near = dwelling(rules, "Zandhoek 11"); // (121150, 489018): sqrt(6^2 + 53^2) = 53.3 m
        Dwelling nearer = dwelling(rules, "Zandhoek 7"); // (121147, 488987): sqrt(3^2 + 22^2) = 22.2 m
        double sqlDistance =
                (double) RealBag.sql("select sqrt((a.minx-b.minx)*(a.minx-b.minx)+(a.miny-b.miny)*(a.miny-b.miny))"
                                + " from verblijfsobjecten a, verblijfsobjecten b where a.straatnaam='Zandhoek' and a.huisnummer=2 and"
                                + " b.straatnaam='Zandhoek' and b.huisnummer=7")
                        .get(0)[0];
        List<RoomRentalRules.Placed> placed = rules.place(List.of(byBagId(9, permitAt, true)));
        RoomRentalRules.Finding atNearer = finding(rules.check(nearer, placed, null, -1), "distance");
        assertEquals(Status.FAIL, atNearer.status());
        assertEquals(Math.round(sqlDistance * 10) / 10.0, atNearer.evidence().get("nearestGrantedWithinM"));
        assertEquals(
                Status.PASS,
                finding(rules.check(near, placed, null, -1), "distance").status());
        // a pending application within 50 m makes it conditional
        List<RoomRentalRules.Placed> pending = rules.place(List.of(byBagId(9, permitAt, false)));
        assertEquals(
                Status.CONDITIONAL,
                finding(rules.check(nearer, pending, null, -1), "distance").status());
    }

    @Test
    void adjacencyRuleCountsOrdinaryDwellingsOnTheSameSide() throws Exception {
        RoomRentalRules rules = new RoomRentalRules(
                StreetModel.build(RealBag.dataset(), 0),
                RealBag.profile("enabled: false\n    between: 2", "enabled: true\n    between: 2")
                        .roomRental());
        // Bokkinghangen: permit at 1; on the odd side 3 lies between 1 and 5 (1 dwelling), 3 and 5 between 1 and 7
        long between1and5 = RealBag.count("select count(*) from " + RealBag.ALL + " where straatnaam='Bokkinghangen'"
                + " and huisnummer % 2 = 1 and huisnummer > 1 and huisnummer < 5");
        long between1and7 = RealBag.count("select count(*) from " + RealBag.ALL + " where straatnaam='Bokkinghangen'"
                + " and huisnummer % 2 = 1 and huisnummer > 1 and huisnummer < 7");
        assertEquals(1, between1and5);
        assertEquals(2, between1and7);
        List<RoomRentalRules.Placed> placed =
                rules.place(List.of(byBagId(3, dwelling(rules, "Bokkinghangen 1"), true)));
        RoomRentalRules.Finding at5 =
                finding(rules.check(dwelling(rules, "Bokkinghangen 5"), placed, null, -1), "adjacency");
        assertEquals(Status.FAIL, at5.status());
        assertEquals((int) between1and5, at5.evidence().get("fewestBetweenGranted"));
        assertEquals(
                Status.PASS,
                finding(rules.check(dwelling(rules, "Bokkinghangen 7"), placed, null, -1), "adjacency")
                        .status());
        // the even side is the other side of the street: 2 is not adjacent to 1
        assertEquals(
                Status.PASS,
                finding(rules.check(dwelling(rules, "Bokkinghangen 2"), placed, null, -1), "adjacency")
                        .status());
    }

    @Test
    void aSiteBesideADwellingResolvesToItAndAFarSiteIsUnknownWithCandidates() throws Exception {
        RoomRentalRules rules = new RoomRentalRules(
                StreetModel.build(RealBag.dataset(), 0),
                PolicyProfile.load(null).roomRental());
        RoomRentalStreetCriterion c = new RoomRentalStreetCriterion(rules, RoomRentalPermits.NONE);
        // Zandhoek 2 is at (121144, 488965); 10 m to the west there is no other address nearer
        var resolved = c.resolve(GF.createPoint(new Coordinate(121134, 488965)));
        assertEquals(
                "Zandhoek 2",
                assertInstanceOf(RoomRentalStreetCriterion.Found.class, resolved)
                        .dwelling()
                        .label());
        CriterionResult far = c.evaluate(input(GF.createPoint(new Coordinate(121000, 488700))));
        assertEquals(Status.UNKNOWN, far.status());
        assertFalse(((List<?>) far.evidence().get("candidates")).isEmpty());
    }

    @Test
    void theEngineRunsTheCriterionAfterItsOwnForRoomRental() throws Exception {
        PolicyProfile profile = PolicyProfile.load(null);
        RoomRentalRules rules = RoomRentalRules.of(RealBag.dataset(), profile.roomRental());
        Dwelling d = dwelling(rules, "Taandwarsstraat 52");
        List<PermitPlacement> permits = List.of(byBagId(
                1, rules.model().street(d.street()).orElseThrow().dwellings().get(0), true));
        var assessor = new nl.plektoets.assess.Assessor(
                RealBag.dataset(), profile, List.of(new RoomRentalStreetCriterion(rules, () -> permits)));
        var a = assessor.assess(new AssessmentRequest(d.location(), HousingForm.ROOM_RENTAL, 4, false));
        CriterionResult last = a.criteria().get(a.criteria().size() - 1);
        assertEquals("room_rental_street", last.id());
        assertEquals(Status.FAIL, last.status());
        assertEquals(nl.plektoets.assess.Verdict.NOT_ALLOWED, a.verdict());
    }

    static Map<String, StreetStanding> byId(List<StreetStanding> ss) {
        Map<String, StreetStanding> out = new TreeMap<>();
        ss.forEach(s -> out.put(s.unit().id(), s));
        return out;
    }

    static PermitPlacement byBagId(long id, Dwelling d, boolean granted) {
        return new PermitPlacement(id, d.streetName(), d.town(), d.bagId(), null, granted);
    }

    static Dwelling dwelling(RoomRentalRules rules, String label) {
        return rules.model().byAddress(label, "Amsterdam").orElseThrow(() -> new AssertionError("no " + label));
    }

    static RoomRentalRules.Finding finding(List<RoomRentalRules.Finding> fs, String rule) {
        return fs.stream().filter(f -> f.rule().equals(rule)).findFirst().orElseThrow();
    }

    static CriterionResult evaluate(RoomRentalStreetCriterion c, Dwelling d) {
        return c.evaluate(input(d.location()));
    }

    static CriterionInput input(org.locationtech.jts.geom.Geometry site) {
        return new CriterionInput(
                new AssessmentRequest(site, HousingForm.ROOM_RENTAL, 4, false), PolicyProfile.load(null), null);
    }
}
