package org.plasticity.learnability.observability;

import org.plasticity.recurrent.config.FlrConfig;
import org.plasticity.stats.Summary;

/**
 * The outcome of {@link Observability#run}: for every observed-unit count K and recording length n, one Spearman
 * rank correlation per repeat (an independent recording and a random subset of units) between learnability's FLR2 and
 * the measured speeds, with the experiment's own references beside them.
 *
 * @param config the experiment's config as run (learning time off)
 * @param units N, the network's units
 * @param neurons the observed-unit counts K, ascending
 * @param samples the recording lengths n in samples, ascending
 * @param repeats independent recordings, each with its own random order of the units
 * @param estimator the covariance estimator's name
 * @param sampleInterval time (in neural time constants) between two samples
 * @param autocorrelationTimes per repeat, the e-folding time of the full recording (all N units, the longest n), in
 *     samples ({@link org.plasticity.learnability.BlockBootstrap#autocorrelationTime})
 * @param measured each task's measured speed
 * @param experimentFlr2 each task's FLR2 from the experiment's spontaneous covariance (all units)
 * @param experimentSpearman Spearman of the experiment's FLR2 (linear-response form) with the measured speeds
 * @param experimentSpearmanVarianceForm the same for the variance form
 * @param spearman {@code [K][n][repeat]}: learnability's FLR2 against the measured speeds
 * @param spearmanVarianceForm {@code [K][n][repeat]}: its variance form against the measured speeds
 * @param spearmanVsExperiment {@code [K][n][repeat]}: learnability's FLR2 against the experiment's FLR2
 */
public record ObservabilityResult(FlrConfig config, int units, int[] neurons, int[] samples, int repeats,
                                  String estimator, double sampleInterval, double[] autocorrelationTimes,
                                  double[] measured, double[] experimentFlr2, double experimentSpearman,
                                  double experimentSpearmanVarianceForm, double[][][] spearman,
                                  double[][][] spearmanVarianceForm, double[][][] spearmanVsExperiment) {

    /** @return the mean autocorrelation time over the repeats, in samples. */
    public double autocorrelationTime() {
        return Summary.mean(autocorrelationTimes);
    }

    /** @return the recording length {@code samples[s]} in autocorrelation times. */
    public double inAutocorrelationTimes(int s) {
        return samples[s] / autocorrelationTime();
    }

    /** @return the mean over repeats of {@code values[k][s]}. */
    public static double mean(double[][][] values, int k, int s) {
        return Summary.mean(values[k][s]);
    }

    /** @return the standard deviation over repeats of {@code values[k][s]}: the spread one recording sees. */
    public static double sd(double[][][] values, int k, int s) {
        return Summary.sd(values[k][s]);
    }

    /** @return the standard error of the mean over repeats of {@code values[k][s]}. */
    public static double standardError(double[][][] values, int k, int s) {
        return Summary.standardError(values[k][s]);
    }
}
