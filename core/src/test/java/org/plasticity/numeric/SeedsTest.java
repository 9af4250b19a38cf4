package org.plasticity.numeric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SeedsTest {

    @Test
    void deriveIsDeterministic() {
        assertEquals(Seeds.derive(42, 1, 2, 3), Seeds.derive(42, 1, 2, 3));
        assertEquals(Seeds.derive(42), Seeds.derive(42));
        SplittableRandom a = Seeds.stream(7, 4, 5);
        SplittableRandom b = Seeds.stream(7, 4, 5);
        for (int i = 0; i < 100; i++) {
            assertEquals(a.nextLong(), b.nextLong(), "draw " + i);
        }
    }

    @Test
    void distinctPathsGiveDistinctSeeds() {
        Set<Long> seen = new HashSet<>();
        int count = 0;
        // One-element paths, including -1 and -2 (used by TaskFactory), two-element paths, the empty path.
        for (long p = -2; p < 5000; p++) {
            assertTrue(seen.add(Seeds.derive(42, p)), "collision at path (" + p + ")");
            count++;
        }
        for (long p = 0; p < 70; p++) {
            for (long q = 0; q < 70; q++) {
                assertTrue(seen.add(Seeds.derive(42, p, q)), "collision at path (" + p + ", " + q + ")");
                count++;
            }
        }
        assertTrue(seen.add(Seeds.derive(42)), "empty path collides");
        count++;
        // Different roots, same path.
        for (long root = 0; root < 100; root++) {
            assertTrue(seen.add(Seeds.derive(1000 + root, 3)), "collision at root " + (1000 + root));
            count++;
        }
        assertEquals(count, seen.size());
        assertTrue(count > 10_000);
    }

    @Test
    void pathOrderMatters() {
        assertNotEquals(Seeds.derive(42, 1, 2), Seeds.derive(42, 2, 1));
        assertNotEquals(Seeds.derive(42, 0, 5), Seeds.derive(42, 5, 0));
        // A path and its prefix, or with a trailing element, are different streams.
        assertNotEquals(Seeds.derive(42, 1), Seeds.derive(42, 1, 0));
        assertNotEquals(Seeds.derive(42, 0), Seeds.derive(42, 0, 0));
    }

    @Test
    void gaussiansHaveUnitNormalMoments() {
        int n = 100_000;
        double[] z = new double[n];
        Seeds.gaussians(Seeds.stream(123, 9), z, 0, n);
        double mean = 0;
        for (double v : z) {
            mean += v;
        }
        mean /= n;
        double var = 0;
        for (double v : z) {
            var += (v - mean) * (v - mean);
        }
        var /= n - 1;
        // 5 standard errors: of the mean 1/sqrt(n) = 0.0032, of the variance sqrt(2/n) = 0.0045.
        assertEquals(0.0, mean, 5 / Math.sqrt(n));
        assertEquals(1.0, var, 5 * Math.sqrt(2.0 / n));
    }

    @Test
    void gaussiansFillOnlyTheRangeAndFloatTwinMatches() {
        double[] d = new double[10];
        java.util.Arrays.fill(d, 99.0);
        Seeds.gaussians(Seeds.stream(5, 1), d, 3, 4);
        for (int i = 0; i < d.length; i++) {
            if (i < 3 || i >= 7) {
                assertEquals(99.0, d[i], 0.0, "outside the range, i=" + i);
            } else {
                assertNotEquals(99.0, d[i], "inside the range, i=" + i);
            }
        }
        float[] f = new float[10];
        Seeds.gaussians(Seeds.stream(5, 1), f, 3, 4);
        for (int i = 3; i < 7; i++) {
            assertEquals((float) d[i], f[i], 0.0f, "same stream, float cast, i=" + i);
        }
    }
}
