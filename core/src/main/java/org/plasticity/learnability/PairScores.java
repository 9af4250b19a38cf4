package org.plasticity.learnability;

import java.util.Arrays;
import org.plasticity.numeric.Blas;

/**
 * The scores of target/input pairs under one covariance C of N neurons (docs/learnability.md#scores), the two forms
 * of FLR2 of docs/model.md#flr2 without their prefactor {@code kappa^3 gamma^2}, which is the same for every pair
 * and so changes no ranking:
 * <pre>
 *   target_variance    = xi^T C xi / N
 *   input_variance     = eta^T C eta / N
 *   flr2               = (xi^T C xi / N) (eta^T C^2 eta / N)             (linear-response form)
 *   flr2_variance_form = (xi^T C xi / N) (eta^T C eta / N) (tr C / N)
 * </pre>
 * Without inputs, only the target variance is defined; the other arrays are NaN. Multiply by
 * {@code kappa^3 gamma^2} ({@code kappa = 2 beta / (sigma^2 tau)}) to get {@code Flr.flr2} and
 * {@code Flr.flr2Variance} of the recurrent model.
 *
 * @param targetVariance one per pair
 * @param inputVariance one per pair (NaN without inputs)
 * @param flr2 one per pair (NaN without inputs)
 * @param flr2VarianceForm one per pair (NaN without inputs)
 */
public record PairScores(double[] targetVariance, double[] inputVariance, double[] flr2, double[] flr2VarianceForm) {

    /** The four scores, in the order of {@link #get(int)}. */
    public static final int COUNT = 4;

    /**
     * @param c the covariance, {@code n x n} row-major, symmetric
     * @param xi the targets, {@code pairs x n} row-major
     * @param eta the inputs, {@code pairs x n} row-major, or null
     */
    public static PairScores compute(double[] c, int n, double[] xi, double[] eta, int pairs) {
        double[] tv = new double[pairs];
        double[] iv = new double[pairs];
        double[] f2 = new double[pairs];
        double[] f2v = new double[pairs];
        // Rows of Xi C are (C xi_k)^T since C is symmetric: one matrix product for all targets, one for all inputs.
        double[] cxi = new double[pairs * n];
        Blas.gemm(pairs, n, n, 1.0, xi, c, 0.0, cxi);
        double[] a = new double[n];
        double[] b = new double[n];
        for (int k = 0; k < pairs; k++) {
            tv[k] = rowDot(xi, cxi, k, n, a, b) / n;
        }
        if (eta == null) {
            Arrays.fill(iv, Double.NaN);
            Arrays.fill(f2, Double.NaN);
            Arrays.fill(f2v, Double.NaN);
        } else {
            double[] ceta = new double[pairs * n];
            Blas.gemm(pairs, n, n, 1.0, eta, c, 0.0, ceta);
            double traceOverN = Covariances.trace(c, n) / n;
            for (int k = 0; k < pairs; k++) {
                iv[k] = rowDot(eta, ceta, k, n, a, b) / n;
                double squared = rowDot(ceta, ceta, k, n, a, b) / n; // eta^T C^2 eta / N = |C eta|^2 / N
                f2[k] = tv[k] * squared;
                f2v[k] = tv[k] * iv[k] * traceOverN;
            }
        }
        return new PairScores(tv, iv, f2, f2v);
    }

    private static double rowDot(double[] x, double[] y, int row, int n, double[] a, double[] b) {
        System.arraycopy(x, row * n, a, 0, n);
        System.arraycopy(y, row * n, b, 0, n);
        return Blas.dot(n, a, b);
    }

    /** @return the number of pairs. */
    public int pairs() {
        return targetVariance.length;
    }

    /** @return score {@code which}: 0 flr2, 1 flr2 variance form, 2 target variance, 3 input variance. */
    public double[] get(int which) {
        return switch (which) {
            case 0 -> flr2;
            case 1 -> flr2VarianceForm;
            case 2 -> targetVariance;
            case 3 -> inputVariance;
            default -> throw new IndexOutOfBoundsException(which);
        };
    }
}
