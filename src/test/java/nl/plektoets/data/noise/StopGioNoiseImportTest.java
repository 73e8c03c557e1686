package nl.plektoets.data.noise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.plektoets.assess.SpatialIndex;
import nl.plektoets.criteria.CriterionInput;
import nl.plektoets.criteria.CriterionResult;
import nl.plektoets.criteria.NoiseCriterion;
import nl.plektoets.data.BadSourceException;
import nl.plektoets.data.Dataset;
import nl.plektoets.data.DatasetInfo;
import nl.plektoets.data.Feature;
import nl.plektoets.data.Role;
import nl.plektoets.data.SourceFeatures;
import nl.plektoets.data.registry.RegistryImport;
import nl.plektoets.geo.WorkingCrs;
import nl.plektoets.policy.PolicyProfile;
import nl.plektoets.request.AssessmentRequest;
import nl.plektoets.request.HousingForm;
import nl.plektoets.store.TestPostgis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Omgevingsverordening Zeeland 2023 noise areas (../shared/data/omgevingswet). Expected values come from elsewhere:
 * the polygon counts by a regular expression over each GIO; the norm by hand: in gebiedsaanwijzingen.xml "stiltegebied
 * a" has location nl.imow-pv29.gebiedengroep.df28be22046f4b29877801d05ec1367c, and in omgevingsnormen.xml the
 * "geluidsniveau LAeq" Normwaarde with that location is 40 (the one for "stiltegebied b", ...d28cfb5e..., is 48, and
 * no GIO of "stiltegebied b" is in the extract); "stiltegebied overig" and "invloedsgebieden" have no LAeq norm. The
 * areas by PostGIS (ST_GeomFromGML on the file's own polygons).
 */
class StopGioNoiseImportTest {
    static final Path DIR = Path.of("../shared/data/omgevingswet");
    static final Path QUIET_A = DIR.resolve("GIO-5790bd59.gml");
    static final Path QUIET_OTHER = DIR.resolve("GIO-2fbf57e6.gml");
    static final Path INFLUENCE = DIR.resolve("GIO-ec7f38c2.gml");

    static int locations(Path gio) throws Exception {
        Matcher m = Pattern.compile("<geo:Locatie>").matcher(Files.readString(gio));
        int n = 0;
        while (m.find()) n++;
        return n;
    }

    @Test
    void quietAreasAOfZeelandCarryTheirLaeqNorm() throws Exception {
        SourceFeatures sf = StopGioNoiseImport.read(QUIET_A, null, WorkingCrs.rdNew());
        assertEquals(locations(QUIET_A), sf.features().size());
        assertEquals(30, sf.features().size(), "the data README says 30 areas 'stiltegebied a'");
        for (Feature f : sf.features()) {
            assertEquals(Role.NOISE, f.role());
            assertEquals("laeq", f.attribute("metric"));
            assertEquals("quiet_area", f.attribute("kind"));
            assertEquals("40", f.attribute("value"));
            assertEquals("geluidsniveau LAeq", f.attribute("norm"));
            assertEquals("stiltegebied a", f.attribute("name"));
            assertEquals(
                    "nl.imow-pv29.gebiedsaanwijzing.000203e6ca9c4e7dadfee075d49bffe5", f.attribute("area_designation"));
            assertTrue(f.provenance().source().startsWith("/join/id/regdata/pv29/2023/gebiedsaanwijzing_"));
            assertTrue(f.provenance().sourceId().startsWith("id-"));
            assertTrue(f.provenance().sourceTag().contains("nl.imow-pv29.normwaarde.bf804e0e1b3e46bda5a1a8bf0fa6e756"));
        }

        // every polygon's area against PostGIS reading the file's own GML
        String text = Files.readString(QUIET_A);
        Matcher m = Pattern.compile("(?s)<gml:Polygon .*?</gml:Polygon>").matcher(text);
        double expected = 0;
        try (Connection c =
                        DriverManager.getConnection(TestPostgis.url(TestPostgis.database()), TestPostgis.USER, null);
                PreparedStatement st = c.prepareStatement("SELECT ST_Area(ST_GeomFromGML(?))")) {
            while (m.find()) {
                // the polygon's namespace is declared on an ancestor; PostGIS wants it on the element
                st.setString(
                        1,
                        m.group()
                                .replaceFirst(
                                        "<gml:Polygon ", "<gml:Polygon xmlns:gml=\"http://www.opengis.net/gml/3.2\" "));
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    expected += rs.getDouble(1);
                }
            }
        }
        double actual =
                sf.features().stream().mapToDouble(f -> f.geometry().getArea()).sum();
        assertEquals(expected, actual, 0.01);
        assertTrue(expected > 1_000_000, "30 quiet areas cover more than 1 km2: " + expected);

        // a site in one: listed by the noise criterion (a LAeq norm is no Lden level), not judged
        Feature one = sf.features().get(0);
        Dataset d =
                new Dataset(new DatasetInfo("zeeland", false, List.of("omgevingswet"), "EPSG:28992"), sf.features());
        CriterionResult r = new NoiseCriterion()
                .evaluate(new CriterionInput(
                        new AssessmentRequest(
                                one.geometry().getInteriorPoint(), HousingForm.HOUSING_FACILITY, 10, false),
                        PolicyProfile.load(null),
                        new SpatialIndex(d)));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> other =
                (List<Map<String, Object>>) r.evidence().get("otherNoiseInformation");
        // the extract holds this polygon twice (ids ...b60c9154... and ...b96e975b..., the same ring): both listed
        assertEquals(2, other.size(), String.valueOf(r.evidence()));
        for (Map<String, Object> o : other) {
            assertEquals("laeq", o.get("metric"));
            assertEquals("40", o.get("value"));
        }
    }

    @Test
    void aFolderReadsEveryNoiseGioAndKeepsAreasWithoutANormWithoutOne(@TempDir Path tmp) throws Exception {
        Path mapping = tmp.resolve("zeeland.yaml");
        Files.writeString(
                mapping,
                "layers:\n  - file: " + DIR.toAbsolutePath() + "\n    role: noise\n"
                        + "    source: \"Omgevingsverordening Zeeland 2023\"\n");
        RegistryImport.Result r = RegistryImport.run(
                new RegistryImport.Options(
                        List.of(), null, null, null, null, null, List.of(mapping), List.of(), null, null, "zeeland"),
                List.of(),
                null);
        List<Feature> noise = r.dataset().layer(Role.NOISE);
        int a = locations(QUIET_A), other = locations(QUIET_OTHER), influence = locations(INFLUENCE);
        assertEquals(a + other + influence, noise.size());
        assertEquals(249, noise.size(), "30 + 149 + 70 as the data README says");
        assertEquals(noise.size(), r.summary().count(Role.NOISE));
        assertEquals(
                a, noise.stream().filter(f -> "40".equals(f.attribute("value"))).count());
        assertEquals(
                other,
                noise.stream()
                        .filter(f -> "stiltegebied overig".equals(f.attribute("name")))
                        .peek(f -> assertNull(f.attribute("value")))
                        .count());
        assertEquals(
                influence,
                noise.stream()
                        .filter(f -> "invloedsgebieden".equals(f.attribute("name")))
                        .count());
        assertTrue(noise.stream().allMatch(f -> f.provenance().source().equals("Omgevingsverordening Zeeland 2023")));
        assertTrue(
                r.dataset().info().sources().stream()
                        .anyMatch(
                                s -> s.contains("149 stiltegebied overig areas from GIO-2fbf57e6.gml without a LAeq")),
                String.valueOf(r.dataset().info().sources()));
    }

    @Test
    void withoutTheGebiedsaanwijzingenTheImportSaysWhatIsMissing(@TempDir Path tmp) throws Exception {
        Path copy = tmp.resolve("GIO-5790bd59.gml");
        Files.copy(QUIET_A, copy);
        BadSourceException e =
                assertThrows(BadSourceException.class, () -> StopGioNoiseImport.read(copy, null, WorkingCrs.rdNew()));
        assertTrue(e.getMessage().contains("no gebiedsaanwijzingen.xml beside the GIO"), e.getMessage());
        assertTrue(StopGioNoiseImport.isGio(QUIET_A));
        assertTrue(!StopGioNoiseImport.isGio(Path.of("../shared/data/noise/IMG3.1-voorbeeld-hoofdspoor.gml")));
    }
}
