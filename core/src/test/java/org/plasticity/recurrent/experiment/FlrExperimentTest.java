package org.plasticity.recurrent.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.plasticity.recurrent.config.FlrConfig;
import org.plasticity.recurrent.config.LearningConfig;
import org.plasticity.recurrent.config.NetworkConfig;
import org.plasticity.recurrent.config.SimulationConfig;
import org.plasticity.recurrent.config.SpeedConfig;
import org.plasticity.recurrent.config.TaskConfig;

class FlrExperimentTest {
    static FlrConfig small(String rule) {
        return small(rule, "io-mapping");
    }

    static FlrConfig small(String rule, String type) {
        return new FlrConfig(7, NetworkConfig.defaults().withN(40).withMemories(4),
                SimulationConfig.defaults().withBurnIn(50).withDuration(200).withTrials(6),
                TaskConfig.defaults().withType(type).withCount(6), rule, SpeedConfig.defaults(),
                LearningConfig.defaults().withEpsilon(0.3).withMaxTime(100).withTrials(2));
    }

    /** Auto-associative memory (eta = xi): FLR1 tracks the measured speed there too. */
    @Test
    void autoAssociativeTasksUseThePatternAsCue() {
        FlrResult r = FlrExperiment.run(small("hebbian", "auto-associative"), 2, ProgressListener.NONE);
        for (TaskResult t : r.tasks()) {
            assertEquals(t.alignXi(), t.alignEta());
            assertEquals(t.varianceXi(), t.varianceEta(), 0.0, "same direction, same variance");
        }
        assertTrue(r.flr1().pearsonR() > 0.8, "FLR1 r = " + r.flr1().pearsonR());
    }

    /** Time-series generation: sequences of three patterns; FLR1 tracks the measured speed of the mean overlap. */
    @Test
    void timeSeriesTasksFollowFlr1() {
        FlrResult r = FlrExperiment.run(small("hebbian", "time-series"), 2, ProgressListener.NONE);
        assertEquals(6, r.tasks().size());
        assertTrue(r.flr1().pearsonR() > 0.8, "FLR1 r = " + r.flr1().pearsonR());
        for (TaskResult t : r.tasks()) {
            assertTrue(Double.isNaN(t.learningTime().time()), "learning time is for single transitions");
        }
    }

    @Test
    void resultsDoNotDependOnThreadCount() {
        FlrResult one = FlrExperiment.run(small("hebbian"), 1, ProgressListener.NONE);
        FlrResult two = FlrExperiment.run(small("hebbian"), 2, ProgressListener.NONE);
        FlrResult three = FlrExperiment.run(small("hebbian"), 3, ProgressListener.NONE);
        assertEquals(one.tasks(), two.tasks());
        assertEquals(one.tasks(), three.tasks());
        assertEquals(one.spontaneous(), two.spontaneous());
        assertEquals(one.flr1(), three.flr1());
        assertEquals(one.learningTime(), two.learningTime());
    }

    @Test
    void progressCountsEveryUnitOnceAndPredictionsTrackMeasurements() {
        AtomicLong last = new AtomicLong();
        AtomicLong calls = new AtomicLong();
        FlrResult r = FlrExperiment.run(small("target-error"), 2, (done, total) -> {
            if (done > 0) {
                calls.incrementAndGet(); // a first call with 0 announces the total
            }
            last.accumulateAndGet(done, Math::max);
            assertEquals(1 + 6, total); // the spontaneous run, then each task
        });
        assertEquals(7, calls.get());
        assertEquals(7, last.get());
        assertEquals(6, r.tasks().size());
        // Even this small, short run ranks tasks by speed: the agreement must be clearly positive.
        assertTrue(r.flr1().pearsonR() > 0.8, "FLR1 r = " + r.flr1().pearsonR());
        for (TaskResult t : r.tasks()) {
            assertTrue(t.measured().standardError() > 0, "standard error reported");
            assertTrue(t.varianceXi() > 0 && t.varianceEta() > 0);
        }
        assertTrue(r.spontaneous().meanVariance() > 0 && r.spontaneous().meanVarianceError() > 0);
    }
}
