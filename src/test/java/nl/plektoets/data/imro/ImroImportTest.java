package nl.plektoets.data.imro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import nl.plektoets.data.Feature;
import nl.plektoets.data.Role;
import nl.plektoets.data.SourceFeatures;
import nl.plektoets.geo.WorkingCrs;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The real IMRO2008 plan of Gieterveen (Aa en Hunze). Expected counts are derived independently of the importer: a
 * DOM + XPath pass over the same file (no StAX, no geometry) counts the elements and follows the Bouwvlak ->
 * bestemmingsvlak references.
 */
class ImroImportTest {
    static final Path FILE = Path.of("..", "shared", "data", "imro", "NL.IMRO.1680.1800030105-0000_aa-en-hunze.gml");
    static final String PLAN = "NL.IMRO.1680.1800030105-0000";
    static ImroPlan plan;
    static SourceFeatures features;
    static Document dom;
    static XPath xpath;

    @BeforeAll
    static void read() throws Exception {
        plan = new ImroReader(WorkingCrs.rdNew()).read(FILE);
        features = ImroImport.features(plan, ImroRoleMapping.defaults());
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(false); // count by qualified name, independent of namespace handling
        dom = f.newDocumentBuilder().parse(FILE.toFile());
        xpath = XPathFactory.newInstance().newXPath();
    }

    static int count(String expr) throws Exception {
        return ((Double) xpath.evaluate("count(" + q(expr) + ")", dom, XPathConstants.NUMBER)).intValue();
    }

    /** The DOM is not namespace-aware: match prefixed names literally ("imro:X" -> *[name()='imro:X']). */
    static String q(String expr) {
        return expr.replaceAll("@(\\w+:\\w+)", "@*[name()='$1']")
                .replaceAll("(?<![@'\\w])(\\w+:\\w+)", "*[name()='$1']");
    }

    static NodeList nodes(String expr, Object context) throws Exception {
        return (NodeList) xpath.evaluate(q(expr), context, XPathConstants.NODESET);
    }

    @Test
    void planIdentity() {
        assertEquals(ImroVersion.IMRO2008, plan.version());
        assertEquals(PLAN, plan.planId());
        assertEquals("Gieterveen", plan.name());
        assertEquals("concept", plan.status());
        assertEquals("2009-07-07", plan.date());
        assertNotNull(plan.planArea());
        assertTrue(plan.planArea().isValid());
    }

    @Test
    void countsPerTypeMatchAnIndependentXPathCount() throws Exception {
        for (String type : List.of(
                "Enkelbestemming",
                "Bouwvlak",
                "Functieaanduiding",
                "Bouwaanduiding",
                "Gebiedsaanduiding",
                "Dubbelbestemming",
                "Maatvoering",
                "Bestemmingsplangebied")) {
            int expected = count("//imro:featureMember/imro:" + type);
            assertTrue(expected > 0, type);
            assertEquals(expected, plan.objects(type).size(), type);
        }
        assertEquals(84, plan.objects("Enkelbestemming").size()); // as the data README says
        assertEquals(88, plan.objects("Bouwvlak").size());
    }

    @Test
    void countsPerHoofdgroepMatchXPath() throws Exception {
        Map<String, Long> actual = plan.objects("Enkelbestemming").stream()
                .collect(Collectors.groupingBy(PlanObject::hoofdgroep, TreeMap::new, Collectors.counting()));
        NodeList groups = nodes("//imro:Enkelbestemming/imro:bestemmingshoofdgroep", dom);
        Map<String, Long> expected = new TreeMap<>();
        for (int i = 0; i < groups.getLength(); i++)
            expected.merge(groups.item(i).getTextContent().trim(), 1L, Long::sum);
        assertEquals(expected, actual);
        assertEquals(37L, actual.get("wonen"));
        assertEquals(12L, actual.get("bedrijf"));
        assertEquals(10L, actual.get("agrarisch"));
        assertEquals(3L, actual.get("recreatie"));
    }

