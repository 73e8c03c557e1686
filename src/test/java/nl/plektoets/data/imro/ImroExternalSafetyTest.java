package nl.plektoets.data.imro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.plektoets.assess.SpatialIndex;
import nl.plektoets.criteria.CriterionInput;
import nl.plektoets.criteria.CriterionResult;
import nl.plektoets.criteria.ExternalSafetyCriterion;
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
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;

/**
 * The Tynaarlo beheersverordening (IMRO2012 X model): its one Besluitvlak_X "veiligheidszone - bedrijf" becomes an
 * external safety area. Expected values from elsewhere: the count by a regular expression over the file; the area by
 * PostGIS from the file's own segments written as a CURVEPOLYGON (PostGIS's GML reader refuses gml:Arc), with
 * ST_CurveToLine at 1 mm.
 */
class ImroExternalSafetyTest {
    static final Path TYNAARLO =
            Path.of("..", "shared", "data", "imro", "NL.IMRO.1730_beheersverordening_Tynaarlo_IMRO2012_X.gml");

    @Test
    void theVeiligheidszoneBedrijfIsAnExternalSafetyArea() throws Exception {
        String text = Files.readString(TYNAARLO);
        Matcher names =
                Pattern.compile("<imro:naam>veiligheidszone[^<]*</imro:naam>").matcher(text);
        int expected = 0;
        while (names.find()) expected++;
        List<Feature> areas = new ArrayList<>();
        List<Feature> all = new ArrayList<>();
        for (SourceFeatures s : ImroImport.read(TYNAARLO, ImroRoleMapping.defaults(), WorkingCrs.rdNew(), x -> {})) {
            for (Feature f : s.features()) {
                all.add(f);
                if (f.role() == Role.EXTERNAL_SAFETY_AREA) areas.add(f);
            }
        }
        assertEquals(1, expected);
        assertEquals(expected, areas.size());
        Feature zone = areas.get(0);
        assertEquals("NL.IMRO.1730.BG3388158185-00", zone.provenance().sourceId());
        assertTrue(
                zone.provenance().source().startsWith("NL.IMRO.1730"),
                zone.provenance().source());
        assertEquals(
                "Besluitvlak_X 'veiligheidszone - bedrijf'", zone.provenance().sourceTag());
        assertEquals("area", zone.attribute("kind"));
        assertEquals("veiligheidszone - bedrijf", zone.attribute("name"));

        int at = text.indexOf("veiligheidszone - bedrijf");
        String surface = text.substring(text.indexOf("<gml:Surface", at), text.indexOf("</gml:Surface>", at));
        Matcher seg = Pattern.compile("(?s)<gml:(Arc|LineStringSegment)>\\s*<gml:posList>(.*?)</gml:posList>")
                .matcher(surface);
        List<String> parts = new ArrayList<>();
        while (seg.find()) {
            String[] n = seg.group(2).trim().split("\\s+");
            List<String> pts = new ArrayList<>();
            for (int i = 0; i < n.length; i += 2) pts.add(n[i] + " " + n[i + 1]);
            String list = String.join(", ", pts);
            parts.add(seg.group(1).equals("Arc") ? "CIRCULARSTRING(" + list + ")" : "(" + list + ")");
        }
        assertEquals(8, parts.size(), "four arcs and four straight segments");
        String wkt = "CURVEPOLYGON(COMPOUNDCURVE(" + String.join(", ", parts) + "))";
        try (Connection c =
                        DriverManager.getConnection(TestPostgis.url(TestPostgis.database()), TestPostgis.USER, null);
                PreparedStatement st = c.prepareStatement("SELECT ST_Area(g), ST_Perimeter(g),"
                        + " ST_HausdorffDistance(g, ST_GeomFromText(?, 28992))"
                        + " FROM (SELECT ST_CurveToLine(ST_GeomFromText(?, 28992), 0.001, 1) g) x")) {
            st.setString(1, zone.geometry().toText());
            st.setString(2, wkt);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                // the importer densifies arcs to within 0.1 m of the circle: no point further off than that, and the
                // area short by less than 0.1 m times the perimeter
                assertTrue(rs.getDouble(3) <= 0.1 + 1e-6, "Hausdorff distance " + rs.getDouble(3));
                assertEquals(rs.getDouble(1), zone.geometry().getArea(), 0.1 * rs.getDouble(2));
                assertTrue(rs.getDouble(1) > 1300, "about 1,309 m2: " + rs.getDouble(1));
            }
        }

        // a site in the zone is conditional; one 50 m beyond its outline passes
        Dataset d = new Dataset(new DatasetInfo("Tynaarlo", false, List.of("tynaarlo"), "EPSG:28992"), all);
        SpatialIndex index = new SpatialIndex(d);
        PolicyProfile profile = PolicyProfile.load(null);
        CriterionResult in = new ExternalSafetyCriterion()
                .evaluate(new CriterionInput(
                        new AssessmentRequest(
                                zone.geometry().getInteriorPoint(), HousingForm.HOUSING_FACILITY, 10, false),
                        profile,
                        index));
        assertEquals("conditional", in.status().id(), in.message().en());
        assertTrue(
                in.message().en().contains("NL.IMRO.1730.BG3388158185-00"),
                in.message().en());
        var env = zone.geometry().getEnvelopeInternal();
        Point away = new GeometryFactory().createPoint(new Coordinate(env.getMaxX() + 50, env.centre().y));
        CriterionResult out = new ExternalSafetyCriterion()
                .evaluate(new CriterionInput(
                        new AssessmentRequest(away, HousingForm.HOUSING_FACILITY, 10, false), profile, index));
        assertEquals("pass", out.status().id(), out.message().en());
    }
}
