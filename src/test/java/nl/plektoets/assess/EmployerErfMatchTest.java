package nl.plektoets.assess;

import static nl.plektoets.assess.FixtureWorld.X0;
import static nl.plektoets.assess.FixtureWorld.Y0;
import static nl.plektoets.assess.FixtureWorld.geometry;
import static nl.plektoets.assess.FixtureWorld.point;
import static nl.plektoets.assess.FixtureWorld.rect;
import static nl.plektoets.assess.LocationDecisionTableTest.result;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.plektoets.criteria.CriterionResult;
import nl.plektoets.criteria.EmployerErfMatch;
import nl.plektoets.criteria.LocationClass;
import nl.plektoets.criteria.LocationDecisionTable;
import nl.plektoets.criteria.Status;
import nl.plektoets.data.Dataset;
import nl.plektoets.data.Role;
import nl.plektoets.policy.PolicyProfile;
import nl.plektoets.request.AssessmentRequest;
import nl.plektoets.request.HousingForm;
import nl.plektoets.request.InitiativeFacts;
import nl.plektoets.request.Stay;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.util.AffineTransformation;

/**
 * Issue 18: a told employerErf (picked or drawn) is matched against the erf layers, never taken at its word. WKT in,
 * verdict out, on a fixture of two BGT erven: the employer's with its farmhouse cut out (as the BGT's ground
 * partition does) and the neighbour's, 100 m east of it.
 */
class EmployerErfMatchTest {
    /** The employer's erf 3000..3200 x 0..200 minus the farmhouse 3050..3100 x 50..100. */
    static final String OWN = poly(
            new double[] {3000, 0, 3200, 0, 3200, 200, 3000, 200, 3000, 0},
            new double[] {3050, 50, 3100, 50, 3100, 100, 3050, 100, 3050, 50});

    static final String NEIGHBOUR = rect(3300, 0, 3500, 200);

    static final Dataset WORLD = new FixtureWorld()
            .add(Role.BUILT_UP_AREA, rect(0, 0, 1000, 1000), "place=village", "relation/900", "Testdorp")
            .add(Role.ERF, OWN, "BGT onbegroeid terreindeel erf", "G0171.0001", null)
            .add(Role.ERF, NEIGHBOUR, "BGT onbegroeid terreindeel erf", "G0171.0002", null)
            .add(Role.BUILDING, rect(3050, 50, 3100, 100), "bgt:pand", "0171100000000001", null)
            .add(Role.BUSINESS_PARK, rect(8000, 0, 9000, 1000), "landuse=industrial", "way/950", "Testpark")
            .build();

    /** The same world without any erf layer (no erven, no agricultural plots). */
    static final Dataset NO_ERF_LAYER = new FixtureWorld()
            .add(Role.BUILT_UP_AREA, rect(0, 0, 1000, 1000), "place=village", "relation/900", "Testdorp")
            .add(Role.BUILDING, rect(3050, 50, 3100, 100), "bgt:pand", "0171100000000001", null)
            .add(Role.BUSINESS_PARK, rect(8000, 0, 9000, 1000), "landuse=industrial", "way/950", "Testpark")
            .build();

    static final PolicyProfile NOP_PROFILE = PolicyProfile.builtIn("noordoostpolder-2024");
    static final Assessor NOP = new Assessor(WORLD, NOP_PROFILE);

    static String poly(double[]... rings) {
        StringBuilder s = new StringBuilder("POLYGON (");
        for (int r = 0; r < rings.length; r++) {
            s.append(r == 0 ? "(" : ", (");
            for (int i = 0; i < rings[r].length; i += 2)
                s.append(i == 0 ? "" : ", ")
                        .append(String.format(Locale.ROOT, "%s %s", X0 + rings[r][i], Y0 + rings[r][i + 1]));
            s.append(')');
        }
        return s.append(')').toString();
    }

