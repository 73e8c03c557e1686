package nl.plektoets.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import nl.plektoets.config.Config;
import nl.plektoets.geo.WorkingCrs;
import nl.plektoets.registers.AssessmentSnapshots;
import nl.plektoets.registers.RegisterJson;
import nl.plektoets.registers.Registers;
import nl.plektoets.registers.TestTerms;
import nl.plektoets.roomrental.Dwelling;
import nl.plektoets.roomrental.StorePermits;
import nl.plektoets.roomrental.StreetKey;
import nl.plektoets.roomrental.StreetLimitGuard;
import nl.plektoets.store.Store;
import nl.plektoets.store.StoreKind;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * §5.1.3 asks for an overview of room-rented dwellings, not only of permits. Planners record dwellings known to be
 * room-rented without a permit (inspection, signal) behind the planner token, in both stores with an audit trail; they
 * fill the street's maximum, also in the atomic grant check; the public sees them only in the counts per street. On the
 * real BAG extract (Westerdok: 40 dwellings, maximum 4) through the real HTTP server.
 */
class RoomRentedDwellingsTest {
    static final Clock CLOCK = RoomRentalHttpTest.CLOCK;
    static final String PATH = "/api/v1/room-rented-dwellings";

    @TempDir
    Path temp;

    static Dwelling westerdok(int i) {
        return RoomRentalHttpTest.rules
                .model()
                .street(new StreetKey("Westerdok", "Amsterdam"))
                .orElseThrow()
                .dwellings()
                .get(i);
    }

    static String known(int i, String source) {
        Dwelling d = westerdok(i);
        return RegisterJson.MAPPER
                .createObjectNode()
                .put("dwellingBagId", d.bagId())
                .put("address", d.label() + ", Amsterdam")
                .put("street", "Westerdok")
                .put("town", "Amsterdam")
                .put("source", source)
                .put("observedOn", "2026-11-02")
                .put("note", "inspection by Piet Jansen")
                .toString();
    }

