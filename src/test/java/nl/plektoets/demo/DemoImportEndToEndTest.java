package nl.plektoets.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import nl.plektoets.assess.Assessment;
import nl.plektoets.assess.Assessor;
import nl.plektoets.criteria.CriterionResult;
import nl.plektoets.criteria.NoiseCriterion;
import nl.plektoets.criteria.Status;
import nl.plektoets.data.Dataset;
import nl.plektoets.data.Feature;
import nl.plektoets.data.ImportProgress;
import nl.plektoets.data.Role;
import nl.plektoets.data.directory.DataDirectory;
import nl.plektoets.data.osm.OsmImport;
import nl.plektoets.data.osm.OsmImportOptions;
import nl.plektoets.policy.PolicyProfile;
import nl.plektoets.request.AssessmentRequest;
import nl.plektoets.request.HousingForm;
import nl.plektoets.request.Stay;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.index.strtree.STRtree;

/** generate -> the real OSM importer -> the roles the engine works on. */
class DemoImportEndToEndTest {
    @TempDir
    static Path dir;

    static ParsedOsm osm;
    static Dataset dataset;

    @BeforeAll
    static void generateAndImport() throws IOException {
        DemoMunicipality.Summary s =
                DemoMunicipality.generate(dir, DemoMunicipality.DEFAULT_ADDRESSES, DemoMunicipality.DEFAULT_SEED);
        osm = ParsedOsm.read(s.osmFile());
        dataset = OsmImport.read(
                s.osmFile(), new OsmImportOptions(null, null, DemoMunicipality.NAME, true), ImportProgress.NONE);
    }

    @Test
    void countsPerRoleMatchWhatWasGenerated() {
        Map<Role, Long> expected = new EnumMap<>(Role.class);
        expected.put(
                Role.AGRICULTURAL_PLOT, (long) osm.ways("landuse", "farmyard").size());
        expected.put(Role.BUSINESS_PARK, 2L);
        expected.put(Role.RECREATION_ZONE, 2L);
        expected.put(
                Role.BUILT_UP_AREA, (long) osm.ways("landuse", "residential").size());
        expected.put(
                Role.VILLAGE, (long) DemoMunicipalityTestSupport.villages(osm).size());
        expected.put(
                Role.BUILDING,
                osm.ways.stream().filter(w -> w.tags().containsKey("building")).count());
        expected.put(Role.ADDRESS, (long) DemoMunicipality.DEFAULT_ADDRESSES);
        expected.put(
                Role.FACILITY,
                osm.nodes.values().stream()
                                .filter(n -> DemoMunicipalityTest.facilityKind(n.tags()) != null)
                                .count()
                        + osm.ways("leisure", "pitch").size());
        expected.put(
                Role.ROAD,
                osm.ways.stream().filter(w -> w.tags().containsKey("highway")).count());
        // the canal, a waterway line: background only
        expected.put(
                Role.WATER,
                osm.ways.stream().filter(w -> w.tags().containsKey("waterway")).count());
        // companies (DemoCompanies): the two parks' land, a wastewater plant, an LPG fuel station, two workshops per
        // park, and the livestock barns
        long livestock = osm.ways.stream()
                .filter(w -> java.util.Set.of("cowshed", "pigsty", "poultry_house")
                        .contains(w.tags().getOrDefault("building", "")))
                .count();
        assertTrue(livestock >= 3, "livestock farms in the demo: " + livestock);
        expected.put(Role.ENVIRONMENTAL_SOURCE, 2L + 1 + 1 + 2 * 2 + livestock);
        // the environment contours (DemoEnvironment, in this project's own plektoets: tags) and the LPG station's
        // external-safety source (fuel:lpg=yes)
        expected.put(
                Role.NOISE,
                osm.ways.stream()
                        .filter(w -> w.tags().containsKey("plektoets:noise"))
                        .count());
        expected.put(
                Role.ODOUR_CONTOUR,
                osm.ways.stream()
                        .filter(w -> w.tags().containsKey("plektoets:odour_ou_m3"))
                        .count());
        expected.put(
                Role.EXTERNAL_SAFETY_AREA,
                osm.nodes.values().stream()
                                .filter(n -> "yes".equals(n.tags().get("fuel:lpg")))
                                .count()
                        + osm.ways.stream()
                                .filter(w -> "yes".equals(w.tags().get("fuel:lpg")))
                                .count());
        assertTrue(expected.get(Role.NOISE) >= 2 && expected.get(Role.ODOUR_CONTOUR) == 1, expected.toString());
        expected.put(Role.ERF, 0L); // yards come from the BGT, which the demo (OSM only) has none of
        Map<Role, Long> actual = new EnumMap<>(Role.class);
        for (Role r : Role.values()) actual.put(r, (long) dataset.layer(r).size());
        assertEquals(expected, actual);
        assertEquals(5, dataset.layer(Role.VILLAGE).size());
    }

