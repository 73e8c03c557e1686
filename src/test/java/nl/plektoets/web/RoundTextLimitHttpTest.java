package nl.plektoets.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import nl.plektoets.policy.PolicyProfile;
import nl.plektoets.registers.InitiativeStatus;
import nl.plektoets.store.StoreKind;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The round's free text is bounded per field as the registers bound theirs (notes and a score's note 2,000
 * characters, a name 200): one character over is 400 problem+json (invalid-field, as the registers answer their limits) naming the field and the limit, nothing stored;
 * at the limit it is accepted. Over real HTTP on both stores, with {@link RoundHttpTest}'s server.
 */
class RoundTextLimitHttpTest {
    static final PolicyProfile NOP = RoundHttpTest.NOP;

    @TempDir
    Path temp;

    /** RoundHttpTest's server (both stores, planner token), without running its own tests again. */
    void withServer(StoreKind kind, PolicyProfile profile, RoundHttpTest.Body test) throws Exception {
        RoundHttpTest server = new RoundHttpTest();
        server.temp = temp;
        server.withServer(kind, profile, test);
    }

    static String quoted(int chars) {
        return "\"" + "a".repeat(chars) + "\"";
    }

    static void refused(RegisterHttp.Response r, String field, int max) {
        assertEquals(400, r.status(), () -> String.valueOf(r.body()));
        assertEquals("application/problem+json", r.contentType().split(";")[0]);
        assertEquals(field, r.body().get("field").asText(), () -> r.body().toString());
        assertTrue(
                r.body().get("detail").asText().contains("at most " + max),
                () -> r.body().toString());
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void notesNamesAndScoreNotesHaveTheRegistersLimits(StoreKind kind) throws Exception {
        withServer(kind, NOP, (http, store, port) -> {
            refused(
                    http.send(
                            "POST",
                            "/api/v1/rounds",
                            RegisterHttp.PLANNER,
                            "{\"name\": " + quoted(201)
                                    + ", \"opensOn\": \"2025-03-01\", \"closesOn\": \"2025-03-31\"}"),
                    "name",
                    200);
            refused(
                    http.send(
                            "POST",
                            "/api/v1/rounds",
                            RegisterHttp.PLANNER,
                            "{\"name\": \"Ronde\", \"opensOn\": \"2025-03-01\", \"closesOn\": \"2025-03-31\", \"notes\": "
                                    + quoted(2001) + "}"),
                    "notes",
                    2000);
            var opened = http.send(
                    "POST",
                    "/api/v1/rounds",
                    RegisterHttp.PLANNER,
                    "{\"name\": " + quoted(200)
                            + ", \"opensOn\": \"2025-03-01\", \"closesOn\": \"2025-03-31\", \"notes\": " + quoted(2000)
                            + "}");
            assertEquals(201, opened.status(), () -> opened.body().toString());
            String round = "/api/v1/rounds/" + opened.body().get("id").asLong();
            refused(
                    http.send(
                            "PATCH", round, RegisterHttp.PLANNER, "{\"version\": 1, \"notes\": " + quoted(2001) + "}"),
                    "notes",
                    2000);

            long a = RoundHttpTest.initiative(store, 100, InitiativeStatus.INTAKE, "Initiatief A");
            String entries = round + "/entries";
            refused(
                    http.send(
                            "POST",
                            entries,
                            RegisterHttp.PLANNER,
                            "{\"initiativeId\": " + a + ", \"submittedAt\": \"2025-03-05T10:00:00Z\", \"notes\": "
                                    + quoted(2001) + "}"),
                    "notes",
                    2000);
            var entered = http.send(
                    "POST",
                    entries,
                    RegisterHttp.PLANNER,
                    "{\"initiativeId\": " + a + ", \"submittedAt\": \"2025-03-05T10:00:00Z\"}");
            assertEquals(201, entered.status(), () -> entered.body().toString());
            String entry = entries + "/" + entered.body().get("id").asLong();
            refused(
                    http.send(
                            "PATCH",
                            entry,
                            RegisterHttp.PLANNER,
                            "{\"version\": 1, \"scores\": {\"housing_quality\": {\"points\": 3, \"note\": "
                                    + quoted(2001) + "}}}"),
                    "scores.housing_quality.note",
                    2000);
            // nothing was stored by the refusals; a note at the limit is
            var scored = http.send(
                    "PATCH",
                    entry,
                    RegisterHttp.PLANNER,
                    "{\"version\": 1, \"scores\": {\"housing_quality\": {\"points\": 3, \"note\": " + quoted(2000)
                            + "}}}");
            assertEquals(200, scored.status(), () -> scored.body().toString());
            JsonNode note = scored.body().at("/scores/housing_quality/note");
            assertEquals(2000, note.asText().length(), scored.body()::toString);
        });
    }
}
