package org.plasticity.recurrent.learning;

import org.plasticity.recurrent.model.RateNetwork;
import org.plasticity.recurrent.rule.LearningRule;
import org.plasticity.recurrent.task.IoMappingTask;
import org.plasticity.stats.Summary;

/**
 * Concurrent learning speed (docs/model.md#concurrent): learn with a small epsilon for a window of time and fit the
 * slope of {@code m(t)}, against a twin run with epsilon = 0 that shares the noise:
 * <pre>
 *   dm(t) = m_epsilon(t) - m_0(t)  ~  epsilon v (t - lag),      v = slope / epsilon
 * </pre>
 * The slope is fitted by least squares over the second half of the window, after the mean has caught up with the
 * drifting J (the lag is the relaxation time). Each learner's J also takes a random walk driven by the fluctuations
 * of F; its first-order effect on m averages out over learners, its second-order effect grows like epsilon^2 t and
 * biases the slope by a relative amount of order epsilon, so epsilon should be small (the relative noise of the
 * estimate does not depend on it).
 */
public final class ConcurrentSpeed {
    private ConcurrentSpeed() {}

    /**
     * @param epsilon the learning rate
     * @return the mean over learners of each learner's fitted slope over epsilon, with its standard error across
     *     learners (each learner's J takes its own random walk, so learners are the independent units)
     */
    public static SpeedMeasurement measure(RateNetwork network, IoMappingTask task, LearningRule rule, double epsilon,
                                           double burnIn, double window, int learners, long seed) {
        double[][] learning = PlasticRun.overlapTraces(network, task, rule, epsilon, burnIn, window, learners, seed);
        double[][] control = PlasticRun.overlapTraces(network, task, rule, 0.0, burnIn, window, learners, seed);
        double dt = network.config().dt();
        double[] slopes = new double[learners];
        for (int b = 0; b < learners; b++) {
            slopes[b] = slope(learning[b], control[b], dt) / epsilon;
        }
        return new SpeedMeasurement(Summary.mean(slopes), Summary.standardError(slopes), epsilon * window);
    }

    /** Least-squares slope of {@code a - b} against time over the second half of the traces. */
    static double slope(double[] a, double[] b, double dt) {
        int from = a.length / 2;
        int count = a.length - from;
        double st = 0;
        double sd = 0;
        for (int k = from; k < a.length; k++) {
            st += (k + 1) * dt;
            sd += a[k] - b[k];
        }
        double tMean = st / count;
        double dMean = sd / count;
        double sxy = 0;
        double sxx = 0;
        for (int k = from; k < a.length; k++) {
            double t = (k + 1) * dt - tMean;
            sxy += t * (a[k] - b[k] - dMean);
            sxx += t * t;
        }
        return sxy / sxx;
    }
}
