package nl.plektoets.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.graphhopper.routing.util.AllEdgesIterator;
import com.graphhopper.routing.util.EdgeFilter;
import com.graphhopper.routing.weighting.Weighting;
import com.graphhopper.storage.index.Snap;
import com.graphhopper.util.DistanceCalcEarth;
import com.graphhopper.util.EdgeIteratorState;
import com.graphhopper.util.FetchMode;
import com.graphhopper.util.PointList;
import com.graphhopper.util.shapes.GHPoint3D;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import nl.plektoets.criteria.ReachLookup;
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
import org.locationtech.jts.geom.Geometry;

/**
 * The snap filters read from bits per edge ({@link RoutingNetwork#acceptedEdges}), the snap's place on its edge shared
 * by the modes and {@link ReachIndex#reach}'s per-mode category arrays answer what the code before them answered: the
 * bits equal GraphHopper's {@code DefaultSnapFilter} on every edge of the demo's graph (both orientations), and
 * {@code snap}, {@code snapAll} and {@code reach} at 20,000 seeded points (beside addresses, anywhere in the extent,
 * far outside it) equal the old computation, copied here, record for record (doubles bit for bit); a table's lookup
 * with the facilities sorted by edge equals the loop over all of them. On the demo (every
 * edge open to both modes) and on the real extract north of Bayreuth (footways, one-ways, motorways, islands).
 */
@Tag("slow") // imports the demo's layers and its GraphHopper graph
class SnapBitsTest {
    @TempDir
    static Path tmp;

    /** One data directory's reach: the demo (fictitious, every edge open to both modes) and north Bayreuth (real). */
    record World(String name, WorkingCrs crs, ReachIndex index, RoutingNetwork network, List<Coordinate> points) {
        @Override
        public String toString() {
            return name;
        }
    }

    static World demo, bayreuth;

    @BeforeAll
    static void open() throws Exception {
        demo = world("demo", CommittedDemo.copyTo(tmp.resolve("demo")), null);
        Path bayreuthDir = BayreuthData.dataDir(tmp.resolve("bayreuth"));
        bayreuth = world("bayreuth", bayreuthDir, BayreuthData.load(bayreuthDir));
    }

