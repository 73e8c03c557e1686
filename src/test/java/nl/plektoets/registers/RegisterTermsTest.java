package nl.plektoets.registers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import nl.plektoets.policy.PolicyProfile;
import org.junit.jupiter.api.Test;

/** The register terms are the profile's: Hardenberg's adopted §6.1.2 year, Noordoostpolder's default said to be one. */
class RegisterTermsTest {
    @Test
    void hardenbergsTermsAreItsAdoptedNumbers() {
        PolicyProfile profile = PolicyProfile.builtIn("hardenberg-2025");
        RegisterTerms terms = RegisterTerms.of(profile);
        assertEquals(profile.permitInitialTermYears(), terms.temporaryYears());
        assertEquals(profile.permitRenewalYears(), terms.renewalYears());
        assertEquals(1, terms.transitionYears());
        assertEquals("one year (§6.1.2)", terms.transitionPeriod());
        assertTrue(profile.deadlineSettings().transitionAdopted());
    }

    @Test
    void noordoostpolderHasNoTransitionRuleSoItsDefaultSaysItIsNotAdopted() {
        PolicyProfile profile = PolicyProfile.builtIn("noordoostpolder-2024");
        RegisterTerms terms = RegisterTerms.of(profile);
        assertEquals("§9", terms.transitionParagraph());
        assertFalse(profile.deadlineSettings().transitionAdopted());
        assertTrue(
                terms.transitionPeriod().startsWith("one year (§9; indicative, not adopted: the digest"),
                terms.transitionPeriod());
    }
}
