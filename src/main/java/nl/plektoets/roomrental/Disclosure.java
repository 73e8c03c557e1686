package nl.plektoets.roomrental;

/**
 * What a room-rental answer may say. §5.1.3 makes the counts per street public, not who holds a permit or has applied
 * for one (the AVG): a public answer is the same for every dwelling of a street, and in a street of fewer than
 * {@code countsFromDwellings} dwellings it says only whether the street is full (a count of a few dwellings nearly
 * names them). Planners (behind the token) see the detail.
 */
public record Disclosure(boolean dwellingDetail, int countsFromDwellings) {
    /** The default of the configuration key {@code room-rental-counts-from-dwellings}. */
    public static final int DEFAULT_COUNTS_FROM_DWELLINGS = 10;

    /** Everything: a dwelling's own permit, the counts of every street (the planner's view). */
    public static final Disclosure PLANNER = new Disclosure(true, 0);

    /** The public's view: no fact about one dwelling; counts only in streets of at least {@code countsFromDwellings}. */
    public static Disclosure publicFrom(int countsFromDwellings) {
        return new Disclosure(false, countsFromDwellings);
    }

    /** True when this answer may give the counts (granted, known, pending, left) of this street. */
    public boolean countsOf(StreetStanding s) {
        return dwellingDetail || s.dwellings() >= countsFromDwellings;
    }
}
