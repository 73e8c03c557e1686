package nl.plektoets.routing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * An independent walking network for the tests, built straight from the OSM ways without GraphHopper: every way
 * node of a walkable highway is a vertex, every consecutive pair an undirected edge with its haversine length, and
 * everything is walked at the policy's 5 km/h. Walkable: the highway types GraphHopper's foot model accepts, minus
 * motorways, ways tagged foot=no, access=no/private (unless foot=yes/designated/permissive) and, in Germany,
 * bridleways without foot=yes.
 */
final class OsmWalkGraph {
    private static final Set<String> WALKABLE = Set.of(
            "primary",
            "primary_link",
            "secondary",
            "secondary_link",
            "tertiary",
            "tertiary_link",
            "unclassified",
            "residential",
            "living_street",
            "service",
            "track",
            "path",
            "footway",
            "pedestrian",
            "steps",
            "cycleway",
            "road",
            "trunk",
            "trunk_link",
            "bridleway");
    static final double SPEED_M_PER_S = 5.0 / 3.6;

    private final Map<Long, Integer> index = new HashMap<>();
    private final List<OsmTestData.Node> vertices = new ArrayList<>();
    private final List<List<double[]>> adjacency = new ArrayList<>(); // {neighbour, metres}

    OsmWalkGraph(OsmTestData osm) {
        for (OsmTestData.Way w : osm.ways) {
            if (!walkable(w.tags())) continue;
            for (int i = 0; i + 1 < w.nodes().length; i++) {
                OsmTestData.Node a = osm.nodes.get(w.nodes()[i]);
                OsmTestData.Node b = osm.nodes.get(w.nodes()[i + 1]);
                if (a == null || b == null) continue; // clipped at the extract's edge
                int ia = vertex(a);
                int ib = vertex(b);
                double m = haversine(a.lat(), a.lon(), b.lat(), b.lon());
                adjacency.get(ia).add(new double[] {ib, m});
                adjacency.get(ib).add(new double[] {ia, m});
            }
        }
    }

    static boolean walkable(Map<String, String> tags) {
        String highway = tags.get("highway");
        if (highway == null || !WALKABLE.contains(highway)) return false;
        String foot = tags.getOrDefault("foot", "");
        boolean footAllowed = foot.equals("yes") || foot.equals("designated") || foot.equals("permissive");
        if (foot.equals("no") || foot.equals("private")) return false;
        String access = tags.getOrDefault("access", "");
        if ((access.equals("no") || access.equals("private")) && !footAllowed) return false;
        if (highway.equals("bridleway") && !footAllowed) return false;
        String sac = tags.getOrDefault("sac_scale", "hiking");
        return sac.equals("hiking");
    }

    private int vertex(OsmTestData.Node n) {
        return index.computeIfAbsent(n.id(), id -> {
            vertices.add(n);
            adjacency.add(new ArrayList<>());
            return vertices.size() - 1;
        });
    }

    /** The vertex nearest to (lon, lat) in straight line, and its distance. */
    int nearestVertex(double lon, double lat) {
        int best = -1;
        double bestM = Double.POSITIVE_INFINITY;
        for (int i = 0; i < vertices.size(); i++) {
            if (adjacency.get(i).isEmpty()) continue;
            double m =
                    haversine(lat, lon, vertices.get(i).lat(), vertices.get(i).lon());
            if (m < bestM) {
                bestM = m;
                best = i;
            }
        }
        return best;
    }

    /** Walking seconds from {@code from} to every vertex (plain Dijkstra). */
    double[] secondsFrom(int from) {
        double[] metres = new double[vertices.size()];
        Arrays.fill(metres, Double.POSITIVE_INFINITY);
        metres[from] = 0;
        PriorityQueue<double[]> queue = new PriorityQueue<>((x, y) -> Double.compare(x[0], y[0]));
        queue.add(new double[] {0, from});
        while (!queue.isEmpty()) {
            double[] top = queue.poll();
            int u = (int) top[1];
            if (top[0] > metres[u]) continue;
            for (double[] e : adjacency.get(u)) {
                int v = (int) e[0];
                if (metres[u] + e[1] < metres[v]) {
                    metres[v] = metres[u] + e[1];
                    queue.add(new double[] {metres[v], v});
                }
            }
        }
        for (int i = 0; i < metres.length; i++) metres[i] /= SPEED_M_PER_S;
        return metres;
    }

    static double haversine(double lat1, double lon1, double lat2, double lon2) {
        double r = 6_371_000;
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(Math.toRadians(lat1))
                        * Math.cos(Math.toRadians(lat2))
                        * Math.sin(dLon / 2)
                        * Math.sin(dLon / 2);
        return 2 * r * Math.asin(Math.sqrt(a));
    }
}
