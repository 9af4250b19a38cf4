package org.plasticity.numeric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The row-major BLAS facade against the plain loops of {@link ReferenceKernels} (or hand loops where there is no
 * twin), on non-square shapes so that a swapped dimension or leading dimension cannot pass.
 *
 * <p>Tolerance: entry {@code c_ij} is compared within {@code 1e-12 * scale_ij}, where {@code scale_ij} is the sum of
 * absolute values of the terms that make it ({@code |alpha| sum_p |a_ip b_pj| + |beta c_ij|}). Any summation order
 * is within {@code k eps scale} (k <= 129, eps 1.1e-16, so under 1.5e-14 scale); 1e-12 leaves room and still catches
 * any wrong term, which is of order scale. Float: {@code (k + 2)} float eps (6e-8) times scale.
 */
class BlasReferenceTest {
    private static final double REL = 1e-12;
    private static final double FLOAT_EPS = 6e-8;
    private static final int[][] SHAPES = {{3, 5, 7}, {1, 1, 1}, {7, 3, 5}, {17, 9, 33}, {33, 65, 129}};

    private static double[] random(SplittableRandom r, int len) {
        double[] v = new double[len];
        for (int i = 0; i < len; i++) {
            v[i] = r.nextDouble(-1, 1);
        }
        return v;
    }

    @Test
    void gemmNTMatchesReference() {
        for (int[] s : SHAPES) {
            int m = s[0];
            int n = s[1];
            int k = s[2];
            SplittableRandom r = new SplittableRandom(11 + m * 31 + n * 7 + k);
            double[] a = random(r, m * k);
            double[] b = random(r, n * k);
            double[] c0 = random(r, m * n);
            for (double[] ab : new double[][] {{1.0, 0.0}, {-0.7, 0.3}}) {
                double alpha = ab[0];
                double beta = ab[1];
                double[] c = c0.clone();
                double[] ref = c0.clone();
                Blas.gemmNT(m, n, k, alpha, a, b, beta, c);
                ReferenceKernels.gemmNT(m, n, k, alpha, a, b, beta, ref);
                for (int i = 0; i < m; i++) {
                    for (int j = 0; j < n; j++) {
                        double scale = 0;
                        for (int p = 0; p < k; p++) {
                            scale += Math.abs(a[i * k + p] * b[j * k + p]);
                        }
                        scale = Math.abs(alpha) * scale + Math.abs(beta * c0[i * n + j]);
                        assertEquals(ref[i * n + j], c[i * n + j], REL * scale,
                                "gemmNT " + m + "x" + n + "x" + k + " alpha=" + alpha + " (" + i + "," + j + ")");
                    }
                }
            }
        }
    }

