package nl.plektoets.policy;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The two ways of travelling Bijlage 1 speaks of ("30 minuten lopen en 15 minuten fietsen"). Policy vocabulary, so
 * the reach criterion and the routing that implements it share it; {@code routing.RoutingNetwork} maps each to a
 * GraphHopper profile.
 */
public enum TravelMode {
    FOOT,
    BIKE;

    /** The id used in the API, the cache file names and the GraphHopper profile name. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<TravelMode> byId(String id) {
        return Arrays.stream(values()).filter(m -> m.id().equals(id)).findFirst();
    }
}
