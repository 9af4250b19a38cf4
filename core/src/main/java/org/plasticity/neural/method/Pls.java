package org.plasticity.neural.method;

import java.util.Arrays;
import org.plasticity.numeric.Blas;
import org.plasticity.numeric.SymmetricEigen;

/**
 * PLS2 regression as scikit-learn's {@code PLSRegression(n_components=k, scale=False)} computes it (Wegelin 2000,
 * section 2.1, "PLS2"; regression-mode deflation), Brain-Score's default mapping with k = 25.
 *
 * <p>X ({@code n x p}) and Y ({@code n x q}) are centred (not scaled). For component {@code k = 1, 2, ...} with the
 * deflated {@code X_k}, {@code Y_k} ({@code X_1, Y_1} the centred data):
 * <pre>
 *   w_k = the dominant left singular vector of X_k^T Y_k (unit length; its largest |entry| made positive)
 *   t_k = X_k w_k                          (x score)
 *   p_k = X_k^T t_k / (t_k^T t_k)          (x loading)
 *   c_k = Y_k^T t_k / (t_k^T t_k)          (y loading)
 *   X_{k+1} = X_k - t_k p_k^T,   Y_{k+1} = Y_k - t_k c_k^T
 * </pre>
 * and then {@code coef = W (P^T W)^-1 C^T} ({@code p x q}), {@code predict(X) = (X - mean_X) coef + mean_Y}.
 * scikit-learn finds {@code w_k} by NIPALS, a power iteration stopped at a tolerance (1e-6 on the squared change of
 * {@code w} by default); here it is computed exactly, so this class gives the solution NIPALS converges to:
 * <ul>
 *   <li>{@code M = X^T Y} ({@code p x q}) is formed once with {@link Blas}. Deflation changes it by a rank-one
 *       term, {@code M_{k+1} = X_{k+1}^T Y_{k+1} = M_k - (t_k^T t_k) p_k c_k^T} (expand the product and use
 *       {@code X_k^T t_k = (t_k^T t_k) p_k}), so it is never re-formed from X.</li>
 *   <li>{@code w_k} is the dominant eigenvector of {@code M M^T} ({@code p x p}) when {@code p < q}, and otherwise
 *       {@code M v / |M v|} with {@code v} the dominant eigenvector of {@code M^T M} ({@code q x q}): an exact
 *       symmetric eigensolver ({@link SymmetricEigen}, the QR algorithm) on the smaller side.</li>
 *   <li>X is deflated implicitly: {@code t_k = X w_k - sum_{j<k} t_j (p_j^T w_k)} row by row, and in the same pass
 *       over each row {@code X^T t_k} is accumulated, then {@code X_k^T t_k = X^T t_k - sum_{j<k} p_j (t_j^T t_k)};
 *       one pass over X per component. Y likewise: {@code Y_k^T t_k = Y^T t_k - sum_{j<k} c_j (t_j^T t_k)}.</li>
 * </ul>
 * The number of components is capped at {@code min(k, n - 1, p)}, the most the centred X can have (scikit-learn
 * raises an error above p; above the rank it stops only once Y is fully explained, and otherwise fits components to
 * rounding noise: predictions of 1e14 for 6 components of a rank-4 X). Fitting stops early, with fewer components,
 * when a score vanishes ({@code |t_k| <= 1e-12 |X|_F}: X is exhausted) or when nothing is left to explain ({@code
 * sigma_1(M_k) <= 1e-14 sigma_1(M_1)}; scikit-learn stops with the warning "Y residual is constant"). Both leave the
 * predictions unchanged up to rounding, since such a component adds nothing to {@code coef}.
 *
 * <p>Cost: {@code n p q} for M, then per component one pass over X ({@code 2 n p}), {@code p s^2} for the Gram matrix
 * and {@code O(s^3)} for its eigenvectors, {@code s = min(p, q)}. Memory: a centred copy of X.
 */
public final class Pls implements Regression {
    /** Brain-Score's default number of components. */
    public static final int DEFAULT_COMPONENTS = 25;
    /** A score with {@code |t| <= SCORE_TOLERANCE |X_c|_F} is numerically zero: X has no direction left. */
    static final double SCORE_TOLERANCE = 1e-12;
    /** {@code sigma_1(X_k^T Y_k) <= CROSS_TOLERANCE sigma_1(X^T Y)}: nothing left to explain. */
    static final double CROSS_TOLERANCE = 1e-14;
    /** Rows of X per block of the score pass (the 8-row kernel of {@link Blas#gemv}). */
    private static final int ROWS = 8;

    private final int components;

    /** @param components the number of PLS components (at least 1; capped at the rank bound when fitting) */
    public Pls(int components) {
        if (components < 1) {
            throw new IllegalArgumentException("PLS needs at least one component, got " + components);
        }
        this.components = components;
    }

