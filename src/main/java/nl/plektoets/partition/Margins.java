package nl.plektoets.partition;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import nl.plektoets.data.Role;
import nl.plektoets.policy.EnvironmentPolicy;
import nl.plektoets.policy.PolicyProfile;
import nl.plektoets.policy.RoomRentalPolicy;
import nl.plektoets.policy.SettlementPolicy;
import nl.plektoets.request.AreaType;
import nl.plektoets.roomrental.StreetModel;

/**
 * How far beyond its own addresses a partition must hold each layer so that every criterion of an address-point
 * assessment sees what it would see in the whole dataset: the largest distance any criterion looks, taken from the
 * policy profile (never a number of its own). Every role gets the largest of the profile's distances (recreation
 * exclusion, the business-park bands, the environmental guide distances, livestock fixed distances, external-safety
 * distances, the neighbours' radius, the spread's cluster distance, the room-rental distances) and the street
 * model's road search; the {@code village} layer gets three times {@code spread.village_max_distance_m}: a site's
 * village lies within that distance, and the register's housed locations counted for that village lie within it of
 * the village and need every village within it of themselves to find their own.
 *
 * @param byRole the margin per role, metres
 */
public record Margins(Map<Role, Double> byRole) {
    /** Added to every distance: search envelopes and the boundary tolerance of the spatial index are padded. */
    static final double PAD_M = 1;

    public Margins {
        byRole = Map.copyOf(byRole);
    }

    /** The margins the profile's criteria need. */
    public static Margins of(PolicyProfile profile) {
        double d = Math.max(profile.recreationExclusionDistanceM(), 0);
        d = Math.max(d, profile.businessParkEdgeBandInsideM());
        d = Math.max(d, profile.businessParkNearBandOutsideM());
        EnvironmentPolicy env = profile.environment();
        if (env.zoning() != null) {
            d = Math.max(d, env.zoning().mixedWithinBusinessParkM());
            d = Math.max(d, env.zoning().largestM(AreaType.QUIET));
            d = Math.max(d, env.zoning().largestM(AreaType.MIXED));
        }
        if (env.livestockOdour().isPresent()) {
            EnvironmentPolicy.LivestockOdour o = env.livestockOdour().get();
            if (o.fixedDistanceBuiltUpM() != null)
                d = Math.max(d, o.fixedDistanceBuiltUpM().value());
            if (o.fixedDistanceOutsideM() != null)
                d = Math.max(d, o.fixedDistanceOutsideM().value());
        }
        if (env.externalSafety().isPresent()) {
            for (EnvironmentPolicy.CitedValue v :
                    env.externalSafety().get().distancesM().values()) d = Math.max(d, v.value());
        }
        SettlementPolicy settlement = profile.settlement();
        double village = 0;
        if (settlement.spread() != null) {
            d = Math.max(d, settlement.spread().clusterDistanceM());
            village = 3 * settlement.spread().villageMaxDistanceM();
        }
        if (settlement.neighbours() != null) {
            d = Math.max(d, settlement.neighbours().minRadiusM());
            if (settlement.neighbours().radiusM() != null)
                d = Math.max(d, settlement.neighbours().radiusM());
        }
        RoomRentalPolicy rr = profile.roomRental();
        if (rr != null) {
            d = Math.max(d, rr.nearestDwellingM());
            if (rr.distance() != null) d = Math.max(d, rr.distance().metres());
        }
        d = Math.max(d, StreetModel.ROAD_SEARCH_M);
        Map<Role, Double> out = new EnumMap<>(Role.class);
        for (Role r : Role.values()) out.put(r, d + PAD_M);
        out.put(Role.VILLAGE, Math.max(d, village) + PAD_M);
        return new Margins(out);
    }

    /** The margin of one role, metres. */
    public double of(Role role) {
        return byRole.getOrDefault(role, 0.0);
    }

    /** The largest margin of any role. */
    public double largest() {
        return byRole.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }

    /** For the summary line, e.g. "1501 m, village 30001 m". */
    public String describe() {
        double common = of(Role.ADDRESS);
        double village = of(Role.VILLAGE);
        return String.format(Locale.ROOT, "%.0f m", common)
                + (village != common ? String.format(Locale.ROOT, ", village %.0f m", village) : "");
    }
}
