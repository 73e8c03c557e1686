package nl.plektoets.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import nl.plektoets.request.HousingForm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading the profile: the Hardenberg defaults, and every kind of mistake named with its key and fix. */
class PolicyProfileTest {
    static final Path STRICT = Path.of("src", "test", "resources", "policy", "voorbeeld-strict.yaml");

    @Test
    void hardenbergProfileFromTheClasspathHasEveryThresholdWithItsParagraph() {
        PolicyProfile p = PolicyProfile.load(null);
        assertEquals("hardenberg-2025", p.id());
        assertTrue(p.title().contains("Hardenberg"));
        assertEquals("2025-07-08", p.source().adopted());
        assertEquals(ThresholdKey.values().length, p.thresholds().size());
        for (Threshold t : p.thresholds().values()) {
            assertTrue(
                    t.paragraph().startsWith("§") || t.paragraph().startsWith("Bijlage"),
                    t.key().key());
            assertTrue(!t.note().isBlank(), t.key().key() + " has no note");
        }
        assertEquals(100, p.businessParkEdgeBandInsideM());
        assertEquals(100, p.businessParkNearBandOutsideM());
        assertEquals(2, p.roomRentalMinPersons());
        assertEquals(20, p.facilityMaxPersons());
        assertEquals(50, p.facilityExceptionalMaxPersons());
        assertEquals(5, p.fireNotificationMinPersons());
        assertEquals(10, p.fireUseNotificationAbovePersons());
        assertEquals(10, p.permitInitialTermYears());
        assertEquals(5, p.permitRenewalYears());
        assertEquals(15, p.permitMaxTermYears());
        assertEquals(Set.of(HousingForm.ROOM_RENTAL), p.permanentPermitForms());
        assertEquals("§5.1.2", p.paragraph(ThresholdKey.BUSINESS_PARK_EDGE_BAND_INSIDE_M));
        assertEquals("Bijlage 2", p.paragraph(ThresholdKey.FIRE_USE_NOTIFICATION_ABOVE_PERSONS));
    }

    @Test
    void secondProfileFromAFile() {
        PolicyProfile p = PolicyProfile.load(STRICT);
        assertEquals("voorbeeld-strict", p.id());
        assertEquals(20, p.businessParkEdgeBandInsideM());
        assertEquals(Set.of(), p.permanentPermitForms());
        assertEquals(STRICT.toString(), p.origin());
    }

    @Test
    void missingThresholdNamesTheKeyAndTheFix() throws IOException {
        PolicyProfileException e = invalid(strict().replace(
                        "  capacity.facility_max_persons: {value: 10, paragraph: \"§5.1.1\", note: \"test\"}\n", ""));
        assertEquals(1, e.problems().size(), e.getMessage());
        assertEquals(
                "thresholds.capacity.facility_max_persons is missing; fix: add it with 'value:' (persons),"
                        + " 'paragraph:' and 'note:'",
                e.problems().get(0));
    }

    /** Issue 11 item 12: the paragraphs, the readings and the list of what is not checked are the profile's too. */
    @Test
    void paragraphsReadingsAndNotCheckedAreRequiredAndNamedWithTheFix() throws IOException {
        PolicyProfileException e = invalid(strict().replace("  building_permit: \"Bijlage 2\"\n", "")
                .replace("{value: agricultural, paragraph:", "{value: farm, paragraph:")
                .replace("not_checked: []\n", "not_checked:\n  - {id: X, paragraph: \"Bijlage 2\"}\n"));
        assertTrue(
                e.problems()
                        .contains("paragraphs.building_permit is missing; fix: add e.g. 'building_permit:"
                                + " \"Bijlage 2\"'"),
                e.getMessage());
        assertTrue(
                e.problems()
                        .contains("readings.agricultural_plot_in_built_up_area.value is 'farm'; fix: use"
                                + " stricter or agricultural"),
                e.getMessage());
        assertTrue(e.problems().stream().anyMatch(p -> p.startsWith("not_checked[0] needs 'id:'")), e.getMessage());
        assertEquals(3, e.problems().size(), e.getMessage());

        PolicyProfile hardenberg = PolicyProfile.load(null);
        assertEquals("§6.2.6", hardenberg.paragraph(PolicyReadings.Rule.ROOM_RENTAL_PERMIT));
        assertEquals(4, hardenberg.shortStayMaxMonths());
        assertEquals(
                PolicyReadings.AgriculturalInBuiltUp.STRICTER,
                hardenberg.readings().agriculturalInBuiltUp().value());
        assertTrue(hardenberg.readings().notChecked().stream()
                .anyMatch(r -> r.id().equals("management_plan") && r.paragraph().equals("Bijlage 3")));
    }

    @Test
    void misspelledKeySuggestsTheRightOne() throws IOException {
        PolicyProfileException e =
                invalid(strict().replace("business_park.edge_band_inside_m", "business_park.edge_band_insde_m"));
        assertTrue(
                e.problems()
                        .contains("thresholds.business_park.edge_band_insde_m is not a known threshold; fix:"
                                + " correct the name (did you mean business_park.edge_band_inside_m?) or remove it"),
                e.getMessage());
        assertTrue(
                e.problems()
                        .contains("thresholds.business_park.edge_band_inside_m is missing; fix: add it with"
                                + " 'value:' (m), 'paragraph:' and 'note:'"),
                e.getMessage());
    }

