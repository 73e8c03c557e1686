package nl.plektoets.assess;

import static nl.plektoets.assess.FixtureWorld.geometry;
import static nl.plektoets.assess.FixtureWorld.point;
import static nl.plektoets.assess.FixtureWorld.rect;
import static nl.plektoets.assess.LocationDecisionTableTest.result;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import nl.plektoets.criteria.CriterionResult;
import nl.plektoets.criteria.LocationCapCriterion;
import nl.plektoets.criteria.Obligation;
import nl.plektoets.policy.LocationRules;
import nl.plektoets.policy.PolicyProfile;
import nl.plektoets.policy.PolicyProfileException;
import nl.plektoets.request.AssessmentRequest;
import nl.plektoets.request.HousingForm;
import nl.plektoets.request.InitiativeFacts;
import nl.plektoets.request.Stay;
import org.junit.jupiter.api.Test;

/**
 * Issue 18: the same sites of the fixture world through Hardenberg's and Noordoostpolder's profiles. The location
 * rules are the profiles' data, so the answers differ where the policies differ in kind: the villages are closed in
 * Noordoostpolder, a small location there needs the employer's own erf and its own labour migrants, medium and large
 * locations go through the application round within caps. Expected values are the digest's rules read by hand.
 */
class TwoMunicipalitiesTest {
    static final Assessor HARDENBERG = LocationDecisionTableTest.ASSESSOR;
    static final Assessor NOP = new Assessor(FixtureWorld.standard(), PolicyProfile.builtIn("noordoostpolder-2024"));

    /** The farmyard "Erve Test" (3000..3200 x 0..200) as the employer's own erf. */
    static final InitiativeFacts OWN_ERF_WITH_MIGRANTS =
            new InitiativeFacts(List.of(), null, null, true, geometry(rect(3000, 0, 3200, 200)));

    static AssessmentRequest request(double x, double y, HousingForm form, int persons, InitiativeFacts facts) {
        return new AssessmentRequest(geometry(point(x, y)), form, persons, false, Stay.MID, null, facts);
    }

    @Test
    void roomRentalInTheVillageIsAllowedInHardenbergAndClosedInNoordoostpolder() {
        AssessmentRequest req = request(500, 500, HousingForm.ROOM_RENTAL, 4, InitiativeFacts.NONE);
        CriterionResult h = result(HARDENBERG.assess(req), "location_class");
        CriterionResult n = result(NOP.assess(req), "location_class");
        assertEquals("pass", h.status().id());
        assertEquals("§5.1.2, §5.1.3", h.policyRef());
        assertEquals("fail", n.status().id());
        assertEquals("§3", n.policyRef());
        assertTrue(
                n.message().nl().startsWith("In de kernen komen geen nieuwe huisvestingslocaties"),
                n.message().nl());
        // the rule comes from the municipality's summary: the answer says it is not adopted as such
        assertEquals(false, n.evidence().get("adopted"));
        assertTrue(n.message().en().contains("Indicative"), n.message().en());
        assertEquals(Verdict.NOT_ALLOWED, NOP.assess(req).verdict());
    }

