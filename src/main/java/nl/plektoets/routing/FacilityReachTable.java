package nl.plektoets.routing;

import com.graphhopper.routing.weighting.Weighting;
import com.graphhopper.storage.BaseGraph;
import com.graphhopper.util.EdgeExplorer;
import com.graphhopper.util.EdgeIterator;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * For one mode and one facility category: for every network node, the travel time from that node to the nearest
 * facility of the category and which facility that is. Built by one multi-source Dijkstra with all facilities of
 * the category as sources, so a site's answer is a lookup, never a search.
 *
 * <p>Direction: the policy asks how long it takes to get <em>from</em> the site <em>to</em> the facility. The
 * search starts at the facilities and follows every edge backwards (it relaxes node {@code v} from {@code u} with
 * the time of travelling {@code v -> u}), i.e. it runs on the reversed graph. For walking that changes nothing; for
 * cycling it makes one-way streets count in the right direction.
 *
 * <p>Immutable after construction; thread-safe.
 */
public final class FacilityReachTable {
    private static final int MAGIC = 0x504B5254; // "PKRT"
    private static final int VERSION = 1;

    private final String key;
    private final float[] seconds; // +Infinity where no facility can be reached
    private final int[] nearest; // index into the facility list, -1 where none
    private final int[] facilityEdge; // per facility: the edge it snapped to, -1 when not snappable
    private final double[] facilityFraction; // per facility: position on that edge
    /**
     * The facilities by edge: (edge << 32 | facility), sorted, so a site finds those on its own edge by a
     * binary search, in ascending facility order, instead of going through every facility of the category.
     */
    private final long[] byEdge;

    private FacilityReachTable(
            String key, float[] seconds, int[] nearest, int[] facilityEdge, double[] facilityFraction) {
        this.key = key;
        this.seconds = seconds;
        this.nearest = nearest;
        this.facilityEdge = facilityEdge;
        this.facilityFraction = facilityFraction;
        // every facility, the unsnapped ones under edge -1 as the loop compared them: the same answers for any edge
        long[] pairs = new long[facilityEdge.length];
        for (int f = 0; f < facilityEdge.length; f++) pairs[f] = (long) facilityEdge[f] << 32 | f;
        Arrays.sort(pairs);
        this.byEdge = pairs;
    }

    /**
     * Runs the multi-source search. {@code facilitySnaps.get(i)} is facility {@code i}'s place on the network (empty
     * when it lies too far from any usable edge; such a facility is never the nearest).
     */
    public static FacilityReachTable compute(
            String key, BaseGraph graph, Weighting weighting, List<Optional<NetworkSnap>> facilitySnaps) {
        int n = graph.getNodes();
        double[] millis = new double[n];
        int[] nearest = new int[n];
        Arrays.fill(millis, Double.POSITIVE_INFINITY);
        Arrays.fill(nearest, -1);
        int[] facilityEdge = new int[facilitySnaps.size()];
        double[] facilityFraction = new double[facilitySnaps.size()];
        MinHeap heap = new MinHeap(Math.max(16, n / 4));
        for (int i = 0; i < facilitySnaps.size(); i++) {
            Optional<NetworkSnap> snap = facilitySnaps.get(i);
            facilityEdge[i] = snap.map(NetworkSnap::edge).orElse(-1);
            facilityFraction[i] = snap.map(NetworkSnap::fraction).orElse(0.0);
            if (snap.isEmpty()) continue;
            NetworkSnap s = snap.get();
            // from each end of the facility's edge to the facility itself
            seed(s.baseNode(), s.millisFromBase(), i, millis, nearest, heap);
            seed(s.adjNode(), s.millisFromAdj(), i, millis, nearest, heap);
        }
        EdgeExplorer explorer = graph.createEdgeExplorer();
        while (!heap.isEmpty()) {
            double t = heap.peekKey();
            int u = heap.poll();
            if (t > millis[u]) continue; // stale entry
            EdgeIterator it = explorer.setBaseNode(u);
            while (it.next()) {
                // reverse = true: the time of travelling adj -> base, i.e. from v towards the facility side u
                double w = weighting.calcEdgeWeight(it, true);
                if (Double.isInfinite(w)) continue;
                int v = it.getAdjNode();
                double candidate = t + w;
                if (candidate < millis[v]) {
                    millis[v] = candidate;
                    nearest[v] = nearest[u];
                    heap.add(candidate, v);
                }
            }
        }
        float[] seconds = new float[n];
        for (int v = 0; v < n; v++) seconds[v] = (float) (millis[v] / 1000.0);
        return new FacilityReachTable(key, seconds, nearest, facilityEdge, facilityFraction);
    }

