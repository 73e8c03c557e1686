package nl.plektoets.request;

import java.util.Arrays;
import java.util.Optional;

/**
 * How long residents stay (Bijlage 1): {@code short} = logies of at most the profile's
 * {@code location.short_stay_max_months} (4), {@code mid} = the policy's short and mid stay up to 5 years (default).
 * A short stay needs no ETFAL motivation of the environment: an environmental conditional becomes a pass with the
 * obligation to limit stays.
 */
public enum Stay {
    SHORT("short"),
    MID("mid");

    private final String id;

    Stay(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<Stay> byId(String id) {
        return Arrays.stream(values()).filter(s -> s.id.equals(id)).findFirst();
    }
}
