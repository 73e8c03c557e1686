package nl.plektoets.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import nl.plektoets.registers.AuditEntry;
import nl.plektoets.registers.RoomRentalPermit;
import nl.plektoets.store.embedded.GeoPackageStore;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A child JVM writes permits and is killed with SIGKILL mid-stream. After a restart every write the child had
 * acknowledged is there, nothing half-written is, and the store opens and checks clean.
 */
@Tag("slow")
class CrashRecoveryTest {
    static final int ACKS_BEFORE_KILL = 200;

    @TempDir
    Path temp;

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void everyAcknowledgedWriteSurvivesSigkill(StoreKind kind) throws Exception {
        String where = kind.freshLocation(temp);
        // surefire runs tests from a manifest-only jar; it publishes the real test classpath in this property
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process child = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx256m",
                        "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                        "-cp",
                        classpath,
                        CrashWriter.class.getName(),
                        kind.name(),
                        where)
                .redirectError(temp.resolve("child-stderr.txt").toFile())
                .start();

        Map<Long, String> created = new HashMap<>();
        long updatedId = -1;
        long lastVersion = 0;
        String lastNotes = null;
        int acks = 0;
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while (acks < ACKS_BEFORE_KILL && (line = out.readLine()) != null) {
                String[] f = line.split(" ", 4);
                if (f[0].equals("NEW")) {
                    created.put(Long.parseLong(f[1]), line.substring(line.indexOf(' ', 4) + 1));
                    if (updatedId < 0) updatedId = Long.parseLong(f[1]);
                } else if (f[0].equals("ACK")) {
                    lastVersion = Long.parseLong(f[2]);
                    lastNotes = f[3];
                }
                acks++;
            }
            // SIGKILL while the child is still writing: no shutdown hook, no close, no flush
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        }
        assertEquals(137, child.exitValue(), "killed by SIGKILL (128 + 9); see " + temp.resolve("child-stderr.txt"));
        assertEquals(ACKS_BEFORE_KILL, acks, "the child wrote before it was killed");

        if (kind == StoreKind.GEOPACKAGE) {
            try (Connection c =
                            DriverManager.getConnection("jdbc:sqlite:" + Path.of(where, GeoPackageStore.FILE_NAME));
                    Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
                assertTrue(rs.next());
                assertEquals("ok", rs.getString(1));
            }
        }
        try (Store store = kind.open(where, Clock.systemUTC())) {
            for (var e : created.entrySet()) {
                RoomRentalPermit p = store.permit(e.getKey()).orElseThrow(() -> new AssertionError("lost permit " + e));
                if (e.getKey() != updatedId) assertEquals(e.getValue(), p.notes());
            }
            RoomRentalPermit updated = store.permit(updatedId).orElseThrow();
            // every acknowledged write survives; the child keeps writing while this test stops reading its ACKs and
            // kills it, so any number of later, unread writes may have committed too, each complete (audit below)
            assertTrue(
                    updated.version() >= lastVersion,
                    "version " + updated.version() + " after last acknowledged " + lastVersion);
            List<AuditEntry> trail = store.auditTrail(JdbcStore.PERMITS, updatedId);
            assertEquals(updated.version(), trail.size(), "one audit row per committed version");
            assertEquals(
                    lastNotes,
                    trail.get((int) lastVersion - 1).after().get("notes").asText());
            assertEquals(
                    trail.get(trail.size() - 1).after().get("notes").asText(),
                    updated.notes(),
                    "the row is the state its last audit row recorded");
            List<Long> versions = new ArrayList<>();
            trail.forEach(a -> versions.add(a.version()));
            for (int v = 0; v < versions.size(); v++) assertEquals(v + 1, versions.get(v));
            // and it is writable again
            store.updatePermit(updatedId, updated.version(), "after-crash", p -> p);
        }
        System.out.println(kind + ": killed after " + acks + " acknowledged writes (" + created.size()
                + " creates), all present; classpath entries " + classpath.split(File.pathSeparator).length);
    }
}
