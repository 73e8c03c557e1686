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
}
