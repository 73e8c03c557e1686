package nl.plektoets.store.postgis;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import nl.plektoets.registers.RegisterChanges;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hears the register changes every process commits to this database: one connection of its own (outside the pool,
 * since it stays in LISTEN for the store's life) waits in {@code PGConnection.getNotifications(timeout)} for the
 * {@code NOTIFY} of the V17 triggers and tells {@link RegisterChanges}. PostgreSQL is the only messenger; there is no
 * protocol between the instances.
 *
 * <p>When the connection is lost (a PostgreSQL restart, a terminated session) the hook goes deaf at once, so caches
 * read the store until this listener is back; it reconnects with a growing pause (at most {@value #MAX_PAUSE_MS} ms),
 * and once it listens again the hook tells every cache to drop what it kept, since changes may have been missed.
 * A connection that died without a word (a dropped network) is found by a {@code SELECT 1} every
 * {@value #CHECK_EVERY_MS} ms.
 */
final class RegisterListener implements AutoCloseable {
    static final String CHANNEL = "plektoets_registers";
    /** How long one wait for notifications lasts: also how soon {@link #close} ends the thread. */
    static final int WAIT_MS = 500;

    static final int CHECK_EVERY_MS = 10_000;
    static final int MAX_PAUSE_MS = 5_000;
    private static final Logger LOG = LoggerFactory.getLogger(RegisterListener.class);

    private final String url;
    private final Properties properties;
    private final RegisterChanges changes;
    private final String where;
    private final Thread thread;
    private volatile boolean closed;

    RegisterListener(String url, String user, String password, RegisterChanges changes, String where) {
        this.url = url;
        this.properties = new Properties();
        if (user != null) properties.setProperty("user", user);
        if (password != null) properties.setProperty("password", password);
        properties.setProperty("connectTimeout", "3");
        properties.setProperty("tcpKeepAlive", "true");
        properties.setProperty("ApplicationName", "plektoets-listen");
        this.changes = changes;
        this.where = where;
        this.thread = new Thread(this::run, "plektoets-register-listener");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    private void run() {
        int pause = 250;
        while (!closed) {
            try (Connection c = DriverManager.getConnection(url, properties)) {
                String schema;
                try (Statement st = c.createStatement()) {
                    st.execute("LISTEN " + CHANNEL);
                    try (ResultSet rs = st.executeQuery("SELECT current_schema()")) {
                        rs.next();
                        schema = rs.getString(1);
                    }
                }
                // from here on every commit is heard; what happened before (or while deaf) is dropped once
                changes.hearing();
                LOG.info("plektoets: listening for register changes on {} (schema {})", where, schema);
                pause = 250;
                listen(c, schema);
            } catch (SQLException | RuntimeException e) {
                if (closed) break;
                if (changes.heard()) {
                    changes.deaf();
                    LOG.warn(
                            "plektoets: lost the register-change connection to {} ({}); caches read the store until"
                                    + " it is back",
                            where,
                            e.getMessage());
                }
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    break;
                }
                pause = Math.min(pause * 2, MAX_PAUSE_MS);
            }
        }
        changes.deaf(); // a closed store hears nothing more
    }

    private void listen(Connection c, String schema) throws SQLException {
        PGConnection pg = c.unwrap(PGConnection.class);
        long checked = System.nanoTime();
        while (!closed) {
            PGNotification[] notes = pg.getNotifications(WAIT_MS);
            if (notes != null) {
                for (PGNotification n : notes) {
                    String payload = n.getParameter();
                    int dot = payload.indexOf('.');
                    // another schema of the same database is another store (the tests keep one per schema)
                    if (dot < 0) changes.changed(RegisterChanges.ALL);
                    else if (payload.substring(0, dot).equals(schema)) changes.changed(payload.substring(dot + 1));
                }
            }
            if (System.nanoTime() - checked > CHECK_EVERY_MS * 1_000_000L) {
                try (Statement st = c.createStatement()) {
                    st.setQueryTimeout(5);
                    st.execute("SELECT 1");
                }
                checked = System.nanoTime();
            }
        }
    }

    /** Stops listening; returns within about {@value #WAIT_MS} ms. */
    @Override
    public void close() {
        closed = true;
        try {
            thread.join(WAIT_MS * 4L);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
