package nl.plektoets.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import nl.plektoets.registers.InitiativeStatus;
import org.junit.jupiter.api.Test;

/**
 * The profile's reading of §4.1.2 (which initiatives the public overview shows, how precisely a private person's):
 * Hardenberg's as written in its profile, none without the section, and every mistake named with its fix.
 */
class PublicInitiativesTest {
    @Test
    void hardenbergPublishesFromTheIntakeOnAndSaysTheReadingIsNotAdopted() {
        PublicInitiatives p = PolicyProfile.load(null).publicInitiatives();
        assertEquals(List.of("intake", "assessment", "permit_applied", "granted", "refused", "realised"), p.statuses());
        assertFalse(p.isPublic("reported"), "a first report at the meldpunt is not public");
        assertFalse(p.isPublic("ended"));
        assertEquals(PublicInitiatives.PrivateLocation.STREET, p.privateLocation());
        assertEquals("§4.1.2", p.paragraph());
        assertFalse(p.adopted());
        assertTrue(p.adoptedNote().contains("§4.1.2") && p.adoptedNoteNl().contains("§4.1.2"));
    }

    @Test
    void aProfileWithoutTheSectionPublishesNothing() throws Exception {
        PublicInitiatives p =
                PolicyProfile.parse(PolicyProfileTest.strict(), "test.yaml").publicInitiatives();
        assertEquals(List.of(), p.statuses());
        for (InitiativeStatus s : InitiativeStatus.values()) assertFalse(p.isPublic(s.id()), s.id());
    }

    @Test
    void mistakesAreNamedWithTheFix() throws Exception {
        PolicyProfileException e = PolicyProfileTest.invalid(PolicyProfileTest.strict()
                + "\npublic_initiatives:\n  statuses: [intake, draft]\n  private_location: house\n  adopted: maybe\n"
                + "  shown: all\n");
        String m = e.getMessage();
        assertTrue(m.contains("public_initiatives.statuses contains 'draft'; fix: use statuses from"), m);
        assertTrue(m.contains("public_initiatives.private_location is 'house'; fix: street or village"), m);
        assertTrue(m.contains("public_initiatives.paragraph is missing"), m);
        assertTrue(m.contains("public_initiatives.adopted must be true or false"), m);
        assertTrue(m.contains("public_initiatives.shown is not known"), m);
    }

    @Test
    void theKnownStatusesAreTheRegistersStatuses() {
        assertEquals(
                Arrays.stream(InitiativeStatus.values())
                        .map(InitiativeStatus::id)
                        .toList(),
                PublicInitiatives.KNOWN_STATUSES);
    }
}
