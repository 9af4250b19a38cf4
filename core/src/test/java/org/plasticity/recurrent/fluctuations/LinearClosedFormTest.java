package org.plasticity.recurrent.fluctuations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.plasticity.LinearModel;
import org.plasticity.numeric.SymmetricEigen;
import org.plasticity.numeric.Vectors;
import org.plasticity.recurrent.config.NetworkConfig;
import org.plasticity.recurrent.config.SimulationConfig;
import org.plasticity.recurrent.model.RateNetwork;
import org.plasticity.stats.Summary;

/**
 * The simulated statistics of the linearised network against its closed forms (docs/model.md#derivation): the covariance solves the
 * Lyapunov equation, and the static response to an input equals kappa C (the fluctuation-response relation).
 */
class LinearClosedFormTest {
    static final NetworkConfig NET = NetworkConfig.defaults().withN(12).withMemories(2).withDt(0.02)
            .withBeta(0.5).withSigma(0.3).withRandomPart(0.2).withActivation(NetworkConfig.Transfer.LINEAR);
    static final SimulationConfig SIM = SimulationConfig.defaults().withBurnIn(50).withDuration(2500)
            .withSampleEvery(10);

    /** Simulated C equals the Euler scheme's Lyapunov solution within 4 standard errors, statistic by statistic. */
    @Test
    void covarianceEqualsLyapunovSolution() {
        RateNetwork net = RateNetwork.build(NET, 21);
        LinearModel lin = new LinearModel(net);
        Moments m = Sampling.moments(net, SIM, null, 5, Sampling.GroupRunner.SEQUENTIAL);
        double[] exact = lin.eulerCovariance();
        int n = net.n();
        double[] xi = randomSigns(n, 3);
        double[] e = net.memories().pattern(0);
        check("mean variance", Moments.meanVariance(exact), m.meanVariance(), m.meanVarianceError());
        check("top eigenvalue", SymmetricEigen.of(n, exact).max(), SymmetricEigen.of(n, m.covariance()).max(),
                m.standardError(c -> SymmetricEigen.of(n, c).max()));
        check("variance along a random direction", Moments.quadratic(exact, xi) / n, m.varianceAlong(xi),
                m.varianceAlongError(xi));
        check("variance along a memory", Moments.quadratic(exact, e) / n, m.varianceAlong(e), m.varianceAlongError(e));
        check("covariance entry (0,1)", exact[1], m.covariance()[1], m.standardError(c -> c[1]));
        // The continuous-time solution differs from Euler's by the factor (1 - dt a / 2)^-1 per mode: visible here.
        double cont = Moments.meanVariance(lin.covariance());
        assertTrue(Math.abs(cont / Moments.meanVariance(exact) - 1) < lin.eulerBias() + 1e-12);
    }

    /**
     * The fluctuation-response constant: for a small input gamma eta, the mean response along eta divided by the
     * variance along eta, {@code eta . xbar / (gamma eta^T C eta)}, comes out as kappa = 2 beta / sigma^2. For the
     * Euler scheme the exact ratio is kappa eta^T A^-1 eta / eta^T A^-1 (I - dt A/2)^-1 eta, within dt a_max / 2 of
     * kappa; the estimate must equal that within 4 standard errors.
     */
    @ParameterizedTest
    @ValueSource(doubles = {1.0, 2.5})
    void responseOverFluctuationIsKappa(double tau) {
        NetworkConfig cfg = NET.withTau(tau);
        RateNetwork net = RateNetwork.build(cfg, 21);
        LinearModel lin = new LinearModel(net);
        int n = net.n();
        double gamma = 0.05;
        double[] eta = net.memories().pattern(1);
        double[] field = new double[n];
        for (int i = 0; i < n; i++) {
            field[i] = gamma * eta[i];
        }
        Moments spont = Sampling.moments(net, SIM, null, 5, Sampling.GroupRunner.SEQUENTIAL);
        Moments evoked = Sampling.moments(net, SIM, field, 6, Sampling.GroupRunner.SEQUENTIAL);
        double response = Vectors.dot(eta, evoked.mean());
        double fluctuation = gamma * Moments.quadratic(spont.covariance(), eta);
        double kappaHat = response / fluctuation;

        double[] perTrial = new double[evoked.trials()];
        for (int t = 0; t < perTrial.length; t++) {
            perTrial[t] = Vectors.dot(eta, evoked.trialMeans()[t]);
        }
        double relSe = Math.hypot(Summary.standardError(perTrial) / response,
                spont.varianceAlongError(eta) / spont.varianceAlong(eta));

        double exactResponse = Vectors.dot(eta, lin.evokedMean(gamma, eta));
        double kappaEuler = exactResponse / (gamma * Moments.quadratic(lin.eulerCovariance(), eta));
        double kappa = cfg.kappa();
        assertEquals(2 * cfg.beta() / (cfg.sigma() * cfg.sigma() * tau), kappa, 1e-12 * kappa);
        assertEquals(kappa, kappaEuler, kappa * lin.eulerBias(), "Euler bias bound");
        assertEquals(kappaEuler, kappaHat, 4 * relSe * kappaEuler, "kappa from simulation");
        assertTrue(relSe < 0.05, "the test is sharp: relative SE " + relSe);
    }

    private static void check(String what, double exact, double simulated, double se) {
        assertTrue(se > 0 && se < 0.1 * Math.abs(exact) + 1e-4, what + ": SE " + se + " is sensible");
        assertEquals(exact, simulated, 4 * se, what);
    }

    static double[] randomSigns(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = r.nextBoolean() ? 1 : -1;
        }
        return v;
    }
}
