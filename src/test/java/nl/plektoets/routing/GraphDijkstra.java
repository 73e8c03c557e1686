package nl.plektoets.routing;

import com.graphhopper.routing.weighting.Weighting;
import com.graphhopper.storage.BaseGraph;
import com.graphhopper.util.EdgeExplorer;
import com.graphhopper.util.EdgeIterator;
import java.util.Arrays;
import java.util.PriorityQueue;

/**
 * A plain forward Dijkstra over GraphHopper's edges and weights, written for the tests: the same network as the
 * code under test, but the straightforward way round (from the site outwards, following edges in their travel
 * direction), to check the reversed multi-source tables against.
 */
final class GraphDijkstra {
    private GraphDijkstra() {}

    /** Milliseconds from the snapped site to every node, travelling forward. */
    static double[] millisFrom(NetworkSnap site, BaseGraph graph, Weighting w) {
        double[] t = new double[graph.getNodes()];
        Arrays.fill(t, Double.POSITIVE_INFINITY);
        PriorityQueue<double[]> q = new PriorityQueue<>((x, y) -> Double.compare(x[0], y[0]));
        relax(t, q, site.baseNode(), site.millisToBase());
        relax(t, q, site.adjNode(), site.millisToAdj());
        EdgeExplorer ex = graph.createEdgeExplorer();
        while (!q.isEmpty()) {
            double[] top = q.poll();
            int u = (int) top[1];
            if (top[0] > t[u]) continue;
            EdgeIterator it = ex.setBaseNode(u);
            while (it.next()) {
                double c = w.calcEdgeWeight(it, false); // travelling base -> adj, i.e. away from the site
                if (!Double.isInfinite(c)) relax(t, q, it.getAdjNode(), t[u] + c);
            }
        }
        return t;
    }

    /** Milliseconds from the nearest of several snapped sources to every node, travelling forward from them. */
    static double[] millisFromAll(Iterable<NetworkSnap> sources, BaseGraph graph, Weighting w) {
        double[] t = new double[graph.getNodes()];
        Arrays.fill(t, Double.POSITIVE_INFINITY);
        PriorityQueue<double[]> q = new PriorityQueue<>((x, y) -> Double.compare(x[0], y[0]));
        for (NetworkSnap s : sources) {
            relax(t, q, s.baseNode(), s.millisToBase());
            relax(t, q, s.adjNode(), s.millisToAdj());
        }
        EdgeExplorer ex = graph.createEdgeExplorer();
        while (!q.isEmpty()) {
            double[] top = q.poll();
            int u = (int) top[1];
            if (top[0] > t[u]) continue;
            EdgeIterator it = ex.setBaseNode(u);
            while (it.next()) {
                double c = w.calcEdgeWeight(it, false);
                if (!Double.isInfinite(c)) relax(t, q, it.getAdjNode(), t[u] + c);
            }
        }
        return t;
    }

    private static void relax(double[] t, PriorityQueue<double[]> q, int node, double value) {
        if (value < t[node]) {
            t[node] = value;
            q.add(new double[] {value, node});
        }
    }
}
