package nl.plektoets.assess;

import static nl.plektoets.assess.FixtureWorld.geometry;
import static nl.plektoets.assess.FixtureWorld.point;
import static nl.plektoets.assess.FixtureWorld.rect;
import static nl.plektoets.assess.LocationDecisionTableTest.result;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.plektoets.criteria.CriterionResult;
import nl.plektoets.criteria.LocationCapCriterion;
import nl.plektoets.policy.LocationRules;
import nl.plektoets.policy.PolicyProfile;
import nl.plektoets.policy.ThresholdKey;
import nl.plektoets.request.AssessmentRequest;
import nl.plektoets.request.HousingForm;
import nl.plektoets.request.InitiativeFacts;
import nl.plektoets.request.Stay;
import org.junit.jupiter.api.Test;

/**
 * Issue 18: every answer that uses a value the council has not adopted (the profile's {@code adopted: false}) says
 * so: "Indicatief, niet vastgesteld" / "Indicative, not adopted" in the message, {@code adopted: false}, the reason
 * and which values in the evidence. Noordoostpolder's profile relies on the municipality's summary for its location
 * rules, size categories and conditions and on the service's defaults for the other numbers; which values each answer
 * reads is written here by hand from {@code policy/noordoostpolder-2024.yaml}. Hardenberg's thresholds and location
 * rules are adopted, so its answers carry no such note; a copy of its profile with two thresholds not adopted shows
 * the marking is the profile's, not Noordoostpolder's.
 */
class NotAdoptedAnswersTest {
    static final PolicyProfile NOP_PROFILE = PolicyProfile.builtIn("noordoostpolder-2024");
    /** A register with 3 medium and 1 large location: the caps of 12 and 6 have room. */
    static final Assessor NOP = new Assessor(FixtureWorld.standard(), NOP_PROFILE)
            .withAdditional(
                    List.of(new LocationCapCriterion((statuses, min, max) -> min == 21 ? 3 : min == 151 ? 1 : 0)));

    static final Assessor HARDENBERG = LocationDecisionTableTest.ASSESSOR;

    static final InitiativeFacts OWN_ERF_WITH_MIGRANTS =
            new InitiativeFacts(List.of(), null, null, true, geometry(rect(3000, 0, 3200, 200)));

    static AssessmentRequest request(double x, double y, HousingForm form, int persons, InitiativeFacts facts) {
        return new AssessmentRequest(geometry(point(x, y)), form, persons, false, Stay.MID, null, facts);
    }

    /** The case, the criterion, and the profile values (where they stand in the YAML) its answer reads. */
    record Expected(String what, AssessmentRequest request, String criterion, List<String> notAdopted) {}

    static final String FIRE = "thresholds.fire_safety.notification_min_persons";
    static final String FIRE_USE = "thresholds.fire_safety.use_notification_above_persons";
    static final List<String> PERMIT = List.of(
            "thresholds.permit.initial_term_years",
            "thresholds.permit.renewal_years",
            "thresholds.permit.max_term_years");
    static final List<String> FACILITY =
            List.of("thresholds.capacity.facility_max_persons", "thresholds.capacity.facility_exceptional_max_persons");
    static final String RECREATION = "thresholds.recreation.exclusion_distance_m";

