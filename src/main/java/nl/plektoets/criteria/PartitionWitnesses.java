package nl.plektoets.criteria;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.plektoets.data.Feature;
import nl.plektoets.data.Role;

/**
 * The few features that stand for facts of the whole dataset some criteria ask of their lookup: whether a role has
 * any data at all ({@link SpatialLookup#hasData}: a missing layer answers unknown, an empty neighbourhood does not),
 * whether any livestock building or source exists ({@code livestock_odour}'s fixed distances apply only then) and
 * whether the noise layer holds an Lden level. A partition of a national batch holds only the features near its own
 * addresses; adding these witnesses to every partition makes it answer those questions as the whole dataset does. A
 * witness outside the partition's margin is never within any distance a criterion looks, so it changes nothing else.
 *
 * <p>Fed once with every feature of the dataset (in any order; the first of each kind is kept). Not thread-safe.
 */
public final class PartitionWitnesses {
    private final Map<Role, Feature> firstOfRole = new EnumMap<>(Role.class);
    private Feature livestockBuilding;
    private Feature livestockSource;
    private Feature ldenNoise;

    /** Looks at one feature of the dataset. */
    public void offer(Feature f) {
        firstOfRole.putIfAbsent(f.role(), f);
        if (livestockBuilding == null && f.role() == Role.BUILDING && LivestockBuildings.isLivestock(f))
            livestockBuilding = f;
        if (livestockSource == null && f.role() == Role.ENVIRONMENTAL_SOURCE && LivestockBuildings.isLivestockSource(f))
            livestockSource = f;
        if (ldenNoise == null && f.role() == Role.NOISE && NoiseCriterion.isLden(f)) ldenNoise = f;
    }

    /**
     * Whether a feature of {@code role} offered now could still become a witness: a reader of stored rows decodes
     * only those (the first of each role, and livestock and noise until one is found).
     */
    public boolean wants(Role role) {
        if (!firstOfRole.containsKey(role)) return true;
        return switch (role) {
            case BUILDING -> livestockBuilding == null;
            case ENVIRONMENTAL_SOURCE -> livestockSource == null;
            case NOISE -> ldenNoise == null;
            default -> false;
        };
    }

    /** The witnesses, each once (a feature may witness several facts), in a fixed order. */
    public List<Feature> features() {
        Map<String, Feature> out = new LinkedHashMap<>();
        for (Feature f : firstOfRole.values()) out.putIfAbsent(key(f), f);
        for (Feature f : new Feature[] {livestockBuilding, livestockSource, ldenNoise})
            if (f != null) out.putIfAbsent(key(f), f);
        return new ArrayList<>(out.values());
    }

    /** The identity of a feature across partitions: its role and id. */
    public static String key(Feature f) {
        return f.role().id() + "/" + f.id();
    }
}
