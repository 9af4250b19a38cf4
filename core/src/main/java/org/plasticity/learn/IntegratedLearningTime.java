package org.plasticity.learn;

import org.plasticity.config.SimulationConfig;
import org.plasticity.flr.Flr;
import org.plasticity.model.RateNetwork;
import org.plasticity.numeric.Seeds;
import org.plasticity.rule.LearningRule;
import org.plasticity.stats.Moments;
import org.plasticity.stats.Sampling;
import org.plasticity.task.IoMappingTask;

/**
 * Learning time predicted by integrating FLR1 along the learning trajectory, instead of extrapolating the initial
 * speed:
 * <pre>
 *   T = integral from m_0 to theta of dm / (epsilon v(J)),     v(J) = FLR1 with C and xbar_eta re-estimated at J
 * </pre>
 * The overlap is advanced in {@code steps} equal increments. At each, the spontaneous covariance C and the evoked
 * mean are re-simulated under the current J, FLR1 gives the speed v, the time to cover the increment is
 * {@code dm / (epsilon v)}, and J moves by {@code epsilon dt <F> / N} over that time. The first-order estimate is the
 * single-step case, {@code (theta - m_0) / (epsilon v_0)}.
 */
public final class IntegratedLearningTime {
    private IntegratedLearningTime() {}

    /** @return the predicted time to reach the overlap {@code threshold}, or NaN when FLR1 stops predicting progress. */
    public static double estimate(RateNetwork network, SimulationConfig sim, IoMappingTask task, LearningRule rule,
                                  double epsilon, double threshold, int steps, long seed) {
        int n = network.n();
        RateNetwork current = network;
        double time = 0;
        double m0 = Double.NaN;
        double increment = Double.NaN;
        for (int k = 0; k < steps; k++) {
            Moments evoked = Sampling.moments(current, sim, task.field(), Seeds.derive(seed, k, 0),
                    Sampling.GroupRunner.SEQUENTIAL);
            double m = task.overlap(evoked.mean());
            if (k == 0) {
                m0 = m;
                increment = (threshold - m0) / steps;
                if (!(increment > 0)) {
                    return 0.0;
                }
            }
            Moments spontaneous = Sampling.moments(current, sim, null, Seeds.derive(seed, k, 1),
                    Sampling.GroupRunner.SEQUENTIAL);
            double[] meanUpdate = rule.meanUpdate(task.xi(), evoked);
            double v = Flr.flr1(current.kappa(), task.xi(), spontaneous.covariance(), meanUpdate, evoked.mean());
            if (!(v > 0)) {
                return Double.NaN;
            }
            double dt = increment / (epsilon * v);
            time += dt;
            double[] j = current.coupling();
            for (int i = 0; i < j.length; i++) {
                j[i] += epsilon * dt * meanUpdate[i] / n;
            }
            current = current.withCoupling(j);
        }
        return time;
    }
}
