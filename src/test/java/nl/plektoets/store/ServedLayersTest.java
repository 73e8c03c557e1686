package nl.plektoets.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import nl.plektoets.data.Dataset;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Where served layers come from: the store for PostGIS, the data directory (copied into the file) when embedded. */
class ServedLayersTest {
    @TempDir
    Path temp;

    /** A clock that moves a second per reading, so every import has its own timestamp. */
    static Clock ticking() {
        AtomicInteger ticks = new AtomicInteger();
        return new Clock() {
            public ZoneId getZone() {
                return ZoneId.of("UTC");
            }

            public Clock withZone(ZoneId zone) {
                return this;
            }

            public Instant instant() {
                return Instant.parse("2026-03-02T09:00:00Z").plus(Duration.ofSeconds(ticks.incrementAndGet()));
            }
        };
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aStoreAsSourceIsFilledOnceFromTheDataDirectoryThenServesItsOwnLayers(StoreKind kind) {
        AtomicInteger dataDirectoryReads = new AtomicInteger();
        try (Store store = kind.open(kind.freshLocation(temp), ticking())) {
            ServedLayers layers = new ServedLayers(
                    store,
                    true,
                    () -> {
                        dataDirectoryReads.incrementAndGet();
                        return Fixtures.hardenberg("from the data directory");
                    },
                    Runnable::run);
            assertEquals("from the data directory", layers.load().info().name());
            store.importLayers(Fixtures.grid("imported with --db", 10));
            assertEquals("imported with --db", layers.load().info().name(), "a reload picks up the new import");
            assertEquals(1, dataDirectoryReads.get());
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void theEmbeddedStoreGetsACopyOnlyWhenTheServedLayersChanged(StoreKind kind) {
        AtomicReference<Dataset> dataDirectory = new AtomicReference<>(Fixtures.hardenberg("demo"));
        try (Store store = kind.open(kind.freshLocation(temp), ticking())) {
            ServedLayers layers = new ServedLayers(store, false, dataDirectory::get, Runnable::run);
            layers.load();
            Instant first = store.layerSet().orElseThrow().importedAt();
            assertEquals(6, store.layerSet().orElseThrow().featureCount());
            layers.load();
            assertEquals(first, store.layerSet().orElseThrow().importedAt(), "same layers: not copied again");
            dataDirectory.set(Fixtures.grid("demo", 25));
            assertEquals(25, layers.load().size());
            assertEquals(25, store.loadDataset().orElseThrow().size(), "changed layers: copied");
        }
    }
}
