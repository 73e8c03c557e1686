package nl.plektoets.registers;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Steps of a housing initiative through the intake table (Noordoostpolder "intaketafel", Hardenberg §4.1):
 * reported, intake, assessment, permit applied, then granted or refused; a granted initiative is realised and
 * eventually ended. Any open initiative can be ended (withdrawn by the initiator).
 */
public enum InitiativeStatus {
    REPORTED,
    INTAKE,
    ASSESSMENT,
    PERMIT_APPLIED,
    GRANTED,
    REFUSED,
    REALISED,
    ENDED;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<InitiativeStatus> byId(String id) {
        return Arrays.stream(values()).filter(s -> s.id().equals(id)).findFirst();
    }

    public Set<InitiativeStatus> next() {
        return switch (this) {
            case REPORTED -> EnumSet.of(INTAKE, ENDED);
            case INTAKE -> EnumSet.of(ASSESSMENT, ENDED);
            case ASSESSMENT -> EnumSet.of(PERMIT_APPLIED, REFUSED, ENDED);
            case PERMIT_APPLIED -> EnumSet.of(GRANTED, REFUSED, ENDED);
            case GRANTED -> EnumSet.of(REALISED, ENDED);
            case REALISED -> EnumSet.of(ENDED);
            case REFUSED, ENDED -> EnumSet.noneOf(InitiativeStatus.class);
        };
    }
}
