package nl.plektoets.criteria;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The per-thousand figures of spread's message are written as {@code String.format("%.2f")} writes them. */
class SpreadCriterionFormatTest {
    private static void same(double v) {
        assertEquals(String.format(Locale.ROOT, "%.2f", v), SpreadCriterion.fmt2(v), () -> Double.toString(v));
    }

    @Test
    void perThousandFiguresAreWrittenAsTheFormatterWritesThem() {
        // what the criterion computes: persons * 1000.0 / population
        for (int population = 1; population <= 5_000; population += 7) {
            for (int persons = 0; persons <= 400; persons += 3) same(persons * 1000.0 / population);
        }
        // halves at the third decimal, whose rounding is the risk, and their neighbours
        for (int i = 0; i < 50_000; i++) {
            double half = (2 * i + 1) / 2000.0;
            same(half);
            same(Math.nextUp(half));
            same(Math.nextDown(half));
        }
        Random r = new Random(17);
        for (int i = 0; i < 50_000; i++) same(r.nextDouble() * Math.pow(10, r.nextInt(12) - 4));
        for (double v : new double[] {
            0.0,
            -0.0,
            1e-9,
            0.005,
            0.015,
            1.005,
            2.675,
            1e15,
            1e17,
            1e22,
            -1.5,
            Double.NaN,
            Double.POSITIVE_INFINITY,
            Double.MIN_VALUE,
            Double.MAX_VALUE
        }) same(v);
    }

    @Test
    void theDirectRoundingAgreesNearEveryKindOfHalfAndAcrossItsRange() {
        // every per-thousand figure of up to 1,000 persons in villages of 100 to 20,000 inhabitants
        for (int population = 100; population <= 20_000; population += 13)
            for (int persons = 0; persons <= 1_000; persons++) same(persons * 1000.0 / population);
        // around halves of a hundredth at every magnitude up to the direct rounding's limit: a few ulps off, and
        // around the 1e-6 guard in both directions
        Random r = new Random(20261206);
        for (int i = 0; i < 200_000; i++) {
            double half = (Math.floor(r.nextDouble() * Math.pow(10, r.nextInt(9))) + 0.5) / 100;
            if (half >= SpreadCriterion.FMT2_DIRECT_BELOW * 1.01) continue;
            double v = half;
            for (int k = r.nextInt(50); k > 0; k--) v = r.nextBoolean() ? Math.nextUp(v) : Math.nextDown(v);
            same(v);
            same(half + (r.nextBoolean() ? 1 : -1) * (1e-8 + r.nextDouble() * 2e-8));
        }
        for (double v = SpreadCriterion.FMT2_DIRECT_BELOW - 3; v < SpreadCriterion.FMT2_DIRECT_BELOW + 3; v += 0.0013)
            same(v);
    }
}
