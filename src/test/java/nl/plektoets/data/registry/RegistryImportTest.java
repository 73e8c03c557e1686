package nl.plektoets.data.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.plektoets.assess.Assessment;
import nl.plektoets.assess.Assessor;
import nl.plektoets.criteria.CriterionResult;
import nl.plektoets.criteria.Status;
import nl.plektoets.data.Dataset;
import nl.plektoets.data.Feature;
import nl.plektoets.data.ImportProgress;
import nl.plektoets.data.Provenance;
import nl.plektoets.data.Role;
import nl.plektoets.data.SourceFeatures;
import nl.plektoets.data.SourceKind;
import nl.plektoets.policy.PolicyProfile;
import nl.plektoets.request.AssessmentRequest;
import nl.plektoets.request.HousingForm;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Point;

/** Whole imports of the real files, and assessments by the real engine on the zoning plan. */
class RegistryImportTest {
    static final Path DATA = Path.of("..", "shared", "data");
    static final Path IMRO = DATA.resolve("imro/NL.IMRO.1680.1800030105-0000_aa-en-hunze.gml");
    static final String PLAN = "NL.IMRO.1680.1800030105-0000";

    static RegistryImport.Options imroOnly() {
        return new RegistryImport.Options(
                List.of(IMRO), null, null, null, null, null, List.of(), List.of(), null, null, "Gieterveen");
    }

    @Test
    void hardenbergFromTop10nlClippedToGm0160() {
        List<String> progress = new ArrayList<>();
        RegistryImport.Result r = RegistryImport.run(
                new RegistryImport.Options(
                        List.of(IMRO),
                        null,
                        null,
                        DATA.resolve("cbs/top10nl_plaats.gml.gz"),
                        DATA.resolve("cbs/gemeenten_zonder_water.geojson"),
                        "GM0160",
                        List.of(),
                        List.of(),
                        null,
                        null,
                        null),
                List.of(),
                new ImportProgress() {
                    @Override
                    public void phase(String name, long total) {
                        progress.add(name);
                    }
                });
        Dataset d = r.dataset();
        assertEquals("Hardenberg (registers)", d.info().name());
        assertEquals(15, d.layer(Role.VILLAGE).size());
        assertEquals(15, d.layer(Role.BUILT_UP_AREA).size());
        assertEquals(
                0, d.layer(Role.RECREATION_ZONE).size(), "the Gieterveen plan lies outside Hardenberg: clipped away");
        assertEquals(30, r.summary().total());
        assertEquals(15, r.summary().count(Role.VILLAGE));
        assertTrue(d.info().sources().stream()
                .anyMatch(s -> s.startsWith("cbs: gemeenten_zonder_water.geojson") && s.contains("GM0160 Hardenberg")));
        assertTrue(d.info().sources().stream()
                .anyMatch(s -> s.startsWith("precedence: imro > bag > bgt > layer > brt > cbs > osm")));
        assertTrue(progress.contains("CBS gemeenten_zonder_water.geojson GM0160"), progress.toString());
        String table = r.summary().table();
        assertTrue(table.contains("top10nl_plaats.gml.gz  brt    village                 15        0        0"), table);
        long ids = d.layers().values().stream()
                .flatMap(List::stream)
                .mapToLong(Feature::id)
                .distinct()
                .count();
        assertEquals(d.size(), ids, "ids unique after renumbering");
        System.out.print(table);
    }

