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
import nl.plektoets.data.Dataset;
import nl.plektoets.data.Role;
import nl.plektoets.policy.PolicyProfile;
import nl.plektoets.policy.PolicyProfileException;
import nl.plektoets.request.AssessmentRequest;
import nl.plektoets.request.HousingForm;
import nl.plektoets.request.InitiativeFacts;
import nl.plektoets.request.Stay;
import org.junit.jupiter.api.Test;

/**
 * Issue 18: which layers count as an erf is the profile's ({@code locations.class_layers}). A world with two BGT
 * erven (layer {@code erf}) and no agricultural plot at all: Noordoostpolder (agricultural_plot and erf) puts a site
 * on a BGT erf in the erf class and checks the employer's own erf there; Hardenberg (agricultural_plot only) reads
 * the same yard as the rural area, as before the option existed.
 */
class ErfLayersTest {
    /** Two neighbouring BGT erven in the rural area, a farmhouse on the first, a park far off; no agricultural plot. */
    static final Dataset BGT_ONLY = new FixtureWorld()
            .add(Role.BUILT_UP_AREA, rect(0, 0, 1000, 1000), "place=village", "relation/900", "Testdorp")
            .add(Role.ERF, rect(3000, 0, 3200, 200), "bgt:erf", "G0171.0001", null)
            .add(Role.ERF, rect(3300, 0, 3500, 200), "bgt:erf", "G0171.0002", null)
            .add(Role.BUILDING, rect(3050, 50, 3100, 100), "bgt:pand", "0171100000000001", null)
            // far from the erven, so the business-park layer is there but draws no class near them
            .add(Role.BUSINESS_PARK, rect(8000, 0, 9000, 1000), "landuse=industrial", "way/950", "Testpark")
            .build();

    static final Assessor NOP = new Assessor(BGT_ONLY, PolicyProfile.builtIn("noordoostpolder-2024"));
    static final Assessor HARDENBERG = new Assessor(BGT_ONLY, PolicyProfile.load(null));

    static AssessmentRequest small(double x, double y, InitiativeFacts facts) {
        return new AssessmentRequest(
                geometry(point(x, y)), HousingForm.HOUSING_FACILITY, 12, false, Stay.MID, null, facts);
    }

    static InitiativeFacts employerErf(String wkt) {
        return new InitiativeFacts(List.of(), null, null, true, geometry(wkt));
    }

    @Test
    void theProfilesSayWhichLayersAreAnErf() {
        assertEquals(
                List.of("agricultural_plot", "erf"),
                PolicyProfile.builtIn("noordoostpolder-2024").locationRules().rolesOf("agricultural_plot"));
        assertEquals(
                List.of("agricultural_plot"),
                PolicyProfile.load(null).locationRules().rolesOf("agricultural_plot"));
        assertFalse(PolicyProfile.builtIn("noordoostpolder-2024")
                .locationRules()
                .classLayers("agricultural_plot")
                .orElseThrow()
                .note()
                .isBlank());
    }

    @Test
    void aSiteOnTheEmployersBgtErfIsOnAnErfInNoordoostpolder() {
        CriterionResult r =
                result(NOP.assess(small(3150, 150, employerErf(rect(3000, 0, 3200, 200)))), "location_class");
        assertEquals("agricultural_plot", r.evidence().get("locationClass"));
        assertEquals("pass", r.status().id(), r.message().en());
        assertEquals(
                Map.of("employs_migrants", "pass", "employer_erf", "pass"),
                r.evidence().get("requires"));
        // the BGT layer alone is enough: no agricultural plots is not missing data
        assertFalse(r.evidence().containsKey("missingLayers"), r.evidence().toString());
        @SuppressWarnings("unchecked")
        Map<String, Object> feature = (Map<String, Object>) r.evidence().get("feature");
        assertEquals("erf", feature.get("role"));
        assertTrue(
                String.valueOf(r.evidence().get("countsAsErf")).contains("class_layers"),
                r.evidence().toString());
    }

