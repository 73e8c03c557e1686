package nl.plektoets.assess;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import nl.plektoets.criteria.SpatialLookup;
import nl.plektoets.data.Dataset;
import nl.plektoets.data.Feature;
import nl.plektoets.data.Role;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.algorithm.locate.PointOnGeometryLocator;
import org.locationtech.jts.algorithm.locate.SimplePointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Point;
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

        Entry(Feature f) {
            this.feature = f;
            this.geometry = f.geometry();
            this.areal = geometry instanceof Polygonal;
            boolean big = geometry.getNumPoints() >= INDEX_VERTICES;
            this.locator = !areal ? null : big ? new IndexedPointInAreaLocator(geometry) : new SimplePointInAreaLocator(geometry);
            this.prepared = geometry instanceof Puntal ? null : PreparedGeometryFactory.prepare(geometry);
            this.facets = big ? new IndexedFacetDistance(geometry) : null;
        }

        boolean covers(Geometry site) {
            if (!areal) return false;
            if (site instanceof Point p) return locator.locate(p.getCoordinate()) != Location.EXTERIOR;
            return prepared.covers(site);
        }

        boolean intersects(Geometry site) {
            if (site instanceof Point p && areal) return locator.locate(p.getCoordinate()) != Location.EXTERIOR;
            return prepared != null ? prepared.intersects(site) : geometry.intersects(site);
        }

        double distance(Geometry site) {
            if (intersects(site)) return 0;
            return facets != null ? facets.distance(site) : geometry.distance(site);
        }
    }

    /** A connected part of the merged area of a role, with its own locator and boundary distance index. */
    private record RegionPart(Geometry geometry, PointOnGeometryLocator locator, IndexedFacetDistance facets) {
    }

    private static final class RoleLayer {
        final List<Entry> entries = new ArrayList<>();
        final STRtree tree = new STRtree();
        private volatile List<RegionPart> regionParts;
        private volatile STRtree regionTree;

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

        STRtree regionTree() {
            STRtree t = regionTree;
            if (t == null) {
                synchronized (this) {
                    t = regionTree;
                    if (t == null) {
                        List<Geometry> areas = new ArrayList<>();
                        for (Entry e : entries) if (e.areal) areas.add(e.geometry);
                        List<RegionPart> parts = new ArrayList<>();
                        t = new STRtree();
                        if (!areas.isEmpty()) {
                            Geometry merged = OverlayNGRobust.union(areas);
                            for (int i = 0; i < merged.getNumGeometries(); i++) {
                                Geometry g = merged.getGeometryN(i);
                                if (!(g instanceof Polygonal) || g.isEmpty()) continue;
                                RegionPart part = new RegionPart(g, new IndexedPointInAreaLocator(g),
                                        new IndexedFacetDistance(g));
                                parts.add(part);
                                t.insert(g.getEnvelopeInternal(), part);
                            }
                        }
                        t.build();
                        regionParts = List.copyOf(parts);
                        regionTree = t;
                    }
                }
            }
            return t;
        }
    }

    /** Builds the merged areas of a role now instead of on the first request (keeps the first request fast). */
    public void prepareRegions(Role role) {
        layers.get(role).regionTree();
    }

    @Override
    public boolean hasData(Role role) {
        return !layers.get(role).entries.isEmpty();
    }

    @Override
    public List<Hit> containing(Role role, Geometry site) {
        List<Hit> out = null;
        for (Entry e : layers.get(role).query(site.getEnvelopeInternal())) {
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
        for (Entry e : layers.get(role).query(site.getEnvelopeInternal())) {
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
        env.expandBy(distanceM);
        List<Hit> out = null;
        for (Entry e : layers.get(role).query(env)) {
            double d = e.distance(site);
            if (d <= distanceM) {
                if (out == null) out = new ArrayList<>(2);
                out.add(new Hit(e.feature, d));
            }
        }
        if (out == null) return List.of();
        out.sort(Comparator.comparingDouble(Hit::distanceM).thenComparingLong(h -> h.feature().id()));
        return out;
    }

    @Override
    public RegionDistance regionDistance(Role role, Point point) {
        STRtree tree = layers.get(role).regionTree();
        if (tree.isEmpty()) return new RegionDistance(false, Double.POSITIVE_INFINITY);
        Coordinate c = point.getCoordinate();
        @SuppressWarnings("unchecked")
        List<RegionPart> candidates = tree.query(point.getEnvelopeInternal());
        for (RegionPart part : candidates) {
            if (part.locator().locate(c) != Location.EXTERIOR) {
                return new RegionDistance(true, part.facets().distance(point));
            }
        }
        Object nearest = tree.nearestNeighbour(point.getEnvelopeInternal(), point,
                (a, b) -> {
                    RegionPart p = (RegionPart) (a.getItem() instanceof RegionPart ? a.getItem() : b.getItem());
                    return p.facets().distance(point);
                });
        return new RegionDistance(false, ((RegionPart) nearest).facets().distance(point));
    }

    @Override
    public List<Geometry> regionParts(Role role, Envelope envelope) {
        RoleLayer layer = layers.get(role);
        layer.regionTree();
        List<Geometry> out = new ArrayList<>();
        for (RegionPart p : layer.regionParts) {
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

    private static List<Hit> sortById(List<Hit> hits) {
        if (hits == null) return List.of();
        if (hits.size() > 1) hits.sort(Comparator.comparingLong(h -> h.feature().id()));
        return Collections.unmodifiableList(hits);
    }
}
