package org.plasticity.recurrent.config;

import static org.plasticity.ConfigException.require;

/**
 * Learning for real, to measure the learning time {@code T_L}: the first time the overlap {@code m(t)}, averaged over
 * trials and a window of steps, exceeds a threshold (docs/model.md#learning-time).
 *
 * <table>
 * <caption>Keys under {@code learning}</caption>
 * <tr><th>key</th><th>meaning</th><th>default</th></tr>
 * <tr><td>epsilon</td><td>learning rate in {@code dJ/dt = (epsilon/N) F}, &gt; 0</td><td>0.2</td></tr>
 * <tr><td>threshold</td><td>overlap theta that counts as learned, in (0, 1)</td><td>0.5</td></tr>
 * <tr><td>max_time</td><td>give up after this learning time, &gt; 0</td><td>400</td></tr>
 * <tr><td>window_steps</td><td>steps in the moving average of m, &gt;= 1</td><td>40</td></tr>
 * <tr><td>trials</td><td>independent learners averaged, &gt;= 1</td><td>8</td></tr>
 * <tr><td>enabled</td><td>measure learning time at all</td><td>true</td></tr>
 * </table>
 */
public record LearningConfig(double epsilon, double threshold, double maxTime, int windowSteps, int trials,
                             boolean enabled) {

    public LearningConfig {
        require(epsilon > 0 && Double.isFinite(epsilon), "learning.epsilon", "must be a finite number > 0, got " + epsilon);
        require(threshold > 0 && threshold < 1, "learning.threshold", "must be in (0, 1), got " + threshold);
        require(maxTime > 0 && Double.isFinite(maxTime), "learning.max_time", "must be a finite number > 0, got " + maxTime);
        require(windowSteps >= 1, "learning.window_steps", "must be an integer >= 1, got " + windowSteps);
        require(trials >= 1, "learning.trials", "must be an integer >= 1, got " + trials);
    }

    public static LearningConfig defaults() {
        return new LearningConfig(0.2, 0.5, 400, 40, 8, true);
    }

    /** @return this learning with rate {@code epsilon}. */
    public LearningConfig withEpsilon(double epsilon) {
        return new LearningConfig(epsilon, threshold, maxTime, windowSteps, trials, enabled);
    }

    /** @return this learning with threshold {@code threshold}. */
    public LearningConfig withThreshold(double threshold) {
        return new LearningConfig(epsilon, threshold, maxTime, windowSteps, trials, enabled);
    }

    /** @return this learning giving up after {@code maxTime}. */
    public LearningConfig withMaxTime(double maxTime) {
        return new LearningConfig(epsilon, threshold, maxTime, windowSteps, trials, enabled);
    }

    /** @return this learning averaging m over {@code windowSteps} steps. */
    public LearningConfig withWindowSteps(int windowSteps) {
        return new LearningConfig(epsilon, threshold, maxTime, windowSteps, trials, enabled);
    }

    /** @return this learning with {@code trials} learners. */
    public LearningConfig withTrials(int trials) {
        return new LearningConfig(epsilon, threshold, maxTime, windowSteps, trials, enabled);
    }

    /** @return this learning, switched on or off. */
    public LearningConfig withEnabled(boolean enabled) {
        return new LearningConfig(epsilon, threshold, maxTime, windowSteps, trials, enabled);
    }
}
