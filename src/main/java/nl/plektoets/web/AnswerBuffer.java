package nl.plektoets.web;

import java.io.OutputStream;
import java.util.Arrays;

/**
 * Where a thread writes an answer before it is copied out at its exact length: kept per thread, so an answer does not
 * allocate and zero a fresh 32 kB buffer besides the bytes it returns (both were a few per cent of an answer's CPU).
 * Not thread-safe; one answer at a time per thread ({@link #take} starts it empty).
 */
final class AnswerBuffer extends OutputStream {
    /** A buffer grown past this by a very large answer is not kept for the next one. */
    private static final int MAX_KEPT = 1 << 20;

    private static final ThreadLocal<AnswerBuffer> KEPT = ThreadLocal.withInitial(AnswerBuffer::new);

    private byte[] buf = new byte[32 * 1024];
    private int count;

    /** This thread's buffer, empty. */
    static AnswerBuffer take() {
        AnswerBuffer b = KEPT.get();
        if (b.buf.length > MAX_KEPT) b.buf = new byte[32 * 1024];
        b.count = 0;
        return b;
    }

    @Override
    public void write(int b) {
        if (count == buf.length) grow(count + 1);
        buf[count++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) {
        if (len > buf.length - count) grow(count + len);
        System.arraycopy(b, off, buf, count, len);
        count += len;
    }

    private void grow(int needed) {
        buf = Arrays.copyOf(buf, Math.max(needed, buf.length * 2));
    }

    /** The answer's bytes, a copy of exactly its length. */
    byte[] toByteArray() {
        return Arrays.copyOf(buf, count);
    }
}
