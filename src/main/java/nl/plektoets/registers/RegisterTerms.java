package nl.plektoets.registers;

import nl.plektoets.policy.DeadlineSettings;
import nl.plektoets.policy.PolicyProfile;

/**
 * The terms the register rules apply, from the policy profile (the registers hold no policy number): a temporary
 * permit's first term and its one renewal (thresholds {@code permit.initial_term_years}, {@code permit.renewal_years},
 * §5.1.2/§6.2.2 in Hardenberg) and the transition period of an existing location ({@code deadlines.transition_years},
 * §6.1.2), with that period's paragraph and, where the council has not adopted it, why not (said in every refusal
 * that states the period).
 */
public record RegisterTerms(
        int temporaryYears,
        int renewalYears,
        int transitionYears,
        String transitionParagraph,
        String transitionNotAdopted) {

    public static RegisterTerms of(PolicyProfile profile) {
        DeadlineSettings d = profile.deadlineSettings();
        return new RegisterTerms(
                profile.permitInitialTermYears(),
                profile.permitRenewalYears(),
                d.transitionYears(),
                d.transitionParagraph(),
                d.transitionNotAdopted());
    }

    /** "one year" / "2 years" as the refusals word the transition period, with its paragraph and adoption. */
    public String transitionPeriod() {
        String years = transitionYears == 1 ? "one year" : transitionYears + " years";
        return years + " (" + transitionParagraph
                + (transitionNotAdopted == null ? "" : "; indicative, not adopted: " + transitionNotAdopted) + ")";
    }
}
