package nl.plektoets.store;

import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import nl.plektoets.data.Dataset;

/**
 * Which layers {@code serve} answers from, at start and on {@code POST /api/v1/admin/reload}.
 * <ul>
 *   <li>PostGIS ({@code --db}): the database is the system of record. The layers come from the store; an empty store
 *       is first filled from the data directory.</li>
 *   <li>Embedded: the data directory (its OSM sources and cache) stays the source of the layers; the GeoPackage gets
 *       a copy whenever it holds another layer set, so planners see the served layers in QGIS next to the
 *       registers. The copy runs on the executor given (a background thread in {@code serve}: a large data
 *       directory takes minutes to copy, and the service need not wait for it).</li>
 * </ul>
 */
public final class ServedLayers {
    private final Store store;
    private final boolean storeIsSource;
    private final Supplier<Dataset> dataDirectory;
    private final Executor copier;

    /**
     * @param storeIsSource true for PostGIS (layers come from the store), false for the embedded store
     * @param dataDirectory loads the data directory's dataset (import or cache)
     * @param copier        runs the copy into the embedded store ({@code Runnable::run} to copy before returning)
     */
    public ServedLayers(Store store, boolean storeIsSource, Supplier<Dataset> dataDirectory, Executor copier) {
        this.store = store;
        this.storeIsSource = storeIsSource;
        this.dataDirectory = dataDirectory;
        this.copier = copier;
    }

    public Store store() {
        return store;
    }

    /** The layers to serve now (at start, and again for a reload). */
    public Dataset load() {
        if (storeIsSource) {
            Optional<Dataset> stored = store.loadDataset();
            if (stored.isPresent()) return stored.get();
            Dataset d = dataDirectory.get();
            store.importLayers(d);
            return d;
        }
        Dataset d = dataDirectory.get();
        copier.execute(() -> {
            Optional<LayerSetSummary> copy = store.layerSet();
            if (copy.isEmpty()
                    || !copy.get().info().equals(d.info())
                    || copy.get().featureCount() != d.size()) {
                store.importLayers(d);
            }
        });
        return d;
    }
}
