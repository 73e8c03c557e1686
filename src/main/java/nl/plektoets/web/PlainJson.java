package nl.plektoets.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;

/**
 * The tree of a plain request body without Jackson's parser and deserializer: a JSON object of ASCII strings without
 * escapes, small integers, decimal numbers, booleans, nulls, and arrays and objects of them (every assessment request
 * the check page and the benchmarks send). Creating a parser, a deserialization context and the tree through them
 * was about 3 % of an answer's CPU for a body of 100 bytes.
 *
 * <p>{@link #read} returns null for anything else, and the caller reads the body with Jackson as before, which then
 * gives the same tree or the same problem: a body it accepts is one Jackson reads without error, duplicate member or
 * trailing token, into an equal tree of the same node classes (an {@link IntNode} for an integer of at most 9 digits,
 * a {@link DoubleNode} of {@code Double.parseDouble} for a number with a fraction or exponent). Anything that could
 * differ (an escape, a byte outside printable ASCII, a duplicate member, "-0", a longer integer, deep nesting, bad
 * syntax) is left to Jackson. {@code PlainJsonTest} holds it to {@code ObjectMapper.readTree}.
 */
final class PlainJson {
    /** Deeper bodies go to Jackson (no site is deeper than 5). */
    private static final int MAX_DEPTH = 8;

    /** Longer number texts go to Jackson. */
    private static final int MAX_NUMBER_CHARS = 40;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final byte[] b;
    private int i;

    private PlainJson(byte[] b) {
        this.b = b;
    }

    /** The body's tree if it is a plain JSON object (see the class comment), else null. */
    static ObjectNode read(byte[] body) {
        PlainJson p = new PlainJson(body);
        p.whitespace();
        if (p.i >= body.length || body[p.i] != '{') return null;
        JsonNode root = p.object(1);
        if (root == null) return null;
        p.whitespace();
        return p.i == body.length ? (ObjectNode) root : null;
    }

    private void whitespace() {
        while (i < b.length) {
            byte c = b[i];
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') return;
            i++;
        }
    }

    /** The value at i, with i after it; null: not plain. */
    private JsonNode value(int depth) {
        if (i >= b.length) return null;
        switch (b[i]) {
            case '{':
                return depth < MAX_DEPTH ? object(depth + 1) : null;
            case '[':
                return depth < MAX_DEPTH ? array(depth + 1) : null;
            case '"': {
                String s = string();
                return s == null ? null : TextNode.valueOf(s);
            }
            case 't':
                return literal("true") ? BooleanNode.TRUE : null;
            case 'f':
                return literal("false") ? BooleanNode.FALSE : null;
            case 'n':
                return literal("null") ? NullNode.instance : null;
            default:
                return number();
        }
    }

    /** The object at i ('{'); null on a duplicate member or anything not plain. */
    private JsonNode object(int depth) {
        ObjectNode o = NODES.objectNode();
        i++;
        whitespace();
        if (i < b.length && b[i] == '}') {
            i++;
            return o;
        }
        while (true) {
            if (i >= b.length || b[i] != '"') return null;
            String name = string();
            if (name == null || o.has(name)) return null; // a duplicate is Jackson's to refuse
            whitespace();
            if (i >= b.length || b[i] != ':') return null;
            i++;
            whitespace();
            JsonNode v = value(depth);
            if (v == null) return null;
            o.set(name, v);
            whitespace();
            if (i >= b.length) return null;
            if (b[i] == '}') {
                i++;
                return o;
            }
            if (b[i] != ',') return null;
            i++;
            whitespace();
        }
    }

    private JsonNode array(int depth) {
        ArrayNode a = NODES.arrayNode();
        i++;
        whitespace();
        if (i < b.length && b[i] == ']') {
            i++;
            return a;
        }
        while (true) {
            JsonNode v = value(depth);
            if (v == null) return null;
            a.add(v);
            whitespace();
            if (i >= b.length) return null;
            if (b[i] == ']') {
                i++;
                return a;
            }
            if (b[i] != ',') return null;
            i++;
            whitespace();
        }
    }

    /** The string at i ('"'): printable ASCII without escapes, else null. */
    private String string() {
        int start = ++i;
        while (i < b.length) {
            byte c = b[i];
            if (c == '"') {
                String s = new String(b, start, i - start, StandardCharsets.ISO_8859_1);
                i++;
                return s;
            }
            if (c < 0x20 || c > 0x7e || c == '\\') return null;
            i++;
        }
        return null;
    }

    private boolean literal(String word) {
        if (i + word.length() > b.length) return false;
        for (int k = 0; k < word.length(); k++) if (b[i + k] != word.charAt(k)) return false;
        i += word.length();
        return true;
    }

    /** A number by JSON's grammar: an int of at most 9 digits (not -0), or one with a fraction or exponent. */
    private JsonNode number() {
        int start = i;
        if (i < b.length && b[i] == '-') i++;
        int intStart = i;
        if (i >= b.length) return null;
        if (b[i] == '0') i++;
        else if (b[i] >= '1' && b[i] <= '9') while (i < b.length && isDigit(b[i])) i++;
        else return null;
        int intDigits = i - intStart;
        boolean integral = true;
        if (i < b.length && b[i] == '.') {
            integral = false;
            i++;
            int from = i;
            while (i < b.length && isDigit(b[i])) i++;
            if (i == from) return null;
        }
        if (i < b.length && (b[i] == 'e' || b[i] == 'E')) {
            integral = false;
            i++;
            if (i < b.length && (b[i] == '+' || b[i] == '-')) i++;
            int from = i;
            while (i < b.length && isDigit(b[i])) i++;
            if (i == from) return null;
        }
        if (i - start > MAX_NUMBER_CHARS) return null;
        String text = new String(b, start, i - start, StandardCharsets.ISO_8859_1);
        if (integral) {
            if (intDigits > 9 || text.equals("-0")) return null;
            return IntNode.valueOf(Integer.parseInt(text));
        }
        return DoubleNode.valueOf(Double.parseDouble(text));
    }

    private static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }
}
