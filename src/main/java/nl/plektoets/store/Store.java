package nl.plektoets.store;

import java.util.Optional;
import nl.plektoets.data.Dataset;
import nl.plektoets.registers.RegisterStore;

/**
 * Where imported layers and the registers live. One interface, two implementations (as PDOK's gokoala has one
 * datasource interface for PostGIS and GeoPackage): {@link nl.plektoets.store.postgis.PostgisStore} for production and
 * {@link nl.plektoets.store.embedded.GeoPackageStore}, a file in the data directory, as the zero-setup default.
 *
 * <p>Guarantees both implementations give (and the shared test suite checks): a layer import replaces the previous
 * layer set in one transaction, so readers see the old set or the new one, never a mix; register changes are
 * optimistic (a change based on an old version throws {@link nl.plektoets.registers.VersionConflictException}); every
 * committed change has exactly one audit row written in the same transaction; nothing is deleted; a write that returned
 * survives a killed process. An unreachable database throws {@link StoreUnavailableException}. Thread-safe.
 *
 * <p>The register methods are {@link RegisterStore}'s: the registers own the interface they need, the store
 * implements it (registers know no SQL and no store).
 */
public interface Store extends RegisterStore, nl.plektoets.rounds.RoundStore, AutoCloseable {

    /** What this store is, for logs and the CLI, without credentials, e.g. {@code PostGIS 127.0.0.1:5432/plektoets}. */
    String describe();

    /** Replaces the stored layer set by this dataset, atomically. Geometries are stored in EPSG:28992. */
    void importLayers(Dataset dataset);

    /** The stored layer set in its working CRS, or empty when nothing was imported yet. */
    Optional<Dataset> loadDataset();

    /** The stored layer set's description and size, or empty when nothing was imported yet. */
    Optional<LayerSetSummary> layerSet();

    /**
     * Starts hearing register changes other processes commit ({@link #changes()}): PostGIS listens for the
     * database's notifications. The embedded store is written by this process only and hears every change already.
     */
    default void listenToOtherWriters() {}

    @Override
    void close();
}
