package nl.plektoets.rounds;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.plektoets.registers.Versioned;

/**
 * One initiative entered into a round: its size category when entered, when the application was submitted (the tie
 * rule reads it, so it is the application's moment, not the moment it was typed in), the employers its residents work
 * for, the ordinary dwellings it returns to the market, the planners' scores with their notes, and the distance
 * points computed from the network with their evidence (kept, so the ranking does not change when the data is
 * reloaded; recomputed when the employers change). Changed like a register entry (audited as {@code round_entry}).
 *
 * @param employers         where the residents work, in RD New (as entered)
 * @param dwellingsReturned ordinary dwellings returned to the regular market; null when not entered
 * @param scores            per scored criterion id, its points and note (sorted by id)
 * @param distance          the computed employer distance: {@code {points|null, reason?, meanKm?, employers: [...]}}
 */
public record RoundEntry(
        long id,
        long version,
        long roundId,
        long initiativeId,
        String category,
        int persons,
        String initiator,
        Instant submittedAt,
        List<EmployerPoint> employers,
        Integer dwellingsReturned,
        Map<String, Score> scores,
        JsonNode distance,
        String notes,
        Instant createdAt,
        String createdBy,
        Instant updatedAt,
        String updatedBy)
        implements Versioned<RoundEntry> {

    public RoundEntry {
        employers = List.copyOf(employers);
        scores = java.util.Collections.unmodifiableMap(new TreeMap<>(scores));
    }

    /** An employer: name, address as written (or null), its place in RD New, workers living here. */
    public record EmployerPoint(String name, String address, double x, double y, int workers) {}

    /** A planner's points for one criterion, with the note that says why, and who gave them when. */
    public record Score(int points, String note, String by, Instant at) {}

    @Override
    public RoundEntry stamped(long newId, long newVersion, Instant created, String creator, Instant now, String actor) {
        return new RoundEntry(
                newId,
                newVersion,
                roundId,
                initiativeId,
                category,
                persons,
                initiator,
                submittedAt,
                employers,
                dwellingsReturned,
                scores,
                distance,
                notes,
                created,
                creator,
                now,
                actor);
    }

    public RoundEntry with(
            List<EmployerPoint> newEmployers,
            Integer newDwellings,
            Map<String, Score> newScores,
            JsonNode newDistance,
            String newNotes,
            Instant newSubmittedAt) {
        return new RoundEntry(
                id,
                version,
                roundId,
                initiativeId,
                category,
                persons,
                initiator,
                newSubmittedAt,
                newEmployers,
                newDwellings,
                newScores,
                newDistance,
                newNotes,
                createdAt,
                createdBy,
                updatedAt,
                updatedBy);
    }
}
