package org.plasticity.numeric;

import dev.ludovic.netlib.blas.BLAS;

/**
 * Row-major matrix products over flat arrays, delegated to netlib's BLAS facade (native OpenBLAS through JNI when
 * {@code libblas.so.3} is OpenBLAS, the Vector API or pure Java otherwise).
 *
 * <p>BLAS is column-major; a row-major {@code m x k} array is its column-major transpose, so {@code C = A B}
 * (row-major) is computed as {@code C^T = B^T A^T} (column-major) without copying.
 */
public final class Blas {
    private static final BLAS BLAS_INSTANCE = BLAS.getInstance();

    private Blas() {}

    /** @return the name of the BLAS backend in use (for provenance records and benchmarks). */
    public static String backend() {
        return BLAS_INSTANCE.getClass().getSimpleName();
    }

    /**
     * {@code C = alpha A B^T + beta C}, row-major: A is {@code m x k}, B is {@code n x k}, C is {@code m x n}.
     * This is the shape of a batched network step, {@code U = X J^T}. A and B not modified; C modified.
     */
    public static void gemmNT(int m, int n, int k, double alpha, double[] a, double[] b, double beta, double[] c) {
        BLAS_INSTANCE.dgemm("T", "N", n, m, k, alpha, b, k, a, k, beta, c, n);
    }

    /** Float twin of {@link #gemmNT(int, int, int, double, double[], double[], double, double[])}. */
    public static void gemmNT(int m, int n, int k, float alpha, float[] a, float[] b, float beta, float[] c) {
        BLAS_INSTANCE.sgemm("T", "N", n, m, k, alpha, b, k, a, k, beta, c, n);
    }

    /** {@code C = alpha A^T B + beta C}, row-major: A is {@code k x m}, B is {@code k x n}, C is {@code m x n}. */
    public static void gemmTN(int m, int n, int k, double alpha, double[] a, double[] b, double beta, double[] c) {
        BLAS_INSTANCE.dgemm("N", "T", n, m, k, alpha, b, n, a, m, beta, c, n);
    }

    /** Float twin of {@link #gemmTN(int, int, int, double, double[], double[], double, double[])}. */
    public static void gemmTN(int m, int n, int k, float alpha, float[] a, float[] b, float beta, float[] c) {
        BLAS_INSTANCE.sgemm("N", "T", n, m, k, alpha, b, n, a, m, beta, c, n);
    }

    /** {@code C = alpha A B + beta C}, row-major: A is {@code m x k}, B is {@code k x n}, C is {@code m x n}. */
    public static void gemm(int m, int n, int k, double alpha, double[] a, double[] b, double beta, double[] c) {
        BLAS_INSTANCE.dgemm("N", "N", n, m, k, alpha, b, n, a, k, beta, c, n);
    }

    /** Float twin of {@link #gemm(int, int, int, double, double[], double[], double, double[])}. */
    public static void gemm(int m, int n, int k, float alpha, float[] a, float[] b, float beta, float[] c) {
        BLAS_INSTANCE.sgemm("N", "N", n, m, k, alpha, b, n, a, k, beta, c, n);
    }

    /** {@code y = alpha A x + beta y}, row-major A of {@code m x n}, read from {@code a[aOff..]}. */
    public static void gemv(int m, int n, double alpha, double[] a, int aOff, double[] x, int xOff,
                            double beta, double[] y, int yOff) {
        BLAS_INSTANCE.dgemv("T", n, m, alpha, a, aOff, n, x, xOff, 1, beta, y, yOff, 1);
    }

    /** Float twin of {@link #gemv(int, int, double, double[], int, double[], int, double, double[], int)}. */
    public static void gemv(int m, int n, float alpha, float[] a, int aOff, float[] x, int xOff,
                            float beta, float[] y, int yOff) {
        BLAS_INSTANCE.sgemv("T", n, m, alpha, a, aOff, n, x, xOff, 1, beta, y, yOff, 1);
    }

    /** Rank-one update {@code A += alpha x y^T}, row-major A of {@code m x n} at {@code a[aOff..]}. */
    public static void ger(int m, int n, double alpha, double[] x, int xOff, double[] y, int yOff,
                           double[] a, int aOff) {
        BLAS_INSTANCE.dger(n, m, alpha, y, yOff, 1, x, xOff, 1, a, aOff, n);
    }

    /** @return {@code x . y} over {@code n} entries. */
    public static double dot(int n, double[] x, double[] y) {
        return BLAS_INSTANCE.ddot(n, x, 1, y, 1);
    }
}
