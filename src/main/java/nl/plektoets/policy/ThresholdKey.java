package nl.plektoets.policy;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every number the criteria read from a policy profile. The profile file must give each one a value and the
 * paragraph of the policy it comes from; the engine holds no municipality's numbers itself.
 */
public enum ThresholdKey {
    /** §5.1.2: recreational terrains are excluded; 0 = the site must not touch one. */
    RECREATION_EXCLUSION_DISTANCE_M("recreation.exclusion_distance_m", Kind.DECIMAL, 0, "m"),
    /** §5.1.2 "op de rand": how far inside a business park the edge reaches. */
    BUSINESS_PARK_EDGE_BAND_INSIDE_M("business_park.edge_band_inside_m", Kind.DECIMAL, 0, "m"),
    /** §5.1.2 "bij de rand": how far outside a business park still counts as near its edge. */
    BUSINESS_PARK_NEAR_BAND_OUTSIDE_M("business_park.near_band_outside_m", Kind.DECIMAL, 0, "m"),
    /** §5.1.1: room rental from this many persons. */
    ROOM_RENTAL_MIN_PERSONS("capacity.room_rental_min_persons", Kind.INTEGER, 1, "persons"),
    /** §5.1.1: a housing facility up to this many persons (with a good motivation). */
    FACILITY_MAX_PERSONS("capacity.facility_max_persons", Kind.INTEGER, 1, "persons"),
    /** §5.1.1: by exception up to this many, with a motivation of how ETFAL is met; above it: not allowed. */
    FACILITY_EXCEPTIONAL_MAX_PERSONS("capacity.facility_exceptional_max_persons", Kind.INTEGER, 1, "persons"),
    /** Bijlage 2: a "melding brandveilig gebruik" from this many persons. */
    FIRE_NOTIFICATION_MIN_PERSONS("fire_safety.notification_min_persons", Kind.INTEGER, 1, "persons"),
    /** Bijlage 2: a "gebruiksmelding" above this many persons. */
    FIRE_USE_NOTIFICATION_ABOVE_PERSONS("fire_safety.use_notification_above_persons", Kind.INTEGER, 1, "persons"),
    /** §5.1.2, §6.2.2: the first term of a temporary permit. */
    PERMIT_INITIAL_TERM_YEARS("permit.initial_term_years", Kind.INTEGER, 1, "years"),
    /** §5.1.2, §6.2.2: the renewal of a temporary permit. */
    PERMIT_RENEWAL_YEARS("permit.renewal_years", Kind.INTEGER, 0, "years"),
    /** §5.1.2: the longest a temporary permit may run in total. */
    PERMIT_MAX_TERM_YEARS("permit.max_term_years", Kind.INTEGER, 1, "years"),
    /** Sanity bound for drawn sites: larger polygons are rejected as input errors. */
    SITE_MAX_AREA_M2("site.max_area_m2", Kind.DECIMAL, 1, "m2"),
    /** Pieces of a polygon site smaller than this in a location class are digitising noise and ignored. */
    SITE_SLIVER_TOLERANCE_M2("site.sliver_tolerance_m2", Kind.DECIMAL, 0, "m2"),
    /** Bijlage 1: the walking speed that turns "30 minuten lopen" into a reach (GraphHopper's slower road types apply). */
    REACH_WALKING_SPEED_KMH("reach.walking_speed_kmh", Kind.DECIMAL, 1, "km/h"),
    /** Bijlage 1: the cycling speed that turns "15 minuten fietsen" into a reach. */
    REACH_CYCLING_SPEED_KMH("reach.cycling_speed_kmh", Kind.DECIMAL, 1, "km/h"),
    /** Bijlage 1: "circa 30 minuten lopen". */
    REACH_WALKING_MINUTES("reach.walking_minutes", Kind.INTEGER, 1, "minutes"),
    /** Bijlage 1: "15 minuten fietsen". */
    REACH_CYCLING_MINUTES("reach.cycling_minutes", Kind.INTEGER, 1, "minutes"),
    /** Bijlage 1: how many of {@code reach_categories} must be in reach for a pass. */
    REACH_MIN_CATEGORIES_IN_REACH("reach.min_categories_in_reach", Kind.INTEGER, 0, "categories"),
    /** Bijlage 1: without ETFAL at a site with bad environmental conditions, stays of at most this many months. */
    SHORT_STAY_MAX_MONTHS("location.short_stay_max_months", Kind.INTEGER, 1, "months");

    public enum Kind {
        INTEGER,
        DECIMAL
    }

    private final String key;
    private final Kind kind;
    private final double minimum;
    private final String unit;

    ThresholdKey(String key, Kind kind, double minimum, String unit) {
        this.key = key;
        this.kind = kind;
        this.minimum = minimum;
        this.unit = unit;
    }

    /** The key as written in the profile file, e.g. {@code capacity.facility_max_persons}. */
    public String key() {
        return key;
    }

    public Kind kind() {
        return kind;
    }

    public double minimum() {
        return minimum;
    }

    public String unit() {
        return unit;
    }

    public static Optional<ThresholdKey> byKey(String key) {
        return Arrays.stream(values()).filter(k -> k.key.equals(key)).findFirst();
    }
}
