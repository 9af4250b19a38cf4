package org.plasticity.layered.credit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.plasticity.layered.data.Xor;
import org.plasticity.layered.network.Activation;
import org.plasticity.layered.network.Activity;
import org.plasticity.layered.network.Architecture;
import org.plasticity.layered.network.FeedForwardNet;
import org.plasticity.layered.network.Gradients;
import org.plasticity.layered.network.Init;
import org.plasticity.layered.network.Loss;
import org.plasticity.layered.network.Shape;
import org.plasticity.layered.training.Recipes;
import org.plasticity.layered.training.TrainConfig;
import org.plasticity.layered.training.TrainResult;
import org.plasticity.layered.training.Trainer;
import org.plasticity.layered.training.TrainingListener;

/**
 * Equilibrium propagation against an independent double-precision relaxation: the free phase ends at a fixed point
 * of the projected dynamics, and the rule's direction tends to the finite-difference gradient of the free fixed
 * point's cost as beta shrinks (Scellier &amp; Bengio 2017, Theorem 1).
 */
class EquilibriumPropagationTest {
    private static final int[] SIZES = {5, 7, 6, 3};
    private static final int BATCH = 4;

    @Test
    void freePhaseEndsAtAFixedPointAndIsDeterministic() {
        Setup s = new Setup(11);
        EquilibriumPropagation ep = s.rule(0.5, 300, 300);
        Activity act = s.net.newActivity(BATCH);
        ep.respond(s.net, s.x, 0, BATCH, act);
        // the projected gradient of E: s - clip(s - dE/ds) = s - clip(drive), zero exactly at a fixed point
        double[][] state = new double[SIZES.length][];
        state[0] = toDouble(s.x);
        for (int l = 1; l < SIZES.length; l++) {
            state[l] = toDouble(act.e[l]);
            assertArrayEquals(act.e[l], act.a[l], 0f, "the states are their own rates in [0, 1]");
        }
        double[][] drive = Relaxation.drive(s.weights(), s.biases(), state, BATCH);
        double worst = 0;
        int interior = 0;
        for (int l = 1; l < SIZES.length; l++) {
            for (int i = 0; i < state[l].length; i++) {
                worst = Math.max(worst, Math.abs(state[l][i] - Math.min(Math.max(drive[l][i], 0), 1)));
                interior += state[l][i] > 0 && state[l][i] < 1 ? 1 : 0;
            }
        }
        assertTrue(worst < 1e-5, "projected gradient at the free state: " + worst);
        assertTrue(interior > 10, "most units between the bounds, so the test says something: " + interior);

        Activity again = s.net.newActivity(BATCH);
        s.rule(0.5, 300, 300).respond(s.net, s.x, 0, BATCH, again);
        for (int l = 1; l < SIZES.length; l++) {
            assertArrayEquals(act.e[l], again.e[l], 0f, "respond is deterministic, layer " + l);
        }
    }

    /**
     * Against central differences of the free fixed point's cost, on a network (seed 164 of {@link Setup}) whose
     * units all have drives at least 0.05 from the kinks of clip, so that the small nudges move no unit across one
     * (the limit of the theorem holds where the projected dynamics is smooth; a unit within about beta of a kink
     * turns a tangent into a chord). One-sided nudging errs by O(beta); symmetric nudging, the mean of +beta and
     * -beta, by O(beta^2).
     */
    @Test
    void directionTendsToTheGradientOfTheFixedPointCost() {
        Setup s = new Setup(164);
        assertTrue(s.margin() >= 0.05, "the network's units are away from the kinks: " + s.margin());
        double[] fd = s.finiteDifferenceGradient(1e-5);
        double[] oneSidedSmall = s.direction(0.02);
        double errOneLarge = relativeError(s.direction(0.2), fd);
        double errOneSmall = relativeError(oneSidedSmall, fd);
        assertTrue(cosine(oneSidedSmall, fd) > 0.99, "one-sided cosine at beta 0.02: " + cosine(oneSidedSmall, fd));
        assertTrue(errOneSmall < 0.1, "one-sided relative error at beta 0.02: " + errOneSmall);
        assertTrue(errOneSmall < errOneLarge / 5, "one-sided error O(beta): " + errOneLarge + " -> " + errOneSmall);

        double[] symmetricSmall = s.symmetricDirection(0.02);
        double errSymLarge = relativeError(s.symmetricDirection(0.2), fd);
        double errSymSmall = relativeError(symmetricSmall, fd);
        assertTrue(cosine(symmetricSmall, fd) > 0.9999, "symmetric cosine at 0.02: " + cosine(symmetricSmall, fd));
        assertTrue(errSymSmall < 0.005, "symmetric relative error at beta 0.02: " + errSymSmall);
        assertTrue(errSymSmall < errSymLarge / 50, "symmetric error O(beta^2): " + errSymLarge + " -> "
                + errSymSmall);
    }

