package nl.plektoets.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Envelope;

/** An imported dataset: its description and the features per role, all in the working CRS. Immutable. */
public final class Dataset {
    private final DatasetInfo info;
    private final Map<Role, List<Feature>> layers;
    private final Envelope extent;

    public Dataset(DatasetInfo info, List<Feature> features) {
        this.info = info;
        Map<Role, List<Feature>> byRole = new EnumMap<>(Role.class);
        for (Role r : Role.values()) byRole.put(r, new ArrayList<>());
        Envelope env = new Envelope();
        for (Feature f : features) {
            byRole.get(f.role()).add(f);
            env.expandToInclude(f.geometry().getEnvelopeInternal());
        }
        byRole.replaceAll((r, l) -> Collections.unmodifiableList(l));
        this.layers = Collections.unmodifiableMap(byRole);
        this.extent = env;
    }

    public DatasetInfo info() {
        return info;
    }

    /** The features of one role, never null. */
    public List<Feature> layer(Role role) {
        return layers.get(role);
    }

    public Map<Role, List<Feature>> layers() {
        return layers;
    }

    /** Bounding box of all features in the working CRS (empty envelope for an empty dataset). */
    public Envelope extent() {
        return new Envelope(extent);
    }

    public int size() {
        return layers.values().stream().mapToInt(List::size).sum();
    }
}
