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
 * @param initiator          who takes the initiative: an organisation (employer, agency, housing provider) or a person
 * @param initiatorKind      organisation or person: a person's initiative is public by village or street only (§4.1.2)
 * @param projectPage        the initiator's own project page (http or https), which the public overview links to
 *                           (§4.1.2); null when none is given
 * @param permitType         temporary (10 + 5 years, §5.1.2/§6.2.2) or permanent (room rental only, §5.1.2); null
 *                           before a permit is applied for
 * @param existingLocation   true for housing that already exists and falls under the transition of §6.1.2
 * @param acceptedOn         when the municipality accepted the existing location (start of the §6.1.2 year)
 * @param transitionDeadline §6.1.2 "plek-voor-plek": acceptance + 1 year, later only when extended
 * @param transitionExtensionReason why the municipality extended the §6.1.2 year (required for an extension, {@link
 *                           Registers}); null when the deadline is not extended
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
        InitiatorKind initiatorKind,
        String projectPage,
        InitiativeStatus status,
        PermitType permitType,
        boolean existingLocation,
        LocalDate acceptedOn,
        LocalDate transitionDeadline,
        String transitionExtensionReason,
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
        if (initiatorKind == null) initiatorKind = InitiatorKind.ORGANISATION;
    }

    /**
     * Whether the §6.1.2 deadline lies beyond acceptance + the profile's transition period
     * ({@link RegisterTerms#transitionYears()}): an extension, which the policy allows only with a reason. Unknown
     * (false) without an acceptance date.
     */
    public boolean transitionExtended(int transitionYears) {
        return existingLocation
                && acceptedOn != null
                && transitionDeadline != null
                && transitionDeadline.isAfter(acceptedOn.plusYears(transitionYears));
    }

    public HousingInitiative stamped(long newId, long newVersion, Instant now, String actor) {
        return new HousingInitiative(
                newId,
                newVersion,
                site,
                form,
                persons,
                initiator,
                initiatorKind,
                projectPage,
                status,
                permitType,
                existingLocation,
                acceptedOn,
                transitionDeadline,
                transitionExtensionReason,
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
