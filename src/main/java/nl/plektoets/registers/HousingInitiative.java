package nl.plektoets.registers;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import nl.plektoets.request.HousingForm;
import org.locationtech.jts.geom.Geometry;

/**
 * One entry of the housing-initiative register (§4.1.2, §8.1 monitoring).
 *
 * @param site               the site in EPSG:28992 (RD New)
 * @param initiator          the initiating organisation (employer, agency, housing provider), never a person
 * @param permitType         temporary (10 + 5 years, §5.1.2/§6.2.2) or permanent (room rental only, §5.1.2); null
 *                           before a permit is applied for
 * @param existingLocation   true for housing that already exists and falls under the transition of §6.1.2
 * @param acceptedOn         when the municipality accepted the existing location (start of the §6.1.2 year)
 * @param transitionDeadline §6.1.2 "plek-voor-plek": acceptance + 1 year, later only when extended
 * @param permitStart        start of the permit
 * @param permitEnd          end of a temporary permit: start + 10 years, + 5 on renewal, never beyond 15 (§6.2.2)
 * @param steps              every status step with its assessment snapshot, oldest first
 */
public record HousingInitiative(
        long id,
        long version,
        Geometry site,
        HousingForm form,
        int persons,
        String initiator,
        InitiativeStatus status,
        PermitType permitType,
        boolean existingLocation,
        LocalDate acceptedOn,
        LocalDate transitionDeadline,
        LocalDate permitStart,
        LocalDate permitEnd,
        List<InitiativeStep> steps,
        String notes,
        Instant createdAt,
        String createdBy,
        Instant updatedAt,
        String updatedBy) {
    public HousingInitiative {
        steps = List.copyOf(steps);
    }

    public HousingInitiative stamped(long newId, long newVersion, Instant now, String actor) {
        return new HousingInitiative(
                newId,
                newVersion,
                site,
                form,
                persons,
                initiator,
                status,
                permitType,
                existingLocation,
                acceptedOn,
                transitionDeadline,
                permitStart,
                permitEnd,
                steps,
                notes,
                createdAt == null ? now : createdAt,
                createdBy == null ? actor : createdBy,
                now,
                actor);
    }
}
