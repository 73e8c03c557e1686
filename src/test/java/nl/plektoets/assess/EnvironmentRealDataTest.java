package nl.plektoets.assess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import nl.plektoets.criteria.CriterionResult;
import nl.plektoets.criteria.Status;
import nl.plektoets.data.Dataset;
import nl.plektoets.data.DatasetInfo;
import nl.plektoets.data.Feature;
import nl.plektoets.data.Role;
import nl.plektoets.data.SourceFeatures;
import nl.plektoets.data.imro.ImroImport;
import nl.plektoets.data.imro.ImroRoleMapping;
import nl.plektoets.geo.WorkingCrs;
import nl.plektoets.policy.PolicyProfile;
import nl.plektoets.request.AssessmentRequest;
import nl.plektoets.request.HousingForm;
import nl.plektoets.request.Stay;
import nl.plektoets.store.TestPostgis;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * environmental_zoning on real zoning plans in ../shared/data/imro. The expected categories are read from the GML with
 * a plain DOM parse (a functieaanduiding "bedrijf tot en met categorie N" names its bestemmingsvlak by xlink; the code
 * finds it by overlap), and the expected distances are computed by PostGIS from the zone's own posList text.
 */
class EnvironmentRealDataTest {
    static final Path DURPERVELD =
            Path.of("..", "shared", "data", "imro", "NL.IMRO.0999.BP2012000001_Durperveld_testplan_IMRO2012.gml");
    static final Path TYNAARLO =
            Path.of("..", "shared", "data", "imro", "NL.IMRO.1730_beheersverordening_Tynaarlo_IMRO2012_X.gml");
    static final PolicyProfile PROFILE = PolicyProfile.load(null);

    /** gml:id of every Enkelbestemming of hoofdgroep bedrijf / bedrijventerrein -> the category a labelling functieaanduiding names (or null). */
    static Map<String, String> expectedCategories(Path gml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        var doc = f.newDocumentBuilder().parse(gml.toFile());
        String imro = "*", gmlNs = "http://www.opengis.net/gml/3.2", xlink = "http://www.w3.org/1999/xlink";
        Map<String, String> out = new TreeMap<>();
        NodeList zones = doc.getElementsByTagNameNS(imro, "Enkelbestemming");
        for (int i = 0; i < zones.getLength(); i++) {
            Element z = (Element) zones.item(i);
            String hg = z.getElementsByTagNameNS(imro, "bestemmingshoofdgroep")
                    .item(0)
                    .getTextContent()
                    .trim();
            if (hg.equals("bedrijf") || hg.equals("bedrijventerrein")) out.put(z.getAttributeNS(gmlNs, "id"), null);
        }
        NodeList labels = doc.getElementsByTagNameNS(imro, "Functieaanduiding");
        for (int i = 0; i < labels.getLength(); i++) {
            Element l = (Element) labels.item(i);
            String naam = l.getElementsByTagNameNS(imro, "naam")
                    .item(0)
                    .getTextContent()
                    .trim();
            Matcher m = Pattern.compile("categorie (\\d(\\.\\d)?)").matcher(naam);
            NodeList ref = l.getElementsByTagNameNS(imro, "bestemmingsvlak");
            if (!m.find() || ref.getLength() == 0) continue;
            String zone = ((Element) ref.item(0)).getAttributeNS(xlink, "href").substring(1);
            out.merge(zone, m.group(1), (a, b) -> a == null || b.compareTo(a) > 0 ? b : a);
        }
        return out;
    }

    /** The zone's polygon as WKT from its posList text (exterior and interior rings of a PolygonPatch; no arcs in these zones). */
    static String zoneWkt(Path gml, String id) throws Exception {
        String text = java.nio.file.Files.readString(gml);
        int start = text.indexOf("gml:id=\"" + id + "\"");
        String zone = text.substring(start, text.indexOf("</imro:Enkelbestemming>", start));
        List<String> rings = new ArrayList<>();
        Matcher m = Pattern.compile("<gml:posList>([^<]*)</gml:posList>").matcher(zone);
        while (m.find()) {
            String[] v = m.group(1).trim().split("\\s+");
            List<String> pts = new ArrayList<>();
            for (int i = 0; i + 1 < v.length; i += 2) pts.add(v[i] + " " + v[i + 1]);
            rings.add("(" + String.join(", ", pts) + ")");
        }
        assertTrue(!zone.contains("gml:Arc"), id + " has arcs; this test reads straight rings only");
        return "POLYGON (" + String.join(", ", rings) + ")";
    }