    @Test
    void aSmallFacilityOnAFarmyardNeedsTheEmployersOwnErfAndItsOwnMigrantsOnlyInNoordoostpolder() {
        AssessmentRequest nothingTold = request(3020, 20, HousingForm.HOUSING_FACILITY, 12, InitiativeFacts.NONE);
        assertEquals(
                "pass",
                result(HARDENBERG.assess(nothingTold), "location_class")
                        .status()
                        .id());
        CriterionResult unknown = result(NOP.assess(nothingTold), "location_class");
        assertEquals("unknown", unknown.status().id(), unknown.message().en());
        assertEquals("§4, §2", unknown.policyRef());
        assertEquals("small", unknown.evidence().get("sizeCategory"));
        assertEquals(
                Map.of("employs_migrants", "unknown", "employer_erf", "unknown"),
                unknown.evidence().get("requires"));
        assertTrue(unknown.message().en().contains("Say whether the business employs labour migrants itself"));
        assertTrue(unknown.message().en().contains("Pick the business's own erf on the map"));

        CriterionResult ok = result(
                NOP.assess(request(3020, 20, HousingForm.HOUSING_FACILITY, 12, OWN_ERF_WITH_MIGRANTS)),
                "location_class");
        assertEquals("pass", ok.status().id(), ok.message().en());
        List<String> ids = ok.obligations().stream().map(Obligation::id).toList();
        assertEquals(List.of("regulation_permit", "employs_migrants", "employer_erf"), ids);

        InitiativeFacts noMigrants =
                new InitiativeFacts(List.of(), null, null, false, OWN_ERF_WITH_MIGRANTS.employerErf());
        CriterionResult no =
                result(NOP.assess(request(3020, 20, HousingForm.HOUSING_FACILITY, 12, noMigrants)), "location_class");
        assertEquals("fail", no.status().id());
        assertTrue(
                no.message().en().contains("the request says this business does not"),
                no.message().en());

        // the erf picked is another farm's (the farmyard in the village): the site is not on the employer's own erf
        InitiativeFacts otherErf = new InitiativeFacts(List.of(), null, null, true, geometry(rect(100, 100, 200, 200)));
        CriterionResult elsewhere =
                result(NOP.assess(request(3020, 20, HousingForm.HOUSING_FACILITY, 12, otherErf)), "location_class");
        assertEquals("fail", elsewhere.status().id());
        assertEquals(
                Map.of("employs_migrants", "pass", "employer_erf", "fail"),
                elsewhere.evidence().get("requires"));
    }

    @Test
    void aSmallFacilityInAnExistingRuralBuildingIsAllowedInHardenbergButNotOffAnErfInNoordoostpolder() {
        AssessmentRequest req = request(4015, 10, HousingForm.HOUSING_FACILITY, 12, OWN_ERF_WITH_MIGRANTS);
        CriterionResult h = result(HARDENBERG.assess(req), "location_class");
        CriterionResult n = result(NOP.assess(req), "location_class");
        assertEquals("rural_existing_building", h.evidence().get("locationClass"));
        assertEquals("pass", h.status().id());
        assertEquals("fail", n.status().id());
        assertEquals("§4", n.policyRef());
        assertTrue(
                n.message().en().contains("only allowed on the business's own erf"),
                n.message().en());
    }

    @Test
    void aHundredPersonsFailHardenbergsCapacityButAreAMediumLocationThroughTheRoundInNoordoostpolder() {
        AssessmentRequest req = request(4500, 500, HousingForm.HOUSING_FACILITY, 100, InitiativeFacts.NONE);
        Assessment h = HARDENBERG.assess(req);
        Assessment n = NOP.assess(req);
        // Hardenberg: never more than 50 (§5.1.1)
        assertEquals("fail", result(h, "capacity").status().id());
        assertEquals(Verdict.NOT_ALLOWED, h.verdict());
        // Noordoostpolder: 21..150 is a medium location, allowed in the rural area through the ranked round
        CriterionResult loc = result(n, "location_class");
        assertEquals("conditional", loc.status().id());
        assertEquals("medium", loc.evidence().get("sizeCategory"));
        assertEquals("§5, §6", loc.policyRef());
        assertTrue(
                loc.message().nl().contains("binnen het maximum van 12 middelgrote en 6 grote locaties"),
                loc.message().nl());
        assertTrue(loc.obligations().stream().anyMatch(o -> o.id().equals("application_round")));
        assertEquals("pass", result(n, "capacity").status().id());
    }

    @Test
    void moreThanALargeLocationFailsInNoordoostpolder() {
        CriterionResult loc = result(
                NOP.assess(request(4500, 500, HousingForm.HOUSING_FACILITY, 301, InitiativeFacts.NONE)),
                "location_class");
        assertEquals("fail", loc.status().id());
        assertEquals("over", loc.evidence().get("sizeCategory"));
        assertTrue(loc.message().en().contains("300 beds"), loc.message().en());
    }

