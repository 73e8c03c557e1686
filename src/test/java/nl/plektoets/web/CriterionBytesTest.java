package nl.plektoets.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import nl.plektoets.assess.Assessment;
import nl.plektoets.assess.Assessor;
import nl.plektoets.criteria.Audience;
import nl.plektoets.criteria.CriterionResult;
import nl.plektoets.criteria.HousedPersons;
import nl.plektoets.criteria.Message;
import nl.plektoets.criteria.NeighboursCriterion;
import nl.plektoets.criteria.Obligation;
import nl.plektoets.criteria.SpreadCriterion;
import nl.plektoets.criteria.Status;
import nl.plektoets.data.Dataset;
import nl.plektoets.data.Feature;
import nl.plektoets.data.ImportProgress;
import nl.plektoets.data.Role;
import nl.plektoets.data.directory.DataDirectory;
import nl.plektoets.geo.GeoJson;
import nl.plektoets.geo.JsonBytes;
import nl.plektoets.geo.WorkingCrs;
import nl.plektoets.policy.PolicyProfile;
import nl.plektoets.request.AssessmentRequest;
import nl.plektoets.request.HousingForm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;

/**
 * A criterion's object built as bytes ({@link CriterionBytes}) is the writer's tokens byte for byte, or refused
 * (nothing written) where a part needs the generator: every criterion of real demo answers (the bytes way taken for
 * all of them), and synthetic evidence of every kind of value, key and text, texts written once (kept) and again.
 */
class CriterionBytesTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    static Path temp;

    /** The criterion written by the bytes (or null: refused) and by tokens, each inside an array after a first element. */
    private static String[] both(CriterionResult c, WorkingCrs crs, Utf8Texts texts) throws IOException {
        AssessmentJson.Writer writer = new AssessmentJson.Writer(MAPPER, null);
        ByteArrayOutputStream raw = new ByteArrayOutputStream(), tokens = new ByteArrayOutputStream();
        boolean written;
        try (JsonGenerator g = MAPPER.getFactory().createGenerator(raw)) {
            assertTrue(Utf8Texts.usableWith(g));
            g.writeStartArray();
            g.writeNumber(1); // the separator before a criterion that is not the first
            written = new CriterionBytes(texts, GeoJson.crs84(crs, g)).write(c, g);
            g.writeEndArray();
        }
        try (JsonGenerator g = MAPPER.getFactory().createGenerator(tokens)) {
            g.writeStartArray();
            g.writeNumber(1);
            writer.criterion(g, texts, c, GeoJson.crs84(crs, g), new JsonBytes(4));
            g.writeEndArray();
        }
        // appended to the answer's own bytes: the same bytes after what is there, or nothing appended when refused
        JsonBytes answer = new JsonBytes(2);
        answer.append("[1,".getBytes(StandardCharsets.US_ASCII));
        boolean appended = new CriterionBytes(
                        texts, GeoJson.crs84(crs, MAPPER.getFactory().createGenerator(raw)))
                .append(c, answer);
        assertEquals(written, appended, "write and append agree on refusing");
        if (appended) {
            answer.append((byte) ']');
            assertEquals(raw.toString(StandardCharsets.UTF_8), answer.getValue());
        } else {
            assertEquals("[1,", answer.getValue(), "a refused criterion leaves the bytes as they were");
        }
        return new String[] {
            written ? raw.toString(StandardCharsets.UTF_8) : null, tokens.toString(StandardCharsets.UTF_8)
        };
    }

    @Test
    void everyCriterionOfDemoAnswersIsItsTokens() throws IOException {
        Path dir = temp.resolve("demo");
        Files.createDirectories(dir);
        for (String f : List.of("dataset.json", "demo.osm.gz")) Files.copy(Path.of("gisdata/demo", f), dir.resolve(f));
        Dataset dataset = DataDirectory.load(dir, null, ImportProgress.NONE);
        PolicyProfile profile = PolicyProfile.load(null);
        List<HousedPersons.Housed> housed = new ArrayList<>();
        List<Feature> addresses = dataset.layer(Role.ADDRESS);
        for (int i = 0; i < addresses.size(); i += 50) {
            housed.add(new HousedPersons.Housed(
                    HousedPersons.Kind.values()[0], i, addresses.get(i).geometry(), 12, true, i % 100 == 0));
        }
        Assessor assessor = new Assessor(
                dataset,
                profile,
                List.of(new SpreadCriterion(() -> housed, Audience.PUBLIC), new NeighboursCriterion()));
        WorkingCrs crs = WorkingCrs.of(dataset.info().workingCrs());
        Utf8Texts texts = new Utf8Texts();
        HousingForm[] forms = HousingForm.values();
        int criteria = 0;
        for (int i = 0; i < addresses.size(); i += 23) {
            Coordinate c = addresses.get(i).geometry().getCoordinate();
            Geometry site =
                    crs.geometryFactory().createPoint(new Coordinate(c.x + (i % 7) * 13.7, c.y - (i % 5) * 9.1));
            Assessment a;
            try {
                a = assessor.assess(new AssessmentRequest(site, forms[i % forms.length], 2 + i % 40, i % 3 == 0));
            } catch (RuntimeException e) {
                continue; // refused, as the service answers 422
            }
            for (CriterionResult r : a.criteria()) {
                for (int pass = 0; pass < 2; pass++) {
                    String[] w = both(r, crs, texts);
                    assertEquals(w[1], w[0], r.id());
                }
                criteria++;
            }
        }
        assertTrue(criteria > 1000, criteria + " criteria");
    }

    /** Evidence of every kind: the bytes where they can, else refused; the tokens the same either way. */
    @Test
    void syntheticEvidenceIsItsTokensOrRefused() throws IOException {
        WorkingCrs crs = WorkingCrs.rdNew();
        Geometry point = crs.geometryFactory().createPoint(new Coordinate(240_000.5, 510_000.25));
        Object[] values = {
            null,
            "plain",
            "quote \" and backslash \\",
            "§ ë € m²",
            "line\nbreak",
            "tab\t",
            "\u0000",
            "pair \ud83d\ude00",
            "lone \ud800 surrogate?",
            "",
            "x".repeat(1500),
            0,
            -17,
            Integer.MIN_VALUE,
            Integer.MAX_VALUE,
            0L,
            Long.MAX_VALUE,
            Long.MIN_VALUE + 1,
            Long.MIN_VALUE,
            0.0,
            -0.0,
            291.05,
            -3.5,
            52.5528513,
            306_799.56,
            1e-7,
            1e300,
            Double.NaN,
            Double.POSITIVE_INFINITY,
            true,
            false,
            1.5f,
            new BigDecimal("1.50"),
            Status.PASS,
            List.of(),
            Arrays.asList(1, null, "a", 2.5, List.of(true)),
            Map.of(),
            new TreeMap<>(Map.of("b", 1, "a", List.of("x"))),
            new TreeMap<>(Map.of(1, "one", 2, "two")),
            new LinkedHashMap<>(Map.of("ë", 1)),
            new LinkedHashMap<>(Map.of("with \"quote\"", 1)),
            point,
            point.buffer(100, 4)
        };
        Random rnd = new Random(10);
        Utf8Texts texts = new Utf8Texts();
        int raw = 0, refused = 0;
        for (int i = 0; i < 3000; i++) {
            Map<String, Object> evidence = new LinkedHashMap<>();
            int n = rnd.nextInt(6);
            for (int k = 0; k < n; k++) {
                Object v = values[rnd.nextInt(values.length)];
                if (rnd.nextInt(4) == 0) v = Map.of("inner", v == null ? "null" : v); // one level deeper
                evidence.put(k % 3 == 0 ? "key" + k : k % 3 == 1 ? "sleutel ë" + k : "m" + k, v);
            }
            if (i % 2 == 0) evidence.keySet().removeIf(k -> k.startsWith("sleutel"));
            String text = (String) values[1 + rnd.nextInt(10)];
            CriterionResult c = new CriterionResult(
                    i % 4 == 0 ? "id" : "criterion_" + (i % 13),
                    Status.values()[i % Status.values().length],
                    i % 5 == 0 ? null : "§5." + (i % 4),
                    new Message(text, i % 7 == 0 ? "en \"quoted\"" : "en"),
                    evidence,
                    i % 3 == 0
                            ? List.of()
                            : List.of(new Obligation("o" + i % 3, "Bijlage 1", new Message("nl", text))));
            for (int pass = 0; pass < 2; pass++) {
                String[] w;
                try {
                    w = both(c, crs, texts);
                } catch (IOException | RuntimeException e) {
                    continue; // a value neither way can write (a geometry given to the mapper)
                }
                if (w[0] == null) {
                    refused++;
                } else {
                    raw++;
                    assertEquals(w[1], w[0], evidence.toString());
                }
            }
        }
        assertTrue(raw > 1000 && refused > 1000, raw + " as bytes, " + refused + " refused");

        // whole answers of these criteria, some refused among others taken as bytes: written into the answer's
        // buffer (the criteria appended to it directly, a refused one by a generator of its own), into any other
        // stream (through the generator), and as tokens alone; the same bytes
        AssessmentJson.Writer kept = new AssessmentJson.Writer(MAPPER, new AssessmentJson.Constants(MAPPER));
        AssessmentJson.Writer tokens = new AssessmentJson.Writer(MAPPER, null);
        int answers = 0, mixed = 0;
        for (int i = 0; i < 600; i++) {
            List<CriterionResult> criteria = new ArrayList<>();
            int refusedHere = 0;
            for (int k = 0; k < rnd.nextInt(6); k++) {
                Map<String, Object> evidence = new LinkedHashMap<>();
                for (int e = 0; e < rnd.nextInt(5); e++) {
                    Object v = values[rnd.nextInt(values.length)];
                    if (v instanceof Geometry || v instanceof Status) v = "x"; // the mapper cannot write them nested
                    evidence.put(e % 2 == 0 ? "key" + e : "sleutel ë" + e, rnd.nextInt(3) == 0 ? Map.of("m", "n") : v);
                }
                if (rnd.nextBoolean()) evidence.keySet().removeIf(key -> key.startsWith("sleutel"));
                if (rnd.nextInt(3) == 0) evidence.put("site", point);
                CriterionResult c = new CriterionResult(
                        "c" + k,
                        Status.values()[k % Status.values().length],
                        "§" + k,
                        new Message((String) values[1 + rnd.nextInt(10)], "en"),
                        evidence,
                        k % 2 == 0 ? List.of() : List.of(new Obligation("o" + k, "§" + k, new Message("nl", "en"))));
                try {
                    if (both(c, crs, new Utf8Texts())[0] == null) refusedHere++;
                } catch (IOException | RuntimeException e) {
                    refusedHere = -1000; // not writable at all
                }
                criteria.add(c);
            }
            if (refusedHere < 0) continue;
            Assessment a = new Assessment(
                    nl.plektoets.assess.Verdict.values()[i % nl.plektoets.assess.Verdict.values().length],
                    i % 2 == 0 ? "built_up_area" : null,
                    criteria,
                    point);
            String asTokens = answer(tokens, a, crs, new ByteArrayOutputStream());
            for (int pass = 0; pass < 2; pass++) {
                assertEquals(asTokens, answer(kept, a, crs, new ByteArrayOutputStream()), "through the generator");
                assertEquals(asTokens, answer(kept, a, crs, AnswerBuffer.take()), "into the answer's buffer");
            }
            answers++;
            if (refusedHere > 0 && refusedHere < criteria.size()) mixed++;
        }
        assertTrue(answers > 300 && mixed > 50, answers + " answers, " + mixed + " with criteria refused among others");
    }

    /** An answer's object as {@code Api.assessJson} writes it, into {@code out}. */
    private static String answer(AssessmentJson.Writer w, Assessment a, WorkingCrs crs, java.io.OutputStream out)
            throws IOException {
        try (JsonGenerator g = MAPPER.getFactory().createGenerator(out)) {
            g.writeStartObject();
            w.fields(a, crs, g);
            g.writeEndObject();
        }
        return out instanceof AnswerBuffer b
                ? new String(b.toByteArray(), StandardCharsets.UTF_8)
                : ((ByteArrayOutputStream) out).toString(StandardCharsets.UTF_8);
    }
}
