package nl.plektoets.web;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import nl.plektoets.criteria.CriterionResult;
import nl.plektoets.criteria.EvidenceMap;
import nl.plektoets.criteria.Message;
import nl.plektoets.criteria.Obligation;
import nl.plektoets.criteria.Status;
import nl.plektoets.geo.GeoJson;
import nl.plektoets.geo.JsonBytes;
import org.locationtech.jts.geom.Geometry;

/**
 * A criterion's object of the streamed answer ({@code {id, status, policyRef, message, obligations, evidence}})
 * built as bytes and handed to the generator as one raw value: its evidence is most of an answer's 500-odd member
 * names, 200 texts and 100 numbers, and the generator's bookkeeping per token (the context's separators, buffer
 * checks) cost as much as the copying of their kept bytes ({@link Utf8Texts}).
 *
 * <p>The same bytes as {@code AssessmentJson.Writer}'s tokens into a byte generator with the factory's defaults (the
 * caller checks {@link Utf8Texts#usableWith}): no whitespace, texts and names by {@link Utf8Texts}'s rules, integers
 * in decimal, doubles as {@link Utf8Texts#number} writes them, geometries by {@link GeoJson.Streamed}. Where a part
 * is anything else (a text the generator must escape, a name that is not plain ASCII, a map with other keys, a
 * value of another type, NaN) nothing has been written yet, and {@link #write} returns false: the caller writes the
 * criterion token by token, as before. {@code CriterionBytesTest} holds both ways to each other over evidence of
 * every kind. One answer (thread) at a time.
 */
final class CriterionBytes {
    private static final byte[] ID = bytes("{\"id\":");
    private static final byte[] STATUS = bytes(",\"status\":");
    private static final byte[] POLICY_REF = bytes(",\"policyRef\":");
    private static final byte[] MESSAGE = bytes(",\"message\":");
    private static final byte[] OBLIGATIONS = bytes(",\"obligations\":[");
    private static final byte[] OBLIGATION_POLICY_REF = POLICY_REF;
    private static final byte[] TEXT = bytes(",\"text\":");
    private static final byte[] EVIDENCE = bytes("],\"evidence\":");
    private static final byte[] NULL = bytes("null");
    private static final byte[] TRUE = bytes("true");
    private static final byte[] FALSE = bytes("false");
    /** {@code Status.id()} quoted, by ordinal. */
    private static final byte[][] STATUS_IDS = new byte[Status.values().length][];

    static {
        for (Status s : Status.values()) STATUS_IDS[s.ordinal()] = bytes("\"" + s.id() + "\"");
    }

    private final Utf8Texts texts;
    private final GeoJson.Streamed geometries;
    /** Results that recur as the same object, their bytes kept; null: every criterion written from its parts. */
    private final RecurringCriteria recurring;
    /** Whether the criterion being built has a geometry (its bytes are not kept: see {@link RecurringCriteria}). */
    private boolean geometry;
    /** Where the criterion being built goes: this thread's scratch ({@link #write}) or the answer ({@link #append}). */
    private JsonBytes out;

    /** A thread's bytes, kept for its next answer: a criterion's object is up to a few kB (an effect area's ring). */
    private static final ThreadLocal<JsonBytes> KEPT = ThreadLocal.withInitial(() -> new JsonBytes(8 * 1024));
    /** Bytes grown past this by a very large criterion are not kept for the next answer. */
    private static final int MAX_KEPT = 1 << 20;

    CriterionBytes(Utf8Texts texts, GeoJson.Streamed geometries) {
        this(texts, geometries, null);
    }

    CriterionBytes(Utf8Texts texts, GeoJson.Streamed geometries, RecurringCriteria recurring) {
        this.texts = texts;
        this.geometries = geometries;
        this.recurring = recurring;
    }

    /** Writes the criterion's object into {@code g} as one raw value; false: nothing written, write it by tokens. */
    boolean write(CriterionResult c, JsonGenerator g) throws IOException {
        JsonBytes kept = KEPT.get();
        if (kept.capacity() > MAX_KEPT) {
            kept = new JsonBytes(8 * 1024);
            KEPT.set(kept);
        }
        out = kept;
        out.clear();
        RecurringCriteria.Ways ways = recurring != null ? recurring.ways(c.id()) : null;
        byte[] recurred = ways != null ? ways.bytes(c) : null;
        if (recurred != null) {
            out.append(recurred);
        } else {
            if (!criterion(c)) return false;
            noteWritten(ways, c, 0);
        }
        out.writeTo(g);
        return true;
    }

