package nl.plektoets.criteria;

import java.util.List;
import org.locationtech.jts.geom.Geometry;

/**
 * Where labour migrants are housed already, as the {@code spread} criterion (§5.1.1) needs it: granted and realised
 * initiatives, known existing locations and granted room-rental permits, each with its persons and location. The
 * registers are behind it (implemented by {@code roomrental.StoreHousedPersons}); criteria never see the store.
 */
@FunctionalInterface
public interface HousedPersons {
    /** Nothing housed (no register, e.g. a data set without a store). */
    HousedPersons NONE = List::of;

    /** Every housing location counted now, in register order. */
    List<Housed> all();

    /**
     * One housing location.
     *
     * @param kind      {@link Kind}
     * @param id        the register id (internal: never published for a room-rental permit, §5.1.3)
     * @param location  its site or dwelling in the working CRS; null when it could not be placed
     * @param persons   the persons it houses
     * @param facility  whether it is a housing facility (counts in a cluster against the cap), not room rental
     * @param publicSite whether the public overview of initiatives (§4.1.2) already shows this site exactly (an
     *                   organisation's initiative in a public status): only such a location may be named with its
     *                   distance in a public answer; every other one (a private person's, a room-rental permit) is
     *                   counted in its village only, so sweeping public answers cannot locate it
     */
    record Housed(Kind kind, long id, Geometry location, int persons, boolean facility, boolean publicSite) {
        /** A location whose site is not public (the safe default). */
        public Housed(Kind kind, long id, Geometry location, int persons, boolean facility) {
            this(kind, id, location, persons, facility, false);
        }
    }

    /** What register a location comes from. */
    enum Kind {
        INITIATIVE("initiative"),
        EXISTING_LOCATION("existing_location"),
        ROOM_RENTAL_PERMIT("room_rental_permit");

        private final String id;

        Kind(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }
}
