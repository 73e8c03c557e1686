package nl.plektoets.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@link DecimalText} gives {@code Double.toString}'s text for every value of the domains it {@link DecimalText#covers}:
 * not sampled but all of them (about 100 million doubles, the proof {@code covers} relies on, since {@code
 * FloatingDecimal} is not always the shortest decimal), and refuses everything else.
 */
class DecimalTextTest {
    /** Every unscaled value from {@code from} to {@code to} (inclusive): its text is Double.toString's. */
    private static void sameTextForEvery(long from, long to, int decimals) {
        double scale = Math.pow(10, decimals);
        long wrong = LongStream.rangeClosed(from, to)
                .parallel()
                .filter(u -> {
                    assert DecimalText.covers(u, decimals);
                    return !same(u, decimals, u / scale);
                })
                .limit(5)
                .peek(u -> System.err.println(
                        "differs: " + u + " at " + decimals + " decimals: " + Double.toString(u / scale)))
                .count();
        assertEquals(0, wrong, "values whose text is not Double.toString's, from " + from + " at " + decimals);
    }

    private static final ThreadLocal<byte[]> SCRATCH = ThreadLocal.withInitial(() -> new byte[32]);

    /** Whether the written text is Double.toString(d), char for char (and the value is covered). */
    private static boolean same(long unscaled, int decimals, double d) {
        if (!DecimalText.covers(unscaled, decimals)) return false;
        byte[] b = SCRATCH.get();
        int end = DecimalText.write(unscaled, decimals, b, 0);
        String s = Double.toString(d);
        if (s.length() != end || end > DecimalText.MAX_LENGTH) return false;
        for (int i = 0; i < end; i++) if (s.charAt(i) != b[i]) return false;
        return true;
    }

    /** 80 million doubles: about 25 s on two cores. */
    @Test
    @Tag("slow")
    void everyLongitudeAndLatitudeOfSevenDecimals() {
        sameTextForEvery(DecimalText.LON7_MIN, DecimalText.LON7_MAX, 7);
        sameTextForEvery(DecimalText.LAT7_MIN, DecimalText.LAT7_MAX, 7);
    }

    @Test
    void everyLongitudeAndLatitudeOfSixDecimals() {
        sameTextForEvery(DecimalText.LON6_MIN, DecimalText.LON6_MAX, 6);
        sameTextForEvery(DecimalText.LAT6_MIN, DecimalText.LAT6_MAX, 6);
    }

    @Test
    void everyNumberOfTwoDecimalsBelowAHundredThousand() {
        sameTextForEvery(-DecimalText.HUNDREDTHS_LIMIT + 1, DecimalText.HUNDREDTHS_LIMIT - 1, 2);
    }

    @Test
    void nothingOutsideTheProvenDomains() {
        for (long u : new long[] {
            DecimalText.LON7_MIN - 1,
            DecimalText.LON7_MAX + 1,
            DecimalText.LAT7_MIN - 1,
            DecimalText.LAT7_MAX + 1,
            -DecimalText.LON7_MIN,
            0,
            1000
        }) assertFalse(DecimalText.covers(u, 7), "7 decimals " + u);
        assertFalse(DecimalText.covers(DecimalText.HUNDREDTHS_LIMIT, 2));
        assertFalse(DecimalText.covers(-DecimalText.HUNDREDTHS_LIMIT, 2));
        for (int decimals : new int[] {0, 1, 3, 4, 5, 8}) assertFalse(DecimalText.covers(1, decimals));
    }

    /**
     * Any double: either written as Double.toString writes it, or refused. Random doubles of short decimals (the
     * answers' distances, areas, minutes, coordinates), their neighbours one ulp away, random bits and the special
     * values.
     */
    @Test
    void writeShortIsDoubleToStringOrNothing() {
        Random rnd = new Random(2026);
        byte[] b = new byte[32];
        int written = 0, refused = 0;
        double[] special = {
            0.0,
            -0.0,
            Double.NaN,
            Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY,
            Double.MIN_VALUE,
            Double.MAX_VALUE,
            1e-3,
            0.01,
            99_999.99,
            100_000.0,
            1e7,
            3.0,
            7.5,
            50.5,
            54.0
        };
        for (int i = 0; i < 1_000_000 + special.length; i++) {
            double d;
            if (i < special.length) {
                d = special[i];
            } else {
                switch (i % 6) {
                    case 0 -> d = Math.round(rnd.nextGaussian() * 3000 * 100) / 100.0;
                    case 1 -> d = Math.round(rnd.nextDouble() * 30) / 10.0;
                    case 2 -> d = Math.round((3 + rnd.nextDouble() * 5) * 1e7) / 1e7;
                    case 3 -> d = Math.round((50 + rnd.nextDouble() * 5) * 1e6) / 1e6;
                    case 4 -> d = Math.nextUp(Math.round(rnd.nextDouble() * 1e4 * 100) / 100.0);
                    default -> d = Double.longBitsToDouble(rnd.nextLong());
                }
            }
            int end = DecimalText.writeShort(d, b, 0);
            if (end < 0) {
                refused++;
            } else {
                written++;
                assertEquals(Double.toString(d), new String(b, 0, end, StandardCharsets.US_ASCII), "of " + d);
            }
        }
        assertTrue(written > 500_000 && refused > 300_000, written + " written, " + refused + " refused");
        assertEquals(-1, DecimalText.writeShort(-0.0, b, 0));
        assertEquals(-1, DecimalText.writeShort(Double.NaN, b, 0));
        assertEquals(-1, DecimalText.writeShort(123_456.5, b, 0));
        assertEquals(-1, DecimalText.writeShort(0.125, b, 0));
        assertEquals(-1, DecimalText.writeShort(52.123456789, b, 0));
    }
}