    static double postgisDistance(String zoneWkt, double x, double y) throws Exception {
        try (Connection c = TestPostgis.admin();
                PreparedStatement st = c.prepareStatement(
                        "SELECT ST_Distance(ST_GeomFromText(?, 28992), ST_SetSRID(ST_MakePoint(?, ?), 28992))")) {
            st.setString(1, zoneWkt);
            st.setDouble(2, x);
            st.setDouble(3, y);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getDouble(1);
            }
        }
    }

    static List<SourceFeatures> plan(Path gml) {
        return ImroImport.read(gml, ImroRoleMapping.defaults(), WorkingCrs.rdNew(), s -> {});
    }

    @Test
    void durperveldZonesGetTheCategoryTheirLabelAllows() throws Exception {
        Map<String, String> expected = expectedCategories(DURPERVELD);
        assertTrue(
                expected.containsValue("2") && expected.containsValue("3.1"),
                "the plan has categories 2 and 3.1: " + expected);
        Map<String, String> actual = new TreeMap<>();
        for (SourceFeatures s : plan(DURPERVELD)) {
            for (Feature f : s.features()) {
                if (f.role() == Role.ENVIRONMENTAL_SOURCE)
                    actual.put(f.provenance().sourceId(), f.attribute("category"));
            }
        }
        assertEquals(expected, actual);
    }

    @Test
    void durperveldDistancesAgreeWithPostgis() throws Exception {
        Map<String, String> expected = expectedCategories(DURPERVELD);
        List<Feature> features = new ArrayList<>();
        for (SourceFeatures s : plan(DURPERVELD)) features.addAll(s.features());
        // only the categorised zones: the uncategorised ones (no label) would make the answer unknown, tested below
        features.removeIf(f -> f.role() == Role.ENVIRONMENTAL_SOURCE && f.attribute("category") == null);
        Assessor engine = new Assessor(
                new Dataset(
                        new DatasetInfo("Durperveld", true, List.of("durperveld"), "EPSG:28992"), renumber(features)),
                PROFILE);
        for (Map.Entry<String, String> e : expected.entrySet()) {
            if (e.getValue() == null) continue;
            String wkt = zoneWkt(DURPERVELD, e.getKey());
            // a site 20 m east of the zone's easternmost vertex, told to be a quiet area, so the guide distance is the
            // table's
            var env = new org.locationtech.jts.io.WKTReader().read(wkt).getEnvelopeInternal();
            double x = env.getMaxX() + 20, y = (env.getMinY() + env.getMaxY()) / 2;
            double pg = postgisDistance(wkt, x, y);
            Assessment a = engine.assess(new AssessmentRequest(
                    FixtureWorld.geometry(String.format(java.util.Locale.ROOT, "POINT (%s %s)", x, y)),
                    HousingForm.HOUSING_FACILITY,
                    10,
                    false,
                    Stay.MID,
                    nl.plektoets.request.AreaType.QUIET));
            CriterionResult r = EnvironmentalZoningTest.zoning(a);
            double guide = e.getValue().equals("2") ? 30 : 50;
            Map<String, Object> source = EnvironmentalZoningTest.sources(r).stream()
                    .filter(s -> e.getKey().equals(s.get("sourceId")))
                    .findFirst()
                    .orElse(null);
            if (pg < guide) {
                assertEquals(
                        Status.CONDITIONAL,
                        r.status(),
                        e.getKey() + ": " + r.message().en());
                assertEquals(pg, (double) source.get("distanceM"), 0.01, e.getKey());
                assertEquals(guide, source.get("guideDistanceM"));
                assertEquals(e.getValue(), source.get("category"));
            } else {
                assertNull(source, e.getKey() + " at " + pg + " m is beyond " + guide + " m");
            }
        }
    }

    @Test
    void anUncategorisedBedrijfZoneNearbyMakesTheAnswerUnknown() throws Exception {
        Map<String, String> expected = expectedCategories(DURPERVELD);
        String uncategorised = expected.entrySet().stream()
                .filter(e -> e.getValue() == null)
                .map(Map.Entry::getKey)
                .findFirst()
                .orElseThrow();
        List<Feature> features = new ArrayList<>();
        for (SourceFeatures s : plan(DURPERVELD)) features.addAll(s.features());
        Assessor engine = new Assessor(
                new Dataset(
                        new DatasetInfo("Durperveld", true, List.of("durperveld"), "EPSG:28992"), renumber(features)),
                PROFILE);
        var env = new org.locationtech.jts.io.WKTReader()
                .read(zoneWkt(DURPERVELD, uncategorised))
                .getEnvelopeInternal();
        // 2 km north of everything in the plan would pass; this site is 5 m north of the uncategorised zone's envelope
        Assessment a = engine.assess(new AssessmentRequest(
                FixtureWorld.geometry(
                        String.format(java.util.Locale.ROOT, "POINT (%s %s)", env.centre().x, env.getMaxY() + 5)),
                HousingForm.HOUSING_FACILITY,
                10,
                false));
        CriterionResult r = EnvironmentalZoningTest.zoning(a);
        assertTrue(
                r.status() == Status.UNKNOWN || r.status() == Status.CONDITIONAL,
                r.message().en());
        if (r.status() == Status.UNKNOWN) assertTrue(r.evidence().containsKey("uncategorised"));
    }

    @Test
    void tynaarloBedrijfZonesAreSourcesWithoutACategory() throws Exception {
        // the beheersverordening (IMRO2012 X model) has Besluitvlak_X "Bedrijf" / "Bedrijf - ..." without hoofdgroep
        // and
        // names no "categorie": each is a source whose category is unknown; counted here with a plain DOM parse
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        NodeList vlakken = f.newDocumentBuilder().parse(TYNAARLO.toFile()).getElementsByTagNameNS("*", "Besluitvlak_X");
        List<String> bedrijf = new ArrayList<>();
        for (int i = 0; i < vlakken.getLength(); i++) {
            Element v = (Element) vlakken.item(i);
            NodeList naam = v.getElementsByTagNameNS("*", "naam");
            if (naam.getLength() > 0 && naam.item(0).getTextContent().trim().startsWith("Bedrijf")) {
                bedrijf.add(v.getAttributeNS("http://www.opengis.net/gml/3.2", "id"));
            }
        }
        assertTrue(bedrijf.size() >= 4, "the plan has Bedrijf zones: " + bedrijf);
        List<Feature> sources = new ArrayList<>();
        List<Feature> all = new ArrayList<>();
        for (SourceFeatures s : plan(TYNAARLO)) {
            all.addAll(s.features());
            for (Feature x : s.features()) if (x.role() == Role.ENVIRONMENTAL_SOURCE) sources.add(x);
        }
        assertEquals(
                bedrijf.stream().sorted().toList(),
                sources.stream().map(x -> x.provenance().sourceId()).sorted().toList());
        assertEquals(
                0, sources.stream().filter(x -> x.attribute("category") != null).count());
        // a site on the first zone: unknown, never a silent pass, and the source is named
        Feature first = sources.get(0);
        var inside = first.geometry().getInteriorPoint();
        Assessor engine = new Assessor(
                new Dataset(new DatasetInfo("Tynaarlo", false, List.of("tynaarlo"), "EPSG:28992"), renumber(all)),
                PROFILE);
        Assessment a = engine.assess(new AssessmentRequest(
                FixtureWorld.geometry(
                        String.format(java.util.Locale.ROOT, "POINT (%s %s)", inside.getX(), inside.getY())),
                HousingForm.HOUSING_FACILITY,
                10,
                false));
        CriterionResult r = EnvironmentalZoningTest.zoning(a);
        assertEquals(Status.UNKNOWN, r.status(), r.message().en());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> unc = (List<Map<String, Object>>) r.evidence().get("uncategorised");
        assertTrue(unc.stream().anyMatch(m -> first.provenance().sourceId().equals(m.get("sourceId"))));
    }

    static List<Feature> renumber(List<Feature> in) {
        List<Feature> out = new ArrayList<>();
        long id = 1;
        for (Feature f : in) out.add(new Feature(id++, f.role(), f.geometry(), f.attributes(), f.provenance()));
        return out;
    }
}