    @Test
    void randomSignDrawsFromTheGivenStream() {
        Setup s = new Setup(5);
        EquilibriumPropagation ep = s.rule(0.5, 40, 8);
        Activity act = s.net.newActivity(BATCH);
        ep.respond(s.net, s.x, 0, BATCH, act);
        Gradients a = new Gradients(SIZES);
        Gradients b = new Gradients(SIZES);
        ep.assign(s.net, act, s.y, a, new SplittableRandom(9));
        ep.assign(s.net, act, s.y, b, new SplittableRandom(9));
        for (int l = 0; l < SIZES.length - 1; l++) {
            assertArrayEquals(a.weights[l], b.weights[l], 0f, "same stream, same direction");
        }
        boolean sawPlus = false;
        boolean sawMinus = false;
        SplittableRandom rng = new SplittableRandom(4);
        Gradients plus = new Gradients(SIZES);
        ep.nudge(s.net, act, s.y, plus, 0.5);
        Gradients minus = new Gradients(SIZES);
        ep.nudge(s.net, act, s.y, minus, -0.5);
        for (int k = 0; k < 20; k++) {
            ep.assign(s.net, act, s.y, a, rng);
            sawPlus |= java.util.Arrays.equals(a.weights[0], plus.weights[0]);
            sawMinus |= java.util.Arrays.equals(a.weights[0], minus.weights[0]);
        }
        assertTrue(sawPlus && sawMinus, "both signs of beta in 20 draws");
    }

