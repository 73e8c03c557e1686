package nl.plektoets.registers;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Life cycle of a room-rental permit (§5.1.3, §6.2.6). Refused, withdrawn and expired are final. */
public enum PermitStatus {
    APPLIED,
    GRANTED,
    REFUSED,
    WITHDRAWN,
    EXPIRED;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<PermitStatus> byId(String id) {
        return Arrays.stream(values()).filter(s -> s.id().equals(id)).findFirst();
    }

    /** The statuses a permit may move to from this one (staying is always allowed). */
    public Set<PermitStatus> next() {
        return switch (this) {
            case APPLIED -> EnumSet.of(GRANTED, REFUSED, WITHDRAWN);
            case GRANTED -> EnumSet.of(WITHDRAWN, EXPIRED);
            case REFUSED, WITHDRAWN, EXPIRED -> EnumSet.noneOf(PermitStatus.class);
        };
    }
}
