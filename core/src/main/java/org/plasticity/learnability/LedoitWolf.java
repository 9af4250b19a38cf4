package org.plasticity.learnability;

import java.util.LinkedHashMap;
import java.util.Map;
import org.plasticity.DataException;

/**
 * Ledoit-Wolf shrinkage towards a scaled identity (Ledoit &amp; Wolf, "A well-conditioned estimator for
 * large-dimensional covariance matrices", J. Multivariate Anal. 88, 2004), computed as scikit-learn's
 * {@code LedoitWolf} computes it (docs/learnability.md#ledoit-wolf):
 * <pre>
 *   S     = X^T X / n                       (the biased empirical covariance of the centred X, n samples, p neurons)
 *   mu    = tr S / p
 *   d2    = (||S||_F^2 - 2 mu tr S + p mu^2) / p                 = ||S - mu I||_F^2 / p
 *   b2    = min(d2, (sum_t ||x_t||^4 / n - ||S||_F^2) / (n p))
 *   s     = b2 / d2    (0 when b2 = 0, and for a single neuron)
 *   C     = (1 - s) S + s mu I
 * </pre>
 * The shrinkage s is in [0, 1]: the closer the number of samples comes to the number of neurons, the more the
 * noisy S is pulled towards the identity with the same mean variance.
 */
public final class LedoitWolf implements CovarianceEstimator {
    /** The name it is chosen by. */
    public static final String NAME = "ledoit-wolf";

    /** The shrunk covariance and its parts. */
    public record Fit(double[] covariance, double shrinkage, double mu) {}

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void check(int samples, int neurons, String source) {
        if (samples < 2) {
            throw new DataException(source, "holds " + samples + " sample(s); Ledoit-Wolf shrinkage needs at least 2");
        }
    }

    @Override
    public Estimate estimate(double[] centred, int samples, int neurons) {
        Fit f = fit(centred, samples, neurons);
        Map<String, Double> d = new LinkedHashMap<>();
        d.put("shrinkage", f.shrinkage());
        d.put("mu", f.mu());
        return new Estimate(f.covariance(), d);
    }

    /** @param centred {@code samples x neurons}, centred; not modified */
    public static Fit fit(double[] centred, int samples, int neurons) {
        int p = neurons;
        double n = samples;
        double[] s = Covariances.gram(centred, samples, p, 1.0 / samples);
        double trace = Covariances.trace(s, p);
        double mu = trace / p;
        double shrinkage = 0;
        if (p > 1) {
            double frob = 0; // ||S||_F^2: scikit-learn's delta_, sum((X^T X)^2) / n^2
            for (double v : s) {
                frob += v * v;
            }
            double fourth = 0; // sum_t ||x_t||^4: scikit-learn's beta_, the sum of the entries of (X^2)^T X^2
            for (int t = 0; t < samples; t++) {
                double sq = 0;
                for (int i = 0; i < p; i++) {
                    double v = centred[t * p + i];
                    sq += v * v;
                }
                fourth += sq * sq;
            }
            double beta = 1.0 / (p * n) * (fourth / n - frob);
            double delta = (frob - 2.0 * mu * trace + p * mu * mu) / p;
            beta = Math.min(beta, delta);
            // delta = 0 only when S is exactly mu I: nothing to shrink (scikit-learn would divide by zero)
            shrinkage = beta == 0 || delta == 0 ? 0 : beta / delta;
        }
        double[] c = new double[p * p];
        for (int i = 0; i < p * p; i++) {
            c[i] = (1.0 - shrinkage) * s[i];
        }
        for (int i = 0; i < p; i++) {
            c[i * p + i] += shrinkage * mu;
        }
        return new Fit(c, shrinkage, mu);
    }
}
