package nl.plektoets.web;

import java.util.concurrent.ConcurrentHashMap;
import nl.plektoets.criteria.CriterionResult;
import nl.plektoets.geo.JsonBytes;

/**
 * The bytes of criterion results that recur as the same object: a criterion whose answer depends only on the profile
 * and the request's form and persons keeps its results and hands out the same one again ({@code permit_term},
 * {@code capacity}, {@code fire_safety}), so its object need not be written again from its texts, names and numbers.
 * Found by identity: recognising one costs a few reference comparisons, where session 13's results kept by content
 * had to compare every text and value, which cost what it saved.
 *
 * <p>A result is kept the second time it is written: one made anew per answer (most criteria's) is noted once and
 * never copied. Per criterion id a few ways, so results made per answer by one criterion do not displace the
 * recurring ones of another; a first writing takes an empty way, else the next way in turn whose bytes are not kept
 * yet, and a kept one only when all are. Results
 * whose evidence has a geometry are not kept (their bytes are the working CRS's transform, written per answer).
 * Bounded: at most {@link #MAX_IDS} ids of {@link #WAYS} results each. Thread-safe: entries are immutable, a racy way
 * holds a complete entry or an older one, and an entry's bytes are never changed after it is made.
 */
final class RecurringCriteria {
    static final int WAYS = 8;
    static final int MAX_IDS = 64;

    /** A result written once (no bytes yet) or kept with its object's bytes. */
    private record Entry(CriterionResult result, byte[] bytes) {}

    private final ConcurrentHashMap<String, Ways> byId = new ConcurrentHashMap<>();

    /** The ways of a criterion id, made at its first writing; null when {@link #MAX_IDS} ids have ways already. */
    Ways ways(String id) {
        Ways ways = byId.get(id);
        if (ways == null && byId.size() < MAX_IDS) ways = byId.computeIfAbsent(id, x -> new Ways());
        return ways;
    }

    /** The kept bytes of the criterion's object for {@code c} itself, or null. */
    byte[] bytes(CriterionResult c) {
        Ways ways = byId.get(c.id());
        return ways == null ? null : ways.bytes(c);
    }

    /** One criterion id's results: looked up once per criterion written, for both {@link #bytes} and {@link #written}. */
    static final class Ways {
        private final Entry[] entries = new Entry[WAYS];
        /** Where the search for a way to take starts ({@link #victim}): racy on purpose, any value will do. */
        private int victim;

        /** The kept bytes of the criterion's object for {@code c} itself, or null. */
        byte[] bytes(CriterionResult c) {
            for (Entry e : entries) if (e != null && e.result == c) return e.bytes;
            return null;
        }

        /**
         * Notes that {@code c}'s object was written as the bytes of {@code written} from {@code from} to its end: kept
         * when it was written once before, else noted.
         */
        void written(CriterionResult c, JsonBytes written, int from) {
            int empty = -1;
            for (int w = 0; w < WAYS; w++) {
                Entry e = entries[w];
                if (e != null && e.result == c) {
                    // the second writing: kept from now on
                    if (e.bytes == null) entries[w] = new Entry(c, written.copyOfRange(from, written.length()));
                    return;
                }
                if (empty < 0 && e == null) empty = w;
            }
            entries[empty >= 0 ? empty : victim()] = new Entry(c, null);
        }

        /**
         * The way a first writing takes in a full set: the next in turn whose bytes are not kept (so a result written
         * once stays noted while a few others are), else the next in turn.
         */
        private int victim() {
            int start = victim++;
            for (int k = 0; k < WAYS; k++) {
                int w = (start + k) & (WAYS - 1);
                Entry e = entries[w];
                if (e == null || e.bytes == null) {
                    victim = w + 1;
                    return w;
                }
            }
            return start & (WAYS - 1);
        }
    }
}
