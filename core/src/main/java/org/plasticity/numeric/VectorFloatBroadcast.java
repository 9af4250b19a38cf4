package org.plasticity.numeric;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The float broadcast products of {@link Blas} ({@code gemm}, {@code gemmTN}) with the Vector API: lanes over C's
 * columns, each entry one fused multiply-add chain over p = 0 .. k-1, exactly {@link Blas#chain}. Blocking only
 * decides which entries are computed together, never the order within an entry, so any blocking gives the same bits.
 *
 * <p>C is computed in panels of two vectors of columns; inside a panel, rows go six at a time (twelve accumulators,
 * two loads of B and six broadcasts of A per step), then two and one. The panel of B (k rows of 32 floats: 19 KB
 * at k = 150) stays in the first-level cache while every row block passes over it, and a matrix with six rows (LeNet's
 * first convolution) reads B once.
 */
final class VectorFloatBroadcast {
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;

    private VectorFloatBroadcast() {}

    /** {@code C = alpha A' B + beta C}, {@code A'_ip = a[i ars + p aps]}; @return m (every row done). */
    static int broadcast(int m, int n, int k, float alpha, float[] a, int ars, int aps, float[] b, float beta,
                         float[] c) {
        int len = F.length();
        int j = 0;
        for (; j + 2 * len <= n; j += 2 * len) {
            int i = 0;
            for (; i + 6 <= m; i += 6) {
                rows6(n, k, alpha, a, i * ars, ars, aps, b, j, beta, c, i * n + j);
            }
            for (; i + 2 <= m; i += 2) {
                rows2(n, k, alpha, a, i * ars, ars, aps, b, j, beta, c, i * n + j);
            }
            if (i < m) {
                rows1(n, k, alpha, a, i * ars, aps, b, j, beta, c, i * n + j);
                rows1(n, k, alpha, a, i * ars, aps, b, j + len, beta, c, i * n + j + len);
            }
        }
        for (; j + len <= n; j += len) { // one vector of columns left
            for (int i = 0; i < m; i++) {
                rows1(n, k, alpha, a, i * ars, aps, b, j, beta, c, i * n + j);
            }
        }
        for (; j < n; j++) { // fewer columns than a vector: scalar chains
            for (int i = 0; i < m; i++) {
                c[i * n + j] = Blas.scale(alpha, Blas.chain(k, a, i * ars, aps, b, j, n), beta, c[i * n + j]);
            }
        }
        return m;
    }

    /** Six rows of A' against two vectors of B's columns from {@code bCol}. */
    private static void rows6(int n, int k, float alpha, float[] a, int a0, int ars, int aps, float[] b, int bCol,
                              float beta, float[] c, int cOff) {
        int len = F.length();
        FloatVector z = FloatVector.zero(F);
        FloatVector c00 = z, c01 = z, c10 = z, c11 = z, c20 = z, c21 = z;
        FloatVector c30 = z, c31 = z, c40 = z, c41 = z, c50 = z, c51 = z;
        int a1 = a0 + ars, a2 = a1 + ars, a3 = a2 + ars, a4 = a3 + ars, a5 = a4 + ars;
        for (int p = 0; p < k; p++) {
            int bo = p * n + bCol;
            FloatVector v0 = FloatVector.fromArray(F, b, bo);
            FloatVector v1 = FloatVector.fromArray(F, b, bo + len);
            int ap = p * aps;
            FloatVector u = FloatVector.broadcast(F, a[a0 + ap]);
            c00 = u.fma(v0, c00);
            c01 = u.fma(v1, c01);
            u = FloatVector.broadcast(F, a[a1 + ap]);
            c10 = u.fma(v0, c10);
            c11 = u.fma(v1, c11);
            u = FloatVector.broadcast(F, a[a2 + ap]);
            c20 = u.fma(v0, c20);
            c21 = u.fma(v1, c21);
            u = FloatVector.broadcast(F, a[a3 + ap]);
            c30 = u.fma(v0, c30);
            c31 = u.fma(v1, c31);
            u = FloatVector.broadcast(F, a[a4 + ap]);
            c40 = u.fma(v0, c40);
            c41 = u.fma(v1, c41);
            u = FloatVector.broadcast(F, a[a5 + ap]);
            c50 = u.fma(v0, c50);
            c51 = u.fma(v1, c51);
        }
        store(c00, alpha, beta, c, cOff);
        store(c01, alpha, beta, c, cOff + len);
        store(c10, alpha, beta, c, cOff + n);
        store(c11, alpha, beta, c, cOff + n + len);
        store(c20, alpha, beta, c, cOff + 2 * n);
        store(c21, alpha, beta, c, cOff + 2 * n + len);
        store(c30, alpha, beta, c, cOff + 3 * n);
        store(c31, alpha, beta, c, cOff + 3 * n + len);
        store(c40, alpha, beta, c, cOff + 4 * n);
        store(c41, alpha, beta, c, cOff + 4 * n + len);
        store(c50, alpha, beta, c, cOff + 5 * n);
        store(c51, alpha, beta, c, cOff + 5 * n + len);
    }

    /** Two rows of A' against two vectors of B's columns from {@code bCol}. */
    private static void rows2(int n, int k, float alpha, float[] a, int a0, int ars, int aps, float[] b, int bCol,
                              float beta, float[] c, int cOff) {
        int len = F.length();
        FloatVector z = FloatVector.zero(F);
        FloatVector c00 = z, c01 = z, c10 = z, c11 = z;
        int a1 = a0 + ars;
        for (int p = 0; p < k; p++) {
            int bo = p * n + bCol;
            FloatVector v0 = FloatVector.fromArray(F, b, bo);
            FloatVector v1 = FloatVector.fromArray(F, b, bo + len);
            FloatVector u = FloatVector.broadcast(F, a[a0 + p * aps]);
            c00 = u.fma(v0, c00);
            c01 = u.fma(v1, c01);
            u = FloatVector.broadcast(F, a[a1 + p * aps]);
            c10 = u.fma(v0, c10);
            c11 = u.fma(v1, c11);
        }
        store(c00, alpha, beta, c, cOff);
        store(c01, alpha, beta, c, cOff + len);
        store(c10, alpha, beta, c, cOff + n);
        store(c11, alpha, beta, c, cOff + n + len);
    }

    /** One row of A' against one vector of B's columns from {@code bCol}. */
    private static void rows1(int n, int k, float alpha, float[] a, int a0, int aps, float[] b, int bCol, float beta,
                              float[] c, int cOff) {
        FloatVector acc = FloatVector.zero(F);
        for (int p = 0; p < k; p++) {
            acc = FloatVector.broadcast(F, a[a0 + p * aps]).fma(FloatVector.fromArray(F, b, p * n + bCol), acc);
        }
        store(acc, alpha, beta, c, cOff);
    }

    private static void store(FloatVector sum, float alpha, float beta, float[] c, int at) {
        FloatVector out = sum.mul(alpha);
        if (beta != 0) {
            out = out.add(FloatVector.fromArray(F, c, at).mul(beta));
        }
        out.intoArray(c, at);
    }
}
