package nl.plektoets.data.gml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;

/** Chord deviation stays within the tolerance, for both directions and at RD-sized coordinates. */
class ArcDensifierTest {
    final ArcDensifier arcs = new ArcDensifier();

    /** Largest distance between the true circle and the chords (the sagitta of the longest chord). */
    static double maxDeviation(Coordinate c, double r, List<Coordinate> pts) {
        double worst = 0;
        for (int i = 0; i + 1 < pts.size(); i++) {
            Coordinate mid =
                    new Coordinate((pts.get(i).x + pts.get(i + 1).x) / 2, (pts.get(i).y + pts.get(i + 1).y) / 2);
            worst = Math.max(worst, r - c.distance(mid));
        }
        return worst;
    }

    @Test
    void quarterArcsBothWays() {
        Coordinate c = new Coordinate(252000, 561000);
        double r = 250;
        for (boolean ccw : new boolean[] {true, false}) {
            Coordinate p0 = new Coordinate(c.x + r, c.y);
            Coordinate p2 = new Coordinate(c.x, c.y + (ccw ? r : -r));
            double a = Math.toRadians(ccw ? 45 : -45);
            Coordinate p1 = new Coordinate(c.x + r * Math.cos(a), c.y + r * Math.sin(a));
            List<Coordinate> out = new ArrayList<>(List.of(p0));
            arcs.appendArc(p0, p1, p2, out);
            assertTrue(out.get(out.size() - 1).equals2D(p2), "end point exact");
            for (Coordinate p : out) assertEquals(r, c.distance(p), 1e-6);
            double dev = maxDeviation(c, r, out);
            assertTrue(dev <= ArcDensifier.MAX_DEVIATION_M + 1e-9, "deviation " + dev);
            assertTrue(dev > ArcDensifier.MAX_DEVIATION_M / 2, "not needlessly dense: " + dev);
            // the arc passes its middle point's side: every vertex is on the same side of chord p0-p2 as p1
            double side1 = Math.signum((p2.x - p0.x) * (p1.y - p0.y) - (p2.y - p0.y) * (p1.x - p0.x));
            for (Coordinate p : out.subList(1, out.size() - 1)) {
                assertEquals(side1, Math.signum((p2.x - p0.x) * (p.y - p0.y) - (p2.y - p0.y) * (p.x - p0.x)));
            }
        }
    }

    @Test
    void collinearPointsAreAStraightLineAndSmallArcsGetFourChords() {
        List<Coordinate> out = new ArrayList<>();
        arcs.appendArc(new Coordinate(0, 0), new Coordinate(1, 1), new Coordinate(2, 2), out);
        assertEquals(List.of(new Coordinate(1, 1), new Coordinate(2, 2)), out);
        assertEquals(4, arcs.chords(0.05, Math.PI));
    }
}
