package org.plasticity.numeric;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * The float row-by-row products of {@link Blas} ({@link Blas#gemmNT(int, int, int, float, float[], float[], float,
 * float[])} and the float dot product) with the Vector API: 16 interleaved partials per entry, one lane each, then the
 * fixed pairwise tree, exactly the order of Blas's plain-Java twins. Split from {@link VectorBlas}, which keeps the
 * double and broadcast products.
 */
final class VectorFloatRows {
    private static final VectorSpecies<Float> PF = FloatVector.SPECIES_PREFERRED;
    /** Lanes for the interleaved partials: at most {@link Blas#FLOAT_LANES}, so that they divide it. */
    private static final VectorSpecies<Float> F = VectorSpecies.of(float.class,
            VectorShape.forBitSize(Math.min(PF.vectorBitSize(), Blas.FLOAT_LANES * Float.SIZE)));
    private static final boolean F_FULL = F.length() == Blas.FLOAT_LANES;
    /** Lane r reads lane r + w (mod 16): the steps of the float partials' tree ({@link #tree}); null unless F_FULL. */
    private static final VectorShuffle<Float> HALF8 = rotation(8);
    private static final VectorShuffle<Float> HALF4 = rotation(4);
    private static final VectorShuffle<Float> HALF2 = rotation(2);
    private static final VectorShuffle<Float> HALF1 = rotation(1);

    static void gemmNT(int m, int n, int k, float alpha, float[] a, float[] b, float beta, float[] c) {
        int rem = k % Blas.FLOAT_LANES;
        if (F_FULL && rem != 0 && m >= 2 && n >= 3) {
            // Rows zero-padded to a whole number of vectors give the same sums (the order pads with +0) without a
            // scalar tail per entry: a copy of both operands costs less than m n tails (a 120-wide layer: 30x).
            int kp = k + Blas.FLOAT_LANES - rem;
            gemmNT(m, n, kp, alpha, padRows(a, m, k, kp), padRows(b, n, k, kp), beta, c);
            return;
        }
        int i = 0;
        float[] s = new float[12 * Blas.FLOAT_LANES]; // a block's partials, reduced one entry at a time
        if (F_FULL) {
            for (; i + 4 <= m; i += 4) {
                int j = 0;
                for (; j + 3 <= n; j += 3) {
                    block4x3(k, alpha, a, i * k, b, j * k, beta, c, i * n + j, n, s);
                }
                for (; j < n; j++) {
                    for (int r = 0; r < 4; r++) {
                        c[(i + r) * n + j] = Blas.scale(alpha, dot(k, a, (i + r) * k, b, j * k), beta,
                                c[(i + r) * n + j]);
                    }
                }
            }
        }
        if (F_FULL && i + 2 <= m) { // the two rows a 4-row pass left: three columns at a time, A's rows read once per block
            int j = 0;
            for (; j + 3 <= n; j += 3) {
                block2x3(k, alpha, a, i * k, b, j * k, beta, c, i * n + j, n, s);
            }
            for (; j < n; j++) {
                for (int r = 0; r < 2; r++) {
                    c[(i + r) * n + j] = Blas.scale(alpha, dot(k, a, (i + r) * k, b, j * k), beta, c[(i + r) * n + j]);
                }
            }
            i += 2;
        }
        for (; i < m; i++) {
            for (int j = 0; j < n; j++) {
                c[i * n + j] = Blas.scale(alpha, dot(k, a, i * k, b, j * k), beta, c[i * n + j]);
            }
        }
    }

