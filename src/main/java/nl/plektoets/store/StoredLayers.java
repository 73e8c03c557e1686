package nl.plektoets.store;

import java.nio.file.Path;
import java.util.Optional;
import nl.plektoets.data.Dataset;
import nl.plektoets.data.ImportProgress;
import nl.plektoets.data.directory.DataDirectory;
import nl.plektoets.data.osm.OsmImport;
import nl.plektoets.data.osm.OsmImportOptions;

/**
 * How layers get into and out of a store. An import reads the whole source first and only then replaces the stored
 * layer set in one transaction, so a corrupt or truncated file fails before the store is touched and the previous
 * layers keep serving.
 */
public final class StoredLayers {
    private StoredLayers() {}

    /** Reads an OSM file completely, then replaces the store's layers with it. */
    public static Dataset importOsm(Store store, Path osmFile, OsmImportOptions options, ImportProgress progress) {
        Dataset dataset = OsmImport.read(osmFile, options, progress);
        store.importLayers(dataset);
        return dataset;
    }

    /**
     * The layers to serve: the store's, or, for a store that has none yet (a first start on a data directory), the
     * data directory's sources imported into it.
     */
    public static Dataset loadOrImport(Store store, Path dataDir, ImportProgress progress) {
        Optional<Dataset> stored = store.loadDataset();
        if (stored.isPresent()) return stored.get();
        Dataset dataset = DataDirectory.load(dataDir, null, progress);
        store.importLayers(dataset);
        return dataset;
    }
}
