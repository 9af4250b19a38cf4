package org.plasticity.config;

import static org.plasticity.config.ConfigException.require;

/**
 * One fluctuation-learning experiment: a network, how to simulate it, a family of tasks, a learning rule and how
 * speed and learning time are measured. Built by the app's config reader or by hand through the API.
 */
public record FlrConfig(long seed, NetworkConfig network, SimulationConfig simulation, TaskConfig task, String rule,
                        SpeedConfig speed, LearningConfig learning) {

    /** Rule names this build knows; kept in step with the rule registry (a test checks). */
    public static final java.util.List<String> RULES = java.util.List.of("hebbian", "target-error");

    public FlrConfig {
        require(network != null, "network", "is required");
        require(simulation != null, "simulation", "is required");
        require(task != null, "task", "is required");
        require(rule != null && RULES.contains(rule), "rule", "must be one of " + RULES + ", got " + rule);
        require(speed != null, "speed", "is required");
        require(learning != null, "learning", "is required");
        require(task.transitions() == 1 || speed.method() == SpeedConfig.Method.QUASI_STATIC, "speed.method",
                "time-series tasks are measured quasi-statically only, got " + speed.method());
        // The relations divide by the noise: kappa = 2 beta / (sigma^2 tau).
        require(network.sigma() > 0, "network.sigma", "must be > 0 for the fluctuation-learning relation, got "
                + network.sigma());
    }

    /** The embedded defaults: the demo's experiment. */
    public static FlrConfig defaults() {
        return new FlrConfig(42, NetworkConfig.defaults(), SimulationConfig.defaults(), TaskConfig.defaults(),
                "hebbian", SpeedConfig.defaults(), LearningConfig.defaults());
    }
}
