package nl.plektoets.criteria;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.PrecisionModel;

/** The effect area around a point is exactly JTS's buffer of it: the same coordinates in the same order. */
class NeighboursCircleTest {
    private static final GeometryFactory RD = new GeometryFactory(new PrecisionModel(), 28992);

    private static void same(Point p, double radius) {
        Geometry expected = p.buffer(radius, 16);
        Geometry actual = NeighboursCriterion.circle(p, radius);
        assertEquals(expected.getGeometryType(), actual.getGeometryType());
        assertArrayEquals(expected.getCoordinates(), actual.getCoordinates(), () -> p + " r " + radius);
        for (int i = 0; i < expected.getNumPoints(); i++) {
            Coordinate e = expected.getCoordinates()[i], a = actual.getCoordinates()[i];
            // assertArrayEquals compares x and y with equals2D: the doubles themselves must match
            assertEquals(Double.doubleToLongBits(e.x), Double.doubleToLongBits(a.x), () -> p + " r " + radius);
            assertEquals(Double.doubleToLongBits(e.y), Double.doubleToLongBits(a.y), () -> p + " r " + radius);
        }
        assertEquals(expected.getSRID(), actual.getSRID());
        // the ring's sequence as the factory makes it of the coordinates (its dimension decides what is written)
        var e = ((org.locationtech.jts.geom.Polygon) expected).getExteriorRing().getCoordinateSequence();
        var a = ((org.locationtech.jts.geom.Polygon) actual).getExteriorRing().getCoordinateSequence();
        var made = RD.getCoordinateSequenceFactory().create(expected.getCoordinates());
        assertEquals(made.getClass(), a.getClass());
        assertEquals(made.getDimension(), a.getDimension());
        assertEquals(made.getMeasures(), a.getMeasures());
        assertEquals(e.getDimension(), a.getDimension());
        assertEquals(e.getMeasures(), a.getMeasures());
    }

    @Test
    void theCircleIsTheBufferOfThePoint() {
        Random r = new Random(17);
        double[] radii = {100, 150, 30, 50, 200, 300, 500, 700, 1000, 1500, 12.5, 0.01};
        // RD New over the Netherlands and UTM-like coordinates, with many decimals and on whole metres
        for (int i = 0; i < 8_000; i++) {
            double x = 7_000 + r.nextDouble() * 293_000, y = 289_000 + r.nextDouble() * 340_000;
            if (i % 4 == 0) {
                x = Math.rint(x);
                y = Math.rint(y);
            }
            if (i % 7 == 0) {
                x = 500_000 + r.nextDouble() * 400_000;
                y = 5_000_000 + r.nextDouble() * 1_000_000;
            }
            same(RD.createPoint(new Coordinate(x, y)), radii[i % radii.length]);
        }
        same(RD.createPoint(new Coordinate(0, 0)), 100);
        same(RD.createPoint(new Coordinate(-12.5, 3)), 100);
    }

    @Test
    void aPolygonSiteIsBufferedAsItIs() {
        Geometry square = RD.createPolygon(new Coordinate[] {
            new Coordinate(0, 0),
            new Coordinate(10, 0),
            new Coordinate(10, 10),
            new Coordinate(0, 10),
            new Coordinate(0, 0)
        });
        assertEquals(square.buffer(100, 16), NeighboursCriterion.circle(square, 100));
    }
}