    /** @return the number of components asked for. */
    public int components() {
        return components;
    }

    @Override
    public Model fit(double[] x, double[] y, int n, int p, int q) {
        Dense.checkShape(x, y, n, p, q);
        double[] xMean = Dense.columnMeans(x, n, p);
        double[] yMean = Dense.columnMeans(y, n, q);
        double[] xc = Dense.centred(x, n, p, xMean);
        double[] yt = Dense.centredTransposed(y, n, q, yMean);
        Deflation d = new Deflation(xc, yt, n, p, q, Math.min(components, Math.min(n - 1, p)));
        d.run();
        return d.model(xMean, yMean);
    }

    @Override
    public String toString() {
        return "pls(" + components + ")";
    }

    /** A fitted PLS2 model: {@code predict(X) = (X - mean_X) W B + mean_Y} with {@code B = (P^T W)^-1 C^T}. */
    public static final class Model implements Fitted {
        private final int p;
        private final int q;
        private final int k;
        private final double[] xMean;
        private final double[] yMean;
        private final double[] weights;
        private final double[] b;

        private Model(int p, int q, int k, double[] xMean, double[] yMean, double[] weights, double[] b) {
            this.p = p;
            this.q = q;
            this.k = k;
            this.xMean = xMean;
            this.yMean = yMean;
            this.weights = weights;
            this.b = b;
        }

        /** @return the number of components fitted (fewer than asked for when fitting stopped early). */
        public int components() {
            return k;
        }

        /** @return scikit-learn's {@code x_weights_} transposed: {@code k x p} row-major, row j = {@code w_j}. */
        public double[] weights() {
            return weights.clone();
        }

        /**
         * @return the coefficients {@code W (P^T W)^-1 C^T}, {@code p x q} row-major (scikit-learn's {@code
         *         coef_} in its 1.1+ layout transposed: {@code x_rotations_ @ y_loadings_.T}); they act on centred X
         */
        public double[] coef() {
            double[] coef = new double[p * q];
            if (k > 0) {
                Blas.gemmTN(p, q, k, 1.0, weights, b, 0.0, coef);
            }
            return coef;
        }

