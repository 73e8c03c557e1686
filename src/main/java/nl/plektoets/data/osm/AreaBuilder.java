package nl.plektoets.data.osm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.geom.util.PolygonExtracter;

/**
 * Polygons from closed ways and multipolygon relations, in the working CRS, always valid.
 *
 * <p>Multipolygons: the member ways are joined end to end (by node id, so no coordinate tolerance is involved)
 * into closed rings; each ring's role is then decided by nesting, not by the member role: a ring inside an odd
 * number of other rings is a hole of the smallest ring around it, otherwise it is an outer ring. This survives
 * the common mistakes of wrong or empty roles, and keeps islands inside holes.
 *
 * <p>Repair: an invalid polygon (self-intersection such as a bow-tie, rings crossing) goes through JTS
 * {@link GeometryFixer}, which keeps every part of the area (a bow-tie becomes two triangles) where the older
 * {@code buffer(0)} would drop one lobe; only the polygonal parts of its result are kept.
 */
final class AreaBuilder {
    private final GeometryFactory factory;
    private final LongFunction<Coordinate> coordinates;
    int repaired;
    int dropped;
    int incomplete;

    /** @param coordinates node id to working-CRS coordinate, null for a node the file does not hold */
    AreaBuilder(GeometryFactory factory, LongFunction<Coordinate> coordinates) {
        this.factory = factory;
        this.coordinates = coordinates;
    }

    /** The polygon of a closed way, or null when too few of its nodes exist. */
    Geometry closedWay(long[] refs) {
        LinearRing ring = ring(refs);
        if (ring == null) {
            dropped++;
            return null;
        }
        Polygon polygon = factory.createPolygon(ring);
        // most closed ways are plain buildings and plots: proven valid without JTS's full check (the same polygon)
        return SimpleRing.certainlySimple(ring.getCoordinates()) ? polygon : valid(polygon);
    }

    /** The (multi)polygon of a relation's member ways, or null when no ring closes. */
    Geometry multipolygon(List<long[]> memberWays) {
        List<long[]> rings = joinRings(memberWays);
        List<Polygon> shells = new ArrayList<>();
        List<Double> areas = new ArrayList<>();
        for (long[] r : rings) {
            LinearRing ring = ring(r);
            if (ring == null) continue;
            Polygon p = factory.createPolygon(ring);
            if (p.getArea() > 0) {
                shells.add(p);
                areas.add(p.getArea());
            }
        }
        if (shells.isEmpty()) {
            dropped++;
            return null;
        }
        // largest first, so the first container found scanning backwards is the smallest one
        Integer[] order = new Integer[shells.size()];
        for (int i = 0; i < order.length; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> Double.compare(areas.get(b), areas.get(a)));
        Polygon[] sorted = new Polygon[order.length];
        for (int i = 0; i < order.length; i++) sorted[i] = shells.get(order[i]);
        int[] parent = new int[sorted.length];
        int[] depth = new int[sorted.length];
        IndexedPointInAreaLocator[] locators = new IndexedPointInAreaLocator[sorted.length];
        for (int i = 0; i < sorted.length; i++) {
            Coordinate inside = sorted[i].getInteriorPoint().getCoordinate();
            parent[i] = -1;
            for (int j = i - 1; j >= 0; j--) {
                if (locators[j] == null) locators[j] = new IndexedPointInAreaLocator(sorted[j]);
                if (locators[j].locate(inside) == Location.INTERIOR) {
                    parent[i] = j;
                    break;
                }
            }
            depth[i] = parent[i] < 0 ? 0 : depth[parent[i]] + 1;
        }
        List<Polygon> polygons = new ArrayList<>();
        Map<Integer, List<LinearRing>> holes = new HashMap<>();
        for (int i = 0; i < sorted.length; i++) {
            if (depth[i] % 2 == 1)
                holes.computeIfAbsent(parent[i], k -> new ArrayList<>()).add(sorted[i].getExteriorRing());
        }
        for (int i = 0; i < sorted.length; i++) {
            if (depth[i] % 2 == 0) {
                List<LinearRing> h = holes.getOrDefault(i, List.of());
                polygons.add(factory.createPolygon(sorted[i].getExteriorRing(), h.toArray(new LinearRing[0])));
            }
        }
        Geometry g =
                polygons.size() == 1 ? polygons.get(0) : factory.createMultiPolygon(polygons.toArray(new Polygon[0]));
        return valid(g);
    }

    /** Joins way fragments into closed rings of node ids; fragments that never close are left out. */
    private List<long[]> joinRings(List<long[]> ways) {
        List<long[]> rings = new ArrayList<>();
        List<long[]> open = new ArrayList<>();
        for (long[] w : ways) {
            if (w.length < 2) continue;
            if (w[0] == w[w.length - 1]) rings.add(w);
            else open.add(w);
        }
        // endpoint node id -> indexes of open fragments ending there
        Map<Long, List<Integer>> byEnd = new HashMap<>();
        for (int i = 0; i < open.size(); i++) {
            byEnd.computeIfAbsent(open.get(i)[0], k -> new ArrayList<>()).add(i);
            byEnd.computeIfAbsent(open.get(i)[open.get(i).length - 1], k -> new ArrayList<>())
                    .add(i);
        }
        boolean[] used = new boolean[open.size()];
        boolean unclosed = false;
        for (int start = 0; start < open.size(); start++) {
            if (used[start]) continue;
            used[start] = true;
            LongList ring = new LongList();
            for (long id : open.get(start)) ring.add(id);
            long first = open.get(start)[0];
            long end = open.get(start)[open.get(start).length - 1];
            while (end != first) {
                int next = -1;
                for (int candidate : byEnd.getOrDefault(end, List.of())) {
                    if (!used[candidate]) {
                        next = candidate;
                        break;
                    }
                }
                if (next < 0) break;
                used[next] = true;
                long[] w = open.get(next);
                boolean forward = w[0] == end;
                for (int k = 1; k < w.length; k++) ring.add(forward ? w[k] : w[w.length - 1 - k]);
                end = forward ? w[w.length - 1] : w[0];
            }
            if (end == first) rings.add(ring.toArray());
            else unclosed = true;
        }
        if (unclosed) incomplete++;
        return rings;
    }

    /** A ring from node ids, skipping nodes the file lacks; null when it is no longer a closed ring of 4+ points. */
    private LinearRing ring(long[] refs) {
        List<Coordinate> cs = new ArrayList<>(refs.length);
        boolean missing = false;
        for (long id : refs) {
            Coordinate c = coordinates.apply(id);
            if (c == null) missing = true;
            else cs.add(c);
        }
        if (missing) incomplete++;
        if (cs.size() < 4 || !cs.get(0).equals2D(cs.get(cs.size() - 1))) return null;
        return factory.createLinearRing(cs.toArray(new Coordinate[0]));
    }

    /** The geometry itself when valid, else its repair (polygonal parts only), or null when nothing is left. */
    Geometry valid(Geometry g) {
        if (g.isValid()) return g;
        repaired++;
        Geometry fixed = GeometryFixer.fix(g);
        @SuppressWarnings("unchecked")
        List<Polygon> parts = PolygonExtracter.getPolygons(fixed);
        parts.removeIf(Geometry::isEmpty);
        if (parts.isEmpty()) {
            dropped++;
            return null;
        }
        Geometry out = parts.size() == 1 ? parts.get(0) : factory.createMultiPolygon(parts.toArray(new Polygon[0]));
        return out.isValid() ? out : null;
    }
}
