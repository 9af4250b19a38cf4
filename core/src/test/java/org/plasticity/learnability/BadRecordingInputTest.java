package org.plasticity.learnability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.plasticity.ConfigException;
import org.plasticity.DataException;

/**
 * Bad input is refused with one line naming the file or option: non-finite values, constant neurons, too few
 * samples for the estimator, directions of the wrong length, inputs that do not pair with the targets.
 */
class BadRecordingInputTest {
    static double[] ramp(int samples, int neurons) {
        double[] v = new double[samples * neurons];
        for (int i = 0; i < v.length; i++) {
            v[i] = Math.sin(1.3 * i) + (i % neurons);
        }
        return v;
    }

    static void oneLine(RuntimeException e, String... parts) {
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        for (String p : parts) {
            assertTrue(e.getMessage().contains(p), e.getMessage() + " lacks " + p);
        }
    }

    @Test
    void recordingsMustBeFiniteVaryAndHaveTwoSamples() {
        double[] nan = ramp(10, 3);
        nan[2 * 3 + 1] = Double.NaN;
        oneLine(assertThrows(DataException.class, () -> Recording.of("r.npy", 10, 3, nan)), "r.npy",
                "sample 2, neuron 1", "NaN");
        double[] inf = ramp(10, 3);
        inf[0] = Double.NEGATIVE_INFINITY;
        oneLine(assertThrows(DataException.class, () -> Recording.of("r.npy", 10, 3, inf)), "sample 0, neuron 0");
        double[] constant = ramp(10, 3);
        for (int t = 0; t < 10; t++) {
            constant[t * 3 + 2] = 4.5;
        }
        oneLine(assertThrows(DataException.class, () -> Recording.of("r.npy", 10, 3, constant)), "neuron 2",
                "constant");
        oneLine(assertThrows(DataException.class, () -> Recording.of("r.npy", 1, 3, ramp(1, 3))), "1 sample",
                "--neurons-by-samples");
    }

    @Test
    void estimatorsRefuseTooFewSamplesOrFactors() {
        oneLine(assertThrows(ConfigException.class, () -> new FactorAnalysis(3).check(100, 3, "r.npy")),
                "--factors", "below the number of neurons (3)");
        oneLine(assertThrows(DataException.class, () -> new FactorAnalysis(3).check(4, 10, "r.npy")), "r.npy",
                "4 samples", "at least 5");
        new FactorAnalysis(3).check(5, 10, "r.npy");
        oneLine(assertThrows(DataException.class, () -> new SampleCovariance().check(1, 10, "r.npy")), "at least 2");
        oneLine(assertThrows(DataException.class, () -> new LedoitWolf().check(1, 10, "r.npy")), "at least 2");
        oneLine(assertThrows(ConfigException.class, () -> CovarianceEstimators.byName("pca", null)), "--estimator",
                "sample");
        oneLine(assertThrows(ConfigException.class, () -> CovarianceEstimators.byName("factor-analysis", null)),
                "--factors", "required");
        oneLine(assertThrows(ConfigException.class, () -> CovarianceEstimators.byName("sample", 3)), "--factors");
        oneLine(assertThrows(ConfigException.class, () -> CovarianceEstimators.byName("factor-analysis", 0)),
                "--factors");
        assertEquals("factor-analysis", CovarianceEstimators.byName("factor-analysis", 2).name());
    }

    @Test
    void directionsMustMatchTheNeuronsAndPairUp() {
        Recording r = Recording.of("r.npy", 12, 4, ramp(12, 4));
        oneLine(assertThrows(DataException.class, () -> Directions.of("xi.npy", 2, 5, new double[10], 4, 12)),
                "xi.npy", "5 entries", "4 neurons");
        oneLine(assertThrows(DataException.class, () -> Directions.of("xi.npy", 1, 12, ramp(1, 12), 4, 12)),
                "--neurons-by-samples");
        double[] nan = ramp(2, 4);
        nan[5] = Double.NaN;
        oneLine(assertThrows(DataException.class, () -> Directions.of("xi.npy", 2, 4, nan, 4, 12)), "row 1, entry 1");
        double[] zero = ramp(2, 4);
        java.util.Arrays.fill(zero, 4, 8, 0.0);
        oneLine(assertThrows(DataException.class, () -> Directions.of("xi.npy", 2, 4, zero, 4, 12)), "row 1",
                "zeros");
        Directions three = Directions.of("xi.npy", 3, 4, ramp(3, 4), 4, 12);
        Directions two = Directions.of("eta.npy", 2, 4, ramp(2, 4), 4, 12);
        LearnabilityStudy.Options o = LearnabilityStudy.Options.defaults(1);
        oneLine(assertThrows(DataException.class, () -> LearnabilityStudy.check(r, new SampleCovariance(), three,
                two, o)), "eta.npy", "2 inputs", "3 targets");
        oneLine(assertThrows(ConfigException.class, () -> LearnabilityStudy.check(r, new SampleCovariance(), three,
                null, new LearnabilityStudy.Options(100, 13, 0.95, 1, false))), "--block", "12 samples");
        oneLine(assertThrows(ConfigException.class, () -> new LearnabilityStudy.Options(5, null, 0.95, 1, false)),
                "--bootstrap");
        oneLine(assertThrows(ConfigException.class, () -> new LearnabilityStudy.Options(100, 0, 0.95, 1, false)),
                "--block");
        oneLine(assertThrows(ConfigException.class, () -> new LearnabilityStudy.Options(100, null, 1.0, 1, false)),
                "--level");
    }
}
