package org.plasticity.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Student's t against scipy.stats.t (1.10.1) values and the closed forms for 1 and 2 degrees of freedom. */
class StudentTTest {
    @Test
    void quantilesMatchScipy() {
        double[][] dfQuantileCdf = {{1, 12.706204736432095, 0.20871440016015264},
            {2, 4.302652729911275, 0.16162351590802027}, {3, 3.182446305284263, 0.14223375436394847},
            {4, 2.7764451051977987, 0.13172579823561206}, {9, 2.2621571627409915, 0.1129531863365247},
            {29, 2.045229642132703, 0.10191959183101489}, {100, 1.9839715184496334, 0.09829473171118307},
            {1000, 1.9623390808264074, 0.09695026420772868}};
        for (double[] row : dfQuantileCdf) {
            assertEquals(row[1], StudentT.quantile(0.975, row[0]), 1e-9 * row[1], "t_0.975 df " + row[0]);
            assertEquals(row[2], StudentT.cdf(-1.3, row[0]), 1e-12, "cdf(-1.3) df " + row[0]);
        }
    }

    @Test
    void closedFormsForOneAndTwoDegrees() {
        for (double t : new double[] {-5, -0.7, 0, 0.3, 2.5, 40}) {
            // df = 1 is the Cauchy distribution; df = 2 has F(t) = 1/2 + t / (2 sqrt(2 + t^2)).
            assertEquals(0.5 + Math.atan(t) / Math.PI, StudentT.cdf(t, 1), 1e-13);
            assertEquals(0.5 + t / (2 * Math.sqrt(2 + t * t)), StudentT.cdf(t, 2), 1e-13);
        }
        assertEquals(-StudentT.quantile(0.9, 5), StudentT.quantile(0.1, 5), 1e-12);
        assertEquals(1.959963984540054, StudentT.quantile(0.975, 1e9), 1e-6);
    }
}
