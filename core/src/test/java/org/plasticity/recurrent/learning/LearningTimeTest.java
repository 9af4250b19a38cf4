package org.plasticity.recurrent.learning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.plasticity.recurrent.config.LearningConfig;
import org.plasticity.recurrent.config.NetworkConfig;
import org.plasticity.recurrent.model.RateNetwork;
import org.plasticity.recurrent.rule.HebbianRule;
import org.plasticity.recurrent.rule.TargetErrorRule;
import org.plasticity.recurrent.task.IoMappingTask;

class LearningTimeTest {
    static final NetworkConfig NET = NetworkConfig.defaults().withN(40).withMemories(3);

    private static IoMappingTask task(RateNetwork net) {
        return new IoMappingTask(0, net.memories().pattern(0), net.memories().pattern(1), 0.1, 1, 1);
    }

    @Test
    void learningReachesTheThresholdAndFasterRateLearnsSooner() {
        RateNetwork net = RateNetwork.build(NET, 4);
        LearningTime slow = LearningTime.measure(net, task(net), new HebbianRule(),
                LearningConfig.defaults().withTrials(4), 20, 9);
        LearningTime fast = LearningTime.measure(net, task(net), new HebbianRule(),
                LearningConfig.defaults().withEpsilon(0.4).withTrials(4), 20, 9);
        assertTrue(Double.isFinite(slow.time()) && Double.isFinite(fast.time()), slow + " " + fast);
        assertTrue(slow.finalOverlap() > 0.5 && fast.finalOverlap() > 0.5);
        // To first order T_L scales as 1/epsilon; the nonlinear approach to saturation keeps it within a factor.
        double ratio = slow.time() / fast.time();
        assertTrue(ratio > 1.4 && ratio < 2.6, "doubling epsilon roughly halves T_L: ratio " + ratio);
    }

    @Test
    void thresholdNotReachedGivesNaN() {
        RateNetwork net = RateNetwork.build(NET, 4);
        LearningTime t = LearningTime.measure(net, task(net), new HebbianRule(),
                LearningConfig.defaults().withEpsilon(1e-4).withMaxTime(20).withTrials(2), 20, 9);
        assertTrue(Double.isNaN(t.time()));
        assertTrue(t.finalOverlap() < 0.5);
    }

    /** The target-error rule drives activity to the target: m approaches 1 and J stops changing. */
    @Test
    void targetErrorRuleConvergesToTheTarget() {
        RateNetwork net = RateNetwork.build(NET, 4);
        double[] m = PlasticRun.overlapTrace(net, task(net), new TargetErrorRule(), 2.0, 20, 300, 2, 3);
        double end = 0;
        for (int k = m.length - 200; k < m.length; k++) {
            end += m[k] / 200;
        }
        // With noise sigma = 0.2 the learned state sits near tanh of a strong field: overlap above 0.8.
        assertTrue(end > 0.8, "final overlap " + end);
        assertTrue(m[0] < 0.3, "starts unlearned: " + m[0]);
    }

    @Test
    void zeroRateLeavesTheOverlapStationary() {
        RateNetwork net = RateNetwork.build(NET, 4);
        double[] m = PlasticRun.overlapTrace(net, task(net), new HebbianRule(), 0.0, 50, 200, 4, 3);
        double first = 0;
        double last = 0;
        int h = m.length / 2;
        for (int k = 0; k < h; k++) {
            first += m[k] / h;
            last += m[h + k] / h;
        }
        // Stationary without learning: the two halves agree within sampling noise (per-unit std ~0.15, 4 learners).
        assertEquals(first, last, 0.05);
    }
}
