package org.plasticity.recurrent.learning;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.plasticity.numeric.Blas;
import org.plasticity.numeric.EulerKernels;
import org.plasticity.numeric.Seeds;
import org.plasticity.recurrent.config.NetworkConfig;
import org.plasticity.recurrent.config.SimulationConfig;
import org.plasticity.recurrent.dynamics.Simulator;
import org.plasticity.recurrent.fluctuations.Moments;
import org.plasticity.recurrent.fluctuations.Sampling;
import org.plasticity.recurrent.model.RateNetwork;
import org.plasticity.recurrent.rule.ContrastiveHebbianRule;
import org.plasticity.recurrent.rule.HebbianRule;
import org.plasticity.recurrent.rule.LearningRule;
import org.plasticity.recurrent.rule.RandomFeedbackRule;
import org.plasticity.recurrent.rule.TargetErrorRule;
import org.plasticity.recurrent.task.IoMappingTask;

/**
 * The machinery behind every rule, against a second implementation: the simulated estimate of {@code <F>} against
 * the moments the batched {@link Simulator} gives on the same noise, the nudged copy against the nudged network, and
 * {@link PlasticRun} against the loop it had before rules could carry state.
 */
class MeanUpdatesTest {
    static final NetworkConfig NET = NetworkConfig.defaults().withN(10).withMemories(2);
    static final SimulationConfig SIM = SimulationConfig.defaults().withBurnIn(20).withDuration(100).withTrials(4);

    private static IoMappingTask task(RateNetwork net) {
        return new IoMappingTask(0, net.memories().pattern(0), net.memories().pattern(1), 0.3, 1, 1);
    }

    /**
     * For a Hebb-type rule, averaging the learner's updates over a simulation gives the moment formula on the moments
     * of the same trials: the two simulations (one trial at a time here, batched there) follow the same paths.
     */
    @Test
    void simulatedAverageOfAHebbTypeRuleIsItsMomentFormula() {
        RateNetwork net = RateNetwork.build(NET, 3);
        IoMappingTask task = task(net);
        for (LearningRule rule : new LearningRule[] {new HebbianRule(), new TargetErrorRule(), new RandomFeedbackRule()}) {
            Moments evoked = Sampling.moments(net, SIM, task.field(), 9, Sampling.GroupRunner.SEQUENTIAL);
            MeanUpdates.MeanUpdate sim = MeanUpdates.simulated(net, SIM, task, rule, 9);
            double[] analytic = rule.meanUpdate(task.xi(), evoked);
            assertTrue(sim.estimated());
            assertEquals(Sampling.groups(SIM.trials()).length, sim.groupMeans().length);
            assertArrayEquals(analytic, sim.mean(), 1e-9, rule.name());
            assertTrue(sim.standardError(f -> f[0]) > 0, "groups differ");
        }
    }

    /**
     * The contrastive rule's learner, averaged over its two copies (the nudge added to the free copy's field), equals
     * its formula on the moments of the free network and of the nudged network {@code J - lambda I} with input
     * {@code gamma eta + lambda xi}, simulated on the same noise.
     */
    @Test
    void nudgedCopyIsTheNudgedNetwork() {
        RateNetwork net = RateNetwork.build(NET, 3);
        IoMappingTask task = task(net);
        LearningRule rule = new ContrastiveHebbianRule(0.2);
        Moments free = Sampling.moments(net, SIM, task.field(), 9, Sampling.GroupRunner.SEQUENTIAL);
        double[] analytic = MeanUpdates.of(net, SIM, task, rule, free, 9).mean();
        double[] simulated = MeanUpdates.simulated(net, SIM, task, rule, 9).mean();
        double scale = 0;
        for (double v : analytic) {
            scale = Math.max(scale, Math.abs(v));
        }
        // The two round differently (J y + lambda (xi - y) against (J - lambda I) y + lambda xi): far below 1e-9.
        assertArrayEquals(analytic, simulated, 1e-9 * scale);
        assertTrue(scale > 0.1, "the nudge changes the second moment: " + scale);
        assertFalse(MeanUpdates.of(net, SIM, task, rule, free, 9).estimated());
    }

    /** PlasticRun gives Hebb-type rules the very bits of its loop from before rules had learners. */
    @Test
    void plasticRunOfHebbTypeRulesIsUnchanged() {
        RateNetwork net = RateNetwork.build(NET, 3);
        IoMappingTask task = task(net);
        for (LearningRule rule : new LearningRule[] {new HebbianRule(), new TargetErrorRule()}) {
            double[][] now = PlasticRun.overlapTraces(net, task, rule, 0.5, 10, 20, 3, 17);
            double[][] before = previousLoop(net, task, rule, 0.5, 10, 20, 3, 17);
            for (int b = 0; b < now.length; b++) {
                assertArrayEquals(before[b], now[b], 0.0, rule.name() + " learner " + b);
            }
        }
    }

    /** The loop of PlasticRun.overlapTraces as it was (commit e79c362), kept here as the reference. */
    private static double[][] previousLoop(RateNetwork network, IoMappingTask task, LearningRule rule,
                                           double epsilon, double burnIn, double learnTime, int learners, long seed) {
        int n = network.n();
        double dt = network.config().dt();
        double beta = network.config().beta();
        double s = network.config().sigma() * Math.sqrt(dt);
        double drift = network.config().driftStep();
        boolean tanh = network.tanh();
        int burn = Math.toIntExact(Math.round(burnIn / dt));
        int learn = Math.toIntExact(Math.max(1, Math.round(learnTime / dt)));
        double[] h = task.field();
        double[] xi = task.xi();
        double[][] traces = new double[learners][learn];
        double[] x = new double[n];
        double[] u = new double[n];
        double[] z = new double[n];
        double[] f = new double[n];
        double rate = epsilon * dt / n;
        for (int b = 0; b < learners; b++) {
            SplittableRandom rng = Seeds.stream(seed, b);
            double[] j = network.coupling();
            Seeds.gaussians(rng, x, 0, n);
            for (int i = 0; i < n; i++) {
                x[i] *= Simulator.INITIAL_SPREAD;
            }
            for (int step = 0; step < burn + learn; step++) {
                Blas.gemv(n, n, 1.0, j, 0, x, 0, 0.0, u, 0);
                Seeds.gaussians(rng, z, 0, n);
                EulerKernels.step(tanh, n, x, 0, u, 0, h, z, 0, beta, drift, s);
                if (step >= burn) {
                    if (rate != 0) {
                        rule.post(xi, x, 0, f);
                        Blas.ger(n, n, rate, f, 0, x, 0, j, 0);
                    }
                    traces[b][step - burn] = task.overlap(x);
                }
            }
        }
        return traces;
    }
}
