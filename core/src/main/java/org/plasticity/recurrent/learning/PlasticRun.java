package org.plasticity.recurrent.learning;

import java.util.SplittableRandom;
import org.plasticity.numeric.Blas;
import org.plasticity.numeric.Seeds;
import org.plasticity.recurrent.model.RateNetwork;
import org.plasticity.recurrent.rule.Learner;
import org.plasticity.recurrent.rule.LearnerContext;
import org.plasticity.recurrent.rule.LearningRule;
import org.plasticity.recurrent.task.IoMappingTask;

/**
 * Learning for real: independent learners, each with its own copy of J, run the network dynamics with the task's
 * input on while J follows the rule (docs/model.md#learning-rules):
 * <pre>
 *   dx = (1/tau) [-x + phi(beta (J x + gamma eta))] dt + sigma dW,      dJ = (epsilon dt / N) F
 * </pre>
 * with {@code F = f(xi, x) x^T} for a Hebb-type rule, and in general the update the rule's {@link Learner} emits
 * after each step. A rule with a nudged phase runs its nudged copy beside the free one (same J and noise); the overlap
 * is always the free copy's. After a burn-in with J fixed (so learning starts from the input-evoked stationary state),
 * learning runs for the given time and the trial-averaged overlap {@code m(t)} is recorded every step. A learner's
 * state starts halfway through the burn-in, once activity has relaxed from its initial state, so that its traces and
 * baseline are stationary when learning starts. Learner {@code b} uses the noise stream {@code Seeds.stream(seed, b)},
 * so two runs with the same seed and different epsilon share their noise. Double precision; J is updated by rank-one
 * BLAS {@code dger}s.
 */
public final class PlasticRun {
    private PlasticRun() {}

    /**
     * @return the trial-averaged overlap after each learning step, {@code m[k]} at time {@code (k + 1) dt}
     */
    public static double[] overlapTrace(RateNetwork network, IoMappingTask task, LearningRule rule, double epsilon,
                                        double burnIn, double learnTime, int learners, long seed) {
        double[][] each = overlapTraces(network, task, rule, epsilon, burnIn, learnTime, learners, seed);
        double[] mean = new double[each[0].length];
        for (double[] trace : each) {
            for (int k = 0; k < mean.length; k++) {
                mean[k] += trace[k] / learners;
            }
        }
        return mean;
    }

    /**
     * @return each learner's overlap after each learning step, {@code m[b][k]} at time {@code (k + 1) dt}
     */
    public static double[][] overlapTraces(RateNetwork network, IoMappingTask task, LearningRule rule,
                                           double epsilon, double burnIn, double learnTime, int learners, long seed) {
        int n = network.n();
        double dt = network.config().dt();
        // toIntExact: a count beyond int (a config validated by FlrConfig never has one) fails instead of wrapping.
        int burn = Math.toIntExact(Math.round(burnIn / dt));
        int learn = Math.toIntExact(Math.max(1, Math.round(learnTime / dt)));
        int warm = burn / 2;
        double[][] traces = new double[learners][learn];
        double rate = epsilon * dt / n;
        // Without learning (the twin of a concurrent measurement) the nudged copy would change nothing.
        Copies copies = new Copies(network, task, rate != 0 ? rule.nudge() : 0);
        LearnerContext context = Copies.context(network);
        for (int b = 0; b < learners; b++) {
            SplittableRandom rng = Seeds.stream(seed, b);
            double[] j = network.coupling();
            copies.start(rng);
            Learner learner = rate != 0 ? rule.learner(task.xi(), context) : null;
            // Hebb-type rules emit one term of weight 1: rate * 1.0 is rate, so their J gets the same bits as ever.
            Learner.Update apply = (w, post, pre) -> Blas.ger(n, n, rate * w, post, 0, pre, 0, j, 0);
            for (int step = 0; step < burn + learn; step++) {
                copies.step(j, rng);
                if (learner != null && step >= warm) {
                    learner.step(copies.x, copies.y, copies.z, step >= burn, apply);
                }
                if (step >= burn) {
                    traces[b][step - burn] = task.overlap(copies.x);
                }
            }
            if (!Double.isFinite(traces[b][learn - 1])) {
                throw new org.plasticity.recurrent.dynamics.DivergenceException(burn + learn, (burn + learn) * dt, b);
            }
        }
        return traces;
    }
}
