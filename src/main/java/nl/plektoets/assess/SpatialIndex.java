package nl.plektoets.assess;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import nl.plektoets.criteria.SpatialLookup;
import nl.plektoets.data.Dataset;
import nl.plektoets.data.Feature;
import nl.plektoets.data.Role;
import org.locationtech.jts.algorithm.Distance;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.algorithm.locate.PointOnGeometryLocator;
import org.locationtech.jts.algorithm.locate.SimplePointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.Puntal;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.distance.IndexedFacetDistance;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

/**
 * The dataset's layers behind {@link SpatialLookup}: one STRtree per role over features with their point locators
 * (indexed for polygons with many vertices), prepared geometries and facet-distance indexes, built once. Merged
 * areas per role (for edge distances of business parks) are built on first use. Immutable after construction
 * apart from those lazily built, safely published merged areas; safe for concurrent queries.
 */
public final class SpatialIndex implements SpatialLookup {
    /** Below this many vertices a plain ring scan beats building an interval index. */
    private static final int INDEX_VERTICES = 32;

    /**
     * A point this close to an area's boundary is on it, and on the boundary counts as inside ("covers") for every
     * role. Not a policy number but the precision sites arrive in: the API writes CRS84 with 7 decimals (about 1 cm)
     * and RD New with 3, so an address on a node of its building's outline, sent back as the API wrote it, lies up
     * to half a centimetre beside the vertex, often just outside a convex corner (issue 11 item 10).
     */
    public static final double BOUNDARY_TOLERANCE_M = 0.01;

    private final Map<Role, RoleLayer> layers = new EnumMap<>(Role.class);

    public SpatialIndex(Dataset dataset) {
        for (Role role : Role.values()) layers.put(role, new RoleLayer(dataset.layer(role)));
    }

    private static final class Entry {
        final Feature feature;
        final Geometry geometry;
        final boolean areal;
        final PointOnGeometryLocator locator;
        final PreparedGeometry prepared;
        final IndexedFacetDistance facets;
        final Coordinate point;

        Entry(Feature f) {
            this.feature = f;
            this.geometry = f.geometry();
            this.point = geometry instanceof Point p && !p.isEmpty() ? p.getCoordinate() : null;
            this.areal = geometry instanceof Polygonal;
            boolean big = geometry.getNumPoints() >= INDEX_VERTICES;
            this.locator = !areal
                    ? null
                    : big ? new IndexedPointInAreaLocator(geometry) : new SimplePointInAreaLocator(geometry);
            this.prepared = geometry instanceof Puntal ? null : PreparedGeometryFactory.prepare(geometry);
            this.facets = big ? new IndexedFacetDistance(geometry) : null;
        }

        boolean covers(Geometry site) {
            if (!areal) return false;
            if (site instanceof Point p) return coversPoint(p);
            return prepared.covers(site);
        }

        boolean intersects(Geometry site) {
            if (site instanceof Point p && areal) return coversPoint(p);
            return prepared != null ? prepared.intersects(site) : geometry.intersects(site);
        }

        /** Inside, on the boundary (both locators answer BOUNDARY there), or within the tolerance of it. */
        private boolean coversPoint(Point p) {
            Coordinate c = p.getCoordinate();
            if (locator.locate(c) != Location.EXTERIOR) return true;
            return facets != null
                    ? facets.isWithinDistance(p, BOUNDARY_TOLERANCE_M)
                    : pointDistance(c) <= BOUNDARY_TOLERANCE_M;
        }

        double distance(Geometry site) {
            // point to point (addresses, sources): the plain distance, which is what the general path computes
            if (point != null && site instanceof Point p)
                return p.getCoordinate().distance(point);
            // a point beside a small area: intersects would scan the segments for the tolerance and the distance scan
            // them again; one scan gives both (inside: 0; within the tolerance: 0; else the distance)
            if (areal && facets == null && site instanceof Point p) {
                Coordinate c = p.getCoordinate();
                if (locator.locate(c) != Location.EXTERIOR) return 0;
                double d = pointDistance(c);
                return d <= BOUNDARY_TOLERANCE_M ? 0 : d;
            }
            if (intersects(site)) return 0;
            if (site instanceof Point p) return pointDistance(p.getCoordinate());
            return facets != null ? facets.distance(site) : geometry.distance(site);
        }

