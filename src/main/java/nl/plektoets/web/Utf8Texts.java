package nl.plektoets.web;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;
import nl.plektoets.geo.DecimalText;
import nl.plektoets.geo.JsonBytes;

/**
 * The texts, member names and decimal numbers of the answers, kept as the UTF-8 JSON a {@link JsonGenerator} writes
 * for them, so an answer copies bytes instead of escaping and encoding its 11 kB of texts char by char and formatting
 * its doubles again. Most of an answer's texts recur (the same messages for the same street, village, band or
 * source), but they are new {@code String}s per answer, so they are found by content: a bounded set-associative
 * table over a hash of a few of their chars (a short text: its hashCode), checked with {@code equals}. A text not
 * found is written and kept, displacing another of its set. A message ({@code {"nl": .., "en": ..}}) is kept whole,
 * found by a hash of all its chars ({@link #messageHash} says why).
 *
 * <p>The same bytes as the generator's own {@code writeString}/{@code writeFieldName}/{@code writeNumber(double)}
 * (with its default features, which {@link #usableWith} checks): a text is kept as bytes only where the generator
 * writes its {@link String#getBytes UTF-8} with a backslash before {@code "} and {@code \} (no char below 0x20, no
 * surrogate); any other text goes to the generator every time ({@code Utf8TextsTest} compares the two over every
 * kind of char). Thread-safe: entries are immutable and a racy slot only ever holds a complete entry or an older one.
 */
final class Utf8Texts {
    /** Up to this length a text is found by its own hashCode, past it by a few of its chars. */
    static final int SHORT_CHARS = 32;
    /** Longer texts are written as they are: kept, they would hold more memory than their copy saves. */
    static final int MAX_KEPT_CHARS = 1024;

    private static final int WAYS = 4;
    private static final int SETS = 1024; // 4096 texts and 4096 messages: a few MB at most
    private static final int MAX_NAMES = 4096;
    private static final int NUMBERS = 2048;

    /** A text and its UTF-8 JSON without the quotes, or null bytes: the generator writes it (it needs escaping). */
    private record Text(int hash, String text, byte[] utf8) {}

    /**
     * A message's two texts and its JSON object, or null json: the generator writes it token by token. The json is
     * made once and never changed after (the record's final field publishes it).
     */
    private record Pair(int hash, String nl, String en, JsonBytes json) {}

    private record Number(long bits, SerializedString json) {}

    static final SerializedString NL = new SerializedString("nl");
    static final SerializedString EN = new SerializedString("en");

    private static final byte[] MESSAGE_NL = "{\"nl\":\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] MESSAGE_EN = "\",\"en\":\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] MESSAGE_END = "\"}".getBytes(StandardCharsets.US_ASCII);

    private final Text[] texts = new Text[SETS * WAYS];
    private final Pair[] messages = new Pair[SETS * WAYS];
    private final Number[] numbers = new Number[NUMBERS];
    private final ConcurrentHashMap<String, Name> names = new ConcurrentHashMap<>();
    /** Which way of a full set a new entry takes: racy on purpose, any value will do. */
    private int victim;

    /**
     * Whether bytes kept by this class are what {@code g} itself would write: a byte generator whose numbers are not
     * written as text, doubles with the JDK's {@code Double.toString} and non-ASCII not escaped (the factory's
     * defaults); it copies a raw value at once, so a scratch may be handed to it.
     */
    static boolean usableWith(JsonGenerator g) {
        return JsonBytes.usableWith(g);
    }

    /** {@code g.writeString(s)}. */
    void string(JsonGenerator g, String s) throws IOException {
        if (s == null || s.length() > MAX_KEPT_CHARS) {
            g.writeString(s);
            return;
        }
        write(g, text(s));
    }

    /**
     * What {@link #string} writes between the quotes for {@code s} (not null), or null where the generator must write
     * it (it needs more than a backslash before {@code "} and {@code \}). Not to be changed.
     */
    byte[] utf8(String s) {
        return s.length() > MAX_KEPT_CHARS ? jsonUtf8(s) : text(s).utf8;
    }

    /** The kept entry of a text of at most {@link #MAX_KEPT_CHARS}, found or made (and kept). */
    private Text text(String s) {
        int n = s.length();
        // a short text is often the same instance every time (an id, a paragraph), whose hashCode is kept in it
        int h = n < SHORT_CHARS ? s.hashCode() : hash(s, n);
        int base = base(h);
        Text[] t = texts;
        for (int w = 0; w < WAYS; w++) {
            Text e = t[base + w];
            if (e != null && e.hash == h && e.text.equals(s)) return e;
        }
        Text e = new Text(h, s, jsonUtf8(s));
        t[base + way(t, base)] = e;
        return e;
    }

