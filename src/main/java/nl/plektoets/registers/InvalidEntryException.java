package nl.plektoets.registers;

/**
 * A register entry or change breaks a rule or has a malformed field; the API answers 422 (rule) or 400 (malformed)
 * with the field named.
 */
public sealed class InvalidEntryException extends RuntimeException permits IntakeCaseExistsException {
    private final String field;
    private final boolean malformed;

    /** Through the factories below, or {@link IntakeCaseExistsException} (a rule a caller may act on). */
    InvalidEntryException(String field, String detail, boolean malformed) {
        super(detail);
        this.field = field;
        this.malformed = malformed;
    }

    /** The value cannot be read at all (wrong type, unknown code, not a date). */
    public static InvalidEntryException malformed(String field, String detail) {
        return new InvalidEntryException(field, detail, true);
    }

    /** The value is readable but breaks a register or policy rule. */
    public static InvalidEntryException rule(String field, String detail) {
        return new InvalidEntryException(field, detail, false);
    }

    public String field() {
        return field;
    }

    public boolean malformed() {
        return malformed;
    }
}
