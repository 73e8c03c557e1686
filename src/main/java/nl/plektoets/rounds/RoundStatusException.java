package nl.plektoets.rounds;

/**
 * A change the round's status does not allow: an entry, a score or the round changed after the college's decision
 * was recorded, a second decision, or the step to the intake table before the decision. HTTP 409 (the request
 * conflicts with the round's state, not with a rule of the input), naming the decision where there is one.
 */
public final class RoundStatusException extends RuntimeException {
    private final long roundId;
    private final ApplicationRound.Decision decision;

    private RoundStatusException(long roundId, ApplicationRound.Decision decision, String message) {
        super(message);
        this.roundId = roundId;
        this.decision = decision;
    }

    static RoundStatusException decided(ApplicationRound r, String change) {
        ApplicationRound.Decision d = r.decision();
        return new RoundStatusException(
                r.id(),
                d,
                "Round " + r.id() + " (" + r.name() + ") was decided by the college on " + d.decidedOn() + " ("
                        + d.reference() + "); its entries, scores and places are frozen, so " + change
                        + " is not possible. Open a new round for new applications.");
    }

    static RoundStatusException notDecided(ApplicationRound r, String change) {
        return new RoundStatusException(
                r.id(),
                null,
                "Round " + r.id() + " (" + r.name() + ") is still open: the college has not decided on its ranking,"
                        + " so " + change + " is not possible yet. Record the college's decision first"
                        + " (POST /api/v1/rounds/" + r.id() + "/decision).");
    }

    public long roundId() {
        return roundId;
    }

    /** The decision that froze the round; null when the round is still open. */
    public ApplicationRound.Decision decision() {
        return decision;
    }
}
