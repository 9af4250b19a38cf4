package org.plasticity.recurrent.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.plasticity.numeric.SymmetricEigen;
import org.plasticity.numeric.Vectors;
import org.plasticity.recurrent.config.NetworkConfig;
import org.plasticity.recurrent.model.RateNetwork;

/**
 * The claim docs/model.md#contrastive-hebbian makes for the rule, checked on the continuous-time closed forms of the
 * linearised network (no simulation): as lambda goes to 0, the contrast of the nudged and free second moments over
 * lambda is minus the gradient of the expected squared error {@code L(J) = <|xi - x|^2> = |xi - xbar|^2 + tr C} along
 * every symmetric change of J, the equilibrium-propagation relation for this network.
 */
class ContrastiveHebbianRuleTest {
    static final NetworkConfig NET = NetworkConfig.defaults().withN(12).withMemories(2).withBeta(0.5).withSigma(0.3)
            .withRandomPart(0.2).withActivation(NetworkConfig.Transfer.LINEAR);
    static final double GAMMA = 0.1;

    @Test
    void smallNudgeContrastIsMinusTheGradientOfTheSquaredError() {
        RateNetwork net = RateNetwork.build(NET, 21);
        int n = net.n();
        double[] j = net.coupling();
        double[] xi = net.memories().pattern(0);
        double[] eta = net.memories().pattern(1);
        double d = 1e-4;
        double[] plus = secondMoment(j, xi, eta, d);
        double[] minus = secondMoment(j, xi, eta, -d);
        double[] contrast = new double[n * n];
        for (int k = 0; k < contrast.length; k++) {
            contrast[k] = (plus[k] - minus[k]) / (2 * d);
        }
        SplittableRandom rng = new SplittableRandom(4);
        for (int trial = 0; trial < 6; trial++) {
            double[] s = new double[n * n];
            for (int a = 0; a < n; a++) {
                for (int b = a; b < n; b++) {
                    double v = rng.nextGaussian();
                    s[a * n + b] = v;
                    s[b * n + a] = v;
                }
            }
            double e = 1e-5;
            double gradient = (loss(shifted(j, s, e), xi, eta) - loss(shifted(j, s, -e), xi, eta)) / (2 * e);
            double along = 0;
            for (int k = 0; k < s.length; k++) {
                along += contrast[k] * s[k];
            }
            // Both are central differences of closed forms (steps 1e-4 and 1e-5, eigen-decompositions at 1e-12): 1e-5.
            assertEquals(-gradient, along, 1e-5 * Math.abs(gradient), "direction " + trial);
            assertTrue(Math.abs(gradient) > 1e-3, "a real slope: " + gradient);
        }
    }

    @Test
    void updateIsSymmetricAndThePhasesCombine() {
        ContrastiveHebbianRule rule = new ContrastiveHebbianRule(0.5);
        assertEquals(0.5, rule.nudge());
        double[] xi = {1, -1};
        double[] x = {0.2, -0.4};
        double[] y = {0.6, -0.1};
        double[] sum = new double[4];
        Learner learner = rule.learner(xi, new LearnerContext(2, 1, 1, 0.1, 1));
        learner.step(x, y, new double[2], true, (w, post, pre) -> {
            for (int i = 0; i < 2; i++) {
                for (int k = 0; k < 2; k++) {
                    sum[i * 2 + k] += w * post[i] * pre[k];
                }
            }
        });
        for (int i = 0; i < 2; i++) {
            for (int k = 0; k < 2; k++) {
                assertEquals((y[i] * y[k] - x[i] * x[k]) / 0.5, sum[i * 2 + k], 1e-15);
            }
        }
        assertThrows(IllegalArgumentException.class, () -> new ContrastiveHebbianRule(0));
    }

    /** {@code <x x^T>} of the nudged linear network: {@code C = (tau sigma^2/2) A_n^-1}, {@code A_n = A + beta lambda I}. */
    private static double[] secondMoment(double[] j, double[] xi, double[] eta, double lambda) {
        int n = xi.length;
        double beta = NET.beta();
        double t = NET.tau() * NET.sigma() * NET.sigma() / 2;
        SymmetricEigen eig = SymmetricEigen.of(n, j);
        double[] c = eig.apply(l -> t / (1 - beta * l + beta * lambda));
        double[] inv = eig.apply(l -> beta / (1 - beta * l + beta * lambda));
        double[] field = new double[n];
        for (int i = 0; i < n; i++) {
            field[i] = GAMMA * eta[i] + lambda * xi[i];
        }
        double[] mean = Vectors.multiply(n, n, inv, field);
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                c[a * n + b] += mean[a] * mean[b];
            }
        }
        return c;
    }

    /** {@code |xi - xbar|^2 + tr C} of the free linear network with coupling j. */
    private static double loss(double[] j, double[] xi, double[] eta) {
        int n = xi.length;
        double[] m = secondMoment(j, xi, eta, 0);
        double l = 0;
        // <|xi - x|^2> = |xi|^2 - 2 xi . xbar + tr <x x^T>
        double beta = NET.beta();
        double[] mean = Vectors.multiply(n, n, SymmetricEigen.of(n, j).apply(v -> beta * GAMMA / (1 - beta * v)), eta);
        for (int i = 0; i < n; i++) {
            l += xi[i] * xi[i] - 2 * xi[i] * mean[i] + m[i * n + i];
        }
        return l;
    }

    private static double[] shifted(double[] j, double[] s, double e) {
        double[] out = j.clone();
        for (int k = 0; k < out.length; k++) {
            out[k] += e * s[k];
        }
        return out;
    }
}
