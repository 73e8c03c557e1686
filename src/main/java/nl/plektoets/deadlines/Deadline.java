package nl.plektoets.deadlines;

import java.time.LocalDate;
import java.util.Locale;

/**
 * One date the regisseur must act by.
 *
 * @param subject   {@code initiative} or {@code location}
 * @param subjectId its register id
 * @param title     what is due, in words (English; the page translates the kind)
 * @param immediate an excluded situation of §6.1.2: act now, no transition year
 * @param adopted   false where the date rests on a number the policy does not give (the profile says so)
 */
public record Deadline(
        Kind kind,
        LocalDate due,
        String subject,
        long subjectId,
        String title,
        String paragraph,
        boolean immediate,
        boolean adopted) {

    public enum Kind {
        /** §6.1.2 plek-voor-plek: an existing location complies within a year of acceptance. */
        TRANSITION,
        /** §6.1.2: life-threatening, fire-unsafe or nuisance: no transition year. */
        IMMEDIATE_ACTION,
        /** §6.2.2: a temporary permit ends. */
        PERMIT_END,
        /** §6.2.2: apply for the 5-year renewal before this date. */
        RENEWAL_WINDOW,
        /** The permit application's decision term (regular or extended procedure). */
        PROCEDURE_TERM,
        /** Bijlage 2: the location's SNF certificate expires. */
        SNF_EXPIRY;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Whether the date has passed on {@code today}. */
    public boolean overdue(LocalDate today) {
        return due.isBefore(today);
    }
}