    @Test
    void imroGovernsOsmFarmyardsAndTheEngineQuotesThePlan() throws Exception {
        Dataset imroOnly =
                RegistryImport.run(imroOnly(), List.of(), ImportProgress.NONE).dataset();
        Feature recreation = imroOnly.layer(Role.RECREATION_ZONE).get(0);
        Feature bedrijf = imroOnly.layer(Role.BUSINESS_PARK).stream()
                .filter(f -> "Bedrijfsdoeleinden".equals(f.attribute("name")))
                .findFirst()
                .orElseThrow();
        // an OSM farmyard drawn over the recreation zone and one well outside the plan
        Point inRecreation = recreation.geometry().getInteriorPoint();
        SourceFeatures osm = new SourceFeatures(
                SourceKind.OSM,
                "test.osm.pbf",
                List.of(
                        new Feature(
                                1,
                                Role.AGRICULTURAL_PLOT,
                                inRecreation.buffer(20),
                                Map.of(),
                                new Provenance("test.osm.pbf", "way/1", "landuse=farmyard")),
                        new Feature(
                                2,
                                Role.AGRICULTURAL_PLOT,
                                recreation
                                        .geometry()
                                        .getFactory()
                                        .createPoint(new Coordinate(
                                                imroOnly.extent().getMaxX() + 5000,
                                                imroOnly.extent().getMaxY()))
                                        .buffer(20),
                                Map.of(),
                                new Provenance("test.osm.pbf", "way/2", "landuse=farmyard"))),
                List.of(),
                List.of());
        RegistryImport.Result r = RegistryImport.run(imroOnly(), List.of(osm), ImportProgress.NONE);
        assertEquals(1, r.resolution().decisions().size());
        SourcePrecedence.Decision dec = r.resolution().decisions().get(0);
        assertEquals("way/1", dec.feature().provenance().sourceId());
        assertEquals(PLAN, dec.coverageId());
        assertEquals(
                List.of("way/2"),
                r.dataset().layer(Role.AGRICULTURAL_PLOT).stream()
                        .map(f -> f.provenance().sourceId())
                        .toList());
        assertTrue(r.summary().table().contains("test.osm.pbf"), r.summary().table());

        Assessor assessor = new Assessor(r.dataset(), PolicyProfile.load(null));
        // a point in the recreation zone fails the recreation exclusion, quoting plan, bestemming and article
        Assessment a = assessor.assess(new AssessmentRequest(inRecreation, HousingForm.ROOM_RENTAL, 4, false));
        CriterionResult rec = a.criteria().stream()
                .filter(c -> c.id().equals("recreation_exclusion"))
                .findFirst()
                .orElseThrow();
        assertEquals(Status.FAIL, rec.status());
        String evidence = rec.evidence().toString();
        assertTrue(
                evidence.contains(PLAN)
                        && evidence.contains("Verblijfsrecreatieve doeleinden")
                        && evidence.contains("artikel 12"),
                evidence);
        // a point in the "bedrijf" zone is classified as business park
        Assessment b = assessor.assess(
                new AssessmentRequest(bedrijf.geometry().getInteriorPoint(), HousingForm.HOUSING_FACILITY, 10, false));
        assertTrue(b.locationClass().startsWith("business_park"), b.locationClass());
        // a dwelling in a village-core "wonen" zone is built-up area
        Feature wonen = r.dataset().layer(Role.BUILT_UP_AREA).stream()
                .filter(f -> "Woondoeleinden 1".equals(f.attribute("name")))
                .findFirst()
                .orElseThrow();
        Assessment c = assessor.assess(
                new AssessmentRequest(wonen.geometry().getInteriorPoint(), HousingForm.ROOM_RENTAL, 2, false));
        assertEquals("built_up_area", c.locationClass());
    }

    @Test
    void osmInsideHardenbergTogetherWithTheRegisters() {
        Path osm = DATA.resolve("osm/nl-heemserveen-jachthuisweg.osm.pbf");
        RegistryImport.Result r = RegistryImport.run(
                new RegistryImport.Options(
                        List.of(),
                        null,
                        null,
                        DATA.resolve("cbs/top10nl_plaats.gml.gz"),
                        DATA.resolve("cbs/gemeenten_zonder_water.geojson"),
                        "GM0160",
                        List.of(),
                        List.of(osm),
                        null,
                        null,
                        null),
                List.of(),
                ImportProgress.NONE);
        long roads = r.dataset().layer(Role.ROAD).stream()
                .filter(f -> f.provenance().source().equals(osm.getFileName().toString()))
                .count();
        assertTrue(roads > 0, "OSM roads kept: nothing outranks OSM for roads");
        assertEquals(
                roads,
                r.summary().rows().stream()
                        .filter(x -> x.kind() == SourceKind.OSM && x.role() == Role.ROAD)
                        .mapToInt(ImportSummary.Row::features)
                        .sum());
        assertEquals(
                15,
                r.dataset().layer(Role.VILLAGE).stream()
                        .filter(f -> f.provenance().source().equals("top10nl_plaats.gml.gz"))
                        .count());
        // OSM villages and built-up areas inside Hardenberg give way to TOP10NL, which governs them in GM0160
        assertTrue(r.dataset().layer(Role.BUILT_UP_AREA).stream()
                .noneMatch(f -> f.provenance().source().endsWith(".pbf")));
        System.out.print(r.summary().table());
    }

    @Test
    void osmOnlyOutsideTheNetherlandsKeepsTheOsmImportersCrs() {
        Path osm = DATA.resolve("osm/north-bayreuth.osm.gz");
        RegistryImport.Result r = RegistryImport.run(
                new RegistryImport.Options(
                        List.of(), null, null, null, null, null, List.of(), List.of(osm), null, null, null),
                List.of(),
                ImportProgress.NONE);
        assertEquals("EPSG:32632", r.dataset().info().workingCrs(), "UTM 32N for Bayreuth, not RD New");
        assertTrue(r.dataset().layer(Role.AGRICULTURAL_PLOT).size() > 0);
        assertEquals(List.of(), r.resolution().decisions());
    }

    @Test
    void badOptionsAreRefused() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> RegistryImport.run(
                        new RegistryImport.Options(
                                List.of(), null, null, null, null, "GM0160", List.of(), List.of(), null, null, null),
                        List.of(),
                        ImportProgress.NONE));
        assertTrue(e.getMessage().contains("needs --gemeenten"), e.getMessage());
        e = assertThrows(
                IllegalArgumentException.class,
                () -> RegistryImport.run(
                        new RegistryImport.Options(
                                List.of(), null, null, null, null, null, List.of(), List.of(), null, null, null),
                        List.of(),
                        ImportProgress.NONE));
        assertTrue(e.getMessage().startsWith("nothing to import"), e.getMessage());
    }
}
