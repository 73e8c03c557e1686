package nl.plektoets.criteria;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The §5.1.2 location classes, in order of precedence: a point in several classes gets the first. The specific
 * locations the policy names (the employer's plot, the business park) come before the general built-up area, which
 * comes before the rural area. "Near" a business park (outside it) comes after the built-up area: a residential
 * street beside an industrial estate keeps the built-up-area rule (room rental only).
 */
public enum LocationClass {
    /** On the (agricultural) employer's plot: the site lies in the agrarisch bouwvlak (wholly, for a polygon). */
    AGRICULTURAL_PLOT,
    /** In a business park within the edge band of its boundary, or outside it within the near band. */
    BUSINESS_PARK_EDGE,
    /** In a business park, deeper than the edge band. */
    BUSINESS_PARK_INTERIOR,
    /** In the built-up area (bebouwde kom). */
    BUILT_UP_AREA,
    /** In the rural area (buitengebied), inside an existing building. */
    RURAL_EXISTING_BUILDING,
    /** In the rural area, not inside an existing building. */
    RURAL_OTHER;

    private final String id = name().toLowerCase(Locale.ROOT);

    public String id() {
        return id;
    }

    public static Optional<LocationClass> byId(String id) {
        return Arrays.stream(values()).filter(c -> c.id().equals(id)).findFirst();
    }
}