    private static void seed(int node, double t, int facility, double[] millis, int[] nearest, MinHeap heap) {
        if (t < millis[node]) {
            millis[node] = t;
            nearest[node] = facility;
            heap.add(t, node);
        }
    }

    /** The cache key the table was computed for (graph, mode, speed, facility set). */
    public String key() {
        return key;
    }

    public int nodeCount() {
        return seconds.length;
    }

    /** Seconds from {@code node} to the nearest facility, +Infinity when none is reachable. */
    public float seconds(int node) {
        return seconds[node];
    }

    /** Index of the nearest facility from {@code node}, -1 when none is reachable. */
    public int nearest(int node) {
        return nearest[node];
    }

    public int facilityCount() {
        return facilityEdge.length;
    }

    /** The edge facility {@code f} snapped to, -1 when it did not (for tests). */
    int facilityEdge(int f) {
        return facilityEdge[f];
    }

    /** Facility {@code f}'s position on its edge (for tests). */
    double facilityFraction(int f) {
        return facilityFraction[f];
    }

    /**
     * The nearest facility from a snapped site: via either end of the site's edge, or directly along the edge when
     * a facility sits on the same edge. Empty when none is reachable.
     */
    public Optional<Hit> lookup(NetworkSnap site) {
        double best = Double.POSITIVE_INFINITY;
        int bestFacility = -1;
        double viaBase = site.millisToBase() + seconds[site.baseNode()] * 1000.0;
        if (viaBase < best && nearest[site.baseNode()] >= 0) {
            best = viaBase;
            bestFacility = nearest[site.baseNode()];
        }
        double viaAdj = site.millisToAdj() + seconds[site.adjNode()] * 1000.0;
        if (viaAdj < best && nearest[site.adjNode()] >= 0) {
            best = viaAdj;
            bestFacility = nearest[site.adjNode()];
        }
        // the facilities on the site's edge, in ascending order as the loop over all of them met them
        int edge = site.edge();
        for (int i = firstOnEdge(edge); i < byEdge.length && (int) (byEdge[i] >>> 32) == edge; i++) {
            int f = (int) byEdge[i];
            double d = facilityFraction[f] - site.fraction();
            double direct =
                    d >= 0 ? NetworkSnap.part(site.forwardMillis(), d) : NetworkSnap.part(site.backwardMillis(), -d);
            if (direct < best) {
                best = direct;
                bestFacility = f;
            }
        }
        return bestFacility < 0 ? Optional.empty() : Optional.of(new Hit(bestFacility, best / 1000.0));
    }

    /** Where the facilities on {@code edge} start in {@link #byEdge} (its length when there are none). */
    private int firstOnEdge(int edge) {
        int lo = 0, hi = byEdge.length;
        long key = (long) edge << 32;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (byEdge[mid] < key) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    /** The nearest facility's index in the category's facility list and the travel time in seconds. */
    public record Hit(int facility, double seconds) {}

    /** Writes the table (atomically: a temporary file moved into place). */
    public void write(Path file) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (DataOutputStream out =
                new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16))) {
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeUTF(key);
            out.writeInt(seconds.length);
            out.writeInt(facilityEdge.length);
            for (int f = 0; f < facilityEdge.length; f++) {
                out.writeInt(facilityEdge[f]);
                out.writeDouble(facilityFraction[f]);
            }
            for (int v = 0; v < seconds.length; v++) {
                out.writeFloat(seconds[v]);
                out.writeInt(nearest[v]);
            }
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Reads a table written by {@link #write}; empty when the file is missing, damaged or for another key. */
    public static Optional<FacilityReachTable> read(Path file, String expectedKey) {
        if (!Files.isRegularFile(file)) return Optional.empty();
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            if (in.readInt() != MAGIC || in.readInt() != VERSION) return Optional.empty();
            String key = in.readUTF();
            if (!key.equals(expectedKey)) return Optional.empty();
            int n = in.readInt();
            int facilities = in.readInt();
            int[] facilityEdge = new int[facilities];
            double[] facilityFraction = new double[facilities];
            for (int f = 0; f < facilities; f++) {
                facilityEdge[f] = in.readInt();
                facilityFraction[f] = in.readDouble();
            }
            float[] seconds = new float[n];
            int[] nearest = new int[n];
            for (int v = 0; v < n; v++) {
                seconds[v] = in.readFloat();
                nearest[v] = in.readInt();
            }
            return Optional.of(new FacilityReachTable(key, seconds, nearest, facilityEdge, facilityFraction));
        } catch (EOFException e) {
            return Optional.empty(); // truncated: recompute
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
