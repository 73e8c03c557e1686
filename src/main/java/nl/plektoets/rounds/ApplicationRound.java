package nl.plektoets.rounds;

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
        String updatedBy)
        implements Versioned<ApplicationRound> {

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

    @Override
    public ApplicationRound stamped(
            long newId, long newVersion, Instant created, String creator, Instant now, String actor) {
        return new ApplicationRound(
                newId, newVersion, name, opensOn, closesOn, policyId, places, notes, created, creator, now, actor);
    }
}
