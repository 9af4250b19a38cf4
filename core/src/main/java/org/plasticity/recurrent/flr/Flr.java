package org.plasticity.recurrent.flr;

import org.plasticity.numeric.Vectors;

/**
 * The fluctuation-learning relations, reconstructed in docs/model.md#flr1 to #derivation, after Kurikawa &amp; Kaneko,
 * arXiv 2409.13597 and Nat. Commun. 16 (2025). C is the covariance of spontaneous activity (no input, no learning),
 * {@code kappa = 2 beta / (sigma^2 tau)} the fluctuation-response constant, N the number of units.
 * <pre>
 *   FLR1:                v = (kappa / N^2)  xi^T C &lt;F&gt; xbar_eta
 *   FLR2 (linear resp.): v = kappa^3 gamma^2 (xi^T C xi / N) (eta^T C^2 eta / N)
 *   FLR2 (variance):     v = kappa^3 gamma^2 (xi^T C xi / N) (eta^T C eta / N) (tr C / N)
 * </pre>
 * FLR1 follows from the linear response {@code d xbar = kappa C dJ xbar_eta} projected on the target. FLR2 inserts the
 * Hebbian {@code <F> = xi xbar_eta^T} and the small-input response {@code xbar_eta = kappa gamma C eta}. The variance
 * form replaces {@code eta^T C^2 eta / N} by {@code (eta^T C eta / N)(tr C / N)}: the two agree when C is isotropic
 * or eta an eigenvector with the mean eigenvalue, and the factor {@code tr C / N} keeps the units of a speed.
 */
public final class Flr {
    private Flr() {}

    /** FLR1 (docs/model.md#flr1). {@code c} and {@code meanUpdate} row-major {@code N x N}; nothing modified. */
    public static double flr1(double kappa, double[] xi, double[] c, double[] meanUpdate, double[] evokedMean) {
        int n = xi.length;
        double[] fx = Vectors.multiply(n, n, meanUpdate, evokedMean);
        return kappa / ((double) n * n) * Vectors.bilinear(n, xi, c, fx);
    }

    /** FLR2, linear-response form (docs/model.md#flr2). */
    public static double flr2(double kappa, double gamma, double[] xi, double[] eta, double[] c) {
        int n = xi.length;
        double[] ceta = Vectors.multiply(n, n, c, eta);
        double alongTarget = Vectors.bilinear(n, xi, c, xi) / n;
        double alongInputSquared = Vectors.dot(ceta, ceta) / n;
        return kappa * kappa * kappa * gamma * gamma * alongTarget * alongInputSquared;
    }

    /** FLR2, variance form. */
    public static double flr2Variance(double kappa, double gamma, double[] xi, double[] eta, double[] c) {
        int n = xi.length;
        double trace = 0;
        for (int i = 0; i < n; i++) {
            trace += c[i * n + i];
        }
        double alongTarget = Vectors.bilinear(n, xi, c, xi) / n;
        double alongInput = Vectors.bilinear(n, eta, c, eta) / n;
        return kappa * kappa * kappa * gamma * gamma * alongTarget * alongInput * (trace / n);
    }

    /** All three predictions for one task. */
    public static FlrPrediction predict(double kappa, double gamma, double[] xi, double[] eta, double[] c,
                                        double[] meanUpdate, double[] evokedMean) {
        return new FlrPrediction(flr1(kappa, xi, c, meanUpdate, evokedMean), flr2(kappa, gamma, xi, eta, c),
                flr2Variance(kappa, gamma, xi, eta, c));
    }
}
