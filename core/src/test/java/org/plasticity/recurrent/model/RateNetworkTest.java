package org.plasticity.recurrent.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.plasticity.ConfigException;
import org.plasticity.numeric.SymmetricEigen;
import org.plasticity.recurrent.config.NetworkConfig;
import org.plasticity.recurrent.config.NetworkConfig.Transfer;

class RateNetworkTest {

    private static void assertSymmetricZeroDiagonal(int n, double[] j) {
        for (int r = 0; r < n; r++) {
            assertEquals(0.0, j[r * n + r], 0.0, "diagonal at " + r);
            for (int c = 0; c < r; c++) {
                assertEquals(j[r * n + c], j[c * n + r], 0.0, "symmetry at (" + r + "," + c + ")");
            }
        }
    }

    @Test
    void hebbianCouplingByHand() {
        double[] p1 = {1, -1, 1};
        double[] p2 = {1, 1, -1};
        Memories mem = Memories.of(new double[][] {p1, p2});
        assertEquals(2, mem.size());
        assertEquals(3, mem.n());
        double[] j = mem.hebbianCoupling();
        int n = 3;
        double[] want = new double[n * n];
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                want[r * n + c] = r == c ? 0 : (p1[r] * p1[c] + p2[r] * p2[c]) / n;
            }
        }
        // Sums of two +-1/3 terms: exact up to one rounding of 1/3, so 1e-15 on O(1) entries.
        assertArrayEquals(want, j, 1e-15);
        // The same numbers written out: J_01 = (-1 + 1)/3, J_02 = (1 - 1)/3, J_12 = (-1 - 1)/3.
        assertArrayEquals(new double[] {0, 0, 0, 0, 0, -2.0 / 3, 0, -2.0 / 3, 0}, j, 1e-15);
    }

    @Test
    void memoriesOfCopiesItsInput() {
        double[][] patterns = {{1, -1}, {-1, -1}};
        Memories mem = Memories.of(patterns);
        patterns[0][0] = 99;
        assertEquals(1.0, mem.pattern(0)[0], 0.0);
        mem.pattern(1)[0] = 99;
        assertEquals(-1.0, mem.pattern(1)[0], 0.0, "pattern() returns a copy");
    }

    @Test
    void randomMemoriesArePlusMinusOne() {
        Memories mem = Memories.random(40, 3, new SplittableRandom(1));
        assertEquals(3, mem.size());
        assertEquals(40, mem.n());
        for (int mu = 0; mu < 3; mu++) {
            for (double v : mem.pattern(mu)) {
                assertTrue(v == 1.0 || v == -1.0, "entry " + v);
            }
        }
    }

    @Test
    void buildIsSymmetricZeroDiagonalAndDeterministic() {
        NetworkConfig cfg = NetworkConfig.defaults().withN(50).withMemories(5);
        RateNetwork a = RateNetwork.build(cfg, 7);
        RateNetwork b = RateNetwork.build(cfg, 7);
        RateNetwork c = RateNetwork.build(cfg, 8);
        int n = cfg.n();
        double[] ja = a.coupling();
        assertSymmetricZeroDiagonal(n, ja);
        assertArrayEquals(ja, b.coupling(), 0.0, "same seed, same J");
        assertFalse(Arrays.equals(ja, c.coupling()), "another seed, another J");
        // Without a random part J is exactly the Hebbian sum of the network's own memories.
        assertArrayEquals(a.memories().hebbianCoupling(), ja, 0.0);
        assertEquals(5, a.memories().size());
        assertEquals(n, a.n());
        assertEquals(cfg, a.config());
        assertEquals(cfg.kappa(), a.kappa(), 0.0);
        assertTrue(a.tanh());
        // coupling() is a copy; sharedCoupling() is J itself.
        ja[1] = 42;
        assertFalse(a.coupling()[1] == 42, "coupling() must return a copy");
        assertArrayEquals(a.coupling(), a.sharedCoupling(), 0.0);
    }

    @Test
    void randomPartIsSymmetricWithVarianceGSquaredOverN() {
        int n = 200;
        double g = 0.5;
        NetworkConfig cfg = NetworkConfig.defaults().withMemories(0).withN(n).withRandomPart(g);
        double[] j = RateNetwork.build(cfg, 11).coupling();
        assertSymmetricZeroDiagonal(n, j);
        int pairs = n * (n - 1) / 2;
        double sum = 0;
        double sumSq = 0;
        for (int r = 0; r < n; r++) {
            for (int c = r + 1; c < n; c++) {
                sum += j[r * n + c];
                sumSq += j[r * n + c] * j[r * n + c];
            }
        }
        double mean = sum / pairs;
        double var = (sumSq - pairs * mean * mean) / (pairs - 1);
        double want = g * g / n;
        // The upper-triangle entries are independent N(0, g^2/N): 19900 of them. 5 standard errors: of the mean
        // sqrt(want / pairs), of the variance want sqrt(2 / pairs) (1% relative, so 5% here).
        assertEquals(0.0, mean, 5 * Math.sqrt(want / pairs));
        assertEquals(want, var, 5 * want * Math.sqrt(2.0 / pairs));
    }

    /** The random part comes from its own stream: adding memories does not change it (seeds by purpose). */
    @Test
    void randomPartDoesNotDependOnMemories() {
        int n = 40;
        double[] pure = RateNetwork.build(NetworkConfig.defaults().withMemories(0).withN(n)
                .withRandomPart(0.4), 3).coupling();
        RateNetwork mixed = RateNetwork.build(NetworkConfig.defaults().withMemories(4).withN(n).withRandomPart(0.4), 3);
        double[] j = mixed.coupling();
        assertSymmetricZeroDiagonal(n, j);
        double[] hebb = mixed.memories().hebbianCoupling();
        for (int k = 0; k < n * n; k++) {
            // (hebb + v) - hebb recovers v up to one rounding of values of size ~0.2: 1e-15.
            assertEquals(pure[k], j[k] - hebb[k], 1e-15, "entry " + k);
        }
    }

    /** One memory: J = (p p^T - I)/N has eigenvalue (N-1)/N along p and -1/N on its complement. */
    @Test
    void singleMemorySpectrum() {
        int n = 50;
        RateNetwork net = RateNetwork.build(NetworkConfig.defaults().withMemories(1).withN(n), 5);
        SymmetricEigen e = SymmetricEigen.of(n, net.coupling());
        // 1e-10: eigenvalues of a matrix with O(1) norm, backward-stable solver (errors ~1e-14).
        assertEquals((n - 1.0) / n, e.max(), 1e-10);
        assertEquals(-1.0 / n, e.min(), 1e-10);
        assertEquals(-1.0 / n, e.values()[n - 2], 1e-10, "the second largest is already -1/N");
        // The top eigenvector is p / sqrt N (up to sign).
        double[] p = net.memories().pattern(0);
        double dot = 0;
        for (int i = 0; i < n; i++) {
            dot += p[i] * e.vectors()[i * n + (n - 1)];
        }
        assertEquals(Math.sqrt(n), Math.abs(dot), 1e-10);
    }

    /**
     * Euler stability: one memory in N = 50 units gives lambda in {-1/50, 49/50}, exactly known. With beta = 5,
     * max |1 - beta lambda| = |1 - 4.9| = 3.9, so the step must be below 2/3.9 = 0.5128.
     */
    @Test
    void unstableStepIsRejectedWithTheDtKey() {
        NetworkConfig tooLarge = NetworkConfig.defaults().withN(50).withMemories(1).withDt(1.0).withBeta(5.0)
                .withActivation(Transfer.LINEAR);
        ConfigException e = assertThrows(ConfigException.class, () -> RateNetwork.build(tooLarge, 1));
        assertEquals("network.dt", e.key());
        assertTrue(e.getMessage().startsWith("network.dt: "), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        assertTrue(e.getMessage().contains("0.5128"), "names the largest stable step: " + e.getMessage());
        // Just above the bound (0.52 * 3.9 = 2.03) fails; just below (0.5 * 3.9 = 1.95) builds.
        assertThrows(ConfigException.class,
                () -> RateNetwork.build(NetworkConfig.defaults().withN(50).withMemories(1).withDt(0.52)
                        .withBeta(5.0).withActivation(Transfer.LINEAR), 1));
        assertDoesNotThrow(() -> RateNetwork.build(NetworkConfig.defaults().withN(50).withMemories(1).withDt(0.5)
                .withBeta(5.0).withActivation(Transfer.LINEAR), 1));
        // The bound scales with tau: dt/tau is what counts (dt = 1, tau = 2 gives 1.95 again).
        assertDoesNotThrow(() -> RateNetwork.build(
                NetworkConfig.defaults().withN(50).withMemories(1).withDt(1.0).withTau(2.0).withBeta(5.0)
                        .withActivation(Transfer.LINEAR), 1));
    }

    /** The same check triggered by a large random part with a large gain (linear activation, dt = tau). */
    @Test
    void largeRandomPartWithLargeStepIsRejected() {
        NetworkConfig cfg = NetworkConfig.defaults().withN(60).withMemories(0).withDt(1.0).withBeta(2.0)
                .withRandomPart(2.0).withActivation(Transfer.LINEAR);
        // Confirm the premise on the actual J (same seed): the semicircle edge is near 2g = 4, so
        // |1 - beta lambda_min| is about 9, far beyond 2.
        NetworkConfig stable = NetworkConfig.defaults().withN(60).withMemories(0).withDt(0.01).withBeta(2.0)
                .withRandomPart(2.0).withActivation(Transfer.LINEAR);
        SymmetricEigen e = SymmetricEigen.of(60, RateNetwork.build(stable, 9).coupling());
        assertTrue(Math.abs(1 - cfg.beta() * e.min()) >= 2, "premise: lambda_min = " + e.min());
        ConfigException ex = assertThrows(ConfigException.class, () -> RateNetwork.build(cfg, 9));
        assertEquals("network.dt", ex.key());
    }

    @Test
    void defaultNetworkBuilds() {
        RateNetwork net = assertDoesNotThrow(() -> RateNetwork.build(NetworkConfig.defaults(), 42));
        assertEquals(100, net.n());
    }

    @Test
    void ofAndWithCouplingCopy() {
        NetworkConfig cfg = NetworkConfig.defaults().withMemories(0).withN(3).withActivation(Transfer.LINEAR);
        double[] j = {0, 1, 2, 1, 0, 3, 2, 3, 0};
        Memories mem = Memories.random(3, 0, new SplittableRandom(1));
        RateNetwork net = RateNetwork.of(cfg, mem, j);
        j[1] = 99;
        assertEquals(1.0, net.coupling()[1], 0.0, "of() copies J");
        assertFalse(net.tanh());
        double[] k = net.coupling();
        k[5] = -7;
        RateNetwork next = net.withCoupling(k);
        k[5] = 0;
        assertEquals(-7.0, next.coupling()[5], 0.0, "withCoupling() copies J");
        assertEquals(3.0, net.coupling()[5], 0.0, "the original is unchanged");
        assertEquals(cfg, next.config());
    }
}
