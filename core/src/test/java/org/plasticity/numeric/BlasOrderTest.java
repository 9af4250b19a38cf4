package org.plasticity.numeric;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The kernels compute exactly the sums {@link Blas} documents, bit for bit: interleaved partials added in a fixed
 * tree for row-by-row products, one fma chain per entry for broadcast products. The expected values here are
 * written from the class comment with plain loops, independently of the kernels; shapes cover every register block,
 * its remainders and lengths that are not multiples of the lane count. Also: a product does not depend on where in
 * an array its operands sit (the offset, hence the memory alignment).
 */
class BlasOrderTest {
    private static final int[][] SHAPES = {{1, 1, 1}, {3, 5, 7}, {4, 3, 8}, {4, 6, 16}, {5, 7, 17}, {9, 13, 31},
        {8, 3, 100}, {13, 35, 129}, {2, 100, 100}, {7, 40, 1000}};

    private static double[] random(SplittableRandom r, int len) {
        double[] v = new double[len];
        for (int i = 0; i < len; i++) {
            v[i] = r.nextDouble(-1, 1) * Math.exp(r.nextDouble(-3, 3));
        }
        return v;
    }

    private static float[] randomFloat(SplittableRandom r, int len) {
        return Vectors.toFloat(random(r, len));
    }

    /** The documented interleaved dot product: W fma chains, then the pairwise tree. */
    static double interleaved(int k, double[] x, int xOff, double[] y, int yOff) {
        double[] s = new double[8];
        for (int p = 0; p < k; p++) {
            s[p % 8] = Math.fma(x[xOff + p], y[yOff + p], s[p % 8]);
        }
        for (int p = k; p % 8 != 0; p++) {
            s[p % 8] = Math.fma(0.0, 0.0, s[p % 8]); // zero padding to a multiple of 8
        }
        double[] t = {s[0] + s[4], s[1] + s[5], s[2] + s[6], s[3] + s[7]};
        return (t[0] + t[2]) + (t[1] + t[3]);
    }

    static float interleaved(int k, float[] x, int xOff, float[] y, int yOff) {
        float[] s = new float[16];
        for (int p = 0; p < k; p++) {
            s[p % 16] = Math.fma(x[xOff + p], y[yOff + p], s[p % 16]);
        }
        for (int p = k; p % 16 != 0; p++) {
            s[p % 16] = Math.fma(0f, 0f, s[p % 16]);
        }
        for (int w = 8; w >= 1; w /= 2) {
            for (int r = 0; r < w; r++) {
                s[r] = s[r] + s[r + w];
            }
        }
        return s[0];
    }

