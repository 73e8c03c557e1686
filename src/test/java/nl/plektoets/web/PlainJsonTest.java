package nl.plektoets.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link PlainJson} against Jackson's {@code readTree} as {@link Api#readJson} used it alone: every body it reads is
 * one Jackson reads without error into an equal tree of the same node classes, and the bodies it leaves to Jackson
 * include every one Jackson refuses. Requests as the check page and the benchmarks send them, random bodies of every
 * kind of value (also ones it must leave), and a hundred thousand random edits of them.
 */
class PlainJsonTest {
    /** What Jackson makes of the body: its tree, or null when it refuses it. */
    private static JsonNode jackson(byte[] body) {
        try {
            return Api.REQUEST_JSON.readTree(body);
        } catch (Exception e) {
            return null;
        }
    }

    /** The tree PlainJson reads, if any, is Jackson's; returns whether it read one. */
    private static boolean same(byte[] body) {
        JsonNode plain = PlainJson.read(body);
        if (plain == null) return false;
        JsonNode tree = jackson(body);
        if (tree == null) fail("Jackson refuses what PlainJson read: " + new String(body, StandardCharsets.ISO_8859_1));
        assertEquals(tree, plain, () -> new String(body, StandardCharsets.ISO_8859_1));
        assertEquals(tree.toString(), plain.toString());
        sameClasses(tree, plain);
        return true;
    }

