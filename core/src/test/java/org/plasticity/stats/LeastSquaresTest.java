package org.plasticity.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LeastSquaresTest {
    /** Noise-free data are fitted exactly, whatever the intercept. */
    @Test
    void recoversExactCoefficients() {
        SplittableRandom rng = new SplittableRandom(3);
        double[][] x = new double[20][];
        double[] y = new double[20];
        for (int i = 0; i < 20; i++) {
            x[i] = new double[] {rng.nextDouble(), rng.nextDouble(), rng.nextDouble()};
            y[i] = -1.2 * x[i][0] + 0.3 * x[i][1] + 2.0 * x[i][2] + 7.5;
        }
        assertArrayEquals(new double[] {-1.2, 0.3, 2.0}, LeastSquares.slopes(x, y), 1e-10);
    }

    /** One regressor is the simple slope. */
    @Test
    void oneRegressorIsTheSimpleSlope() {
        double[] xs = {1, 2, 4, 7, 8};
        double[] ys = {2, 1, 5, 6, 11};
        double[][] x = new double[5][];
        for (int i = 0; i < 5; i++) {
            x[i] = new double[] {xs[i]};
        }
        assertEquals(Agreement.slope(xs, ys), LeastSquares.slopes(x, ys)[0], 1e-12);
    }

    @Test
    void rejectsCollinearAndTooFewRows() {
        double[][] x = {{1, 2}, {2, 4}, {3, 6}, {4, 8}};
        assertThrows(IllegalArgumentException.class, () -> LeastSquares.slopes(x, new double[] {1, 2, 3, 5}));
        assertThrows(IllegalArgumentException.class, () -> LeastSquares.slopes(new double[][] {{1, 2}, {3, 5}},
                new double[] {1, 2}));
    }
}
