package org.plasticity.learn;

import org.plasticity.model.RateNetwork;
import org.plasticity.rule.LearningRule;
import org.plasticity.task.IoMappingTask;

/**
 * Concurrent learning speed (notes 7.1, direct method): learn with a small epsilon for a window of time and fit the
 * slope of {@code m(t)}, against a twin run with epsilon = 0 that shares the noise:
 * <pre>
 *   dm(t) = m_epsilon(t) - m_0(t)  ~  epsilon v (t - lag),      v = slope / epsilon
 * </pre>
 * The slope is fitted by least squares over the second half of the window, after the mean has caught up with the
 * drifting J (the lag is the relaxation time). epsilon is chosen so that J moves by the same amount as in the
 * quasi-static method by the end of the window.
 */
public final class ConcurrentSpeed {
    private ConcurrentSpeed() {}

    /** @param scale the total change s of {@code dJ = s <F>/N} to reach by the end of the window */
    public static SpeedMeasurement measure(RateNetwork network, IoMappingTask task, LearningRule rule, double scale,
                                           double burnIn, double window, int learners, long seed) {
        double epsilon = scale / window;
        double[] learning = PlasticRun.overlapTrace(network, task, rule, epsilon, burnIn, window, learners, seed);
        double[] control = PlasticRun.overlapTrace(network, task, rule, 0.0, burnIn, window, learners, seed);
        double dt = network.config().dt();
        int from = learning.length / 2;
        int count = learning.length - from;
        double st = 0;
        double sd = 0;
        for (int k = from; k < learning.length; k++) {
            st += (k + 1) * dt;
            sd += learning[k] - control[k];
        }
        double tMean = st / count;
        double dMean = sd / count;
        double sxy = 0;
        double sxx = 0;
        for (int k = from; k < learning.length; k++) {
            double t = (k + 1) * dt - tMean;
            sxy += t * (learning[k] - control[k] - dMean);
            sxx += t * t;
        }
        double slope = sxy / sxx;
        double resid = 0;
        for (int k = from; k < learning.length; k++) {
            double t = (k + 1) * dt - tMean;
            double r = learning[k] - control[k] - dMean - slope * t;
            resid += r * r;
        }
        // Residuals are autocorrelated over the relaxation time, so this standard error is a lower bound.
        double se = Math.sqrt(resid / Math.max(1, count - 2) / sxx);
        return new SpeedMeasurement(slope / epsilon, se / epsilon, scale);
    }
}
