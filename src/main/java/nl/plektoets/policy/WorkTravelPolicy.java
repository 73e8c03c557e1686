package nl.plektoets.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import nl.plektoets.policy.EnvironmentPolicy.CitedValue;

/**
 * The profile's {@code distance_to_work:} block (issue 13, ETFAL part 2): §5.1 "De huisvesting wordt zoveel mogelijk
 * gerealiseerd dichtbij hun werk" and §7.1.2, where the covenant is to hold "afspraken over maximale pendelafstand".
 * The maximum is cited with its source and {@code adopted}: until the covenant sets one it is the service's
 * placeholder, and every answer says so.
 *
 * @param paragraph    the policy paragraphs the criterion cites
 * @param measure      which network distance is held against the maximum
 * @param maxCommuteKm the maximum commuting distance, km
 */
public record WorkTravelPolicy(String paragraph, Measure measure, CitedValue maxCommuteKm) {

    /** Which of an employer's network distances counts as the commuting distance. */
    public enum Measure {
        /** the shorter of cycling and driving: the residents may take either */
        SHORTEST,
        CYCLING,
        DRIVING;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    static Optional<WorkTravelPolicy> parse(JsonNode root, List<String> problems) {
        JsonNode n = root.get("distance_to_work");
        if (n == null || n.isNull()) return Optional.empty();
        String paragraph = n.path("paragraph").asText("").trim();
        if (paragraph.isEmpty()) {
            problems.add("distance_to_work.paragraph is missing; fix: cite the policy paragraphs, e.g. '§5.1, §7.1.2'");
        }
        Measure measure = Measure.SHORTEST;
        String m = n.path("measure").asText("shortest").trim();
        try {
            measure = Measure.valueOf(m.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add("distance_to_work.measure is '" + m + "'; fix: write shortest, cycling or driving");
        }
        CitedValue max =
                EnvironmentPolicy.cited(n.get("max_commute_km"), "distance_to_work.max_commute_km", false, problems);
        if (max != null && !(max.value() > 0)) {
            problems.add(
                    "distance_to_work.max_commute_km.value must be more than 0 km; fix: give the covenant's maximum");
        }
        return Optional.of(new WorkTravelPolicy(paragraph, measure, max)); // with problems the profile is refused
    }
}
