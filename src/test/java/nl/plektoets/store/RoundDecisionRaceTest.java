package nl.plektoets.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import nl.plektoets.policy.PolicyProfile;
import nl.plektoets.registers.InitiativeStatus;
import nl.plektoets.registers.RegisterJson;
import nl.plektoets.registers.VersionConflictException;
import nl.plektoets.rounds.ApplicationRound;
import nl.plektoets.rounds.ApplicationRounds;
import nl.plektoets.rounds.RoundEntry;
import nl.plektoets.rounds.RoundStatusException;
import nl.plektoets.web.RoundHttpTestAccess;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Planners keep scoring while the college's decision is recorded: every score change either committed before the
 * decision (and is in the kept ranking, at the entry's version) or is refused as the round is decided; none lands
 * after the decision unseen. Both stores, real threads against the real database.
 */
class RoundDecisionRaceTest {
    @TempDir
    Path temp;

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void noScoreChangesAfterTheDecisionRankedTheEntries(StoreKind kind) throws Exception {
        PolicyProfile nop = PolicyProfile.builtIn("noordoostpolder-2024");
        try (Store store = kind.open(kind.freshLocation(temp), RoundHttpTestAccess.CLOCK)) {
            ApplicationRounds rounds = new ApplicationRounds(store, store, RoundHttpTestAccess.CLOCK, nop, () -> null);
            ApplicationRound round = rounds.open(
                    RegisterJson.MAPPER.readTree(
                            "{\"name\": \"Ronde\", \"opensOn\": \"2025-03-01\", \"closesOn\": \"2025-03-31\"}"),
                    "ans");
            List<Long> entries = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                long initiative =
                        RoundHttpTestAccess.initiative(store, 100 + 50 * i, InitiativeStatus.REPORTED, "BV " + i);
                entries.add(rounds.enter(
                                round.id(),
                                RegisterJson.MAPPER.readTree("{\"initiativeId\": " + initiative
                                        + ", \"submittedAt\": \"2025-03-05T10:00:00Z\", \"dwellingsReturned\": 1,"
                                        + " \"scores\": " + RoundHttpTestAccess.scores(2) + "}"),
                                "ans")
                        .id());
            }
            ExecutorService pool = Executors.newFixedThreadPool(4);
            CountDownLatch started = new CountDownLatch(4);
            AtomicInteger saved = new AtomicInteger();
            List<Future<Integer>> scorers = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                long entryId = entries.get(t);
                scorers.add(pool.submit(() -> {
                    started.countDown();
                    for (int n = 0; ; n++) {
                        RoundEntry e = store.entry(entryId).orElseThrow();
                        try {
                            rounds.patchEntry(
                                    round.id(),
                                    entryId,
                                    RegisterJson.MAPPER.readTree("{\"version\": " + e.version() + ", \"scores\": "
                                            + RoundHttpTestAccess.scores(n % 6) + "}"),
                                    "ans");
                            saved.incrementAndGet();
                        } catch (VersionConflictException stale) {
                            // another writer: read again
                        } catch (RoundStatusException decided) {
                            return n;
                        }
                    }
                }));
            }
            started.await();
            while (saved.get() < 8) Thread.onSpinWait();
            long version = store.round(round.id()).orElseThrow().version();
            ApplicationRound decided = rounds.decide(
                    round.id(),
                    RegisterJson.MAPPER.readTree(
                            "{\"version\": " + version + ", \"decidedOn\": \"2025-04-08\", \"reference\": \"race\"}"),
                    "ans");
            for (Future<Integer> f : scorers) f.get(60, TimeUnit.SECONDS);
            pool.shutdown();
            assertTrue(saved.get() >= 8, "scores were being saved while deciding");

            // the kept ranking holds every entry at the version it has now: nothing changed after it was ranked
            JsonNode kept = decided.decision().ranking();
            assertEquals(entries.size(), kept.path("ranking").size());
            for (JsonNode row : kept.path("ranking")) {
                RoundEntry now = store.entry(row.path("entryId").asLong()).orElseThrow();
                assertEquals(now.version(), row.path("entryVersion").asLong(), row::toString);
                assertEquals(
                        now.scores().get("housing_quality").points(),
                        row.at("/points/0/points").asInt(),
                        row::toString);
            }
        }
    }
}
