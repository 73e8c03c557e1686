package nl.plektoets.registers;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The intake table's case of one housing initiative (Noordoostpolder's "intaketafel", Hardenberg §4.1): its case
 * owner (a regisseur), the intake meeting (date, the disciplines present, the advice of each, the outcome) and the
 * documents the policy asks for, each with its status and date. One per initiative; changed like a register entry
 * (optimistic version, every change audited as {@code intake_case}).
 *
 * @param documents only the documents the profile knows ({@code intake.documents}); which of them apply follows from
 *                  the initiative's assessment and is added to the answer, not stored
 */
public record IntakeCase(
        long id,
        long version,
        long initiativeId,
        String caseOwner,
        LocalDate meetingOn,
        List<Discipline> disciplines,
        List<Advice> advice,
        Outcome outcome,
        Procedure procedure,
        List<CaseDocument> documents,
        String notes,
        Instant createdAt,
        String createdBy,
        Instant updatedAt,
        String updatedBy)
        implements Versioned<IntakeCase> {

    public IntakeCase {
        disciplines = List.copyOf(disciplines);
        advice = List.copyOf(advice);
        documents = List.copyOf(documents);
    }

    /** The disciplines at the table. */
    public enum Discipline {
        SPATIAL_PLANNING,
        ENVIRONMENT,
        PERMITS_ENFORCEMENT,
        FIRE_BRIGADE,
        POLICE,
        VILLAGE_COUNCIL,
        REGISSEUR;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** One discipline's advice: positive, negative or positive with conditions, with its text. */
    public record Advice(Discipline discipline, AdviceKind kind, String text) {}

    public enum AdviceKind {
        POSITIVE,
        NEGATIVE,
        WITH_CONDITIONS;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** What the table decided: on to the permit procedure, back to the initiator to adjust, or stop. */
    public enum Outcome {
        TO_PROCEDURE,
        ADJUST,
        STOP;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Outcome> byId(String id) {
            return Arrays.stream(values()).filter(o -> o.id().equals(id)).findFirst();
        }
    }

    /** The permit procedure the application follows: regular or extended (its decision term, profile deadlines). */
    public enum Procedure {
        REGULAR,
        EXTENDED;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Procedure> byId(String id) {
            return Arrays.stream(values()).filter(o -> o.id().equals(id)).findFirst();
        }
    }

    /** A document's state: asked and not there, received (on a date), approved (on a date). */
    public record CaseDocument(String id, DocumentStatus status, LocalDate on) {}

    public enum DocumentStatus {
        MISSING,
        RECEIVED,
        APPROVED;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The same case with the store's id, version and who/when. */
    @Override
    public IntakeCase stamped(long newId, long newVersion, Instant created, String creator, Instant now, String actor) {
        return new IntakeCase(
                newId,
                newVersion,
                initiativeId,
                caseOwner,
                meetingOn,
                disciplines,
                advice,
                outcome,
                procedure,
                documents,
                notes,
                created,
                creator,
                now,
                actor);
    }
}
