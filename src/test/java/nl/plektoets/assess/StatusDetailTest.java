package nl.plektoets.assess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import nl.plektoets.criteria.CriterionInput.Detail;
import nl.plektoets.criteria.CriterionResult;
import nl.plektoets.criteria.HousedPersons;
import nl.plektoets.criteria.NeighboursCriterion;
import nl.plektoets.criteria.SpreadCriterion;
import nl.plektoets.criteria.Status;
import nl.plektoets.data.Dataset;
import nl.plektoets.data.Feature;
import nl.plektoets.data.ImportProgress;
import nl.plektoets.data.Role;
import nl.plektoets.data.directory.DataDirectory;
import nl.plektoets.demo.CommittedDemo;
import nl.plektoets.policy.PolicyProfile;
import nl.plektoets.request.AssessmentRequest;
import nl.plektoets.request.HousingForm;
import nl.plektoets.request.Stay;
import nl.plektoets.roomrental.RoomRentalPermits;
import nl.plektoets.roomrental.RoomRentalRules;
import nl.plektoets.roomrental.RoomRentalStreetCriterion;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The batch asks its rows with {@link Detail#STATUS}, where a criterion may leave out costly evidence: on every address
 * of the demo municipality, for both forms, the verdict, the location class and every criterion's status are those of
 * the full answer ({@code assess-all} writes only these), and the neighbours' count is really left out.
 */
class StatusDetailTest {
    @TempDir
    static Path tmp;

    static Dataset dataset;
    static Assessor assessor;
    static Assessor crowded;

    @BeforeAll
    static void demo() throws Exception {
        dataset = DataDirectory.load(CommittedDemo.copyTo(tmp.resolve("demo")), null, ImportProgress.NONE);
        PolicyProfile profile = PolicyProfile.load(null);
        assessor = new Assessor(
                dataset,
                profile,
                List.of(
                        new RoomRentalStreetCriterion(
                                RoomRentalRules.of(dataset, profile.roomRental()), RoomRentalPermits.NONE),
                        new SpreadCriterion(HousedPersons.NONE),
                        new NeighboursCriterion()));
        // spread's other branches: persons already housed beside the first village, facilities among them, so sites
        // there are over the village's threshold and facility sites near them a concentration
        Feature village = dataset.layer(Role.VILLAGE).get(0);
        List<HousedPersons.Housed> housed = List.of(
                new HousedPersons.Housed(
                        HousedPersons.Kind.values()[0], 1, village.geometry().getInteriorPoint(), 5000, true),
                new HousedPersons.Housed(
                        HousedPersons.Kind.values()[0],
                        2,
                        AddressSite.of(dataset.layer(Role.ADDRESS).get(0)),
                        60,
                        true));
        crowded = assessor.withAdditional(List.of(new SpreadCriterion(() -> housed), new NeighboursCriterion()));
    }

    @Test
    void everyAddressHasTheFullAnswersStatuses() {
        List<Feature> addresses = dataset.layer(Role.ADDRESS);
        assertTrue(addresses.size() > 1000, "the demo has its addresses");
        List<String> differences = new ArrayList<>();
        int compared = 0;
        java.util.Set<String> spreadStatuses = new java.util.TreeSet<>();
        for (Assessor engine : List.of(assessor, crowded)) {
            for (HousingForm form : List.of(HousingForm.ROOM_RENTAL, HousingForm.HOUSING_FACILITY)) {
                for (Feature a : addresses) {
                    AssessmentRequest r = new AssessmentRequest(AddressSite.of(a), form, 4, false, Stay.MID, null);
                    Assessment full = engine.assess(r);
                    Assessment rows = engine.assess(r, Detail.STATUS);
                    spreadStatuses.add(result(full, SpreadCriterion.ID).status().id());
                    if (full.verdict() != rows.verdict()) differences.add(a.id() + " verdict");
                    if (!full.locationClass().equals(rows.locationClass())) differences.add(a.id() + " class");
                    List<String> x = statuses(full), y = statuses(rows);
                    if (!x.equals(y)) differences.add(a.id() + " " + x + " vs " + y);
                    compared++;
                }
            }
        }
        assertEquals(List.of(), differences.stream().limit(20).toList(), differences.size() + " differ");
        assertEquals(4 * addresses.size(), compared);
        assertTrue(spreadStatuses.size() >= 2, "spread answered more than one status: " + spreadStatuses);
    }

    @Test
    void theNeighboursCountIsLeftOutOfAStatusAnswer() {
        Feature a = dataset.layer(Role.ADDRESS).get(0);
        AssessmentRequest r =
                new AssessmentRequest(AddressSite.of(a), HousingForm.ROOM_RENTAL, 4, false, Stay.MID, null);
        CriterionResult full = result(assessor.assess(r), NeighboursCriterion.ID);
        CriterionResult rows = result(assessor.assess(r, Detail.STATUS), NeighboursCriterion.ID);
        assertTrue(full.evidence().containsKey("addresses"));
        assertFalse(rows.evidence().containsKey("addresses"));
        assertEquals(Status.PASS, rows.status());
    }

    @Test
    void withoutAddressesBothAnswerUnknown() {
        List<Feature> noAddresses = new ArrayList<>();
        for (Feature f : dataset.layer(Role.VILLAGE)) noAddresses.add(f);
        for (Feature f : dataset.layer(Role.BUILT_UP_AREA)) noAddresses.add(f);
        Assessor engine = new Assessor(
                new Dataset(dataset.info(), noAddresses), PolicyProfile.load(null), List.of(new NeighboursCriterion()));
        Feature a = dataset.layer(Role.ADDRESS).get(0);
        AssessmentRequest r =
                new AssessmentRequest(AddressSite.of(a), HousingForm.ROOM_RENTAL, 4, false, Stay.MID, null);
        assertEquals(
                Status.UNKNOWN, result(engine.assess(r), NeighboursCriterion.ID).status());
        assertEquals(
                Status.UNKNOWN,
                result(engine.assess(r, Detail.STATUS), NeighboursCriterion.ID).status());
    }

    private static List<String> statuses(Assessment a) {
        List<String> out = new ArrayList<>();
        for (CriterionResult c : a.criteria()) out.add(c.id() + "=" + c.status().id());
        return out;
    }

    private static CriterionResult result(Assessment a, String id) {
        return a.criteria().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }
}