    @Test
    void aSiteOnAnotherErfThanTheEmployersIsRefusedWithItsParagraph() {
        // the site is on the neighbour's BGT erf; the employer picked its own
        CriterionResult r =
                result(NOP.assess(small(3400, 100, employerErf(rect(3000, 0, 3200, 200)))), "location_class");
        assertEquals("agricultural_plot", r.evidence().get("locationClass"));
        assertEquals("fail", r.status().id());
        assertEquals("§4, §2", r.policyRef());
        assertEquals(
                Map.of("employs_migrants", "pass", "employer_erf", "fail"),
                r.evidence().get("requires"));
        assertTrue(
                r.message().en().contains("does not lie (wholly) on the business's own erf"),
                r.message().en());
        assertEquals(
                Verdict.NOT_ALLOWED,
                NOP.assess(small(3400, 100, employerErf(rect(3000, 0, 3200, 200))))
                        .verdict());
    }

    @Test
    void aPolygonSiteOnTheBgtErfIsOnAnErfAndOneReachingOverItsEdgeIsNotWhollySo() {
        AssessmentRequest inside = new AssessmentRequest(
                geometry(rect(3120, 120, 3180, 180)),
                HousingForm.HOUSING_FACILITY,
                12,
                false,
                Stay.MID,
                null,
                employerErf(rect(3000, 0, 3200, 200)));
        CriterionResult r = result(NOP.assess(inside), "location_class");
        assertEquals("agricultural_plot", r.evidence().get("locationClass"));
        assertEquals("pass", r.status().id(), r.message().en());

        AssessmentRequest across = new AssessmentRequest(
                geometry(rect(3150, 120, 3250, 180)),
                HousingForm.HOUSING_FACILITY,
                12,
                false,
                Stay.MID,
                null,
                employerErf(rect(3000, 0, 3200, 200)));
        assertEquals(
                "fail", result(NOP.assess(across), "location_class").status().id());
    }

    @Test
    void hardenbergReadsTheSameBgtErfAsTheRuralAreaAsBefore() {
        // §5.1.2 names the agrarisch bouwvlak: a BGT yard is not one, so the site is rural_other (and the missing
        // agricultural plots make it unknown, as they did before the profiles named their erf layers)
        CriterionResult h = result(HARDENBERG.assess(small(3150, 150, InitiativeFacts.NONE)), "location_class");
        assertEquals("rural_other", h.evidence().get("locationClass"));
        assertEquals(List.of("agricultural_plot"), h.evidence().get("missingLayers"));
        CriterionResult onFarmhouse =
                result(HARDENBERG.assess(small(3075, 75, InitiativeFacts.NONE)), "location_class");
        assertEquals("rural_existing_building", onFarmhouse.evidence().get("locationClass"));
    }

    @Test
    void aProfileNamingAnotherLayerOrNoReasonIsRefusedWithTheFix() throws Exception {
        PolicyProfileException e = assertThrows(
                PolicyProfileException.class,
                () -> withClassLayers("    agricultural_plot:\n      roles: [building]\n      note: yards\n"));
        assertTrue(
                e.getMessage().contains("locations.class_layers.agricultural_plot.roles names 'building'"),
                e.getMessage());
        e = assertThrows(
                PolicyProfileException.class, () -> withClassLayers("    agricultural_plot:\n      roles: [erf]\n"));
        assertTrue(e.getMessage().contains("class_layers.agricultural_plot.note is missing"), e.getMessage());
        e = assertThrows(
                PolicyProfileException.class,
                () -> withClassLayers("    built_up_area:\n      roles: [erf]\n      note: x\n"));
        assertTrue(e.getMessage().contains("class_layers.built_up_area is not a class"), e.getMessage());
    }

    /** Noordoostpolder's profile with its class_layers entries replaced by {@code entries}. */
    static PolicyProfile withClassLayers(String entries) throws java.io.IOException {
        String yaml;
        try (var in = ErfLayersTest.class.getClassLoader().getResourceAsStream("policy/noordoostpolder-2024.yaml")) {
            yaml = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        int from = yaml.indexOf("  class_layers:\n");
        int to = yaml.indexOf("  size_categories:", from);
        assertTrue(from > 0 && to > from, "the profile's class_layers block");
        return PolicyProfile.parse(
                yaml.substring(0, from) + "  class_layers:\n" + entries + yaml.substring(to), "test profile");
    }
}
