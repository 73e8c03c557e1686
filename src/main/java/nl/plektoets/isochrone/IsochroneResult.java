package nl.plektoets.isochrone;

import java.util.List;
import nl.plektoets.policy.TravelMode;

/**
 * Isochrones around one point, smallest cut-off first.
 *
 * @param reverse       false: where can one get from the point; true: from where can one get to the point
 * @param snappedLon    where the point joined the network
 * @param snapDistanceM metres from the point to the network
 */
public record IsochroneResult(
        double lon,
        double lat,
        TravelMode mode,
        boolean reverse,
        double snappedLon,
        double snappedLat,
        double snapDistanceM,
        List<Isochrone> isochrones) {
    public IsochroneResult {
        isochrones = List.copyOf(isochrones);
    }
}
