package org.plasticity.recurrent.config;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;
import org.plasticity.ConfigException;
import org.plasticity.recurrent.config.NetworkConfig.Transfer;
import org.plasticity.recurrent.config.SimulationConfig.Precision;
import org.plasticity.recurrent.config.SpeedConfig.Method;
import org.plasticity.recurrent.experiment.FlrValidator;
import org.plasticity.recurrent.rule.LearningRules;
import org.plasticity.recurrent.task.TaskTypes;

/** Every validated field rejects an out-of-range value with a one-line ConfigException naming its dotted key. */
class ConfigValidationTest {
    private static final double NAN = Double.NaN;
    private static final double INF = Double.POSITIVE_INFINITY;

    private record Case(String key, String what, Executable build) {}

    private static NetworkConfig net(int n, int m, double beta, double sigma, double dt, double g, Transfer act,
                                     double tau) {
        return new NetworkConfig(n, m, beta, sigma, dt, g, act, tau);
    }

    private static List<Case> cases() {
        Transfer t = Transfer.TANH;
        List<Case> c = new ArrayList<>();
        // network
        c.add(new Case("network.n", "n=1", () -> net(1, 0, 0.6, 0.2, 0.05, 0, t, 1)));
        c.add(new Case("network.n", "n=-5", () -> net(-5, 0, 0.6, 0.2, 0.05, 0, t, 1)));
        c.add(new Case("network.memories", "memories=-1", () -> net(10, -1, 0.6, 0.2, 0.05, 0, t, 1)));
        c.add(new Case("network.memories", "memories=n+1", () -> net(10, 11, 0.6, 0.2, 0.05, 0, t, 1)));
        c.add(new Case("network.beta", "beta=0", () -> net(10, 2, 0, 0.2, 0.05, 0, t, 1)));
        c.add(new Case("network.beta", "beta=-1", () -> net(10, 2, -1, 0.2, 0.05, 0, t, 1)));
        c.add(new Case("network.beta", "beta=NaN", () -> net(10, 2, NAN, 0.2, 0.05, 0, t, 1)));
        c.add(new Case("network.beta", "beta=inf", () -> net(10, 2, INF, 0.2, 0.05, 0, t, 1)));
        c.add(new Case("network.sigma", "sigma=-0.1", () -> net(10, 2, 0.6, -0.1, 0.05, 0, t, 1)));
        c.add(new Case("network.sigma", "sigma=NaN", () -> net(10, 2, 0.6, NAN, 0.05, 0, t, 1)));
        c.add(new Case("network.sigma", "sigma=inf", () -> net(10, 2, 0.6, INF, 0.05, 0, t, 1)));
        c.add(new Case("network.tau", "tau=0", () -> net(10, 2, 0.6, 0.2, 0.05, 0, t, 0)));
        c.add(new Case("network.tau", "tau=NaN", () -> net(10, 2, 0.6, 0.2, 0.05, 0, t, NAN)));
        c.add(new Case("network.tau", "tau=inf", () -> net(10, 2, 0.6, 0.2, 0.05, 0, t, INF)));
        c.add(new Case("network.dt", "dt=0", () -> net(10, 2, 0.6, 0.2, 0, 0, t, 1)));
        c.add(new Case("network.dt", "dt=1.5", () -> net(10, 2, 0.6, 0.2, 1.5, 0, t, 1)));
        c.add(new Case("network.dt", "dt=NaN", () -> net(10, 2, 0.6, 0.2, NAN, 0, t, 1)));
        c.add(new Case("network.dt", "dt=1.5 > tau, by a wither", () -> NetworkConfig.defaults().withDt(1.5)));
        c.add(new Case("network.dt", "dt=3 > tau=2", () -> net(10, 2, 0.6, 0.2, 3, 0, t, 2)));
        c.add(new Case("network.random_part", "random_part=-1", () -> net(10, 2, 0.6, 0.2, 0.05, -1, t, 1)));
        c.add(new Case("network.random_part", "random_part=NaN", () -> net(10, 2, 0.6, 0.2, 0.05, NAN, t, 1)));
        c.add(new Case("network.random_part", "random_part=inf", () -> net(10, 2, 0.6, 0.2, 0.05, INF, t, 1)));
        c.add(new Case("network.activation", "activation=null", () -> net(10, 2, 0.6, 0.2, 0.05, 0, null, 1)));
        // simulation
        Precision d = Precision.DOUBLE;
        c.add(new Case("simulation.burn_in", "burn_in=-1", () -> new SimulationConfig(-1, 1000, 20, 5, d)));
        c.add(new Case("simulation.burn_in", "burn_in=NaN", () -> new SimulationConfig(NAN, 1000, 20, 5, d)));
        c.add(new Case("simulation.burn_in", "burn_in=inf", () -> new SimulationConfig(INF, 1000, 20, 5, d)));
        c.add(new Case("simulation.duration", "duration=0", () -> new SimulationConfig(200, 0, 20, 5, d)));
        c.add(new Case("simulation.duration", "duration=NaN", () -> new SimulationConfig(200, NAN, 20, 5, d)));
        c.add(new Case("simulation.duration", "duration=inf", () -> new SimulationConfig(200, INF, 20, 5, d)));
        c.add(new Case("simulation.trials", "trials=1", () -> new SimulationConfig(200, 1000, 1, 5, d)));
        c.add(new Case("simulation.sample_every", "sample_every=0", () -> new SimulationConfig(200, 1000, 20, 0, d)));
        c.add(new Case("simulation.precision", "precision=null", () -> new SimulationConfig(200, 1000, 20, 5, null)));
        // task
        TaskConfig task = TaskConfig.defaults();
        c.add(new Case("task.type", "type=null", () -> task.withType(null)));
        c.add(new Case("task.gamma", "gamma=0", () -> task.withGamma(0)));
        c.add(new Case("task.gamma", "gamma=NaN", () -> task.withGamma(NAN)));
        c.add(new Case("task.gamma", "gamma=inf", () -> task.withGamma(INF)));
        c.add(new Case("task.count", "count=2", () -> task.withCount(2)));
        // speed
        Method q = Method.QUASI_STATIC;
        c.add(new Case("speed.method", "method=null", () -> new SpeedConfig(null, 0.02, 0.001, 400, 100)));
        c.add(new Case("speed.perturbation", "perturbation=0", () -> new SpeedConfig(q, 0, 0.001, 400, 100)));
        c.add(new Case("speed.perturbation", "perturbation=1", () -> new SpeedConfig(q, 1, 0.001, 400, 100)));
        c.add(new Case("speed.perturbation", "perturbation=NaN", () -> new SpeedConfig(q, NAN, 0.001, 400, 100)));
        c.add(new Case("speed.epsilon", "epsilon=0", () -> new SpeedConfig(q, 0.02, 0, 400, 100)));
        c.add(new Case("speed.epsilon", "epsilon=inf", () -> new SpeedConfig(q, 0.02, INF, 400, 100)));
        c.add(new Case("speed.window", "window=0", () -> new SpeedConfig(q, 0.02, 0.001, 0, 100)));
        c.add(new Case("speed.window", "window=NaN", () -> new SpeedConfig(q, 0.02, 0.001, NAN, 100)));
        c.add(new Case("speed.learners", "learners=1", () -> new SpeedConfig(q, 0.02, 0.001, 400, 1)));
        // learning
        c.add(new Case("learning.epsilon", "epsilon=0", () -> new LearningConfig(0, 0.5, 400, 40, 8, true)));
        c.add(new Case("learning.epsilon", "epsilon=NaN", () -> new LearningConfig(NAN, 0.5, 400, 40, 8, true)));
        c.add(new Case("learning.threshold", "threshold=1", () -> new LearningConfig(0.2, 1, 400, 40, 8, true)));
        c.add(new Case("learning.threshold", "threshold=0", () -> new LearningConfig(0.2, 0, 400, 40, 8, true)));
        c.add(new Case("learning.threshold", "threshold=NaN", () -> new LearningConfig(0.2, NAN, 400, 40, 8, true)));
        c.add(new Case("learning.max_time", "max_time=0", () -> new LearningConfig(0.2, 0.5, 0, 40, 8, true)));
        c.add(new Case("learning.max_time", "max_time=inf", () -> new LearningConfig(0.2, 0.5, INF, 40, 8, true)));
        c.add(new Case("learning.window_steps", "window_steps=0", () -> new LearningConfig(0.2, 0.5, 400, 0, 8, true)));
        c.add(new Case("learning.trials", "trials=0", () -> new LearningConfig(0.2, 0.5, 400, 40, 0, true)));
        // flr (the experiment as a whole)
        NetworkConfig n0 = NetworkConfig.defaults();
        SimulationConfig s0 = SimulationConfig.defaults();
        TaskConfig t0 = TaskConfig.defaults();
        SpeedConfig v0 = SpeedConfig.defaults();
        LearningConfig l0 = LearningConfig.defaults();
        c.add(new Case("rule", "rule=null", () -> new FlrConfig(1, n0, s0, t0, null, v0, l0)));
        c.add(new Case("network", "network=null", () -> new FlrConfig(1, null, s0, t0, "hebbian", v0, l0)));
        c.add(new Case("simulation", "simulation=null", () -> new FlrConfig(1, n0, null, t0, "hebbian", v0, l0)));
        c.add(new Case("task", "task=null", () -> new FlrConfig(1, n0, s0, null, "hebbian", v0, l0)));
        c.add(new Case("speed", "speed=null", () -> new FlrConfig(1, n0, s0, t0, "hebbian", null, l0)));
        c.add(new Case("learning", "learning=null", () -> new FlrConfig(1, n0, s0, t0, "hebbian", v0, null)));
        return c;
    }

