package org.plasticity.learnability;

import java.util.Map;

/**
 * A covariance estimator, chosen by name in {@link CovarianceEstimators}. It receives recordings already centred
 * (each neuron's mean over the samples taken off), so that the bootstrap can centre each resample by its own mean.
 */
public interface CovarianceEstimator {
    /** @return the name it is chosen by, e.g. {@code ledoit-wolf}. */
    String name();

    /**
     * Refuses a recording too small for the estimator: a {@link org.plasticity.ConfigException} when a setting is
     * impossible for it (e.g. as many factors as neurons), a {@link org.plasticity.DataException} naming
     * {@code source} when it has too few samples.
     */
    void check(int samples, int neurons, String source);

    /**
     * @param centred {@code samples x neurons}, row-major, each column summing to (about) zero; not modified
     * @return the covariance and what the estimator found on the way
     */
    Estimate estimate(double[] centred, int samples, int neurons);

    /**
     * An estimated covariance.
     *
     * @param covariance {@code neurons x neurons}, row-major, symmetric
     * @param details numbers that describe the fit (e.g. {@code shrinkage}), in a fixed order, for the results
     */
    record Estimate(double[] covariance, Map<String, Double> details) {}
}
