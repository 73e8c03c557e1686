package nl.plektoets.registers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Path;
import java.time.Instant;
import nl.plektoets.assess.Assessor;
import nl.plektoets.data.Dataset;
import nl.plektoets.data.ImportProgress;
import nl.plektoets.data.Role;
import nl.plektoets.data.osm.OsmImport;
import nl.plektoets.data.osm.OsmImportOptions;
import nl.plektoets.policy.PolicyProfile;
import nl.plektoets.request.HousingForm;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;

/** The snapshot kept at an intake step is the engine's assessment of the initiative's site, from real data. */
class EngineSnapshotsTest {
    @Test
    void anInitiativeOnARealRoadInHeemserveenIsAssessedByTheEngine() {
        Dataset heemserveen = OsmImport.read(
                Path.of("..", "shared", "data", "osm", "nl-heemserveen-jachthuisweg.osm.pbf"),
                OsmImportOptions.defaults(),
                ImportProgress.NONE);
        assertEquals("EPSG:28992", heemserveen.info().workingCrs());
        Assessor engine = new Assessor(heemserveen, PolicyProfile.load(null));
        Geometry onRoad = heemserveen.layer(Role.ROAD).get(0).geometry().getCentroid();
        HousingInitiative initiative = InitiativeBuilder.organisation("Agri Flex BV", onRoad)
                .housing(HousingForm.HOUSING_FACILITY, 12)
                .status(InitiativeStatus.REPORTED)
                .build()
                .stamped(1, 1, Instant.EPOCH, "ans");
        var snapshots = new EngineSnapshots(
                () -> engine,
                (a, crs) -> RegisterJson.MAPPER
                        .createObjectNode()
                        .put("verdict", a.verdict().id())
                        .put("locationClass", a.locationClass())
                        .put("crs", crs.code())
                        .put("site", a.site().toText())
                        .put(
                                "capacity",
                                a.criteria().stream()
                                        .filter(c -> c.id().equals("capacity"))
                                        .findFirst()
                                        .orElseThrow()
                                        .status()
                                        .id()));
        var snapshot = snapshots.snapshot(initiative);
        var direct = engine.assess(
                new nl.plektoets.request.AssessmentRequest(onRoad, HousingForm.HOUSING_FACILITY, 12, false));
        assertEquals(direct.verdict().id(), snapshot.get("verdict").asText());
        assertEquals(direct.locationClass(), snapshot.get("locationClass").asText());
        assertEquals("EPSG:28992", snapshot.get("crs").asText());
        assertEquals(onRoad.toText(), snapshot.get("site").asText());

        // the snapshot assesses the initiative's own form and persons: 60 in a facility is never allowed (§5.1.1)
        HousingInitiative sixty = InitiativeBuilder.organisation("Agri Flex BV", onRoad)
                .housing(HousingForm.HOUSING_FACILITY, 60)
                .status(InitiativeStatus.REPORTED)
                .build()
                .stamped(2, 1, Instant.EPOCH, "ans");
        assertEquals("fail", snapshots.snapshot(sixty).get("capacity").asText());
        assertEquals("not_allowed", snapshots.snapshot(sixty).get("verdict").asText());
        assertNotEquals("fail", snapshot.get("capacity").asText(), "12 persons fit");
    }
}
