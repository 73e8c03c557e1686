package nl.plektoets.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The profile's {@code round:} block (issue 18, §6): Noordoostpolder's is read with its five criteria, their weights
 * and scales and the tie rule; a block that would leave a tie open, a band outside the scale, a category without a
 * cap or an unknown kind is refused with the key and the fix; Hardenberg's profile has no rounds.
 */
class RoundPolicyTest {
    static String yaml() throws IOException {
        try (InputStream in = RoundPolicyTest.class.getResourceAsStream("/policy/noordoostpolder-2024.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void noordoostpoldersRoundIsReadAndHardenbergHasNone() throws IOException {
        RoundPolicy round = PolicyProfile.parse(yaml(), "test").round().orElseThrow();
        assertEquals("§6", round.paragraph());
        assertEquals(java.util.List.of("medium", "large"), round.categories());
        assertEquals(
                java.util.List.of(
                        "housing_quality",
                        "landscape_fit",
                        "employer_distance",
                        "neighbour_involvement",
                        "dwellings_returned"),
                round.criteria().stream().map(RoundPolicy.Criterion::id).toList());
        RoundPolicy.Criterion distance = round.criterion("employer_distance").orElseThrow();
        assertEquals(5, distance.pointsForKm(5.0));
        assertEquals(4, distance.pointsForKm(5.01));
        assertEquals(0, distance.pointsForKm(40.5), "beyond the last band: the minimum");
        assertEquals(3, round.criterion("dwellings_returned").orElseThrow().pointsForCount(7), "capped at the maximum");
        assertTrue(!round.adopted() && round.criteria().stream().noneMatch(RoundPolicy.Criterion::adopted));
        assertTrue(PolicyProfile.load(null).round().isEmpty());
    }

    @Test
    void aBadRoundBlockIsRefusedWithTheFix() throws IOException {
        String y = yaml();
        String openTie = y.replace("order: [submitted_at, initiative_id]", "order: [submitted_at]");
        var e = assertThrows(PolicyProfileException.class, () -> PolicyProfile.parse(openTie, "test"));
        assertTrue(e.getMessage().contains("round.tie_break.order must end with initiative_id"), e.getMessage());
        String band = y.replace("- {max_km: 5, points: 5}", "- {max_km: 5, points: 9}");
        e = assertThrows(PolicyProfileException.class, () -> PolicyProfile.parse(band, "test"));
        assertTrue(e.getMessage().contains("round.criteria.employer_distance.bands"), e.getMessage());
        String small = y.replace("categories: [medium, large]", "categories: [small, large]");
        e = assertThrows(PolicyProfileException.class, () -> PolicyProfile.parse(small, "test"));
        assertTrue(e.getMessage().contains("round.categories names 'small'"), e.getMessage());
        String kind = y.replace("kind: count", "kind: lottery");
        e = assertThrows(PolicyProfileException.class, () -> PolicyProfile.parse(kind, "test"));
        assertTrue(e.getMessage().contains("round.criteria.dwellings_returned.kind"), e.getMessage());
        String paragraph = y.replace(
                "  tie_break:\n    order: [submitted_at, initiative_id]\n    paragraph: \"§6\"",
                "  tie_break:\n    order: [submitted_at, initiative_id]\n    paragraph: \"§12\"");
        e = assertThrows(PolicyProfileException.class, () -> PolicyProfile.parse(paragraph, "test"));
        assertTrue(e.getMessage().contains("round.tie_break.paragraph"), e.getMessage());
    }
}
