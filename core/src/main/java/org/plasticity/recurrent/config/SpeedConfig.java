package org.plasticity.recurrent.config;

import static org.plasticity.ConfigException.require;

/**
 * How the initial learning speed {@code v = dm/dt / epsilon} is measured (docs/model.md#measured-speed).
 *
 * <table>
 * <caption>Keys under {@code speed}</caption>
 * <tr><th>key</th><th>meaning</th><th>default</th></tr>
 * <tr><td>method</td><td>{@code quasi-static}: response of m to dJ = s &lt;F&gt;/N with common random numbers;
 *   {@code concurrent}: slope of m(t) while learning with a small epsilon, against a non-learning twin</td>
 *   <td>quasi-static</td></tr>
 * <tr><td>perturbation</td><td>size of the change: s is chosen so that max_i |(dJ xbar_eta)_i| equals it, in (0, 1)</td><td>0.02</td></tr>
 * <tr><td>epsilon</td><td>concurrent method: learning rate, &gt; 0. The measured slope carries a bias of order
 *   epsilon (each learner's J also takes a random walk whose second-order effect grows with time), while its relative
 *   noise does not depend on epsilon: keep it small</td><td>0.001</td></tr>
 * <tr><td>window</td><td>concurrent method: learning time over which the slope is fitted, &gt; 0</td><td>400</td></tr>
 * <tr><td>learners</td><td>concurrent method: independent learners averaged, &gt;= 2. Each learner's J takes its own
 *   random walk, so the per-learner slope is noisy (relative spread of order 1 at the default window): the standard
 *   error falls as 1/sqrt(learners)</td><td>100</td></tr>
 * </table>
 */
public record SpeedConfig(Method method, double perturbation, double epsilon, double window, int learners) {

    /** Measurement method. */
    public enum Method { QUASI_STATIC, CONCURRENT }

    public SpeedConfig {
        require(method != null, "speed.method", "must be quasi-static or concurrent");
        require(perturbation > 0 && perturbation < 1, "speed.perturbation", "must be in (0, 1), got " + perturbation);
        require(epsilon > 0 && Double.isFinite(epsilon), "speed.epsilon", "must be a finite number > 0, got " + epsilon);
        require(window > 0 && Double.isFinite(window), "speed.window", "must be a finite number > 0, got " + window);
        require(learners >= 2, "speed.learners", "must be an integer >= 2, got " + learners);
    }

    public static SpeedConfig defaults() {
        return new SpeedConfig(Method.QUASI_STATIC, 0.02, 0.001, 400, 100);
    }

    /** @return this measurement by {@code method}. */
    public SpeedConfig withMethod(Method method) {
        return new SpeedConfig(method, perturbation, epsilon, window, learners);
    }

    /** @return this measurement with perturbation size {@code perturbation}. */
    public SpeedConfig withPerturbation(double perturbation) {
        return new SpeedConfig(method, perturbation, epsilon, window, learners);
    }

    /** @return this measurement with concurrent learning rate {@code epsilon}. */
    public SpeedConfig withEpsilon(double epsilon) {
        return new SpeedConfig(method, perturbation, epsilon, window, learners);
    }

    /** @return this measurement with fit window {@code window}. */
    public SpeedConfig withWindow(double window) {
        return new SpeedConfig(method, perturbation, epsilon, window, learners);
    }

    /** @return this measurement with {@code learners} learners. */
    public SpeedConfig withLearners(int learners) {
        return new SpeedConfig(method, perturbation, epsilon, window, learners);
    }
}