    @TestFactory
    Stream<DynamicTest> outOfRangeValuesAreRejectedWithTheirKey() {
        return cases().stream().map(c -> DynamicTest.dynamicTest(c.key() + " " + c.what(), () -> {
            ConfigException e = assertThrows(ConfigException.class, c.build(), c.what());
            assertEquals(c.key(), e.key(), c.what());
            String msg = e.getMessage();
            assertTrue(msg.startsWith(c.key() + ": "), "message names the key first: " + msg);
            assertFalse(msg.contains("\n") || msg.contains("\r"), "message is one line: " + msg);
        }));
    }

    /** A ConfigException is an IllegalArgumentException, so generic callers can still catch it. */
    @Test
    void configExceptionIsAnIllegalArgumentException() {
        assertThrows(IllegalArgumentException.class, () -> TaskConfig.defaults().withCount(2));
        ConfigException e = new ConfigException("a.b", "went wrong");
        assertEquals("a.b", e.key());
        assertEquals("a.b: went wrong", e.getMessage());
    }

    @Test
    void defaultsConstruct() {
        assertDoesNotThrow(NetworkConfig::defaults);
        assertDoesNotThrow(SimulationConfig::defaults);
        assertDoesNotThrow(TaskConfig::defaults);
        assertDoesNotThrow(SpeedConfig::defaults);
        assertDoesNotThrow(LearningConfig::defaults);
        FlrConfig f = FlrConfig.defaults();
        assertEquals(42, f.seed());
        assertEquals("hebbian", f.rule());
        // The documented defaults of NetworkConfig (class doc table).
        NetworkConfig n = NetworkConfig.defaults();
        assertEquals(new NetworkConfig(100, 10, 0.6, 0.2, 0.05, 0.0, Transfer.TANH, 1.0), n);
    }

