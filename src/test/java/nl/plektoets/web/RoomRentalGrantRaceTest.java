package nl.plektoets.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import nl.plektoets.auth.TokenFile;
import nl.plektoets.data.Dataset;
import nl.plektoets.data.DatasetInfo;
import nl.plektoets.data.bag.BagImport;
import nl.plektoets.geo.WorkingCrs;
import nl.plektoets.policy.PolicyProfile;
import nl.plektoets.registers.AssessmentSnapshots;
import nl.plektoets.registers.Registers;
import nl.plektoets.registers.TestTerms;
import nl.plektoets.roomrental.Dwelling;
import nl.plektoets.roomrental.RoomRentalRules;
import nl.plektoets.roomrental.Street;
import nl.plektoets.roomrental.StreetKey;
import nl.plektoets.roomrental.StreetLimitGuard;
import nl.plektoets.roomrental.StreetModel;
import nl.plektoets.store.Store;
import nl.plektoets.store.StoreKind;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Granting is atomic (§6.2.6): on the real BAG street Westerdok (Amsterdam), 40 dwellings, limit 10 % = 4,
 * all places but one are granted, then {@value #CLIENTS} planners grant {@value #CLIENTS} different applications in
 * the street at the same moment over HTTP. Exactly one gets 200; every other gets 409 permit-refused with the reason;
 * the register ends with exactly the limit granted. On both stores.
 */
class RoomRentalGrantRaceTest {
    static final int CLIENTS = 8;

    @TempDir
    Path temp;

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void concurrentGrantsForTheLastPlaceExactlyOneSucceeds(StoreKind kind) throws Exception {
        Dataset bag = new Dataset(
                new DatasetInfo("BAG Houthaven", false, List.of("bag.gpkg"), "EPSG:28992"),
                BagImport.read(Path.of("..", "shared", "data", "bag", "bag.gpkg"), WorkingCrs.rdNew(), m -> {})
                        .features());
        RoomRentalRules rules = new RoomRentalRules(
                StreetModel.build(bag, 0), PolicyProfile.load(null).roomRental());
        Street street =
                rules.model().street(new StreetKey("Westerdok", "Amsterdam")).orElseThrow();
        int limit = rules.standing(street, List.of(), -1).limit();
        assertEquals(street.size() / 10, limit); // 23 verblijfsobjecten + 17 ligplaatsen = 40 dwellings -> 4
        TokenFile tokens = RegisterHttp.tokens(temp);
        try (Store store = kind.open(kind.freshLocation(temp), Clock.systemUTC())) {
            Javalin app = Javalin.create(c -> RegisterRoutes.install(
                    c.routes,
                    new Registers(
                            TestTerms.HARDENBERG,
                            store,
                            Clock.systemUTC(),
                            AssessmentSnapshots.NONE,
                            new StreetLimitGuard(rules)),
                    () -> tokens,
                    null,
                    RegisterHttp::fixtureApi));
            JavalinTest.test(app, (server, client) -> {
                RegisterHttp http = new RegisterHttp(server.port());
                List<Long> ids = new ArrayList<>();
                for (int i = 0; i < limit - 1 + CLIENTS; i++) {
                    Dwelling d = street.dwellings().get(i);
                    var r = http.send(
                            "POST",
                            "/api/v1/permits",
                            RegisterHttp.PLANNER,
                            "{\"dwellingBagId\": \"" + d.bagId()
                                    + "\", \"street\": \"Westerdok\", \"town\": \"Amsterdam\", \"rooms\": 3, \"persons\": 4}");
                    assertEquals(201, r.status(), r.body().toString());
                    ids.add(r.body().get("id").asLong());
                }
                for (int i = 0; i < limit - 1; i++) {
                    assertEquals(
                            200,
                            http.send(
                                            "PATCH",
                                            "/api/v1/permits/" + ids.get(i),
                                            RegisterHttp.PLANNER,
                                            "{\"version\": 1, \"status\": \"granted\"}")
                                    .status());
                }
                CountDownLatch start = new CountDownLatch(1);
                ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
                List<Future<RegisterHttp.Response>> answers = new ArrayList<>();
                for (int c = 0; c < CLIENTS; c++) {
                    long id = ids.get(limit - 1 + c);
                    answers.add(pool.submit(() -> {
                        start.await();
                        return http.send(
                                "PATCH",
                                "/api/v1/permits/" + id,
                                RegisterHttp.PLANNER,
                                "{\"version\": 1, \"status\": \"granted\"}");
                    }));
                }
                start.countDown();
                int ok = 0, refused = 0;
                for (Future<RegisterHttp.Response> f : answers) {
                    RegisterHttp.Response r = f.get(60, TimeUnit.SECONDS);
                    if (r.status() == 200) {
                        ok++;
                    } else {
                        assertEquals(409, r.status(), r.body().toString());
                        assertEquals("application/problem+json", r.contentType());
                        assertEquals(
                                "urn:plektoets:problem:permit-refused",
                                r.body().get("type").asText());
                        assertEquals("street_limit", r.body().get("rule").asText());
                        assertTrue(
                                r.body()
                                        .get("detail")
                                        .asText()
                                        .contains("Westerdok, Amsterdam is full: " + limit + " of " + limit),
                                r.body().get("detail").asText());
                        refused++;
                    }
                }
                pool.shutdown();
                assertEquals(1, ok);
                assertEquals(CLIENTS - 1, refused);
                assertEquals(limit, store.permits("granted", "Westerdok").size());
                assertEquals(CLIENTS - 1, store.permits("applied", "Westerdok").size());
                // a refused grant wrote nothing: one audit row per permit (create) plus one per successful grant
                assertEquals(
                        ids.size() + limit, store.auditLog("room_rental_permit").size());
            });
        }
    }
}