    @Test
    void refusesANetworkItCannotRun() {
        FeedForwardNet sigmoid = new FeedForwardNet(SIZES, Activation.SIGMOID, Activation.SIGMOID,
                Init.XAVIER_NORMAL, 1.0, new SplittableRandom(1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CreditRules.create("ep",
                sigmoid, 4, Loss.MSE, Init.XAVIER_NORMAL, RuleSettings.defaults(), new SplittableRandom(1)));
        assertTrue(e.getMessage().contains("hard-sigmoid") && e.getMessage().contains("sigmoid"), e.getMessage());
        FeedForwardNet hard = new Setup(1).net;
        e = assertThrows(IllegalArgumentException.class, () -> CreditRules.create("equilibrium-propagation", hard, 4,
                Loss.CROSS_ENTROPY, Init.XAVIER_NORMAL, RuleSettings.defaults(), new SplittableRandom(1)));
        assertTrue(e.getMessage().contains("mse"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> CreditRules.create("ep", hard, 4, Loss.MSE,
                Init.XAVIER_NORMAL, RuleSettings.defaults().with("ep_free_steps", 2.5), new SplittableRandom(1)));
        assertTrue(e.getMessage().contains("ep_free_steps"), e.getMessage());
        Shape image = new Shape(1, 6, 6);
        FeedForwardNet conv = new FeedForwardNet(image, Architecture.parse("conv2k3,maxpool2").layers(image, 3,
                Activation.HARD_SIGMOID, Activation.HARD_SIGMOID), Init.XAVIER_NORMAL, 1.0, new SplittableRandom(1));
        e = assertThrows(IllegalArgumentException.class, () -> CreditRules.create("ep", conv, 4, Loss.MSE,
                Init.XAVIER_NORMAL, RuleSettings.defaults(), new SplittableRandom(1)));
        assertTrue(e.getMessage().contains("fully connected networks only"), e.getMessage());
    }

    @Test
    void recipeGivesEquilibriumPropagationItsOwnNetworkOnly() {
        TrainConfig ep = Recipes.images("ep", 1, 500);
        assertEquals(Activation.HARD_SIGMOID, ep.hiddenActivation());
        assertEquals(Activation.HARD_SIGMOID, ep.outputActivation());
        assertEquals(Loss.MSE, ep.loss());
        assertEquals(false, ep.standardize(), "pixels stay in [0, 1], where rho(x) = x");
        TrainConfig bp = Recipes.images("bp", 1, 500);
        assertEquals(Activation.SIGMOID, bp.hiddenActivation());
        assertEquals(Activation.SOFTMAX, bp.outputActivation());
        assertEquals(Loss.CROSS_ENTROPY, bp.loss());
        assertEquals(5, bp.epochs());
        assertEquals(32, bp.batchSize());
        assertEquals(0.9, bp.momentum());
        assertEquals("hard-sigmoid", Activation.HARD_SIGMOID.id());
        assertEquals(Activation.HARD_SIGMOID, Activation.parse("hard-sigmoid"));
    }

    @Test
    void lossFallsOnXor() {
        TrainConfig c = Recipes.xor("ep", 2).toBuilder().epochs(300).build();
        TrainResult r = new Trainer(c, TrainingListener.NONE).train("ep", Xor.dataset(), Xor.dataset());
        double first = r.epochs().get(1).trainLoss();
        double last = r.last().trainLoss();
        assertTrue(last < first / 4, "XOR loss " + first + " -> " + last);
        assertEquals(1.0, r.last().trainAccuracy());
    }

    /** A small hard-sigmoid network with its inputs and targets, and an independent relaxation of it in double. */
    private static final class Setup {
        final FeedForwardNet net;
        final float[] x = new float[BATCH * SIZES[0]];
        final float[] y = new float[BATCH * SIZES[SIZES.length - 1]];

        Setup(long seed) {
            SplittableRandom rng = new SplittableRandom(seed);
            // weights small enough that E is convex on the box: one fixed point, wherever a relaxation starts
            net = new FeedForwardNet(SIZES, Activation.HARD_SIGMOID, Activation.HARD_SIGMOID, Init.XAVIER_NORMAL,
                    0.5, rng);
            for (float[] c : net.biases) {
                for (int i = 0; i < c.length; i++) {
                    c[i] = (float) (0.3 + 0.2 * rng.nextGaussian()); // most units inside (0, 1)
                }
            }
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) rng.nextDouble();
            }
            int k = SIZES[SIZES.length - 1];
            for (int r = 0; r < BATCH; r++) {
                y[r * k + rng.nextInt(k)] = 1f;
            }
        }

        EquilibriumPropagation rule(double beta, int free, int nudged) {
            RuleSettings settings = RuleSettings.defaults().with("ep_beta", beta).with("ep_free_steps", (double) free)
                    .with("ep_nudged_steps", (double) nudged);
            return (EquilibriumPropagation) CreditRules.create("ep", net, BATCH, Loss.MSE, Init.XAVIER_NORMAL,
                    settings, new SplittableRandom(1));
        }

        double[][] weights() {
            double[][] w = new double[SIZES.length][];
            for (int l = 1; l < SIZES.length; l++) {
                w[l] = toDouble(net.weights[l - 1]);
            }
            return w;
        }

        double[][] biases() {
            double[][] c = new double[SIZES.length][];
            for (int l = 1; l < SIZES.length; l++) {
                c[l] = toDouble(net.biases[l - 1]);
            }
            return c;
        }

        /** @return the smallest distance of a unit's drive from 0 or 1 at the free fixed point (double relaxation). */
        double margin() {
            double[][] state = Relaxation.fixedPoint(weights(), biases(), toDouble(x), BATCH);
            double[][] h = Relaxation.drive(weights(), biases(), state, BATCH);
            double m = Double.POSITIVE_INFINITY;
            for (int l = 1; l < SIZES.length; l++) {
                for (double v : h[l]) {
                    m = Math.min(m, Math.min(Math.abs(v), Math.abs(v - 1)));
                }
            }
            return m;
        }

        /** The rule's direction at +beta, every weight then every bias, relaxed to convergence in both phases. */
        double[] direction(double beta) {
            EquilibriumPropagation ep = rule(Math.abs(beta), 3000, 3000);
            Activity act = net.newActivity(BATCH);
            ep.respond(net, x, 0, BATCH, act);
            Gradients g = new Gradients(SIZES);
            ep.nudge(net, act, y, g, beta);
            return flatten(g);
        }

        /** The mean of the directions at +beta and -beta (symmetric nudging, Laborieux et al. 2021). */
        double[] symmetricDirection(double beta) {
            double[] plus = direction(beta);
            double[] minus = direction(-beta);
            for (int i = 0; i < plus.length; i++) {
                plus[i] = (plus[i] + minus[i]) / 2;
            }
            return plus;
        }

        /** Central differences of the batch-mean cost of the free fixed point, in double. */
        double[] finiteDifferenceGradient(double h) {
            double[][] w = weights();
            double[][] c = biases();
            double[] out = new double[flatten(new Gradients(SIZES)).length];
            int k = 0;
            for (double[][] part : new double[][][] {w, c}) {
                for (int l = 1; l < SIZES.length; l++) {
                    for (int i = 0; i < part[l].length; i++) {
                        double keep = part[l][i];
                        part[l][i] = keep + h;
                        double up = Relaxation.cost(w, c, toDouble(x), toDouble(y), BATCH);
                        part[l][i] = keep - h;
                        double down = Relaxation.cost(w, c, toDouble(x), toDouble(y), BATCH);
                        part[l][i] = keep;
                        out[k++] = (up - down) / (2 * h);
                    }
                }
            }
            return out;
        }
    }

