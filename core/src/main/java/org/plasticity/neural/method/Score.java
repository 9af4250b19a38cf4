package org.plasticity.neural.method;

/**
 * A layer's cross-validated predictivity ({@link Predictivity#score}).
 *
 * @param r          the mean over splits of the median over neurons of the held-out Pearson r
 * @param rSe        the standard error over splits, {@code std(ddof=0) / sqrt(splits)}
 * @param perSplit   the median over neurons in each split
 * @param perNeuron  each neuron's r, mean over splits (NaN-skipping; NaN if never defined)
 * @param neurons    number of neurons
 * @param stimuli    number of stimuli (train and test together)
 */
public record Score(double r, double rSe, double[] perSplit, double[] perNeuron, int neurons, int stimuli) {}
