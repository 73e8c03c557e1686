package nl.plektoets.isochrone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.WKTReader;

/** Which part of a contour becomes the reach area: the origin's polygon, with its holes; islands left out. */
class OriginPartTest {
    final WKTReader wkt = new WKTReader();

    @Test
    void keepsTheOriginsPolygonWithItsHoleAndDropsTheIsland() throws Exception {
        Geometry contour = wkt.read("MULTIPOLYGON (((0 0, 10 0, 10 10, 0 10, 0 0), (4 4, 6 4, 6 6, 4 6, 4 4)),"
                + " ((20 20, 22 20, 22 22, 20 22, 20 20)))");
        Geometry area = IsochroneBuilder.originPart(contour, (Point) wkt.read("POINT (1 1)"));
        assertEquals(wkt.read("POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0), (4 4, 6 4, 6 6, 4 6, 4 4))"), area);
        assertTrue(area.isValid());
    }

    @Test
    void anOriginJustOutsideTakesTheNearestPolygon() throws Exception {
        Geometry contour =
                wkt.read("MULTIPOLYGON (((0 0, 10 0, 10 10, 0 10, 0 0)), ((20 20, 22 20, 22 22, 20 22, 20 20)))");
        assertEquals(
                wkt.read("POLYGON ((20 20, 22 20, 22 22, 20 22, 20 20))"),
                IsochroneBuilder.originPart(contour, (Point) wkt.read("POINT (23 23)")));
        assertTrue(IsochroneBuilder.originPart(wkt.read("MULTIPOLYGON EMPTY"), (Point) wkt.read("POINT (0 0)"))
                .isEmpty());
    }
}
