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
    AGRICULTURAL_PLOT("agrarisch bouwvlak", "agricultural plot (agrarisch bouwvlak)"),
    /** In a business park within the edge band of its boundary, or outside it within the near band. */
    BUSINESS_PARK_EDGE("rand van een bedrijventerrein", "edge of a business park"),
    /** In a business park, deeper than the edge band. */
    BUSINESS_PARK_INTERIOR("binnenkant van een bedrijventerrein", "interior of a business park"),
    /** In the built-up area (bebouwde kom). */
    BUILT_UP_AREA("bebouwde kom", "built-up area"),
    /** In the rural area (buitengebied), inside an existing building. */
    RURAL_EXISTING_BUILDING("buitengebied (bestaand gebouw)", "rural area (existing building)"),
    /** In the rural area, not inside an existing building. */
    RURAL_OTHER("buitengebied", "rural area");

    private final String id = name().toLowerCase(Locale.ROOT);
    // the names in the messages a reader sees (as the map's texts name them), not the ids
    private final String nl;
    private final String en;

    LocationClass(String nl, String en) {
        this.nl = nl;
        this.en = en;
    }

    /** The class as a Dutch message names it ("bebouwde kom"). */
    public String nl() {
        return nl;
    }

    /** The class as an English message names it ("built-up area"). */
    public String en() {
        return en;
    }

    public String id() {
        return id;
    }

    public static Optional<LocationClass> byId(String id) {
        return Arrays.stream(values()).filter(c -> c.id().equals(id)).findFirst();
    }
}
