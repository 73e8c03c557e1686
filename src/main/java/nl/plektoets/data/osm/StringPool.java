package nl.plektoets.data.osm;

import java.util.HashMap;
import java.util.Map;

/**
 * Interns tag keys and values for one import: street names, "building", "yes" repeat millions of times in a
 * large extract, and one shared instance each keeps the kept tags small.
 */
final class StringPool {
    private final Map<String, String> pool = new HashMap<>();

    String get(String s) {
        String known = pool.putIfAbsent(s, s);
        return known == null ? s : known;
    }
}