    @Test
    void wrongValuesAreNamed() throws IOException {
        PolicyProfileException e =
                invalid(strict().replace("{value: 3, paragraph: \"§5.1.1\"", "{value: 2.5, paragraph: \"§5.1.1\"")
                        .replace("{value: 20, paragraph: \"§5.1.2\"", "{value: -5, paragraph: \"§5.1.2\"")
                        .replace("{value: 300, paragraph: \"§5.1.2\"", "{value: wide, paragraph: \"§5.1.2\"")
                        .replace("{value: 5000, paragraph: \"§5.1.1\", note: \"test\"}", "{value: 5000}"));
        assertTrue(
                e.problems()
                        .contains("thresholds.capacity.room_rental_min_persons.value is 2.5; fix: give a whole"
                                + " number of persons"),
                e.getMessage());
        assertTrue(
                e.problems()
                        .contains("thresholds.business_park.edge_band_inside_m.value is -5; fix: give a value"
                                + " of at least 0 m"),
                e.getMessage());
        assertTrue(
                e.problems()
                        .contains("thresholds.business_park.near_band_outside_m.value is 'wide'; fix: give a"
                                + " number in m"),
                e.getMessage());
        assertTrue(
                e.problems()
                        .contains("thresholds.site.max_area_m2.paragraph is missing; fix: name the policy"
                                + " paragraph it comes from, e.g. '§5.1.2'"),
                e.getMessage());
        assertEquals(4, e.problems().size(), e.getMessage());
        assertTrue(e.getMessage().startsWith("Policy profile test.yaml is not usable:"));
    }

    @Test
    void inconsistentThresholdsAreNamed() throws IOException {
        PolicyProfileException e =
                invalid(strict().replace("{value: 15, paragraph: \"§5.1.1\"", "{value: 8, paragraph: \"§5.1.1\"")
                        .replace("permit.max_term_years: {value: 10", "permit.max_term_years: {value: 7"));
        assertTrue(
                e.problems()
                        .contains("thresholds.capacity.facility_exceptional_max_persons (8) is below"
                                + " thresholds.capacity.facility_max_persons (10); fix: make capacity.facility_exceptional_max_persons"
                                + " at least 10"),
                e.getMessage());
        assertTrue(
                e.problems()
                        .contains("thresholds.permit.max_term_years (7) is less than the initial term plus one"
                                + " renewal (10); fix: raise the maximum or shorten the terms"),
                e.getMessage());
    }

    @Test
    void unknownFormAndMissingIdentityAreNamed() throws IOException {
        PolicyProfileException e = invalid(
                strict().replace("value: []", "value: [student_housing]").replace("id: voorbeeld-strict\n", ""));
        assertTrue(
                e.problems()
                        .contains("permanent_permit_forms.value contains 'student_housing'; fix: use"
                                + " room_rental or housing_facility"),
                e.getMessage());
        assertTrue(
                e.problems().contains("'id' is missing or empty; fix: add e.g. 'id: hardenberg-2025'"), e.getMessage());
    }

    @Test
    void brokenYamlAndMissingFileSayWhatToDo(@TempDir Path dir) throws IOException {
        PolicyProfileException yaml = invalid("id: x\nthresholds: [unclosed\n");
        assertTrue(yaml.getMessage().contains("not valid YAML"), yaml.getMessage());
        Path missing = dir.resolve("nope.yaml");
        PolicyProfileException file = assertThrows(PolicyProfileException.class, () -> PolicyProfile.load(missing));
        assertTrue(
                file.getMessage().contains(missing.toString())
                        && file.getMessage().contains("fix: give the path"),
                file.getMessage());
        Path written = dir.resolve("p.yaml");
        Files.writeString(written, strict().replace("site.sliver_tolerance_m2", "site.sliver_tolerance"));
        PolicyProfileException fromFile = assertThrows(PolicyProfileException.class, () -> PolicyProfile.load(written));
        assertTrue(fromFile.getMessage().startsWith("Policy profile " + written + " is not usable"));
    }

    /**
     * Issue 18, "the pages show which municipality's policy answers": where a profile marks a value {@code adopted:
     * false} is listed by its path (a list item by its id), so every page can say that answers using it are
     * indicative; a profile without such a value lists none (its {@code source.adopted} is a date, not the flag).
     */
    @Test
    void theValuesTheCouncilHasNotAdoptedAreListedByTheirPathInTheProfile() throws IOException {
        assertEquals(java.util.List.of(), PolicyProfile.load(STRICT).notAdopted());
        PolicyProfile marked = PolicyProfile.parse(
                strict().replace(
                                "capacity.facility_max_persons: {value: 10, paragraph: \"§5.1.1\", note: \"test\"}",
                                "capacity.facility_max_persons: {value: 10, paragraph: \"§5.1.1\", note: \"test\","
                                        + " adopted: false, adopted_note: \"not yet decided\"}"),
                "test.yaml");
        assertEquals(java.util.List.of("thresholds.capacity.facility_max_persons"), marked.notAdopted());

        java.util.List<String> hardenberg =
                PolicyProfile.builtIn("hardenberg-2025").notAdopted();
        assertTrue(hardenberg.contains("distance_to_work.max_commute_km"), hardenberg.toString());
        assertTrue(hardenberg.contains("intake.documents[landscape_plan]"), hardenberg.toString());
        assertTrue(hardenberg.contains("room_rental.share_per_street"), hardenberg.toString());
        assertTrue(!hardenberg.contains("source"), hardenberg.toString());
        java.util.List<String> nop =
                PolicyProfile.builtIn("noordoostpolder-2024").notAdopted();
        assertTrue(nop.contains("round.criteria[housing_quality]"), nop.toString());
        assertTrue(nop.contains("locations.size_categories[medium]"), nop.toString());
        assertTrue(nop.contains("thresholds.capacity.facility_max_persons"), nop.toString());
    }

    static String strict() throws IOException {
        return Files.readString(STRICT, StandardCharsets.UTF_8);
    }

    static PolicyProfileException invalid(String yaml) {
        return assertThrows(PolicyProfileException.class, () -> PolicyProfile.parse(yaml, "test.yaml"));
    }
}
