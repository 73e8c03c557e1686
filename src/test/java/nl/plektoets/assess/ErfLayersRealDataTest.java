package nl.plektoets.assess;

import static nl.plektoets.assess.LocationDecisionTableTest.result;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import nl.plektoets.criteria.CriterionResult;
import nl.plektoets.data.Dataset;
import nl.plektoets.data.DatasetInfo;
import nl.plektoets.data.Feature;
import nl.plektoets.data.Role;
import nl.plektoets.data.SourceFeatures;
import nl.plektoets.data.bgt.BgtImport;
import nl.plektoets.geo.WorkingCrs;
import nl.plektoets.policy.PolicyProfile;
import nl.plektoets.request.AssessmentRequest;
import nl.plektoets.request.HousingForm;
import nl.plektoets.request.InitiativeFacts;
import nl.plektoets.request.Stay;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 18 on real data: the BGT download of Otterlo ({@code ../shared/data/bgt/otterlo_bgt.zip}, the extract
 * {@code data.bgt.BgtImportTest} reads; its erven and panden, no agricultural plots). The shared data holds no
 * Noordoostpolder BGT, so Otterlo's erven stand in for the shape of the data: under Noordoostpolder's profile a site
 * on a real BGT erf is on an erf and checked against the employer's own erf; under Hardenberg's the same erf is not
 * an agricultural plot. The two erven are picked by rule (the first by BGT id large enough, the next not touching it).
 */
class ErfLayersRealDataTest {
    static final Path ZIP = Path.of("..", "shared", "data", "bgt", "otterlo_bgt.zip");
    static Dataset otterlo;
    static Feature own;
    static Feature neighbour;

    @BeforeAll
    static void importOtterlo() {
        SourceFeatures s = BgtImport.read(ZIP, null, WorkingCrs.rdNew(), p -> {});
        otterlo = new Dataset(
                new DatasetInfo(
                        "BGT Otterlo (real)", false, List.of(ZIP.getFileName().toString()), "EPSG:28992"),
                s.features());
        List<Feature> erven = s.features().stream()
                .filter(f -> f.role() == Role.ERF && f.geometry().getArea() > 200)
                .sorted(Comparator.comparing(f -> f.provenance().sourceId()))
                .toList();
        own = erven.get(0);
        neighbour = erven.stream()
                .filter(f -> f.geometry().distance(own.geometry()) > 1)
                .findFirst()
                .orElseThrow();
    }

    static AssessmentRequest smallOn(Feature erf, Feature employersErf) {
        return new AssessmentRequest(
                erf.geometry().getInteriorPoint(),
                HousingForm.HOUSING_FACILITY,
                16,
                false,
                Stay.MID,
                null,
                new InitiativeFacts(List.of(), null, null, true, employersErf.geometry()));
    }

    @Test
    void noordoostpolderTakesARealBgtErfAsAnErfAndChecksItIsTheEmployers() {
        Assessor nop = new Assessor(otterlo, PolicyProfile.builtIn("noordoostpolder-2024"));

        CriterionResult onOwn = result(nop.assess(smallOn(own, own)), "location_class");
        assertEquals(
                "agricultural_plot",
                onOwn.evidence().get("locationClass"),
                onOwn.message().en());
        @SuppressWarnings("unchecked")
        Map<String, Object> feature = (Map<String, Object>) onOwn.evidence().get("feature");
        assertEquals(own.provenance().sourceId(), feature.get("sourceId"));
        assertEquals("erf", feature.get("role"));
        assertEquals(
                Map.of("employs_migrants", "pass", "employer_erf", "pass"),
                onOwn.evidence().get("requires"));
        assertEquals("pass", onOwn.status().id(), onOwn.message().en());

        // the site on the neighbour's erf, the employer's own erf picked: refused by §4 (erf defined in §2)
        CriterionResult onOther = result(nop.assess(smallOn(neighbour, own)), "location_class");
        assertEquals("agricultural_plot", onOther.evidence().get("locationClass"));
        assertEquals("fail", onOther.status().id());
        assertEquals("§4, §2", onOther.policyRef());
        assertEquals(
                Map.of("employs_migrants", "pass", "employer_erf", "fail"),
                onOther.evidence().get("requires"));
    }

    @Test
    void hardenbergDoesNotTakeTheSameBgtErfAsAnAgriculturalPlot() {
        Assessor hardenberg = new Assessor(otterlo, PolicyProfile.load(null));
        CriterionResult h = result(hardenberg.assess(smallOn(own, own)), "location_class");
        assertNotEquals(
                "agricultural_plot",
                h.evidence().get("locationClass"),
                h.message().en());
        assertTrue(
                String.valueOf(h.evidence().get("missingLayers")).contains("agricultural_plot"),
                h.evidence().toString());
    }

    /** A request for a small location at the site with the given employerErf. */
    static AssessmentRequest smallAt(org.locationtech.jts.geom.Geometry site, org.locationtech.jts.geom.Geometry erf) {
        return new AssessmentRequest(
                site,
                HousingForm.HOUSING_FACILITY,
                16,
                false,
                Stay.MID,
                null,
                new InitiativeFacts(List.of(), null, null, true, erf));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aDrawnErfIsMatchedAgainstTheRealBgtErven() {
        Assessor nop = new Assessor(otterlo, PolicyProfile.builtIn("noordoostpolder-2024"));
        org.locationtech.jts.geom.Geometry site = own.geometry().getInteriorPoint();

        // drawn by hand: the outline without the buildings the BGT cuts out, simplified to 1.5 m, and picked on an
        // RD New map (rd.js: within half a metre): both are the own erf
        org.locationtech.jts.geom.Geometry outline = own.geometry()
                .getFactory()
                .createPolygon(((org.locationtech.jts.geom.Polygon) own.geometry()).getExteriorRing());
        org.locationtech.jts.geom.Geometry drawn =
                org.locationtech.jts.simplify.DouglasPeuckerSimplifier.simplify(outline, 1.5);
        org.locationtech.jts.geom.Geometry picked =
                org.locationtech.jts.geom.util.AffineTransformation.translationInstance(0.4, -0.3)
                        .transform(own.geometry());
        for (org.locationtech.jts.geom.Geometry erf : List.of(drawn, picked)) {
            CriterionResult r = result(nop.assess(smallAt(site, erf)), "location_class");
            Map<String, Object> ev = (Map<String, Object>) r.evidence().get("employerErf");
            assertEquals("match", ev.get("result"), ev.toString());
            assertEquals(own.provenance().sourceId(), ((Map<String, Object>) ev.get("erf")).get("sourceId"));
            assertEquals("pass", r.status().id(), r.message().en());
        }

        // drawn 20 m around the neighbour's erf, the site on it: no erf of the BGT, a planner verifies
        org.locationtech.jts.geom.Geometry around = neighbour.geometry().buffer(20);
        CriterionResult r =
                result(nop.assess(smallAt(neighbour.geometry().getInteriorPoint(), around)), "location_class");
        assertEquals("conditional", r.status().id(), r.message().en());
        assertTrue(
                r.message().en().contains("a planner verifies it"), r.message().en());
        Map<String, Object> ev = (Map<String, Object>) r.evidence().get("employerErf");
        assertEquals("no_match", ev.get("result"));
        List<Map<String, Object>> overlaps = (List<Map<String, Object>>) ev.get("overlaps");
        assertTrue(
                overlaps.stream()
                        .anyMatch(o -> neighbour
                                .provenance()
                                .sourceId()
                                .equals(((Map<String, Object>) o.get("feature")).get("sourceId"))),
                overlaps.toString());
    }
}
