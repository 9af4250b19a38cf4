package org.plasticity.numeric;

/**
 * Row-major matrix products over flat arrays, with a fixed summation order so that every result is the same bits on
 * every run, thread count, memory layout, vector width and machine with IEEE 754 arithmetic (see
 * {@code docs/reproducibility.md}).
 *
 * <p>Native BLAS (OpenBLAS) is not used: its level-2 kernels split sums across its own worker threads, whose number
 * depends on the environment and on concurrent callers, and its results differ from the pure-Java fallback a machine
 * without it would use. These kernels fix the order instead:
 * <ul>
 *   <li><b>Row-by-row products</b> ({@link #dot}, {@link #gemv}, {@link #gemmNT}, where both operands run along
 *       {@code k} contiguously): {@code W} interleaved partial sums ({@code W = 8} in double, 16 in float), partial
 *       {@code r} a fused multiply-add chain over {@code k = r, r + W, r + 2W, ...} in increasing order (the length
 *       padded with +0 entries to a multiple of W), then added pairwise in a fixed tree ({@code s_r + s_{r+W/2}}, halving until one is left).</li>
 *   <li><b>Broadcast products</b> ({@link #gemmTN}, {@link #gemm}, where the second operand runs along the output
 *       row): one fused multiply-add chain per entry over {@code k = 0, 1, ..., K-1}.</li>
 *   <li>Then {@code c = alpha s} (when {@code beta == 0}, {@code c} is not read, as in BLAS) or
 *       {@code c = alpha s + beta c}; {@link #ger} is {@code a_ij = fma(alpha x_i, y_j, a_ij)}.</li>
 * </ul>
 * The Vector API bodies ({@link VectorBlas}) compute exactly these sums lane by lane and the plain-Java bodies here
 * are their twins, so a JVM without {@code jdk.incubator.vector} gets the same numbers, only slower. Every kernel is
 * single-threaded: parallelism comes from independent trials, tasks and rules, never from splitting a sum.
 */
public final class Blas {
    /**
     * Interleaved partial sums of a double row-by-row product. Rows stored zero-padded to a multiple of it give the
     * same sums as unpadded rows (the order pads with +0), without the kernels' scalar tail.
     */
    public static final int DOUBLE_LANES = 8;
    /** Interleaved partial sums of a float row-by-row product; the same padding rule. */
    public static final int FLOAT_LANES = 16;

    private Blas() {}

    /** @return the name of the kernels in use (for provenance records and benchmarks). */
    public static String backend() {
        return EulerKernels.VECTORIZED ? "plasticity-vector" : "plasticity-java";
    }

