package nl.plektoets.data;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a feature means to the policy. The id is the stable name used in the API, the profile and the cache. */
public enum Role {
    AGRICULTURAL_PLOT,
    BUSINESS_PARK,
    RECREATION_ZONE,
    BUILT_UP_AREA,
    VILLAGE,
    BUILDING,
    ADDRESS,
    FACILITY,
    ROAD,
    /** Background only: the maps draw it; no criterion reads it. */
    WATER;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> byId(String id) {
        return Arrays.stream(values()).filter(r -> r.id().equals(id)).findFirst();
    }
}
