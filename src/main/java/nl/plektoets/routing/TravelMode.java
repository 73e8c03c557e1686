package nl.plektoets.routing;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The two ways of travelling Bijlage 1 speaks of ("30 minuten lopen en 15 minuten fietsen"). Each is a GraphHopper
 * profile built from GraphHopper's own custom model of the same name ({@code foot.json}, {@code bike.json}).
 */
public enum TravelMode {
    FOOT("foot.json"),
    BIKE("bike.json");

    private final String customModelFile;

    TravelMode(String customModelFile) {
        this.customModelFile = customModelFile;
    }

    /** The id used in the API, the cache file names and the GraphHopper profile name. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    String customModelFile() {
        return customModelFile;
    }

    public static Optional<TravelMode> byId(String id) {
        return Arrays.stream(values()).filter(m -> m.id().equals(id)).findFirst();
    }
}
