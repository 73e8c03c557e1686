package nl.plektoets.request;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The housing forms of §5.1.1. Long stay (regular dwellings) is out of the policy's scope. */
public enum HousingForm {
    ROOM_RENTAL,
    HOUSING_FACILITY;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<HousingForm> byId(String id) {
        return Arrays.stream(values()).filter(f -> f.id().equals(id)).findFirst();
    }
}