    @Test
    void gemmTNMatchesReference() {
        for (int[] s : SHAPES) {
            int m = s[0];
            int n = s[1];
            int k = s[2];
            SplittableRandom r = new SplittableRandom(21 + m * 31 + n * 7 + k);
            double[] a = random(r, k * m);
            double[] b = random(r, k * n);
            double[] c0 = random(r, m * n);
            double alpha = 1.4;
            double beta = -0.5;
            double[] c = c0.clone();
            double[] ref = c0.clone();
            Blas.gemmTN(m, n, k, alpha, a, b, beta, c);
            ReferenceKernels.gemmTN(m, n, k, alpha, a, b, beta, ref);
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    double scale = 0;
                    for (int p = 0; p < k; p++) {
                        scale += Math.abs(a[p * m + i] * b[p * n + j]);
                    }
                    scale = Math.abs(alpha) * scale + Math.abs(beta * c0[i * n + j]);
                    assertEquals(ref[i * n + j], c[i * n + j], REL * scale,
                            "gemmTN " + m + "x" + n + "x" + k + " (" + i + "," + j + ")");
                }
            }
        }
    }

    @Test
    void gemmMatchesHandLoop() {
        for (int[] s : SHAPES) {
            int m = s[0];
            int n = s[1];
            int k = s[2];
            SplittableRandom r = new SplittableRandom(31 + m * 31 + n * 7 + k);
            double[] a = random(r, m * k);
            double[] b = random(r, k * n);
            double[] c0 = random(r, m * n);
            double alpha = 0.9;
            double beta = 2.0;
            double[] c = c0.clone();
            Blas.gemm(m, n, k, alpha, a, b, beta, c);
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    double sum = 0;
                    double scale = 0;
                    for (int p = 0; p < k; p++) {
                        sum += a[i * k + p] * b[p * n + j];
                        scale += Math.abs(a[i * k + p] * b[p * n + j]);
                    }
                    double want = alpha * sum + beta * c0[i * n + j];
                    scale = Math.abs(alpha) * scale + Math.abs(beta * c0[i * n + j]);
                    assertEquals(want, c[i * n + j], REL * scale,
                            "gemm " + m + "x" + n + "x" + k + " (" + i + "," + j + ")");
                }
            }
        }
    }

    /** BLAS convention relied on for scratch buffers: with beta = 0 the old contents of C (even NaN) are ignored. */
    @Test
    void betaZeroIgnoresOldContents() {
        int m = 3;
        int n = 5;
        int k = 7;
        SplittableRandom r = new SplittableRandom(5);
        double[] a = random(r, m * k);
        double[] b = random(r, n * k);
        double[] c = new double[m * n];
        java.util.Arrays.fill(c, Double.NaN);
        Blas.gemmNT(m, n, k, 1.0, a, b, 0.0, c);
        assertTrue(java.util.Arrays.stream(c).allMatch(Double::isFinite), "gemmNT with beta = 0 must not propagate NaN from C");
        double[] y = new double[m];
        java.util.Arrays.fill(y, Double.NaN);
        Blas.gemv(m, k, 1.0, a, 0, b, 0, 0.0, y, 0);
        assertTrue(java.util.Arrays.stream(y).allMatch(Double::isFinite), "gemv with beta = 0 must not propagate NaN from y");
    }

    @Test
    void gemvWithOffsetsMatchesReference() {
        int[][] shapes = {{3, 5}, {5, 3}, {1, 7}, {37, 19}};
        for (int[] s : shapes) {
            int m = s[0];
            int n = s[1];
            int aOff = 4;
            int xOff = 3;
            int yOff = 2;
            SplittableRandom r = new SplittableRandom(41 + m * 13 + n);
            double[] a = random(r, aOff + m * n + 3);
            double[] x = random(r, xOff + n + 3);
            double[] y0 = random(r, yOff + m + 3);
            double alpha = -1.1;
            double beta = 0.6;
            double[] y = y0.clone();
            double[] ref = y0.clone();
            Blas.gemv(m, n, alpha, a, aOff, x, xOff, beta, y, yOff);
            ReferenceKernels.gemv(m, n, alpha, a, aOff, x, xOff, beta, ref, yOff);
            for (int i = 0; i < y.length; i++) {
                if (i < yOff || i >= yOff + m) {
                    assertEquals(y0[i], y[i], 0.0, "gemv wrote outside y[yOff, yOff + m), i=" + i);
                    continue;
                }
                int row = i - yOff;
                double scale = 0;
                for (int j = 0; j < n; j++) {
                    scale += Math.abs(a[aOff + row * n + j] * x[xOff + j]);
                }
                scale = Math.abs(alpha) * scale + Math.abs(beta * y0[i]);
                assertEquals(ref[i], y[i], REL * scale, "gemv " + m + "x" + n + " row " + row);
            }
        }
    }

    @Test
    void gerWithOffsetsMatchesReference() {
        int[][] shapes = {{3, 5}, {5, 3}, {1, 1}, {19, 37}};
        for (int[] s : shapes) {
            int m = s[0];
            int n = s[1];
            int aOff = 5;
            int xOff = 2;
            int yOff = 3;
            SplittableRandom r = new SplittableRandom(51 + m * 13 + n);
            double[] a0 = random(r, aOff + m * n + 4);
            double[] x = random(r, xOff + m + 2);
            double[] y = random(r, yOff + n + 2);
            double alpha = 0.35;
            double[] a = a0.clone();
            double[] ref = a0.clone();
            Blas.ger(m, n, alpha, x, xOff, y, yOff, a, aOff);
            ReferenceKernels.ger(m, n, alpha, x, xOff, y, yOff, ref, aOff);
            for (int i = 0; i < a.length; i++) {
                if (i < aOff || i >= aOff + m * n) {
                    assertEquals(a0[i], a[i], 0.0, "ger wrote outside A, i=" + i);
                } else {
                    // One product and one addition per entry: a few ulp of O(1) values.
                    assertEquals(ref[i], a[i], 1e-15 * 4, "ger " + m + "x" + n + " entry " + (i - aOff));
                }
            }
        }
    }

    @Test
    void dotMatchesHandLoop() {
        for (int n : new int[] {1, 3, 7, 129}) {
            SplittableRandom r = new SplittableRandom(61 + n);
            double[] x = random(r, n + 3);
            double[] y = random(r, n + 3);
            double sum = 0;
            double scale = 0;
            for (int i = 0; i < n; i++) {
                sum += x[i] * y[i];
                scale += Math.abs(x[i] * y[i]);
            }
            // Only the first n entries count; the trailing 3 must be ignored.
            assertEquals(sum, Blas.dot(n, x, y), REL * scale, "n=" + n);
        }
        assertEquals(32.0, Blas.dot(3, new double[] {1, 2, 3}, new double[] {4, 5, 6}), 0.0); // exact integers
    }

    @Test
    void floatGemmNTMatchesDoubleReference() {
        for (int[] s : SHAPES) {
            int m = s[0];
            int n = s[1];
            int k = s[2];
            SplittableRandom r = new SplittableRandom(71 + m * 31 + n * 7 + k);
            float[] a = Vectors.toFloat(random(r, m * k));
            float[] b = Vectors.toFloat(random(r, n * k));
            float[] c0 = Vectors.toFloat(random(r, m * n));
            float alpha = 0.75f;
            float beta = -0.5f;
            float[] c = c0.clone();
            Blas.gemmNT(m, n, k, alpha, a, b, beta, c);
            double[] ref = Vectors.toDouble(c0);
            ReferenceKernels.gemmNT(m, n, k, alpha, Vectors.toDouble(a), Vectors.toDouble(b), beta, ref);
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    double scale = 0;
                    for (int p = 0; p < k; p++) {
                        scale += Math.abs((double) a[i * k + p] * b[j * k + p]);
                    }
                    scale = Math.abs(alpha) * scale + Math.abs(beta * c0[i * n + j]);
                    assertEquals(ref[i * n + j], c[i * n + j], (k + 2) * FLOAT_EPS * scale,
                            "float gemmNT " + m + "x" + n + "x" + k + " (" + i + "," + j + ")");
                }
            }
        }
    }

    @Test
    void floatGemvWithOffsetsMatchesDoubleReference() {
        int m = 5;
        int n = 7;
        int aOff = 3;
        int xOff = 1;
        int yOff = 2;
        SplittableRandom r = new SplittableRandom(81);
        float[] a = Vectors.toFloat(random(r, aOff + m * n));
        float[] x = Vectors.toFloat(random(r, xOff + n));
        float[] y0 = Vectors.toFloat(random(r, yOff + m + 2));
        float alpha = 1.5f;
        float beta = 0.25f;
        float[] y = y0.clone();
        Blas.gemv(m, n, alpha, a, aOff, x, xOff, beta, y, yOff);
        double[] ref = Vectors.toDouble(y0);
        ReferenceKernels.gemv(m, n, alpha, Vectors.toDouble(a), aOff, Vectors.toDouble(x), xOff, beta, ref, yOff);
        for (int i = 0; i < y.length; i++) {
            if (i < yOff || i >= yOff + m) {
                assertEquals(y0[i], y[i], 0.0f, "float gemv wrote outside y, i=" + i);
                continue;
            }
            int row = i - yOff;
            double scale = 0;
            for (int j = 0; j < n; j++) {
                scale += Math.abs((double) a[aOff + row * n + j] * x[xOff + j]);
            }
            scale = Math.abs(alpha) * scale + Math.abs(beta * y0[i]);
            assertEquals(ref[i], y[i], (n + 2) * FLOAT_EPS * scale, "float gemv row " + row);
        }
    }
}