    /**
     * Appends the criterion's object, the bytes {@link #write} writes, to {@code to} (the answer itself); false:
     * {@code to} is as it was, write it by tokens.
     */
    boolean append(CriterionResult c, JsonBytes to) {
        RecurringCriteria.Ways ways = recurring != null ? recurring.ways(c.id()) : null;
        byte[] recurred = ways != null ? ways.bytes(c) : null;
        if (recurred != null) {
            to.append(recurred);
            return true;
        }
        int mark = to.length();
        out = to;
        if (criterion(c)) {
            noteWritten(ways, c, mark);
            return true;
        }
        to.advanceTo(mark);
        return false;
    }

    /** Tells its id's ways the criterion just built (from {@code mark} of {@link #out}), unless it has a geometry. */
    private void noteWritten(RecurringCriteria.Ways ways, CriterionResult c, int mark) {
        if (ways != null && !geometry) ways.written(c, out, mark);
    }

    private boolean criterion(CriterionResult c) {
        geometry = false;
        out.append(ID);
        if (!string(c.id())) return false;
        out.append(STATUS);
        out.append(STATUS_IDS[c.status().ordinal()]);
        out.append(POLICY_REF);
        if (!string(c.policyRef())) return false;
        out.append(MESSAGE);
        if (!message(c.message())) return false;
        out.append(OBLIGATIONS);
        boolean first = true;
        for (Obligation ob : c.obligations()) {
            if (!first) out.append((byte) ',');
            first = false;
            out.append(ID);
            if (!string(ob.id())) return false;
            out.append(OBLIGATION_POLICY_REF);
            if (!string(ob.policyRef())) return false;
            out.append(TEXT);
            if (!message(ob.text())) return false;
            out.append((byte) '}');
        }
        out.append(EVIDENCE);
        if (!object(c.evidence(), true)) return false;
        out.append((byte) '}');
        return true;
    }

    /**
     * A map with text keys as an object; geometries only at the top of the evidence (where the writer transforms
     * them; deeper, it hands them to the mapper like any other object).
     */
    private boolean object(Map<?, ?> map, boolean evidence) {
        out.append((byte) '{');
        if (map instanceof EvidenceMap frozen) {
            // a criterion's own evidence (CriterionResult froze it): its array, by index
            for (int i = 0, n = frozen.size(); i < n; i++) {
                if (!(frozen.key(i) instanceof String key)) return false;
                if (!member(i == 0, key, frozen.value(i), evidence)) return false;
            }
        } else {
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!(e.getKey() instanceof String key)) return false;
                if (!member(first, key, e.getValue(), evidence)) return false;
                first = false;
            }
        }
        out.append((byte) '}');
        return true;
    }

    /** {@code "key":value}, after a comma unless it is the object's first member. */
    private boolean member(boolean first, String key, Object v, boolean evidence) {
        byte[] member = texts.member(key);
        if (member == null) return false;
        if (!first) out.append((byte) ',');
        out.append(member);
        if (evidence && v instanceof Geometry g) {
            geometry = true;
            geometries.appendTo(out, g);
            return true;
        }
        return value(v);
    }

    private boolean value(Object v) {
        if (v == null) {
            out.append(NULL);
        } else if (v instanceof String s) {
            return string(s);
        } else if (v instanceof Integer i) {
            integer(i);
        } else if (v instanceof Long l) {
            if (l == Long.MIN_VALUE) return false;
            integer(l);
        } else if (v instanceof Double d) {
            return texts.appendNumber(out, d);
        } else if (v instanceof Boolean b) {
            out.append(b ? TRUE : FALSE);
        } else if (v instanceof List<?> list) {
            out.append((byte) '[');
            boolean first = true;
            for (Object o : list) {
                if (!first) out.append((byte) ',');
                first = false;
                if (!value(o)) return false;
            }
            out.append((byte) ']');
        } else if (v instanceof Map<?, ?> map) {
            return object(map, false);
        } else {
            return false; // the mapper's serializers write it
        }
        return true;
    }

    /** A text in quotes, or null; false where the generator must escape it. */
    private boolean string(String s) {
        if (s == null) {
            out.append(NULL);
            return true;
        }
        byte[] b = texts.utf8(s);
        if (b == null) return false;
        out.append((byte) '"');
        out.append(b);
        out.append((byte) '"');
        return true;
    }

    private boolean message(Message m) {
        JsonBytes json = texts.messageBytes(m.nl(), m.en());
        if (json == null) return false;
        int n = json.length();
        json.appendUnquotedUTF8(out.room(n), out.length());
        out.advanceTo(out.length() + n);
        return true;
    }

    /** An integer's decimal digits, as the generator writes them (not {@code Long.MIN_VALUE}). */
    private void integer(long v) {
        byte[] b = out.room(20);
        int pos = out.length();
        if (v < 0) {
            b[pos++] = '-';
            v = -v;
        }
        int n = 1;
        for (long t = v; t >= 10; t /= 10) n++;
        for (int i = pos + n - 1; i >= pos; i--) {
            b[i] = (byte) ('0' + v % 10);
            v /= 10;
        }
        out.advanceTo(pos + n);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
