package org.plasticity.recurrent.rule;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.plasticity.recurrent.fluctuations.MomentAccumulator;
import org.plasticity.recurrent.fluctuations.Moments;

class LearningRulesTest {
    private static final double[] XI = {1, -1, 1};

    /** Hand-made samples of 3 units: two trials per call, three calls (six samples in all). */
    private static final double[][] SAMPLES = {
        {0.5, -0.2, 0.1, /* trial 1 */ -0.3, 0.4, 0.9},
        {0.2, 0.0, -0.6, /* trial 1 */ 0.7, 0.1, 0.2},
        {-0.1, 0.3, 0.4, /* trial 1 */ 0.6, -0.5, -0.8},
    };

    private static Moments moments() {
        MomentAccumulator acc = new MomentAccumulator(3, 0, 2);
        for (double[] s : SAMPLES) {
            acc.sample(0, 2, 3, s.clone());
        }
        return Moments.combine(List.of(acc));
    }

    /** Mean over all six samples, by hand. */
    private static double[] handMean() {
        double[] m = new double[3];
        for (double[] s : SAMPLES) {
            for (int b = 0; b < 2; b++) {
                for (int i = 0; i < 3; i++) {
                    m[i] += s[b * 3 + i] / 6;
                }
            }
        }
        return m;
    }

    /** {@code <x x^T>} over all six samples, by hand. */
    private static double[] handSecond() {
        double[] m = new double[9];
        for (double[] s : SAMPLES) {
            for (int b = 0; b < 2; b++) {
                for (int i = 0; i < 3; i++) {
                    for (int j = 0; j < 3; j++) {
                        m[i * 3 + j] += s[b * 3 + i] * s[b * 3 + j] / 6;
                    }
                }
            }
        }
        return m;
    }

    @Test
    void everyRuleKnowsItsRegisteredName() {
        for (String name : LearningRules.names()) {
            assertEquals(name, LearningRules.byName(name).name(), "a rule knows its own name");
        }
    }

    @Test
    void byNameReturnsTheRightClass() {
        assertInstanceOf(HebbianRule.class, LearningRules.byName("hebbian"));
        assertInstanceOf(TargetErrorRule.class, LearningRules.byName("target-error"));
    }

    @Test
    void unknownNameIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LearningRules.byName("nope"));
        assertTrue(e.getMessage().contains("nope"), e.getMessage());
        assertTrue(e.getMessage().contains("hebbian"), "lists the known rules: " + e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LearningRules.byName(null));
    }

    @Test
    void hebbianPostIsTheTarget() {
        double[] x = {9, 9, 0.3, -0.7, 0.2, 9};
        double[] out = new double[3];
        new HebbianRule().post(XI, x, 2, out);
        assertArrayEquals(XI, out, 0.0); // a copy: exact
    }

    @Test
    void targetErrorPostIsTargetMinusState() {
        double[] x = {9, 9, 0.3, -0.7, 0.2, 9};
        double[] out = new double[3];
        new TargetErrorRule().post(XI, x, 2, out);
        // f = xi - x at offset 2: (1 - 0.3, -1 + 0.7, 1 - 0.2); one subtraction each, exact to 1 ulp.
        assertArrayEquals(new double[] {1 - 0.3, -1 - (-0.7), 1 - 0.2}, out, 1e-16);
    }

    @Test
    void momentsOfTheHandSamples() {
        Moments m = moments();
        assertEquals(6, m.samples());
        assertEquals(2, m.trials());
        // 1e-12: sums of six O(1) products in a different order (the accumulator uses a GEMM).
        assertArrayEquals(handMean(), m.mean(), 1e-12);
        assertArrayEquals(handSecond(), m.secondMoment(), 1e-12);
    }

    @Test
    void hebbianMeanUpdateIsTargetTimesMean() {
        double[] xbar = handMean();
        double[] f = new HebbianRule().meanUpdate(XI, moments());
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                // 1e-12: see momentsOfTheHandSamples.
                assertEquals(XI[i] * xbar[j], f[i * 3 + j], 1e-12, "(" + i + "," + j + ")");
            }
        }
    }

    @Test
    void targetErrorMeanUpdateIsTargetTimesMeanMinusSecondMoment() {
        double[] xbar = handMean();
        double[] second = handSecond();
        double[] f = new TargetErrorRule().meanUpdate(XI, moments());
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                assertEquals(XI[i] * xbar[j] - second[i * 3 + j], f[i * 3 + j], 1e-12, "(" + i + "," + j + ")");
            }
        }
    }

    /** meanUpdate is the sample average of post(xi, x) x^T: exact for these rules, whose factor is linear in x. */
    @Test
    void meanUpdateIsTheAverageOfPostTimesState() {
        Moments m = moments();
        for (String name : LearningRules.names()) {
            LearningRule rule = LearningRules.byName(name);
            double[] avg = new double[9];
            double[] f = new double[3];
            for (double[] s : SAMPLES) {
                for (int b = 0; b < 2; b++) {
                    rule.post(XI, s, b * 3, f);
                    for (int i = 0; i < 3; i++) {
                        for (int j = 0; j < 3; j++) {
                            avg[i * 3 + j] += f[i] * s[b * 3 + j] / 6;
                        }
                    }
                }
            }
            assertArrayEquals(avg, rule.meanUpdate(XI, m), 1e-12, name);
        }
    }
}
