package nl.plektoets.registers;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Permanent or temporary permit; permanent permits exist only for room rental (§5.1.2). */
public enum PermitType {
    PERMANENT,
    TEMPORARY;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<PermitType> byId(String id) {
        return Arrays.stream(values()).filter(s -> s.id().equals(id)).findFirst();
    }
}