    static List<Expected> noordoostpolderCases() {
        AssessmentRequest village = request(500, 500, HousingForm.ROOM_RENTAL, 4, InitiativeFacts.NONE);
        AssessmentRequest over = request(4500, 500, HousingForm.HOUSING_FACILITY, 301, InitiativeFacts.NONE);
        AssessmentRequest onErf = request(3020, 20, HousingForm.HOUSING_FACILITY, 12, OWN_ERF_WITH_MIGRANTS);
        AssessmentRequest offErf = request(4015, 10, HousingForm.HOUSING_FACILITY, 12, OWN_ERF_WITH_MIGRANTS);
        AssessmentRequest medium = request(4500, 500, HousingForm.HOUSING_FACILITY, 100, InitiativeFacts.NONE);
        AssessmentRequest large = request(4500, 500, HousingForm.HOUSING_FACILITY, 200, InitiativeFacts.NONE);
        AssessmentRequest park = request(1550, 300, HousingForm.HOUSING_FACILITY, 100, InitiativeFacts.NONE);
        List<Expected> out = new ArrayList<>(List.of(
                // §3 the villages closed: the rule is the summary's
                new Expected("village", village, "location_class", List.of("locations.rules.built_up_area/any/any")),
                // more than a large location: the rule and the large category's 300 beds its text names
                new Expected(
                        "over",
                        over,
                        "location_class",
                        List.of("locations.rules.any/any/any/over", "locations.size_categories.large")),
                // §4 a small location on the own erf: the two conditions and the small category (up to 20)
                new Expected(
                        "on the own erf",
                        onErf,
                        "location_class",
                        List.of(
                                "locations.conditions.employs_migrants",
                                "locations.conditions.employer_erf",
                                "locations.size_categories.small")),
                new Expected("off an erf", offErf, "location_class", List.of("locations.size_categories.small")),
                // §5 medium through the round: the text names both categories' beds and caps
                new Expected(
                        "medium",
                        medium,
                        "location_class",
                        List.of("locations.size_categories.medium", "locations.size_categories.large")),
                // §1 the business park: the service's reading, and the bands that drew the class
                new Expected(
                        "business park",
                        park,
                        "location_class",
                        List.of(
                                "locations.rules.business_park_edge/any/any",
                                "thresholds.business_park.edge_band_inside_m",
                                "thresholds.business_park.near_band_outside_m")),
                // the caps: the category's limits and cap; small has no cap, but its limit says so
                new Expected("medium cap", medium, "location_cap", List.of("locations.size_categories.medium")),
                new Expected("large cap", large, "location_cap", List.of("locations.size_categories.large")),
                new Expected("small, no cap", offErf, "location_cap", List.of("locations.size_categories.small")),
                new Expected("over, no cap", over, "location_cap", List.of("locations.size_categories.large")),
                // the service's defaults, cited as §9
                new Expected(
                        "room rental", village, "capacity", List.of("thresholds.capacity.room_rental_min_persons")),
                new Expected("facility", medium, "capacity", FACILITY),
                new Expected("fire safety", medium, "fire_safety", List.of(FIRE, FIRE_USE)),
                new Expected("fire safety, small", onErf, "fire_safety", List.of(FIRE, FIRE_USE)),
                new Expected("permit", medium, "permit_term", PERMIT),
                new Expected("recreation", medium, "recreation_exclusion", List.of(RECREATION)),
                new Expected(
                        "on a campsite",
                        request(5100, 100, HousingForm.HOUSING_FACILITY, 100, InitiativeFacts.NONE),
                        "recreation_exclusion",
                        List.of(RECREATION))));
        return out;
    }

    @Test
    void everyNoordoostpolderAnswerUsingANonAdoptedValueSaysItIsIndicative() {
        for (Expected e : noordoostpolderCases()) {
            // the values listed are indeed not adopted in the profile (read back from it, not from the answer)
            for (String w : e.notAdopted()) assertFalse(adoptedInProfile(NOP_PROFILE, w), w + " is adopted");
            CriterionResult r = result(NOP.assess(e.request()), e.criterion());
            String where = e.what() + " / " + e.criterion() + ": " + r.message().en();
            assertEquals(false, r.evidence().get("adopted"), where);
            assertEquals(e.notAdopted(), r.evidence().get("notAdopted"), where);
            assertTrue(
                    r.message().nl().contains("Indicatief, niet vastgesteld: "),
                    r.message().nl());
            assertTrue(r.message().en().contains("Indicative, not adopted: "), where);
            String note = (String) r.evidence().get("adoptedNote");
            assertTrue(note != null && !note.isBlank() && r.message().en().contains(note), where);
        }
    }

    @Test
    void theReasonIsTheProfilesInBothLanguages() {
        CriterionResult permit = result(
                NOP.assess(request(4500, 500, HousingForm.HOUSING_FACILITY, 100, InitiativeFacts.NONE)), "permit_term");
        // three values with one reason: said once
        assertEquals("not in Noordoostpolder's summary", permit.evidence().get("adoptedNote"));
        assertTrue(
                permit.message().en().endsWith(" Indicative, not adopted: not in Noordoostpolder's summary."),
                permit.message().en());
        assertTrue(
                permit.message()
                        .nl()
                        .endsWith(" Indicatief, niet vastgesteld: niet in de samenvatting van Noordoostpolder."),
                permit.message().nl());
        CriterionResult village = result(
                NOP.assess(request(500, 500, HousingForm.ROOM_RENTAL, 4, InitiativeFacts.NONE)), "location_class");
        assertTrue(
                village.message()
                        .nl()
                        .contains("('gestopt in 2023, zo gehouden in 2024'); het artikel is niet" + " verkregen."),
                village.message().nl());
        // the status is the rule's: indicative does not soften a fail or a pass
        assertEquals("fail", village.status().id());
    }

    @Test
    void hardenbergsAdoptedAnswersCarryNoNote() {
        for (Expected e : noordoostpolderCases()) {
            if (e.criterion().equals("location_cap")) continue; // Hardenberg has no caps
            CriterionResult r = result(HARDENBERG.assess(e.request()), e.criterion());
            assertFalse(r.evidence().containsKey("adopted"), e.what() + ": " + r.evidence());
            assertFalse(r.evidence().containsKey("notAdopted"), e.what() + ": " + r.evidence());
            assertFalse(r.message().en().contains("Indicative"), r.message().en());
        }
    }

