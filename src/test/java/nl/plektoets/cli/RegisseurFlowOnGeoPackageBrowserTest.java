package nl.plektoets.cli;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import nl.plektoets.store.embedded.GeoPackageStore;

/** {@link RegisseurFlowBrowserTest} on the embedded store: the GeoPackage in the served data directory. */
class RegisseurFlowOnGeoPackageBrowserTest extends RegisseurFlowBrowserTest {
    @Override
    Connection database() throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + dataDirectory.resolve(GeoPackageStore.FILE_NAME));
    }
}
