package nl.plektoets.cli;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import nl.plektoets.store.TestPostgis;

/** {@link RegisseurFlowBrowserTest} on PostGIS: a fresh schema of the test run's database, filled by serve. */
class RegisseurFlowOnPostgisBrowserTest extends RegisseurFlowBrowserTest {
    String url;

    @Override
    List<String> serveArguments(Path tmp) {
        url = TestPostgis.freshSchemaUrl();
        return List.of("--db", url, "--db-user", TestPostgis.USER);
    }

    @Override
    Connection database() throws SQLException {
        return DriverManager.getConnection(url, TestPostgis.USER, null);
    }
}
