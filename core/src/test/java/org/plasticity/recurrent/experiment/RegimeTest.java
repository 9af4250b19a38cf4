package org.plasticity.recurrent.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.plasticity.numeric.SymmetricEigen;
import org.plasticity.recurrent.config.NetworkConfig;
import org.plasticity.recurrent.experiment.Regime.Reason;
import org.plasticity.recurrent.model.Memories;
import org.plasticity.recurrent.model.RateNetwork;

/** Each criterion of {@link Regime} on constructed inputs with closed-form values. */
class RegimeTest {
    private static final int N = 16;
    private static final int M = 4;

    /**
     * M rows of the Sylvester-Hadamard matrix of order N: mutually orthogonal +-1 patterns. Then
     * {@code (1/N) sum p p^T} has eigenvalue 1 on their span and 0 elsewhere, and zeroing the diagonal subtracts
     * {@code M/N} from every eigenvalue: {@code lambda_max(J) = 1 - M/N}.
     */
    private static Memories orthogonal() {
        double[][] p = new double[M][N];
        for (int mu = 0; mu < M; mu++) {
            for (int i = 0; i < N; i++) {
                p[mu][i] = Integer.bitCount((mu + 1) & i) % 2 == 0 ? 1 : -1;
            }
        }
        return Memories.of(p);
    }

    private static RateNetwork network(double beta, NetworkConfig.Transfer transfer) {
        Memories memories = orthogonal();
        NetworkConfig cfg = NetworkConfig.defaults().withN(N).withMemories(M).withBeta(beta).withActivation(transfer);
        return RateNetwork.of(cfg, memories, memories.hebbianCoupling());
    }

    @Test
    void couplingOfOrthogonalPatternsHasTopEigenvalueOneMinusMOverN() {
        double top = SymmetricEigen.values(N, orthogonal().hebbianCoupling()).max();
        assertEquals(1.0 - (double) M / N, top, 1e-12);
    }

    @Test
    void gainSetsCriticality() {
        double top = 1.0 - (double) M / N; // 0.75
        assertEquals(List.of(), judgeGain(1.0 * top).reasons());
        assertEquals("ok", judgeGain(1.0 * top).status());
        assertEquals(List.of(Reason.NEAR_CRITICAL), judgeGain(1.25 * top).reasons()); // 0.9375
        assertEquals(List.of(Reason.SUPERCRITICAL), judgeGain(1.4 * top).reasons()); // 1.05
        assertEquals("supercritical", judgeGain(1.4 * top).status());
        assertEquals(List.of(Reason.NEAR_CRITICAL), judgeGain(Regime.NEAR_CRITICAL).reasons());
        assertEquals(List.of(Reason.SUPERCRITICAL), judgeGain(Regime.SUPERCRITICAL).reasons());
    }

    private static Regime judgeGain(double gain) {
        return Regime.judge(gain, Double.NaN, 1.0, 0.01, 0.01, 0.0);
    }

    @Test
    void meanStateGainAtZeroIsTheLinearGainAndFallsInARetrievalState() {
        double beta = 1.4;
        double lambda = 1.0 - (double) M / N;
        RateNetwork net = network(beta, NetworkConfig.Transfer.TANH);
        assertEquals(beta * lambda, Regime.meanStateGain(net, new double[N]), 1e-12);
        // x = a p: J x = a lambda p, so phi' = 1 - tanh^2(beta a lambda) on every unit and D = d I.
        double a = 0.5;
        double[] x = orthogonal().pattern(0);
        for (int i = 0; i < N; i++) {
            x[i] *= a;
        }
        double t = Math.tanh(beta * a * lambda);
        assertEquals(beta * lambda * (1 - t * t), Regime.meanStateGain(net, x), 1e-12);
        // Linear units have slope 1 everywhere.
        assertEquals(beta * lambda, Regime.meanStateGain(network(beta, NetworkConfig.Transfer.LINEAR), x), 1e-12);
    }

    @Test
    void relativeErrorOfTheTopEigenvalueSetsConvergence() {
        Regime loose = Regime.judge(0.5, Double.NaN, 2.0, 0.5, 0.01, 0.0);
        assertEquals(0.25, loose.topEigenvalueRelativeError(), 1e-15);
        assertEquals(List.of(Reason.NOT_CONVERGED), loose.reasons());
        assertTrue(Regime.judge(0.5, Double.NaN, 2.0, 0.3, 0.01, 0.0).ok());
        // One trial group: no standard error, no verdict.
        assertTrue(Regime.judge(0.5, Double.NaN, 2.0, Double.NaN, 0.01, 0.0).ok());
    }

    @Test
    void trialsOnOppositeSidesOfAMemoryDisagree() {
        // Half the trials at +a p, half at -a p: the mean is 0 and each trial is a |p|^2 / N = a^2 away from it.
        double a = 0.6;
        double within = 0.04;
        double[] p = orthogonal().pattern(2);
        double[][] trials = new double[6][N];
        for (int k = 0; k < trials.length; k++) {
            for (int i = 0; i < N; i++) {
                trials[k][i] = (k % 2 == 0 ? a : -a) * p[i];
            }
        }
        double share = Regime.betweenTrialShare(trials, a * a + within);
        assertEquals(a * a / (a * a + within), share, 1e-12);
        assertEquals(a, Regime.opposedOverlap(trials, orthogonal()), 1e-12);
        Regime r = Regime.judge(0.5, Double.NaN, 1.0, 0.01, share, a);
        assertEquals(List.of(Reason.TRIALS_DISAGREE), r.reasons());

        // All trials in the same state: nothing between them, nothing opposed.
        double[][] same = new double[4][];
        for (int k = 0; k < same.length; k++) {
            same[k] = trials[0].clone();
        }
        assertEquals(0.0, Regime.betweenTrialShare(same, within), 1e-15);
        assertEquals(0.0, Regime.opposedOverlap(same, orthogonal()), 1e-15);
        assertTrue(Double.isNaN(Regime.betweenTrialShare(new double[][] {p}, within)));
    }

    @Test
    void reasonsAreOrderedBySeverityAndTheWarningSaysWhatTheyMean() {
        Regime r = Regime.judge(0.95, Double.NaN, 1.0, 0.3, 0.8, 0.4);
        assertEquals(List.of(Reason.TRIALS_DISAGREE, Reason.NOT_CONVERGED, Reason.NEAR_CRITICAL), r.reasons());
        assertEquals("trials-disagree", r.status());
        String w = r.warning();
        assertTrue(w.startsWith("warning: regime trials-disagree, not-converged, near-critical: "), w);
        assertTrue(w.contains("beta*lambda_max(J) = 0.950"), w);
        assertTrue(w.endsWith("linear response assumed by FLR1/FLR2 does not hold; predictions may disagree"), w);
        assertTrue(!w.contains("\n"));
        // Near its instability the state still exists: the warning is milder.
        assertTrue(judgeGain(0.95).warning().endsWith("linear response assumed by FLR1/FLR2 may not hold; "
                + "predictions may disagree"), judgeGain(0.95).warning());
        assertNull(Regime.judge(0.5, Double.NaN, 1.0, 0.01, 0.01, 0.0).warning());
    }
}