    @Test
    void theBusinessParkEdgeIsAllowedInHardenbergAndOutsideNoordoostpoldersRegulation() {
        AssessmentRequest req = request(1550, 300, HousingForm.HOUSING_FACILITY, 100, InitiativeFacts.NONE);
        AssessmentRequest small = request(1550, 300, HousingForm.HOUSING_FACILITY, 12, InitiativeFacts.NONE);
        assertEquals(
                "pass",
                result(HARDENBERG.assess(small), "location_class").status().id());
        CriterionResult n = result(NOP.assess(req), "location_class");
        assertEquals("conditional", n.status().id());
        assertEquals("§1", n.policyRef());
        assertEquals(false, n.evidence().get("adopted"));
        assertEquals(
                "fail", result(NOP.assess(small), "location_class").status().id());
    }

    @Test
    void theCapIsCountedFromTheRegisterPerSizeCategory() {
        // a register holding 11 medium locations (21..150) and 6 large ones (151..300), counted by hand
        Map<String, long[]> register = Map.of("medium", new long[] {11}, "large", new long[] {6});
        LocationCapCriterion cap = new LocationCapCriterion((statuses, min, max) -> {
            assertEquals(List.of("granted", "realised"), statuses);
            return min == 21 && max == 150 ? register.get("medium")[0] : min == 151 && max == 300 ? 6 : 0;
        });
        Assessor withCap = NOP.withAdditional(List.of(cap));
        CriterionResult medium = result(
                withCap.assess(request(4500, 500, HousingForm.HOUSING_FACILITY, 150, InitiativeFacts.NONE)),
                "location_cap");
        assertEquals("pass", medium.status().id());
        assertEquals(1L, medium.evidence().get("left"));
        CriterionResult large = result(
                withCap.assess(request(4500, 500, HousingForm.HOUSING_FACILITY, 151, InitiativeFacts.NONE)),
                "location_cap");
        assertEquals("fail", large.status().id());
        assertEquals(6L, large.evidence().get("taken"));
        assertEquals("§5", large.policyRef());
        assertTrue(
                large.message().en().contains("The cap of 6 places"),
                large.message().en());
        CriterionResult small = result(
                withCap.assess(request(3020, 20, HousingForm.HOUSING_FACILITY, 20, InitiativeFacts.NONE)),
                "location_cap");
        assertEquals("pass", small.status().id());
        assertFalse(small.evidence().containsKey("cap"));
    }

    @Test
    void hardenbergsTableIsTheProfilesAndHasNoSizesOrCaps() {
        LocationRules h = PolicyProfile.load(null).locationRules();
        assertFalse(h.fromDefault());
        assertTrue(h.sizeCategories().isEmpty());
        assertFalse(h.hasCaps());
        LocationRules n = PolicyProfile.builtIn("noordoostpolder-2024").locationRules();
        assertEquals(
                List.of(20, 150, 300),
                n.sizeCategories().stream()
                        .map(LocationRules.SizeCategory::maxPersons)
                        .toList());
        assertTrue(n.hasCaps());
    }

    @Test
    void anIncompleteTableIsRefusedWithTheMissingCase() {
        String yaml = PolicyProfileSource.hardenberg()
                .replace(
                        "    - class: rural_other\n      build: existing\n",
                        "    - class: rural_other\n      build: new_build\n");
        PolicyProfileException e = assertThrows(PolicyProfileException.class, () -> PolicyProfile.parse(yaml, "test"));
        assertTrue(
                e.getMessage().contains("no rule for class rural_other, form room_rental, existing"), e.getMessage());
    }

    @Test
    void anUnknownBuiltInProfileNamesTheKnownOnes() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> PolicyProfile.builtIn("utrecht"));
        assertTrue(e.getMessage().contains("hardenberg-2025, noordoostpolder-2024"), e.getMessage());
    }

    /** The built-in Hardenberg profile's YAML text. */
    static final class PolicyProfileSource {
        static String hardenberg() {
            try (var in = PolicyProfile.class.getClassLoader().getResourceAsStream(PolicyProfile.DEFAULT_RESOURCE)) {
                return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
