package nl.plektoets.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A thread's answer buffer lent to a write ({@link AnswerBuffer#lend}) is never written again before it is given
 * back: the thread's next answers go into another buffer, and the lent bytes stay what they were.
 */
class AnswerBufferTest {
    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(ByteBuffer b) {
        ByteBuffer copy = b.duplicate();
        byte[] a = new byte[copy.remaining()];
        copy.get(a);
        return new String(a, StandardCharsets.UTF_8);
    }

    @Test
    void aLentBufferIsNotTakenAgainUntilGivenBack() {
        AnswerBuffer first = AnswerBuffer.take();
        first.write(utf8("{\"first\":1}"), 0, 11);
        AnswerBuffer.Lent lent = first.lend();
        assertEquals("{\"first\":1}", text(lent.bytes()));

        // the write has not ended: the next answer of this thread goes elsewhere and leaves the lent bytes alone
        AnswerBuffer second = AnswerBuffer.take();
        assertNotSame(first, second);
        byte[] longer = utf8("{\"second\":\"" + "x".repeat(100_000) + "\"}");
        second.write(longer, 0, longer.length);
        assertEquals("{\"first\":1}", text(lent.bytes()));
        assertArrayEquals(longer, second.toByteArray());

        // given back after the thread moved on: the thread keeps the buffer it has now
        lent.giveBack().run();
        assertSame(second, AnswerBuffer.take());

        // given back before the next answer (the write ended at once, as it nearly always does): the same buffer
        AnswerBuffer third = AnswerBuffer.take();
        third.write(utf8("[3]"), 0, 3);
        AnswerBuffer.Lent again = third.lend();
        assertEquals("[3]", text(again.bytes()));
        again.giveBack().run();
        AnswerBuffer fourth = AnswerBuffer.take();
        assertSame(third, fourth);
        assertEquals(0, fourth.bytes().length(), "taken empty");
    }

    @Test
    void bytesOfTheCallersOwnHaveNothingToGiveBack() {
        byte[] fixed = utf8("{\"fixed\":true}");
        AnswerBuffer.Lent lent = AnswerBuffer.Lent.of(fixed);
        lent.giveBack().run();
        assertEquals("{\"fixed\":true}", text(lent.bytes()));
        assertEquals(fixed.length, lent.bytes().remaining());
    }
}
