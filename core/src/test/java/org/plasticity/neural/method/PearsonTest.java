package org.plasticity.neural.method;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Pearson r against the one-pass textbook formula and its limit cases; the NaN-skipping aggregations. */
class PearsonTest {

    @Test
    void matchesTheTextbookFormula() {
        SplittableRandom rng = new SplittableRandom(1);
        int rows = 37;
        int cols = 5;
        double[] a = Fixtures.gaussian(rng, rows, cols);
        double[] b = Fixtures.gaussian(rng, rows, cols);
        for (int i = 0; i < a.length; i++) {
            b[i] += 0.5 * a[i];
        }
        double[] r = Pearson.columns(a, b, rows, cols);
        for (int j = 0; j < cols; j++) {
            double sx = 0;
            double sy = 0;
            double sxy = 0;
            double sxx = 0;
            double syy = 0;
            for (int i = 0; i < rows; i++) {
                double x = a[i * cols + j];
                double y = b[i * cols + j];
                sx += x;
                sy += y;
                sxy += x * y;
                sxx += x * x;
                syy += y * y;
            }
            double want = (rows * sxy - sx * sy) / Math.sqrt((rows * sxx - sx * sx) * (rows * syy - sy * sy));
            assertEquals(want, r[j], 1e-12);
        }
    }

    @Test
    void limitCases() {
        assertEquals(1.0, Pearson.of(new double[] {1, 2, 3, 4}, new double[] {3, 5, 7, 9}), 0);
        assertEquals(-1.0, Pearson.of(new double[] {1, 2, 3}, new double[] {0.3, 0.2, 0.1}), 1e-15);
        assertTrue(Double.isNaN(Pearson.of(new double[] {1, 2, 3}, new double[] {0.1, 0.1, 0.1})), "constant");
        assertTrue(Double.isNaN(Pearson.of(new double[] {1}, new double[] {2})), "one value");
    }

    @Test
    void aggregationsSkipNaN() {
        double nan = Double.NaN;
        assertEquals(2, Summary.median(new double[] {3, nan, 1, 2}), 0);
        assertEquals(2.5, Summary.median(new double[] {4, 1, nan, 3, 2}), 0);
        assertEquals(2.5, Summary.mean(new double[] {1, 2, nan, 3, 4}), 0);
        // population std of 1..4 is sqrt(1.25); over sqrt(4)
        assertEquals(Math.sqrt(1.25) / 2, Summary.standardError(new double[] {1, nan, 2, 3, 4}), 1e-15);
        assertTrue(Double.isNaN(Summary.median(new double[] {nan, nan})));
    }
}
