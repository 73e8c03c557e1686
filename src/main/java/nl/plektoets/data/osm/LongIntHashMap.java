package nl.plektoets.data.osm;

import java.util.Arrays;

/**
 * An open-addressing map from OSM ids (long) to int indexes, without boxing: a million nodes cost about
 * 24 bytes each here instead of about 100 in a {@code HashMap<Long, ...>}. Not thread-safe.
 */
final class LongIntHashMap {
    private static final long FREE = Long.MIN_VALUE; // no OSM id is Long.MIN_VALUE
    private long[] keys;
    private int[] values;
    private int size;
    private int mask;
    private int resizeAt;

    LongIntHashMap(int expected) {
        int cap = Integer.highestOneBit(Math.max(16, (int) (expected / 0.6)) - 1) << 1;
        allocate(cap);
    }

    private void allocate(int cap) {
        keys = new long[cap];
        Arrays.fill(keys, FREE);
        values = new int[cap];
        mask = cap - 1;
        resizeAt = (int) (cap * 0.6);
    }

    private static int hash(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }

    /** Sets the value for key, replacing an earlier one (a later duplicate of an OSM id wins). */
    void put(long key, int value) {
        if (key == FREE) throw new IllegalArgumentException("id " + key + " is not a valid OSM id");
        int i = hash(key) & mask;
        while (keys[i] != FREE) {
            if (keys[i] == key) {
                values[i] = value;
                return;
            }
            i = (i + 1) & mask;
        }
        keys[i] = key;
        values[i] = value;
        if (++size > resizeAt) grow();
    }

    /** The value for key, or -1 when absent. */
    int get(long key) {
        int i = hash(key) & mask;
        long k;
        while ((k = keys[i]) != FREE) {
            if (k == key) return values[i];
            i = (i + 1) & mask;
        }
        return -1;
    }

    int size() {
        return size;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        allocate(keys.length * 2);
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != FREE) put(oldKeys[i], oldValues[i]);
        }
    }
}
