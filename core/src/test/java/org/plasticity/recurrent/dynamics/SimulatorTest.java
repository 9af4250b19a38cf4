package org.plasticity.recurrent.dynamics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.plasticity.recurrent.config.NetworkConfig;
import org.plasticity.recurrent.config.SimulationConfig;
import org.plasticity.recurrent.fluctuations.MomentAccumulator;
import org.plasticity.recurrent.fluctuations.Moments;
import org.plasticity.recurrent.fluctuations.Sampling;
import org.plasticity.recurrent.model.Memories;
import org.plasticity.recurrent.model.RateNetwork;

class SimulatorTest {

    private static NetworkConfig linear(int n, double beta, double sigma, double dt) {
        return NetworkConfig.defaults().withMemories(0).withN(n).withDt(dt).withBeta(beta).withSigma(sigma)
                .withActivation(NetworkConfig.Transfer.LINEAR);
    }

    /**
     * Ornstein–Uhlenbeck limit (J = 0, linear): dx = (-x + beta h) dt + sigma dW. Euler's stationary law is exactly
     * mean beta h and variance sigma^2 dt / (1 - (1 - dt)^2) = sigma^2 / (2 - dt).
     */
    @Test
    void ornsteinUhlenbeckStationaryMomentsMatchTheEulerClosedForm() {
        int n = 4;
        NetworkConfig cfg = linear(n, 0.7, 0.5, 0.05);
        RateNetwork net = RateNetwork.of(cfg, Memories.of(new double[0][]), new double[n * n]);
        SimulationConfig sim = SimulationConfig.defaults().withBurnIn(20).withDuration(3000).withTrials(10)
                .withSampleEvery(4);
        double[] h = {0.3, -0.3, 0.1, 0.0};
        Moments m = Sampling.moments(net, sim, h, 11, Sampling.GroupRunner.SEQUENTIAL);
        double var = 0.25 / (2 - 0.05);
        // Correlation time 1: about 3000 * 10 independent-ish samples per unit, so the mean's SE is ~ sqrt(var/3e4)
        // ~ 2e-3 and the variance's relative SE ~ sqrt(2/3e4) ~ 1%. Tolerances are 4 SE.
        for (int i = 0; i < n; i++) {
            assertEquals(0.7 * h[i], m.mean()[i], 4 * Math.sqrt(var / 3e4), "mean of unit " + i);
            assertEquals(var, m.covariance()[i * n + i], 4 * 0.01 * var, "variance of unit " + i);
        }
        assertEquals(0.0, m.covariance()[1], 4 * Math.sqrt(var * var / 3e4), "independent units are uncorrelated");
        assertTrue(m.meanVarianceError() > 0 && m.meanVarianceError() < 0.02 * var, "standard error is sensible");
    }

    @Test
    void sameSeedGivesIdenticalSamplesAndAnotherSeedDoesNot() {
        RateNetwork net = RateNetwork.build(NetworkConfig.defaults().withN(20).withMemories(2), 3);
        SimulationConfig sim = SimulationConfig.defaults().withBurnIn(5).withDuration(20).withTrials(3)
                .withSampleEvery(2);
        assertArrayEquals(trace(net, sim, 9), trace(net, sim, 9));
        assertNotEquals(trace(net, sim, 9)[0], trace(net, sim, 10)[0]);
    }

    /** A trial's path depends on its own stream only, not on which batch simulates it. */
    @Test
    void trialPathDoesNotDependOnBatching() {
        RateNetwork net = RateNetwork.build(NetworkConfig.defaults().withN(16).withMemories(2), 3);
        SimulationConfig sim = SimulationConfig.defaults().withBurnIn(5).withDuration(30).withTrials(4)
                .withSampleEvery(3);
        Simulator s = new Simulator(net, sim);
        List<double[]> together = new ArrayList<>();
        s.run(null, 5, 0, 4, (first, trials, n, x) -> together.add(java.util.Arrays.copyOfRange(x, 2 * n, 3 * n)));
        List<double[]> alone = new ArrayList<>();
        s.run(null, 5, 2, 1, (first, trials, n, x) -> alone.add(x.clone()));
        assertEquals(together.size(), alone.size());
        for (int k = 0; k < alone.size(); k++) {
            // Different GEMM shapes may round differently in the last bit; the path is the same to 1e-12.
            assertArrayEquals(together.get(k), alone.get(k), 1e-12);
        }
    }

    /** Float and double runs share their noise; the contracting dynamics keep the paths within float rounding. */
    @Test
    void floatPrecisionAgreesWithDouble() {
        RateNetwork net = RateNetwork.build(NetworkConfig.defaults().withN(64).withMemories(4), 3);
        SimulationConfig d = SimulationConfig.defaults().withBurnIn(20).withDuration(200).withTrials(4);
        SimulationConfig f = SimulationConfig.defaults().withBurnIn(20).withDuration(200).withTrials(4)
                .withPrecision(SimulationConfig.Precision.FLOAT);
        Moments md = Sampling.moments(net, d, null, 8, Sampling.GroupRunner.SEQUENTIAL);
        Moments mf = Sampling.moments(net, f, null, 8, Sampling.GroupRunner.SEQUENTIAL);
        // Float rounding (6e-8 relative per step) accumulates over the relaxation time (~5 units = 100 steps) to
        // ~1e-5 of the state; 1e-3 relative on the variance is a generous bound.
        assertEquals(md.meanVariance(), mf.meanVariance(), 1e-3 * md.meanVariance());
        assertTrue(md.meanVariance() != mf.meanVariance(), "float path really ran in float");
    }

    @Test
    void divergenceIsReportedWithTheStep() {
        NetworkConfig cfg = linear(2, 5.0, 0.1, 0.05);
        double[] j = {0, 1, 1, 0};
        RateNetwork net = RateNetwork.of(cfg, Memories.of(new double[0][]), j);
        SimulationConfig sim = SimulationConfig.defaults().withBurnIn(0).withTrials(2).withSampleEvery(1);
        DivergenceException e = assertThrows(DivergenceException.class,
                () -> new Simulator(net, sim).run(null, 1, 0, 2, (a, b, c, x) -> { }));
        // Growth rate beta*lambda - 1 = 4 per unit time from ~0.1: overflow near t = ln(1e308/0.1)/4 ~ 178.
        assertTrue(e.getMessage().matches(".*step \\d+ \\(t = 1[5-9]\\d(\\.\\d+)?\\).*"), e.getMessage());
    }

    @Test
    void recorderSeesSamplesEverySampleEveryStepsAfterBurnIn() {
        RateNetwork net = RateNetwork.build(NetworkConfig.defaults().withMemories(1).withN(8).withDt(0.1), 3);
        SimulationConfig sim = SimulationConfig.defaults().withBurnIn(1.0).withDuration(2.0).withTrials(2)
                .withSampleEvery(4);
        MomentAccumulator acc = new MomentAccumulator(8, 0, 2);
        int[] calls = {0};
        new Simulator(net, sim).run(null, 1, 0, 2, (first, trials, n, x) -> {
            calls[0]++;
            acc.sample(first, trials, n, x);
        });
        // 20 sampled steps / 4 = 5 samples, each of 2 trials.
        assertEquals(5, calls[0]);
        assertEquals(10, Moments.combine(List.of(acc)).samples());
    }

    private static double[] trace(RateNetwork net, SimulationConfig sim, long seed) {
        List<Double> xs = new ArrayList<>();
        new Simulator(net, sim).run(null, seed, 0, sim.trials(), (first, trials, n, x) -> {
            for (double v : x) {
                xs.add(v);
            }
        });
        return xs.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
