package org.plasticity.learnability;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The resampling scheme (blocks of consecutive samples, uniform starts), the autocorrelation time against the AR(1)
 * closed form {@code -1 / ln phi}, the default block rule and the percentile interval against order statistics.
 */
class BlockBootstrapTest {

    @Test
    void resamplesAreRunsOfConsecutiveSamplesWithUniformStarts() {
        int n = 103;
        int block = 10;
        int[] startCount = new int[n - block + 1];
        SplittableRandom rng = new SplittableRandom(5);
        for (int rep = 0; rep < 4000; rep++) {
            int[] idx = BlockBootstrap.resample(n, block, rng);
            assertEquals(n, idx.length);
            for (int t = 0; t < n; t += block) {
                startCount[idx[t]]++;
                for (int j = 1; j < block && t + j < n; j++) {
                    assertEquals(idx[t] + j, idx[t + j], "a block runs over consecutive samples");
                }
            }
        }
        // 11 blocks per resample, 94 starts: 468 draws of each on average; a binomial spread of about 21.
        for (int c : startCount) {
            assertTrue(Math.abs(c - 4000.0 * 11 / 94) < 6 * 21, "start drawn " + c + " times");
        }
        int[] whole = BlockBootstrap.resample(7, 7, rng);
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6}, whole, "one block of the whole recording is itself");
    }

    @Test
    void autocorrelationTimeOfAr1IsMinusOneOverLnPhi() {
        double[] b = {1, 0.3, 0, 0, 1, -0.2, 0.1, 0, 0.8};
        for (double phi : new double[] {0.5, 0.9, 0.97}) {
            double[] x = Ar1.simulate(b, 3, phi, 40_000, new SplittableRandom(3));
            double tau = BlockBootstrap.autocorrelationTime(Covariances.centred(x, 40_000, 3), 40_000, 3);
            double want = -1 / Math.log(phi);
            assertEquals(want, tau, 0.08 * want + 0.1, "phi " + phi);
        }
        double[] white = Ar1.simulate(b, 3, 0, 5000, new SplittableRandom(4));
        double tau = BlockBootstrap.autocorrelationTime(Covariances.centred(white, 5000, 3), 5000, 3);
        assertTrue(tau > 0.5 && tau < 0.7, "white noise: r(1) ~ 0 gives 1 - 1/e = 0.63, got " + tau);
    }

    @Test
    void defaultBlockIsTheLargerOfTheCubeRootAndThreeAutocorrelationTimes() {
        assertEquals(10, BlockBootstrap.defaultBlock(1000, 0.6));
        assertEquals(29, BlockBootstrap.defaultBlock(1000, 9.49));
        assertEquals(22, BlockBootstrap.defaultBlock(10_000, 2));
        assertEquals(5, BlockBootstrap.defaultBlock(5, 100), "never longer than the recording");
    }

    @Test
    void percentileIntervalInterpolatesOrderStatistics() {
        double[] v = new double[101];
        for (int i = 0; i < v.length; i++) {
            v[(i * 37) % 101] = i; // 0..100 in scrambled order
        }
        assertArrayEquals(new double[] {5, 95}, BlockBootstrap.percentile(v, 0.9), 1e-12);
        assertArrayEquals(new double[] {2.5, 97.5}, BlockBootstrap.percentile(v, 0.95), 1e-12);
        double[] withNaN = {Double.NaN, 1, 2, 3, Double.POSITIVE_INFINITY};
        assertArrayEquals(new double[] {1.05, 2.95}, BlockBootstrap.percentile(withNaN, 0.95), 1e-12);
    }
}
