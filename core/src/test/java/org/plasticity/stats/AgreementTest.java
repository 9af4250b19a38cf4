package org.plasticity.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Agreement statistics on exact relations. Tolerance 1e-12: sums of at most 10 terms of size O(10-100) and one
 * square root, so the exact values 1, 2, -1 are reproduced to ~1e-14.
 */
class AgreementTest {
    private static final double TOL = 1e-12;
    private static final double[] X = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};

    private static double[] map(double[] x, java.util.function.DoubleUnaryOperator f) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = f.applyAsDouble(x[i]);
        }
        return y;
    }

    @Test
    void proportionalMeasurement() {
        Agreement a = Agreement.of(X, map(X, x -> 2 * x));
        assertEquals(1.0, a.pearsonR(), TOL);
        assertEquals(2.0, a.fitSlope(), TOL);
        assertEquals(1.0, a.loglogSlope(), TOL);
        assertEquals(1.0, a.loglogR(), TOL);
        assertEquals(X.length, a.positivePairs());
    }

    @Test
    void squareLawHasLogLogSlopeTwo() {
        Agreement a = Agreement.of(X, map(X, x -> x * x));
        assertEquals(2.0, a.loglogSlope(), TOL);
        assertEquals(1.0, a.loglogR(), TOL);
        assertTrue(a.pearsonR() < 1 - 1e-3, "not linear: r = " + a.pearsonR());
        // Through the origin: sum x^3 / sum x^2 = 3025 / 385.
        assertEquals(3025.0 / 385.0, a.fitSlope(), TOL);
    }

    @Test
    void antiCorrelated() {
        Agreement a = Agreement.of(X, map(X, x -> 5 - 3 * x));
        assertEquals(-1.0, a.pearsonR(), TOL);
        assertEquals(-1.0, Agreement.pearson(X, map(X, x -> -x)), TOL);
        assertEquals(-3.0, Agreement.slope(X, map(X, x -> 5 - 3 * x)), TOL);
    }

    @Test
    void nonPositivePairsAreExcludedFromLogLog() {
        double[] predicted = {1, 2, 0, -1, 3, 4, 5};
        double[] measured = {3, 6, 1, 2, -9, 12, 15};
        // Pairs 2 (predicted 0), 3 (predicted < 0) and 4 (measured < 0) are dropped; the rest have m = 3 p.
        Agreement a = Agreement.of(predicted, measured);
        assertEquals(4, a.positivePairs());
        assertEquals(1.0, a.loglogSlope(), TOL);
        assertEquals(1.0, a.loglogR(), TOL);
        assertTrue(a.pearsonR() < 0.99, "the linear statistics still see every pair: r = " + a.pearsonR());
    }

    @Test
    void fewerThanThreePairsGiveNaN() {
        assertTrue(Double.isNaN(Agreement.pearson(new double[] {1, 2}, new double[] {2, 4})));
        assertTrue(Double.isNaN(Agreement.slope(new double[] {1, 2}, new double[] {2, 4})));
        assertTrue(Double.isNaN(Agreement.pearson(new double[0], new double[0])));
        // Three pairs, but only two positive ones: the log-log statistics are NaN, the linear ones are not.
        Agreement a = Agreement.of(new double[] {1, 2, -1}, new double[] {2, 4, -2});
        assertEquals(2, a.positivePairs());
        assertTrue(Double.isNaN(a.loglogSlope()));
        assertTrue(Double.isNaN(a.loglogR()));
        assertEquals(1.0, a.pearsonR(), TOL);
        assertEquals(2.0, a.fitSlope(), TOL);
    }

    @Test
    void degenerateInputsGiveNaN() {
        double[] constant = {2, 2, 2, 2};
        assertTrue(Double.isNaN(Agreement.pearson(constant, new double[] {1, 2, 3, 4})), "zero variance in x");
        assertTrue(Double.isNaN(Agreement.pearson(new double[] {1, 2, 3, 4}, constant)), "zero variance in y");
        assertTrue(Double.isNaN(Agreement.slope(constant, new double[] {1, 2, 3, 4})), "zero variance in x");
        assertTrue(Double.isNaN(Agreement.of(new double[] {0, 0, 0}, new double[] {1, 2, 3}).fitSlope()),
                "fit through the origin with all-zero predictions");
    }

    @Test
    void spearmanUsesRanksWithTies() {
        // Monotone but non-linear: rank correlation 1.
        assertEquals(1.0, Agreement.spearman(new double[] {1, 2, 3, 4}, new double[] {1, 10, 100, 1000}), 1e-12);
        assertEquals(-1.0, Agreement.spearman(new double[] {1, 2, 3, 4}, new double[] {4, 3, 2, 1}), 1e-12);
        org.junit.jupiter.api.Assertions.assertArrayEquals(new double[] {1, 2.5, 2.5, 4},
                Agreement.ranks(new double[] {1, 5, 5, 9}), 0.0);
    }
}
