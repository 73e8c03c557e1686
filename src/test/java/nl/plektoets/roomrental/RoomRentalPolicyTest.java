package nl.plektoets.roomrental;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import nl.plektoets.policy.PolicyProfile;
import nl.plektoets.policy.PolicyProfileException;
import nl.plektoets.policy.RoomRentalPolicy;
import nl.plektoets.policy.Threshold;
import nl.plektoets.policy.ThresholdKey;
import org.junit.jupiter.api.Test;

/** The room_rental section of the policy profile: Hardenberg's choices, the arithmetic, and errors with the fix. */
class RoomRentalPolicyTest {

    @Test
    void hardenbergEnablesTheSharePerStreetAndStatesTheParkingNorm() {
        RoomRentalPolicy p = PolicyProfile.load(null).roomRental();
        assertTrue(p.share().source().enabled());
        assertEquals(10, p.share().percent());
        assertEquals("§5.1.3, §6.2.6", p.share().source().paragraph());
        assertFalse(p.count().source().enabled());
        assertFalse(p.distance().source().enabled());
        assertFalse(p.adjacency().source().enabled());
        assertFalse(p.maxRooms().source().enabled());
        assertTrue(p.parking().source().enabled());
        assertTrue(p.parking().requirement().contains("0,5 parkeerplaats per verhuurde kamer"));
    }

    @Test
    void shareIsRoundedDownWithTheMinimumFromNDwellings() {
        RoomRentalPolicy.SharePerStreet share =
                PolicyProfile.load(null).roomRental().share();
        assertEquals(0, share.limit(4)); // below 5 dwellings: floor(0.4) = 0, no minimum
        assertEquals(1, share.limit(5)); // floor(0.5) = 0, minimum 1 from 5
        assertEquals(1, share.limit(19));
        assertEquals(2, share.limit(20));
        assertEquals(3, share.limit(30)); // exactly 3, not 2.9999
        RoomRentalPolicy.SharePerStreet twelveAndAHalf =
                new RoomRentalPolicy.SharePerStreet(share.source(), 12.5, 1, 5, 0);
        assertEquals(5, twelveAndAHalf.limit(40));
        assertEquals(4, twelveAndAHalf.limit(39));
    }

    @Test
    void aBrokenSectionListsEveryProblemWithTheFix() throws Exception {
        PolicyProfileException e = assertThrows(
                PolicyProfileException.class,
                () -> RealBag.profile(
                        "  share_per_street:\n    enabled: true\n    percent: 10",
                                "  share_per_street:\n    percent: 110",
                        "  count_per_street:\n    enabled: false",
                                "  count_per_street:\n    enabled: true\n    colour: red"));
        String m = e.getMessage();
        assertTrue(m.contains("room_rental.share_per_street.enabled is missing; fix: write 'enabled: true'"), m);
        assertTrue(m.contains("room_rental.count_per_street.colour is not known; fix: remove it"), m);
    }

    @Test
    void anyThresholdOrRuleMayBeMarkedNotAdoptedWithANote() throws Exception {
        // Hardenberg's 10 % per street is not in its text (§8.3 defers the room-rental policy to 2026)
        RoomRentalPolicy.Source share =
                PolicyProfile.load(null).roomRental().share().source();
        assertFalse(share.adopted());
        assertTrue(share.adoptedNote().contains("§8.3"), share.adoptedNote());
        // a threshold: adopted by default, adopted: false with its note read
        PolicyProfile p = RealBag.profile(
                "    note: \"\\\"Huisvestingsvoorzieningen tot maximaal 20 personen",
                "    adopted: false\n    adopted_note: \"not yet decided by the council\"\n"
                        + "    note: \"\\\"Huisvestingsvoorzieningen tot maximaal 20 personen");
        Threshold t = p.threshold(ThresholdKey.FACILITY_MAX_PERSONS);
        assertFalse(t.adopted());
        assertEquals("not yet decided by the council", t.adoptedNote());
        assertTrue(PolicyProfile.load(null)
                .threshold(ThresholdKey.FACILITY_MAX_PERSONS)
                .adopted());
        // not adopted without a note, or adopted as a word: refused with the fix
        PolicyProfileException e = assertThrows(
                PolicyProfileException.class,
                () -> RealBag.profile(
                        "    note: \"\\\"Huisvestingsvoorzieningen tot maximaal 20 personen",
                        "    adopted: false\n    note: \"\\\"Huisvestingsvoorzieningen tot maximaal 20 personen",
                        "    adopted: false\n    adopted_note: >-\n      Hardenberg",
                        "    adopted: nee\n    adopted_note: >-\n      Hardenberg"));
        assertTrue(
                e.getMessage().contains("thresholds.capacity.facility_max_persons.adopted_note is missing; fix:"),
                e.getMessage());
        assertTrue(
                e.getMessage()
                        .contains("room_rental.share_per_street.adopted is 'nee'; fix: write 'adopted: true' or"
                                + " 'adopted: false'"),
                e.getMessage());
    }
}