    private static void write(JsonGenerator g, Text e) throws IOException {
        if (e.utf8 != null) g.writeRawUTF8String(e.utf8, 0, e.utf8.length);
        else g.writeString(e.text);
    }

    /** A message: the object {@code {"nl": nl, "en": en}} as {@code g} writes it token by token. */
    void message(JsonGenerator g, String nl, String en) throws IOException {
        if (nl == null || en == null || nl.length() > MAX_KEPT_CHARS || en.length() > MAX_KEPT_CHARS) {
            messageTokens(g, nl, en);
            return;
        }
        write(g, pair(nl, en));
    }

    /**
     * What {@link #message} writes, as bytes, or null where the generator must write it (a text that needs more
     * escaping, or null). Not to be changed.
     */
    JsonBytes messageBytes(String nl, String en) {
        if (nl == null || en == null) return null;
        if (nl.length() > MAX_KEPT_CHARS || en.length() > MAX_KEPT_CHARS) return messageJson(nl, en);
        return pair(nl, en).json;
    }

    /** The kept entry of a message whose texts have at most {@link #MAX_KEPT_CHARS}, found or made (and kept). */
    private Pair pair(String nl, String en) {
        int h = messageHash(nl, en);
        int base = base(h);
        Pair[] t = messages;
        for (int w = 0; w < WAYS; w++) {
            Pair e = t[base + w];
            if (e != null && e.hash == h && e.nl.equals(nl) && e.en.equals(en)) return e;
        }
        Pair e = new Pair(h, nl, en, messageJson(nl, en));
        t[base + way(t, base)] = e;
        return e;
    }

    private void write(JsonGenerator g, Pair e) throws IOException {
        if (e.json != null) g.writeRawValue(e.json);
        else messageTokens(g, e.nl, e.en);
    }

    private void messageTokens(JsonGenerator g, String nl, String en) throws IOException {
        g.writeStartObject();
        g.writeFieldName(NL);
        string(g, nl);
        g.writeFieldName(EN);
        string(g, en);
        g.writeEndObject();
    }

    /**
     * The object's JSON where both texts have their bytes ({@link #jsonUtf8}), else null: the bytes themselves, since
     * most messages missed here (a travel time, a count of addresses in them) are never asked for again, and
     * decoding them to a String for a SerializedString to encode again cost several times the rest.
     */
    private static JsonBytes messageJson(String nl, String en) {
        byte[] a = jsonUtf8(nl), b = jsonUtf8(en);
        if (a == null || b == null) return null;
        JsonBytes json =
                new JsonBytes(MESSAGE_NL.length + a.length + MESSAGE_EN.length + b.length + MESSAGE_END.length);
        json.append(MESSAGE_NL);
        json.append(a);
        json.append(MESSAGE_EN);
        json.append(b);
        json.append(MESSAGE_END);
        return json;
    }

    private static int base(int h) {
        return ((h ^ (h >>> 15)) & (SETS - 1)) * WAYS;
    }

    /** The way of the set a new entry takes: an empty one, else any. */
    private int way(Object[] t, int base) {
        for (int w = 0; w < WAYS; w++) if (t[base + w] == null) return w;
        return (victim++) & (WAYS - 1);
    }

    /** {@code g.writeFieldName(name)}: member names are few (the evidence's keys), kept all but past a bound. */
    void field(JsonGenerator g, String name) throws IOException {
        Name n = name(name);
        if (n == null) g.writeFieldName(name);
        else g.writeFieldName(n.serialized);
    }

    /**
     * A member's name as the generator writes it with the colon after it ({@code "name":}), or null for a name that
     * is not plain ASCII (the generator writes it). Not to be changed.
     */
    byte[] member(String name) {
        Name n = name(name);
        return n == null ? null : n.member;
    }

    private Name name(String name) {
        Name n = names.get(name);
        if (n == null) {
            if (!plainAscii(name)) return null;
            n = new Name(name);
            if (names.size() < MAX_NAMES) names.putIfAbsent(name, n);
        }
        return n;
    }

    /** A plain ASCII member name for the generator and as the bytes of {@code "name":}. */
    private static final class Name {
        final SerializedString serialized;
        final byte[] member;

        Name(String name) {
            serialized = new SerializedString(name);
            serialized.asQuotedUTF8(); // encoded before it is shared (a final field publishes it)
            member = ("\"" + name + "\":").getBytes(StandardCharsets.US_ASCII);
        }
    }

