package org.plasticity.recurrent.config;

import static org.plasticity.ConfigException.positive;
import static org.plasticity.ConfigException.require;

import org.plasticity.ConfigException;

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

    /** @return this simulation with burn-in {@code burnIn}. */
    public SimulationConfig withBurnIn(double burnIn) {
        return new SimulationConfig(burnIn, duration, trials, sampleEvery, precision);
    }

    /** @return this simulation with sampled time {@code duration} per trial. */
    public SimulationConfig withDuration(double duration) {
        return new SimulationConfig(burnIn, duration, trials, sampleEvery, precision);
    }

    /** @return this simulation with {@code trials} trials. */
    public SimulationConfig withTrials(int trials) {
        return new SimulationConfig(burnIn, duration, trials, sampleEvery, precision);
    }

    /** @return this simulation sampling every {@code sampleEvery} steps. */
    public SimulationConfig withSampleEvery(int sampleEvery) {
        return new SimulationConfig(burnIn, duration, trials, sampleEvery, precision);
    }

    /** @return this simulation in {@code precision}. */
    public SimulationConfig withPrecision(Precision precision) {
        return new SimulationConfig(burnIn, duration, trials, sampleEvery, precision);
    }

    /**
     * Most Euler steps one phase of a run (burn-in, sampling, learning) may take. A billion steps of the smallest
     * network already take hours; more is a typo (a time in the wrong unit), and step counts and per-step traces must
     * stay within Java's array and int ranges.
     */
    public static final long MAX_STEPS = 1_000_000_000L;

    /**
     * @return the number of Euler steps in {@code time} at step {@code dt} (rounded, at least 1 for time &gt; 0);
     *     {@code Long.MAX_VALUE} when the count is beyond the long range (never wraps)
     */
    public static long steps(double time, double dt) {
        return time <= 0 ? 0 : Math.max(1, Math.round(time / dt));
    }

    /**
     * Checks that {@code time / dt} steps is a sane count and returns it.
     *
     * @throws ConfigException naming {@code key} when the count exceeds {@link #MAX_STEPS}
     */
    public static long checkedSteps(double time, double dt, String key) {
        long steps = steps(time, dt);
        require(steps <= MAX_STEPS, key, time + " at network.dt = " + dt + " is " + String.format(java.util.Locale.ROOT,
                "%.3g", time / dt) + " steps, more than the " + MAX_STEPS + " a run may take");
        return steps;
    }
}
