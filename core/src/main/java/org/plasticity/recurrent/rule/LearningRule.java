package org.plasticity.recurrent.rule;

import org.plasticity.recurrent.fluctuations.Moments;

/**
 * A plasticity rule {@code dJ/dt = (epsilon / N) F} (docs/model.md#learning-rules).
 *
 * <p>Most rules are Hebb-type, {@code F = f(xi, x) x^T}: a postsynaptic factor {@code f} times presynaptic activity,
 * given by {@link #post} and averaged by {@link #meanUpdate(double[], Moments)}. Rules that need more say so through
 * the three default methods, which a Hebb-type rule leaves alone:
 * <ul>
 *   <li>{@link #nudge()}: a second, target-nudged phase that runs beside the free one (contrastive Hebbian);</li>
 *   <li>{@link #learner}: per-learner state carried from step to step (node perturbation: a perturbation trace and
 *   a reward baseline);</li>
 *   <li>{@link #analyticMean()}: whether {@code <F>} follows from moments, or has to be estimated by simulation
 *   ({@code recurrent.learning.MeanUpdates} picks the way).</li>
 * </ul>
 * For such rules {@link #post} and {@link #meanUpdate(double[], Moments)} keep their meaning for the part of F that is
 * a rank-one function of the free state alone (the free phase's term of a contrastive rule; nothing for node
 * perturbation), so that the contract "the mean of {@code post(xi, x) x^T} is {@code meanUpdate}" holds for every
 * rule.
 */
public interface LearningRule {
    /** @return the rule's config name, e.g. {@code hebbian}. */
    String name();

    /** @return one line for help texts and docs. */
    String description();

    /**
     * Writes the postsynaptic factor {@code f(xi, x)} for the state at {@code x[xOff .. xOff + N)} into {@code out}
     * (length N, modified).
     */
    void post(double[] xi, double[] x, int xOff, double[] out);

    /**
     * @return the stationary mean update {@code <F> = <f(xi, x) x^T>} under input-evoked activity with the given
     *     moments, row-major {@code N x N}; exact for factors linear in x
     */
    double[] meanUpdate(double[] xi, Moments evoked);

    /**
     * @return the strength lambda of the rule's target-nudged phase: a copy of the network with the same J, input
     *     and noise and the extra field {@code lambda (xi - x)} inside the gain; 0, the default, for a rule with one
     *     phase
     */
    default double nudge() {
        return 0;
    }

    /**
     * @return whether {@code <F>} follows from the moments of the phases ({@link #meanUpdate(double[], Moments,
     *     Moments)}); when false it is estimated by averaging the learner's updates over a simulation with J fixed
     */
    default boolean analyticMean() {
        return true;
    }

    /**
     * @param free   moments of input-evoked activity (the free phase)
     * @param nudged moments of the nudged phase, simulated with the same noise; null when {@link #nudge()} is 0
     * @return the stationary mean update {@code <F>}, row-major; by default {@link #meanUpdate(double[], Moments)}
     */
    default double[] meanUpdate(double[] xi, Moments free, Moments nudged) {
        return meanUpdate(xi, free);
    }

    /**
     * @return a new learner, the rule's per-step update with whatever state it carries, for one network copy with
     *     target {@code xi}; by default the stateless Hebb-type update {@code post(xi, x) x^T}
     */
    default Learner learner(double[] xi, LearnerContext context) {
        return Learner.hebbType(this, xi);
    }
}
