package nl.plektoets.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.graphhopper.routing.util.EdgeFilter;
import com.graphhopper.storage.index.Snap;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntPredicate;
import nl.plektoets.data.Dataset;
import nl.plektoets.data.Feature;
import nl.plektoets.data.ImportProgress;
import nl.plektoets.data.Role;
import nl.plektoets.data.directory.DataDirectory;
import nl.plektoets.demo.CommittedDemo;
import nl.plektoets.geo.WorkingCrs;
import nl.plektoets.policy.ReachSettings;
import nl.plektoets.policy.TravelMode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;

/**
 * {@link SnapGrid#findClosest} gives GraphHopper's {@code LocationIndexTree.findClosest} snap, field for field and
 * double for double (edge, its orientation, node, way index, position, query distance, snapped point), for every snap
 * filter the network uses (each mode's, any mode's, and one that accepts every edge), at every address of the data and
 * at 60,000 seeded points: beside addresses, on and a hair off the network's own nodes (where edges meet and the tie
 * between them is decided by the order the edges are met in), anywhere in the extent, and far outside it. On the demo
 * and on the real extract north of Bayreuth (footways, one-ways, islands, curved ways with many pillars).
 */
@Tag("slow") // imports the demo's layers and its GraphHopper graph
class SnapGridTest {
    @TempDir
    static Path tmp;

    record World(
            String name,
            RoutingNetwork network,
            List<double[]> latLon,
            ReachIndex index,
            Dataset dataset,
            WorkingCrs crs,
            Path dir) {
        @Override
        public String toString() {
            return name;
        }
    }

    static World demo, bayreuth;
    static List<ReachIndex> opened = new ArrayList<>();

    @BeforeAll
    static void open() throws Exception {
        demo = world("demo", CommittedDemo.copyTo(tmp.resolve("demo")), null);
        Path bayreuthDir = BayreuthData.dataDir(tmp.resolve("bayreuth"));
        bayreuth = world("bayreuth", bayreuthDir, BayreuthData.load(bayreuthDir));
    }

    static World world(String name, Path dir, Dataset loaded) {
        Dataset dataset = loaded != null ? loaded : DataDirectory.load(dir, null, ImportProgress.NONE);
        WorkingCrs crs = WorkingCrs.of(dataset.info().workingCrs());
        ReachIndex index = ReachIndex.open(dir, dataset, ReachSettings.defaults());
        opened.add(index);
        RoutingNetwork network = index.network();
        List<Feature> addresses = dataset.layer(Role.ADDRESS);
        List<double[]> points = new ArrayList<>();
        Envelope extent = new Envelope();
        for (Feature a : addresses) {
            Coordinate c = a.geometry().getCentroid().getCoordinate();
            extent.expandToInclude(c);
            Coordinate ll = crs.toLonLat(c.x, c.y);
            points.add(new double[] {ll.y, ll.x});
        }
        Random random = new Random(20261206);
        int nodes = network.graph().getNodes();
        for (int i = 0; i < 60_000; i++) {
            if (i % 4 == 0) {
                Coordinate a = addresses
                        .get(random.nextInt(addresses.size()))
                        .geometry()
                        .getCentroid()
                        .getCoordinate();
                Coordinate ll = crs.toLonLat(a.x + random.nextGaussian() * 40, a.y + random.nextGaussian() * 40);
                points.add(new double[] {ll.y, ll.x});
            } else if (i % 4 == 1) { // on a node, or within centimetres of it: ties between the edges meeting there
                int node = random.nextInt(nodes);
                double lat = network.graph().getNodeAccess().getLat(node);
                double lon = network.graph().getNodeAccess().getLon(node);
                double off = i % 8 == 1 ? 0 : 1e-7 * random.nextGaussian();
                points.add(new double[] {lat + off, lon + (i % 16 == 1 ? 0 : off)});
            } else if (i % 100 != 2) {
                Coordinate ll = crs.toLonLat(
                        extent.getMinX() + random.nextDouble() * extent.getWidth(),
                        extent.getMinY() + random.nextDouble() * extent.getHeight());
                points.add(new double[] {ll.y, ll.x});
            } else { // kilometres outside: beyond the index's rings, or nothing at all
                Coordinate ll = crs.toLonLat(
                        extent.getMinX() - 500 - random.nextDouble() * 20_000,
                        extent.getMaxY() + 500 + random.nextDouble() * 20_000);
                points.add(new double[] {ll.y, ll.x});
            }
        }
        return new World(name, network, points, index, dataset, crs, dir);
    }

    @AfterAll
    static void close() {
        for (ReachIndex i : opened) i.close();
    }

    static java.util.stream.Stream<World> worlds() {
        return java.util.stream.Stream.of(demo, bayreuth);
    }

