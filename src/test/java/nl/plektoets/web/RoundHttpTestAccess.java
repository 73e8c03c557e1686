package nl.plektoets.web;

import java.time.Clock;
import nl.plektoets.registers.InitiativeStatus;
import nl.plektoets.store.Store;

/** {@link RoundHttpTest}'s fixtures (its clock, an initiative, scores) for round tests in other packages. */
public final class RoundHttpTestAccess {
    public static final Clock CLOCK = RoundHttpTest.CLOCK;

    private RoundHttpTestAccess() {}

    public static long initiative(Store store, int persons, InitiativeStatus status, String initiator) {
        return RoundHttpTest.initiative(store, persons, status, initiator);
    }

    public static String scores(int points) {
        return RoundHttpTest.scores(points);
    }
}