        /** Distance from an outside point to the feature's lines: a plain scan, no allocation per segment. */
        private double pointDistance(Coordinate c) {
            double[] best = {Double.POSITIVE_INFINITY};
            geometry.apply((org.locationtech.jts.geom.CoordinateSequenceFilter) new SegmentScan(c, best));
            return best[0];
        }
    }

    /** Minimum distance from a point to the segments (or points) of each coordinate sequence of a geometry. */
    private static final class SegmentScan implements org.locationtech.jts.geom.CoordinateSequenceFilter {
        private final Coordinate c;
        private final double[] best;
        private final Coordinate a = new Coordinate();
        private final Coordinate b = new Coordinate();

        SegmentScan(Coordinate c, double[] best) {
            this.c = c;
            this.best = best;
        }

        @Override
        public void filter(org.locationtech.jts.geom.CoordinateSequence seq, int i) {
            double d;
            if (seq.size() == 1) {
                d = c.distance(seq.getCoordinate(0));
            } else if (i == 0) {
                return;
            } else {
                seq.getCoordinate(i - 1, a);
                seq.getCoordinate(i, b);
                d = Distance.pointToSegment(c, a, b);
            }
            if (d < best[0]) best[0] = d;
        }

        @Override
        public boolean isDone() {
            return false;
        }

        @Override
        public boolean isGeometryChanged() {
            return false;
        }
    }

    /** A connected part of the merged area of a role, with its own locator and boundary distance index. */
    private record RegionPart(Geometry geometry, PointOnGeometryLocator locator, IndexedFacetDistance facets) {}

    /** One boundary segment of a merged area, indexed so a capped point distance needs no per-query allocation. */
    private record Segment(Coordinate a, Coordinate b) {
        double distance(Coordinate c) {
            return Distance.pointToSegment(c, a, b);
        }
    }

    /** The merged area of a role: parts by envelope, and all their boundary segments. */
    private record Region(List<RegionPart> parts, STRtree partTree, STRtree segmentTree) {}

    private static final class RoleLayer {
        final List<Entry> entries = new ArrayList<>();
        final STRtree tree = new STRtree();
        private volatile Region region;

        RoleLayer(List<Feature> features) {
            for (Feature f : features) {
                Entry e = new Entry(f);
                entries.add(e);
                tree.insert(f.geometry().getEnvelopeInternal(), e);
            }
            tree.build();
        }

        @SuppressWarnings("unchecked")
        List<Entry> query(Envelope env) {
            if (entries.isEmpty()) return List.of();
            return tree.query(env);
        }

        Region region() {
            Region r = region;
            if (r == null) {
                synchronized (this) {
                    r = region;
                    if (r == null) {
                        r = buildRegion();
                        region = r;
                    }
                }
            }
            return r;
        }

        private Region buildRegion() {
            List<Geometry> areas = new ArrayList<>();
            for (Entry e : entries) if (e.areal) areas.add(e.geometry);
            List<RegionPart> parts = new ArrayList<>();
            STRtree partTree = new STRtree();
            STRtree segmentTree = new STRtree();
            if (!areas.isEmpty()) {
                Geometry merged = OverlayNGRobust.union(areas);
                for (int i = 0; i < merged.getNumGeometries(); i++) {
                    Geometry g = merged.getGeometryN(i);
                    if (!(g instanceof Polygon poly) || g.isEmpty()) continue;
                    RegionPart part = new RegionPart(g, new IndexedPointInAreaLocator(g), new IndexedFacetDistance(g));
                    parts.add(part);
                    partTree.insert(g.getEnvelopeInternal(), part);
                    addSegments(segmentTree, poly.getExteriorRing().getCoordinates());
                    for (int h = 0; h < poly.getNumInteriorRing(); h++) {
                        addSegments(segmentTree, poly.getInteriorRingN(h).getCoordinates());
                    }
                }
            }
            partTree.build();
            segmentTree.build();
            return new Region(List.copyOf(parts), partTree, segmentTree);
        }

