package nl.plektoets.store;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import nl.plektoets.registers.RegisterJson;

/**
 * A stored feature's attributes: one flat JSON object of strings, read with Jackson's streaming parser (no tree per
 * feature: the national batch reads millions). Anything else (a number, null, a nested value, not an object) is read
 * through the tree as before, so the map is always the one {@code JsonNode.fields()} with {@code asText()} gives.
 */
public final class AttributesJson {
    private static final JsonFactory FACTORY = RegisterJson.MAPPER.getFactory();

    private AttributesJson() {}

    public static Map<String, String> parse(String json) {
        if (json == null) throw new StoreException("A stored feature has no attributes (NULL)", null);
        try (JsonParser p = FACTORY.createParser(json)) {
            Map<String, String> flat = flat(p);
            return flat != null ? flat : viaTree(RegisterJson.MAPPER.readTree(json));
        } catch (JsonProcessingException e) {
            throw unreadable(e);
        } catch (IOException e) {
            throw new StoreException("Stored JSON is unreadable: " + e.getMessage(), e);
        }
    }

    /** The same, from the JSON's UTF-8 bytes. */
    public static Map<String, String> parse(byte[] utf8) {
        if (utf8 == null) throw new StoreException("A stored feature has no attributes (NULL)", null);
        try (JsonParser p = FACTORY.createParser(utf8)) {
            Map<String, String> flat = flat(p);
            return flat != null ? flat : viaTree(RegisterJson.MAPPER.readTree(utf8));
        } catch (JsonProcessingException e) {
            throw unreadable(e);
        } catch (IOException e) {
            throw new StoreException("Stored JSON is unreadable: " + e.getMessage(), e);
        }
    }

    /** The object's string members in document order (a repeated key: the last wins), or null when not all strings. */
    private static Map<String, String> flat(JsonParser p) throws IOException {
        JsonToken t = p.nextToken();
        if (t != JsonToken.START_OBJECT) return t == null ? new HashMap<>() : null;
        Map<String, String> out = new HashMap<>();
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            if (p.nextToken() != JsonToken.VALUE_STRING) return null;
            out.put(key, p.getText());
        }
        return t == JsonToken.END_OBJECT ? out : null;
    }

    private static Map<String, String> viaTree(JsonNode tree) {
        Map<String, String> out = new HashMap<>();
        if (tree != null)
            tree.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }

    private static StoreException unreadable(JsonProcessingException e) {
        return new StoreException("Stored JSON is unreadable: " + e.getOriginalMessage(), e);
    }
}
