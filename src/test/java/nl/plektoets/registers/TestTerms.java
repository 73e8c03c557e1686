package nl.plektoets.registers;

import nl.plektoets.policy.PolicyProfile;

/** Tests' register terms: read from the built-in Hardenberg profile, as {@code serve} reads them by default. */
public final class TestTerms {
    public static final RegisterTerms HARDENBERG = RegisterTerms.of(PolicyProfile.builtIn("hardenberg-2025"));

    private TestTerms() {}
}
