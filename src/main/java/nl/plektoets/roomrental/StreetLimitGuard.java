package nl.plektoets.roomrental;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import nl.plektoets.criteria.Status;
import nl.plektoets.registers.InvalidEntryException;
import nl.plektoets.registers.PermitGuard;
import nl.plektoets.registers.PermitRefusedException;
import nl.plektoets.registers.PermitStatus;
import nl.plektoets.registers.RoomRentalPermit;
import nl.plektoets.registers.RoomRentedDwelling;

/**
 * Granting is atomic (§6.2.6): when a permit becomes granted, the store locks the street (and, when the distance rule
 * is on, the whole register, since that rule crosses streets), re-reads the committed permits and asks this guard;
 * two concurrent grants for the last free place in a street serialise on the lock and the second is refused (409).
 * Only failing rules refuse; pending applications never block a grant (they are not granted yet).
 */
public final class StreetLimitGuard implements PermitGuard {
    static final String ALL = "room-rental:all";
    private final java.util.function.Supplier<RoomRentalRules> current;

    public StreetLimitGuard(RoomRentalRules rules) {
        this(() -> rules);
    }

    /** Over the rules of the layers served now (they change on a reload). */
    public StreetLimitGuard(java.util.function.Supplier<RoomRentalRules> current) {
        this.current = current;
    }

    @Override
    public Set<String> lockKeys(RoomRentalPermit before, RoomRentalPermit after) {
        RoomRentalRules rules = current.get();
        if (after.status() != PermitStatus.GRANTED) return Set.of();
        if (before != null
                && before.status() == PermitStatus.GRANTED
                && Objects.equals(before.street(), after.street())
                && Objects.equals(before.town(), after.town())
                && Objects.equals(before.address(), after.address())
                && Objects.equals(before.dwellingBagId(), after.dwellingBagId())
                && before.rooms() >= after.rooms()) {
            return Set.of(); // already counted where it is
        }
        Set<String> keys = new LinkedHashSet<>();
        keys.add("street:" + rules.place(placement(after)).street().id());
        if (rules.policy().distance().source().enabled()) keys.add(ALL);
        return keys;
    }

    @Override
    public void check(RoomRentalPermit after, List<RoomRentalPermit> active) {
        check(after, active, List.of());
    }

    @Override
    public void check(RoomRentalPermit after, List<RoomRentalPermit> active, List<RoomRentedDwelling> knownRoomRented) {
        RoomRentalRules rules = current.get();
        List<PermitPlacement> others = new ArrayList<>();
        for (RoomRentalPermit p : active) {
            if (p.id() != after.id()) others.add(placement(p));
        }
        // a dwelling known as room-rented that now applies for its permit is the same dwelling: not counted twice
        RoomRentalRules.Placed selfPlaced = rules.place(placement(after));
        for (RoomRentedDwelling k : knownRoomRented) {
            PermitPlacement known = placement(k);
            RoomRentalRules.Placed kp = rules.place(known);
            if (kp.dwelling() == null || !kp.dwelling().equals(selfPlaced.dwelling())) others.add(known);
        }
        List<RoomRentalRules.Placed> placed = rules.place(others);
        RoomRentalRules.Placed self = rules.place(placement(after));
        if (self.dwelling() == null) {
            Street street = rules.model().units().stream()
                    .filter(u -> u.key().equals(self.street()) && u.segment() <= 1)
                    .findFirst()
                    .orElseThrow(
                            () -> InvalidEntryException.rule(
                                    "street",
                                    "'" + after.street() + "'"
                                            + (after.town() == null ? "" : " in " + after.town())
                                            + " is not a street with dwellings in the "
                                            + "address data, so its limit (§6.2.6) cannot be checked; fix: give the dwelling's BAG id "
                                            + "(dwellingBagId) or its address as 'Street 12' with the street and town as in the BAG"));
            StreetStanding s = rules.standing(street, placed, after.id());
            if (s.full()) throw refused("street_limit", s);
            return;
        }
        for (RoomRentalRules.Finding f : rules.check(self.dwelling(), placed, after.rooms(), after.id())) {
            if (f.status() != Status.FAIL) continue;
            if (f.rule().equals("street_limit")) {
                throw refused(
                        "street_limit", rules.standing(rules.model().unitOf(self.dwelling()), placed, after.id()));
            }
            throw new PermitRefusedException(f.rule(), f.message().en() + " (" + f.paragraph() + ")");
        }
    }

    private static PermitRefusedException refused(String rule, StreetStanding s) {
        return new PermitRefusedException(
                rule,
                s.unit().name() + ", " + s.unit().town()
                        + (s.unit().segment() > 0 ? " (segment " + s.unit().segment() + ")" : "") + " is full: "
                        + s.granted()
                        + " of " + s.limit() + " room-rental permits granted"
                        + (s.known() > 0 ? " and " + s.known() + " known room-rented without a permit" : "") + " for "
                        + s.dwellings() + " dwellings (" + s.rule()
                        + ", " + s.paragraph() + "); no permit can be granted there now");
    }

    /** A known room-rented dwelling without a permit as the street rules see it: room-rented, like a granted permit. */
    public static PermitPlacement placement(RoomRentedDwelling k) {
        return PermitPlacement.withoutPermit(k.id(), k.street(), k.town(), k.dwellingBagId(), k.address());
    }

    static PermitPlacement placement(RoomRentalPermit p) {
        return new PermitPlacement(
                p.id(), p.street(), p.town(), p.dwellingBagId(), p.address(), p.status() == PermitStatus.GRANTED);
    }
}