    @ParameterizedTest
    @MethodSource("worlds")
    void everySnapIsGraphHoppersOwn(World world) {
        RoutingNetwork network = world.network();
        SnapGrid grid = network.grid();
        assertNotNull(grid, "the grid is built for a heap graph");
        assertTrue(grid.entries() >= network.graph().getEdges(), "every edge lies in a tile");
        List<String> names = new ArrayList<>();
        List<EdgeFilter> filters = new ArrayList<>();
        List<IntPredicate> tests = new ArrayList<>();
        for (TravelMode mode : TravelMode.values()) {
            EdgeFilter f = network.snapFilter(mode); // GraphHopper's own filter, not the bits
            names.add(mode.id());
            filters.add(f);
            tests.add(e -> f.accept(network.graph().getEdgeIteratorState(e, Integer.MIN_VALUE)));
        }
        names.add("any");
        filters.add(edge -> filters.get(0).accept(edge) || filters.get(1).accept(edge));
        tests.add(e -> tests.get(0).test(e) || tests.get(1).test(e));
        names.add("all");
        filters.add(EdgeFilter.ALL_EDGES);
        tests.add(e -> true);
        int valid = 0, tower = 0, edge = 0, pillar = 0;
        for (double[] p : world.latLon()) {
            for (int k = 0; k < filters.size(); k++) {
                Snap expected = network.locationIndex().findClosest(p[0], p[1], filters.get(k));
                Snap got = grid.findClosest(p[0], p[1], tests.get(k));
                String where = names.get(k) + " at " + p[0] + " " + p[1];
                assertEquals(describe(expected), describe(got), where);
                if (expected.isValid()) {
                    valid++;
                    switch (expected.getSnappedPosition()) {
                        case TOWER -> tower++;
                        case EDGE -> edge++;
                        case PILLAR -> pillar++;
                    }
                }
            }
        }
        assertTrue(valid > 200_000, "valid " + valid);
        assertTrue(tower > 20_000 && edge > 20_000, "tower " + tower + ", edge " + edge + ", pillar " + pillar);
        if (world == bayreuth) assertTrue(pillar > 100, "pillar " + pillar);
    }

    @ParameterizedTest
    @MethodSource("worlds")
    void theEdgeTimesKeptAreTheWeightingsOwn(World world) {
        RoutingNetwork network = world.network();
        int infinite = 0, finite = 0;
        for (TravelMode mode : TravelMode.values()) {
            for (int e = 0; e < network.graph().getEdges(); e++) {
                var edge = network.graph().getEdgeIteratorState(e, Integer.MIN_VALUE);
                for (boolean reverse : new boolean[] {false, true}) {
                    double expected = network.weighting(mode).calcEdgeWeight(edge, reverse);
                    double got = network.snapEdgeWeight(mode, e, reverse);
                    assertEquals(
                            Double.doubleToRawLongBits(expected),
                            Double.doubleToRawLongBits(got),
                            mode + " edge " + e + " reverse " + reverse);
                    if (Double.isInfinite(expected)) infinite++;
                    else finite++;
                }
            }
        }
        assertTrue(finite > 1000, "finite " + finite);
        if (world == bayreuth) assertTrue(infinite > 100, "infinite " + infinite); // one-ways, footways, motorways
    }

    /**
     * The reach at every address's point (as an assessment by address asks it) is the same with the addresses' lon/lat
     * kept ({@link ReachIndex#withAddresses}) as with the inverse projection per request; the kept lon/lat is Proj4J's
     * bit for bit, and a point a hair beside an address is not taken for it.
     */
    @ParameterizedTest
    @MethodSource("worlds")
    void theAddressesLonLatKeptIsTheProjectionsOwn(World world) {
        ReachIndex withAddresses = world.index();
        ReachIndex.KnownPoints known = ReachIndex.KnownPoints.of(world.dataset().layer(Role.ADDRESS), world.crs());
        assertNotNull(known);
        try (ReachIndex without = ReachIndex.on(
                world.network(),
                tmp.resolve(world.name() + "-tables"),
                world.dataset().layer(Role.FACILITY),
                world.crs(),
                withAddresses.settings())) {
            var factory = world.crs().geometryFactory();
            int kept = 0;
            for (Feature a : world.dataset().layer(Role.ADDRESS)) {
                org.locationtech.jts.geom.Point p = a.geometry() instanceof org.locationtech.jts.geom.Point pt
                        ? pt
                        : a.geometry().getInteriorPoint();
                Coordinate c = p.getCoordinate();
                Coordinate expected = world.crs().toLonLat(c.x, c.y);
                Coordinate got = known.lonLat(c.x, c.y);
                assertNotNull(got, "address " + a.id());
                assertEquals(Double.doubleToRawLongBits(expected.x), Double.doubleToRawLongBits(got.x));
                assertEquals(Double.doubleToRawLongBits(expected.y), Double.doubleToRawLongBits(got.y));
                kept++;
                assertEquals(null, known.lonLat(Math.nextUp(c.x), c.y), "beside address " + a.id());
                assertEquals(null, known.lonLat(c.x, Math.nextDown(c.y)), "beside address " + a.id());
                assertEquals(without.reach(p), withAddresses.reach(p), "reach at address " + a.id());
                org.locationtech.jts.geom.Point beside = factory.createPoint(new Coordinate(Math.nextUp(c.x), c.y));
                assertEquals(without.reach(beside), withAddresses.reach(beside), "reach beside address " + a.id());
            }
            assertTrue(kept > 500, "kept " + kept);
        }
    }

    /** Every field of a snap that callers read, doubles as their bits. */
    static String describe(Snap s) {
        if (!s.isValid()) return "invalid";
        return "edge " + s.getClosestEdge().getEdge() + " key "
                + s.getClosestEdge().getEdgeKey() + " base "
                + s.getClosestEdge().getBaseNode() + " adj "
                + s.getClosestEdge().getAdjNode() + " node "
                + s.getClosestNode() + " way " + s.getWayIndex() + " " + s.getSnappedPosition() + " dist "
                + Double.doubleToLongBits(s.getQueryDistance()) + " at "
                + Double.doubleToLongBits(s.getSnappedPoint().lat) + " "
                + Double.doubleToLongBits(s.getSnappedPoint().lon);
    }
}