    private static void sameClasses(JsonNode a, JsonNode b) {
        assertEquals(a.getClass(), b.getClass(), a.toString());
        assertEquals(a.size(), b.size());
        if (a.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> x = a.fields(), y = b.fields();
            while (x.hasNext()) {
                Map.Entry<String, JsonNode> ex = x.next(), ey = y.next();
                assertEquals(ex.getKey(), ey.getKey()); // the members' order too
                sameClasses(ex.getValue(), ey.getValue());
            }
        } else if (a.isArray()) {
            for (int k = 0; k < a.size(); k++) sameClasses(a.get(k), b.get(k));
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void readsTheRequestsOfTheCheckPageAsJacksonDoes() {
        Random rnd = new Random(17);
        String[] forms = {"room_rental", "housing_facility", "snf", "nope"};
        for (int n = 0; n < 20_000; n++) {
            String form = forms[rnd.nextInt(forms.length)];
            int persons = rnd.nextInt(60) - 5;
            String body = switch (n % 4) {
                case 0 ->
                    String.format(
                            "{\"address\": \"Street %d, Town\", \"form\": \"%s\", \"persons\": %d}", n, form, persons);
                case 1 ->
                    String.format(
                            Locale.ROOT,
                            "{\"site\": {\"type\": \"Point\", \"coordinates\": [%.6f, %.6f]}, \"form\": \"%s\","
                                    + " \"persons\": %d}",
                            3 + 4 * rnd.nextDouble(),
                            50.5 + 3 * rnd.nextDouble(),
                            form,
                            persons);
                case 2 ->
                    "{\"site\":{\"type\":\"Point\",\"coordinates\":[" + (200_000 * rnd.nextDouble()) + ","
                            + (300_000 + 300_000 * rnd.nextDouble()) + "]},\"crs\":\"EPSG:28992\",\"form\":\"" + form
                            + "\",\"persons\":" + persons + ",\"newBuild\":" + rnd.nextBoolean()
                            + ",\"stay\":null,\"areaType\":\"quiet\"}";
                default ->
                    "\n{ \"site\" : { \"type\" : \"Polygon\" , \"coordinates\" : [ [ [6.6, 52.6], [6.61, 52.6],"
                            + " [6.61, 52.61], [6.6, 52.6] ] ] } ,\r\n\t\"form\":\"" + form + "\", \"persons\": "
                            + persons + " }\n";
            };
            assertTrue(same(bytes(body)), body); // every one of them read here, none left to Jackson
        }
    }

    @Test
    void leavesToJacksonWhatItRefusesOrReadsOtherwise() {
        String[] left = {
            "",
            " ",
            "null",
            "[1]",
            "\"x\"",
            "4",
            "{",
            "}",
            "{}}",
            "{} x",
            "{}{}",
            "{\"a\":1}x",
            "{\"a\":1,}",
            "{\"a\":[1,]}",
            "{'a':1}",
            "{a:1}",
            "{\"a\":01}",
            "{\"a\":1.}",
            "{\"a\":.5}",
            "{\"a\":-}",
            "{\"a\":+1}",
            "{\"a\":1e}",
            "{\"a\":1e+}",
            "{\"a\":tru}",
            "{\"a\":truex}",
            "{\"a\":NaN}",
            "{\"a\":Infinity}",
            "{\"a\":-0}",
            "{\"a\":1234567890}",
            "{\"a\":12345678901234567890}",
            "{\"a\":1,\"a\":2}",
            "{\"a\":{\"b\":1,\"b\":1}}",
            "{\"a\":\"\\u00e4\"}",
            "{\"a\":\"x\\\"y\"}",
            "{\"a\\n\":1}",
            "{\"a\":\"ä\"}",
            "\uFEFF{}",
            "{\"a\":\"\t\"}",
            "{\"a\" 1}",
            "{\"a\":1 \"b\":2}",
            "{\"a\":[[[[[[[[[1]]]]]]]]]}",
            "{/*c*/\"a\":1}",
            "{\"a\":1}//",
            "{\"a\":\u00a01}",
            "{\"a\":1}\u0000"
        };
        for (String s : left) assertNull(PlainJson.read(bytes(s)), s);
        // and what it reads
        for (String s : new String[] {
            "{}",
            " {} ",
            "{\"a\":[]}",
            "{\"a\":{}}",
            "{\"a\":-1.5e-3,\"b\":0,\"c\":-7,\"d\":1E5,\"e\":0.0}",
            "{\"a\":[true,false,null,\"\"]}",
            "{\"a\":123456789,\"b\":-123456789}",
            "{\"a\":[[[[[[1]]]]]]}"
        }) assertTrue(same(bytes(s)), s);
    }

    @Test
    void randomBodiesAndEditsOfThemAreReadAsJacksonReadsThem() {
        Random rnd = new Random(2026);
        List<byte[]> bodies = new ArrayList<>();
        int read = 0;
        for (int n = 0; n < 20_000; n++) {
            StringBuilder sb = new StringBuilder();
            object(sb, rnd, 0);
            byte[] b = bytes(sb.toString());
            bodies.add(b);
            if (same(b)) read++;
        }
        assertTrue(read > 5_000, "read " + read); // the plain ones are read, not all left to Jackson
        String alphabet = "{}[]\",:.-+eE0123456789 \n\tabtrulsfn\\\u00e4x";
        int edits = 0, editedRead = 0;
        for (int n = 0; n < 100_000; n++) {
            byte[] b = bodies.get(rnd.nextInt(bodies.size()));
            StringBuilder sb = new StringBuilder(new String(b, StandardCharsets.UTF_8));
            for (int k = 1 + rnd.nextInt(3); k > 0; k--) {
                int at = rnd.nextInt(sb.length() + 1);
                char c = alphabet.charAt(rnd.nextInt(alphabet.length()));
                switch (rnd.nextInt(3)) {
                    case 0 -> sb.insert(at, c);
                    case 1 -> {
                        if (at < sb.length()) sb.deleteCharAt(at);
                    }
                    default -> {
                        if (at < sb.length()) sb.setCharAt(at, c);
                    }
                }
            }
            edits++;
            if (same(bytes(sb.toString()))) editedRead++;
        }
        assertTrue(editedRead > 1_000 && editedRead < edits, "read " + editedRead + " of " + edits);
    }

    private static void object(StringBuilder sb, Random rnd, int depth) {
        sb.append(ws(rnd)).append('{');
        int members = rnd.nextInt(5);
        for (int m = 0; m < members; m++) {
            if (m > 0) sb.append(',');
            // now and then a duplicate name
            sb.append(ws(rnd))
                    .append('"')
                    .append((char) ('a' + rnd.nextInt(members + 2)))
                    .append('"');
            sb.append(ws(rnd)).append(':').append(ws(rnd));
            value(sb, rnd, depth + 1);
            sb.append(ws(rnd));
        }
        sb.append('}').append(ws(rnd));
    }

    private static void value(StringBuilder sb, Random rnd, int depth) {
        switch (rnd.nextInt(depth > 9 ? 5 : 7)) {
            case 0 -> sb.append(number(rnd));
            case 1 -> sb.append('"').append(text(rnd)).append('"');
            case 2 -> sb.append(rnd.nextBoolean() ? "true" : "false");
            case 3 -> sb.append("null");
            case 4 -> sb.append(number(rnd));
            case 5 -> {
                sb.append('[');
                int n = rnd.nextInt(4);
                for (int k = 0; k < n; k++) {
                    if (k > 0) sb.append(',').append(ws(rnd));
                    value(sb, rnd, depth + 1);
                }
                sb.append(']');
            }
            default -> object(sb, rnd, depth);
        }
    }

    private static String number(Random rnd) {
        return switch (rnd.nextInt(9)) {
            case 0 -> Integer.toString(rnd.nextInt(10) - 3);
            case 1 -> Integer.toString(rnd.nextInt());
            case 2 -> Long.toString(rnd.nextLong());
            case 3 -> Double.toString((rnd.nextDouble() - 0.5) * Math.pow(10, rnd.nextInt(40) - 20));
            case 4 -> String.format(Locale.ROOT, "%.6f", (rnd.nextDouble() - 0.3) * 1000);
            case 5 -> String.format(Locale.ROOT, "%.17f", rnd.nextDouble() * 7);
            case 6 ->
                (rnd.nextBoolean() ? "-" : "")
                        + rnd.nextInt(1000)
                        + (rnd.nextBoolean() ? "e" : "E")
                        + (rnd.nextBoolean() ? "+" : rnd.nextBoolean() ? "-" : "")
                        + rnd.nextInt(400);
            case 7 -> Double.toString(Double.longBitsToDouble(rnd.nextLong()));
            default -> rnd.nextBoolean() ? "-0" : "-0.0";
        };
    }

    private static String text(Random rnd) {
        String chars = "abcXYZ 0129,.-_/!~#";
        StringBuilder s = new StringBuilder();
        int n = rnd.nextInt(12);
        for (int k = 0; k < n; k++) {
            int kind = rnd.nextInt(60);
            if (kind == 0) s.append("\\\"");
            else if (kind == 1) s.append("\\u00e4");
            else if (kind == 2) s.append('ë');
            else if (kind == 3) s.append('\u007f');
            else s.append(chars.charAt(rnd.nextInt(chars.length())));
        }
        return s.toString();
    }

    private static String ws(Random rnd) {
        return switch (rnd.nextInt(6)) {
            case 0 -> " ";
            case 1 -> "\n ";
            case 2 -> "\t";
            case 3 -> "\r\n";
            default -> "";
        };
    }

    @Test
    void aPlainBodyGivesTheSameAssessmentProblemsAsBefore() {
        // the route's own reading: the problems of the members come from the same code over an equal tree
        for (String s : new String[] {"{\"form\":\"x\",\"persons\":1,\"address\":\"a 1\"}", "{\"bogus\":1}"}) {
            assertNotNull(PlainJson.read(bytes(s)));
            assertEquals(jackson(bytes(s)), Api.readJson(bytes(s), null));
        }
    }
}
