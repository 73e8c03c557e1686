package nl.plektoets.web.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PagingTest {
    @Test
    void limitIsClampedOffsetAndBadValuesAreRefusedWithTheParameterNamed() {
        assertEquals(10, Paging.of(Map.of(), 10, 100).limit());
        assertEquals(100, Paging.of(Map.of("limit", "5000"), 10, 100).limit());
        assertEquals(100, Paging.of(Map.of("limit", "99999999999999"), 10, 100).limit());
        for (var bad :
                List.of(Map.of("limit", "0"), Map.of("limit", "x"), Map.of("offset", "-1"), Map.of("offset", "1.5"))) {
            Problem p = assertThrows(Problem.class, () -> Paging.of(bad, 10, 100));
            assertEquals(400, p.status());
            assertEquals(bad.keySet().iterator().next(), p.field());
        }
    }

    @Test
    void aMiddlePageLinksSelfNextAndPrevKeepingTheOtherParameters() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("bbox", "6.1,52.5,6.2,52.6");
        params.put("limit", "2");
        params.put("offset", "3");
        Paging paging = Paging.of(params, 10, 100);
        assertEquals(List.of(3, 4), paging.of(List.of(0, 1, 2, 3, 4, 5, 6)));
        ArrayNode links = JsonNodeFactory.instance.arrayNode();
        paging.links(links, "/p", params, 7, "application/geo+json", null);
        assertEquals(3, links.size());
        assertEquals(
                "/p?bbox=6.1,52.5,6.2,52.6&limit=2&offset=3",
                links.get(0).get("href").asText());
        assertEquals("next", links.get(1).get("rel").asText());
        assertEquals(
                "/p?bbox=6.1,52.5,6.2,52.6&limit=2&offset=5",
                links.get(1).get("href").asText());
        assertEquals(
                "/p?bbox=6.1,52.5,6.2,52.6&limit=2&offset=1",
                links.get(2).get("href").asText());
    }

    @Test
    void theLastPageHasNoNextAndTheFirstNoPrev() {
        ArrayNode last = JsonNodeFactory.instance.arrayNode();
        Paging.of(Map.of("limit", "5", "offset", "5"), 10, 100).links(last, "/p", Map.of(), 10, "t", null);
        assertEquals(List.of("self", "prev"), last.findValuesAsText("rel"));
        ArrayNode first = JsonNodeFactory.instance.arrayNode();
        Paging.of(Map.of(), 5, 100).links(first, "/p", Map.of(), 5, "t", null);
        assertEquals(List.of("self"), first.findValuesAsText("rel"));
        assertEquals(List.of(), Paging.of(Map.of("offset", "50"), 5, 100).of(List.of(1, 2)));
    }
}