    /**
     * {@code g.writeNumber(d)}: a short decimal (a distance or area in hundredths, minutes in tenths, degrees in
     * millionths) written from its digits where that is proven to be {@code Double.toString}'s text ({@link
     * DecimalText}), any other the JDK's decimal of the same double, formatted once and kept.
     *
     * @param scratch where the digits are written (the caller's, one thread's)
     */
    void number(JsonGenerator g, double d, JsonBytes scratch) throws IOException {
        scratch.clear();
        int end = DecimalText.writeShort(d, scratch.room(DecimalText.MAX_LENGTH), 0);
        if (end >= 0) {
            scratch.advanceTo(end);
            scratch.writeTo(g);
            return;
        }
        if (!Double.isFinite(d)) {
            g.writeNumber(d); // NaN and the infinities are written quoted
            return;
        }
        g.writeRawValue(kept(d).json);
    }

    /**
     * Appends what {@link #number} writes for {@code d}, or returns false (nothing appended) for NaN and the
     * infinities, which the generator writes quoted.
     */
    boolean appendNumber(JsonBytes out, double d) {
        int end = DecimalText.writeShort(d, out.room(DecimalText.MAX_LENGTH), out.length());
        if (end >= 0) {
            out.advanceTo(end);
            return true;
        }
        if (!Double.isFinite(d)) return false;
        out.append(kept(d).json.asUnquotedUTF8());
        return true;
    }

    /** A finite double's {@code Double.toString}, found or formatted (and kept). */
    private Number kept(double d) {
        long bits = Double.doubleToRawLongBits(d);
        int slot = (int) (bits ^ (bits >>> 29) ^ (bits >>> 43)) & (NUMBERS - 1);
        Number e = numbers[slot];
        if (e == null || e.bits != bits) {
            SerializedString json = new SerializedString(Double.toString(d));
            json.asUnquotedUTF8(); // encoded before it is shared (the record's final field publishes it)
            e = new Number(bits, json);
            numbers[slot] = e;
        }
        return e;
    }

    /**
     * A message's hash, of every char of its Dutch text (and the English text's length): messages of one criterion
     * are one long sentence that differs between sites in a few digits (a travel time, a count), which eight chars
     * spread over the text rarely saw, so hundreds of them fell into a few sets and displaced each other and the
     * messages that recur (the demo's 790 messages took 140 of the 1024 sets, 128 in one). Four interleaved chains,
     * so the multiplications of one do not wait for another's.
     */
    static int messageHash(String nl, String en) {
        int n = nl.length();
        int h0 = n, h1 = 0, h2 = 0, h3 = 0;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            h0 = 31 * h0 + nl.charAt(i);
            h1 = 31 * h1 + nl.charAt(i + 1);
            h2 = 31 * h2 + nl.charAt(i + 2);
            h3 = 31 * h3 + nl.charAt(i + 3);
        }
        for (; i < n; i++) h0 = 31 * h0 + nl.charAt(i);
        return (h0 ^ h1 * 0x9E3779B1 ^ h2 * 0x85EBCA6B ^ h3 * 0xC2B2AE35) * 31 + en.length();
    }

    /** The set a message with this {@link #messageHash} is kept in (for tests of the spread). */
    static int messageSet(String nl, String en) {
        return base(messageHash(nl, en)) / WAYS;
    }

    /**
     * A hash of the length and eight chars spread over the text: cheap for a text of hundreds of chars, where {@code
     * String.hashCode} of a new string would walk them all; texts that differ only between the chars looked at share
     * a set, and {@code equals} tells them apart.
     */
    static int hash(String s, int n) {
        int h = n * 0x9E3779B1;
        int step = (n >>> 3) + 1;
        for (int i = n - 1; i >= 0; i -= step) h = (h ^ s.charAt(i)) * 0x01000193;
        return h;
    }

    /**
     * What the generator writes between the quotes for this text, or null where that takes more than UTF-8 and a
     * backslash before {@code "} and {@code \}: a char below 0x20 (escaped as a letter or as hex digits) or a surrogate (which
     * {@code getBytes} would combine or replace). A surrogate can only show as a 4-byte sequence or as {@code ?}, so
     * only a text with a {@code ?} is looked at char by char.
     */
    static byte[] jsonUtf8(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        int escapes = 0;
        boolean question = false;
        for (byte x : b) {
            if (x >= 0) {
                if (x < 0x20) return null;
                if (x == '"' || x == '\\') escapes++;
                else if (x == '?') question = true;
            } else if ((x & 0xF8) == 0xF0) {
                return null; // the lead byte of a supplementary char: a surrogate pair in the string
            }
        }
        if (question) {
            for (int i = 0; i < s.length(); i++) if (Character.isSurrogate(s.charAt(i))) return null;
        }
        if (escapes == 0) return b;
        byte[] out = new byte[b.length + escapes];
        int j = 0;
        for (byte x : b) {
            if (x == '"' || x == '\\') out[j++] = '\\';
            out[j++] = x;
        }
        return out;
    }

    /** Printable ASCII without {@code "} and {@code \}: quoted as it is by the generator and by SerializedString. */
    static boolean plainAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c > 0x7E || c == '"' || c == '\\') return false;
        }
        return true;
    }
}
