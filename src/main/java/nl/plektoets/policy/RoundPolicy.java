package nl.plektoets.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The profile's {@code round:} block (issue 18; Noordoostpolder §6): medium and large locations are applied for in one
 * round and ranked by points. Which size categories enter a round, the criteria with their weight, scale (min/max
 * points), kind and paragraph, and the rule that breaks a tie. Where the policy gives no number (the digest names the
 * criteria, not their weights or scales) the block says {@code adopted: false} with the reason, and every answer that
 * uses it says so. A profile without the block has no rounds.
 *
 * @param paragraph  the paragraph the round applies (the ranking, the allocation)
 * @param categories the size categories ({@code locations.size_categories} ids) entered into a round, each with a cap
 * @param criteria   the criteria in the profile's order
 * @param tieBreak   the order that decides between equal totals
 */
public record RoundPolicy(
        String paragraph,
        List<String> categories,
        List<Criterion> criteria,
        TieBreak tieBreak,
        boolean adopted,
        String adoptedNote) {

    /** How a criterion's points come about. */
    public enum Kind {
        /** from the network: the distance from the site to the initiative's employers (bands of km -> points) */
        EMPLOYER_DISTANCE,
        /** an entered number (ordinary dwellings returned to the market) times points per unit, up to the maximum */
        COUNT,
        /** points given by the planners, with a note */
        SCORED;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Up to {@code maxKm} (inclusive) of distance: {@code points}. */
    public record Band(double maxKm, int points) {}

    /**
     * One criterion.
     *
     * @param bands         {@link Kind#EMPLOYER_DISTANCE}: ascending maxima; beyond the last: {@code minPoints}
     * @param pointsPerUnit {@link Kind#COUNT}: points per unit entered (capped at {@code maxPoints})
     */
    public record Criterion(
            String id,
            Kind kind,
            double weight,
            int minPoints,
            int maxPoints,
            String paragraph,
            String nl,
            String en,
            List<Band> bands,
            int pointsPerUnit,
            boolean adopted,
            String adoptedNote) {

        /** The points of a distance (km): the first band that holds it, else the minimum. */
        public int pointsForKm(double km) {
            for (Band b : bands) if (km <= b.maxKm()) return b.points();
            return minPoints;
        }

        /** The points of an entered count. */
        public int pointsForCount(int count) {
            return Math.max(minPoints, Math.min(maxPoints, count * pointsPerUnit));
        }
    }

    /** The keys a tie rule may use, each in one direction. */
    public enum TieKey {
        /** the earlier submission first */
        SUBMITTED_AT,
        /** the lower initiative id first */
        INITIATIVE_ID;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The tie rule: the keys in order, and the rule in words (nl, en) for the answer and the exports. */
    public record TieBreak(List<TieKey> order, String paragraph, String nl, String en, boolean adopted, String note) {}

    public Optional<Criterion> criterion(String id) {
        return criteria.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /** The paragraphs cited, for the profile's check against its text. */
    Map<String, String> citations() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("round.paragraph", paragraph);
        for (Criterion c : criteria) out.put("round.criteria." + c.id() + ".paragraph", c.paragraph());
        out.put("round.tie_break.paragraph", tieBreak.paragraph());
        return out;
    }

    /** Reads {@code round:}; problems are added with the fix. No block: no rounds. */
    static Optional<RoundPolicy> parse(JsonNode n, LocationRules locations, List<String> problems) {
        if (n == null || n.isNull()) return Optional.empty();
        if (!n.isObject()) {
            problems.add("round must be a mapping (paragraph, categories, criteria, tie_break); fix: see"
                    + " policy/noordoostpolder-2024.yaml");
            return Optional.empty();
        }
        int before = problems.size();
        String paragraph = text(n, "paragraph", "round.paragraph", problems);
        List<String> categories = new ArrayList<>();
        for (JsonNode c : n.path("categories")) {
            String id = c.asText();
            var size = locations.sizeCategories().stream()
                    .filter(s -> s.id().equals(id))
                    .findFirst();
            if (size.isEmpty() || size.get().cap() == null) {
                problems.add("round.categories names '" + id + "'; fix: name size categories of"
                        + " locations.size_categories that have a cap");
            } else categories.add(id);
        }
        if (categories.isEmpty() && problems.size() == before)
            problems.add("round.categories is empty; fix: list the size categories applied for in a round");
        List<Criterion> criteria = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (JsonNode c : n.path("criteria")) {
            Criterion parsed = criterion(c, problems);
            if (parsed == null) continue;
            if (!seen.add(parsed.id()))
                problems.add("round.criteria." + parsed.id() + " is listed twice; fix: keep one");
            else criteria.add(parsed);
        }
        if (criteria.isEmpty() && problems.size() == before)
            problems.add("round.criteria is empty; fix: list the criteria with weight, min_points, max_points");
        TieBreak tie = tieBreak(n.path("tie_break"), problems);
        boolean adopted = n.path("adopted").asBoolean(true);
        String note = n.path("adopted_note").asText(null);
        if (problems.size() > before) return Optional.empty();
        return Optional.of(new RoundPolicy(paragraph, categories, criteria, tie, adopted, note));
    }

    private static Criterion criterion(JsonNode c, List<String> problems) {
        String id = c.path("id").asText("").trim();
        String key = "round.criteria." + (id.isEmpty() ? "?" : id);
        if (!id.matches("[a-z][a-z0-9_]*")) {
            problems.add(key + ".id is '" + id + "'; fix: lower-case letters, digits and '_'");
            return null;
        }
        Kind kind;
        try {
            kind = Kind.valueOf(c.path("kind").asText("").trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(key + ".kind is '" + c.path("kind").asText("") + "'; fix: employer_distance, count or scored");
            return null;
        }
        double weight = c.path("weight").asDouble(Double.NaN);
        if (!(weight > 0)) problems.add(key + ".weight must be a number above 0");
        int min = c.path("min_points").asInt(0);
        int max = c.path("max_points").asInt(-1);
        if (!c.path("min_points").canConvertToInt() && c.has("min_points"))
            problems.add(key + ".min_points must be a whole number");
        if (!c.path("max_points").isIntegralNumber() || max <= min)
            problems.add(key + ".max_points must be a whole number above min_points (" + min + ")");
        String paragraph = text(c, "paragraph", key + ".paragraph", problems);
        String nl = text(c, "nl", key + ".nl", problems);
        String en = text(c, "en", key + ".en", problems);
        List<Band> bands = new ArrayList<>();
        int perUnit = 0;
        if (kind == Kind.EMPLOYER_DISTANCE) {
            double last = 0;
            for (JsonNode b : c.path("bands")) {
                double km = b.path("max_km").asDouble(Double.NaN);
                int points = b.path("points").asInt(Integer.MIN_VALUE);
                if (!(km > last) || points < min || points > max) {
                    problems.add(key + ".bands: each {max_km, points} ascending in km with points within " + min + ".."
                            + max + "; fix the band at max_km "
                            + b.path("max_km").asText());
                } else {
                    bands.add(new Band(km, points));
                    last = km;
                }
            }
            if (bands.isEmpty()) problems.add(key + ".bands is missing; fix: list {max_km, points} ascending");
        } else if (kind == Kind.COUNT) {
            perUnit = c.path("points_per_unit").asInt(0);
            if (perUnit <= 0) problems.add(key + ".points_per_unit must be a whole number above 0");
        }
        return new Criterion(
                id,
                kind,
                weight,
                min,
                max,
                paragraph,
                nl,
                en,
                bands,
                perUnit,
                c.path("adopted").asBoolean(true),
                c.path("adopted_note").asText(null));
    }

    private static TieBreak tieBreak(JsonNode t, List<String> problems) {
        List<TieKey> order = new ArrayList<>();
        for (JsonNode k : t.path("order")) {
            try {
                order.add(TieKey.valueOf(k.asText().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                problems.add("round.tie_break.order names '" + k.asText() + "'; fix: submitted_at, initiative_id");
            }
        }
        // the initiative id is unique: with it last, no two entries ever tie, so the order is total
        if (!order.contains(TieKey.INITIATIVE_ID))
            problems.add("round.tie_break.order must end with initiative_id (unique), so no tie is left open");
        else if (order.get(order.size() - 1) != TieKey.INITIATIVE_ID)
            problems.add("round.tie_break.order: initiative_id must be the last key (it is unique)");
        return new TieBreak(
                order,
                text(t, "paragraph", "round.tie_break.paragraph", problems),
                text(t, "nl", "round.tie_break.nl", problems),
                text(t, "en", "round.tie_break.en", problems),
                t.path("adopted").asBoolean(true),
                t.path("adopted_note").asText(null));
    }

    private static String text(JsonNode n, String field, String key, List<String> problems) {
        String v = n.path(field).asText("").trim();
        if (v.isEmpty()) {
            problems.add(key + " is missing; fix: add it");
            return null;
        }
        return v;
    }
}
