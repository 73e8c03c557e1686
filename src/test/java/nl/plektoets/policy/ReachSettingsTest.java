package nl.plektoets.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReachSettingsTest {

    @Test
    void theHardenbergProfileGivesBijlage1Numbers() {
        ReachSettings s = ReachSettings.from(PolicyProfile.load(null), ReachSettings.DEFAULT_MAX_SNAP_DISTANCE_M);
        assertEquals(ReachSettings.defaults(), s);
        assertEquals(5.0, s.speedKmh(TravelMode.FOOT));
        assertEquals(15, s.minutes(TravelMode.BIKE));
        assertEquals(
                "Bijlage 1",
                PolicyProfile.load(null).paragraph(nl.plektoets.policy.ThresholdKey.REACH_WALKING_MINUTES));
    }

    @Test
    void anotherProfileGivesOtherReachNumbers() {
        ReachSettings s = ReachSettings.from(
                PolicyProfile.load(
                        java.nio.file.Path.of("src", "test", "resources", "policy", "voorbeeld-strict.yaml")),
                250);
        assertEquals(new ReachSettings(4, 12, 20, 10, List.of("supermarket", "pharmacy"), 2, 250), s);
    }

    @Test
    void aProfileAskingForMoreCategoriesThanItListsIsRejectedWithTheFix() throws Exception {
        String yaml = new String(
                        PolicyProfile.class
                                .getClassLoader()
                                .getResourceAsStream(PolicyProfile.DEFAULT_RESOURCE)
                                .readAllBytes(),
                        java.nio.charset.StandardCharsets.UTF_8)
                .replace("value: [supermarket, general_practitioner, public_transport_stop]", "value: [supermarket]");
        PolicyProfileException e = assertThrows(PolicyProfileException.class, () -> PolicyProfile.parse(yaml, "test"));
        assertTrue(
                e.getMessage().contains("reach.min_categories_in_reach (3) is more than the 1 reach_categories"),
                e.getMessage());
    }

    @Test
    void settingsRejectImpossibleValues() {
        assertThrows(
                IllegalArgumentException.class, () -> new ReachSettings(0, 15, 30, 15, List.of("supermarket"), 1, 500));
        assertThrows(
                IllegalArgumentException.class, () -> new ReachSettings(5, 15, 30, 15, List.of("supermarket"), 2, 500));
        assertThrows(
                IllegalArgumentException.class, () -> new ReachSettings(5, 15, 30, 15, List.of("supermarket"), 1, 0));
    }
}
