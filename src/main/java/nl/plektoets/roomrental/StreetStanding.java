package nl.plektoets.roomrental;

/**
 * How full one street (or segment) is: the row of the public overview (§5.1.3: "Zo is vooraf duidelijk of een nieuwe
 * woning ... in een bepaalde straat verkamerd mag worden"). Counts only, no addresses.
 *
 * @param limit null when the profile sets no limit per street
 * @param left  null when there is no limit; else max(0, limit - granted)
 * @param status {@code available}, {@code almost_full} (at most the profile's almost_full_left left) or {@code full}
 * @param rule   the rule that sets the limit, e.g. "10% of 23 dwellings, rounded down, at least 1 from 5 dwellings"
 * @param ruleNl the same in Dutch, for the Dutch messages
 */
public record StreetStanding(Street unit, int dwellings, int granted, int pending, Integer limit, Integer left,
                             String status, String rule, String ruleNl, String paragraph) {

    /** True when granted permits already fill the limit. */
    public boolean full() {
        return left != null && left == 0;
    }

    /** True when the pending applications, if granted, would fill what is left. */
    public boolean pendingWouldFill() {
        return left != null && left > 0 && pending >= left;
    }
}