    /** {@link #block4x3} for two rows: the same lanes, the same sums. */
    private static void block2x3(int k, float alpha, float[] a, int aOff, float[] b, int bOff, float beta,
                                 float[] c, int cOff, int ldc, float[] s) {
        FloatVector z = FloatVector.zero(F);
        FloatVector c00 = z, c01 = z, c02 = z, c10 = z, c11 = z, c12 = z;
        int a1 = aOff + k, b1 = bOff + k, b2 = bOff + 2 * k;
        int upper = F.loopBound(k);
        for (int p = 0; p < upper; p += Blas.FLOAT_LANES) {
            FloatVector v0 = FloatVector.fromArray(F, b, bOff + p);
            FloatVector v1 = FloatVector.fromArray(F, b, b1 + p);
            FloatVector v2 = FloatVector.fromArray(F, b, b2 + p);
            FloatVector u = FloatVector.fromArray(F, a, aOff + p);
            c00 = u.fma(v0, c00);
            c01 = u.fma(v1, c01);
            c02 = u.fma(v2, c02);
            u = FloatVector.fromArray(F, a, a1 + p);
            c10 = u.fma(v0, c10);
            c11 = u.fma(v1, c11);
            c12 = u.fma(v2, c12);
        }
        c00.intoArray(s, 0);
        c01.intoArray(s, 16);
        c02.intoArray(s, 32);
        c10.intoArray(s, 48);
        c11.intoArray(s, 64);
        c12.intoArray(s, 80);
        reduce(2, alpha, beta, c, cOff, ldc, s);
    }

    /**
     * C's entries of rows i..i+3 and columns j..j+2, each a 16-lane fused multiply-add chain reduced by
     * {@link #reduce}. {@code k} is a whole number of vectors ({@link #gemmNT} pads the rows otherwise).
     */
    private static void block4x3(int k, float alpha, float[] a, int aOff, float[] b, int bOff, float beta,
                                 float[] c, int cOff, int ldc, float[] s) {
        FloatVector z = FloatVector.zero(F);
        FloatVector c00 = z, c01 = z, c02 = z, c10 = z, c11 = z, c12 = z;
        FloatVector c20 = z, c21 = z, c22 = z, c30 = z, c31 = z, c32 = z;
        int a1 = aOff + k, a2 = aOff + 2 * k, a3 = aOff + 3 * k, b1 = bOff + k, b2 = bOff + 2 * k;
        int upper = F.loopBound(k);
        for (int p = 0; p < upper; p += Blas.FLOAT_LANES) {
            FloatVector v0 = FloatVector.fromArray(F, b, bOff + p);
            FloatVector v1 = FloatVector.fromArray(F, b, b1 + p);
            FloatVector v2 = FloatVector.fromArray(F, b, b2 + p);
            FloatVector u = FloatVector.fromArray(F, a, aOff + p);
            c00 = u.fma(v0, c00);
            c01 = u.fma(v1, c01);
            c02 = u.fma(v2, c02);
            u = FloatVector.fromArray(F, a, a1 + p);
            c10 = u.fma(v0, c10);
            c11 = u.fma(v1, c11);
            c12 = u.fma(v2, c12);
            u = FloatVector.fromArray(F, a, a2 + p);
            c20 = u.fma(v0, c20);
            c21 = u.fma(v1, c21);
            c22 = u.fma(v2, c22);
            u = FloatVector.fromArray(F, a, a3 + p);
            c30 = u.fma(v0, c30);
            c31 = u.fma(v1, c31);
            c32 = u.fma(v2, c32);
        }
        // Vectors are stored one by one (no array of vectors: that would box them and defeat the intrinsics).
        c00.intoArray(s, 0);
        c01.intoArray(s, 16);
        c02.intoArray(s, 32);
        c10.intoArray(s, 48);
        c11.intoArray(s, 64);
        c12.intoArray(s, 80);
        c20.intoArray(s, 96);
        c21.intoArray(s, 112);
        c22.intoArray(s, 128);
        c30.intoArray(s, 144);
        c31.intoArray(s, 160);
        c32.intoArray(s, 176);
        reduce(4, alpha, beta, c, cOff, ldc, s);
    }

