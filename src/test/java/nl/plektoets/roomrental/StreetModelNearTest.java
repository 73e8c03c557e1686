package nl.plektoets.roomrental;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import nl.plektoets.data.Dataset;
import nl.plektoets.data.ImportProgress;
import nl.plektoets.data.directory.DataDirectory;
import nl.plektoets.demo.CommittedDemo;
import nl.plektoets.policy.PolicyProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * {@link StreetModel#within}, {@link StreetModel#nearest} and {@link RoomRentalStreetCriterion#resolve} with each
 * distance worked out once answer what the code before answered (copied here: the index query, a DistanceOp per
 * dwelling and per comparison, the stable sort, the stream's first along the street): on the demo and on the real BAG
 * extract (apartments: many dwellings on one point, so ties of equal distance keep the index's order), at 20,000
 * seeded points each (on a dwelling, beside one, anywhere in the extent) and radii from 0.5 to 200 m.
 */
class StreetModelNearTest {
    @TempDir
    static Path tmp;

    static Stream<String> worlds() {
        return Stream.of("demo", "bag");
    }

    static Dataset dataset(String world) throws Exception {
        return world.equals("demo")
                ? DataDirectory.load(CommittedDemo.copyTo(tmp.resolve("demo")), null, ImportProgress.NONE)
                : RealBag.dataset();
    }

    @ParameterizedTest
    @MethodSource("worlds")
    void nearDwellingsAndTheResolvedDwellingAreTheOldOnes(String world) throws Exception {
        Dataset dataset = dataset(world);
        RoomRentalRules rules =
                RoomRentalRules.of(dataset, PolicyProfile.load(null).roomRental());
        StreetModel model = rules.model();
        // the model's index as it is built: the same dwellings inserted in the same order give the same tree
        STRtree index = new STRtree();
        List<Dwelling> all = new ArrayList<>();
        for (Street s : model.streets().values())
            for (Dwelling d : s.dwellings()) {
                index.insert(d.location().getEnvelopeInternal(), d);
                all.add(d);
            }
        index.build();
        Envelope extent = new Envelope();
        for (Dwelling d : all) extent.expandToInclude(d.location().getCoordinate());
        RoomRentalStreetCriterion criterion = new RoomRentalStreetCriterion(rules, RoomRentalPermits.NONE);
        Random random = new Random(20261206);
        double[] radii = {0.5, 1, 5, 25, 60, 200};
        int ties = 0, found = 0, notFound = 0;
        for (int i = 0; i < 20_000; i++) {
            Coordinate c;
            Coordinate at = all.get(random.nextInt(all.size())).location().getCoordinate();
            c = switch (i % 4) {
                case 0 -> new Coordinate(at); // on a dwelling (and its apartments)
                case 1 -> new Coordinate(at.x + random.nextGaussian() * 15, at.y + random.nextGaussian() * 15);
                case 2 -> new Coordinate(at.x + random.nextGaussian() * 0.3, at.y + random.nextGaussian() * 0.3);
                default ->
                    new Coordinate(
                            extent.getMinX() - 300 + random.nextDouble() * (extent.getWidth() + 600),
                            extent.getMinY() - 300 + random.nextDouble() * (extent.getHeight() + 600));
            };
            Point p = all.get(0).location().getFactory().createPoint(c);
            double r = radii[random.nextInt(radii.length)];
            List<Dwelling> expected = oldWithin(index, p, r);
            assertEquals(expected, model.within(p, r), world + " within " + r + " of " + p);
            assertEquals(expected.subList(0, Math.min(5, expected.size())), model.nearest(p, r, 5), "nearest " + p);
            assertEquals(expected.subList(0, Math.min(1, expected.size())), model.nearest(p, r, 1), "nearest 1 " + p);
            for (int k = 1; k < expected.size(); k++)
                if (expected.get(k).location().distance(p)
                        == expected.get(k - 1).location().distance(p)) ties++;

            RoomRentalStreetCriterion.Resolved was = oldResolve(index, rules, p), is = criterion.resolve(p);
            assertEquals(was, is, world + " resolve " + p);
            if (is instanceof RoomRentalStreetCriterion.Found) found++;
            else notFound++;
        }
        // the BAG's apartments share their point: equal distances, kept in the index's order
        if (world.equals("bag")) assertTrue(ties > 1000, "ties of equal distance " + ties);
        assertTrue(found > 5000 && notFound > 500, found + " found, " + notFound + " not");
    }

    @Test
    void anExtentTooLargeForFiftyMetreCellsGetsLargerCellsAndTheSameAnswers() {
        // dwellings spread over 2,000 km (a country's extent in one model): the cells grow, the answers stay
        org.locationtech.jts.geom.GeometryFactory gf = new org.locationtech.jts.geom.GeometryFactory();
        Random random = new Random(5);
        List<Dwelling> ds = new ArrayList<>();
        StreetKey key = new StreetKey("Lange Straat", "Verweg");
        for (int i = 0; i < 3_000; i++) {
            double x = i % 2 == 0 ? random.nextDouble() * 2_000_000 : 1_000_000 + random.nextGaussian() * 300;
            double y = i % 2 == 0 ? random.nextDouble() * 2_000_000 : 1_000_000 + random.nextGaussian() * 300;
            if (i % 10 == 0 && i > 0) { // apartments: on the previous point
                x = ds.get(i - 1).location().getX();
                y = ds.get(i - 1).location().getY();
            }
            ds.add(new Dwelling(
                    i,
                    key,
                    "Lange Straat",
                    "Verweg",
                    "" + (i + 1),
                    i + 1,
                    null,
                    null,
                    gf.createPoint(new Coordinate(x, y)),
                    null));
        }
        STRtree index = new STRtree();
        for (Dwelling d : ds) index.insert(d.location().getEnvelopeInternal(), d);
        index.build();
        List<Dwelling> inTreeOrder = new ArrayList<>();
        for (Object o : index.query(new Envelope(-1e7, 1e7, -1e7, 1e7))) inTreeOrder.add((Dwelling) o);
        DwellingGrid grid = new DwellingGrid(inTreeOrder);
        for (int i = 0; i < 5_000; i++) {
            Coordinate at = ds.get(random.nextInt(ds.size())).location().getCoordinate();
            Point p = gf.createPoint(
                    i % 2 == 0
                            ? new Coordinate(at.x + random.nextGaussian() * 100, at.y + random.nextGaussian() * 100)
                            : new Coordinate(
                                    random.nextDouble() * 2_100_000 - 50_000,
                                    random.nextDouble() * 2_100_000 - 50_000));
            double r = new double[] {0.5, 25, 200, 5_000, 300_000}[random.nextInt(5)];
            List<Dwelling> expected = oldWithin(index, p, r);
            List<DwellingGrid.Hit> hits = new ArrayList<>(grid.within(p, r));
            hits.sort(java.util.Comparator.comparingDouble(DwellingGrid.Hit::distanceM)
                    .thenComparingInt(DwellingGrid.Hit::rank));
            assertEquals(expected, hits.stream().map(DwellingGrid.Hit::dwelling).toList(), "within " + r + " of " + p);
            for (DwellingGrid.Hit h : hits) assertEquals(h.dwelling().location().distance(p), h.distanceM());
        }
    }

    // ---- the code before, as it was ----

    static List<Dwelling> oldWithin(STRtree index, Point p, double metres) {
        Envelope env = new Envelope(p.getCoordinate());
        env.expandBy(metres);
        List<Dwelling> out = new ArrayList<>();
        for (Object o : index.query(env)) {
            Dwelling d = (Dwelling) o;
            if (d.location().distance(p) <= metres) out.add(d);
        }
        out.sort((a, b) -> Double.compare(a.location().distance(p), b.location().distance(p)));
        return out;
    }

    static RoomRentalStreetCriterion.Resolved oldResolve(STRtree index, RoomRentalRules rules, Geometry site) {
        Point p = site instanceof Point pt ? pt : site.getInteriorPoint();
        double near = rules.policy().nearestDwellingM();
        List<Dwelling> close = oldWithin(index, p, Math.max(near, 0.5));
        if (!close.isEmpty()) {
            double best = close.get(0).location().distance(p);
            Dwelling first = close.stream()
                    .filter(d -> d.location().distance(p) <= best + 0.5)
                    .min(Dwelling.ALONG)
                    .orElseThrow();
            return new RoomRentalStreetCriterion.Found(first, best);
        }
        List<Dwelling> candidates = oldWithin(index, p, Math.max(near * 8, 200));
        return new RoomRentalStreetCriterion.NotFound(candidates.subList(0, Math.min(5, candidates.size())));
    }
}
