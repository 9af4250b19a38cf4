package org.plasticity.learnability;

import java.util.Map;

/**
 * What {@link LearnabilityStudy#run} found.
 *
 * @param estimator the covariance estimator's name
 * @param estimatorDetails what the estimator found on the whole recording (e.g. {@code shrinkage})
 * @param samples the recording's samples
 * @param neurons the recording's neurons
 * @param hasInputs whether inputs were given (else only the target variance is scored)
 * @param estimate the scores on the whole recording
 * @param low the lower ends of the percentile intervals (NaN arrays without bootstrap)
 * @param high the upper ends
 * @param resamples the bootstrap resamples drawn (0: none)
 * @param dropped resamples dropped because a score was not finite
 * @param block the block length in samples
 * @param blockAutomatic whether the block length is the default (else it was given)
 * @param autocorrelationTime the recording's e-folding time in samples, see {@link BlockBootstrap}
 * @param level the intervals' coverage, e.g. 0.95
 * @param seed the bootstrap's seed
 * @param normalised whether the directions were rescaled to length sqrt(N)
 * @param ranking pair indices, best first: by flr2 with inputs, by target variance without
 */
public record LearnabilityResult(String estimator, Map<String, Double> estimatorDetails, int samples, int neurons,
                                 boolean hasInputs, PairScores estimate, PairScores low, PairScores high,
                                 int resamples, int dropped, int block, boolean blockAutomatic,
                                 double autocorrelationTime, double level, long seed, boolean normalised,
                                 int[] ranking) {
    /** @return the number of pairs (or of targets, without inputs). */
    public int pairs() {
        return estimate.pairs();
    }

    /** @return the name of the score the ranking uses. */
    public String rankedBy() {
        return hasInputs ? "flr2" : "target_variance";
    }

    /** @return the blocks of the recording: samples over block length. */
    public double blocks() {
        return (double) samples / block;
    }
}
