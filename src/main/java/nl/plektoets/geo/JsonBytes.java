package nl.plektoets.geo;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.json.UTF8JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One JSON value built as UTF-8 bytes by our own code (an evidence geometry, a number, a message) and handed to a
 * byte generator as a raw value: {@code writeRawValue} copies it into the generator's buffer after the separator the
 * generator's context puts before it, so one call replaces the dozens of tokens (and their bookkeeping) it holds.
 *
 * <p>A scratch, reused value after value: not thread-safe, and only for generators that copy it at once ({@link
 * #usableWith}: a {@code TokenBuffer}-like generator would keep the object and see it change).
 */
public final class JsonBytes implements SerializableString {
    private byte[] buf;
    private int length;

    public JsonBytes(int capacity) {
        buf = new byte[capacity];
    }

    /**
     * Whether {@code g} copies raw values into its bytes at once (a {@link UTF8JsonGenerator}) and writes numbers and
     * text with the factory's defaults: doubles by {@code Double.toString} (no fast writer, not as strings), non-ASCII
     * as UTF-8, no custom escapes, no pretty printer (no whitespace between tokens). Bytes made here are what such a
     * generator writes itself.
     */
    public static boolean usableWith(JsonGenerator g) {
        return g instanceof UTF8JsonGenerator
                && !g.isEnabled(JsonGenerator.Feature.WRITE_NUMBERS_AS_STRINGS)
                && !g.isEnabled(JsonGenerator.Feature.ESCAPE_NON_ASCII)
                && !g.isEnabled(JsonGenerator.Feature.USE_FAST_DOUBLE_WRITER)
                && g.getCharacterEscapes() == null
                && g.getHighestEscapedChar() == 0
                && g.getPrettyPrinter() == null;
    }

    /** Empties the value. */
    public void clear() {
        length = 0;
    }

    /** The bytes it holds without growing. */
    public int capacity() {
        return buf.length;
    }

    /** The number of bytes so far. */
    public int length() {
        return length;
    }

    /** Room for {@code n} more bytes: the array to write into at {@link #length()}, then {@link #advanceTo}. */
    public byte[] room(int n) {
        if (n > buf.length - length) buf = Arrays.copyOf(buf, Math.max(buf.length * 2, length + n));
        return buf;
    }

    /** The value now ends at {@code end} (after writing into {@link #room}). */
    public void advanceTo(int end) {
        length = end;
    }

    public void append(byte b) {
        room(1)[length++] = b;
    }

    public void append(byte[] b) {
        System.arraycopy(b, 0, room(b.length), length, b.length);
        length += b.length;
    }

    public void append(byte[] b, int offset, int n) {
        System.arraycopy(b, offset, room(n), length, n);
        length += n;
    }

    /** A copy of the bytes from {@code from} up to {@code to}. */
    public byte[] copyOfRange(int from, int to) {
        if (to > length) throw new IndexOutOfBoundsException(to + " > " + length);
        return java.util.Arrays.copyOfRange(buf, from, to);
    }

    /** The bytes so far as a buffer over this value's own array: valid until the value changes. */
    public ByteBuffer view() {
        return ByteBuffer.wrap(buf, 0, length);
    }

    /** Chars below 0x80 only (as {@code Double.toString}'s), one byte each. */
    public void appendAscii(String s) {
        int n = s.length();
        byte[] b = room(n);
        for (int i = 0; i < n; i++) b[length + i] = (byte) s.charAt(i);
        length += n;
    }

    /** Writes the value into {@code g} as one raw value. */
    public void writeTo(JsonGenerator g) throws IOException {
        g.writeRawValue(this);
    }

    @Override
    public int appendUnquotedUTF8(byte[] out, int offset) {
        if (length > out.length - offset) return -1; // the generator flushes and takes asUnquotedUTF8 instead
        System.arraycopy(buf, 0, out, offset, length);
        return length;
    }

    @Override
    public byte[] asUnquotedUTF8() {
        return Arrays.copyOf(buf, length);
    }

    @Override
    public String getValue() {
        return new String(buf, 0, length, StandardCharsets.UTF_8);
    }

    @Override
    public int charLength() {
        return getValue().length();
    }

    @Override
    public int appendUnquoted(char[] out, int offset) {
        String s = getValue();
        if (s.length() > out.length - offset) return -1;
        s.getChars(0, s.length(), out, offset);
        return s.length();
    }

    @Override
    public int writeUnquotedUTF8(OutputStream out) throws IOException {
        out.write(buf, 0, length);
        return length;
    }

    @Override
    public int putUnquotedUTF8(ByteBuffer out) {
        if (length > out.remaining()) return -1;
        out.put(buf, 0, length);
        return length;
    }

    // quoted forms: a raw value is never quoted; as a string, it would be its text's
    @Override
    public char[] asQuotedChars() {
        return new SerializedString(getValue()).asQuotedChars();
    }

    @Override
    public byte[] asQuotedUTF8() {
        return new SerializedString(getValue()).asQuotedUTF8();
    }

    @Override
    public int appendQuotedUTF8(byte[] out, int offset) {
        return new SerializedString(getValue()).appendQuotedUTF8(out, offset);
    }

    @Override
    public int appendQuoted(char[] out, int offset) {
        return new SerializedString(getValue()).appendQuoted(out, offset);
    }

    @Override
    public int writeQuotedUTF8(OutputStream out) throws IOException {
        return new SerializedString(getValue()).writeQuotedUTF8(out);
    }

    @Override
    public int putQuotedUTF8(ByteBuffer out) throws IOException {
        return new SerializedString(getValue()).putQuotedUTF8(out);
    }

    @Override
    public String toString() {
        return getValue();
    }
}