        private static void addSegments(STRtree tree, Coordinate[] ring) {
            for (int i = 1; i < ring.length; i++) {
                Coordinate a = ring[i - 1];
                Coordinate b = ring[i];
                tree.insert(new Envelope(a, b), new Segment(a, b));
            }
        }
    }

    /** Builds the merged areas of a role now instead of on the first request (keeps the first request fast). */
    public void prepareRegions(Role role) {
        layers.get(role).region();
    }

    @Override
    public boolean hasData(Role role) {
        return !layers.get(role).entries.isEmpty();
    }

    @Override
    public List<Hit> containing(Role role, Geometry site) {
        List<Hit> out = null;
        for (Entry e : layers.get(role).query(searchEnvelope(site))) {
            if (e.covers(site)) {
                if (out == null) out = new ArrayList<>(2);
                out.add(new Hit(e.feature, 0));
            }
        }
        return sortById(out);
    }

    @Override
    public List<Hit> intersecting(Role role, Geometry site) {
        List<Hit> out = null;
        for (Entry e : layers.get(role).query(searchEnvelope(site))) {
            if (e.intersects(site)) {
                if (out == null) out = new ArrayList<>(2);
                out.add(new Hit(e.feature, 0));
            }
        }
        return sortById(out);
    }

    @Override
    public List<Hit> withinDistance(Role role, Geometry site, double distanceM) {
        Envelope env = new Envelope(site.getEnvelopeInternal());
        env.expandBy(Math.max(distanceM, BOUNDARY_TOLERANCE_M));
        List<Hit> out = null;
        for (Entry e : layers.get(role).query(env)) {
            double d = e.distance(site);
            if (d <= distanceM) {
                if (out == null) out = new ArrayList<>(2);
                out.add(new Hit(e.feature, d));
            }
        }
        if (out == null) return List.of();
        if (out.size() > 1) out.sort(NEAREST_FIRST);
        return out;
    }

    /**
     * Each entry's envelope grown by its own distance in an STRtree, so a site's candidates are the entries that could
     * lie within their own distance, not all within the largest. Only candidates: every hit passes withinDistance's
     * own tests (the envelope in its search box, the distance at most the maximum), so the hits are exactly its hits
     * within their own distance.
     */
    @Override
    public Reach reach(Role role, ToDoubleFunction<Feature> ownM) {
        STRtree tree = new STRtree();
        List<Reaching> unbounded = new ArrayList<>(0);
        for (Entry e : layers.get(role).entries) {
            double own = ownM.applyAsDouble(e.feature);
            Envelope env = e.geometry.getEnvelopeInternal();
            // NaN or negative: never within; an empty geometry: never a candidate of the spatial index's queries
            if (!(own >= 0) || env.isNull()) continue;
            Reaching r = new Reaching(e, own);
            if (own >= REACH_UNBOUNDED_M) {
                unbounded.add(r);
                continue;
            }
            Envelope grown = new Envelope(env);
            // the tolerance as withinDistance's box has it, and a margin for the rounding of the grown envelope and
            // of the distance (a candidate too many is measured and dropped; one too few would be a wrong answer)
            grown.expandBy(Math.max(own, BOUNDARY_TOLERANCE_M) * (1 + 1e-9) + 1e-6);
            tree.insert(grown, r);
        }
        tree.build();
        return new EntryReach(tree, List.copyOf(unbounded));
    }

    /** An own distance beyond this is measured for every site (an STRtree of infinite envelopes would not sort). */
    private static final double REACH_UNBOUNDED_M = 1e12;

    private record Reaching(Entry entry, double ownM) {}

    private static final class EntryReach implements Reach {
        private final STRtree tree;
        private final List<Reaching> unbounded;

        EntryReach(STRtree tree, List<Reaching> unbounded) {
            this.tree = tree;
            this.unbounded = unbounded;
        }

