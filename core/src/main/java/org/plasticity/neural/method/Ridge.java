package org.plasticity.neural.method;

import org.plasticity.numeric.Blas;
import org.plasticity.numeric.SymmetricEigen;

/**
 * Ridge regression with an intercept and the penalty chosen by efficient leave-one-out cross-validation, as
 * scikit-learn's {@code RidgeCV(alphas=grid, fit_intercept=True)} computes it at its defaults: one alpha for all
 * targets, the one with the smallest mean squared leave-one-out error over every stimulus and target (the first in
 * grid order on a tie). The default grid is Brain-Score's {@code ridge_cv}: 100 values log-spaced from 1e-2 to 1e7.
 *
 * <p>With X and Y centred ({@code X_c}, {@code Y_c}; the intercept is not penalised) and the eigen-decomposition of the
 * Gram matrix on the smaller side, {@code X_c X_c^T = E diag(lambda) E^T} when {@code n <= p}, or {@code X_c^T X_c =
 * V diag(lambda) V^T} with {@code E = X_c V diag(lambda)^-1/2} when {@code n > p} (E: the left singular vectors of
 * {@code X_c}, lambda: the squared singular values), the hat matrix of the centred fit is
 * {@code H = E diag(g) E^T}, {@code g_j = lambda_j / (lambda_j + alpha)}, and with the intercept
 * {@code H_full = 1 1^T / n + H}. The leave-one-out residual of stimulus i (the usual identity for linear smoothers) is
 * <pre>
 *   e_i = ((I - H) Y_c)_i / (1 - 1/n - sum_j E_ij^2 g_j),
 * </pre>
 * for every alpha at the cost of one {@code n x r x q} product ({@code r} the number of eigenvectors), not a refit.
 * The chosen alpha's coefficients are {@code B = X_c^T E diag(1 / (lambda + alpha)) E^T Y_c}, the intercept
 * {@code mean_Y - mean_X B}. Eigenvalues below {@code r eps lambda_max} are treated as zero (their directions are
 * rounding); scikit-learn decomposes X itself (an SVD) when {@code n > p}, which resolves singular values down to
 * {@code eps sigma_max} rather than {@code sqrt(eps) sigma_max}; on data that is not that ill-conditioned the two
 * agree to rounding.
 *
 * <p>Cost: {@code min(n, p)^2 max(n, p)} for the Gram matrix, {@code O(min(n, p)^3)} for its eigenvectors (pure
 * Java, single-threaded: seconds at 1000, minutes at 3000), then {@code n r q} per alpha.
 */
public final class Ridge implements Regression {
    private final double[] alphas;

    /** Ridge with Brain-Score's grid, {@link #defaultAlphas()}. */
    public Ridge() {
        this(defaultAlphas());
    }

    /** @param alphas the penalties to choose from, each positive and finite (copied) */
    public Ridge(double[] alphas) {
        if (alphas.length == 0) {
            throw new IllegalArgumentException("ridge needs at least one alpha");
        }
        for (double a : alphas) {
            if (!(a > 0) || Double.isInfinite(a)) {
                throw new IllegalArgumentException("ridge alphas must be positive and finite, got " + a);
            }
        }
        this.alphas = alphas.clone();
    }

    /** @return {@code 10^(-2 + 9 i / 99)}, {@code i = 0..99}: numpy's {@code logspace(-2, 7, 100)} up to rounding. */
    public static double[] defaultAlphas() {
        double[] a = new double[100];
        for (int i = 0; i < a.length; i++) {
            a[i] = Math.pow(10, -2 + 9.0 * i / 99);
        }
        return a;
    }

    /** @return the grid the penalty is chosen from. */
    public double[] alphas() {
        return alphas.clone();
    }

    @Override
    public Model fit(double[] x, double[] y, int n, int p, int q) {
        Dense.checkShape(x, y, n, p, q);
        double[] xMean = Dense.columnMeans(x, n, p);
        double[] yMean = Dense.columnMeans(y, n, q);
        double[] xc = Dense.centred(x, n, p, xMean);
        double[] yc = Dense.centred(y, n, q, yMean);
        Basis e = basis(xc, n, p);
        int r = e.lambda.length;
        double[] ety = new double[r * q];
        Blas.gemmTN(r, q, n, 1.0, e.vectors, yc, 0.0, ety); // E^T Y_c
        double best = Double.POSITIVE_INFINITY;
        int bestIndex = 0;
        for (int a = 0; a < alphas.length; a++) {
            double loss = looError(e, ety, yc, n, q, alphas[a]);
            if (loss < best) {
                best = loss;
                bestIndex = a;
            }
        }
        double alpha = alphas[bestIndex];
        double[] z = new double[r * q];
        for (int j = 0; j < r; j++) {
            double h = e.kept(j) ? 1 / (e.lambda[j] + alpha) : 0;
            for (int c = 0; c < q; c++) {
                z[j * q + c] = h * ety[j * q + c];
            }
        }
        double[] dual = new double[n * q];
        Blas.gemm(n, q, r, 1.0, e.vectors, z, 0.0, dual);
        double[] coef = new double[p * q];
        Blas.gemmTN(p, q, n, 1.0, xc, dual, 0.0, coef);
        double[] intercept = yMean.clone();
        for (int j = 0; j < p; j++) {
            for (int c = 0; c < q; c++) {
                intercept[c] -= xMean[j] * coef[j * q + c];
            }
        }
        return new Model(p, q, alpha, best, coef, intercept);
    }

