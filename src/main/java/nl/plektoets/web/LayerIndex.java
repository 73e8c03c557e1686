package nl.plektoets.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import nl.plektoets.data.Dataset;
import nl.plektoets.data.Feature;
import nl.plektoets.data.Role;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Bounding-box lookups on the dataset's layers for the layer endpoint: one STRtree per role, built on first use
 * (most roles are never browsed). Results come sorted by feature id so that pages are stable.
 */
final class LayerIndex {
    private final Dataset dataset;
    private final Map<Role, STRtree> trees = new EnumMap<>(Role.class);
    private final Map<Role, List<Feature>> sorted = new EnumMap<>(Role.class);

    LayerIndex(Dataset dataset) {
        this.dataset = dataset;
    }

    /** The features of {@code role} whose geometry intersects {@code area} (working CRS), or all when null; read-only. */
    List<Feature> query(Role role, Geometry area) {
        if (area == null) return sorted(role); // a whole layer is paged often: sort it once
        Envelope env = area.getEnvelopeInternal();
        List<Feature> out = new ArrayList<>();
        boolean rectangle = area.isRectangle();
        for (Object o : tree(role).query(env)) {
            Feature f = (Feature) o;
            if (rectangle
                    ? intersectsRectangle(f.geometry(), env)
                    : f.geometry().intersects(area)) out.add(f);
        }
        out.sort(Comparator.comparingLong(Feature::id));
        return out;
    }

    private static boolean intersectsRectangle(Geometry g, Envelope env) {
        if (env.covers(g.getEnvelopeInternal())) return true;
        return g.intersects(g.getFactory().toGeometry(env));
    }

    private synchronized List<Feature> sorted(Role role) {
        return sorted.computeIfAbsent(role, r -> {
            List<Feature> all = new ArrayList<>(dataset.layer(r));
            all.sort(Comparator.comparingLong(Feature::id));
            return List.copyOf(all);
        });
    }

    private synchronized STRtree tree(Role role) {
        return trees.computeIfAbsent(role, r -> {
            STRtree t = new STRtree();
            for (Feature f : dataset.layer(r)) t.insert(f.geometry().getEnvelopeInternal(), f);
            t.build();
            return t;
        });
    }
}
