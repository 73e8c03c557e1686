package nl.plektoets.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import nl.plektoets.geo.JsonBytes;
import org.junit.jupiter.api.Test;

/**
 * The kept bytes of {@link Utf8Texts} are what the generator writes itself, token by token: texts of every kind of
 * char (ASCII, quotes and backslashes, control chars, Latin-1, the rest of the BMP, surrogate pairs, a lone
 * surrogate, {@code ?}), short and long, written once (kept) and again (found); messages; member names; doubles.
 */
class Utf8TextsTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private interface Write {
        void to(JsonGenerator g) throws IOException;
    }

    private static String json(Write w) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = MAPPER.getFactory().createGenerator(out)) {
            assertTrue(Utf8Texts.usableWith(g));
            g.writeStartObject();
            w.to(g);
            g.writeEndObject();
        }
        return out.toString(StandardCharsets.ISO_8859_1); // byte for byte
    }

    /** Texts from every kind of char, of every length around the ways they are found and kept. */
    private static List<String> texts() {
        String[] pieces = {
            "a",
            "Z",
            "0",
            " ",
            "?",
            "\"",
            "\\",
            "/",
            "\n",
            "\t",
            "\u0000",
            "\u001f",
            "\u007f",
            "§",
            "ë",
            "é",
            "ÿ",
            "\u0100",
            "–",
            "€",
            "\u2028",
            "\uffff",
            "\ud83d\ude00",
            "\ud800",
            "\udc00",
            "m²",
            "Bijlage 1",
            "{\"x\":1}"
        };
        Random rnd = new Random(17);
        List<String> texts = new ArrayList<>(List.of("", "?", "ab?", "a\ud800", "\ud800?", "x".repeat(2000)));
        for (int i = 0; i < 4000; i++) {
            int length = rnd.nextInt(8) == 0 ? rnd.nextInt(1200) : rnd.nextInt(60);
            StringBuilder s = new StringBuilder();
            // mostly plain text, as answers are, with a piece of another kind here and there
            while (s.length() < length) {
                if (rnd.nextInt(6) == 0) s.append(pieces[rnd.nextInt(pieces.length)]);
                else s.append((char) ('a' + rnd.nextInt(26)));
            }
            texts.add(s.toString());
        }
        return texts;
    }

    @Test
    void textsAreWrittenAsTheGeneratorWritesThem() throws IOException {
        Utf8Texts kept = new Utf8Texts();
        int asBytes = 0;
        for (String s : texts()) {
            String expected = expectedOrFailure(g -> {
                g.writeFieldName("t");
                g.writeString(s);
            });
            for (int pass = 0; pass < 2; pass++) {
                assertEquals(
                        expected,
                        expectedOrFailure(g -> {
                            g.writeFieldName("t");
                            kept.string(g, s);
                        }),
                        s);
            }
            if (Utf8Texts.jsonUtf8(s) != null) asBytes++;
        }
        assertTrue(asBytes > 1000, "only " + asBytes + " texts kept as bytes");
        assertEquals(
                json(g -> {
                    g.writeFieldName("t");
                    g.writeNull();
                }),
                json(g -> {
                    g.writeFieldName("t");
                    kept.string(g, null);
                }));
    }

    @Test
    void messagesAreWrittenAsTheGeneratorWritesThem() throws IOException {
        Utf8Texts kept = new Utf8Texts();
        List<String> texts = texts();
        Random rnd = new Random(18);
        for (int i = 0; i < 3000; i++) {
            String nl = texts.get(rnd.nextInt(texts.size())), en = texts.get(rnd.nextInt(texts.size()));
            String expected = expectedOrFailure(g -> {
                g.writeFieldName("m");
                g.writeStartObject();
                g.writeStringField("nl", nl);
                g.writeStringField("en", en);
                g.writeEndObject();
            });
            for (int pass = 0; pass < 2; pass++) {
                assertEquals(
                        expected,
                        expectedOrFailure(g -> {
                            g.writeFieldName("m");
                            kept.message(g, nl, en);
                        }),
                        nl + " / " + en);
            }
        }
    }

    @Test
    void memberNamesAreWrittenAsTheGeneratorWritesThem() throws IOException {
        Utf8Texts kept = new Utf8Texts();
        for (String s : texts()) {
            if (s.length() > 80) continue;
            String expected = expectedOrFailure(g -> {
                g.writeFieldName(s);
                g.writeNumber(1);
            });
            for (int pass = 0; pass < 2; pass++) {
                assertEquals(
                        expected,
                        expectedOrFailure(g -> {
                            kept.field(g, s);
                            g.writeNumber(1);
                        }),
                        s);
            }
        }
    }

    @Test
    void doublesAreWrittenAsTheGeneratorWritesThem() throws IOException {
        Utf8Texts kept = new Utf8Texts();
        JsonBytes scratch = new JsonBytes(4); // reused value after value, grown when a text is longer
        Random rnd = new Random(19);
        List<Double> values = new ArrayList<>(List.of(
                0.0,
                -0.0,
                1.0,
                0.1,
                1e-7,
                1e7,
                123456789.123,
                Double.MIN_VALUE,
                Double.MAX_VALUE,
                Double.NaN,
                Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY,
                99_999.99,
                -99_999.99,
                100_000.01,
                0.01,
                -0.01,
                3.0,
                7.5,
                54.0,
                52.5528513,
                3.698052));
        for (int i = 0; i < 40000; i++) {
            values.add(
                    switch (i % 8) {
                        case 0 -> Math.round(rnd.nextDouble() * 100000) / 10.0;
                        case 1 -> rnd.nextDouble() * 1000;
                        case 2 -> Double.longBitsToDouble(rnd.nextLong());
                        // the answers' distances and areas (hundredths), degrees (millionths and 7 decimals)
                        case 3 -> Math.round(rnd.nextGaussian() * 50_000 * 100) / 100.0;
                        case 4 -> Math.round((3 + rnd.nextDouble() * 52) * 1e6) / 1e6;
                        case 5 -> Math.round((2.9 + rnd.nextDouble() * 52) * 1e7) / 1e7;
                        case 6 -> Math.nextDown(Math.round(rnd.nextDouble() * 1000 * 100) / 100.0);
                        default -> (double) rnd.nextInt(5000);
                    });
        }
        for (double d : values) {
            String expected = json(g -> {
                g.writeFieldName("d");
                g.writeNumber(d);
            });
            for (int pass = 0; pass < 2; pass++) {
                assertEquals(
                        expected,
                        json(g -> {
                            g.writeFieldName("d");
                            kept.number(g, d, scratch);
                        }),
                        Double.toString(d));
            }
        }
    }

    @Test
    void aGeneratorWithOtherFeaturesIsNotGivenKeptBytes() throws IOException {
        ObjectMapper asText = new ObjectMapper().enable(JsonGenerator.Feature.WRITE_NUMBERS_AS_STRINGS);
        try (JsonGenerator g = asText.getFactory().createGenerator(new ByteArrayOutputStream())) {
            assertFalse(Utf8Texts.usableWith(g));
        }
        try (JsonGenerator g = MAPPER.getFactory()
                .createGenerator(new ByteArrayOutputStream())
                .enable(JsonGenerator.Feature.ESCAPE_NON_ASCII)) {
            assertFalse(Utf8Texts.usableWith(g));
        }
        // a token buffer would keep the scratch itself, a char writer encode it again
        assertFalse(Utf8Texts.usableWith(new TokenBuffer(MAPPER, false)));
        try (JsonGenerator g = MAPPER.getFactory().createGenerator(new StringWriter())) {
            assertFalse(Utf8Texts.usableWith(g));
        }
    }

    /**
     * Messages of one criterion for many sites, one sentence that differs in a few digits, are spread over the kept
     * sets: with eight chars looked at, the demo's 790 messages took 140 of the 1024 sets (128 in one), displacing
     * each other and the messages that recur.
     */
    @Test
    void messagesThatDifferInAFewDigitsSpreadOverTheSets() {
        Random rnd = new Random(17);
        java.util.Map<Integer, Integer> perSet = new java.util.HashMap<>();
        java.util.Set<String> distinct = new java.util.HashSet<>();
        while (distinct.size() < 800) {
            String nl = String.format(
                    java.util.Locale.ROOT,
                    "Voorzieningen binnen 30 minuten lopen of 15 minuten fietsen (Bijlage 1): supermarket Buurtsuper"
                            + " Schetsloo %.1f/%.1f min; general_practitioner Huisartsenpraktijk Plekdam %.1f/%.1f"
                            + " min; public_transport_stop Schetsloo, Planlijnwijk %.1f/%.1f min.",
                    rnd.nextInt(300) / 10.0,
                    rnd.nextInt(150) / 10.0,
                    rnd.nextInt(300) / 10.0,
                    rnd.nextInt(150) / 10.0,
                    rnd.nextInt(300) / 10.0,
                    rnd.nextInt(150) / 10.0);
            if (distinct.add(nl)) perSet.merge(Utf8Texts.messageSet(nl, "Facilities " + nl.length()), 1, Integer::sum);
        }
        int most = perSet.values().stream().mapToInt(Integer::intValue).max().orElseThrow();
        assertTrue(perSet.size() > 450 && most <= 8, perSet.size() + " sets used, at most " + most + " in one");
    }

    /** The bytes written, or the generator's refusal (a lone surrogate) as text: both ways must agree on either. */
    private static String expectedOrFailure(Write w) {
        try {
            return json(w);
        } catch (Exception e) {
            return "failed: " + e.getClass().getName() + ": " + e.getMessage();
        }
    }
}