    static String permit(int i) {
        Dwelling d = westerdok(i);
        return RegisterJson.MAPPER
                .createObjectNode()
                .put("dwellingBagId", d.bagId())
                .put("address", d.label() + ", Amsterdam")
                .put("street", "Westerdok")
                .put("town", "Amsterdam")
                .put("rooms", 3)
                .put("persons", 3)
                .put("status", "granted")
                .toString();
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void knownRoomRentedDwellingsFillTheStreetAndThePublicSeesOnlyCounts(StoreKind kind) throws Exception {
        RoomRentalHttpTest.load();
        try (Store store = kind.open(kind.freshLocation(temp), CLOCK)) {
            Registers registers = new Registers(
                    TestTerms.HARDENBERG,
                    store,
                    CLOCK,
                    AssessmentSnapshots.NONE,
                    new StreetLimitGuard(RoomRentalHttpTest.rules));
            Config config = Config.defaults().with(Map.of("port", "0"));
            Api api = new Api(
                    config,
                    RoomRentalHttpTest.bag,
                    r -> {
                        throw new AssertionError("no assessments here");
                    },
                    new PolicyInfo("hardenberg-2025", "test"));
            Javalin app = Routes.create(api, config, null, c -> {
                RegisterRoutes.install(
                        c.routes,
                        registers,
                        () -> {
                            try {
                                return RegisterHttp.tokens(temp);
                            } catch (java.io.IOException e) {
                                throw new java.io.UncheckedIOException(e);
                            }
                        },
                        null,
                        () -> api);
                RoomRentalRoutes.install(
                        c.routes,
                        new RoomRentalApi(
                                RoomRentalHttpTest.rules,
                                new StorePermits(store),
                                api.addressIndex(),
                                WorkingCrs.rdNew(),
                                store,
                                CLOCK,
                                RoomRentalHttpTest.bag.info()));
            });
            JavalinTest.test(app, (server, client) -> {
                RegisterHttp http = new RegisterHttp(server.port());
                String base = "http://localhost:" + server.port();
                // behind the planner token
                assertEquals(
                        401,
                        http.send("POST", PATH, null, known(10, "inspection")).status());
                assertEquals(401, http.send("GET", PATH, null, null).status());

                RegisterHttp.Response first = http.send("POST", PATH, RegisterHttp.PLANNER, known(10, "inspection"));
                assertEquals(201, first.status(), () -> String.valueOf(first.body()));
                assertEquals(1, first.body().get("version").asInt());
                assertEquals("known", first.body().get("status").asText());
                assertEquals("ans", first.body().get("createdBy").asText());
                long id = first.body().get("id").asLong();
                JsonNode street = RoomRentalHttpTest.feature(
                                RoomRentalHttpTest.get(base + "/api/v1/room-rental/streets")
                                        .json(),
                                "amsterdam/westerdok")
                        .get("properties");
                assertEquals(1, street.get("known").asInt(), street::toString);
                assertEquals(3, street.get("left").asInt());

                // three more: the street is full, and a grant there is refused inside the store's transaction
                for (int i = 11; i < 14; i++) {
                    assertEquals(
                            201,
                            http.send("POST", PATH, RegisterHttp.PLANNER, known(i, i % 2 == 0 ? "signal" : "other"))
                                    .status());
                }
                RoomRentalHttpTest.Answer streets = RoomRentalHttpTest.get(base + "/api/v1/room-rental/streets");
                JsonNode full = RoomRentalHttpTest.feature(streets.json(), "amsterdam/westerdok")
                        .get("properties");
                assertEquals("full", full.get("status").asText(), full::toString);
                assertEquals(
                        java.util.List.of(0, 4, 0),
                        java.util.List.of(
                                full.get("granted").asInt(),
                                full.get("known").asInt(),
                                full.get("left").asInt()));
                RegisterHttp.Response refused = http.send("POST", "/api/v1/permits", RegisterHttp.PLANNER, permit(20));
                assertEquals(409, refused.status(), () -> String.valueOf(refused.body()));
                assertTrue(
                        refused.body().get("detail").asText().contains("4 known room-rented without a permit"),
                        refused.body()::toString);
                // the known dwelling itself may get its permit: it is the same dwelling, not a fifth
                RegisterHttp.Response own = http.send("POST", "/api/v1/permits", RegisterHttp.PLANNER, permit(13));
                assertEquals(201, own.status(), () -> String.valueOf(own.body()));
                JsonNode afterOwn = RoomRentalHttpTest.feature(
                                RoomRentalHttpTest.get(base + "/api/v1/room-rental/streets")
                                        .json(),
                                "amsterdam/westerdok")
                        .get("properties");
                assertEquals(
                        java.util.List.of(1, 3, 0),
                        java.util.List.of(
                                afterOwn.get("granted").asInt(),
                                afterOwn.get("known").asInt(),
                                afterOwn.get("left").asInt()),
                        afterOwn::toString);

                // the public sees counts only: no address, BAG id or note of a known dwelling, in any public output
                String everything = streets.text()
                        + RoomRentalHttpTest.get(base + "/api/v1/room-rental/streets.csv")
                                .text()
                        + RoomRentalHttpTest.get(base + "/ogc/collections/room-rental-streets/items?limit=1000")
                                .text();
                // the check of a known dwelling's own address says nothing about that dwelling
                String check = RoomRentalHttpTest.get(base + "/api/v1/room-rental/check?address="
                                + RoomRentalHttpTest.q(westerdok(11).label() + ", Amsterdam"))
                        .text();
                assertFalse(
                        check.contains("This dwelling")
                                || check.contains("Deze woning")
                                || check.contains("knownWithoutPermit"),
                        check);
                assertEquals(
                        check.replace(westerdok(11).label(), "X"),
                        RoomRentalHttpTest.get(base + "/api/v1/room-rental/check?address="
                                        + RoomRentalHttpTest.q(westerdok(30).label() + ", Amsterdam"))
                                .text()
                                .replace(westerdok(30).label(), "X"),
                        "a known dwelling's check equals its neighbour's");
                everything += check.replace(westerdok(11).label(), "X");
                for (int i = 10; i < 14; i++) {
                    assertFalse(
                            everything.contains(westerdok(i).bagId()),
                            westerdok(i).bagId());
                    assertFalse(
                            everything.contains(westerdok(i).label() + ","),
                            westerdok(i).label());
                }
                assertFalse(everything.contains("Piet Jansen") || everything.contains("inspection"));

                // ended (no longer room-rented): a version-checked change with its audit row; the place is free again
                assertEquals(
                        409,
                        http.send(
                                        "PATCH",
                                        PATH + "/" + id,
                                        RegisterHttp.PLANNER,
                                        "{\"version\": 7, \"status\": \"ended\"}")
                                .status());
                RegisterHttp.Response ended = http.send(
                        "PATCH", PATH + "/" + id, RegisterHttp.PLANNER, "{\"version\": 1, \"status\": \"ended\"}");
                assertEquals(200, ended.status(), () -> String.valueOf(ended.body()));
                assertEquals(2, ended.body().get("version").asInt());
                assertEquals(
                        201,
                        http.send("POST", "/api/v1/permits", RegisterHttp.PLANNER, permit(20))
                                .status());
                JsonNode audit = http.send("GET", PATH + "/" + id + "/audit", RegisterHttp.PLANNER, null)
                        .body();
                assertEquals(2, audit.get("changes").size(), audit::toString);
                assertEquals("known", audit.at("/changes/1/before/status").asText());
                assertEquals("ended", audit.at("/changes/1/after/status").asText());
                assertEquals(
                        4,
                        http.send("GET", PATH, RegisterHttp.PLANNER, null)
                                .body()
                                .get("count")
                                .asInt());
                assertEquals(
                        3,
                        http.send("GET", PATH + "?status=known", RegisterHttp.PLANNER, null)
                                .body()
                                .get("count")
                                .asInt());
                assertEquals(
                        4,
                        store.auditLog("room_rented_dwelling").stream()
                                .filter(a -> a.action().equals("create"))
                                .count());

                // bad input: a clear 4xx problem in the planner's terms
                ObjectNode noSource = (ObjectNode) RegisterJson.MAPPER.readTree(known(15, "inspection"));
                noSource.remove("source");
                RegisterHttp.Response missing = http.send("POST", PATH, RegisterHttp.PLANNER, noSource.toString());
                assertEquals(422, missing.status(), () -> String.valueOf(missing.body()));
                assertEquals("source", missing.body().get("field").asText());
                RegisterHttp.Response rumour = http.send("POST", PATH, RegisterHttp.PLANNER, known(15, "rumour"));
                assertEquals(400, rumour.status());
                assertTrue(
                        rumour.body().get("detail").asText().contains("inspection, signal, other"),
                        rumour.body()::toString);
                RegisterHttp.Response future = http.send(
                        "POST", PATH, RegisterHttp.PLANNER, known(15, "signal").replace("2026-11-02", "2027-01-01"));
                assertEquals(422, future.status());
                assertEquals("observedOn", future.body().get("field").asText());
                assertEquals(
                        404,
                        http.send("GET", PATH + "/999", RegisterHttp.PLANNER, null)
                                .status());
            });
        }
    }
}
