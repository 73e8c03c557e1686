package nl.plektoets.assess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import nl.plektoets.criteria.SpatialLookup;
import nl.plektoets.data.Dataset;
import nl.plektoets.data.Feature;
import nl.plektoets.data.ImportProgress;
import nl.plektoets.data.Role;
import nl.plektoets.data.directory.DataDirectory;
import nl.plektoets.demo.CommittedDemo;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.algorithm.Distance;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.algorithm.locate.PointOnGeometryLocator;
import org.locationtech.jts.algorithm.locate.SimplePointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.Puntal;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.operation.distance.IndexedFacetDistance;

/**
 * A point site's distance to a feature is the one the spatial index measured before it scanned a small area's segments
 * once for both the boundary tolerance and the distance: {@code withinDistance} of every areal role of the demo gives
 * exactly the hits (features, distances as doubles, order) of the old measure, copied here, at points inside, beside,
 * on and 5 mm / 2 cm off every vertex and edge, and at seeded points, for distances from 0 to 250 m.
 */
class PointDistanceTest {
    private static final GeometryFactory RD = new GeometryFactory(new PrecisionModel(), 28992);
    private static final double TOLERANCE = SpatialIndex.BOUNDARY_TOLERANCE_M;

    @TempDir
    static Path tmp;

    static Dataset demo;
    static SpatialIndex index;

    @BeforeAll
    static void load() throws Exception {
        demo = DataDirectory.load(CommittedDemo.copyTo(tmp.resolve("demo")), null, ImportProgress.NONE);
        index = new SpatialIndex(demo);
    }

    /** The old scan: the least distance to the segments (or lone points) of each coordinate sequence. */
    private static double scan(Geometry g, Coordinate c) {
        double best = Double.POSITIVE_INFINITY;
        for (int n = 0; n < g.getNumGeometries(); n++) {
            Geometry part = g.getGeometryN(n);
            List<CoordinateSequence> seqs = new ArrayList<>();
            if (part instanceof org.locationtech.jts.geom.Polygon poly) {
                seqs.add(poly.getExteriorRing().getCoordinateSequence());
                for (int h = 0; h < poly.getNumInteriorRing(); h++)
                    seqs.add(poly.getInteriorRingN(h).getCoordinateSequence());
            } else if (part instanceof org.locationtech.jts.geom.LineString line) {
                seqs.add(line.getCoordinateSequence());
            } else if (part instanceof Point p) {
                seqs.add(p.getCoordinateSequence());
            }
            for (CoordinateSequence seq : seqs) {
                for (int i = 0; i < seq.size(); i++) {
                    double d;
                    if (seq.size() == 1) d = c.distance(seq.getCoordinate(0));
                    else if (i == 0) continue;
                    else d = Distance.pointToSegment(c, seq.getCoordinate(i - 1), seq.getCoordinate(i));
                    if (d < best) best = d;
                }
            }
        }
        return best;
    }

    /** The old {@code Entry.distance} for a point site: intersects (with the tolerance), else the scan. */
    private static double oldDistance(Feature f, Point p) {
        Geometry g = f.geometry();
        Coordinate c = p.getCoordinate();
        if (g instanceof Point q && !q.isEmpty()) return c.distance(q.getCoordinate());
        boolean big = g.getNumPoints() >= 32;
        boolean intersects;
        if (g instanceof Polygonal) {
            PointOnGeometryLocator locator = big ? new IndexedPointInAreaLocator(g) : new SimplePointInAreaLocator(g);
            intersects = locator.locate(c) != Location.EXTERIOR
                    || (big ? new IndexedFacetDistance(g).isWithinDistance(p, TOLERANCE) : scan(g, c) <= TOLERANCE);
        } else {
            intersects = g instanceof Puntal
                    ? g.intersects(p)
                    : PreparedGeometryFactory.prepare(g).intersects(p);
        }
        return intersects ? 0 : scan(g, c);
    }

    /** The old withinDistance: the features in the grown box, measured the old way, nearest first then by id. */
    private static List<SpatialLookup.Hit> old(Role role, Point p, double r) {
        Envelope box = new Envelope(p.getEnvelopeInternal());
        box.expandBy(Math.max(r, TOLERANCE));
        List<SpatialLookup.Hit> out = new ArrayList<>();
        for (Feature f : index.inEnvelope(role, box)) {
            double d = oldDistance(f, p);
            if (d <= r) out.add(new SpatialLookup.Hit(f, d));
        }
        out.sort(Comparator.comparingDouble(SpatialLookup.Hit::distanceM)
                .thenComparingLong(h -> h.feature().id()));
        return out;
    }

    @Test
    void pointDistancesAreTheOldMeasure() {
        List<Role> roles = List.of(
                Role.BUILDING,
                Role.AGRICULTURAL_PLOT,
                Role.BUSINESS_PARK,
                Role.BUILT_UP_AREA,
                Role.ENVIRONMENTAL_SOURCE,
                Role.RECREATION_ZONE);
        double[] radii = {0, 0.005, 0.01, 0.02, 3, 30, 100, 250};
        Random random = new Random(11);
        int compared = 0, zeroBeside = 0, outside = 0;
        for (Role role : roles) {
            List<Feature> features = demo.layer(role);
            List<Point> points = new ArrayList<>();
            for (int i = 0; i < features.size(); i += role == Role.BUILDING ? 7 : 1) {
                Geometry g = features.get(i).geometry();
                Coordinate[] cs = g.getCoordinates();
                for (int k = 0; k < cs.length; k++) {
                    Coordinate c = cs[k];
                    points.add(RD.createPoint(new Coordinate(c)));
                    points.add(RD.createPoint(new Coordinate(c.x + 0.005, c.y - 0.003)));
                    points.add(RD.createPoint(new Coordinate(c.x - 0.02, c.y)));
                    if (k > 0) {
                        Coordinate m = new Coordinate((c.x + cs[k - 1].x) / 2, (c.y + cs[k - 1].y) / 2);
                        points.add(RD.createPoint(m));
                        points.add(RD.createPoint(new Coordinate(m.x + 0.007, m.y + 0.007)));
                    }
                }
                Envelope env = g.getEnvelopeInternal();
                for (int j = 0; j < 4; j++)
                    points.add(RD.createPoint(new Coordinate(
                            env.getMinX() - 60 + random.nextDouble() * (env.getWidth() + 120),
                            env.getMinY() - 60 + random.nextDouble() * (env.getHeight() + 120))));
            }
            for (int i = 0; i < points.size(); i++) {
                Point p = points.get(i);
                double r = radii[i % radii.length];
                List<SpatialLookup.Hit> expected = old(role, p, r);
                assertEquals(expected, index.withinDistance(role, p, r), () -> role + " " + p + " r " + r);
                compared++;
                for (SpatialLookup.Hit h : expected) {
                    if (h.distanceM() > 0) outside++;
                    else if (!h.feature().geometry().covers(p)) zeroBeside++;
                }
            }
        }
        assertTrue(
                compared > 15_000 && outside > 100_000 && zeroBeside > 1_000,
                compared + " compared, " + outside + " hits outside, " + zeroBeside + " within the tolerance");
    }
}
