package nl.plektoets.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import nl.plektoets.registers.RegisterJson;
import org.junit.jupiter.api.Test;

/**
 * The stored attributes' streaming reader gives the map the Jackson tree gave ({@code fields()} with
 * {@code asText()}), for the String and the UTF-8 bytes alike, and refuses bad JSON with the store's error.
 */
class AttributesJsonTest {

    /** What the store read before: the tree. */
    private static Map<String, String> viaTree(String json) throws Exception {
        Map<String, String> out = new HashMap<>();
        JsonNode tree = RegisterJson.MAPPER.readTree(json);
        tree.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }

    private static Map<String, String> both(String json) {
        Map<String, String> fromString = AttributesJson.parse(json);
        assertEquals(fromString, AttributesJson.parse(json.getBytes(StandardCharsets.UTF_8)), json);
        return fromString;
    }

    @Test
    void escapesAreUnescaped() throws Exception {
        String json = "{\"name\":\"De \\\"Oude\\\" Molen\",\"path\":\"a\\\\b\\/c\",\"lines\":\"1\\n2\\t3\\r\","
                + "\"u\":\"caf\\u00e9 \\ud83c\\udfe0\"}";
        Map<String, String> expected =
                Map.of("name", "De \"Oude\" Molen", "path", "a\\b/c", "lines", "1\n2\t3\r", "u", "café \uD83C\uDFE0");
        assertEquals(expected, both(json));
        assertEquals(viaTree(json), both(json));
    }

    @Test
    void unicodeAsUtf8AndInKeys() throws Exception {
        String json = "{\"straße\":\"Ŝtraat ĳ 🏠\",\"plaats\":\"Ærø — 's-Hertogenbosch\"}";
        assertEquals(Map.of("straße", "Ŝtraat ĳ 🏠", "plaats", "Ærø — 's-Hertogenbosch"), both(json));
        assertEquals(viaTree(json), both(json));
    }

    @Test
    void emptyObjectEmptyValueAndWhitespace() throws Exception {
        assertEquals(Map.of(), both("{}"));
        assertEquals(Map.of(), both("  { }  "));
        assertEquals(Map.of("a", ""), both(" {\n \"a\" : \"\" } "));
        assertEquals(Map.of(), both(""), "no content: no attributes, as the tree's missing node");
    }

    @Test
    void aRepeatedKeyKeepsTheLastAsTheTreeDoes() throws Exception {
        String json = "{\"a\":\"1\",\"b\":\"2\",\"a\":\"3\"}";
        assertEquals(Map.of("a", "3", "b", "2"), both(json));
        assertEquals(viaTree(json), both(json));
    }

    @Test
    void valuesThatAreNotStringsAreReadAsTheTreeReadThem() throws Exception {
        for (String json : new String[] {
            "{\"n\":5,\"s\":\"x\"}",
            "{\"s\":\"x\",\"f\":1.50}",
            "{\"z\":null}",
            "{\"t\":true,\"o\":{\"x\":\"y\"},\"l\":[1,2]}",
            "[\"a\",\"b\"]",
            "\"text\""
        }) {
            assertEquals(viaTree(json), both(json), json);
        }
        assertEquals(Map.of("n", "5", "s", "x"), both("{\"n\":5,\"s\":\"x\"}"));
        assertEquals(Map.of("z", "null"), both("{\"z\":null}"));
    }

    @Test
    void badJsonIsTheStoresClearError() {
        for (String json : new String[] {"{\"a\":", "{\"a\" \"b\"}", "{a:\"b\"}", "{\"a\":\"b\",}", "{\"a\":\"b"}) {
            StoreException e = assertThrows(StoreException.class, () -> AttributesJson.parse(json), json);
            assertTrue(e.getMessage().startsWith("Stored JSON is unreadable: "), e.getMessage());
            StoreException b = assertThrows(
                    StoreException.class, () -> AttributesJson.parse(json.getBytes(StandardCharsets.UTF_8)), json);
            assertTrue(b.getMessage().startsWith("Stored JSON is unreadable: "), b.getMessage());
        }
        StoreException none = assertThrows(StoreException.class, () -> AttributesJson.parse((String) null));
        assertTrue(none.getMessage().contains("no attributes"), none.getMessage());
    }
}