    /** The boundaries that are allowed really are. */
    @Test
    void boundaryValuesAreAccepted() {
        NetworkConfig d = NetworkConfig.defaults();
        assertDoesNotThrow(() -> d.withMemories(0).withN(2).withSigma(0).withDt(1.0)); // dt = tau, sigma = 0
        assertDoesNotThrow(() -> d.withMemories(5).withN(5)); // memories = n
        assertDoesNotThrow(() -> d.withTau(3.0).withDt(2.0)); // dt in (1, tau]
        assertDoesNotThrow(() -> new SimulationConfig(0, 1, 2, 1, Precision.FLOAT));
        assertDoesNotThrow(() -> TaskConfig.defaults().withGamma(1e-9).withCount(3));
        assertDoesNotThrow(() -> new SpeedConfig(Method.CONCURRENT, 0.999, 1e-9, 1e-9, 2));
        assertDoesNotThrow(() -> new LearningConfig(1e-9, 0.999, 1e-9, 1, 1, false));
    }

    @Test
    void kappaAndDriftStep() {
        NetworkConfig n = NetworkConfig.defaults().withMemories(2).withN(10);
        // 2 beta / sigma^2 = 1.2 / 0.04 = 30; a few roundings on O(30): 1e-12 relative.
        assertEquals(2 * 0.6 / (0.2 * 0.2), n.kappa(), 30 * 1e-14);
        assertEquals(30.0, n.kappa(), 30 * 1e-14);
        assertEquals(0.05, n.driftStep(), 0.0); // dt / 1 is exact
        NetworkConfig slow = n.withTau(2.0);
        // With tau: kappa = 2 beta / (sigma^2 tau) = 15, drift step dt / tau = 0.025.
        assertEquals(15.0, slow.kappa(), 15 * 1e-14);
        assertEquals(0.025, slow.driftStep(), 1e-17);
    }