    @Test
    void rowByRowProductsFollowTheInterleavedOrder() {
        for (int[] s : SHAPES) {
            int m = s[0];
            int n = s[1];
            int k = s[2];
            SplittableRandom r = new SplittableRandom(m * 1000 + n * 10 + k);
            double[] a = random(r, m * k);
            double[] b = random(r, n * k);
            double[] c0 = random(r, m * n);
            for (double[] ab : new double[][] {{1.0, 0.0}, {-0.7, 0.3}}) {
                double[] c = c0.clone();
                Blas.gemmNT(m, n, k, ab[0], a, b, ab[1], c);
                for (int i = 0; i < m; i++) {
                    for (int j = 0; j < n; j++) {
                        double sum = interleaved(k, a, i * k, b, j * k);
                        double want = ab[1] == 0 ? ab[0] * sum : ab[0] * sum + ab[1] * c0[i * n + j];
                        assertEquals(want, c[i * n + j], 0.0, "gemmNT " + m + "x" + n + "x" + k + " at " + i + "," + j);
                    }
                }
            }
            float[] af = randomFloat(r, m * k);
            float[] bf = randomFloat(r, n * k);
            float[] cf = new float[m * n];
            Blas.gemmNT(m, n, k, 1f, af, bf, 0f, cf);
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    assertEquals(interleaved(k, af, i * k, bf, j * k), cf[i * n + j], 0f, "float gemmNT at " + i + "," + j);
                }
            }
            double[] y = new double[n];
            Blas.gemv(n, k, 1.0, b, 0, a, 0, 0.0, y, 0);
            for (int j = 0; j < n; j++) {
                assertEquals(interleaved(k, b, j * k, a, 0), y[j], 0.0, "gemv row " + j);
            }
            assertEquals(interleaved(k, a, 0, b, 0), Blas.dot(k, a, b), 0.0, "dot k=" + k);
        }
    }

    @Test
    void broadcastProductsAreOneChainPerEntry() {
        for (int[] s : SHAPES) {
            int m = s[0];
            int n = s[1];
            int k = s[2];
            SplittableRandom r = new SplittableRandom(7 + m * 1000 + n * 10 + k);
            double[] at = random(r, k * m);
            double[] a = random(r, m * k);
            double[] b = random(r, k * n);
            double[] c0 = random(r, m * n);
            double[] tn = c0.clone();
            double[] nn = new double[m * n];
            Blas.gemmTN(m, n, k, 1.5, at, b, -0.25, tn);
            Blas.gemm(m, n, k, 1.0, a, b, 0.0, nn);
            float[] af = Vectors.toFloat(a);
            float[] bf = Vectors.toFloat(b);
            float[] nf = new float[m * n];
            Blas.gemm(m, n, k, 1f, af, bf, 0f, nf);
            float[] atf = Vectors.toFloat(at);
            float[] c0f = Vectors.toFloat(c0);
            float[] tnf = c0f.clone();
            Blas.gemmTN(m, n, k, 1.5f, atf, bf, -0.25f, tnf);
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    double t = 0;
                    double u = 0;
                    float f = 0;
                    float ft = 0;
                    for (int p = 0; p < k; p++) {
                        t = Math.fma(at[p * m + i], b[p * n + j], t);
                        u = Math.fma(a[i * k + p], b[p * n + j], u);
                        f = Math.fma(af[i * k + p], bf[p * n + j], f);
                        ft = Math.fma(atf[p * m + i], bf[p * n + j], ft);
                    }
                    String where = m + "x" + n + "x" + k + " at " + i + "," + j;
                    assertEquals(1.5 * t + -0.25 * c0[i * n + j], tn[i * n + j], 0.0, "gemmTN " + where);
                    assertEquals(u, nn[i * n + j], 0.0, "gemm " + where);
                    assertEquals(f, nf[i * n + j], 0f, "float gemm " + where);
                    assertEquals(1.5f * ft + -0.25f * c0f[i * n + j], tnf[i * n + j], 0f, "float gemmTN " + where);
                }
            }
        }
    }

    @Test
    void rankOneUpdateIsOneFmaPerEntry() {
        SplittableRandom r = new SplittableRandom(3);
        int m = 11;
        int n = 37;
        double[] x = random(r, m);
        double[] y = random(r, n);
        double[] a0 = random(r, m * n);
        double[] a = a0.clone();
        Blas.ger(m, n, 0.3, x, 0, y, 0, a, 0);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                assertEquals(Math.fma(0.3 * x[i], y[j], a0[i * n + j]), a[i * n + j], 0.0);
            }
        }
    }

    /** A sum of negative zeros is -0 in every partial; the padding makes the partials past the end +0. */
    @Test
    void negativeZeroFollowsThePadding() {
        for (int k : new int[] {3, 8, 11, 24}) {
            double[] x = new double[k];
            double[] y = new double[k];
            java.util.Arrays.fill(x, -0.0);
            java.util.Arrays.fill(y, 1.0);
            double want = interleaved(k, x, 0, y, 0);
            assertEquals(Double.doubleToRawLongBits(want), Double.doubleToRawLongBits(Blas.dot(k, x, y)), "k=" + k);
            double[] c = new double[7 * 4]; // rows through the 4 x 4, 2 x 4 and single-row blocks
            Blas.gemmNT(7, 4, k, 1.0, repeat(x, 7), repeat(y, 4), 0.0, c);
            for (double v : c) {
                assertEquals(Double.doubleToRawLongBits(want), Double.doubleToRawLongBits(v), "gemmNT k=" + k);
            }
        }
    }

    private static double[] repeat(double[] v, int times) {
        double[] out = new double[v.length * times];
        for (int t = 0; t < times; t++) {
            System.arraycopy(v, 0, out, t * v.length, v.length);
        }
        return out;
    }

    @Test
    void resultsDoNotDependOnWhereTheOperandsSit() {
        SplittableRandom r = new SplittableRandom(5);
        int n = 203;
        double[] a = random(r, n * n);
        double[] x = random(r, n);
        double[] ref = new double[n];
        Blas.gemv(n, n, 1.0, a, 0, x, 0, 0.0, ref, 0);
        for (int off = 1; off < 9; off++) {
            double[] a2 = new double[n * n + off];
            double[] x2 = new double[n + off];
            double[] y2 = new double[n + off];
            System.arraycopy(a, 0, a2, off, n * n);
            System.arraycopy(x, 0, x2, off, n);
            Blas.gemv(n, n, 1.0, a2, off, x2, off, 0.0, y2, off);
            for (int i = 0; i < n; i++) {
                assertEquals(ref[i], y2[off + i], 0.0, "offset " + off + " row " + i);
            }
        }
    }
}
