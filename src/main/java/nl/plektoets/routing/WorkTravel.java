package nl.plektoets.routing;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.graphhopper.routing.weighting.Weighting;
import com.graphhopper.storage.BaseGraph;
import com.graphhopper.util.EdgeExplorer;
import com.graphhopper.util.EdgeIterator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import nl.plektoets.criteria.WorkTravelLookup;
import nl.plektoets.geo.WorkingCrs;
import nl.plektoets.policy.ReachSettings;
import nl.plektoets.policy.TravelMode;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Puntal;

/**
 * Commuting by bike and by car from a site to workplaces ({@code distance_to_work}, §5.1, §7.1.2) over the network
 * of a {@link ReachIndex}: the bike profile (speeds capped at the policy's cycling speed, as for the reach) and the
 * car profile of {@link RoutingNetwork}.
 *
 * <p>Per workplace and mode one search on the reversed graph gives the time to that workplace from every node, with
 * the length of that fastest route; a site's answer is then a snap and a lookup, as in {@link FacilityReachTable}.
 * Those trees are kept in a bounded cache keyed by where the workplace joins the network, so a planner who moves the
 * site around one initiative's employers pays for the searches once. Thread-safe.
 */
public final class WorkTravel implements WorkTravelLookup {
    /** A search stops beyond this travel time (4 hours): a workplace further away is not reached. */
    static final double MAX_SEARCH_MILLIS = 4 * 3600_000.0;
    /** The trees kept, in bytes of their arrays (8 per node): 64 MiB. */
    static final long CACHE_BYTES = 64L << 20;

    private final RoutingNetwork network;
    private final WorkingCrs crs;
    private final ReachSettings settings;
    private final Cache<TreeKey, Tree> trees;
    /** Where each workplace joins each network: the same employers come back with every site of an initiative. */
    private final Cache<WorkplaceKey, Optional<NetworkSnap>> workplaceSnaps =
            Caffeine.newBuilder().maximumSize(10_000).build();

    private record WorkplaceKey(Mode mode, double x, double y) {}

    private enum Mode {
        BIKE,
        CAR
    }

    private record TreeKey(Mode mode, int edge, long fractionMicros) {}

    /** Per node: milliseconds to the workplace and the length of that route in metres (both +Infinity: unreached). */
    private record Tree(float[] millis, float[] metres, NetworkSnap workplace) {}

    public WorkTravel(ReachIndex reach) {
        this.network = reach.network();
        this.crs = reach.crs();
        this.settings = reach.settings();
        this.trees = Caffeine.newBuilder()
                .maximumWeight(CACHE_BYTES)
                .weigher((TreeKey k, Tree t) -> t.millis().length * 8)
                .build();
    }

    @Override
    public double cyclingSpeedKmh() {
        return settings.cyclingSpeedKmh();
    }

    @Override
    public double maxSnapDistanceM() {
        return settings.maxSnapDistanceM();
    }

    @Override
    public List<Commute> commutes(Geometry site, List<Point> workplaces) {
        List<Coordinate> candidates = candidatesLonLat(site);
        NetworkSnap bikeSite = best(candidates, ll -> network.snap(ll.x, ll.y, TravelMode.BIKE));
        NetworkSnap carSite = best(candidates, ll -> network.snapCar(ll.x, ll.y));
        List<Commute> out = new ArrayList<>(workplaces.size());
        for (Point w : workplaces) {
            Coordinate ll = crs.toLonLat(w.getX(), w.getY());
            Leg bike = leg(
                    Mode.BIKE,
                    bikeSite,
                    network.snap(ll.x, ll.y, TravelMode.BIKE).orElse(null));
            Leg car = leg(Mode.CAR, carSite, network.snapCar(ll.x, ll.y).orElse(null));
            out.add(new Commute(site.distance(w) / 1000.0, bike, car));
        }
        return out;
    }

    private NetworkSnap workplaceSnap(Mode mode, Point w) {
        return workplaceSnaps
                .get(new WorkplaceKey(mode, w.getX(), w.getY()), k -> {
                    Coordinate ll = crs.toLonLat(w.getX(), w.getY());
                    return mode == Mode.BIKE ? network.snap(ll.x, ll.y, TravelMode.BIKE) : network.snapCar(ll.x, ll.y);
                })
                .orElse(null);
    }

