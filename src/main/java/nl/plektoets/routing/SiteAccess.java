package nl.plektoets.routing;

import java.util.Optional;
import nl.plektoets.policy.TravelMode;

/**
 * How a site joins the network for one mode: the snap of its access point, or why it has none.
 *
 * @param snap     present when a usable edge lies within the maximum snap distance
 * @param nearestM metres to the nearest usable edge (also when it is too far), NaN when there is none at all
 * @param reason   null when snapped, else a sentence saying why not (for the criterion's evidence)
 */
public record SiteAccess(TravelMode mode, Optional<NetworkSnap> snap, double nearestM, String reason) {
    public boolean snapped() {
        return snap.isPresent();
    }
}
