package org.plasticity.neural.method;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.plasticity.neural.data.Responses;
import org.plasticity.numeric.Npy;

/**
 * The split-half ceiling on synthetic neurons of known reliability, its handling of missing repeats, and on the V4
 * session against the data README and an independent Python implementation.
 */
class CeilingTest {

    /**
     * Neuron i: response = signal (variance s2_i, per stimulus) + noise (variance e2, per repeat). The half means of
     * h1 and h2 repeats correlate with rho = s2 / sqrt((s2 + e2/h1)(s2 + e2/h2)); for h1 = h2 = R/2 the
     * Spearman-Brown value 2 rho / (1 + rho) is s2 / (s2 + e2/R).
     */
    private static Responses synthetic(double[] s2, double e2, int stimuli, int repeats, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int neurons = s2.length;
        double[] v = new double[neurons * stimuli * repeats];
        for (int n = 0; n < neurons; n++) {
            for (int s = 0; s < stimuli; s++) {
                double signal = Math.sqrt(s2[n]) * rng.nextGaussian() + 5;
                for (int k = 0; k < repeats; k++) {
                    v[(n * stimuli + s) * repeats + k] = signal + Math.sqrt(e2) * rng.nextGaussian();
                }
            }
        }
        return Responses.of("synthetic", neurons, stimuli, repeats, v);
    }

    /** Sampling sd of a Spearman-Brown corrected r of S pairs: var(r) = (1 - rho^2)^2 / S, times d r_SB / d r. */
    private static double sdCorrected(double rho, int stimuli) {
        return 2 * (1 - rho) / ((1 + rho) * Math.sqrt(stimuli));
    }

    @Test
    void evenRepeatsGiveTheSpearmanBrownFormula() {
        double[] s2 = {0.05, 0.1, 0.2, 0.3, 0.5, 0.8, 1.0, 1.5, 2.0, 3.0, 5.0};
        double e2 = 2.0;
        int r = 8;
        int stimuli = 3000;
        CeilingResult c = Ceiling.splitHalf(synthetic(s2, e2, stimuli, r, 1), 10, 2);
        double[] expected = new double[s2.length];
        for (int n = 0; n < s2.length; n++) {
            expected[n] = s2[n] / (s2[n] + e2 / r);
            double rho = s2[n] / (s2[n] + 2 * e2 / r); // one half against the other
            double tol = 4 * sdCorrected(rho, stimuli); // one split's sd bounds the mean over splits
            assertEquals(expected[n], c.perNeuron()[n], tol, "neuron " + n);
        }
        double median = Summary.median(expected);
        double rhoMedian = median / (2 - median);
        assertEquals(median, c.median(), 4 * sdCorrected(rhoMedian, stimuli));
        assertEquals(Summary.mean(c.perSplit()), c.median(), 0);
        assertTrue(c.se() > 0 && c.se() < 0.01, "se " + c.se());
    }

    @Test
    void oddRepeatsSplitIntoUnequalHalves() {
        double[] s2 = {0.2, 0.5, 1.0};
        double e2 = 1.0;
        int stimuli = 4000;
        CeilingResult c = Ceiling.splitHalf(synthetic(s2, e2, stimuli, 3, 3), 10, 4);
        for (int n = 0; n < s2.length; n++) {
            double rho = s2[n] / Math.sqrt((s2[n] + e2 / 2) * (s2[n] + e2)); // halves of 2 and 1 repeats
            assertEquals(2 * rho / (1 + rho), c.perNeuron()[n], 4 * sdCorrected(rho, stimuli), "neuron " + n);
        }
    }

    @Test
    void stimuliWithFewerThanTwoRepeatsAreLeftOut() {
        Responses full = synthetic(new double[] {0.5, 1.0}, 1.0, 300, 6, 5);
        int extra = 40;
        int stimuli = 300 + extra;
        double[] kept = new double[2 * 300 * 6];
        double[] v = new double[2 * stimuli * 6];
        for (int n = 0; n < 2; n++) {
            for (int s = 0; s < stimuli; s++) {
                for (int k = 0; k < 6; k++) {
                    // the kept stimuli lose a repeat or two now and then; the extra ones keep a single, wild repeat
                    double x = s >= 300 ? (k == 2 ? 1000.0 * (s % 7) : Double.NaN)
                            : k >= 6 - s % 3 ? Double.NaN : full.value(n, s, k);
                    v[(n * stimuli + s) * 6 + k] = x;
                    if (s < 300) {
                        kept[(n * 300 + s) * 6 + k] = x;
                    }
                }
            }
        }
        CeilingResult a = Ceiling.splitHalf(Responses.of("kept", 2, 300, 6, kept), 5, 9);
        CeilingResult b = Ceiling.splitHalf(Responses.of("extra", 2, stimuli, 6, v), 5, 9);
        assertArrayEquals(a.perSplit(), b.perSplit(), 0);
        assertArrayEquals(a.perNeuron(), b.perNeuron(), 0);
        assertTrue(a.median() > 0.5, "the kept stimuli are reliable: " + a.median());
    }

    @Test
    void sameSeedSameBitsOtherSeedOtherHalves() {
        Responses r = synthetic(new double[] {0.5, 1.0, 2.0}, 1.0, 200, 7, 6);
        assertArrayEquals(Ceiling.splitHalf(r, 10, 1).perSplit(), Ceiling.splitHalf(r, 10, 1).perSplit(), 0);
        assertNotEquals(Ceiling.splitHalf(r, 10, 1).median(), Ceiling.splitHalf(r, 10, 2).median());
    }

    /**
     * The V4 session (50 neurons x 640 images, 6 to 10 repeats). Against an independent Python implementation of the
     * same method (tools/fixtures/predictivity_fixtures.py, numpy's generator): two independent 10-split means differ
     * by split noise, sd = sqrt(se_java^2 + se_python^2); allowed 4 sd. Against the data README's "about 0.75": its
     * two significant figures allow +-0.025, plus 4 sd of the split noise of the two estimates.
     */
    @Test
    void v4CeilingAgreesWithTheReadmeAndPython() {
        assumeTrue(Fixtures.v4Present(), "V4 session not in ../shared/data");
        Npy.Array raw = Npy.read(Fixtures.V4_RAW);
        int[] shape = raw.shape();
        Responses r = Responses.of(Fixtures.V4_RAW.toString(), shape[0], shape[1], shape[2], raw.values());
        CeilingResult c = Ceiling.splitHalf(r, Ceiling.DEFAULT_SPLITS, 1);
        double[] py = Fixtures.values("v4_ceiling_python");
        double sd = Math.sqrt(c.se() * c.se() + py[1] * py[1]);
        assertEquals(py[0], c.median(), 4 * sd, "Java " + c.median() + " +- " + c.se() + ", Python " + py[0]);
        assertEquals(0.75, c.median(), 0.025 + 4 * Math.sqrt(2) * c.se());
        assertEquals(50, c.perNeuron().length);
    }
}
