package org.plasticity.learnability;

import org.plasticity.numeric.Blas;

/** Centring and cross-products of a {@code samples x neurons} matrix, the products through {@link Blas}. */
final class Covariances {
    /**
     * Samples per pass of {@link #gram}: 256 x 100 doubles (200 KiB) stay in a core's L2 cache while the product
     * passes over them once per block of outputs. One pass over a long recording instead streams it from memory
     * hundreds of times, which made a bootstrap resample of 20000 x 100 several times slower.
     */
    static final int CHUNK = 256;

    private Covariances() {}

    /** @return a copy of {@code x} ({@code rows x cols}) with each column's mean taken off. */
    static double[] centred(double[] x, int rows, int cols) {
        double[] c = x.clone();
        centreInPlace(c, rows, cols);
        return c;
    }

    /** Takes each column's mean off {@code x} ({@code rows x cols}), in place. */
    static void centreInPlace(double[] x, int rows, int cols) {
        double[] mean = new double[cols];
        for (int t = 0; t < rows; t++) {
            for (int i = 0; i < cols; i++) {
                mean[i] += x[t * cols + i];
            }
        }
        for (int i = 0; i < cols; i++) {
            mean[i] /= rows;
        }
        for (int t = 0; t < rows; t++) {
            for (int i = 0; i < cols; i++) {
                x[t * cols + i] -= mean[i];
            }
        }
    }

    /**
     * @return {@code alpha X^T X}, {@code cols x cols} row-major, for {@code X} of {@code rows x cols}: the sum over
     *     consecutive chunks of {@link #CHUNK} rows of {@code alpha X_c^T X_c}, added in chunk order (a fixed order,
     *     so the same bits on every run)
     */
    static double[] gram(double[] x, int rows, int cols, double alpha) {
        double[] g = new double[cols * cols];
        if (rows <= CHUNK) {
            Blas.gemmTN(cols, cols, rows, alpha, x, x, 0.0, g);
            return g;
        }
        double[] chunk = new double[CHUNK * cols];
        for (int from = 0; from < rows; from += CHUNK) {
            int n = Math.min(CHUNK, rows - from);
            double[] part = n == CHUNK ? chunk : new double[n * cols];
            System.arraycopy(x, from * cols, part, 0, n * cols);
            Blas.gemmTN(cols, cols, n, alpha, part, part, from == 0 ? 0.0 : 1.0, g);
        }
        return g;
    }

    /** @return the trace of the {@code n x n} matrix {@code a}. */
    static double trace(double[] a, int n) {
        double t = 0;
        for (int i = 0; i < n; i++) {
            t += a[i * n + i];
        }
        return t;
    }
}
