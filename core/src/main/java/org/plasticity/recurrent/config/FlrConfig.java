package org.plasticity.recurrent.config;

import static org.plasticity.ConfigException.require;

import org.plasticity.ConfigException;

/**
 * One fluctuation-learning experiment: a network, how to simulate it, a family of tasks, a learning rule and how
 * speed and learning time are measured. Built by the app's config reader or by hand through the API.
 */
public record FlrConfig(long seed, NetworkConfig network, SimulationConfig simulation, TaskConfig task, String rule,
                        SpeedConfig speed, LearningConfig learning) {

    public FlrConfig {
        require(network != null, "network", "is required");
        require(simulation != null, "simulation", "is required");
        require(task != null, "task", "is required");
        // The rule and task names, and what a task type allows, are checked against the registries by
        // recurrent.experiment.FlrValidator: this package sits below them.
        require(rule != null, "rule", "is required");
        require(speed != null, "speed", "is required");
        require(learning != null, "learning", "is required");
        // The relations divide by the noise: kappa = 2 beta / (sigma^2 tau).
        require(network.sigma() > 0, "network.sigma", "must be > 0 for the fluctuation-learning relation, got "
                + network.sigma());
        checkScales(network, task);
        checkSteps(network, simulation, speed, learning);
    }

    /**
     * Refuses parameters whose arithmetic leaves the double range: FLR2 is {@code kappa^3 gamma^2 ...} with
     * {@code kappa = 2 beta / (sigma^2 tau)}, and the drift moves by {@code dt / tau} per step. Beyond these the
     * predictions are infinite or zero and the run would end with NaN statistics.
     */
    private static void checkScales(NetworkConfig network, TaskConfig task) {
        double kappa = network.kappa();
        double flr2Scale = kappa * kappa * kappa * task.gamma() * task.gamma();
        if (!(Double.isFinite(kappa) && kappa > 0 && Double.isFinite(flr2Scale) && flr2Scale > 0)) {
            String why = String.format(java.util.Locale.ROOT, "kappa = 2 beta / (sigma^2 tau) = %.3g and "
                    + "kappa^3 gamma^2 = %.3g leave the range of double arithmetic", kappa, flr2Scale);
            throw new ConfigException(mostExtreme(network, task), why + " (network.beta " + network.beta()
                    + ", network.sigma " + network.sigma() + ", network.tau " + network.tau() + ", task.gamma "
                    + task.gamma() + ")");
        }
        require(network.driftStep() >= Double.MIN_NORMAL, "network.tau", "is too large for network.dt = "
                + network.dt() + ": the drift step dt / tau = " + network.driftStep() + " underflows");
    }

    /** @return the key of the parameter that moves {@code kappa^3 gamma^2} most in log scale: the likeliest culprit. */
    private static String mostExtreme(NetworkConfig network, TaskConfig task) {
        String[] keys = {"network.sigma", "network.beta", "network.tau", "task.gamma"};
        double[] scales = {6 * Math.abs(Math.log(network.sigma())), 3 * Math.abs(Math.log(network.beta())),
            3 * Math.abs(Math.log(network.tau())), 2 * Math.abs(Math.log(task.gamma()))};
        int worst = 0;
        for (int i = 1; i < keys.length; i++) {
            if (scales[i] > scales[worst]) {
                worst = i;
            }
        }
        return keys[worst];
    }

    /** Step counts of every phase within {@link SimulationConfig#MAX_STEPS}, and at least one sample per trial. */
    private static void checkSteps(NetworkConfig network, SimulationConfig simulation, SpeedConfig speed,
                                   LearningConfig learning) {
        double dt = network.dt();
        SimulationConfig.checkedSteps(simulation.burnIn(), dt, "simulation.burn_in");
        long sampled = SimulationConfig.checkedSteps(simulation.duration(), dt, "simulation.duration");
        require(sampled / simulation.sampleEvery() >= 1, "simulation.sample_every", simulation.sampleEvery()
                + " is more than the " + sampled + " steps of simulation.duration (" + simulation.duration()
                + " at network.dt = " + dt + "): no samples would be taken");
        if (speed.method() == SpeedConfig.Method.CONCURRENT) {
            SimulationConfig.checkedSteps(speed.window(), dt, "speed.window");
        }
        if (learning.enabled()) {
            SimulationConfig.checkedSteps(learning.maxTime(), dt, "learning.max_time");
        }
    }

    /** The embedded defaults: the demo's experiment. */
    public static FlrConfig defaults() {
        return new FlrConfig(42, NetworkConfig.defaults(), SimulationConfig.defaults(), TaskConfig.defaults(),
                "hebbian", SpeedConfig.defaults(), LearningConfig.defaults());
    }

    /** @return this experiment with seed {@code seed}. */
    public FlrConfig withSeed(long seed) {
        return new FlrConfig(seed, network, simulation, task, rule, speed, learning);
    }

    /** @return this experiment on {@code network}. */
    public FlrConfig withNetwork(NetworkConfig network) {
        return new FlrConfig(seed, network, simulation, task, rule, speed, learning);
    }

    /** @return this experiment simulated as {@code simulation} says. */
    public FlrConfig withSimulation(SimulationConfig simulation) {
        return new FlrConfig(seed, network, simulation, task, rule, speed, learning);
    }

    /** @return this experiment on the tasks {@code task}. */
    public FlrConfig withTask(TaskConfig task) {
        return new FlrConfig(seed, network, simulation, task, rule, speed, learning);
    }

    /** @return this experiment under the learning rule called {@code rule}. */
    public FlrConfig withRule(String rule) {
        return new FlrConfig(seed, network, simulation, task, rule, speed, learning);
    }

    /** @return this experiment with speed measured as {@code speed} says. */
    public FlrConfig withSpeed(SpeedConfig speed) {
        return new FlrConfig(seed, network, simulation, task, rule, speed, learning);
    }

    /** @return this experiment with learning time measured as {@code learning} says. */
    public FlrConfig withLearning(LearningConfig learning) {
        return new FlrConfig(seed, network, simulation, task, rule, speed, learning);
    }
}
