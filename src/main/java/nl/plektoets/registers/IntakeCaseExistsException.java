package nl.plektoets.registers;

/**
 * The initiative has its intake case already (one per initiative): a rule violation like any other (422, field
 * {@code initiativeId}, the case named in the detail), carrying the case so a caller that may repeat (the round's
 * step to the intake table) reports it instead of failing. Thrown alike when the case was there before the request
 * and when a parallel request opened it first.
 */
public final class IntakeCaseExistsException extends InvalidEntryException {
    private final long initiativeId;
    private final long caseId;

    public IntakeCaseExistsException(long initiativeId, long caseId) {
        super(
                "initiativeId",
                "initiative " + initiativeId + " already has intake case " + caseId + "; change that one",
                false);
        this.initiativeId = initiativeId;
        this.caseId = caseId;
    }

    public long initiativeId() {
        return initiativeId;
    }

    public long caseId() {
        return caseId;
    }
}
