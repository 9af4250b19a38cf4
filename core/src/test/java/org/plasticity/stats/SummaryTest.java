package org.plasticity.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SummaryTest {
    // Deviations from the mean 5: -3, -1, -1, -1, 0, 0, 2, 4; squares sum to 32.
    private static final double[] V = {2, 4, 4, 4, 5, 5, 7, 9};

    @Test
    void handExample() {
        assertEquals(5.0, Summary.mean(V), 0.0); // a sum of small integers divided by 8: exact
        // Unbiased sd: sqrt(32 / 7); se = sd / sqrt(8). A few roundings on O(1) values: 1e-15.
        assertEquals(Math.sqrt(32.0 / 7), Summary.sd(V), 1e-15);
        assertEquals(Math.sqrt(32.0 / 7) / Math.sqrt(8), Summary.standardError(V), 1e-15);
        assertEquals(Math.sqrt(32.0 / 7 / 8), Summary.standardError(V), 1e-15);
    }

    @Test
    void smallSamples() {
        assertEquals(3.5, Summary.mean(new double[] {3.5}), 0.0);
        assertTrue(Double.isNaN(Summary.sd(new double[] {3.5})), "sd needs two values");
        assertTrue(Double.isNaN(Summary.standardError(new double[] {3.5})));
        // Two values a, b: sd = |a - b| / sqrt 2.
        assertEquals(Math.sqrt(2), Summary.sd(new double[] {1, 3}), 1e-15);
        assertEquals(0.0, Summary.sd(new double[] {4, 4, 4}), 0.0);
    }
}
