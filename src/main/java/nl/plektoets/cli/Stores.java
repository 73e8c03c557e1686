package nl.plektoets.cli;

import java.nio.file.Path;
import java.time.Clock;
import nl.plektoets.store.Store;
import nl.plektoets.store.embedded.GeoPackageStore;
import nl.plektoets.store.postgis.PostgisStore;

/**
 * Picks the store: PostGIS when a database URL is given ({@code --db} / {@code PLEKTOETS_DB_URL}), else the file.
 * Wiring of the command line, so the {@code store} package knows none of its implementations.
 */
public final class Stores {
    private Stores() {}

    /**
     * @param dbUrl   JDBC URL of a PostGIS database, or null/blank for the embedded GeoPackage in {@code dataDir}
     * @param user    database user or null (then the URL's or the driver's default)
     * @param password database password or null
     */
    public static Store open(String dbUrl, String user, String password, Path dataDir, Clock clock) {
        if (dbUrl == null || dbUrl.isBlank()) return GeoPackageStore.open(dataDir, clock);
        return PostgisStore.open(dbUrl.strip(), blankToNull(user), blankToNull(password), clock);
    }

    /** The same, reading {@code PLEKTOETS_DB_URL}, {@code PLEKTOETS_DB_USER}, {@code PLEKTOETS_DB_PASSWORD}. */
    public static Store fromEnvironment(String dbUrlOrNull, Path dataDir, Clock clock) {
        String url = dbUrlOrNull != null ? dbUrlOrNull : System.getenv("PLEKTOETS_DB_URL");
        return open(url, System.getenv("PLEKTOETS_DB_USER"), System.getenv("PLEKTOETS_DB_PASSWORD"), dataDir, clock);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