    private Leg leg(Mode mode, NetworkSnap site, NetworkSnap workplace) {
        String what = mode == Mode.BIKE ? "cycling" : "driving";
        if (site == null) return Leg.none("no road usable for " + what + " near the site");
        if (site.distanceM() > settings.maxSnapDistanceM()) return Leg.none(tooFar("the site", what, site.distanceM()));
        if (workplace == null) return Leg.none("no road usable for " + what + " near the workplace");
        if (workplace.distanceM() > settings.maxSnapDistanceM())
            return Leg.none(tooFar("the workplace", what, workplace.distanceM()));
        Tree tree = trees.get(
                new TreeKey(mode, workplace.edge(), Math.round(workplace.fraction() * 1e6)),
                k -> search(mode, workplace));
        BaseGraph graph = network.graph();
        double edgeM =
                graph.getEdgeIteratorState(site.edge(), Integer.MIN_VALUE).getDistance();
        double bestMillis = Double.POSITIVE_INFINITY;
        double bestMetres = Double.NaN;
        double viaBase = site.millisToBase() + tree.millis()[site.baseNode()];
        if (viaBase < bestMillis) {
            bestMillis = viaBase;
            bestMetres = site.fraction() * edgeM + tree.metres()[site.baseNode()];
        }
        double viaAdj = site.millisToAdj() + tree.millis()[site.adjNode()];
        if (viaAdj < bestMillis) {
            bestMillis = viaAdj;
            bestMetres = (1 - site.fraction()) * edgeM + tree.metres()[site.adjNode()];
        }
        NetworkSnap w = tree.workplace();
        if (w.edge() == site.edge()) { // both on one edge: straight along it, when that is quicker
            double direct = site.millisAlongEdgeTo(w);
            if (direct < bestMillis) {
                bestMillis = direct;
                bestMetres = Math.abs(w.fraction() - site.fraction()) * edgeM;
            }
        }
        if (Double.isInfinite(bestMillis)) {
            return Leg.none("no " + what + " route from the site to the workplace within "
                    + (int) (MAX_SEARCH_MILLIS / 3600_000) + " hours on the network");
        }
        return new Leg(true, bestMetres / 1000.0, bestMillis / 60_000.0, site.distanceM() + w.distanceM(), null);
    }

    private String tooFar(String what, String mode, double m) {
        return String.format(
                Locale.ROOT,
                "the nearest road usable for %s is %.0f m from %s, more than the %.0f m allowed",
                mode,
                m,
                what,
                settings.maxSnapDistanceM());
    }

    /**
     * Time and length of the fastest route from every node to the workplace: a Dijkstra from the workplace over the
     * reversed edges (relaxing v from u with the time of travelling v -> u, as {@link FacilityReachTable} does), so
     * one-way streets count in the commuting direction, home to work.
     */
    private Tree search(Mode mode, NetworkSnap workplace) {
        BaseGraph graph = network.graph();
        Weighting weighting = mode == Mode.BIKE ? network.weighting(TravelMode.BIKE) : network.carWeighting();
        int n = graph.getNodes();
        double[] millis = new double[n];
        double[] metres = new double[n];
        Arrays.fill(millis, Double.POSITIVE_INFINITY);
        Arrays.fill(metres, Double.POSITIVE_INFINITY);
        double edgeM =
                graph.getEdgeIteratorState(workplace.edge(), Integer.MIN_VALUE).getDistance();
        MinHeap heap = new MinHeap(Math.max(16, n / 4));
        seed(workplace.baseNode(), workplace.millisFromBase(), workplace.fraction() * edgeM, millis, metres, heap);
        seed(workplace.adjNode(), workplace.millisFromAdj(), (1 - workplace.fraction()) * edgeM, millis, metres, heap);
        EdgeExplorer explorer = graph.createEdgeExplorer();
        while (!heap.isEmpty()) {
            double t = heap.peekKey();
            int u = heap.poll();
            if (t > millis[u]) continue; // stale entry
            if (t > MAX_SEARCH_MILLIS) break;
            EdgeIterator it = explorer.setBaseNode(u);
            while (it.next()) {
                double w = weighting.calcEdgeWeight(it, true); // travelling adj -> base: from v towards u
                if (Double.isInfinite(w)) continue;
                int v = it.getAdjNode();
                double candidate = t + w;
                if (candidate < millis[v]) {
                    millis[v] = candidate;
                    metres[v] = metres[u] + it.getDistance();
                    heap.add(candidate, v);
                }
            }
        }
        float[] ms = new float[n];
        float[] m = new float[n];
        for (int v = 0; v < n; v++) {
            boolean reached = millis[v] <= MAX_SEARCH_MILLIS;
            ms[v] = reached ? (float) millis[v] : Float.POSITIVE_INFINITY;
            m[v] = reached ? (float) metres[v] : Float.POSITIVE_INFINITY;
        }
        return new Tree(ms, m, workplace);
    }

    private static void seed(int node, double t, double m, double[] millis, double[] metres, MinHeap heap) {
        if (t < millis[node]) {
            millis[node] = t;
            metres[node] = m;
            heap.add(t, node);
        }
    }

    /** The snap nearest to its query point among the candidates; null when none snapped. */
    private static NetworkSnap best(List<Coordinate> candidates, Function<Coordinate, Optional<NetworkSnap>> snap) {
        NetworkSnap best = null;
        for (Coordinate ll : candidates) {
            NetworkSnap s = snap.apply(ll).orElse(null);
            if (s != null && (best == null || s.distanceM() < best.distanceM())) best = s;
        }
        return best;
    }

    /** A point as itself; a polygon by the points along its boundary (where a plot gets its entrance), as the reach. */
    private List<Coordinate> candidatesLonLat(Geometry site) {
        List<Coordinate> out = new ArrayList<>();
        if (site instanceof Puntal) {
            Coordinate c = site.getCoordinate();
            out.add(crs.toLonLat(c.x, c.y));
            return out;
        }
        for (Coordinate c : ReachIndex.accessCandidates(site)) out.add(crs.toLonLat(c.x, c.y));
        return out;
    }

    /** Trees computed and kept (for the benchmark and tests). */
    public long cachedTrees() {
        return trees.estimatedSize();
    }
}
