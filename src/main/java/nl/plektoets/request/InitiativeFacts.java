package nl.plektoets.request;

import java.util.List;
import org.locationtech.jts.geom.Geometry;

/**
 * What an initiator or planner tells about an initiative beyond its site, form and size; every part optional (null
 * or empty: not given, and the criteria that need it answer {@code unknown} with what to add).
 *
 * @param employers where the residents work (ETFAL part 2: {@code distance_to_work}, {@code spread})
 * @param rooms the number of rooms (ETFAL part 2: {@code parking_access}); null when not given
 * @param parkingSpaces the parking spaces planned on the site (Bijlage 1 "parkeren op eigen terrein"); null when not
 *     given
 * @param employsMigrants whether the initiator itself employs labour migrants (Noordoostpolder: small locations only
 *     on the employer's own erf); null when not given
 * @param employerErf the employer's own erf (yard) as picked on the map, in the working CRS; null when not given
 */
public record InitiativeFacts(
        List<Employer> employers, Integer rooms, Integer parkingSpaces, Boolean employsMigrants, Geometry employerErf) {
    /** Nothing told. */
    public static final InitiativeFacts NONE = new InitiativeFacts(List.of(), null, null, null, null);

    public InitiativeFacts {
        employers = employers == null ? List.of() : List.copyOf(employers);
        if (rooms != null && rooms < 1) throw new IllegalArgumentException("rooms must be 1 or more, not " + rooms);
        if (parkingSpaces != null && parkingSpaces < 0)
            throw new IllegalArgumentException("parkingSpaces must be 0 or more, not " + parkingSpaces);
    }
}
