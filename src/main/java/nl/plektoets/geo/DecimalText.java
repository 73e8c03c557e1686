package nl.plektoets.geo;

/**
 * The text Java 17's {@link Double#toString(double)} gives a short decimal (a coordinate rounded to 6 or 7 decimals, a
 * distance or area rounded to 2), written from its digits: {@code Double.toString} runs {@code FloatingDecimal}'s
 * digit generation (about 150 ns per number, most of what writing an answer's coordinates cost), where the digits
 * are already known from the rounding.
 *
 * <p>Only where it is proven to give the same text. {@code FloatingDecimal} is not always the shortest decimal
 * (JDK-4511638), so the text of {@code unscaled / 10^decimals} is not assumed to be its digits: {@code
 * DecimalTextTest} compares the two for <em>every</em> value of the domains below (about 100 million), and {@link
 * #covers} holds anything else to {@code Double.toString}. The domains: 7 and 6 decimals from 3.0 to 7.5 and from
 * 50.5 to 54.0 (the longitudes and latitudes of the Netherlands, RD New's area with a margin); 2 decimals below
 * 100,000 in magnitude, either sign. All of them lie in {@code Double.toString}'s plain notation (10^-3 to 10^7).
 */
public final class DecimalText {
    private DecimalText() {}

    /** Degrees times 10^7 (and 10^6, below) of the longitudes and latitudes proven. */
    static final long LON7_MIN = 30_000_000L, LON7_MAX = 75_000_000L;

    static final long LAT7_MIN = 505_000_000L, LAT7_MAX = 540_000_000L;
    static final long LON6_MIN = LON7_MIN / 10, LON6_MAX = LON7_MAX / 10;
    static final long LAT6_MIN = LAT7_MIN / 10, LAT6_MAX = LAT7_MAX / 10;
    /** Hundredths proven, in magnitude (exclusive): numbers below 100,000. */
    static final long HUNDREDTHS_LIMIT = 10_000_000L;

    /** The longest text written: a sign, 5 integer digits, the point and 2 decimals; or 2 + 1 + 7 for degrees. */
    public static final int MAX_LENGTH = 12;

    private static final double[] SCALE = {1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7};
    private static final long[] POW10 = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000};

    /**
     * Whether {@code Double.toString(unscaled / 10^decimals)} (the double {@code GeoJson.round} gives) is proven to be
     * the digits {@link #write} writes for it.
     */
    public static boolean covers(long unscaled, int decimals) {
        switch (decimals) {
            case 7:
                return unscaled >= LON7_MIN && unscaled <= LON7_MAX || unscaled >= LAT7_MIN && unscaled <= LAT7_MAX;
            case 6:
                return unscaled >= LON6_MIN && unscaled <= LON6_MAX || unscaled >= LAT6_MIN && unscaled <= LAT6_MAX;
            case 2:
                return unscaled > -HUNDREDTHS_LIMIT && unscaled < HUNDREDTHS_LIMIT;
            default:
                return false;
        }
    }

    /**
     * Writes {@code Double.toString(unscaled / 10^decimals)} as ASCII at {@code pos} (room for {@link #MAX_LENGTH}
     * bytes): the integer digits, the point, the decimals without trailing zeros but at least one. Only for values
     * {@link #covers} accepts.
     *
     * @return the position after the text
     */
    public static int write(long unscaled, int decimals, byte[] b, int pos) {
        long v = unscaled;
        if (v < 0) {
            b[pos++] = '-';
            v = -v;
        }
        long p = POW10[decimals];
        long whole = v / p;
        long fraction = v - whole * p;
        pos = writeDigits(whole, b, pos);
        b[pos++] = '.';
        if (fraction == 0) {
            b[pos++] = '0';
            return pos;
        }
        int n = decimals;
        while (fraction % 10 == 0) {
            fraction /= 10;
            n--;
        }
        for (int i = pos + n - 1; i >= pos; i--) {
            b[i] = (byte) ('0' + fraction % 10);
            fraction /= 10;
        }
        return pos + n;
    }

    /**
     * Writes {@code Double.toString(d)} at {@code pos} where {@code d} is the double nearest a decimal of 2 decimals
     * (or 6 or 7, in the degrees' domains) that {@link #covers} holds: exactly where {@code round(d * 10^k) / 10^k}
     * gives {@code d} back, so {@code d} is the double the proof formatted.
     *
     * @return the position after the text, or -1 (nothing written) for any other double
     */
    public static int writeShort(double d, byte[] b, int pos) {
        int end = writeIf(d, 2, b, pos);
        if (end < 0) end = writeIf(d, 6, b, pos);
        if (end < 0) end = writeIf(d, 7, b, pos);
        return end;
    }

    private static int writeIf(double d, int decimals, byte[] b, int pos) {
        double scale = SCALE[decimals];
        long unscaled = Math.round(d * scale);
        // -0.0 differs from 0 / scale in its bits, NaN never equals: both go to Double.toString
        if (!covers(unscaled, decimals)
                || Double.doubleToRawLongBits(unscaled / scale) != Double.doubleToRawLongBits(d)) return -1;
        return write(unscaled, decimals, b, pos);
    }

    private static int writeDigits(long v, byte[] b, int pos) {
        int n = 1;
        for (long t = v; t >= 10; t /= 10) n++;
        for (int i = pos + n - 1; i >= pos; i--) {
            b[i] = (byte) ('0' + v % 10);
            v /= 10;
        }
        return pos + n;
    }
}
