package nl.plektoets.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import nl.plektoets.auth.TokenFile;
import nl.plektoets.registers.AssessmentSnapshots;
import nl.plektoets.registers.Registers;
import nl.plektoets.registers.TestTerms;
import nl.plektoets.store.StoreUnavailableException;
import nl.plektoets.store.TestPostgis;
import nl.plektoets.store.postgis.PostgisStore;
import nl.plektoets.web.http.Problem;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostGIS unreachable at start fails fast with what to check; PostGIS lost while serving answers 503 problem+json
 * and recovers by itself when the database is back, without piling up threads. The outage is real: the test's own
 * database refuses connections (ALLOW_CONNECTIONS false) and its sessions are terminated, the server keeps running.
 */
@Tag("slow")
class PostgisOutageTest {
    @TempDir
    Path temp;

    @Test
    void unreachableAtStartFailsFastWithWhatToCheck() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        long t0 = System.nanoTime();
        StoreUnavailableException e = assertThrows(
                StoreUnavailableException.class,
                () -> PostgisStore.open(
                        "jdbc:postgresql://127.0.0.1:" + closedPort + "/plektoets",
                        "postgres",
                        null,
                        Clock.systemUTC()));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(
                e.getMessage().startsWith("Cannot connect to PostgreSQL at 127.0.0.1:" + closedPort + "/plektoets"),
                e.getMessage());
        assertTrue(e.getMessage().contains("PLEKTOETS_DB_URL"), e.getMessage());
        assertTrue(ms < 30_000, "gave up after " + ms + " ms");
    }

    @Test
    void lostWhileServingIs503AndRecovers() throws Exception {
        String db = TestPostgis.createDatabase();
        TokenFile tokens = RegisterHttp.tokens(temp);
        try (PostgisStore store = PostgisStore.open(TestPostgis.url(db), TestPostgis.USER, null, Clock.systemUTC())) {
            Javalin app = Javalin.create(c -> RegisterRoutes.install(
                    c.routes,
                    new Registers(TestTerms.HARDENBERG, store, Clock.systemUTC(), AssessmentSnapshots.NONE),
                    () -> tokens,
                    null,
                    RegisterHttp::fixtureApi));
            JavalinTest.test(app, (server, client) -> {
                RegisterHttp http = new RegisterHttp(server.port());
                assertEquals(
                        201,
                        http.send("POST", "/api/v1/permits", RegisterHttp.PLANNER, RegisterRoutesTest.NEW_PERMIT)
                                .status());
                assertEquals(
                        200,
                        http.send("GET", "/api/v1/permits/1", RegisterHttp.PLANNER, null)
                                .status());
                int threadsBefore = Thread.activeCount();

                outage(db, true);
                for (int i = 0; i < 10; i++) {
                    var r = http.send(
                            i % 2 == 0 ? "GET" : "PATCH",
                            "/api/v1/permits/1",
                            RegisterHttp.PLANNER,
                            i % 2 == 0 ? null : "{\"version\": 1, \"notes\": \"during outage\"}");
                    assertEquals(503, r.status(), () -> "request during outage: " + r.body());
                    assertEquals(Problem.MEDIA_TYPE, r.contentType());
                    assertEquals(
                            "urn:plektoets:problem:store-unavailable",
                            r.body().get("type").asText());
                    assertEquals("5", r.headers().firstValue("Retry-After").orElseThrow());
                }
                outage(db, false);

                int status = 0;
                for (int attempt = 0; attempt < 20 && status != 200; attempt++) {
                    status = http.send("GET", "/api/v1/permits/1", RegisterHttp.PLANNER, null)
                            .status();
                    if (status != 200) Thread.sleep(500);
                }
                assertEquals(200, status, "recovered after the database came back");
                var patched = http.send(
                        "PATCH",
                        "/api/v1/permits/1",
                        RegisterHttp.PLANNER,
                        "{\"version\": 1, \"notes\": \"after outage\"}");
                assertEquals(200, patched.status());
                assertEquals(2, patched.body().get("version").asInt(), "nothing written during the outage");
                int threadsAfter = Thread.activeCount();
                assertTrue(threadsAfter <= threadsBefore + 4, "threads " + threadsBefore + " -> " + threadsAfter);
            });
        } finally {
            TestPostgis.dropQuietly(db);
        }
    }

    /** Takes the database away from (or gives it back to) clients while the server keeps running. */
    private static void outage(String db, boolean down) throws Exception {
        try (Connection c = TestPostgis.server();
                Statement st = c.createStatement()) {
            st.execute("ALTER DATABASE " + db + " ALLOW_CONNECTIONS " + !down);
            if (down) {
                st.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + db + "'");
            }
        }
    }
}