    @Test
    void stepsRoundsAndIsAtLeastOneForPositiveTime() {
        assertEquals(0, SimulationConfig.steps(0, 0.05));
        assertEquals(0, SimulationConfig.steps(-1, 0.05));
        assertEquals(1, SimulationConfig.steps(0.001, 0.05));
        assertEquals(4000, SimulationConfig.steps(200, 0.05));
        assertEquals(2, SimulationConfig.steps(0.75, 0.5)); // 1.5 (exact) rounds half up
    }

    private static FlrConfig withRun(NetworkConfig net, SimulationConfig sim) {
        FlrConfig d = FlrConfig.defaults();
        return d.withSeed(1).withNetwork(net).withSimulation(sim);
    }

    private static FlrConfig withScales(double beta, double sigma, double tau, double gamma) {
        FlrConfig d = FlrConfig.defaults();
        NetworkConfig net = new NetworkConfig(10, 2, beta, sigma, 0.05, 0, Transfer.TANH, tau);
        return new FlrConfig(1, net, d.simulation(), d.task().withGamma(gamma).withCount(3), d.rule(), d.speed(),
                d.learning());
    }

    private static void refused(String key, Executable build) {
        ConfigException e = assertThrows(ConfigException.class, build);
        assertEquals(key, e.key(), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    /** Step counts are longs and never wrap: 1e12 / 0.05 was (int) 2e13, a single step. */
    @Test
    void stepCountsDoNotWrap() {
        assertEquals(20_000_000_000_000L, SimulationConfig.steps(1.0e12, 0.05));
        assertEquals(Long.MAX_VALUE, SimulationConfig.steps(1e300, 0.05));
    }

    @Test
    void absurdStepCountsAreRefusedNamingTheKey() {
        NetworkConfig net = NetworkConfig.defaults();
        refused("simulation.burn_in", () -> withRun(net, new SimulationConfig(1.0e12, 10, 2, 1, Precision.DOUBLE)));
        refused("simulation.duration", () -> withRun(net, new SimulationConfig(0, 1.0e300, 2, 1, Precision.DOUBLE)));
        FlrConfig d = FlrConfig.defaults();
        refused("learning.max_time", () -> new FlrConfig(1, net, d.simulation(), d.task(), d.rule(), d.speed(),
                new LearningConfig(0.2, 0.5, 1e11, 40, 8, true)));
        refused("speed.window", () -> new FlrConfig(1, net, d.simulation(), d.task(), d.rule(),
                new SpeedConfig(Method.CONCURRENT, 0.02, 0.001, 1e11, 2), d.learning()));
        // Unused phases are not checked: learning off, quasi-static speed.
        assertDoesNotThrow(() -> new FlrConfig(1, net, d.simulation(), d.task(), d.rule(),
                new SpeedConfig(Method.QUASI_STATIC, 0.02, 0.001, 1e11, 2),
                new LearningConfig(0.2, 0.5, 1e11, 40, 8, false)));
        // The largest allowed count is accepted.
        assertDoesNotThrow(() -> withRun(net, new SimulationConfig(0.05 * SimulationConfig.MAX_STEPS, 1, 2, 1,
                Precision.DOUBLE)));
    }

    /** No samples once ended in "dsyev did not converge". */
    @Test
    void aRunWithoutSamplesIsRefused() {
        NetworkConfig net = NetworkConfig.defaults(); // dt 0.05
        refused("simulation.sample_every", () -> withRun(net, new SimulationConfig(0, 10, 2, 1000, Precision.DOUBLE)));
        refused("simulation.sample_every", () -> withRun(net, new SimulationConfig(0, 0.01, 2, 2, Precision.DOUBLE)));
        assertDoesNotThrow(() -> withRun(net, new SimulationConfig(0, 10, 2, 200, Precision.DOUBLE))); // one sample
    }

    /** Scales whose arithmetic leaves the double range (the run ended with NaN statistics, or hung). */
    @Test
    void scalesBeyondDoubleArithmeticAreRefusedNamingTheCulprit() {
        refused("network.sigma", () -> withScales(0.6, 1e-200, 1, 0.1));
        refused("network.sigma", () -> withScales(0.6, 1e-60, 1, 0.1)); // kappa^3 overflows
        refused("network.sigma", () -> withScales(0.6, 1e160, 1, 0.1)); // sigma^2 overflows
        refused("network.beta", () -> withScales(1e-300, 0.2, 1, 0.1));
        refused("network.tau", () -> withScales(0.6, 0.2, 1e308, 0.1));
        refused("task.gamma", () -> withScales(0.6, 0.2, 1, 1e-170));
        assertDoesNotThrow(() -> withScales(0.6, 1e-3, 1, 0.1));
        assertDoesNotThrow(() -> withScales(5, 2, 10, 3));
    }

    @Test
    void longValuesAreNotEchoedWhole() {
        ConfigException e = assertThrows(ConfigException.class, () -> FlrValidator.validate(
                FlrConfig.defaults().withTask(TaskConfig.defaults().withType("x".repeat(1_000_000)))));
        assertTrue(e.getMessage().length() < 200, e.getMessage());
        assertTrue(e.getMessage().endsWith("..."), e.getMessage());
    }

    /** Names are checked against the registries, by the validator, naming the key. */
    @Test
    void unknownNamesAreRejectedByTheValidator() {
        FlrConfig d = FlrConfig.defaults();
        refused("rule", () -> FlrValidator.validate(d.withRule("nope")));
        refused("task.type", () -> FlrValidator.validate(d.withTask(d.task().withType("xyz"))));
        refused("speed.method", () -> FlrValidator.validate(d.withTask(d.task().withType("time-series"))
                .withSpeed(d.speed().withMethod(Method.CONCURRENT))));
        assertTrue(LearningRules.names().contains(d.rule()));
        assertTrue(TaskTypes.names().contains(d.task().type()));
        assertDoesNotThrow(() -> FlrValidator.validate(d));
    }
}
