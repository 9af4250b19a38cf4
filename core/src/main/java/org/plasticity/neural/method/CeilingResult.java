package org.plasticity.neural.method;

/**
 * The neurons' split-half reliability ({@link Ceiling#splitHalf}).
 *
 * @param median    the mean over splits of the median over neurons of the Spearman-Brown corrected split-half r
 * @param se        the standard error over splits, {@code std(ddof=0) / sqrt(splits)}
 * @param perSplit  the median over neurons in each split
 * @param perNeuron each neuron's corrected r, mean over splits (NaN for a neuron whose r was never defined)
 */
public record CeilingResult(double median, double se, double[] perSplit, double[] perNeuron) {}
