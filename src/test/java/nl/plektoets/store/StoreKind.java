package nl.plektoets.store;

import java.nio.file.Path;
import java.time.Clock;
import nl.plektoets.store.embedded.GeoPackageStore;
import nl.plektoets.store.postgis.PostgisStore;

/** The two store implementations the shared suite runs against; {@link #freshLocation} names a fresh empty store. */
public enum StoreKind {
    POSTGIS,
    GEOPACKAGE;

    /** A fresh place for a store: a schema URL for PostGIS, a directory for the GeoPackage. */
    public String freshLocation(Path tempDir) {
        return this == POSTGIS ? TestPostgis.freshSchemaUrl() : tempDir.toString();
    }

    public Store open(String location, Clock clock) {
        return this == POSTGIS
                ? PostgisStore.open(location, TestPostgis.USER, null, clock)
                : GeoPackageStore.open(Path.of(location), clock);
    }
}
