package nl.plektoets.criteria;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import nl.plektoets.assess.Assessor;
import nl.plektoets.data.Dataset;
import nl.plektoets.data.FixtureDataset;
import nl.plektoets.data.Role;
import nl.plektoets.policy.PolicyProfile;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.algorithm.distance.DiscreteHausdorffDistance;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/** The §5.1.2 edge band as areas, WKT in and out, in the working CRS (RD New metres). */
class BusinessParkBandTest {
    private static final WKTReader WKT = new WKTReader();

    private static Geometry wkt(String s) throws ParseException {
        return WKT.read(s);
    }

    @Test
    void aSquareParkGetsAFrameInsideAndARoundedFrameOutside() throws ParseException {
        Geometry park = wkt("POLYGON ((0 0, 1000 0, 1000 1000, 0 1000, 0 0))");
        BusinessParkBand band = BusinessParkBand.of(park, 100, 50, null);
        // inward buffer of a convex polygon: an exact inner square
        Geometry inside =
                wkt("POLYGON ((0 0, 1000 0, 1000 1000, 0 1000, 0 0), (100 100, 100 900, 900 900, 900 100, 100 100))");
        assertTrue(band.inside().equalsTopo(inside), band.inside().toText());
        // outward: the frame up to 50 m, its corners arcs (buffer segments, so within a few cm of the true circle)
        Geometry outside = wkt(
                "POLYGON ((-50 -50, 1050 -50, 1050 1050, -50 1050, -50 -50), (0 0, 0 1000, 1000 1000, 1000 0, 0 0))");
        assertEquals(0, band.outside().intersection(park).getArea(), 1e-6);
        // four sides plus the corners' arcs, which JTS draws as a 32-gon (8 segments a quadrant) inside the circle
        double polygonArcs = 0.5 * 32 * 50 * 50 * Math.sin(2 * Math.PI / 32);
        assertEquals(4 * 1000 * 50 + polygonArcs, band.outside().getArea(), 0.01);
        double maxGap = DiscreteHausdorffDistance.distance(band.outside(), outside);
        assertTrue(maxGap < 50 * (Math.sqrt(2) - 1) + 0.01, "corner cut off by at most the arc: " + maxGap);
        assertTrue(band.outside().covers(wkt("POINT (1049 500)"))
                && !band.outside().covers(wkt("POINT (1051 500)")));
    }

    @Test
    void theBuiltUpAreaIsCutFromTheOutsideBand() throws ParseException {
        Geometry park = wkt("POLYGON ((0 0, 1000 0, 1000 1000, 0 1000, 0 0))");
        Geometry village = wkt("POLYGON ((1020 -500, 2000 -500, 2000 1500, 1020 1500, 1020 -500))");
        BusinessParkBand band = BusinessParkBand.of(park, 100, 100, village);
        assertTrue(band.outside().covers(wkt("POINT (1010 500)")));
        assertTrue(!band.outside().intersects(wkt("POINT (1050 500)")), "in the village: room rental rules, no band");
        Geometry eastStrip =
                band.outside().intersection(wkt("POLYGON ((1000 0, 1100 0, 1100 1000, 1000 1000, 1000 0))"));
        assertTrue(
                eastStrip.equalsTopo(wkt("POLYGON ((1000 0, 1020 0, 1020 1000, 1000 1000, 1000 0))")),
                eastStrip.toText());
    }

    @Test
    void zeroWidthsGiveEmptyBands() throws ParseException {
        BusinessParkBand band = BusinessParkBand.of(wkt("POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0))"), 0, 0, null);
        assertTrue(band.inside().isEmpty() && band.outside().isEmpty());
    }

    @Test
    void adjacentParksAreOneParkAndTheBandAgreesWithTheClassifier() throws ParseException {
        // two parks sharing the line x=243000: no band along the shared line
        Dataset fixture = FixtureDataset.create();
        java.util.List<nl.plektoets.data.Feature> features = new java.util.ArrayList<>();
        fixture.layers().values().forEach(features::addAll);
        features.add(new nl.plektoets.data.Feature(
                1000,
                Role.BUSINESS_PARK,
                wkt("POLYGON ((243000 509000, 244000 509000, 244000 510000, 243000 510000, 243000 509000))"),
                java.util.Map.of("name", "Oost"),
                null));
        Dataset data = new Dataset(fixture.info(), features);
        PolicyProfile profile = PolicyProfile.load(null);
        Assessor engine = new Assessor(data, profile);
        Geometry west = data.layer(Role.BUSINESS_PARK).get(0).geometry();
        BusinessParkBand band = BusinessParkBand.around(west, profile, engine.lookup());
        assertEquals(2_000_000, band.park().getArea(), 1e-6);
        assertTrue(!band.inside().intersects(wkt("POINT (243000 509500)")), "the shared line is no edge");
        assertTrue(band.inside().covers(wkt("POINT (242050 509500)")));
        // the classifier says the same for points on either side of the band's inner and outer lines
        for (String p : new String[] {
            "POINT (242099 509500)",
            "POINT (242101 509500)",
            "POINT (241901 509500)",
            "POINT (241899 509500)",
            "POINT (243000 509500)"
        }) {
            Geometry pt = wkt(p);
            pt.setSRID(28992);
            String c = LocationClassifier.classify(
                            data.layer(Role.ADDRESS)
                                    .get(0)
                                    .geometry()
                                    .getFactory()
                                    .createGeometry(pt),
                            profile,
                            engine.lookup())
                    .pieces()
                    .get(0)
                    .locationClass()
                    .id();
            boolean inBand = band.inside().covers(pt) || band.outside().covers(pt);
            assertEquals(inBand, c.equals("business_park_edge"), p + " is " + c);
        }
    }
}
