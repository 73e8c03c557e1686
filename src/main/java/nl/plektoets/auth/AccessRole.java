package nl.plektoets.auth;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a token may do: planners read and change the registers; admins also reload the layers. */
public enum AccessRole {
    PLANNER,
    ADMIN;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<AccessRole> byId(String id) {
        return Arrays.stream(values()).filter(r -> r.id().equals(id)).findFirst();
    }

    /** Admins may do everything planners may. */
    public boolean includes(AccessRole required) {
        return this == ADMIN || this == required;
    }
}