    @Test
    void rolesFollowTheMapping() throws Exception {
        Map<Role, Long> byRole =
                features.features().stream().collect(Collectors.groupingBy(Feature::role, Collectors.counting()));
        assertEquals(
                count("//imro:Enkelbestemming[imro:bestemmingshoofdgroep='bedrijf']"),
                byRole.get(Role.BUSINESS_PARK).intValue());
        assertEquals(
                count("//imro:Enkelbestemming[imro:bestemmingshoofdgroep='recreatie']"),
                byRole.get(Role.RECREATION_ZONE).intValue());
        assertEquals(
                count("//imro:Enkelbestemming[imro:bestemmingshoofdgroep='wonen']"),
                byRole.get(Role.BUILT_UP_AREA).intValue());
        // water: background only
        int water = count("//imro:Enkelbestemming[imro:bestemmingshoofdgroep='water']");
        assertTrue(water > 0, "the plan has water");
        assertEquals(water, byRole.get(Role.WATER).intValue());
        // agricultural plots: Bouwvlakken whose bestemmingsvlak reference is an agrarisch Enkelbestemming
        Map<String, String> hoofdgroepById = new HashMap<>();
        NodeList enkel = nodes("//imro:Enkelbestemming", dom);
        for (int i = 0; i < enkel.getLength(); i++) {
            Element e = (Element) enkel.item(i);
            hoofdgroepById.put(e.getAttribute("gml:id"), xpath.evaluate(q("imro:bestemmingshoofdgroep"), e));
        }
        NodeList refs = nodes("//imro:Bouwvlak/imro:bestemmingsvlak/@xlink:href", dom);
        int agrarisch = 0;
        for (int i = 0; i < refs.getLength(); i++) {
            if ("agrarisch"
                    .equals(hoofdgroepById.get(refs.item(i).getNodeValue().substring(1)))) agrarisch++;
        }
        assertEquals(count("//imro:Bouwvlak"), refs.getLength(), "every Bouwvlak here has a bestemmingsvlak reference");
        // This village plan has no building plot inside agrarisch (the data README says so); the IMRO2006 and
        // IMRO2012 fixtures test the agricultural_plot rule.
        assertEquals(0, agrarisch);
        assertEquals(agrarisch, byRole.getOrDefault(Role.AGRICULTURAL_PLOT, 0L).intValue());
        assertEquals(null, byRole.get(Role.VILLAGE));
    }

    @Test
    void allPolygonsAreValid() {
        for (PlanObject o : plan.objects()) {
            if (o.geometry() != null) assertTrue(o.geometry().isValid(), o.gmlId());
        }
        assertEquals(List.of(), plan.repaired(), "no geometry needed repair");
        for (Feature f : features.features()) {
            assertTrue(
                    f.geometry().isValid() && f.geometry().getArea() > 0,
                    f.provenance().sourceId());
            assertEquals(28992, f.geometry().getSRID());
        }
    }

    @Test
    void aRecreationZoneCarriesItsEvidence() throws Exception {
        Feature f = byGmlId("NL.IMRO.118"); // the first Verblijfsrecreatieve doeleinden in the file
        assertEquals(Role.RECREATION_ZONE, f.role());
        assertEquals("Verblijfsrecreatieve doeleinden", f.attribute("name"));
        assertEquals(PLAN, f.attribute("imro.plan"));
        assertEquals("12", f.attribute("imro.artikel"));
        assertEquals("recreatie", f.attribute("imro.hoofdgroep"));
        assertEquals("concept", f.attribute("imro.planStatus"));
        assertEquals(PLAN, f.provenance().source());
        assertEquals("NL.IMRO.118", f.provenance().sourceId());
        assertEquals("Enkelbestemming recreatie, artikel 12", f.provenance().sourceTag());
    }

