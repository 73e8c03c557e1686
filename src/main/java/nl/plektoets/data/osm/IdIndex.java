package nl.plektoets.data.osm;

import com.carrotsearch.hppc.LongIntHashMap;
import java.util.Arrays;

/**
 * Element id to its position in file order (0, 1, 2, ...). OSM files list nodes and ways by ascending id, so the
 * position is found in the id array itself: directly where the ids have no gaps (generated data), else by binary
 * search; no hashing, and no table of 64 MB that misses the cache on every lookup. A file that is not sorted gets
 * hppc's primitive map (GraphHopper's own; about 24 bytes an id) from its first id out of order on, and the id
 * array is dropped. A repeated id counts at its last position, in both forms.
 */
final class IdIndex {
    private long[] ids;
    private LongIntHashMap hashed;
    private int size;

    IdIndex(int initialCapacity) {
        ids = new long[initialCapacity];
    }

    /** Adds the id of the element at position {@link #size()}. */
    void add(long id) {
        if (ids != null && size > 0 && id <= ids[size - 1]) hash();
        if (ids == null) {
            hashed.put(id, size++);
            return;
        }
        if (size == ids.length) ids = Arrays.copyOf(ids, size * 2);
        ids[size++] = id;
    }

    private void hash() {
        hashed = new LongIntHashMap(Math.max(1 << 12, size * 2));
        for (int i = 0; i < size; i++) hashed.put(ids[i], i);
        ids = null;
    }

    /** The position of {@code id}, or -1 when it was never added. */
    int get(long id) {
        if (ids == null) return hashed.getOrDefault(id, -1);
        if (size == 0) return -1;
        long dense = id - ids[0];
        if (dense >= 0 && dense < size && ids[(int) dense] == id) return (int) dense;
        int i = Arrays.binarySearch(ids, 0, size, id);
        return i >= 0 ? i : -1;
    }

    int size() {
        return size;
    }

    /** True while every id added was larger than the one before. */
    boolean sorted() {
        return ids != null;
    }
}
