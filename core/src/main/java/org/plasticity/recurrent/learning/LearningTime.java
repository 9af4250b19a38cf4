package org.plasticity.recurrent.learning;

import org.plasticity.recurrent.config.LearningConfig;
import org.plasticity.recurrent.model.RateNetwork;
import org.plasticity.recurrent.rule.LearningRule;
import org.plasticity.recurrent.task.IoMappingTask;

/**
 * Learning time {@code T_L} (docs/model.md#learning-time): the first time the moving average of the trial-averaged overlap over
 * {@code window_steps} steps exceeds the threshold theta while learning with rate epsilon.
 *
 * @param time         T_L, or NaN when the threshold was not reached within {@code max_time}
 * @param finalOverlap the moving-average overlap at the end of the run
 */
public record LearningTime(double time, double finalOverlap) {

    public static LearningTime measure(RateNetwork network, IoMappingTask task, LearningRule rule,
                                       LearningConfig cfg, double burnIn, long seed) {
        double[] m = PlasticRun.overlapTrace(network, task, rule, cfg.epsilon(), burnIn, cfg.maxTime(),
                cfg.trials(), seed);
        double dt = network.config().dt();
        int w = Math.min(cfg.windowSteps(), m.length);
        double sum = 0;
        double avg = Double.NaN;
        for (int k = 0; k < m.length; k++) {
            sum += m[k];
            if (k >= w) {
                sum -= m[k - w];
            }
            if (k >= w - 1) {
                avg = sum / w;
                if (avg > cfg.threshold()) {
                    return new LearningTime((k + 1) * dt, avg);
                }
            }
        }
        return new LearningTime(Double.NaN, avg);
    }
}
