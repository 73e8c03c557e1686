package nl.plektoets.registers;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;

/**
 * A signal about a housing location: from a resident, the village council (dorpsbelangen) or the police, with its
 * category, and what the regisseur does with it (follow-up and who, a service or a colleague). A signal from the
 * public form carries no personal data: no name, no address, no contact.
 *
 * @param viaPublicForm true when it came in through the public form on the map (then source {@code resident} or
 *                      {@code village_council}, as the sender said)
 */
public record LocationSignal(
        long id,
        long version,
        long locationId,
        LocalDate receivedOn,
        Source source,
        Category category,
        String description,
        String followUp,
        String followUpBy,
        Status status,
        boolean viaPublicForm,
        Instant createdAt,
        String createdBy,
        Instant updatedAt,
        String updatedBy)
        implements Versioned<LocationSignal> {

    public enum Source {
        RESIDENT,
        VILLAGE_COUNCIL,
        POLICE;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public enum Category {
        NOISE,
        PARKING,
        LITTER,
        OVERCROWDING,
        FIRE_SAFETY,
        OTHER;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public enum Status {
        OPEN,
        HANDLED;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    @Override
    public LocationSignal stamped(
            long newId, long newVersion, Instant created, String creator, Instant now, String actor) {
        return new LocationSignal(
                newId,
                newVersion,
                locationId,
                receivedOn,
                source,
                category,
                description,
                followUp,
                followUpBy,
                status,
                viaPublicForm,
                created,
                creator,
                now,
                actor);
    }
}
