package org.plasticity.config;

import static org.plasticity.config.ConfigException.positive;
import static org.plasticity.config.ConfigException.require;

/**
 * How long and how often activity is simulated and sampled to estimate moments. Times are in units of the neural
 * time constant.
 *
 * <table>
 * <caption>Keys under {@code simulation}</caption>
 * <tr><th>key</th><th>meaning</th><th>default</th></tr>
 * <tr><td>burn_in</td><td>time discarded before sampling, &gt;= 0</td><td>200</td></tr>
 * <tr><td>duration</td><td>sampled time per trial, &gt; 0</td><td>1000</td></tr>
 * <tr><td>trials</td><td>independent trials (own initial state and noise), &gt;= 2</td><td>20</td></tr>
 * <tr><td>sample_every</td><td>steps between samples, &gt;= 1</td><td>5</td></tr>
 * <tr><td>precision</td><td>{@code double} or {@code float} state and products (moments always in double)</td><td>double</td></tr>
 * </table>
 */
public record SimulationConfig(double burnIn, double duration, int trials, int sampleEvery, Precision precision) {

    /** Arithmetic of the state and matrix products. */
    public enum Precision { DOUBLE, FLOAT }

    public SimulationConfig {
        require(burnIn >= 0 && Double.isFinite(burnIn), "simulation.burn_in", "must be a finite number >= 0, got " + burnIn);
        positive(duration, "simulation.duration");
        require(trials >= 2, "simulation.trials", "must be an integer >= 2 (standard errors need two), got " + trials);
        require(sampleEvery >= 1, "simulation.sample_every", "must be an integer >= 1, got " + sampleEvery);
        require(precision != null, "simulation.precision", "must be double or float");
    }

    public static SimulationConfig defaults() {
        return new SimulationConfig(200, 1000, 20, 5, Precision.DOUBLE);
    }

    /** @return the number of Euler steps in {@code time} at step {@code dt} (rounded, at least 1 for time &gt; 0). */
    public static int steps(double time, double dt) {
        return time <= 0 ? 0 : Math.max(1, (int) Math.round(time / dt));
    }
}
