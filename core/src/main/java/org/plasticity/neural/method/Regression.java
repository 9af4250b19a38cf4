package org.plasticity.neural.method;

/** A linear mapping from a model's units to the neurons, fitted on the training stimuli of one split. */
public interface Regression {
    /**
     * Fits the mapping. Neither array is modified.
     *
     * @param x {@code n x p} inputs (stimuli x units), row-major
     * @param y {@code n x q} targets (stimuli x neurons), row-major
     * @return the fitted mapping, independent of {@code x} and {@code y} afterwards
     */
    Fitted fit(double[] x, double[] y, int n, int p, int q);
}
