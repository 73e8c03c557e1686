package nl.plektoets.rounds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import nl.plektoets.policy.PolicyProfile;
import nl.plektoets.policy.RoundPolicy;
import nl.plektoets.registers.RegisterJson;
import org.junit.jupiter.api.Test;

/**
 * The ranking of a round under Noordoostpolder's profile (§6): the total is the sum of weight x points as the profile
 * states them, the same entries in any order give the same ranking, equal totals follow the stated tie rule
 * (earlier submission, then lower initiative id), and allocation stops at the places of each category.
 */
class RankingTest {
    static final RoundPolicy POLICY =
            PolicyProfile.builtIn("noordoostpolder-2024").round().orElseThrow();
    static final Instant T0 = Instant.parse("2025-03-03T09:00:00Z");

    static ApplicationRound round(int medium, int large) {
        return new ApplicationRound(
                1,
                1,
                "Ronde 2025",
                LocalDate.parse("2025-03-01"),
                LocalDate.parse("2025-03-31"),
                "noordoostpolder-2024",
                List.of(
                        new ApplicationRound.Places("medium", 12, 12 - medium, medium),
                        new ApplicationRound.Places("large", 6, 6 - large, large)),
                null,
                T0,
                "ans",
                T0,
                "ans",
                null);
    }

    /** An entry with the same points q on every scored criterion, distance points d, dwellings n. */
    static RoundEntry entry(long id, long initiative, String category, Instant submitted, int q, int d, Integer n) {
        Map<String, RoundEntry.Score> scores = new TreeMap<>();
        for (RoundPolicy.Criterion c : POLICY.criteria())
            if (c.kind() == RoundPolicy.Kind.SCORED) scores.put(c.id(), new RoundEntry.Score(q, "note", "ans", T0));
        return new RoundEntry(
                id,
                1,
                1,
                initiative,
                category,
                category.equals("medium") ? 120 : 280,
                "Initiatiefnemer " + initiative,
                submitted,
                List.of(),
                n,
                scores,
                RegisterJson.MAPPER.createObjectNode().put("points", d),
                null,
                T0,
                "ans",
                T0,
                "ans");
    }

    /** The total computed here from the profile's weights: weight x points summed. */
    static BigDecimal expectedTotal(int q, int d, int n) {
        BigDecimal t = BigDecimal.ZERO;
        for (RoundPolicy.Criterion c : POLICY.criteria()) {
            int p = switch (c.kind()) {
                case SCORED -> q;
                case EMPLOYER_DISTANCE -> d;
                case COUNT -> Math.min(c.maxPoints(), n * c.pointsPerUnit());
            };
            t = t.add(new BigDecimal(Double.toString(c.weight())).multiply(BigDecimal.valueOf(p)));
        }
        return t;
    }

    static List<Long> order(Ranking.Result r) {
        return r.rows().stream().map(x -> x.entry().initiativeId()).toList();
    }

    @Test
    void theTotalIsTheWeightedSumAndAnyInsertionOrderGivesTheSameRanking() {
        List<RoundEntry> entries = new ArrayList<>();
        Random random = new Random(18);
        for (int i = 0; i < 14; i++) {
            int q = random.nextInt(6), d = random.nextInt(6), n = random.nextInt(5);
            // a few exact ties on purpose: the same points, different submission moments and ids
            if (i % 4 == 3) {
                q = 3;
                d = 2;
                n = 1;
            }
            entries.add(
                    entry(100 + i, 40 - i, i % 3 == 0 ? "large" : "medium", T0.plusSeconds(3600L * (i % 5)), q, d, n));
        }
        Ranking.Result first = Ranking.rank(POLICY, round(4, 2), entries);
        for (Ranking.Row row : first.rows()) {
            RoundEntry e = row.entry();
            int q = e.scores().get("housing_quality").points();
            assertEquals(
                    0,
                    expectedTotal(q, e.distance().get("points").asInt(), e.dwellingsReturned())
                            .compareTo(row.total()),
                    "total of " + e.initiativeId());
        }
        for (int k = 0; k < 20; k++) {
            List<RoundEntry> shuffled = new ArrayList<>(entries);
            Collections.shuffle(shuffled, new Random(k));
            Ranking.Result again = Ranking.rank(POLICY, round(4, 2), shuffled);
            assertEquals(order(first), order(again), "insertion order " + k);
            assertEquals(
                    first.rows().stream().map(Ranking.Row::allocated).toList(),
                    again.rows().stream().map(Ranking.Row::allocated).toList());
        }
        // a round total is written plainly: 10, never 1E+1 (JSON, CSV and PDF read it)
        Ranking.Row ten = Ranking.rank(POLICY, round(1, 1), List.of(entry(1, 1, "medium", T0, 0, 5, 0)))
                .rows()
                .get(0);
        assertEquals("10", ten.total().toString());
        // descending totals
        for (int i = 1; i < first.rows().size(); i++)
            assertTrue(first.rows()
                            .get(i - 1)
                            .total()
                            .compareTo(first.rows().get(i).total())
                    >= 0);
    }