    @Test
    void aThresholdNamedInALocationRuleOrReadByACriterionMakesItsAnswerIndicativeInAnyProfile() {
        String yaml = TwoMunicipalitiesTest.PolicyProfileSource.hardenberg()
                .replace(
                        "  location.short_stay_max_months:\n    value: 4\n",
                        "  location.short_stay_max_months:\n    value: 4\n    adopted: false\n"
                                + "    adopted_note: \"a test's profile: the months are not adopted\"\n")
                .replace(
                        "  fire_safety.use_notification_above_persons:\n",
                        "  fire_safety.use_notification_above_persons:\n    adopted: false\n"
                                + "    adopted_note: \"a test's profile: the fire band is not adopted\"\n");
        PolicyProfile p = PolicyProfile.parse(yaml, "test");
        assertFalse(p.threshold(ThresholdKey.SHORT_STAY_MAX_MONTHS).adopted());
        assertFalse(
                p.threshold(ThresholdKey.FIRE_USE_NOTIFICATION_ABOVE_PERSONS).adopted());
        Assessor a = new Assessor(FixtureWorld.standard(), p);
        // the business park edge rule names {location.short_stay_max_months} in its text
        CriterionResult edge = result(
                a.assess(request(1550, 300, HousingForm.HOUSING_FACILITY, 12, InitiativeFacts.NONE)), "location_class");
        assertEquals("pass", edge.status().id());
        assertEquals(
                List.of("thresholds.location.short_stay_max_months"),
                edge.evidence().get("notAdopted"));
        assertTrue(
                edge.message().en().endsWith("Indicative, not adopted: a test's profile: the months are not adopted."),
                edge.message().en());
        // the village rule (room rental) names no such value: unchanged from the adopted profile
        AssessmentRequest village = request(500, 500, HousingForm.ROOM_RENTAL, 4, InitiativeFacts.NONE);
        CriterionResult rental = result(a.assess(village), "location_class");
        assertEquals(result(HARDENBERG.assess(village), "location_class"), rental);
        CriterionResult fire = result(
                a.assess(request(4500, 500, HousingForm.HOUSING_FACILITY, 12, InitiativeFacts.NONE)), "fire_safety");
        assertEquals(
                List.of("thresholds.fire_safety.use_notification_above_persons"),
                fire.evidence().get("notAdopted"));
    }

    /** Whether the value at a profile path is adopted, read from the profile's model. */
    static boolean adoptedInProfile(PolicyProfile p, String what) {
        if (what.startsWith("thresholds.")) {
            String key = what.substring("thresholds.".length());
            for (ThresholdKey k : ThresholdKey.values())
                if (k.key().equals(key)) return p.threshold(k).adopted();
            throw new AssertionError("no threshold " + key);
        }
        if (what.startsWith("locations.size_categories.")) {
            String id = what.substring("locations.size_categories.".length());
            return p.locationRules().sizeCategories().stream()
                    .filter(s -> s.id().equals(id))
                    .findFirst()
                    .orElseThrow()
                    .adoption()
                    .adopted();
        }
        Map<String, Boolean> yaml = rulesAndConditionsAdoption();
        if (!yaml.containsKey(what)) throw new AssertionError("not in the profile: " + what);
        return yaml.get(what);
    }

    /** The adoption of the profile's rules (by name) and conditions, read from its YAML text. */
    static Map<String, Boolean> rulesAndConditionsAdoption() {
        try (var in = PolicyProfile.class.getClassLoader().getResourceAsStream("policy/noordoostpolder-2024.yaml")) {
            var root = new com.fasterxml.jackson.databind.ObjectMapper(
                            new com.fasterxml.jackson.dataformat.yaml.YAMLFactory())
                    .readTree(in)
                    .get("locations");
            Map<String, Boolean> out = new LinkedHashMap<>();
            for (var r : root.get("rules")) {
                String name = r.path("class").asText() + "/" + r.path("form").asText("any") + "/"
                        + r.path("build").asText("any")
                        + (r.has("size") ? "/" + r.path("size").asText() : "");
                out.put("locations.rules." + name, r.path("adopted").asBoolean(true));
            }
            root.get("conditions")
                    .fields()
                    .forEachRemaining(c -> out.put(
                            "locations.conditions." + c.getKey(),
                            c.getValue().path("adopted").asBoolean(true)));
            return out;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static {
        // the size categories of the profile are those the cases name (guards the hand-written lists)
        assertEquals(
                List.of("small", "medium", "large"),
                NOP_PROFILE.locationRules().sizeCategories().stream()
                        .map(LocationRules.SizeCategory::id)
                        .toList());
    }
}
