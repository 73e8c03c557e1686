package nl.plektoets.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.plektoets.criteria.CriterionResult;
import nl.plektoets.criteria.Message;
import nl.plektoets.criteria.Obligation;
import nl.plektoets.criteria.Status;
import nl.plektoets.geo.GeoJson;
import nl.plektoets.geo.JsonBytes;
import nl.plektoets.geo.WorkingCrs;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;

/**
 * A criterion result written again as the same object is kept as bytes and copied from then on, the same bytes as
 * written from its parts; an equal result that is another object, a result with a geometry and results made per
 * answer are not taken for it, and do not displace it.
 */
class RecurringCriteriaTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final WorkingCrs CRS = WorkingCrs.rdNew();

    private static CriterionResult result(String id, int persons) {
        Map<String, Object> ev = new LinkedHashMap<>();
        ev.put("persons", persons);
        ev.put("band", "regular");
        ev.put("list", List.of("a", 1.5, true));
        return new CriterionResult(
                id,
                Status.PASS,
                "§5.1.1",
                new Message("Voor " + persons + " personen \"zo\".", "For " + persons + " persons."),
                ev,
                List.of(new Obligation("o", "§5.1.1", new Message("Doe dit.", "Do this."))));
    }

    /** The criterion appended after "[1," by a writer over {@code recurring} (null: none), as the answer's text. */
    private static String appended(CriterionResult c, RecurringCriteria recurring, Utf8Texts texts) throws IOException {
        JsonBytes answer = new JsonBytes(4);
        answer.append("[1,".getBytes(StandardCharsets.US_ASCII));
        CriterionBytes bytes = new CriterionBytes(
                texts,
                GeoJson.crs84(CRS, MAPPER.getFactory().createGenerator(new java.io.ByteArrayOutputStream())),
                recurring);
        assertTrue(bytes.append(c, answer));
        return answer.getValue();
    }

    @Test
    void aResultWrittenTwiceIsKeptAndCopiedAsTheSameBytes() throws IOException {
        Utf8Texts texts = new Utf8Texts();
        RecurringCriteria recurring = new RecurringCriteria();
        CriterionResult c = result("capacity", 12);
        String fromParts = appended(c, null, texts);
        assertEquals(fromParts, appended(c, recurring, texts));
        assertNull(recurring.bytes(c), "written once: noted, not kept");
        assertEquals(fromParts, appended(c, recurring, texts));
        assertNotNull(recurring.bytes(c), "written twice: kept");
        assertEquals(fromParts, appended(c, recurring, texts), "copied from the kept bytes");
        assertEquals(fromParts.substring(3), new String(recurring.bytes(c), StandardCharsets.UTF_8));

        // an equal result that is another object is written from its parts, and is not given the kept bytes
        CriterionResult equal = result("capacity", 12);
        assertEquals(c, equal);
        assertEquals(fromParts, appended(equal, recurring, texts));
        assertNull(recurring.bytes(equal));
        // another result of the same criterion gets its own bytes
        CriterionResult other = result("capacity", 40);
        appended(other, recurring, texts);
        appended(other, recurring, texts);
        assertEquals(
                appended(other, null, texts).substring(3), new String(recurring.bytes(other), StandardCharsets.UTF_8));
        assertEquals(fromParts.substring(3), new String(recurring.bytes(c), StandardCharsets.UTF_8));
    }

    @Test
    void aResultWithAGeometryIsNeverKept() throws IOException {
        Utf8Texts texts = new Utf8Texts();
        RecurringCriteria recurring = new RecurringCriteria();
        Map<String, Object> ev = new LinkedHashMap<>();
        ev.put(
                "effectArea",
                CRS.geometryFactory()
                        .createPoint(new Coordinate(240_000, 510_000))
                        .buffer(50));
        CriterionResult c =
                new CriterionResult("neighbours", Status.PASS, "§6.1", new Message("nl", "en"), ev, List.of());
        String first = appended(c, recurring, texts);
        for (int i = 0; i < 3; i++) assertEquals(first, appended(c, recurring, texts));
        assertNull(recurring.bytes(c));
    }

    @Test
    void resultsMadePerAnswerDoNotDisplaceTheKeptOnes() throws IOException {
        Utf8Texts texts = new Utf8Texts();
        RecurringCriteria recurring = new RecurringCriteria();
        CriterionResult[] kept = {result("capacity", 2), result("capacity", 4), result("capacity", 12)};
        for (int round = 0; round < 2; round++) for (CriterionResult c : kept) appended(c, recurring, texts);
        for (int i = 0; i < 500; i++) {
            appended(result("capacity", 100 + i), recurring, texts); // the same criterion, a new object every answer
            appended(result("facility_reach", i), recurring, texts); // another criterion's
        }
        for (CriterionResult c : kept) {
            assertNotNull(recurring.bytes(c), "still kept after 1,000 results made per answer");
            assertEquals(appended(c, null, texts), appended(c, recurring, texts));
        }
        // more recurring results than ways: every answer still its own bytes
        CriterionResult[] many = new CriterionResult[3 * RecurringCriteria.WAYS];
        for (int i = 0; i < many.length; i++) many[i] = result("fire_safety", i);
        for (int round = 0; round < 3; round++)
            for (CriterionResult c : many) assertEquals(appended(c, null, texts), appended(c, recurring, texts));
    }
}
