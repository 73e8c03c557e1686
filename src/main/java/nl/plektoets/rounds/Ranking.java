package nl.plektoets.rounds;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.plektoets.policy.RoundPolicy;
import nl.plektoets.policy.RoundPolicy.Criterion;
import nl.plektoets.policy.RoundPolicy.TieKey;

/**
 * The ranking of a round and its allocation (§6): a pure function of the profile's round block, the round's places
 * and the entries, so the same inputs give the same order whatever order they were entered in. Each entry's total is
 * the sum of weight x points over the criteria (exact decimals, no rounding); a higher total ranks first, equal totals
 * by the profile's tie rule, which ends with the unique initiative id, so the order is total. Allocation walks the
 * ranking and gives each entry a place of its size category while the round has one left; an entry not fully scored
 * is not allocated (the college cannot decide on it), and says which scores are missing.
 */
public final class Ranking {
    private Ranking() {}

    /** The points of one criterion for one entry. */
    public record Points(Criterion criterion, Integer points, BigDecimal weighted, String missing) {}

    /**
     * One ranked entry.
     *
     * @param rank          1 for the first of the whole round
     * @param tieBrokenBy   the tie key that put this entry below the one above with the same total; null when the
     *                      totals differ (or for the first)
     * @param reasonNl      why it is or is not allocated, in words
     */
    public record Row(
            int rank,
            RoundEntry entry,
            List<Points> points,
            BigDecimal total,
            boolean complete,
            List<String> missing,
            String tieBrokenBy,
            boolean allocated,
            String reasonNl,
            String reasonEn) {}

    /** The ranking with what was left of each category after allocation. */
    public record Result(List<Row> rows, Map<String, Integer> left) {}

    public static Result rank(RoundPolicy policy, ApplicationRound round, List<RoundEntry> entries) {
        List<Row> scored = new ArrayList<>();
        for (RoundEntry e : entries) scored.add(score(policy, e));
        scored.sort(Comparator.comparing(Row::total)
                .reversed()
                .thenComparing((a, b) -> tie(policy.tieBreak().order(), a.entry(), b.entry())));
        Map<String, Integer> left = new HashMap<>();
        Map<String, Integer> available = new HashMap<>();
        for (ApplicationRound.Places p : round.places()) {
            left.put(p.category(), p.available());
            available.put(p.category(), p.available());
        }
        List<Row> out = new ArrayList<>();
        for (int i = 0; i < scored.size(); i++) {
            Row r = scored.get(i);
            String tieKey = null;
            if (i > 0 && scored.get(i - 1).total().compareTo(r.total()) == 0)
                tieKey =
                        decidingKey(policy.tieBreak().order(), scored.get(i - 1).entry(), r.entry());
            String category = r.entry().category();
            int places = left.getOrDefault(category, 0);
            boolean allocated;
            String nl;
            String en;
            if (!r.complete()) {
                allocated = false;
                nl = "niet toegewezen: nog niet volledig beoordeeld (" + String.join(", ", r.missing()) + ")";
                en = "not allocated: not fully scored yet (" + String.join(", ", r.missing()) + ")";
            } else if (places > 0) {
                allocated = true;
                left.put(category, places - 1);
                int n = available.getOrDefault(category, 0) - places + 1;
                nl = "toegewezen: plaats " + n + " van " + available.getOrDefault(category, 0) + " (" + category + ")";
                en = "allocated: place " + n + " of " + available.getOrDefault(category, 0) + " (" + category + ")";
            } else {
                allocated = false;
                nl = "niet toegewezen: de " + available.getOrDefault(category, 0) + " beschikbare plaatsen (" + category
                        + ") zijn vergeven aan hoger gerangschikte aanvragen (maximum bereikt)";
                en = "not allocated: the " + available.getOrDefault(category, 0) + " available places (" + category
                        + ") went to higher-ranked applications (cap reached)";
            }
            out.add(new Row(
                    i + 1, r.entry(), r.points(), r.total(), r.complete(), r.missing(), tieKey, allocated, nl, en));
        }
        return new Result(out, left);
    }

    /** The points of every criterion and the weighted total of one entry, before it is placed. */
    static Row score(RoundPolicy policy, RoundEntry e) {
        List<Points> points = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (Criterion c : policy.criteria()) {
            Integer p = null;
            String why = null;
            switch (c.kind()) {
                case SCORED -> {
                    RoundEntry.Score s = e.scores().get(c.id());
                    if (s == null) why = "not scored";
                    else p = s.points();
                }
                case COUNT -> {
                    if (e.dwellingsReturned() == null) why = "not entered";
                    else p = c.pointsForCount(e.dwellingsReturned());
                }
                case EMPLOYER_DISTANCE -> {
                    // computed: an initiative without reachable employers gets the minimum, with the reason kept in
                    // the distance evidence; it is never left open
                    var d = e.distance();
                    p = d != null && d.hasNonNull("points") ? d.get("points").asInt() : c.minPoints();
                }
            }
            if (p == null) missing.add(c.id());
            BigDecimal weighted = p == null
                    ? BigDecimal.ZERO
                    : BigDecimal.valueOf(c.weight()).multiply(BigDecimal.valueOf(p.longValue()));
            total = total.add(weighted);
            points.add(new Points(c, p, plain(weighted), why));
        }
        return new Row(0, e, points, plain(total), missing.isEmpty(), missing, null, false, null, null);
    }

    /** 34, 12.5: without trailing zeros and never in exponent form (30, not 3E+1), in JSON, CSV and PDF alike. */
    static BigDecimal plain(BigDecimal v) {
        BigDecimal t = v.stripTrailingZeros();
        return t.scale() < 0 ? t.setScale(0) : t;
    }

    private static int tie(List<TieKey> order, RoundEntry a, RoundEntry b) {
        for (TieKey k : order) {
            int c = compare(k, a, b);
            if (c != 0) return c;
        }
        return 0;
    }

    private static int compare(TieKey k, RoundEntry a, RoundEntry b) {
        return switch (k) {
            case SUBMITTED_AT -> a.submittedAt().compareTo(b.submittedAt());
            case INITIATIVE_ID -> Long.compare(a.initiativeId(), b.initiativeId());
        };
    }

    private static String decidingKey(List<TieKey> order, RoundEntry above, RoundEntry below) {
        for (TieKey k : order) if (compare(k, above, below) != 0) return k.id();
        return null;
    }
}
