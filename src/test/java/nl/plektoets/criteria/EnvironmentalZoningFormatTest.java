package nl.plektoets.criteria;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** environmental_zoning's distances in its messages are written as {@code String.format("%.2f")} wrote them. */
class EnvironmentalZoningFormatTest {
    private static String formatter(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.2f", v);
    }

    private static void same(double v) {
        assertEquals(formatter(v), EnvironmentalZoningCriterion.fmt(v), () -> Double.toString(v));
    }

    @Test
    void distancesAreWrittenAsTheFormatterWritesThem() {
        // every hundredth up to 3 km (what Evidence.round gives a distance within the guide distances) and neighbours
        for (long k = 0; k <= 300_000; k++) {
            double v = k / 100.0;
            same(v);
            if (k % 7 == 0) {
                same(Math.nextUp(v));
                same(Math.nextDown(v));
            }
        }
        Random r = new Random(17);
        for (int i = 0; i < 100_000; i++) {
            double d = r.nextDouble() * Math.pow(10, r.nextInt(14) - 3);
            same(d);
            same(Evidence.round(d));
        }
        // halves at the third decimal, whose rounding is the Formatter's risk
        for (int i = 0; i < 50_000; i++) same((2 * i + 1) / 2000.0);
        for (double v : new double[] {
            0.0,
            -0.0,
            1e-9,
            0.005,
            0.015,
            1.005,
            2.675,
            999_999_999.99,
            1e9 + 0.5,
            1e15 + 0.25,
            -1.5,
            -0.01,
            Double.NaN,
            Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY,
            Double.MIN_VALUE,
            Double.MAX_VALUE
        }) same(v);
    }
}