    static World world(String name, Path dir, Dataset loaded) throws Exception {
        Dataset dataset = loaded != null ? loaded : DataDirectory.load(dir, null, ImportProgress.NONE);
        WorkingCrs crs = WorkingCrs.of(dataset.info().workingCrs());
        ReachIndex index = ReachIndex.open(dir, dataset, ReachSettings.defaults());
        List<Feature> addresses = dataset.layer(Role.ADDRESS);
        Envelope extent = new Envelope();
        for (Feature a : addresses) extent.expandToInclude(a.geometry().getEnvelopeInternal());
        Random random = new Random(20261206);
        List<Coordinate> points = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            Coordinate c;
            if (i % 3 == 0) {
                Coordinate a = addresses
                        .get(random.nextInt(addresses.size()))
                        .geometry()
                        .getCoordinate();
                c = new Coordinate(a.x + random.nextGaussian() * 40, a.y + random.nextGaussian() * 40);
            } else if (i % 3 == 1 || i % 100 != 2) {
                c = new Coordinate(
                        extent.getMinX() + random.nextDouble() * extent.getWidth(),
                        extent.getMinY() + random.nextDouble() * extent.getHeight());
            } else { // kilometres outside: too far to snap, or nothing at all
                c = new Coordinate(
                        extent.getMinX() - 2000 - random.nextDouble() * 20_000,
                        extent.getMaxY() + 2000 + random.nextDouble() * 20_000);
            }
            points.add(crs.toLonLat(c.x, c.y));
        }
        return new World(name, crs, index, index.network(), points);
    }

    @AfterAll
    static void close() {
        for (World w : new World[] {demo, bayreuth}) if (w != null) w.index().close();
    }

    static java.util.stream.Stream<World> worlds() {
        return java.util.stream.Stream.of(demo, bayreuth);
    }

    @ParameterizedTest
    @MethodSource("worlds")
    void theBitsOfEveryEdgeAreTheSnapFiltersAnswer(World world) {
        RoutingNetwork network = world.network();
        int accepted = 0, rejected = 0;
        for (TravelMode mode : TravelMode.values()) {
            EdgeFilter exact = network.snapFilter(mode);
            long[] bits = RoutingNetwork.acceptedEdges(network.graph(), exact);
            AllEdgesIterator it = network.graph().getAllEdges();
            while (it.next()) {
                int e = it.getEdge();
                boolean bit = (bits[e >>> 6] & (1L << e)) != 0;
                assertEquals(exact.accept(it), bit, mode + " edge " + e);
                EdgeIteratorState reversed = network.graph().getEdgeIteratorState(e, it.getBaseNode());
                assertEquals(exact.accept(reversed), bit, mode + " reversed edge " + e);
                if (bit) accepted++;
                else rejected++;
            }
        }
        assertTrue(accepted > 800, accepted + " accepted");
        // the real extract has edges a mode may not use (footways for bikes, motorways for walkers, islands)
        if (world == bayreuth) assertTrue(rejected > 100, rejected + " rejected");
    }

    @ParameterizedTest
    @MethodSource("worlds")
    void snapsEqualTheOldComputationAtManyPoints(World world) {
        RoutingNetwork network = world.network();
        int snapped = 0, shared = 0, ownQuery = 0;
        for (Coordinate ll : world.points()) {
            Map<TravelMode, Optional<NetworkSnap>> all = network.snapAll(ll.x, ll.y);
            Map<TravelMode, Optional<NetworkSnap>> oldAll = oldSnapAll(network, ll.x, ll.y);
            for (TravelMode mode : TravelMode.values()) {
                String where = mode + " at " + ll.x + " " + ll.y;
                assertEquals(oldSnap(network, ll.x, ll.y, mode), network.snap(ll.x, ll.y, mode), where);
                assertEquals(oldAll.get(mode), all.get(mode), "snapAll " + where);
                if (all.get(mode).isPresent()) snapped++;
            }
            if (all.get(TravelMode.FOOT).isPresent()
                    && all.get(TravelMode.BIKE).isPresent()
                    && all.get(TravelMode.FOOT).get().edge()
                            == all.get(TravelMode.BIKE).get().edge()) shared++;
            else ownQuery++;
        }
        assertTrue(snapped > 30_000, "snapped " + snapped);
        assertTrue(shared > 10_000, "one edge for both modes " + shared);
        // Bayreuth: a mode that may not use the shared edge asks again with its own filter
        if (world == bayreuth) assertTrue(ownQuery > 100, "a mode's own query " + ownQuery);
    }

    @ParameterizedTest
    @MethodSource("worlds")
    void reachEqualsTheOldComputationAtManyPoints(World world) {
        ReachIndex index = world.index();
        WorkingCrs crs = world.crs();
        ReachSettings s = index.settings();
        int trips = 0, unsnapped = 0;
        for (Coordinate ll : world.points()) {
            Coordinate w = crs.fromLonLat(ll.x, ll.y);
            Geometry site = crs.geometryFactory().createPoint(w);
            Map<TravelMode, ReachLookup.Access> got = index.reach(site);
            // the old ReachIndex.reach: accessAll over old snapAll, judged, then nearest per category into a HashMap
            Coordinate back = crs.toLonLat(w.x, w.y);
            Map<TravelMode, Optional<NetworkSnap>> snaps = oldSnapAll(index.network(), back.x, back.y);
            for (TravelMode mode : TravelMode.values()) {
                NetworkSnap best = snaps.get(mode).orElse(null);
                ReachLookup.Access expected;
                if (best == null) {
                    expected = new ReachLookup.Access(
                            false,
                            Double.NaN,
                            "no road or path usable on " + mode.id() + " near the site: the " + mode.id()
                                    + " network does not cover it",
                            Double.NaN,
                            Double.NaN,
                            Map.of());
                } else if (best.distanceM() > s.maxSnapDistanceM()) {
                    expected = new ReachLookup.Access(
                            false,
                            best.distanceM(),
                            String.format(
                                    Locale.ROOT,
                                    "the nearest road or path usable on %s is %.0f m from the site, more than the %.0f"
                                            + " m allowed",
                                    mode.id(),
                                    best.distanceM(),
                                    s.maxSnapDistanceM()),
                            Double.NaN,
                            Double.NaN,
                            Map.of());
                } else {
                    Map<String, ReachLookup.Trip> t = new HashMap<>();
                    for (String category : s.categories())
                        index.nearest(best, category)
                                .ifPresent(n -> t.put(
                                        category, new ReachLookup.Trip(n.facility(), n.minutes(), n.lon(), n.lat())));
                    expected = new ReachLookup.Access(true, best.distanceM(), null, best.lon(), best.lat(), t);
                    trips += t.size();
                }
                if (!expected.snapped()) unsnapped++;
                assertEquals(expected, got.get(mode), mode + " at " + ll.x + " " + ll.y);
            }
        }
        assertTrue(trips > 50_000, "trips " + trips);
        assertTrue(unsnapped > 100, "not snapped " + unsnapped);
    }

    @ParameterizedTest
    @MethodSource("worlds")
    void aTablesLookupFindsTheFacilitiesOnTheSitesEdgeAsTheLoopOverAllDid(World world) {
        Random random = new Random(11);
        int onEdge = 0, looked = 0;
        for (TravelMode mode : TravelMode.values()) {
            for (String category : world.index().facilities().keySet()) {
                FacilityReachTable table = world.index().table(mode, category);
                List<Integer> edges = new ArrayList<>();
                for (int f = 0; f < table.facilityCount(); f++) edges.add(table.facilityEdge(f));
                for (int i = 0; i < 4_000; i++) {
                    // on a facility's edge (or -1, an unsnapped one's), or on any edge of the graph
                    int edge = i % 2 == 0 && !edges.isEmpty()
                            ? edges.get(random.nextInt(edges.size()))
                            : random.nextInt(world.network().graph().getEdges());
                    int base = edge < 0
                            ? 0
                            : world.network()
                                    .graph()
                                    .getEdgeIteratorState(edge, Integer.MIN_VALUE)
                                    .getBaseNode();
                    int adj = edge < 0
                            ? 1
                            : world.network()
                                    .graph()
                                    .getEdgeIteratorState(edge, Integer.MIN_VALUE)
                                    .getAdjNode();
                    double fraction = i % 7 == 0 ? 0.5 : random.nextDouble();
                    NetworkSnap site = new NetworkSnap(
                            mode,
                            edge,
                            base,
                            adj,
                            fraction,
                            0,
                            0,
                            0,
                            0,
                            1,
                            i % 5 == 0 ? Double.POSITIVE_INFINITY : random.nextDouble() * 60_000,
                            random.nextDouble() * 60_000);
                    assertEquals(oldLookup(table, site), table.lookup(site), mode + " " + category + " edge " + edge);
                    if (edges.contains(edge)) onEdge++;
                    looked++;
                }
            }
        }
        assertTrue(onEdge > looked / 3, onEdge + " of " + looked + " on a facility's edge");
    }

    /** FacilityReachTable.lookup before the facilities were sorted by edge. */
    private static Optional<FacilityReachTable.Hit> oldLookup(FacilityReachTable t, NetworkSnap site) {
        double best = Double.POSITIVE_INFINITY;
        int bestFacility = -1;
        double viaBase = site.millisToBase() + t.seconds(site.baseNode()) * 1000.0;
        if (viaBase < best && t.nearest(site.baseNode()) >= 0) {
            best = viaBase;
            bestFacility = t.nearest(site.baseNode());
        }
        double viaAdj = site.millisToAdj() + t.seconds(site.adjNode()) * 1000.0;
        if (viaAdj < best && t.nearest(site.adjNode()) >= 0) {
            best = viaAdj;
            bestFacility = t.nearest(site.adjNode());
        }
        for (int f = 0; f < t.facilityCount(); f++) {
            if (t.facilityEdge(f) != site.edge()) continue;
            double d = t.facilityFraction(f) - site.fraction();
            double direct =
                    d >= 0 ? NetworkSnap.part(site.forwardMillis(), d) : NetworkSnap.part(site.backwardMillis(), -d);
            if (direct < best) {
                best = direct;
                bestFacility = f;
            }
        }
        return bestFacility < 0
                ? Optional.empty()
                : Optional.of(new FacilityReachTable.Hit(bestFacility, best / 1000.0));
    }

    // ---- the code before the bits, as it was ----

    private static Optional<NetworkSnap> oldSnap(RoutingNetwork network, double lon, double lat, TravelMode mode) {
        Snap snap = network.findClosest(lon, lat, mode);
        return snap.isValid()
                ? Optional.of(oldToNetworkSnap(network, snap, lon, lat, mode, network.weighting(mode)))
                : Optional.empty();
    }

    private static Map<TravelMode, Optional<NetworkSnap>> oldSnapAll(RoutingNetwork network, double lon, double lat) {
        EdgeFilter anyMode = edge -> {
            for (TravelMode m : TravelMode.values()) if (network.snapFilter(m).accept(edge)) return true;
            return false;
        };
        Snap any = network.locationIndex().findClosest(lat, lon, anyMode);
        Map<TravelMode, Optional<NetworkSnap>> m = new EnumMap<>(TravelMode.class);
        for (TravelMode mode : TravelMode.values()) {
            if (!any.isValid()) m.put(mode, Optional.empty());
            else if (network.snapFilter(mode).accept(any.getClosestEdge()))
                m.put(mode, Optional.of(oldToNetworkSnap(network, any, lon, lat, mode, network.weighting(mode))));
            else m.put(mode, oldSnap(network, lon, lat, mode));
        }
        return m;
    }

    private static NetworkSnap oldToNetworkSnap(
            RoutingNetwork network, Snap snap, double lon, double lat, TravelMode mode, Weighting w) {
        EdgeIteratorState found = snap.getClosestEdge();
        int edgeId = found.getEdge();
        EdgeIteratorState edge = network.graph().getEdgeIteratorState(edgeId, Integer.MIN_VALUE);
        boolean foundReversed = found.getEdgeKey() != edge.getEdgeKey();
        PointList points = found.fetchWayGeometry(FetchMode.ALL);
        GHPoint3D snapped = snap.getSnappedPoint();
        double total = 0;
        double along = 0;
        int way = snap.getWayIndex();
        for (int i = 0; i + 1 < points.size(); i++) {
            double segment = DistanceCalcEarth.DIST_EARTH.calcDist(
                    points.getLat(i), points.getLon(i), points.getLat(i + 1), points.getLon(i + 1));
            if (i < way) along += segment;
            total += segment;
        }
        switch (snap.getSnappedPosition()) {
            case EDGE ->
                along += DistanceCalcEarth.DIST_EARTH.calcDist(
                        points.getLat(way), points.getLon(way), snapped.lat, snapped.lon);
            case TOWER -> along = snap.getClosestNode() == found.getBaseNode() ? 0 : total;
            case PILLAR -> {}
        }
        double fraction = total > 0 ? Math.min(1, Math.max(0, along / total)) : 0;
        if (foundReversed) fraction = 1 - fraction;
        double forward = w.calcEdgeWeight(edge, false);
        double backward = w.calcEdgeWeight(edge, true);
        return new NetworkSnap(
                mode,
                edgeId,
                edge.getBaseNode(),
                edge.getAdjNode(),
                fraction,
                snapped.lon,
                snapped.lat,
                lon,
                lat,
                snap.getQueryDistance(),
                forward,
                backward);
    }
}