    /**
     * {@code C = alpha A B^T + beta C}, row-major: A is {@code m x k}, B is {@code n x k}, C is {@code m x n}.
     * This is the shape of a batched network step, {@code U = X J^T}. A and B not modified; C modified.
     */
    public static void gemmNT(int m, int n, int k, double alpha, double[] a, double[] b, double beta, double[] c) {
        if (EulerKernels.VECTORIZED) {
            VectorBlas.gemmNT(m, n, k, alpha, a, b, beta, c);
            return;
        }
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                c[i * n + j] = scale(alpha, dot(k, a, i * k, b, j * k), beta, c[i * n + j]);
            }
        }
    }

    /** Float twin of {@link #gemmNT(int, int, int, double, double[], double[], double, double[])}. */
    public static void gemmNT(int m, int n, int k, float alpha, float[] a, float[] b, float beta, float[] c) {
        if (EulerKernels.VECTORIZED) {
            VectorFloatRows.gemmNT(m, n, k, alpha, a, b, beta, c);
            return;
        }
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                c[i * n + j] = scale(alpha, dot(k, a, i * k, b, j * k), beta, c[i * n + j]);
            }
        }
    }

    /** {@code C = alpha A^T B + beta C}, row-major: A is {@code k x m}, B is {@code k x n}, C is {@code m x n}. */
    public static void gemmTN(int m, int n, int k, double alpha, double[] a, double[] b, double beta, double[] c) {
        broadcast(m, n, k, alpha, a, 1, m, b, beta, c);
    }

    /** Float twin of {@link #gemmTN(int, int, int, double, double[], double[], double, double[])}. */
    public static void gemmTN(int m, int n, int k, float alpha, float[] a, float[] b, float beta, float[] c) {
        broadcast(m, n, k, alpha, a, 1, m, b, beta, c);
    }

    /** {@code C = alpha A B + beta C}, row-major: A is {@code m x k}, B is {@code k x n}, C is {@code m x n}. */
    public static void gemm(int m, int n, int k, double alpha, double[] a, double[] b, double beta, double[] c) {
        broadcast(m, n, k, alpha, a, k, 1, b, beta, c);
    }

    /** Float twin of {@link #gemm(int, int, int, double, double[], double[], double, double[])}. */
    public static void gemm(int m, int n, int k, float alpha, float[] a, float[] b, float beta, float[] c) {
        broadcast(m, n, k, alpha, a, k, 1, b, beta, c);
    }

    /** {@code y = alpha A x + beta y}, row-major A of {@code m x n}, read from {@code a[aOff..]}. */
    public static void gemv(int m, int n, double alpha, double[] a, int aOff, double[] x, int xOff,
                            double beta, double[] y, int yOff) {
        if (EulerKernels.VECTORIZED) {
            VectorBlas.rows(m, n, alpha, a, aOff, x, xOff, beta, y, yOff);
            return;
        }
        for (int i = 0; i < m; i++) {
            y[yOff + i] = scale(alpha, dot(n, a, aOff + i * n, x, xOff), beta, y[yOff + i]);
        }
    }

    /** Float twin of {@link #gemv(int, int, double, double[], int, double[], int, double, double[], int)}. */
    public static void gemv(int m, int n, float alpha, float[] a, int aOff, float[] x, int xOff,
                            float beta, float[] y, int yOff) {
        for (int i = 0; i < m; i++) {
            y[yOff + i] = scale(alpha, dot(n, a, aOff + i * n, x, xOff), beta, y[yOff + i]);
        }
    }

    /** Rank-one update {@code A += alpha x y^T}, row-major A of {@code m x n} at {@code a[aOff..]}. */
    public static void ger(int m, int n, double alpha, double[] x, int xOff, double[] y, int yOff,
                           double[] a, int aOff) {
        for (int i = 0; i < m; i++) {
            double ax = alpha * x[xOff + i];
            int row = aOff + i * n;
            int j = EulerKernels.VECTORIZED ? VectorBlas.axpy(n, ax, y, yOff, a, row) : 0;
            for (; j < n; j++) {
                a[row + j] = Math.fma(ax, y[yOff + j], a[row + j]);
            }
        }
    }

    /** @return {@code x . y} over {@code n} entries. */
    public static double dot(int n, double[] x, double[] y) {
        return dot(n, x, 0, y, 0);
    }

    /** @return {@code x[xOff..] . y[yOff..]} over {@code n} entries, in the interleaved order of the class comment. */
    static double dot(int n, double[] x, int xOff, double[] y, int yOff) {
        if (EulerKernels.VECTORIZED) {
            return VectorBlas.dot(n, x, xOff, y, yOff);
        }
        double[] s = new double[DOUBLE_LANES];
        for (int p = 0; p < n; p++) {
            s[p % DOUBLE_LANES] = Math.fma(x[xOff + p], y[yOff + p], s[p % DOUBLE_LANES]);
        }
        return pairwise(padded(s, n));
    }

    static float dot(int n, float[] x, int xOff, float[] y, int yOff) {
        if (EulerKernels.VECTORIZED) {
            return VectorFloatRows.dot(n, x, xOff, y, yOff);
        }
        float[] s = new float[FLOAT_LANES];
        for (int p = 0; p < n; p++) {
            s[p % FLOAT_LANES] = Math.fma(x[xOff + p], y[yOff + p], s[p % FLOAT_LANES]);
        }
        return pairwise(padded(s, n));
    }

    /**
     * The zero padding of a length-{@code n} product to a multiple of {@code W}: the lanes past the last entry get
     * {@code fma(+0, +0, s) = s + 0}, which turns a partial of -0 into +0 and leaves every other value alone.
     */
    static double[] padded(double[] s, int n) {
        if (n % s.length != 0) {
            for (int r = n % s.length; r < s.length; r++) {
                s[r] += 0.0;
            }
        }
        return s;
    }

    static float[] padded(float[] s, int n) {
        if (n % s.length != 0) {
            for (int r = n % s.length; r < s.length; r++) {
                s[r] += 0.0f;
            }
        }
        return s;
    }

    /** Sums the partials in the fixed tree {@code s_r += s_{r+w}} for {@code w = W/2, W/4, ..., 1}; destroys s. */
    static double pairwise(double[] s) {
        for (int w = s.length / 2; w >= 1; w /= 2) {
            for (int r = 0; r < w; r++) {
                s[r] += s[r + w];
            }
        }
        return s[0];
    }

    static float pairwise(float[] s) {
        for (int w = s.length / 2; w >= 1; w /= 2) {
            for (int r = 0; r < w; r++) {
                s[r] += s[r + w];
            }
        }
        return s[0];
    }

    static double scale(double alpha, double sum, double beta, double c) {
        return beta == 0 ? alpha * sum : alpha * sum + beta * c;
    }

    static float scale(float alpha, float sum, float beta, float c) {
        return beta == 0 ? alpha * sum : alpha * sum + beta * c;
    }

    /**
     * {@code C = alpha A' B + beta C} where {@code A'_ip = a[i * ars + p * aps]} ({@code m x k}) and B is row-major
     * {@code k x n}: each entry one fused multiply-add chain over p.
     */
    private static void broadcast(int m, int n, int k, double alpha, double[] a, int ars, int aps, double[] b,
                                  double beta, double[] c) {
        int i = EulerKernels.VECTORIZED ? VectorBlas.broadcast(m, n, k, alpha, a, ars, aps, b, beta, c) : 0;
        for (; i < m; i++) {
            for (int j = 0; j < n; j++) {
                c[i * n + j] = scale(alpha, chain(k, a, i * ars, aps, b, j, n), beta, c[i * n + j]);
            }
        }
    }

    private static void broadcast(int m, int n, int k, float alpha, float[] a, int ars, int aps, float[] b,
                                  float beta, float[] c) {
        int i = EulerKernels.VECTORIZED ? VectorFloatBroadcast.broadcast(m, n, k, alpha, a, ars, aps, b, beta, c) : 0;
        for (; i < m; i++) {
            for (int j = 0; j < n; j++) {
                c[i * n + j] = scale(alpha, chain(k, a, i * ars, aps, b, j, n), beta, c[i * n + j]);
            }
        }
    }

    /** One entry of a broadcast product: {@code sum_p a[aOff + p aps] b[bOff + p n]}, a plain fma chain. */
    static double chain(int k, double[] a, int aOff, int aps, double[] b, int bOff, int n) {
        double s = 0;
        for (int p = 0; p < k; p++) {
            s = Math.fma(a[aOff + p * aps], b[bOff + p * n], s);
        }
        return s;
    }

    static float chain(int k, float[] a, int aOff, int aps, float[] b, int bOff, int n) {
        float s = 0;
        for (int p = 0; p < k; p++) {
            s = Math.fma(a[aOff + p * aps], b[bOff + p * n], s);
        }
        return s;
    }
}
