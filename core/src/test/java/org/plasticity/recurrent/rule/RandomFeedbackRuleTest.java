package org.plasticity.recurrent.rule;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.plasticity.recurrent.fluctuations.MomentAccumulator;
import org.plasticity.recurrent.fluctuations.Moments;

class RandomFeedbackRuleTest {
    /** Without its random part the rule is the target-error rule, bit for bit. */
    @Test
    void noRandomPartIsTheTargetErrorRule() {
        double[] xi = {1, -1, 1, 1};
        double[] states = {0.3, -0.2, 0.7, 0.1, /* trial 1 */ -0.5, 0.4, 0.2, -0.9};
        MomentAccumulator acc = new MomentAccumulator(4, 0, 2);
        acc.sample(0, 2, 4, states.clone());
        Moments m = Moments.combine(List.of(acc));
        RandomFeedbackRule plain = new RandomFeedbackRule(0, 11);
        TargetErrorRule te = new TargetErrorRule();
        assertArrayEquals(te.meanUpdate(xi, m), plain.meanUpdate(xi, m), 0.0);
        double[] a = new double[4];
        double[] b = new double[4];
        plain.post(xi, states, 4, a);
        te.post(xi, states, 4, b);
        assertArrayEquals(b, a, 0.0);
    }

    /**
     * B = I + rho R: unit diagonal, off-diagonal entries with mean 0 and variance rho^2 / N (checked on 159,600
     * entries, where the sample variance has a relative standard error of 0.35 %); the same B for every instance with
     * the same seed, another for another seed.
     */
    @Test
    void feedbackIsIdentityPlusAScaledGaussianMatrix() {
        int n = 400;
        double rho = 1.5;
        double[] b = new RandomFeedbackRule(rho, 5).feedback(n);
        double sum = 0;
        double sq = 0;
        int count = 0;
        for (int i = 0; i < n; i++) {
            assertEquals(1.0, b[i * n + i]);
            for (int j = 0; j < n; j++) {
                if (i != j) {
                    sum += b[i * n + j];
                    sq += b[i * n + j] * b[i * n + j];
                    count++;
                }
            }
        }
        double variance = rho * rho / n;
        assertEquals(0, sum / count, 4 * Math.sqrt(variance / count), "mean");
        assertEquals(variance, sq / count, 4 * 0.0035 * variance, "variance");
        assertArrayEquals(b, new RandomFeedbackRule(rho, 5).feedback(n), 0.0, "fixed for a seed");
        assertFalse(Arrays.equals(b, new RandomFeedbackRule(rho, 6).feedback(n)), "another seed, another B");
        double[] registered = new RandomFeedbackRule().feedback(10);
        assertArrayEquals(registered, ((RandomFeedbackRule) LearningRules.byName("random-feedback")).feedback(10), 0.0);
        assertTrue(registered[1] != 0, "the registered rule has a random part");
    }
}
