package nl.plektoets.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import nl.plektoets.data.Dataset;
import nl.plektoets.data.ImportProgress;
import nl.plektoets.data.Role;
import nl.plektoets.data.osm.OsmImportOptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A corrupt OSM file (a download cut off at 40 %) fails the import and leaves the stored layers as they were. */
@Tag("slow")
class ImportAtomicityTest {
    static final Path OSM = Path.of("..", "shared", "data", "osm");

    @TempDir
    Path temp;

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aTruncatedOsmFileLeavesThePreviousLayersServing(StoreKind kind) throws Exception {
        byte[] full = Files.readAllBytes(OSM.resolve("north-bayreuth.osm.gz"));
        Path truncated = temp.resolve("north-bayreuth-truncated.osm.gz");
        Files.write(truncated, Arrays.copyOf(full, full.length * 2 / 5));
        try (Store store = kind.open(kind.freshLocation(temp), Clock.systemUTC())) {
            Dataset before = StoredLayers.importOsm(
                    store,
                    OSM.resolve("nl-heemserveen-jachthuisweg.osm.pbf"),
                    OsmImportOptions.defaults(),
                    ImportProgress.NONE);
            assertThrows(
                    RuntimeException.class,
                    () -> StoredLayers.importOsm(store, truncated, OsmImportOptions.defaults(), ImportProgress.NONE));
            Dataset after = store.loadDataset().orElseThrow();
            assertEquals(before.info(), after.info());
            assertEquals(before.size(), after.size());
            for (Role role : Role.values()) {
                assertEquals(
                        before.layer(role).stream()
                                .map(f -> f.geometry().toText())
                                .toList(),
                        after.layer(role).stream()
                                .map(f -> f.geometry().toText())
                                .toList(),
                        role.id());
            }
        }
    }
}
