package nl.plektoets.auth;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a token may do: planners read and change the registers; the regisseur (Noordoostpolder's "regisseur
 * arbeidsmigranten") also runs the intake table, the housing locations and their signals; admins may do everything
 * and reload the layers.
 */
public enum AccessRole {
    PLANNER,
    REGISSEUR,
    ADMIN;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<AccessRole> byId(String id) {
        return Arrays.stream(values()).filter(r -> r.id().equals(id)).findFirst();
    }

    /**
     * Admins may do everything; a regisseur everything a planner may (the intake table needs the registers), a
     * planner reads the regisseur's work but does not change it.
     */
    public boolean includes(AccessRole required) {
        return this == ADMIN || this == required || (this == REGISSEUR && required == PLANNER);
    }
}
