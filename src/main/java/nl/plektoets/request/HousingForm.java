package nl.plektoets.request;

import java.util.Locale;
import java.util.Optional;

/** The housing forms of §5.1.1. Long stay (regular dwellings) is out of the policy's scope. */
public enum HousingForm {
    ROOM_RENTAL,
    HOUSING_FACILITY;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    private static final HousingForm[] ALL = values();

    /** The form with this id (a loop, not a stream: every assessment request names its form). */
    public static Optional<HousingForm> byId(String id) {
        for (HousingForm f : ALL) if (f.id().equals(id)) return Optional.of(f);
        return Optional.empty();
    }
}