    /** The free phase written again in double, from zero states, to convergence: the reference for the rule. */
    private static final class Relaxation {
        static double[][] drive(double[][] w, double[][] c, double[][] s, int batch) {
            int top = SIZES.length - 1;
            double[][] h = new double[top + 1][];
            for (int l = 1; l <= top; l++) {
                h[l] = new double[batch * SIZES[l]];
                for (int r = 0; r < batch; r++) {
                    for (int j = 0; j < SIZES[l]; j++) {
                        double v = c[l][j];
                        for (int i = 0; i < SIZES[l - 1]; i++) {
                            v += w[l][j * SIZES[l - 1] + i] * s[l - 1][r * SIZES[l - 1] + i];
                        }
                        if (l < top) {
                            for (int i = 0; i < SIZES[l + 1]; i++) {
                                v += w[l + 1][i * SIZES[l] + j] * s[l + 1][r * SIZES[l + 1] + i];
                            }
                        }
                        h[l][r * SIZES[l] + j] = v;
                    }
                }
            }
            return h;
        }

        static double cost(double[][] w, double[][] c, double[] x, double[] y, int batch) {
            int top = SIZES.length - 1;
            double[][] s = fixedPoint(w, c, x, batch);
            double sum = 0;
            for (int i = 0; i < y.length; i++) {
                sum += (s[top][i] - y[i]) * (s[top][i] - y[i]); // the reference code's C, no factor 1/2
            }
            return sum / batch;
        }

        static double[][] fixedPoint(double[][] w, double[][] c, double[] x, int batch) {
            int top = SIZES.length - 1;
            double[][] s = new double[top + 1][];
            s[0] = x;
            for (int l = 1; l <= top; l++) {
                s[l] = new double[batch * SIZES[l]];
            }
            for (int t = 0; t < 4000; t++) {
                double[][] h = drive(w, c, s, batch);
                for (int l = 1; l <= top; l++) {
                    for (int i = 0; i < s[l].length; i++) {
                        s[l][i] = Math.min(Math.max(s[l][i] + 0.5 * (h[l][i] - s[l][i]), 0), 1);
                    }
                }
            }
            return s;
        }
    }

    private static double[] flatten(Gradients g) {
        int n = 0;
        for (float[][] part : new float[][][] {g.weights, g.biases}) {
            for (float[] p : part) {
                n += p.length;
            }
        }
        double[] out = new double[n];
        int k = 0;
        for (float[][] part : new float[][][] {g.weights, g.biases}) {
            for (float[] p : part) {
                for (float v : p) {
                    out[k++] = v;
                }
            }
        }
        return out;
    }

    private static double[] toDouble(float[] v) {
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            d[i] = v[i];
        }
        return d;
    }

    private static double cosine(double[] a, double[] b) {
        double ab = 0;
        double aa = 0;
        double bb = 0;
        for (int i = 0; i < a.length; i++) {
            ab += a[i] * b[i];
            aa += a[i] * a[i];
            bb += b[i] * b[i];
        }
        return ab / Math.sqrt(aa * bb);
    }

    private static double relativeError(double[] a, double[] b) {
        double d = 0;
        double n = 0;
        for (int i = 0; i < a.length; i++) {
            d += (a[i] - b[i]) * (a[i] - b[i]);
            n += b[i] * b[i];
        }
        return Math.sqrt(d / n);
    }
}
