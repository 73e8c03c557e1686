package nl.plektoets.web;

import java.io.OutputStream;
import java.nio.ByteBuffer;
import nl.plektoets.geo.JsonBytes;

/**
 * Where a thread writes an answer before it is copied out at its exact length: kept per thread, so an answer does not
 * allocate and zero a fresh 32 kB buffer besides the bytes it returns (both were a few per cent of an answer's CPU).
 * Its bytes are a {@link JsonBytes}, so a writer that builds a part of the answer as bytes ({@link CriterionBytes})
 * can append it here directly, after flushing the generator, instead of into a scratch copied into the generator's
 * buffer and from there into this one. Not thread-safe; one answer at a time per thread ({@link #take} starts it
 * empty).
 */
final class AnswerBuffer extends OutputStream {
    /** A buffer grown past this by a very large answer is not kept for the next one. */
    private static final int MAX_KEPT = 1 << 20;

    private static final int INITIAL = 32 * 1024;

    private static final ThreadLocal<AnswerBuffer> KEPT = ThreadLocal.withInitial(AnswerBuffer::new);

    private JsonBytes bytes = new JsonBytes(INITIAL);

    /**
     * Set while a write that has not ended holds this buffer's bytes ({@link #lend}): the thread then keeps a new
     * buffer, and this one is left to the write (and the collector).
     */
    private volatile boolean lent;

    /** This thread's buffer, empty. */
    static AnswerBuffer take() {
        AnswerBuffer b = KEPT.get();
        if (b.lent) {
            b = new AnswerBuffer();
            KEPT.set(b);
        }
        if (b.bytes.capacity() > MAX_KEPT) b.bytes = new JsonBytes(INITIAL);
        b.bytes.clear();
        return b;
    }

    @Override
    public void write(int b) {
        bytes.append((byte) b);
    }

    @Override
    public void write(byte[] b, int off, int len) {
        bytes.append(b, off, len);
    }

    /**
     * The answer so far, to append to directly: only with every generator writing into this buffer flushed, and
     * nothing it buffers until the appended bytes are complete.
     */
    JsonBytes bytes() {
        return bytes;
    }

    /** The answer's bytes, a copy of exactly its length. */
    byte[] toByteArray() {
        return bytes.asUnquotedUTF8();
    }

    /**
     * The answer's bytes themselves, without the copy of {@link #toByteArray} (22 kB per answer, 2 % of the process at
     * 8 connections), for a write that may end later on another thread: until it runs the returned answer's give-back,
     * this thread writes its next answers into another buffer ({@link #take}).
     */
    Lent lend() {
        lent = true;
        return new Lent(bytes.view(), () -> lent = false);
    }

    /** An answer's bytes and what to run once they are written or the write failed (never before). */
    record Lent(ByteBuffer bytes, Runnable giveBack) {
        /** Bytes of the caller's own, nothing to give back. */
        static Lent of(byte[] bytes) {
            return new Lent(ByteBuffer.wrap(bytes), () -> {});
        }
    }
}
