package org.plasticity.learnability;

import java.util.List;

/**
 * What {@link BciStudy#run} found on a session (docs/learnability.md#bci).
 *
 * @param source the session file
 * @param units recorded units
 * @param factors the manifold's dimensionality
 * @param intuitiveSteps steps of the intuitive block
 * @param samples the intuitive block's steps outside freeze periods: the activity the scores use
 * @param decoders every decoder scored, in output order
 * @param estimators the covariance estimators' names, in the order of the scores
 * @param scores {@code scores[e][d]}: target variance {@code tr(W C W^T) / N} of decoder d under estimator e
 * @param low lower ends of the intervals (NaN without bootstrap)
 * @param high upper ends
 * @param sessionManifold the target variance under the session's own factor-analysis shared covariance
 *     {@code diag(sd) L L^T diag(sd)} (no interval: the session's fit is taken as given)
 * @param separation one entry per score (each estimator, then the session manifold)
 * @param baseline the intuitive block's performance and variances, as one window over all its trials
 * @param curve the perturbed block in windows of consecutive trials
 * @param perturbedPermutation the permutation of the factors that makes the session's perturbed decoder from the
 *     intuitive one, or null when it is not one
 * @param reproduction {@code max |velNext - M0 - M1 vel - M2 spikes|} over the intuitive and the perturbed block
 * @param readoutMismatch {@code max |M2 - G N| / max |M2|} for the intuitive decoder: how well the composition of
 *     the factor decoder with the posterior mean reproduces the count readout
 * @param resamples bootstrap resamples (0: none)
 * @param dropped resamples dropped for a non-finite score
 * @param block block length in samples
 * @param autocorrelationTime the active activity's e-folding time in samples
 * @param level coverage of the intervals
 * @param seed seed of the permutations and the bootstrap
 */
public record BciResult(String source, int units, int factors, int intuitiveSteps, int samples,
                        List<Decoder> decoders, List<String> estimators, double[][] scores, double[][] low,
                        double[][] high, double[] sessionManifold, List<Separation> separation, Window baseline,
                        List<Window> curve, int[] perturbedPermutation, double[] reproduction, double readoutMismatch,
                        int resamples, int dropped, int block, double autocorrelationTime, double level, long seed) {

    /**
     * A decoder's readout of the counts.
     *
     * @param family {@code intuitive}, {@code perturbed} (the session's), {@code within} or {@code outside}
     * @param index its number within the family
     * @param permutation the permutation that made it (of factors for within, of units for outside), or null
     * @param readout {@code 2 x units}, row-major (velocity x, y)
     * @param norm the Frobenius norm of the readout
     * @param outsideFraction the relative size of its part outside the manifold's row space, see
     *     {@link BciDecoders#outsideFraction}
     */
    public record Decoder(String family, int index, int[] permutation, double[] readout, double norm,
                          double outsideFraction) {}

    /**
     * How one score separates the two families.
     *
     * @param score the score's name
     * @param auc the probability that a within-manifold perturbation scores above an outside-manifold one (ties
     *     half): 1 separates them perfectly in the direction of Sadtler et al., 0.5 not at all
     * @param withinMedian the median score of the within-manifold family
     * @param outsideMedian the median of the outside-manifold family
     * @param intuitive the intuitive decoder's score
     * @param perturbed the session's perturbed decoder's score
     * @param perturbedQuantileWithin the fraction of the within-manifold family scoring below the perturbed decoder
     */
    public record Separation(String score, double auc, double withinMedian, double outsideMedian, double intuitive,
                             double perturbed, double perturbedQuantileWithin) {}

    /**
     * A window of consecutive trials.
     *
     * @param firstTrial its first trial (0-based, within the block)
     * @param trials trials in it
     * @param steps steps outside freeze periods in it
     * @param angularError mean absolute angle in degrees between the decoded velocity and the direction to the target
     * @param cosine mean cosine of that angle
     * @param varianceNew the sample variance of the window's activity along the perturbed decoder,
     *     {@code tr(W C W^T) / N}
     * @param varianceIntuitive the same along the intuitive decoder
     */
    public record Window(int firstTrial, int trials, int steps, double angularError, double cosine,
                         double varianceNew, double varianceIntuitive) {}
}
