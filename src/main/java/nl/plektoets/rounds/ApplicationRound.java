package nl.plektoets.rounds;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import nl.plektoets.registers.Versioned;

/**
 * A round of applications for medium and large locations (Noordoostpolder §6, issue 18): its name, the dates it is
 * open for applications, the profile it was opened under, and the places available per size category, worked out
 * when it was opened (the category's cap minus the initiatives the register held in the cap's statuses) and kept, so
 * the allocation of this round does not shift when the register changes afterwards. Changed like a register entry
 * (optimistic version, every change audited as {@code application_round}).
 *
 * <p>A round is {@code open} until the college's decision on its ranking is recorded ({@code decision}), then
 * {@code decided}: its entries, scores and places are frozen and the ranking kept with the decision is the one the CSV,
 * the PDF and the step to the intake table use from then on.
 *
 * @param decision the college's decision, null while the round is open
 */
public record ApplicationRound(
        long id,
        long version,
        String name,
        LocalDate opensOn,
        LocalDate closesOn,
        String policyId,
        List<Places> places,
        String notes,
        Instant createdAt,
        String createdBy,
        Instant updatedAt,
        String updatedBy,
        Decision decision)
        implements Versioned<ApplicationRound> {
    public static final String OPEN = "open";
    public static final String DECIDED = "decided";

    public ApplicationRound {
        places = List.copyOf(places);
    }

    /**
     * The places of one size category when the round was opened.
     *
     * @param cap       the profile's cap for the whole municipality
     * @param held      initiatives of the category in the register in the cap's statuses (granted, realised)
     * @param available what the round may allocate: cap minus held, never below 0
     */
    public record Places(String category, int cap, int held, int available) {}

    /**
     * The college's decision on the ranking (§6), as recorded.
     *
     * @param decidedOn  the date of the college's decision
     * @param reference  the decision's reference, e.g. its number
     * @param recordedBy who recorded it (the token's name)
     * @param recordedAt when it was recorded
     * @param ranking    the ranking and allocation at that moment ({@link RoundJson#ranking}), kept as decided
     */
    public record Decision(
            java.time.LocalDate decidedOn, String reference, String recordedBy, Instant recordedAt, JsonNode ranking) {}

    /** {@value #OPEN} until the decision is recorded, then {@value #DECIDED}. */
    public String status() {
        return decision == null ? OPEN : DECIDED;
    }

    public boolean decided() {
        return decision != null;
    }

    /** Refuses {@code change} (e.g. "a new entry") once the college has decided: the round is frozen then. */
    public void requireOpen(String change) {
        if (decision != null) throw RoundStatusException.decided(this, change);
    }

    public ApplicationRound withDecision(Decision d) {
        return new ApplicationRound(
                id, version, name, opensOn, closesOn, policyId, places, notes, createdAt, createdBy, updatedAt,
                updatedBy, d);
    }

    @Override
    public ApplicationRound stamped(
            long newId, long newVersion, Instant created, String creator, Instant now, String actor) {
        return new ApplicationRound(
                newId,
                newVersion,
                name,
                opensOn,
                closesOn,
                policyId,
                places,
                notes,
                created,
                creator,
                now,
                actor,
                decision);
    }
}
