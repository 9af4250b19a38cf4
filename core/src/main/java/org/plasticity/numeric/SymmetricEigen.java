package org.plasticity.numeric;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Eigen-decomposition of a real symmetric matrix, {@code A = V diag(lambda) V^T}, by EJML's symmetric QR algorithm
 * (Householder tridiagonalisation, then implicit QR sweeps). EJML is pure Java and single-threaded, so the result is
 * the same bits on every run. Off the hot path: used for spectra, closed forms and reports.
 *
 * @param values  eigenvalues in ascending order
 * @param vectors row-major {@code n x n}; column {@code k} is the unit eigenvector of {@code values[k]}; null when
 *                only the values were asked for ({@link #values(int, double[])})
 */
public record SymmetricEigen(int n, double[] values, double[] vectors) {

    /** Decomposes the symmetric row-major {@code n x n} matrix {@code a} (not modified): values and vectors. */
    public static SymmetricEigen of(int n, double[] a) {
        return decompose(n, a, true);
    }

    /** The eigenvalues of the symmetric row-major {@code n x n} matrix {@code a} alone (about 3x cheaper). */
    public static SymmetricEigen values(int n, double[] a) {
        return decompose(n, a, false);
    }

    private static SymmetricEigen decompose(int n, double[] a, boolean withVectors) {
        if (a.length != n * n) {
            throw new IllegalArgumentException("matrix has " + a.length + " entries, not " + n + " x " + n);
        }
        for (double v : a) {
            if (!Double.isFinite(v)) {
                throw new ArithmeticException("eigen-decomposition of a matrix with a non-finite entry (" + v + ")");
            }
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, withVectors, true);
        if (!eig.decompose(DMatrixRMaj.wrap(n, n, a.clone()))) {
            throw new ArithmeticException("symmetric eigen-decomposition did not converge (n = " + n + ")");
        }
        Integer[] order = new Integer[n];
        double[] raw = new double[n];
        for (int k = 0; k < n; k++) {
            order[k] = k;
            raw[k] = eig.getEigenvalue(k).real;
        }
        // Ascending, ties by EJML's index: a total order, so the same input always gives the same layout.
        Arrays.sort(order, (p, q) -> raw[p] != raw[q] ? Double.compare(raw[p], raw[q]) : Integer.compare(p, q));
        double[] w = new double[n];
        double[] v = withVectors ? new double[n * n] : null;
        for (int k = 0; k < n; k++) {
            w[k] = raw[order[k]];
            if (withVectors) {
                DMatrixRMaj col = eig.getEigenVector(order[k]);
                for (int i = 0; i < n; i++) {
                    v[i * n + k] = col.data[i];
                }
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
    public double[] apply(DoubleUnaryOperator f) {
        if (vectors == null) {
            throw new IllegalStateException("eigenvectors were not computed; use SymmetricEigen.of");
        }
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