        @Override
        public double[] predict(double[] x, int rows) {
            if ((long) rows * p != x.length) {
                throw new IllegalArgumentException(x.length + " inputs are not " + rows + " rows of " + p);
            }
            double[] out = new double[rows * q];
            if (k > 0) {
                double[] u = new double[rows * k];
                Blas.gemmNT(rows, k, p, 1.0, Dense.centred(x, rows, p, xMean), weights, 0.0, u);
                Blas.gemm(rows, q, k, 1.0, u, b, 0.0, out);
            }
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < q; j++) {
                    out[i * q + j] += yMean[j];
                }
            }
            return out;
        }
    }

    /** The component loop's state: centred X, centred Y^T, M^T and the components found so far. */
    private static final class Deflation {
        private final double[] xc;
        private final double[] yt;
        private final int n;
        private final int p;
        private final int q;
        private final int kMax;
        private final double[] mt;
        private final double[] w;
        private final double[] loadings;
        private final double[] yLoadings;
        private final double[] scores;
        private int k;

        Deflation(double[] xc, double[] yt, int n, int p, int q, int kMax) {
            this.xc = xc;
            this.yt = yt;
            this.n = n;
            this.p = p;
            this.q = q;
            this.kMax = kMax;
            this.mt = Dense.crossProduct(xc, yt, n, p, q);
            this.w = new double[kMax * p];
            this.loadings = new double[kMax * p];
            this.yLoadings = new double[kMax * q];
            this.scores = new double[n * kMax];
        }

        void run() {
            double xNorm2 = Dense.sumSquares(xc);
            double lambda1 = 0;
            double[] t = new double[n];
            double[] acc = new double[p];
            double[] e = new double[kMax];
            for (k = 0; k < kMax; k++) {
                double lambda = dominant(w, k * p);
                lambda1 = k == 0 ? lambda : lambda1;
                if (!(lambda > CROSS_TOLERANCE * CROSS_TOLERANCE * lambda1)) {
                    return; // also when X^T Y = 0 from the start
                }
                double tt = score(t, acc);
                if (!(tt > SCORE_TOLERANCE * SCORE_TOLERANCE * xNorm2)) {
                    return;
                }
                for (int j = 0; j < k; j++) {
                    double s = 0;
                    for (int i = 0; i < n; i++) {
                        s += scores[i * kMax + j] * t[i];
                    }
                    e[j] = s;
                }
                // p_k = (X^T t - sum_j p_j (t_j^T t)) / t^T t, and c_k likewise from Y^T t
                double[] one = {1.0};
                for (int j = 0; j < k; j++) {
                    Blas.ger(1, p, -e[j], one, 0, loadings, j * p, acc, 0);
                }
                double[] ct = new double[q];
                Blas.gemv(q, n, 1.0, yt, 0, t, 0, 0.0, ct, 0);
                for (int j = 0; j < k; j++) {
                    Blas.ger(1, q, -e[j], one, 0, yLoadings, j * q, ct, 0);
                }
                for (int c = 0; c < p; c++) {
                    loadings[k * p + c] = acc[c] / tt;
                }
                for (int c = 0; c < q; c++) {
                    yLoadings[k * q + c] = ct[c] / tt;
                }
                for (int i = 0; i < n; i++) {
                    scores[i * kMax + k] = t[i];
                }
                // M^T_{k+1} = M^T_k - (t^T t) c_k p_k^T
                Blas.ger(q, p, -tt, yLoadings, k * q, loadings, k * p, mt, 0);
            }
        }

        /**
         * Writes the dominant left singular vector of {@code M_k} (sign fixed as scikit-learn's {@code
         * _svd_flip_1d}: the entry of largest magnitude positive) to {@code out[off..off+p)}.
         *
         * @return its squared singular value, the largest eigenvalue of the Gram matrix
         */
        private double dominant(double[] out, int off) {
            int s = Math.min(p, q);
            double[] g = new double[s * s];
            if (q <= p) {
                Blas.gemmNT(q, q, p, 1.0, mt, mt, 0.0, g); // M^T M
            } else {
                Blas.gemmTN(p, p, q, 1.0, mt, mt, 0.0, g); // M M^T
            }
            // The QR algorithm's vectors (orthogonal transformations) leave residuals well below eps |G| here;
            // inverse iteration on the largest eigenvalue was twice as fast but 100x less accurate on the benchmark.
            SymmetricEigen eig = SymmetricEigen.of(s, g);
            double lambda = eig.max();
            if (!(lambda > 0)) {
                return 0;
            }
            double[] v = new double[s];
            for (int i = 0; i < s; i++) {
                v[i] = eig.vectors()[i * s + s - 1];
            }
            if (q <= p) { // w = M v / |M v|, M v = sum_i v_i (row i of M^T)
                double[] one = {1.0};
                double[] mv = new double[p];
                for (int i = 0; i < q; i++) {
                    Blas.ger(1, p, v[i], one, 0, mt, i * p, mv, 0);
                }
                double norm = Math.sqrt(Dense.sumSquares(mv));
                if (!(norm > 0)) {
                    return 0;
                }
                for (int j = 0; j < p; j++) {
                    out[off + j] = mv[j] / norm;
                }
            } else {
                System.arraycopy(v, 0, out, off, p);
            }
            int big = 0;
            for (int j = 1; j < p; j++) {
                big = Math.abs(out[off + j]) > Math.abs(out[off + big]) ? j : big;
            }
            if (out[off + big] < 0) {
                for (int j = 0; j < p; j++) {
                    out[off + j] = -out[off + j];
                }
            }
            return lambda;
        }

        /**
         * {@code t = X_k w_k} (implicitly deflated) into {@code t}, and {@code X^T t} into {@code acc}, in one pass
         * over the rows of X.
         *
         * @return {@code t^T t}
         */
        private double score(double[] t, double[] acc) {
            double[] d = new double[Math.max(1, k)];
            if (k > 0) {
                Blas.gemv(k, p, 1.0, loadings, 0, w, k * p, 0.0, d, 0); // d_j = p_j^T w_k
            }
            Arrays.fill(acc, 0.0);
            double tt = 0;
            // Blocks of ROWS rows: their X w in one product, then X^T t from the same rows while they are in cache.
            for (int i0 = 0; i0 < n; i0 += ROWS) {
                int rows = Math.min(ROWS, n - i0);
                Blas.gemv(rows, p, 1.0, xc, i0 * p, w, k * p, 0.0, t, i0);
                for (int i = i0; i < i0 + rows; i++) {
                    for (int j = 0; j < k; j++) {
                        t[i] -= scores[i * kMax + j] * d[j];
                    }
                    tt += t[i] * t[i];
                }
                for (int i = i0; i < i0 + rows; i++) {
                    Blas.ger(1, p, 1.0, t, i, xc, i * p, acc, 0);
                }
            }
            return tt;
        }

        Model model(double[] xMean, double[] yMean) {
            double[] wk = Arrays.copyOf(w, k * p);
            double[] b = new double[0];
            if (k > 0) {
                double[] ptw = new double[k * k];
                Blas.gemmNT(k, k, p, 1.0, Arrays.copyOf(loadings, k * p), wk, 0.0, ptw); // (P^T W)_ij = p_i . w_j
                b = Dense.solve(ptw, Arrays.copyOf(yLoadings, k * q), k, q);
            }
            return new Model(p, q, k, xMean, yMean, wk, b);
        }
    }
}
