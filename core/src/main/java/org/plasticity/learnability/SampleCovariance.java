package org.plasticity.learnability;

import java.util.Map;
import org.plasticity.DataException;

/**
 * The sample covariance {@code S = X^T X / (n - 1)} of the centred recording X ({@code n} samples): unbiased for
 * independent samples, as numpy's {@code np.cov}. Needs at least 2 samples; singular when there are no more samples
 * than neurons (it is then still a valid covariance, only a noisy one: see {@link LedoitWolf}).
 */
public final class SampleCovariance implements CovarianceEstimator {
    /** The name it is chosen by. */
    public static final String NAME = "sample";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void check(int samples, int neurons, String source) {
        if (samples < 2) {
            throw new DataException(source, "holds " + samples + " sample(s); the sample covariance needs at least 2");
        }
    }

    @Override
    public Estimate estimate(double[] centred, int samples, int neurons) {
        return new Estimate(Covariances.gram(centred, samples, neurons, 1.0 / (samples - 1)), Map.of());
    }
}
