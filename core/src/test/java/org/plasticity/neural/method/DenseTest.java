package org.plasticity.neural.method;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The block cross product PLS forms {@code X^T Y} with, and the small solve behind {@code (P^T W)^-1}. */
class DenseTest {

    @Test
    void crossProductIsXTransposeY() {
        SplittableRandom rng = new SplittableRandom(2);
        int n = 7;
        int p = 300; // more than one block of 256 columns
        int q = 3;
        double[] x = Fixtures.gaussian(rng, n, p);
        double[] yt = Fixtures.gaussian(rng, q, n);
        double[] mt = Dense.crossProduct(x, yt, n, p, q);
        for (int i = 0; i < q; i++) {
            for (int j = 0; j < p; j++) {
                double s = 0;
                for (int r = 0; r < n; r++) {
                    s += yt[i * n + r] * x[r * p + j];
                }
                assertEquals(s, mt[i * p + j], 1e-12);
            }
        }
    }

    @Test
    void solveMatchesTheInverse() {
        double[] a = {4, 1, 2, 0, 3, 1, 2, 0, 5};
        double[] b = {1, 0, 0, 1, 2, 3};
        double[] x = Dense.solve(a, b, 3, 2);
        for (int i = 0; i < 3; i++) {
            for (int c = 0; c < 2; c++) {
                double s = 0;
                for (int j = 0; j < 3; j++) {
                    s += a[i * 3 + j] * x[j * 2 + c];
                }
                assertEquals(b[i * 2 + c], s, 1e-14);
            }
        }
        double[] swap = Dense.solve(new double[] {0, 1, 1, 0}, new double[] {2, 3}, 2, 1); // needs a row exchange
        assertEquals(3, swap[0], 0);
        assertEquals(2, swap[1], 0);
    }
}
