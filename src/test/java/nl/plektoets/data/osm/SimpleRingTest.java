package nl.plektoets.data.osm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * {@link SimpleRing} may only say "simple" where JTS's validity check says valid: tried on named cases and on many
 * seeded random rings, half on a coarse grid (full of repeated corners, collinear edges, touching and crossing
 * edges) and half as RD New-sized coordinates with tiny offsets (near-collinear corners, where only exact
 * arithmetic decides).
 */
class SimpleRingTest {
    private static final GeometryFactory FACTORY = new GeometryFactory();

    @Test
    void plainShapesAreProvenAndTroubledOnesLeftToJts() {
        assertTrue(simple(0, 0, 10, 0, 10, 10, 0, 10, 0, 0), "a square");
        assertTrue(simple(0, 0, 10, 0, 5, 8, 0, 0), "a triangle");
        assertTrue(simple(0, 0, 10, 0, 10, 10, 5, 3, 0, 10, 0, 0), "a concave five-corner");
        assertFalse(simple(0, 0, 10, 10, 10, 0, 0, 10, 0, 0), "a bow-tie");
        assertFalse(simple(0, 0, 4, 0, 4, 4, 2, 0, 0, 4, 0, 0), "a ring touching itself at a corner");
        assertFalse(simple(0, 0, 10, 0, 10, 0, 10, 10, 0, 10, 0, 0), "a repeated corner");
        assertFalse(simple(0, 0, 5, 0, 10, 0, 10, 10, 0, 10, 0, 0), "three corners on a line");
        assertFalse(simple(0, 0, 10, 0, 10, 10, 10, 5, 0, 10, 0, 0), "a spike folding back");
        assertFalse(simple(0, 0, 10, 0, 0, 0), "too few corners");
        assertFalse(simple(0, 0, 10, 0, 20, 0, 0, 0), "all on a line");
        assertFalse(simple(0, 0, 10, 0, 10, 10, 0, 10, 0, 1), "not closed");
    }

    @Test
    void aRingProvenSimpleIsValidForJtsOnThousandsOfRandomRings() {
        Random random = new Random(2026);
        int proven = 0, valid = 0;
        for (int k = 0; k < 40_000; k++) {
            boolean grid = k % 2 == 0;
            int corners = 3 + random.nextInt(grid ? 8 : 20);
            Coordinate[] c = new Coordinate[corners + 1];
            double cx = 200_000 + random.nextDouble(), cy = 500_000 + random.nextDouble();
            for (int i = 0; i < corners; i++) {
                if (grid) {
                    c[i] = new Coordinate(random.nextInt(4), random.nextInt(4));
                } else {
                    // around a circle, now and then a corner pushed across: mostly simple, sometimes not,
                    // near-collinear
                    double angle = 2 * Math.PI * i / corners + (random.nextInt(6) == 0 ? Math.PI : 0);
                    double r = 10 + (random.nextInt(8) == 0 ? random.nextDouble() * 1e-9 : random.nextDouble() * 5);
                    c[i] = new Coordinate(cx + r * Math.cos(angle), cy + r * Math.sin(angle));
                }
            }
            c[corners] = c[0].copy();
            boolean jts = FACTORY.createPolygon(c).isValid();
            boolean quick = SimpleRing.certainlySimple(c);
            if (quick) {
                assertTrue(jts, "proven simple but invalid for JTS: " + Arrays.toString(c));
                proven++;
            }
            if (jts) valid++;
        }
        assertTrue(valid > 5_000, "enough valid rings tried: " + valid);
        assertTrue(proven > valid / 2, "the quick proof takes most valid rings: " + proven + " of " + valid);
    }

    @Test
    void largeRingsAreLeftToJts() {
        int n = SimpleRing.MAX_CORNERS + 1;
        Coordinate[] c = new Coordinate[n + 1];
        for (int i = 0; i < n; i++) c[i] = new Coordinate(Math.cos(2 * Math.PI * i / n), Math.sin(2 * Math.PI * i / n));
        c[n] = c[0].copy();
        assertTrue(FACTORY.createPolygon(c).isValid());
        assertFalse(SimpleRing.certainlySimple(c));
        assertEquals(n + 1, c.length);
    }

    private static boolean simple(double... xy) {
        Coordinate[] c = new Coordinate[xy.length / 2];
        for (int i = 0; i < c.length; i++) c[i] = new Coordinate(xy[2 * i], xy[2 * i + 1]);
        return SimpleRing.certainlySimple(c);
    }
}