    @Test
    void datasetIsNamedFictitiousInRdNew() {
        assertEquals(DemoMunicipality.NAME, dataset.info().name());
        assertTrue(dataset.info().fictitious());
        assertEquals("EPSG:28992", dataset.info().workingCrs(), "RD New chosen automatically for the demo's place");
        assertTrue(DemoMunicipality.areaRd().contains(dataset.extent()));
    }

    @Test
    void everyAddressLiesInTheZoneItsUseBelongsTo() {
        STRtree builtUp = index(Role.BUILT_UP_AREA);
        STRtree farms = index(Role.AGRICULTURAL_PLOT);
        STRtree business = index(Role.BUSINESS_PARK);
        STRtree recreation = index(Role.RECREATION_ZONE);
        int inVillages = 0;
        for (Feature a : dataset.layer(Role.ADDRESS)) {
            Geometry p = a.geometry();
            boolean village = inside(builtUp, p);
            boolean farm = inside(farms, p);
            boolean park = inside(business, p);
            boolean holiday = inside(recreation, p);
            String use = a.attribute("use");
            String where = a.attribute("street") + " " + a.attribute("housenumber") + ", " + a.attribute("town");
            switch (use) {
                case "residential" -> {
                    assertTrue(village ^ farm, where + ": a dwelling lies in a village or on a farm, not both");
                    if (village) inVillages++;
                }
                case "industrial" -> assertTrue(park && !village && !farm, where);
                case "recreational" -> assertTrue(holiday && !village && !farm, where);
                default -> throw new AssertionError(where + ": unexpected use " + use);
            }
        }
        assertEquals(osm.ways("building", "house").size(), inVillages);
    }

    @Test
    void everyFarmyardHasAFarmBuildingInside() {
        List<Feature> farmBuildings = dataset.layer(Role.BUILDING).stream()
                .filter(b -> "farm".equals(b.attribute("building")))
                .toList();
        for (Feature yard : dataset.layer(Role.AGRICULTURAL_PLOT)) {
            assertTrue(
                    farmBuildings.stream().anyMatch(b -> yard.geometry().contains(b.geometry())),
                    "no farm building in " + yard.provenance().describe());
            assertEquals("landuse=farmyard", yard.provenance().sourceTag());
        }
    }

    @Test
    void theDataDirectoryLoadsWithTheNameFromDatasetJson() {
        Dataset loaded = DataDirectory.load(dir, null, ImportProgress.NONE);
        assertEquals(DemoMunicipality.NAME, loaded.info().name());
        assertTrue(loaded.info().fictitious());
        assertEquals("EPSG:28992", loaded.info().workingCrs());
        assertEquals(
                DemoMunicipality.DEFAULT_ADDRESSES, loaded.layer(Role.ADDRESS).size());
    }

    private static STRtree index(Role role) {
        STRtree t = new STRtree();
        for (Feature f : dataset.layer(role)) t.insert(f.geometry().getEnvelopeInternal(), f.geometry());
        return t;
    }

    private static boolean inside(STRtree index, Geometry p) {
        for (Object o : index.query(p.getEnvelopeInternal())) {
            if (((Geometry) o).contains(p)) return true;
        }
        return false;
    }

    /**
     * The engine runs noise on every assessment, and Bijlage 1's 4-month rule applies to it: a site in the demo's
     * loudest road-noise band (Lden 60-65, above the 50 dB standard of the profile) is conditional for a mid stay
     * and passes with the obligation "stays limited to 4 months" for logies.
     */
    @Test
    void aSiteInsideADemoNoiseContourIsConditionalForMidAndPassesForShortStay() {
        Feature loudest = dataset.layer(Role.NOISE).stream()
                .filter(f -> "road".equals(f.attribute("source_type")))
                .max(java.util.Comparator.comparingDouble(f -> Double.parseDouble(f.attribute("lden_low"))))
                .orElseThrow();
        assertTrue(Double.parseDouble(loudest.attribute("lden_low")) > 50, loudest::toString);
        Geometry site = loudest.geometry().getInteriorPoint();
        Assessor engine = new Assessor(dataset, PolicyProfile.load(null));

        CriterionResult mid = noise(
                engine.assess(new AssessmentRequest(site, HousingForm.HOUSING_FACILITY, 12, false, Stay.MID, null)));
        assertEquals(Status.CONDITIONAL, mid.status(), mid::toString);
        assertTrue(mid.message().en().contains("An ETFAL motivation must show"), mid::toString);

        CriterionResult shortStay = noise(
                engine.assess(new AssessmentRequest(site, HousingForm.HOUSING_FACILITY, 12, false, Stay.SHORT, null)));
        assertEquals(Status.PASS, shortStay.status(), shortStay::toString);
        assertEquals("conditional", shortStay.evidence().get("statusBeforeStay"));
        assertTrue(shortStay.message().en().contains("provided stays are limited to 4 months"), shortStay::toString);
        assertEquals(
                List.of("short_stay_only"),
                shortStay.obligations().stream().map(o -> o.id()).toList());
    }

    private static CriterionResult noise(Assessment a) {
        return a.criteria().stream()
                .filter(c -> c.id().equals(NoiseCriterion.ID))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no noise criterion in " + a.criteria()));
    }
}
