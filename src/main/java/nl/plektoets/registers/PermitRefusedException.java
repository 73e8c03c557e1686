package nl.plektoets.registers;

/**
 * A permit cannot be granted because the street is full (or another location rule of §5.1.3 / §6.2.6 fails) given
 * the permits committed before it: HTTP 409, with the reason and the counts.
 */
public final class PermitRefusedException extends RuntimeException {
    private final String rule;

    public PermitRefusedException(String rule, String reason) {
        super(reason);
        this.rule = rule;
    }

    /** The rule that refuses, e.g. {@code street_limit}. */
    public String rule() {
        return rule;
    }
}
