package org.plasticity.numeric;

import dev.ludovic.netlib.lapack.LAPACK;
import org.netlib.util.intW;

/**
 * Eigen-decomposition of a real symmetric matrix, {@code A = V diag(lambda) V^T}, by LAPACK {@code dsyev} through
 * netlib's facade. Off the hot path: used for spectra, closed forms and reports.
 *
 * @param values  eigenvalues in ascending order
 * @param vectors row-major {@code n x n}; column {@code k} is the unit eigenvector of {@code values[k]}
 */
public record SymmetricEigen(int n, double[] values, double[] vectors) {

    /** Decomposes the symmetric row-major {@code n x n} matrix {@code a} (not modified). */
    public static SymmetricEigen of(int n, double[] a) {
        // Row-major and column-major views of a symmetric matrix coincide; dsyev overwrites its input with the
        // eigenvectors as columns (column-major), so the result is transposed back to row-major.
        double[] work = a.clone();
        double[] w = new double[n];
        intW info = new intW(0);
        double[] query = new double[1];
        LAPACK.getInstance().dsyev("V", "U", n, work, n, w, query, -1, info);
        double[] buf = new double[Math.max(1, (int) query[0])];
        LAPACK.getInstance().dsyev("V", "U", n, work, n, w, buf, buf.length, info);
        if (info.val != 0) {
            throw new ArithmeticException("dsyev did not converge (info = " + info.val + ")");
        }
        double[] v = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                v[i * n + k] = work[k * n + i];
            }
        }
        return new SymmetricEigen(n, w, v);
    }

    /** @return the largest eigenvalue. */
    public double max() {
        return values[n - 1];
    }

    /** @return the smallest eigenvalue. */
    public double min() {
        return values[0];
    }

    /** @return {@code V diag(f(lambda)) V^T}, row-major: a spectral function of the matrix. */
    public double[] apply(java.util.function.DoubleUnaryOperator f) {
        double[] scaled = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                scaled[i * n + k] = vectors[i * n + k] * f.applyAsDouble(values[k]);
            }
        }
        double[] out = new double[n * n];
        // out = (V diag f) V^T
        Blas.gemmNT(n, n, n, 1.0, scaled, vectors, 0.0, out);
        return out;
    }
}
