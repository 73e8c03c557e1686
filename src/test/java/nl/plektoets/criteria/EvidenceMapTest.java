package nl.plektoets.criteria;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link EvidenceMap} is, to every reader, the unmodifiable LinkedHashMap copy {@link CriterionResult} made before. */
class EvidenceMapTest {
    @Test
    void readsAsTheLinkedHashMapCopyItReplaces() {
        Random random = new Random(17);
        String[] keys = {
            "role",
            "featureId",
            "source",
            "sourceId",
            "sourceTag",
            "name",
            "description",
            "distanceM",
            "areaM2",
            "village",
            "",
            "x"
        };
        for (int n = 0; n < 2000; n++) {
            Map<String, Object> built = n % 3 == 0 ? new HashMap<>() : new LinkedHashMap<>();
            int size = random.nextInt(keys.length + 1);
            for (int k = 0; k < size; k++) {
                String key = random.nextInt(20) == 0 ? null : keys[random.nextInt(keys.length)];
                Object value = switch (random.nextInt(5)) {
                    case 0 -> null;
                    case 1 -> random.nextDouble();
                    case 2 -> "text " + random.nextInt(5);
                    case 3 -> List.of(random.nextInt(3));
                    default -> Map.of("k", random.nextInt(3));
                };
                built.put(key, value);
            }
            Map<String, Object> before = Collections.unmodifiableMap(new LinkedHashMap<>(built));
            EvidenceMap frozen = EvidenceMap.copyOf(built);

            assertEquals(before, frozen);
            assertEquals(frozen, before);
            assertEquals(before.hashCode(), frozen.hashCode());
            assertEquals(before.toString(), frozen.toString());
            assertEquals(before.size(), frozen.size());
            assertEquals(before.isEmpty(), frozen.isEmpty());
            assertEquals(new ArrayList<>(before.entrySet()), new ArrayList<>(frozen.entrySet()));
            assertEquals(new ArrayList<>(before.keySet()), new ArrayList<>(frozen.keySet()));
            assertEquals(new ArrayList<>(before.values()), new ArrayList<>(frozen.values()));
            List<Object> byIndex = new ArrayList<>(), forEach = new ArrayList<>();
            for (int i = 0; i < frozen.size(); i++) {
                byIndex.add(frozen.key(i));
                byIndex.add(frozen.value(i));
            }
            frozen.forEach((k, v) -> {
                forEach.add(k);
                forEach.add(v);
            });
            List<Object> expected = new ArrayList<>();
            before.forEach((k, v) -> {
                expected.add(k);
                expected.add(v);
            });
            assertEquals(expected, byIndex);
            assertEquals(expected, forEach);
            for (String key : keys) {
                assertEquals(before.containsKey(key), frozen.containsKey(key), key);
                assertEquals(before.get(key), frozen.get(key), key);
                assertEquals(before.getOrDefault(key, "absent"), frozen.getOrDefault(key, "absent"), key);
            }
            assertEquals(before.containsKey(null), frozen.containsKey(null));
            assertEquals(before.get(null), frozen.get(null));
            assertSame(frozen, EvidenceMap.copyOf(frozen), "frozen once");
        }
    }

    @Test
    void refusesEveryChange() {
        Map<String, Object> built = new LinkedHashMap<>();
        built.put("a", 1);
        built.put("b", 2);
        EvidenceMap frozen = EvidenceMap.copyOf(built);
        built.put("c", 3);
        assertEquals(2, frozen.size(), "a copy, not a view");
        assertThrows(UnsupportedOperationException.class, () -> frozen.put("c", 3));
        assertThrows(UnsupportedOperationException.class, () -> frozen.remove("a"));
        assertThrows(UnsupportedOperationException.class, () -> frozen.keySet().remove("a"));
        assertThrows(
                UnsupportedOperationException.class, () -> frozen.entrySet().clear());
        assertThrows(
                UnsupportedOperationException.class,
                () -> frozen.entrySet().iterator().next().setValue(4));
        assertThrows(UnsupportedOperationException.class, frozen::clear);
        assertEquals(Map.of("a", 1, "b", 2), frozen);
        assertFalse(frozen.containsKey("c"));
        assertNull(frozen.get("c"));
        assertTrue(EvidenceMap.copyOf(Map.of()).isEmpty());
    }

    @Test
    void criterionResultsFreezeTheirEvidence() {
        Map<String, Object> built = new LinkedHashMap<>();
        built.put("z", 1);
        built.put("a", 2);
        CriterionResult r = new CriterionResult("x", Status.PASS, "§1", new Message("n", "e"), built);
        assertTrue(r.evidence() instanceof EvidenceMap);
        assertEquals(List.of("z", "a"), new ArrayList<>(r.evidence().keySet()));
        Map<String, Object> empty = Map.of();
        assertSame(empty, new CriterionResult("x", Status.PASS, "§1", new Message("n", "e"), empty).evidence());
    }
}
