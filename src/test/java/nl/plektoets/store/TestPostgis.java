package nl.plektoets.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The PostgreSQL the tests run against (default 127.0.0.1:5432, user postgres, trust auth; override with
 * {@code PLEKTOETS_TEST_PG_URL}, {@code PLEKTOETS_TEST_PG_USER}). Each test run creates its own database
 * {@code plektoets_test_<random>} with PostGIS and drops it when the JVM ends; each store inside gets its own schema,
 * so runs and tests never see each other's data. Missing PostGIS fails the tests with the command that installs it.
 */
public final class TestPostgis {
    private static final String SERVER =
            System.getenv().getOrDefault("PLEKTOETS_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/");
    public static final String USER = System.getenv().getOrDefault("PLEKTOETS_TEST_PG_USER", "postgres");
    private static final AtomicInteger SCHEMAS = new AtomicInteger();
    private static String database;

    private TestPostgis() {}

    /** The run's database, created on first use. */
    public static synchronized String database() {
        if (database != null) return database;
        String name = "plektoets_test_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        try (Connection c = DriverManager.getConnection(SERVER + "postgres", USER, null);
                Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "The tests need PostgreSQL at " + SERVER + " (user " + USER + "): " + e.getMessage()
                            + ". Run scripts/test, which installs and starts it, or set PLEKTOETS_TEST_PG_URL.",
                    e);
        }
        try (Connection c = DriverManager.getConnection(SERVER + name, USER, null);
                Statement st = c.createStatement()) {
            st.execute("CREATE EXTENSION postgis");
        } catch (SQLException e) {
            dropQuietly(name);
            throw new IllegalStateException(
                    "PostGIS is not installed on " + SERVER + ": " + e.getMessage()
                            + ". Install it with: apt-get update && apt-get install -y postgresql-15-postgis-3 (scripts/test does).",
                    e);
        }
        database = name;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> dropQuietly(name)));
        return name;
    }

    /** A JDBC URL for a fresh, empty schema in the run's database (PostGIS reachable through public). */
    public static String freshSchemaUrl() {
        String db = database();
        String schema = "s" + SCHEMAS.incrementAndGet() + "_"
                + UUID.randomUUID().toString().substring(0, 6);
        try (Connection c = DriverManager.getConnection(SERVER + db, USER, null);
                Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA \"" + schema + "\"");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create a test schema: " + e.getMessage(), e);
        }
        return SERVER + db + "?currentSchema=" + schema + ",public";
    }

    /** A superuser connection to the run's database, for tests that play the administrator. */
    public static Connection admin() throws SQLException {
        return DriverManager.getConnection(SERVER + database(), USER, null);
    }

    /** A separate database with PostGIS, for a test that takes it away from the server (outage tests). */
    public static String createDatabase() throws SQLException {
        String name = database() + "_" + UUID.randomUUID().toString().substring(0, 6);
        try (Connection c = DriverManager.getConnection(SERVER + "postgres", USER, null);
                Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        }
        try (Connection c = DriverManager.getConnection(SERVER + name, USER, null);
                Statement st = c.createStatement()) {
            st.execute("CREATE EXTENSION postgis");
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> dropQuietly(name)));
        return name;
    }

    public static String url(String databaseName) {
        return SERVER + databaseName;
    }

    /** A superuser connection to the server's maintenance database. */
    public static Connection server() throws SQLException {
        return DriverManager.getConnection(SERVER + "postgres", USER, null);
    }

    public static void dropQuietly(String name) {
        try (Connection c = DriverManager.getConnection(SERVER + "postgres", USER, null);
                Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            System.err.println("Could not drop test database " + name + ": " + e.getMessage());
        }
    }
}
