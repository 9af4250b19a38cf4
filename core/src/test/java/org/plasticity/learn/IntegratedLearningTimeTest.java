package org.plasticity.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.plasticity.config.NetworkConfig;
import org.plasticity.config.SimulationConfig;
import org.plasticity.flr.Flr;
import org.plasticity.model.RateNetwork;
import org.plasticity.numeric.Seeds;
import org.plasticity.rule.HebbianRule;
import org.plasticity.stats.Moments;
import org.plasticity.stats.Sampling;
import org.plasticity.task.IoMappingTask;

class IntegratedLearningTimeTest {
    static final NetworkConfig NET = new NetworkConfig(40, 3, 0.6, 0.2, 0.05, 0, NetworkConfig.Activation.TANH);
    static final SimulationConfig SIM = new SimulationConfig(50, 150, 4, 5, SimulationConfig.Precision.DOUBLE);

    /** One step is the first-order estimate (theta - m0) / (epsilon v0), from the same simulations. */
    @Test
    void oneStepIsTheFirstOrderEstimate() {
        RateNetwork net = RateNetwork.build(NET, 4);
        IoMappingTask task = new IoMappingTask(0, net.memories().pattern(0), net.memories().pattern(1), 0.1, 1, 1);
        double t = IntegratedLearningTime.estimate(net, SIM, task, new HebbianRule(), 0.2, 0.5, 1, 9);
        Moments evoked = Sampling.moments(net, SIM, task.field(), Seeds.derive(9, 0, 0), Sampling.GroupRunner.SEQUENTIAL);
        Moments spont = Sampling.moments(net, SIM, null, Seeds.derive(9, 0, 1), Sampling.GroupRunner.SEQUENTIAL);
        double v = Flr.flr1(net.kappa(), task.xi(), spont.covariance(), new HebbianRule().meanUpdate(task.xi(), evoked),
                evoked.mean());
        assertEquals((0.5 - task.overlap(evoked.mean())) / (0.2 * v), t, 1e-12 * t);
    }

    /** Hebbian learning accelerates (the evoked response grows along the target), so integrating shortens T. */
    @Test
    void integratingAlongTheTrajectoryAccountsForAcceleration() {
        RateNetwork net = RateNetwork.build(NET, 4);
        IoMappingTask task = new IoMappingTask(0, net.memories().pattern(0), net.memories().pattern(1), 0.1, 1, 1);
        double one = IntegratedLearningTime.estimate(net, SIM, task, new HebbianRule(), 0.2, 0.5, 1, 9);
        double five = IntegratedLearningTime.estimate(net, SIM, task, new HebbianRule(), 0.2, 0.5, 5, 9);
        assertTrue(five < one, "integrated " + five + " vs first-order " + one);
        LearningTime measured = LearningTime.measure(net, task, new HebbianRule(),
                new org.plasticity.config.LearningConfig(0.2, 0.5, 400, 40, 4, true), 50, 3);
        // The integrated estimate is closer to the measured time than the first-order one.
        assertTrue(Math.abs(Math.log(five / measured.time())) < Math.abs(Math.log(one / measured.time())),
                "measured " + measured.time() + ", integrated " + five + ", first-order " + one);
    }
}
