package nl.plektoets.policy;

import java.util.List;

/**
 * The policy numbers of Bijlage 1 ("bij voorkeur op fietsafstand van voorzieningen: circa 30 minuten lopen en 15
 * minuten fietsen") and the technical limit of the reach computation. {@link #from} reads them from the policy
 * profile ({@code reach.*} thresholds and {@code reach_categories}); {@link #defaults()} holds the Hardenberg 2025
 * values for tests and tools without a profile.
 *
 * @param walkingSpeedKmh     upper bound of the walking speed; GraphHopper's slower speeds per road type (steps,
 *                            rough tracks) still apply below it
 * @param cyclingSpeedKmh     upper bound of the cycling speed, same rule
 * @param walkingMinutes      a facility counts as in reach when it is at most this many minutes' walk away ...
 * @param cyclingMinutes      ... or at most this many minutes' ride away
 * @param categories          the facility categories that must be in reach (facility attribute {@code category})
 * @param minCategoriesInReach how many of {@code categories} must be in reach for {@code pass}
 * @param maxSnapDistanceM    a site further than this from the nearest usable road or path is not assessed
 *                            ({@code unknown}): the network says nothing about it
 */
public record ReachSettings(
        double walkingSpeedKmh,
        double cyclingSpeedKmh,
        int walkingMinutes,
        int cyclingMinutes,
        List<String> categories,
        int minCategoriesInReach,
        double maxSnapDistanceM) {

    public ReachSettings {
        categories = List.copyOf(categories);
        if (walkingSpeedKmh <= 0 || cyclingSpeedKmh <= 0) {
            throw new IllegalArgumentException("Reach speeds must be positive (km/h), got walking " + walkingSpeedKmh
                    + " and cycling " + cyclingSpeedKmh + ": set e.g. 5 and 15 in the policy profile");
        }
        if (walkingMinutes <= 0 || cyclingMinutes <= 0) {
            throw new IllegalArgumentException("Reach minutes must be positive, got walking " + walkingMinutes
                    + " and cycling " + cyclingMinutes + ": set e.g. 30 and 15 in the policy profile");
        }
        if (minCategoriesInReach < 0 || minCategoriesInReach > categories.size()) {
            throw new IllegalArgumentException("minCategoriesInReach must be between 0 and the number of categories ("
                    + categories.size() + "), got " + minCategoriesInReach);
        }
        if (!(maxSnapDistanceM > 0)) {
            throw new IllegalArgumentException(
                    "maxSnapDistanceM must be positive (metres), got " + maxSnapDistanceM + ": 500 is a sane default");
        }
    }

    /** The default maximum snap distance, metres: a technical limit (configuration), not a policy number. */
    public static final double DEFAULT_MAX_SNAP_DISTANCE_M = 500.0;

    /** The reach numbers of a policy profile (Bijlage 1) with a maximum snap distance from the configuration. */
    public static ReachSettings from(PolicyProfile profile, double maxSnapDistanceM) {
        return new ReachSettings(
                profile.reachWalkingSpeedKmh(),
                profile.reachCyclingSpeedKmh(),
                profile.reachWalkingMinutes(),
                profile.reachCyclingMinutes(),
                profile.reachCategories(),
                profile.reachMinCategoriesInReach(),
                maxSnapDistanceM);
    }

    /** Hardenberg 2025, Bijlage 1: 5 km/h walking, 15 km/h cycling, 30 and 15 minutes, three categories. */
    public static ReachSettings defaults() {
        return new ReachSettings(
                5.0,
                15.0,
                30,
                15,
                List.of("supermarket", "general_practitioner", "public_transport_stop"),
                3,
                DEFAULT_MAX_SNAP_DISTANCE_M);
    }

    public double speedKmh(TravelMode mode) {
        return mode == TravelMode.FOOT ? walkingSpeedKmh : cyclingSpeedKmh;
    }

    public int minutes(TravelMode mode) {
        return mode == TravelMode.FOOT ? walkingMinutes : cyclingMinutes;
    }
}
