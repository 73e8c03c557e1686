package nl.plektoets.overview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import nl.plektoets.assess.AddressSite;
import nl.plektoets.assess.Assessor;
import nl.plektoets.data.Dataset;
import nl.plektoets.data.Feature;
import nl.plektoets.data.FixtureDataset;
import nl.plektoets.data.Role;
import nl.plektoets.policy.PolicyProfile;
import nl.plektoets.request.AssessmentRequest;
import nl.plektoets.request.HousingForm;
import org.junit.jupiter.api.Test;

/**
 * The overview's batch and cache on the fixture dataset with the real engine: every address gets the verdict a single
 * assessment gives, the cache holds while the register state is equal and not longer, concurrent requests for one
 * key run the batch once, and the least recently used result goes first.
 */
class HousingOverviewTest {
    static final Dataset DATASET = FixtureDataset.create();
    static final Assessor ENGINE = new Assessor(DATASET, PolicyProfile.load(null));

    /** An overview whose register state is the string in {@code state}; counts how often the engine is built. */
    static HousingOverview<String> overview(AtomicReference<String> state, AtomicInteger batches) {
        return new HousingOverview<>(
                DATASET,
                state::get,
                s -> {
                    batches.incrementAndGet();
                    return ENGINE.withAdditional(List.of());
                },
                Clock.systemUTC());
    }

    @Test
    void everyAddressHasTheVerdictOfASingleAssessment() {
        HousingOverview<String> o = overview(new AtomicReference<>("none"), new AtomicInteger());
        HousingOverview.Key key = new HousingOverview.Key(HousingForm.HOUSING_FACILITY, 12, false);
        HousingOverview.Result r = o.get(key).result();
        List<Feature> addresses = DATASET.layer(Role.ADDRESS);
        assertEquals(addresses.size(), r.rows().size());
        for (int i = 0; i < addresses.size(); i++) {
            HousingOverview.Row row = r.rows().get(i);
            assertSame(addresses.get(i), row.address(), "dataset order");
            var single = ENGINE.assess(
                    new AssessmentRequest(AddressSite.of(addresses.get(i)), HousingForm.HOUSING_FACILITY, 12, false));
            assertEquals(single.verdict(), row.verdict(), row.label());
            assertEquals(single.locationClass(), row.locationClass());
            List<String> failing = new ArrayList<>();
            single.criteria().forEach(c -> {
                if (c.status() == nl.plektoets.criteria.Status.FAIL) failing.add(c.id());
            });
            assertEquals(failing, row.failing());
            assertNull(row.error());
        }
        assertEquals(
                "Hoofdstraat 12", r.rows().get(0).label().split(",")[0], "\"Street 12, Town\" as assess-all writes it");
    }

    @Test
    void theCacheHoldsWhileTheRegisterIsUnchanged() {
        AtomicReference<String> state = new AtomicReference<>("permits v1");
        AtomicInteger batches = new AtomicInteger();
        HousingOverview<String> o = overview(state, batches);
        HousingOverview.Key key = new HousingOverview.Key(HousingForm.ROOM_RENTAL, 4, false);
        HousingOverview.Answer first = o.get(key);
        assertFalse(first.cached());
        HousingOverview.Answer second = o.get(key);
        assertTrue(second.cached());
        assertSame(first.result(), second.result());
        assertEquals(1, batches.get());
        state.set("permits v2");
        assertFalse(o.get(key).cached(), "the register changed");
        assertEquals(2, batches.get());
        assertFalse(
                o.get(new HousingOverview.Key(HousingForm.ROOM_RENTAL, 4, true)).cached(), "new build is another key");
    }

    @Test
    void concurrentRequestsForOneKeyRunTheBatchOnce() throws Exception {
        AtomicInteger batches = new AtomicInteger();
        HousingOverview<String> o = overview(new AtomicReference<>("v"), batches);
        HousingOverview.Key key = new HousingOverview.Key(HousingForm.ROOM_RENTAL, 6, false);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HousingOverview.Answer>> answers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            answers.add(pool.submit(() -> {
                start.await();
                return o.get(key);
            }));
        }
        start.countDown();
        HousingOverview.Result result = null;
        int computed = 0;
        for (Future<HousingOverview.Answer> a : answers) {
            HousingOverview.Answer answer = a.get();
            if (!answer.cached()) computed++;
            if (result == null) result = answer.result();
            assertSame(result, answer.result());
        }
        pool.shutdown();
        assertEquals(1, batches.get());
        assertEquals(1, computed);
    }

    @Test
    void atMostMaxCachedResultsAreKept() {
        // Caffeine evicts by recency and frequency (W-TinyLFU, with a random element against hash flooding), so which
        // result goes is not fixed; what is fixed is the bound, and that an evicted result is computed again.
        AtomicInteger batches = new AtomicInteger();
        HousingOverview<String> o = overview(new AtomicReference<>("v"), batches);
        for (int persons = 1; persons <= HousingOverview.MAX_CACHED + 5; persons++) {
            o.get(new HousingOverview.Key(HousingForm.ROOM_RENTAL, persons, false));
        }
        assertEquals(HousingOverview.MAX_CACHED, o.cachedCount());
        assertEquals(HousingOverview.MAX_CACHED + 5, batches.get());
        int cached = 0;
        for (int persons = 1; persons <= HousingOverview.MAX_CACHED + 5; persons++) {
            if (o.get(new HousingOverview.Key(HousingForm.ROOM_RENTAL, persons, false))
                    .cached()) cached++;
        }
        assertTrue(cached < HousingOverview.MAX_CACHED + 5, "some results were evicted and computed again");
        assertEquals(HousingOverview.MAX_CACHED, o.cachedCount());
    }
}