    /** Mean over stimuli and targets of the squared leave-one-out residual at {@code alpha}. */
    private static double looError(Basis e, double[] ety, double[] yc, int n, int q, double alpha) {
        int r = e.lambda.length;
        double[] g = new double[r];
        for (int j = 0; j < r; j++) {
            g[j] = e.kept(j) ? e.lambda[j] / (e.lambda[j] + alpha) : 0;
        }
        double[] diag = new double[n];
        Blas.gemv(n, r, -1.0, e.squares, 0, g, 0, 0.0, diag, 0);
        double[] z = new double[r * q];
        for (int j = 0; j < r; j++) {
            for (int c = 0; c < q; c++) {
                z[j * q + c] = g[j] * ety[j * q + c];
            }
        }
        double[] fitted = new double[n * q];
        Blas.gemm(n, q, r, 1.0, e.vectors, z, 0.0, fitted);
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double d = 1 - 1.0 / n + diag[i];
            for (int c = 0; c < q; c++) {
                double res = (yc[i * q + c] - fitted[i * q + c]) / d;
                sum += res * res;
            }
        }
        return sum / ((double) n * q);
    }

    /**
     * The left singular vectors of the centred X, {@code n x r} row-major, their entries squared, and the squared
     * singular values; {@code cut}: eigenvalues at or below it are rounding.
     */
    private record Basis(double[] vectors, double[] squares, double[] lambda, double cut) {
        boolean kept(int j) {
            return lambda[j] > cut;
        }
    }

    private static Basis basis(double[] xc, int n, int p) {
        double[] vectors;
        double[] lambda;
        if (n <= p) {
            double[] gram = new double[n * n];
            Blas.gemmNT(n, n, p, 1.0, xc, xc, 0.0, gram); // X_c X_c^T
            SymmetricEigen eig = SymmetricEigen.of(n, gram);
            vectors = eig.vectors();
            lambda = eig.values();
        } else {
            double[] xt = new double[p * n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < p; j++) {
                    xt[j * n + i] = xc[i * p + j];
                }
            }
            double[] cov = new double[p * p];
            Blas.gemmNT(p, p, n, 1.0, xt, xt, 0.0, cov); // X_c^T X_c
            SymmetricEigen eig = SymmetricEigen.of(p, cov);
            lambda = eig.values();
            vectors = new double[n * p];
            Blas.gemm(n, p, p, 1.0, xc, eig.vectors(), 0.0, vectors); // X_c V, then columns scaled to unit length
            for (int j = 0; j < p; j++) {
                double s = lambda[j] > 0 ? 1 / Math.sqrt(lambda[j]) : 0;
                for (int i = 0; i < n; i++) {
                    vectors[i * p + j] *= s;
                }
            }
        }
        int r = lambda.length;
        double cut = r * Math.ulp(1.0) * Math.max(0, lambda[r - 1]);
        double[] squares = new double[vectors.length];
        for (int i = 0; i < vectors.length; i++) {
            squares[i] = vectors[i] * vectors[i];
        }
        return new Basis(vectors, squares, lambda, cut);
    }

    @Override
    public String toString() {
        return "ridge(" + alphas.length + " alphas)";
    }

    /** A fitted ridge model: {@code predict(X) = X coef + intercept}. */
    public static final class Model implements Fitted {
        private final int p;
        private final int q;
        private final double alpha;
        private final double looError;
        private final double[] coef;
        private final double[] intercept;

        private Model(int p, int q, double alpha, double looError, double[] coef, double[] intercept) {
            this.p = p;
            this.q = q;
            this.alpha = alpha;
            this.looError = looError;
            this.coef = coef;
            this.intercept = intercept;
        }

        /** @return the chosen penalty (scikit-learn's {@code alpha_}). */
        public double alpha() {
            return alpha;
        }

        /** @return its mean squared leave-one-out error (scikit-learn's {@code -best_score_}). */
        public double looError() {
            return looError;
        }

        /** @return the coefficients, {@code p x q} row-major (scikit-learn's {@code coef_} transposed). */
        public double[] coef() {
            return coef.clone();
        }

        /** @return the intercept per target. */
        public double[] intercept() {
            return intercept.clone();
        }

        @Override
        public double[] predict(double[] x, int rows) {
            if ((long) rows * p != x.length) {
                throw new IllegalArgumentException(x.length + " inputs are not " + rows + " rows of " + p);
            }
            double[] out = new double[rows * q];
            Blas.gemm(rows, q, p, 1.0, x, coef, 0.0, out);
            for (int i = 0; i < rows; i++) {
                for (int c = 0; c < q; c++) {
                    out[i * q + c] += intercept[c];
                }
            }
            return out;
        }
    }
}
