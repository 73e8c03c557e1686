package nl.plektoets.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Criterion evidence (maps, lists, numbers) as a JSON tree. */
final class RoomRentalJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private RoomRentalJson() {}

    static JsonNode tree(Object evidence) {
        return MAPPER.valueToTree(evidence);
    }
}
