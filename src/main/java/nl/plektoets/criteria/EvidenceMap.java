package nl.plektoets.criteria;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * A criterion's evidence frozen in the order it was built: its keys and values in one array. {@link CriterionResult}
 * froze every evidence map as an unmodifiable copy of a new {@code LinkedHashMap} (a node and a hash per entry, per
 * criterion, per answer), and the answer's writer walked that copy through two wrappers and an entry per access. One
 * array is copied once and walked by index ({@link #key}, {@link #value}); a dozen keys are found by a scan.
 *
 * <p>A {@link Map} like any other to its readers (equals, hashCode and toString are {@link AbstractMap}'s, over the
 * same entries in the same order); immutable: every change throws. Null keys and values are kept as they are.
 */
public final class EvidenceMap extends AbstractMap<String, Object> {
    /** key, value, key, value, ... */
    private final Object[] entries;

    private EvidenceMap(Object[] entries) {
        this.entries = entries;
    }

    /** The entries of {@code source} in its iteration order, copied. */
    public static EvidenceMap copyOf(Map<String, Object> source) {
        if (source instanceof EvidenceMap frozen) return frozen;
        Object[] a = new Object[2 * source.size()];
        int i = 0;
        for (Map.Entry<String, Object> e : source.entrySet()) {
            if (i == a.length) throw new ConcurrentModificationException();
            a[i++] = e.getKey();
            a[i++] = e.getValue();
        }
        if (i != a.length) throw new ConcurrentModificationException();
        return new EvidenceMap(a);
    }

    /**
     * The {@code i}th key in order (0 to {@link #size()} - 1): a String, or null, unless a raw-typed map was frozen
     * (which a LinkedHashMap copy kept too, and the writer refuses like any key that is not a String).
     */
    public Object key(int i) {
        return entries[2 * i];
    }

    /** The {@code i}th value in order. */
    public Object value(int i) {
        return entries[2 * i + 1];
    }

    @Override
    public int size() {
        return entries.length >> 1;
    }

    @Override
    public boolean isEmpty() {
        return entries.length == 0;
    }

    private int indexOf(Object key) {
        Object[] a = entries;
        for (int i = 0; i < a.length; i += 2) if (Objects.equals(a[i], key)) return i;
        return -1;
    }

    @Override
    public boolean containsKey(Object key) {
        return indexOf(key) >= 0;
    }

    @Override
    public Object get(Object key) {
        int i = indexOf(key);
        return i < 0 ? null : entries[i + 1];
    }

    @Override
    public Object getOrDefault(Object key, Object defaultValue) {
        int i = indexOf(key);
        return i < 0 ? defaultValue : entries[i + 1];
    }

    @Override
    public void forEach(BiConsumer<? super String, ? super Object> action) {
        Object[] a = entries;
        for (int i = 0; i < a.length; i += 2) action.accept(keyAt(a, i), a[i + 1]);
    }

    /** Unchecked, as a LinkedHashMap hands out what it was given. */
    @SuppressWarnings("unchecked")
    private static <K> K keyAt(Object[] a, int i) {
        return (K) a[i];
    }

    @Override
    public Set<Map.Entry<String, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public int size() {
                return EvidenceMap.this.size();
            }

            @Override
            public Iterator<Map.Entry<String, Object>> iterator() {
                return new Iterator<>() {
                    private int i;

                    @Override
                    public boolean hasNext() {
                        return i < entries.length;
                    }

                    @Override
                    public Map.Entry<String, Object> next() {
                        if (i >= entries.length) throw new NoSuchElementException();
                        Map.Entry<String, Object> e =
                                new AbstractMap.SimpleImmutableEntry<>(keyAt(entries, i), entries[i + 1]);
                        i += 2;
                        return e;
                    }
                };
            }
        };
    }
}