    @Test
    void aBouwvlakMatchesItsPosListExactly() throws Exception {
        // NL.IMRO.1: a plain LinearRing, so the polygon is exactly the posList of the file
        Geometry expected = new WKTReader()
                .read(
                        "POLYGON ((252409.449 561304.491, 252503.55 561132.91, 252510.43 561136.82,"
                                + " 252508.809 561139.775, 252515.035 561143.19, 252422.728 561311.472, 252426.48 561313.56,"
                                + " 252418.269 561332.741, 252404.479 561326.838, 252413.202 561306.464, 252409.449 561304.491))");
        PlanObject bv = plan.objects("Bouwvlak").stream()
                .filter(o -> o.gmlId().equals("NL.IMRO.1"))
                .findFirst()
                .orElseThrow();
        assertTrue(expected.equalsExact(bv.geometry(), 1e-9), bv.geometry().toText());
        assertEquals("NL.IMRO.108", bv.bestemmingsvlak());
    }

    @Test
    void agriculturalPlotsAreBouwvlakkenInsideAgrarisch() {
        List<Feature> plots = features.features().stream()
                .filter(f -> f.role() == Role.AGRICULTURAL_PLOT)
                .toList();
        for (Feature p : plots) {
            assertEquals("agrarisch", p.attribute("imro.hoofdgroep"));
            assertEquals("11", p.attribute("imro.artikel"));
            assertEquals(
                    "Bouwvlak in Enkelbestemming agrarisch, artikel 11",
                    p.provenance().sourceTag());
            Feature parent = byGmlId(p.attribute("imro.bestemmingId"));
            assertTrue(parent == null || parent.geometry().buffer(0.01).covers(p.geometry()));
        }
    }

    @Test
    void areasOfConcreteFeatures() {
        // shoelace areas of the same posLists, computed independently with Python
        Map<String, Double> expected = Map.of(
                "NL.IMRO.118", 8300.959, "NL.IMRO.130", 7303.591, "NL.IMRO.156", 4888.390, "NL.IMRO.200", 1362.502);
        expected.forEach((id, area) -> assertEquals(area, byGmlId(id).geometry().getArea(), 0.001, id));
        assertEquals(Role.BUSINESS_PARK, byGmlId("NL.IMRO.200").role());
        assertEquals("bedrijfswoning", byGmlId("NL.IMRO.200").attribute("imro.functieaanduiding"));
    }

    @Test
    void functionLabelsBecomeAttributes() {
        long withBedrijfswoning = features.features().stream()
                .filter(f -> f.attribute("imro.functieaanduiding") != null
                        && f.attribute("imro.functieaanduiding").contains("bedrijfswoning"))
                .count();
        assertTrue(withBedrijfswoning > 0);
        assertTrue(features.features().stream()
                .anyMatch(f -> f.attribute("imro.maatvoering") != null
                        && f.attribute("imro.maatvoering").contains("maximaal aantal wooneenheden=")));
        assertTrue(features.features().stream()
                .anyMatch(f -> f.attribute("imro.maatvoering") != null
                        && f.attribute("imro.maatvoering").contains("maximum oppervlakte (m2)=")));
    }

    @Test
    void arcsAreDensifiedWithinTolerance() throws Exception {
        // NL.IMRO.258 (Dubbelbestemming) has an interior Ring made of gml:Arc segments; each arc's middle point
        // (on the true circle) lies within the 0.1 m tolerance of the densified boundary.
        PlanObject o = plan.objects().stream()
                .filter(x -> "NL.IMRO.258".equals(x.gmlId()))
                .findFirst()
                .orElseThrow();
        org.locationtech.jts.geom.Polygon p = (org.locationtech.jts.geom.Polygon) o.geometry();
        assertEquals(1, p.getNumInteriorRing());
        Geometry hole = p.getInteriorRingN(0);
        Geometry onArc = new WKTReader().read("POINT (252142.983 560825.116)");
        assertTrue(hole.distance(onArc) < 0.1, "distance " + hole.distance(onArc));
        assertTrue(hole.getNumPoints() > 12, "arcs were densified: " + hole.getNumPoints());
    }

    static Feature byGmlId(String id) {
        return features.features().stream()
                .filter(f -> f.provenance().sourceId().equals(id))
                .findFirst()
                .orElse(null);
    }
}
