package nl.plektoets.registers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import nl.plektoets.assess.Assessor;
import nl.plektoets.assess.FixtureWorld;
import nl.plektoets.criteria.CriterionResult;
import nl.plektoets.criteria.LocationCapCriterion;
import nl.plektoets.policy.PolicyProfile;
import nl.plektoets.request.AssessmentRequest;
import nl.plektoets.request.HousingForm;
import nl.plektoets.store.Store;
import nl.plektoets.store.embedded.GeoPackageStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18: Noordoostpolder's caps (12 medium, 6 large) counted from the register in a real GeoPackage store: only
 * granted and realised initiatives of the category's size hold a place; the count reaches the criterion through
 * {@code criteria.InitiativeCounts}, and a grant counts at once.
 */
class RegisterInitiativeCountsTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T09:30:00Z"), ZoneOffset.UTC);

    @TempDir
    Path temp;

    static HousingInitiative initiative(int persons, InitiativeStatus status) {
        return InitiativeBuilder.organisation(
                        "Polder Huisvesting BV", FixtureWorld.geometry(FixtureWorld.rect(4400, 400, 4440, 440)))
                .housing(HousingForm.HOUSING_FACILITY, persons)
                .status(status)
                .existingLocation()
                .build();
    }

    @Test
    void grantedAndRealisedInitiativesOfTheCategoryFillTheCap() {
        try (Store store = GeoPackageStore.open(temp, CLOCK)) {
            // 11 medium places taken: 6 granted, 5 realised; an ended, a refused and an applied one do not count, nor
            // a small (20) or a large (151) one
            for (int i = 0; i < 6; i++) store.createInitiative(initiative(21 + i, InitiativeStatus.GRANTED), "ans");
            for (int i = 0; i < 5; i++) store.createInitiative(initiative(150, InitiativeStatus.REALISED), "ans");
            store.createInitiative(initiative(100, InitiativeStatus.ENDED), "ans");
            store.createInitiative(initiative(100, InitiativeStatus.REFUSED), "ans");
            store.createInitiative(initiative(100, InitiativeStatus.PERMIT_APPLIED), "ans");
            store.createInitiative(initiative(20, InitiativeStatus.GRANTED), "ans");
            store.createInitiative(initiative(151, InitiativeStatus.GRANTED), "ans");

            RegisterInitiativeCounts counts = RegisterInitiativeCounts.of(store);
            assertEquals(11, counts.count(List.of("granted", "realised"), 21, 150));
            assertEquals(1, counts.count(List.of("granted", "realised"), 151, 300));

            Assessor nop = new Assessor(
                    FixtureWorld.standard(),
                    PolicyProfile.builtIn("noordoostpolder-2024"),
                    List.of(new LocationCapCriterion(counts)));
            AssessmentRequest medium = new AssessmentRequest(
                    FixtureWorld.geometry(FixtureWorld.point(4500, 500)), HousingForm.HOUSING_FACILITY, 120, false);
            CriterionResult before = cap(nop, medium);
            assertEquals("pass", before.status().id(), before.message().en());
            assertEquals(1L, before.evidence().get("left"));
            assertEquals(12, before.evidence().get("cap"));

            // the twelfth medium location is granted: the next assessment sees the cap reached
            store.createInitiative(initiative(80, InitiativeStatus.GRANTED), "ans");
            CriterionResult after = cap(nop, medium);
            assertEquals("fail", after.status().id());
            assertEquals(12L, after.evidence().get("taken"));
            assertEquals("§5", after.policyRef());
        }
    }

    static CriterionResult cap(Assessor a, AssessmentRequest r) {
        return a.assess(r).criteria().stream()
                .filter(c -> c.id().equals(LocationCapCriterion.ID))
                .findFirst()
                .orElseThrow();
    }
}
