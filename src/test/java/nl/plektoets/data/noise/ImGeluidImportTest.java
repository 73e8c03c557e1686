package nl.plektoets.data.noise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.plektoets.assess.SpatialIndex;
import nl.plektoets.criteria.CriterionInput;
import nl.plektoets.criteria.CriterionResult;
import nl.plektoets.criteria.NoiseCriterion;
import nl.plektoets.data.Dataset;
import nl.plektoets.data.DatasetInfo;
import nl.plektoets.data.Feature;
import nl.plektoets.data.Role;
import nl.plektoets.data.SourceFeatures;
import nl.plektoets.geo.WorkingCrs;
import nl.plektoets.policy.PolicyProfile;
import nl.plektoets.request.AssessmentRequest;
import nl.plektoets.request.HousingForm;
import nl.plektoets.store.TestPostgis;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Point;

/**
 * The Geluidregister's IMGeluid example (../shared/data/noise, main railway near Alkmaar). Expected numbers come from
 * elsewhere: the ceilings by a plain regular expression over the file, the attention area's area by PostGIS
 * (ST_GeomFromGML on the file's own MultiSurface).
 */
class ImGeluidImportTest {
    static final Path FILE = Path.of("../shared/data/noise/IMG3.1-voorbeeld-hoofdspoor.gml");

    @Test
    void productionCeilingsAndTheAttentionAreaOfTheRailway() throws Exception {
        SourceFeatures sf = ImGeluidImport.read(FILE, WorkingCrs.rdNew());
        String text = Files.readString(FILE);
        Matcher m = Pattern.compile("<img:geluidproductieplafond>([0-9.]+)</img:geluidproductieplafond>")
                .matcher(text);
        int count = 0;
        double max = 0;
        while (m.find()) {
            count++;
            max = Math.max(max, Double.parseDouble(m.group(1)));
        }
        List<Feature> ceilings = sf.features().stream()
                .filter(f -> "production_ceiling".equals(f.attribute("kind")))
                .toList();
        assertEquals(count, ceilings.size());
        assertEquals(110, count, "the data README says 110 ceilings");
        assertEquals(
                max,
                ceilings.stream()
                        .mapToDouble(f -> Double.parseDouble(f.attribute("value")))
                        .max()
                        .orElseThrow());
        assertTrue(ceilings.stream()
                .allMatch(f -> f.geometry() instanceof Point && "rail".equals(f.attribute("source_type"))));
        // EPSG:7415 (RD New + NAP) points keep their RD x, y
        Feature first = ceilings.stream()
                .filter(f -> f.provenance().sourceId().equals("NL.img.30276683.gpp12486.1"))
                .findFirst()
                .orElseThrow();
        assertEquals(144086.03, first.geometry().getCoordinate().x, 1e-6);
        assertEquals(503387.55, first.geometry().getCoordinate().y, 1e-6);
        assertEquals("53.4", first.attribute("value"));

        Feature area = sf.features().stream()
                .filter(f -> "attention_area".equals(f.attribute("kind")))
                .findFirst()
                .orElseThrow();
        int s = text.indexOf("<gml:MultiSurface", text.indexOf("<img:Geluidaandachtsgebied"));
        String gml = text.substring(s, text.indexOf("</gml:MultiSurface>", s) + "</gml:MultiSurface>".length());
        try (Connection c =
                        DriverManager.getConnection(TestPostgis.url(TestPostgis.database()), TestPostgis.USER, null);
                PreparedStatement st = c.prepareStatement("SELECT ST_Area(ST_GeomFromGML(?))")) {
            st.setString(1, gml);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                assertEquals(rs.getDouble(1), area.geometry().getArea(), 0.01);
            }
        }

        // a site in the attention area, on no ceiling: the level is unknown, so it may be above 55 dB (conditional)
        Dataset d = new Dataset(
                new DatasetInfo("imgeluid", false, List.of(FILE.getFileName().toString()), "EPSG:28992"),
                sf.features());
        Point inside = area.geometry().getInteriorPoint();
        CriterionResult r = new NoiseCriterion()
                .evaluate(new CriterionInput(
                        new AssessmentRequest(inside, HousingForm.HOUSING_FACILITY, 10, false),
                        PolicyProfile.load(null),
                        new SpatialIndex(d)));
        assertEquals("conditional", r.status().id(), r.message().en());
        assertTrue(
                r.message().en().contains("rail level unknown (in a noise attention area)"),
                r.message().en());
        assertTrue(d.layer(Role.NOISE).size() > 110);
    }
}
