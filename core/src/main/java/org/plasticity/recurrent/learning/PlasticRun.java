package org.plasticity.recurrent.learning;

import java.util.SplittableRandom;
import org.plasticity.numeric.Blas;
import org.plasticity.numeric.EulerKernels;
import org.plasticity.numeric.Seeds;
import org.plasticity.recurrent.dynamics.Simulator;
import org.plasticity.recurrent.model.RateNetwork;
import org.plasticity.recurrent.rule.LearningRule;
import org.plasticity.recurrent.task.IoMappingTask;

/**
 * Learning for real: independent learners, each with its own copy of J, run the network dynamics with the task's
 * input on while J follows the rule (docs/model.md#learning-rules):
 * <pre>
 *   dx = (1/tau) [-x + phi(beta (J x + gamma eta))] dt + sigma dW,      dJ = (epsilon dt / N) f(xi, x) x^T
 * </pre>
 * After a burn-in with J fixed (so learning starts from the input-evoked stationary state), learning runs for the
 * given time and the trial-averaged overlap {@code m(t)} is recorded every step. Learner {@code b} uses the noise
 * stream {@code Seeds.stream(seed, b)}, so two runs with the same seed and different epsilon share their noise.
 * Double precision; J is updated by a rank-one BLAS {@code dger}.
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
        double beta = network.config().beta();
        double s = network.config().sigma() * Math.sqrt(dt);
        double drift = network.config().driftStep();
        boolean tanh = network.tanh();
        // toIntExact: a count beyond int (a config validated by FlrConfig never has one) fails instead of wrapping.
        int burn = Math.toIntExact(Math.round(burnIn / dt));
        int learn = Math.toIntExact(Math.max(1, Math.round(learnTime / dt)));
        double[] h = task.field();
        double[] xi = task.xi();
        double[][] traces = new double[learners][learn];
        double[] x = new double[n];
        double[] u = new double[n];
        double[] z = new double[n];
        double[] f = new double[n];
        double rate = epsilon * dt / n;
        for (int b = 0; b < learners; b++) {
            SplittableRandom rng = Seeds.stream(seed, b);
            double[] j = network.coupling();
            Seeds.gaussians(rng, x, 0, n);
            for (int i = 0; i < n; i++) {
                x[i] *= Simulator.INITIAL_SPREAD;
            }
            for (int step = 0; step < burn + learn; step++) {
                Blas.gemv(n, n, 1.0, j, 0, x, 0, 0.0, u, 0);
                Seeds.gaussians(rng, z, 0, n);
                EulerKernels.step(tanh, n, x, 0, u, 0, h, z, 0, beta, drift, s);
                if (step >= burn) {
                    if (rate != 0) {
                        rule.post(xi, x, 0, f);
                        Blas.ger(n, n, rate, f, 0, x, 0, j, 0);
                    }
                    traces[b][step - burn] = task.overlap(x);
                }
            }
            if (!Double.isFinite(traces[b][learn - 1])) {
                throw new org.plasticity.recurrent.dynamics.DivergenceException(burn + learn, (burn + learn) * dt, b);
            }
        }
        return traces;
    }
}