    static AssessmentRequest small(String siteWkt, String erfWkt) {
        return new AssessmentRequest(
                geometry(siteWkt),
                HousingForm.HOUSING_FACILITY,
                12,
                false,
                Stay.MID,
                null,
                new InitiativeFacts(List.of(), null, null, true, erfWkt == null ? null : geometry(erfWkt)));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> erfEvidence(CriterionResult r) {
        return (Map<String, Object>) r.evidence().get("employerErf");
    }

    @SuppressWarnings("unchecked")
    static String sourceIdOf(Object feature) {
        return String.valueOf(((Map<String, Object>) feature).get("sourceId"));
    }

    @Test
    void aPickedErfMatchesItselfAndTheSiteIsJudgedAgainstTheLayer() {
        CriterionResult r = result(NOP.assess(small(point(3150, 150), OWN)), "location_class");
        assertEquals("pass", r.status().id(), r.message().en());
        Map<String, Object> ev = erfEvidence(r);
        assertEquals("match", ev.get("result"));
        assertEquals("G0171.0001", sourceIdOf(ev.get("erf")));
        assertEquals(0.0, (double) ev.get("symmetricDifferenceM2"), 0.01);
        assertTrue(String.valueOf(ev.get("matching")).contains("not a policy value"), ev.toString());
        assertEquals(List.of("agricultural_plot", "erf"), ev.get("layers"));
    }

    @Test
    void aPickedErfShiftedByTheCheckPagesRdConversionStillMatches() {
        // rd.js converts within half a metre; a picked erf comes back that far off at most
        Geometry shifted = AffineTransformation.translationInstance(0.45, -0.45).transform(geometry(OWN));
        CriterionResult r = result(NOP.assess(small(point(3150, 150), shifted.toText())), "location_class");
        assertEquals("match", erfEvidence(r).get("result"), erfEvidence(r).toString());
        assertEquals("pass", r.status().id(), r.message().en());
    }

    @Test
    void anErfDrawnSlightlyOffWithoutTheFarmhouseHoleMatches() {
        // a hand-drawn outline: corners 2-3 m off, the farmhouse inside it (the BGT cuts it out)
        String drawn = poly(new double[] {2998, 2, 3203, -1, 3201, 198, 3002, 203, 2998, 2});
        CriterionResult r = result(NOP.assess(small(point(3150, 150), drawn)), "location_class");
        Map<String, Object> ev = erfEvidence(r);
        assertEquals("match", ev.get("result"), ev.toString());
        assertEquals("G0171.0001", sourceIdOf(ev.get("erf")));
        assertTrue((double) ev.get("symmetricDifferenceM2") <= (double) ev.get("toleranceM2"), ev.toString());
        assertEquals("pass", r.status().id(), r.message().en());
        assertEquals(
                Map.of("employs_migrants", "pass", "employer_erf", "pass"),
                r.evidence().get("requires"));
    }

    @Test
    void aMatchedErfJudgesTheSiteAgainstTheLayersOutlineNotTheDrawing() {
        // the drawing reaches 8 m beyond the erf's east edge (within the tolerance); a polygon site there is not
        // wholly on the erf the drawing stands for
        String drawn = rect(3000, 0, 3208, 200);
        String site = rect(3180, 140, 3206, 160);
        CriterionResult r = result(NOP.assess(small(site, drawn)), "location_class");
        assertEquals("match", erfEvidence(r).get("result"));
        assertEquals("fail", r.status().id(), r.message().en());
        assertEquals("fail", ((Map<?, ?>) r.evidence().get("requires")).get("employer_erf"));
    }

    @Test
    void anErfDrawnAroundTheNeighboursErfIsConditionalAndNamesIt() {
        // the site on the neighbour's erf, an erf drawn around it and the meadow beside it
        String drawn = rect(3240, -40, 3540, 240);
        AssessmentRequest req = small(point(3400, 100), drawn);
        Assessment a = NOP.assess(req);
        CriterionResult r = result(a, "location_class");
        assertEquals("conditional", r.status().id(), r.message().en());
        assertNotEquals(Verdict.ALLOWED, a.verdict());
        assertEquals(
                Map.of("employs_migrants", "pass", "employer_erf", "conditional"),
                r.evidence().get("requires"));
        assertTrue(
                r.message().en().contains("it covers 40,000 m² of erf G0171.0002"),
                r.message().en());
        assertTrue(
                r.message().en().contains("a planner verifies it"), r.message().en());
        assertTrue(
                r.message().nl().contains("het bedekt 40.000 m² van erf G0171.0002"),
                r.message().nl());
        assertFalse(r.message().en().contains("policy value"), "the tolerance is not presented as policy");
        Map<String, Object> ev = erfEvidence(r);
        assertEquals("no_match", ev.get("result"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> overlaps = (List<Map<String, Object>>) ev.get("overlaps");
        assertEquals(1, overlaps.size());
        assertEquals("G0171.0002", sourceIdOf(overlaps.get(0).get("feature")));
        assertEquals(40_000.0, (double) overlaps.get(0).get("overlapM2"), 0.01);
        assertEquals(0.476, (double) overlaps.get(0).get("shareOfToldErf"), 0.001);
        // the nearest miss: 300 x 280 less 200 x 200, far above max(15% of 40,000, 1 m x 800)
        assertEquals(44_000.0, (double) ev.get("symmetricDifferenceM2"), 0.01);
        assertEquals(6_000.0, (double) ev.get("toleranceM2"), 0.01);
    }

    @Test
    void anErfDrawnMostlyOverOpenLandIsConditionalNamingTheSliverOfErfItCovers() {
        // the site near the own erf's east edge; the drawing is 10 m of that erf and 90 m of meadow
        CriterionResult r = result(NOP.assess(small(point(3195, 100), rect(3190, 50, 3290, 150))), "location_class");
        assertEquals("conditional", r.status().id(), r.message().en());
        assertTrue(
                r.message().en().contains("it covers 1,000 m² of erf G0171.0001"),
                r.message().en());
    }

    @Test
    void anErfOverOpenLandOnlyCoversNoErfTheConditionIsConditionalTheRuralSiteFails() {
        String drawn = rect(3220, 50, 3280, 150);
        AssessmentRequest req = small(point(3250, 100), drawn);
        // the condition itself: a told erf the data does not confirm is never a pass
        EmployerErfMatch m = EmployerErfMatch.of(
                req.facts().employerErf(), List.of(Role.AGRICULTURAL_PLOT, Role.ERF), new SpatialIndex(WORLD));
        assertEquals(EmployerErfMatch.Result.NO_MATCH, m.result());
        assertTrue(m.overlaps().isEmpty());
        LocationDecisionTable.Outcome onErf =
                LocationDecisionTable.decide(LocationClass.AGRICULTURAL_PLOT, req, NOP_PROFILE, m);
        assertEquals(Status.CONDITIONAL, onErf.status());
        assertTrue(
                onErf.message().en().contains("it covers no erf of those layers at all"),
                onErf.message().en());
        // the answer: the BGT puts the site on no erf, so the rule for the rest refuses it (a drawing cannot move a
        // site onto an erf), and it says what the drawn erf is
        CriterionResult r = result(NOP.assess(req), "location_class");
        assertEquals("rural_other", r.evidence().get("locationClass"));
        assertEquals("fail", r.status().id());
        assertTrue(
                r.message().en().contains("it covers no erf of those layers at all"),
                r.message().en());
        assertEquals("no_match", erfEvidence(r).get("result"));
    }

    @Test
    void aSiteBesideItsOwnDrawnErfStillFails() {
        // the drawn erf is no erf of the layer and the site is not even on it: the initiator's own word refuses it
        CriterionResult r = result(NOP.assess(small(point(3400, 100), rect(3380, 120, 3480, 190))), "location_class");
        assertEquals("fail", r.status().id(), r.message().en());
        assertTrue(
                r.message().en().contains("it covers 7,000 m² of erf G0171.0002"),
                r.message().en());
    }

    @Test
    void withoutAnyErfLayerTheToldErfIsNotCheckedAndTheAnswerIsUnknown() {
        Assessor nop = new Assessor(NO_ERF_LAYER, NOP_PROFILE);
        CriterionResult r = result(nop.assess(small(point(3150, 150), rect(3000, 0, 3200, 200))), "location_class");
        assertEquals("unknown", r.status().id(), r.message().en());
        assertTrue(
                r.message().en().contains("could not be checked against the BGT or another erf layer"),
                r.message().en());
        assertTrue(r.message().nl().contains("kon niet aan de BGT"), r.message().nl());
        assertEquals(
                Map.of(
                        "result",
                        "no_erf_layer",
                        "layers",
                        List.of("agricultural_plot", "erf"),
                        "toldAreaM2",
                        40_000.0,
                        "checked",
                        false),
                erfEvidence(r));
        assertEquals(List.of("agricultural_plot", "erf"), r.evidence().get("missingLayers"));
        // the condition on its own: not checked is unknown, like an input not told
        AssessmentRequest req = small(point(3150, 150), rect(3000, 0, 3200, 200));
        EmployerErfMatch m = EmployerErfMatch.of(
                req.facts().employerErf(), List.of(Role.AGRICULTURAL_PLOT, Role.ERF), new SpatialIndex(NO_ERF_LAYER));
        assertEquals(
                Status.UNKNOWN,
                LocationDecisionTable.decide(LocationClass.AGRICULTURAL_PLOT, req, NOP_PROFILE, m)
                        .status());
        // a village is closed whatever the erf: that fail does not rest on the missing layer
        CriterionResult village =
                result(nop.assess(small(point(500, 500), rect(400, 400, 600, 600))), "location_class");
        assertEquals("fail", village.status().id());
    }

    @Test
    void hardenbergsAnswersDoNotLookAtTheToldErf() {
        Assessor hardenberg = new Assessor(WORLD, PolicyProfile.load(null));
        CriterionResult with =
                result(hardenberg.assess(small(point(3150, 150), rect(3240, -40, 3540, 240))), "location_class");
        CriterionResult without = result(hardenberg.assess(small(point(3150, 150), null)), "location_class");
        assertFalse(with.evidence().containsKey("employerErf"));
        assertEquals(without.status(), with.status());
        assertEquals(without.message(), with.message());
        assertEquals(without.evidence(), with.evidence());
    }

    @Test
    void aSmallErfMatchesWithinThePerimeterBandWhereTheShareIsTooTight() {
        Dataset tiny = new FixtureWorld()
                .add(Role.ERF, rect(6000, 0, 6010, 10), "BGT onbegroeid terreindeel erf", "G0171.0003", null)
                .build();
        SpatialIndex index = new SpatialIndex(tiny);
        // 10 x 10 m shifted 0.9 m: 18 m² differ, more than 15% of 100 m² but within 1 m x 40 m of perimeter
        Geometry near = AffineTransformation.translationInstance(0.9, 0).transform(geometry(rect(6000, 0, 6010, 10)));
        assertEquals(
                EmployerErfMatch.Result.MATCH,
                EmployerErfMatch.of(near, List.of(Role.ERF), index).result());
        // shifted 2.5 m: 50 m² differ, beyond both
        Geometry off = AffineTransformation.translationInstance(2.5, 0).transform(geometry(rect(6000, 0, 6010, 10)));
        EmployerErfMatch m = EmployerErfMatch.of(off, List.of(Role.ERF), index);
        assertEquals(EmployerErfMatch.Result.NO_MATCH, m.result());
        assertEquals(75.0, m.overlaps().get(0).areaM2(), 1e-6);
    }
}