    private static float finish(FloatVector acc, int upper, int k, float[] x, int xOff, float[] y, int yOff,
                                float[] s) {
        if (upper == k && F_FULL) {
            return tree(acc);
        }
        acc.intoArray(s, 0);
        for (int p = upper; p < k; p++) {
            int r = p % Blas.FLOAT_LANES;
            s[r] = Math.fma(x[xOff + p], y[yOff + p], s[r]);
        }
        return F_FULL ? tree(FloatVector.fromArray(F, Blas.padded(s, k), 0)) : Blas.pairwise(Blas.padded(s, k));
    }

    /**
     * {@link Blas#pairwise} of the 16 partials in {@code v}, in registers: step w adds lane r + w onto lane r for
     * r &lt; w (w = 8, 4, 2, 1), the same additions of the same values as the scalar tree, so the same bits.
     */
    private static float tree(FloatVector v) {
        v = v.add(v.rearrange(HALF8));
        v = v.add(v.rearrange(HALF4));
        v = v.add(v.rearrange(HALF2));
        v = v.add(v.rearrange(HALF1));
        return v.lane(0);
    }

    /**
     * {@code C = alpha sum + beta C} for a block of {@code rows x 3} entries from {@code cOff}, entry (r, q)'s 16
     * partials stored at {@code s[(3 r + q) 16 ..]}.
     */
    private static void reduce(int rows, float alpha, float beta, float[] c, int cOff, int ldc, float[] s) {
        for (int r = 0; r < rows; r++) {
            for (int q = 0; q < 3; q++) {
                int at = cOff + r * ldc + q;
                c[at] = Blas.scale(alpha, pairwise(s, (3 * r + q) * Blas.FLOAT_LANES), beta, c[at]);
            }
        }
    }

    /**
     * {@link Blas#pairwise} of the 16 partials at {@code s[off..]}: the vectors are stored and reduced here rather
     * than in registers ({@link #tree}), because a tree the JIT cannot inline boxes its vector on every call.
     */
    private static float pairwise(float[] s, int off) {
        for (int w = Blas.FLOAT_LANES / 2; w >= 1; w /= 2) {
            for (int r = 0; r < w; r++) {
                s[off + r] += s[off + r + w];
            }
        }
        return s[off];
    }

    /** @return the {@code rows x k} matrix {@code x} with each row zero-padded to {@code kp} values */
    private static float[] padRows(float[] x, int rows, int k, int kp) {
        float[] out = new float[rows * kp];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(x, r * k, out, r * kp, k);
        }
        return out;
    }

    private static VectorShuffle<Float> rotation(int by) {
        return F_FULL ? VectorShuffle.fromOp(F, i -> (i + by) % Blas.FLOAT_LANES) : null;
    }

    static float dot(int k, float[] x, int xOff, float[] y, int yOff) {
        int len = F.length();
        int parts = Blas.FLOAT_LANES / len;
        int upper = k - k % Blas.FLOAT_LANES;
        float[] s = new float[Blas.FLOAT_LANES];
        if (parts == 1) {
            FloatVector acc = FloatVector.zero(F);
            for (int p = 0; p < upper; p += len) {
                acc = FloatVector.fromArray(F, x, xOff + p).fma(FloatVector.fromArray(F, y, yOff + p), acc);
            }
            return finish(acc, upper, k, x, xOff, y, yOff, s);
        }
        FloatVector[] acc = new FloatVector[parts];
        java.util.Arrays.fill(acc, FloatVector.zero(F));
        for (int p = 0; p < upper; p += Blas.FLOAT_LANES) {
            for (int q = 0; q < parts; q++) {
                int o = p + q * len;
                acc[q] = FloatVector.fromArray(F, x, xOff + o).fma(FloatVector.fromArray(F, y, yOff + o), acc[q]);
            }
        }
        for (int q = 0; q < parts; q++) {
            acc[q].intoArray(s, q * len);
        }
        for (int p = upper; p < k; p++) {
            int r = p % Blas.FLOAT_LANES;
            s[r] = Math.fma(x[xOff + p], y[yOff + p], s[r]);
        }
        return Blas.pairwise(Blas.padded(s, k));
    }

    private VectorFloatRows() {}
}
