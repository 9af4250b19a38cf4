package org.plasticity.recurrent.experiment;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.plasticity.ConfigException;
import org.plasticity.recurrent.config.FlrConfig;
import org.plasticity.recurrent.config.LearningConfig;
import org.plasticity.recurrent.config.NetworkConfig;
import org.plasticity.recurrent.config.SimulationConfig;
import org.plasticity.recurrent.config.TaskConfig;
import org.plasticity.recurrent.flr.FlrPrediction;
import org.plasticity.recurrent.learning.LearningTime;
import org.plasticity.recurrent.learning.SpeedMeasurement;
import org.plasticity.stats.Agreement;

/**
 * Sizes near 2^31 are refused before anything is allocated (they ended in OutOfMemoryError after seconds), and a
 * result with a NaN or infinite statistic is a failure naming it (such runs exited 0).
 */
class PreflightTest {
    private static final long GIB = 1L << 30;

    private static FlrConfig sized(int n, int trials, int count, int learners) {
        FlrConfig d = FlrConfig.defaults();
        return new FlrConfig(1, NetworkConfig.defaults().withMemories(2).withN(n),
                SimulationConfig.defaults().withBurnIn(10).withDuration(20).withTrials(trials),
                TaskConfig.defaults().withCount(count), d.rule(), d.speed(),
                LearningConfig.defaults().withMaxTime(20).withTrials(learners));
    }

    private static ConfigException refused(FlrConfig cfg, long heap) {
        return assertThrows(ConfigException.class, () -> Preflight.check(cfg, 2, heap));
    }

    @Test
    void hugeSizesAreRefusedNamingTheKeyAndTheMemoryNeeded() {
        ConfigException n = refused(sized(2_000_000_000, 2, 3, 2), 4 * GIB);
        assertEquals("network.n", n.key());
        assertTrue(n.getMessage().startsWith("network.n: 2000000000 needs about ")
                && n.getMessage().contains("bytes of memory (this JVM may use 4.0 GiB"), n.getMessage());
        assertEquals("simulation.trials", refused(sized(10, 2_000_000_000, 3, 2), 4 * GIB).key());
        assertEquals("task.count", refused(sized(10, 2, 2_000_000_000, 2), 4 * GIB).key());
        assertEquals("learning.trials", refused(sized(10, 2, 3, 2_000_000_000), 4 * GIB).key());
    }

    @Test
    void arraysBeyondJavaLimitsAreRefusedWhateverTheHeap() {
        ConfigException e = refused(sized(50_000, 2, 3, 2), Long.MAX_VALUE);
        assertEquals("network.n", e.key());
        assertTrue(e.getMessage().contains("46340"), e.getMessage());
    }

    @Test
    void runsOfMonthsAreRefused() {
        FlrConfig d = FlrConfig.defaults();
        FlrConfig slow = new FlrConfig(1, NetworkConfig.defaults().withN(2000).withMemories(2),
                SimulationConfig.defaults().withBurnIn(10).withDuration(4e7), d.task(), d.rule(),
                d.speed(), d.learning());
        ConfigException e = refused(slow, Long.MAX_VALUE);
        assertEquals("simulation.duration", e.key());
        assertTrue(e.getMessage().contains("days"), e.getMessage());
    }

    @Test
    void theDefaultsPassAndTheirEstimateIsSmall() {
        Preflight.Estimate e = assertDoesNotThrow(() -> Preflight.check(FlrConfig.defaults(), 2, GIB));
        assertTrue(e.bytes() > 1e6 && e.bytes() < 1e8, "bytes " + e.bytes());
        assertTrue(e.seconds() > 1 && e.seconds() < 600, "seconds " + e.seconds());
    }

    /** The experiment itself checks before building anything: a hostile size fails at once, not after seconds. */
    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void theExperimentRefusesBeforeAllocating() {
        assertThrows(ConfigException.class, () -> FlrExperiment.run(sized(2_000_000_000, 2, 3, 2), 1, (d, t) -> {}));
    }

    private static FlrResult result(double flr1, double pearson) {
        TaskResult t = new TaskResult(0, 0.5, 0.5, 1, 1, 1, 0.1, new FlrPrediction(flr1, 1, 1),
                new SpeedMeasurement(1, 0.1, 1), new LearningTime(Double.NaN, Double.NaN));
        Agreement a = new Agreement(pearson, Double.NaN, 1, Double.NaN, 0);
        Agreement ok = new Agreement(0.9, Double.NaN, 1, Double.NaN, 0);
        return new FlrResult("v", "b", FlrConfig.defaults(), 1, 0,
                new FlrResult.SpontaneousSummary(1, 0.1, 1, 0.1, 1, 0, 10), List.of(t), a, ok, ok, null);
    }

    @Test
    void nonFiniteStatisticsAreNamed() {
        assertDoesNotThrow(() -> NonFiniteResultException.check(result(0.5, 0.9)));
        NonFiniteResultException inf = assertThrows(NonFiniteResultException.class,
                () -> NonFiniteResultException.check(result(Double.POSITIVE_INFINITY, 0.9)));
        assertTrue(inf.getMessage().startsWith("statistic tasks[0].predicted_flr1 is Infinity"), inf.getMessage());
        NonFiniteResultException nan = assertThrows(NonFiniteResultException.class,
                () -> NonFiniteResultException.check(result(0.5, Double.NaN)));
        assertTrue(nan.getMessage().startsWith("statistic flr1.pearson_r is NaN"), nan.getMessage());
    }
}
