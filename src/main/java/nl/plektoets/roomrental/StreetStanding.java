package nl.plektoets.roomrental;

/**
 * How full one street (or segment) is: the row of the public overview (§5.1.3: "Zo is vooraf duidelijk of een nieuwe
 * woning ... in een bepaalde straat verkamerd mag worden"). Counts only, no addresses.
 *
 * @param known      room-rented dwellings without a permit the planners know of (§5.1.3 "verkamerde woningen"); they
 *                   fill the street like granted permits
 * @param limit      null when the profile sets no limit per street
 * @param left       null when there is no limit; else max(0, limit - granted - known)
 * @param status     {@code available}, {@code almost_full} (at most the profile's almost_full_left left), {@code full}
 *                   (granted and known room-rented dwellings reached the limit) or {@code not_applicable} (the limit is
 *                   0: fewer dwellings than the minimum for a first room-rented dwelling, and none is there)
 * @param limitBy    which rule gave the limit: {@code share}, {@code minimum} (the share's minimum from N dwellings),
 *                   {@code below_minimum} (fewer than N dwellings, the share rounds down to 0), {@code count} (the
 *                   absolute count per street), or null without a limit
 * @param rule       the rule that sets the limit, e.g. "10% of 23 dwellings, rounded down, at least 1 from 5 dwellings"
 * @param ruleNl     the same in Dutch, for the Dutch messages
 * @param indicative true when a rule giving the limit is not adopted by the council (the profile's {@code adopted:
 *                   false}): the limit is indicative, not yet adopted
 * @param note       why the limit is indicative (the profile's {@code adopted_note}), or null
 * @param noteNl     the same in Dutch (the profile's {@code adopted_note_nl}, else {@code adopted_note}), or null
 */
public record StreetStanding(
        Street unit,
        int dwellings,
        int granted,
        int known,
        int pending,
        Integer limit,
        Integer left,
        String status,
        String rule,
        String ruleNl,
        String paragraph,
        String limitBy,
        boolean indicative,
        String note,
        String noteNl) {

    public static final String NOT_APPLICABLE = "not_applicable";

    /** True when granted permits (and known room-rented dwellings) already fill the limit. */
    public boolean full() {
        return left != null && left == 0;
    }

    /** True when the pending applications, if granted, would fill what is left. */
    public boolean pendingWouldFill() {
        return left != null && left > 0 && pending >= left;
    }

    /** Granted permits and known room-rented dwellings without one: what fills the street. */
    public int roomRented() {
        return granted + known;
    }
}