        @Override
        public List<Hit> within(Geometry site, double maxM) {
            Envelope siteEnv = site.getEnvelopeInternal();
            // withinDistance's search box: a feature outside it is never its hit
            Envelope box = new Envelope(siteEnv);
            box.expandBy(Math.max(maxM, BOUNDARY_TOLERANCE_M));
            List<Hit> out = null;
            @SuppressWarnings("unchecked")
            List<Reaching> candidates = tree.query(siteEnv);
            for (int i = 0, n = candidates.size() + unbounded.size(); i < n; i++) {
                Reaching r = i < candidates.size() ? candidates.get(i) : unbounded.get(i - candidates.size());
                Entry e = r.entry();
                if (!e.geometry.getEnvelopeInternal().intersects(box)) continue;
                double d = e.distance(site);
                if (d <= maxM && d <= r.ownM()) {
                    if (out == null) out = new ArrayList<>(2);
                    out.add(new Hit(e.feature, d));
                }
            }
            if (out == null) return List.of();
            if (out.size() > 1) out.sort(NEAREST_FIRST);
            return out;
        }
    }

    /** Nearest first, then by feature id (one comparator for every query, not one built per call). */
    private static final Comparator<Hit> NEAREST_FIRST = Comparator.comparingDouble(Hit::distanceM)
            .thenComparingLong(h -> h.feature().id());

    @Override
    public RegionDistance regionDistance(Role role, Point point, double maxDistanceM) {
        Region region = layers.get(role).region();
        if (region.parts().isEmpty()) return new RegionDistance(false, Double.POSITIVE_INFINITY);
        Coordinate c = point.getCoordinate();
        RegionPart inside = null;
        @SuppressWarnings("unchecked")
        List<RegionPart> candidates = region.partTree().query(point.getEnvelopeInternal());
        for (RegionPart part : candidates) {
            if (part.locator().locate(c) != Location.EXTERIOR) {
                inside = part;
                break;
            }
        }
        double[] best = {Double.POSITIVE_INFINITY};
        Envelope search = new Envelope(c);
        search.expandBy(Math.max(maxDistanceM, BOUNDARY_TOLERANCE_M));
        region.segmentTree().query(search, item -> {
            double d = ((Segment) item).distance(c);
            if (d < best[0]) best[0] = d;
        });
        double d = best[0] <= maxDistanceM ? best[0] : Double.POSITIVE_INFINITY;
        if (inside == null && best[0] <= BOUNDARY_TOLERANCE_M) return new RegionDistance(true, best[0]);
        if (inside != null) {
            // deep inside: no boundary within the cap, so measure exactly (rare: interior sites only)
            return new RegionDistance(
                    true, Double.isInfinite(d) ? inside.facets().distance(point) : d);
        }
        return new RegionDistance(false, d);
    }

    @Override
    public List<Geometry> regionParts(Role role, Envelope envelope) {
        List<Geometry> out = new ArrayList<>();
        for (RegionPart p : layers.get(role).region().parts()) {
            if (p.geometry().getEnvelopeInternal().intersects(envelope)) out.add(p.geometry());
        }
        return out;
    }

    @Override
    public List<Feature> inEnvelope(Role role, Envelope envelope) {
        List<Feature> out = new ArrayList<>();
        for (Entry e : layers.get(role).query(envelope)) out.add(e.feature);
        out.sort(Comparator.comparingLong(Feature::id));
        return out;
    }

    /** A point's envelope grown by the boundary tolerance, so areas it lies just beside are candidates too. */
    private static Envelope searchEnvelope(Geometry site) {
        Envelope env = site.getEnvelopeInternal();
        if (!(site instanceof Point)) return env;
        env = new Envelope(env);
        env.expandBy(BOUNDARY_TOLERANCE_M);
        return env;
    }

    private static final Comparator<Hit> BY_ID =
            Comparator.comparingLong(h -> h.feature().id());

    private static List<Hit> sortById(List<Hit> hits) {
        if (hits == null) return List.of();
        if (hits.size() > 1) hits.sort(BY_ID);
        return Collections.unmodifiableList(hits);
    }
}
