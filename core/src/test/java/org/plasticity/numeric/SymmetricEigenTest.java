package org.plasticity.numeric;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The LAPACK-backed symmetric eigen-decomposition. Tolerances: dsyev is backward stable, so residuals are a small
 * multiple of {@code n eps ||A||} (eps 2.2e-16); with n <= 20 and ||A|| <= ~30 that is about 1e-13, and the stated
 * bounds (1e-12 for orthonormality of O(1) vectors, 1e-10 for reconstruction, 1e-9 for the inverse whose condition
 * number is below 10 here) leave wide margins.
 */
class SymmetricEigenTest {

    private static double[] randomSymmetric(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] a = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                double v = r.nextGaussian();
                a[i * n + j] = v;
                a[j * n + i] = v;
            }
        }
        return a;
    }

    /** {@code B B^T + n I}: symmetric positive definite with eigenvalues in [n, n + ||B||^2]. */
    private static double[] randomSpd(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] b = new double[n * n];
        for (int i = 0; i < b.length; i++) {
            b[i] = r.nextGaussian();
        }
        double[] a = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int p = 0; p < n; p++) {
                    s += b[i * n + p] * b[j * n + p];
                }
                a[i * n + j] = s + (i == j ? n : 0);
            }
        }
        return a;
    }

    @Test
    void twoByTwo() {
        SymmetricEigen e = SymmetricEigen.of(2, new double[] {2, 1, 1, 2});
        assertEquals(2, e.n());
        // 1e-14: a 2x2 of O(1) entries, a few ulp.
        assertEquals(1.0, e.values()[0], 1e-14);
        assertEquals(3.0, e.values()[1], 1e-14);
        assertEquals(1.0, e.min(), 1e-14);
        assertEquals(3.0, e.max(), 1e-14);
        double[] v = e.vectors();
        double r = 1 / Math.sqrt(2);
        // Column 0 (eigenvalue 1) is +-(1, -1)/sqrt 2; column 1 (eigenvalue 3) is +-(1, 1)/sqrt 2.
        double s0 = Math.signum(v[0]);
        assertEquals(r, s0 * v[0], 1e-14);
        assertEquals(-r, s0 * v[2], 1e-14);
        double s1 = Math.signum(v[1]);
        assertEquals(r, s1 * v[1], 1e-14);
        assertEquals(r, s1 * v[3], 1e-14);
    }

    @Test
    void reconstructsRandomSymmetricMatrix() {
        int n = 20;
        double[] a = randomSymmetric(n, 3);
        double[] copy = a.clone();
        SymmetricEigen e = SymmetricEigen.of(n, a);
        assertArrayEquals(copy, a, 0.0, "input not modified");
        double[] v = e.vectors();
        double[] w = e.values();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                double orth = 0;
                double orthRows = 0;
                for (int k = 0; k < n; k++) {
                    s += v[i * n + k] * w[k] * v[j * n + k];
                    orth += v[k * n + i] * v[k * n + j]; // (V^T V)_ij
                    orthRows += v[i * n + k] * v[j * n + k]; // (V V^T)_ij
                }
                assertEquals(a[i * n + j], s, 1e-10, "V diag V^T at (" + i + "," + j + ")");
                assertEquals(i == j ? 1.0 : 0.0, orth, 1e-12, "V^T V at (" + i + "," + j + ")");
                assertEquals(i == j ? 1.0 : 0.0, orthRows, 1e-12, "V V^T at (" + i + "," + j + ")");
            }
        }
        // Columns are eigenvectors: A v_k = lambda_k v_k.
        for (int k = 0; k < n; k++) {
            for (int i = 0; i < n; i++) {
                double av = 0;
                for (int j = 0; j < n; j++) {
                    av += a[i * n + j] * v[j * n + k];
                }
                assertEquals(w[k] * v[i * n + k], av, 1e-10, "A v_" + k + " row " + i);
            }
        }
        // apply(identity) gives A back.
        assertArrayEquals(a, e.apply(x -> x), 1e-10);
    }

    @Test
    void valuesAscendingWithTraceAndExtremes() {
        int n = 20;
        double[] a = randomSymmetric(n, 4);
        SymmetricEigen e = SymmetricEigen.of(n, a);
        double[] w = e.values();
        double sum = 0;
        for (int k = 0; k < n; k++) {
            sum += w[k];
            if (k > 0) {
                assertTrue(w[k - 1] <= w[k], "ascending at " + k + ": " + w[k - 1] + " > " + w[k]);
            }
        }
        double trace = 0;
        for (int i = 0; i < n; i++) {
            trace += a[i * n + i];
        }
        assertEquals(trace, sum, 1e-11); // sum of 20 eigenvalues of size ~10: 1e-11 is ~50 eps ||A|| n
        assertEquals(w[0], e.min(), 0.0);
        assertEquals(w[n - 1], e.max(), 0.0);
        assertTrue(e.min() < 0 && e.max() > 0, "a random Gaussian symmetric matrix has both signs");
    }

    @Test
    void applyReciprocalInvertsSpdMatrix() {
        int n = 12;
        double[] a = randomSpd(n, 5);
        SymmetricEigen e = SymmetricEigen.of(n, a);
        assertTrue(e.min() >= n - 1e-9, "B B^T + n I has eigenvalues >= n");
        double[] inv = e.apply(x -> 1 / x);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int k = 0; k < n; k++) {
                    s += a[i * n + k] * inv[k * n + j];
                }
                assertEquals(i == j ? 1.0 : 0.0, s, 1e-9, "A A^-1 at (" + i + "," + j + ")");
            }
        }
        // The result of apply is symmetric (a spectral function of a symmetric matrix).
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                assertEquals(inv[i * n + j], inv[j * n + i], 1e-14);
            }
        }
    }

    @Test
    void oneByOne() {
        SymmetricEigen e = SymmetricEigen.of(1, new double[] {-2.5});
        assertEquals(-2.5, e.min(), 0.0); // exact: a 1x1 matrix is its own eigenvalue
        assertEquals(-2.5, e.max(), 0.0);
        assertEquals(1.0, Math.abs(e.vectors()[0]), 0.0);
    }
}