    @Test
    void equalTotalsGoByEarlierSubmissionThenLowerInitiativeId() {
        RoundEntry late = entry(1, 5, "medium", T0.plusSeconds(60), 3, 3, 1);
        RoundEntry earlyHighId = entry(2, 9, "medium", T0, 3, 3, 1);
        RoundEntry earlyLowId = entry(3, 7, "medium", T0, 3, 3, 1);
        RoundEntry better = entry(4, 11, "medium", T0.plusSeconds(600), 4, 3, 1);
        Ranking.Result r = Ranking.rank(POLICY, round(12, 6), List.of(late, earlyHighId, better, earlyLowId));
        assertEquals(List.of(11L, 7L, 9L, 5L), order(r));
        assertNull(r.rows().get(0).tieBrokenBy(), "more points: no tie");
        assertNull(r.rows().get(1).tieBrokenBy(), "below a higher total: no tie");
        assertEquals("initiative_id", r.rows().get(2).tieBrokenBy(), "same points, same moment: the lower id first");
        assertEquals("submitted_at", r.rows().get(3).tieBrokenBy(), "same points: the earlier one first");
        assertEquals(
                List.of(RoundPolicy.TieKey.SUBMITTED_AT, RoundPolicy.TieKey.INITIATIVE_ID),
                POLICY.tieBreak().order(),
                "the rule the profile states is the one applied");
    }

    @Test
    void allocationStopsAtThePlacesOfEachCategoryAndSkipsIncompleteEntries() {
        List<RoundEntry> entries = new ArrayList<>();
        for (int i = 0; i < 4; i++) entries.add(entry(10 + i, 20 + i, "large", T0, 5 - i, 3, 0));
        for (int i = 0; i < 3; i++) entries.add(entry(30 + i, 40 + i, "medium", T0, 2, 1, 0));
        // the best medium one is not fully scored: it ranks, but is not allocated
        RoundEntry unscored = entry(50, 60, "medium", T0, 5, 5, null);
        entries.add(unscored);
        Ranking.Result r = Ranking.rank(POLICY, round(2, 2), entries);
        List<Long> allocatedLarge = new ArrayList<>(), allocatedMedium = new ArrayList<>();
        for (Ranking.Row row : r.rows()) {
            if (!row.allocated()) continue;
            (row.entry().category().equals("large") ? allocatedLarge : allocatedMedium)
                    .add(row.entry().initiativeId());
        }
        assertEquals(List.of(20L, 21L), allocatedLarge, "the two best large ones take the two places");
        assertEquals(List.of(40L, 41L), allocatedMedium, "ties by id; the unscored one does not take a place");
        assertEquals(Map.of("large", 0, "medium", 0), r.left());
        Ranking.Row third = r.rows().stream()
                .filter(x -> x.entry().initiativeId() == 22)
                .findFirst()
                .orElseThrow();
        assertFalse(third.allocated());
        assertTrue(third.reasonEn().contains("cap reached"), third.reasonEn());
        Ranking.Row open = r.rows().stream()
                .filter(x -> x.entry().initiativeId() == 60)
                .findFirst()
                .orElseThrow();
        assertFalse(open.complete());
        assertEquals(List.of("dwellings_returned"), open.missing());
        assertTrue(open.reasonEn().contains("not fully scored"), open.reasonEn());
        // no places at all: nothing is allocated
        assertTrue(Ranking.rank(POLICY, round(0, 0), entries).rows().stream().noneMatch(Ranking.Row::allocated));
    }
}
