package org.plasticity.recurrent.learning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.plasticity.recurrent.config.LearningConfig;
import org.plasticity.recurrent.config.NetworkConfig;
import org.plasticity.recurrent.config.SimulationConfig;
import org.plasticity.recurrent.model.RateNetwork;
import org.plasticity.recurrent.rule.HebbianRule;
import org.plasticity.recurrent.task.IoMappingTask;

class IntegratedLearningTimeTest {
    static final NetworkConfig NET = NetworkConfig.defaults().withN(40).withMemories(3);
    static final SimulationConfig SIM = SimulationConfig.defaults().withBurnIn(50).withDuration(150).withTrials(4);

    /**
     * A self-amplifying learner with a closed form: J is the overlap itself, v(m) = a + b m^2, so
     * T = [atan(theta sqrt(b/a)) - atan(m0 sqrt(b/a))] / (epsilon sqrt(a b)). Heun's error falls as 1/steps^2.
     */
    @Test
    void heunConvergesAtSecondOrderOnAClosedForm() {
        double a = 0.01;
        double b = 1.0;
        double eps = 0.2;
        double m0 = 0.02;
        double theta = 0.5;
        IntegratedLearningTime.RateAt rate = (j, k) -> {
            double v = a + b * j[0] * j[0];
            return new IntegratedLearningTime.Rate(j[0], v, new double[] {v});
        };
        double q = Math.sqrt(b / a);
        double exact = (Math.atan(theta * q) - Math.atan(m0 * q)) / (eps * Math.sqrt(a * b));
        double firstOrder = (theta - m0) / (eps * a);
        double previous = Double.NaN;
        for (int steps : new int[] {8, 16, 32, 64}) {
            double t = IntegratedLearningTime.integrate(new double[] {m0}, rate, eps, theta, steps);
            double error = Math.abs(t - exact);
            if (!Double.isNaN(previous)) {
                double order = Math.log(previous / error) / Math.log(2);
                assertEquals(2.0, order, 0.3, "observed order at " + steps + " steps");
            }
            previous = error;
        }
        assertTrue(previous / exact < 1e-3, "64 steps: relative error " + previous / exact);
        assertTrue(firstOrder > 3 * exact, "the first-order estimate misses the acceleration: " + firstOrder);
    }

    /** Past the threshold already: no time is needed; a stalling speed gives NaN instead of a number. */
    @Test
    void edgeCases() {
        assertEquals(0.0, IntegratedLearningTime.integrate(new double[] {0.6},
                (j, k) -> new IntegratedLearningTime.Rate(j[0], 1, new double[] {1}), 0.2, 0.5, 4));
        assertTrue(Double.isNaN(IntegratedLearningTime.integrate(new double[] {0.0},
                (j, k) -> new IntegratedLearningTime.Rate(j[0], 0.1 - j[0], new double[] {0.1 - j[0]}), 0.2, 0.5, 4)));
    }

    /** On a real network, integrating shortens T of an accelerating Hebbian learner and lands closer to learning. */
    @Test
    void integratingAlongTheTrajectoryAccountsForAcceleration() {
        RateNetwork net = RateNetwork.build(NET, 4);
        IoMappingTask task = new IoMappingTask(0, net.memories().pattern(0), net.memories().pattern(1), 0.1, 1, 1);
        IntegratedLearningTime.RateAt rate = IntegratedLearningTime.fromSimulation(net, SIM, task, new HebbianRule(), 9);
        IntegratedLearningTime.Rate start = rate.at(net.coupling(), 0);
        double firstOrder = (0.5 - start.overlap()) / (0.2 * start.speed());
        double integrated = IntegratedLearningTime.estimate(net, SIM, task, new HebbianRule(), 0.2, 0.5, 5, 9);
        assertTrue(integrated < firstOrder, "integrated " + integrated + " vs first-order " + firstOrder);
        LearningTime measured = LearningTime.measure(net, task, new HebbianRule(),
                LearningConfig.defaults().withTrials(4), 50, 3);
        assertTrue(Math.abs(Math.log(integrated / measured.time())) < Math.abs(Math.log(firstOrder / measured.time())),
                "measured " + measured.time() + ", integrated " + integrated + ", first-order " + firstOrder);
        assertTrue(Math.abs(Math.log(integrated / measured.time())) < Math.log(1.5),
                "integrated within a factor 1.5 of learning: " + integrated + " vs " + measured.time());
    }
}
