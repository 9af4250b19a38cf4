package org.plasticity.layered.credit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.plasticity.layered.data.Dataset;
import org.plasticity.layered.data.IdxFormat;
import org.plasticity.layered.data.Xor;
import org.plasticity.layered.network.Activation;
import org.plasticity.layered.network.Activity;
import org.plasticity.layered.network.FeedForwardNet;
import org.plasticity.layered.network.Gradients;
import org.plasticity.layered.network.Init;
import org.plasticity.layered.network.Loss;
import org.plasticity.layered.training.Recipes;
import org.plasticity.layered.training.TrainConfig;
import org.plasticity.layered.training.TrainResult;
import org.plasticity.layered.training.Trainer;
import org.plasticity.layered.training.TrainingListener;
import org.plasticity.stats.Angles;

/**
 * The sign-symmetry family (usf, brsf, frsf) against its definition B_l = |M_l| . sign(W_l), entry by entry, and
 * against backprop: equal to it where the feedback equals W, equal at the output layer always, and between 0 and 90
 * degrees from it in the hidden layers otherwise.
 */
class SignSymmetryTest {
    private static final int[] SIZES = {12, 40, 30, 6};
    private static final int BATCH = 16;

    private static FeedForwardNet net(Init init, long seed) {
        return new FeedForwardNet(SIZES, Activation.SIGMOID, Activation.SOFTMAX, init, 1.0, new SplittableRandom(seed));
    }

    /** A batch of Gaussian inputs with one-hot targets: {x, y}. */
    private static float[][] batchData(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int top = SIZES[SIZES.length - 1];
        float[] x = new float[BATCH * SIZES[0]];
        float[] y = new float[BATCH * top];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) rng.nextGaussian();
        }
        for (int r = 0; r < BATCH; r++) {
            y[r * top + rng.nextInt(top)] = 1f;
        }
        return new float[][] {x, y};
    }

    private static Gradients directions(CreditRule rule, FeedForwardNet net, float[][] d, SplittableRandom rng) {
        Activity act = net.newActivity(BATCH);
        net.forward(d[0], 0, BATCH, act);
        Gradients g = new Gradients(net.sizes());
        rule.assign(net, act, d[1], g, rng);
        return g;
    }

    private static Gradients backprop(FeedForwardNet net, float[][] d) {
        return directions(new Backprop(net.sizes(), BATCH, Loss.CROSS_ENTROPY), net, d, null);
    }

    private static CreditRule rule(String id, FeedForwardNet net, Init init, long seed) {
        return CreditRules.create(id, net, BATCH, Loss.CROSS_ENTROPY, init, RuleSettings.defaults(),
                new SplittableRandom(seed));
    }

    /** Asserts that B_l has W_l's signs exactly (zero where W_l is zero) and returns |B_l|. */
    private static float[] magnitudesWithSignsOf(float[] b, float[] w) {
        assertEquals(w.length, b.length);
        float[] m = new float[b.length];
        for (int i = 0; i < b.length; i++) {
            assertEquals(Math.signum(w[i]), Math.signum(b[i]), "entry " + i + ": W " + w[i] + ", B " + b[i]);
            m[i] = Math.abs(b[i]);
        }
        return m;
    }

    @Test
    void registryNamesTheThreeRules() {
        assertEquals("usf", CreditRules.canonical("uniform-sign-symmetry"));
        assertEquals("brsf", CreditRules.canonical("batchwise-random-sign-symmetry"));
        assertEquals("frsf", CreditRules.canonical("fixed-random-sign-symmetry"));
        assertTrue(CreditRules.builtIn().containsAll(
                List.of(UniformSignSymmetry.TYPE, BatchwiseRandomSignSymmetry.TYPE,
                        FixedRandomSignSymmetry.TYPE)));
    }

    @Test
    void uniformFeedbackIsTheXavierScaleTimesTheSignsOfTheCurrentWeights() {
        FeedForwardNet net = net(Init.XAVIER_NORMAL, 1);
        net.weights[1][5] = 0f; // sign(0) = 0: sends nothing back
        CreditRule usf = rule("usf", net, Init.XAVIER_NORMAL, 2);
        assertNull(usf.feedback(1), "no feedback below the input");
        for (int step = 0; step < 2; step++) {
            for (int l = 2; l <= net.layers(); l++) {
                float s = (float) Math.sqrt(2.0 / (SIZES[l - 1] + SIZES[l]));
                float[] m = magnitudesWithSignsOf(usf.feedback(l), net.weights[l - 1]);
                for (int i = 0; i < m.length; i++) {
                    assertEquals(net.weights[l - 1][i] == 0f ? 0f : s, m[i], 0f, "layer " + l + " entry " + i);
                }
            }
            // the next batch reads the signs afresh: flip every other weight of the hidden layers
            for (int l = 2; l <= net.layers(); l++) {
                for (int i = 0; i < net.weights[l - 1].length; i += 2) {
                    net.weights[l - 1][i] = -net.weights[l - 1][i];
                }
            }
            directions(usf, net, batchData(3), null);
        }
        assertEquals(0f, usf.feedback(2)[5], 0f);
    }

    @Test
    void uniformFeedbackIsBackpropWhenEveryWeightIsPlusOrMinusTheScale() {
        FeedForwardNet net = net(Init.XAVIER_NORMAL, 4);
        for (int l = 1; l <= net.layers(); l++) {
            float s = UniformSignSymmetry.scale(net, l);
            for (int i = 0; i < net.weights[l - 1].length; i++) {
                net.weights[l - 1][i] = Math.copySign(s, net.weights[l - 1][i]);
            }
        }
        float[][] d = batchData(5);
        Gradients bp = backprop(net, d);
        Gradients usf = directions(rule("usf", net, Init.XAVIER_NORMAL, 6), net, d, null);
        for (int l = 0; l < net.layers(); l++) {
            assertArrayEquals(bp.weights[l], usf.weights[l], 0f, "layer " + (l + 1) + ": the same bits");
            assertArrayEquals(bp.biases[l], usf.biases[l], 0f);
            assertEquals(0.0, Angles.degrees(usf.weights[l], bp.weights[l]), 1e-6);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Init.class, names = {"XAVIER_NORMAL", "KAIMING_UNIFORM"})
    void fixedMagnitudesAreOneDrawOfTheInitSchemeAndFollowTheWeightsSigns(Init init) {
        FeedForwardNet net = net(init, 7);
        FixedRandomSignSymmetry frsf = (FixedRandomSignSymmetry) rule("frsf", net, init, 8);
        // the same draws, made independently from the rule's construction stream
        SplittableRandom replay = new SplittableRandom(8);
        float[][] drawn = new float[net.layers() + 1][];
        for (int l = 2; l <= net.layers(); l++) {
            drawn[l] = new float[net.weights[l - 1].length];
            init.fill(drawn[l], SIZES[l - 1], SIZES[l], 1.0, replay);
        }
        SplittableRandom batches = new SplittableRandom(9);
        for (int step = 0; step < 3; step++) {
            for (int l = 2; l <= net.layers(); l++) {
                float[] m = magnitudesWithSignsOf(frsf.feedback(l), net.weights[l - 1]);
                for (int i = 0; i < m.length; i++) {
                    assertEquals(Math.abs(drawn[l][i]), m[i], 0f, "step " + step + " layer " + l + " entry " + i);
                }
            }
            for (int l = 2; l <= net.layers(); l++) { // turn a third of the weights around
                for (int i = step; i < net.weights[l - 1].length; i += 3) {
                    net.weights[l - 1][i] = -net.weights[l - 1][i];
                }
            }
            directions(frsf, net, batchData(10 + step), batches);
        }
    }

    @Test
    void fixedRandomFeedbackIsBackpropWhenItsMagnitudesAreTheWeights() {
        FeedForwardNet net = net(Init.XAVIER_NORMAL, 11);
        FixedRandomSignSymmetry frsf = (FixedRandomSignSymmetry) rule("frsf", net, Init.XAVIER_NORMAL, 12);
        float[][] d = batchData(13);
        Gradients bp = backprop(net, d);
        Gradients before = directions(frsf, net, d, null);
        assertTrue(Angles.degrees(before.weights[0], bp.weights[0]) > 5, "random magnitudes: not backprop");
        for (int l = 2; l <= net.layers(); l++) {
            float[] m = frsf.fixedMagnitudes(l);
            for (int i = 0; i < m.length; i++) {
                m[i] = Math.abs(net.weights[l - 1][i]);
            }
        }
        Gradients g = directions(frsf, net, d, null);
        for (int l = 0; l < net.layers(); l++) {
            assertArrayEquals(bp.weights[l], g.weights[l], 0f, "layer " + (l + 1) + ": |W| . sign(W) is W");
            assertEquals(0.0, Angles.degrees(g.weights[l], bp.weights[l]), 1e-6);
        }
    }

    @Test
    void batchwiseMagnitudesAreRedrawnFromTheBatchStreamReproducibly() {
        FeedForwardNet net = net(Init.XAVIER_NORMAL, 14);
        CreditRule brsf = rule("brsf", net, Init.XAVIER_NORMAL, 15);
        CreditRule again = rule("brsf", net, Init.XAVIER_NORMAL, 15);
        SplittableRandom rng = new SplittableRandom(16);
        SplittableRandom rngAgain = new SplittableRandom(16);
        SplittableRandom replay = new SplittableRandom(16);
        float[] previous = magnitudesWithSignsOf(brsf.feedback(2), net.weights[1]);
        for (int step = 0; step < 3; step++) {
            float[][] d = batchData(17 + step);
            Gradients g = directions(brsf, net, d, rng);
            Gradients h = directions(again, net, d, rngAgain);
            for (int l = 0; l < net.layers(); l++) {
                assertArrayEquals(g.weights[l], h.weights[l], 0f, "same seed, same directions");
            }
            for (int l = 2; l <= net.layers(); l++) {
                float[] drawn = new float[net.weights[l - 1].length];
                Init.XAVIER_NORMAL.fill(drawn, SIZES[l - 1], SIZES[l], 1.0, replay);
                float[] m = magnitudesWithSignsOf(brsf.feedback(l), net.weights[l - 1]);
                for (int i = 0; i < m.length; i++) {
                    assertEquals(Math.abs(drawn[i]), m[i], 0f, "step " + step + " layer " + l + " entry " + i);
                }
                assertArrayEquals(brsf.feedback(l), again.feedback(l), 0f);
            }
            float[] now = magnitudesWithSignsOf(brsf.feedback(2), net.weights[1]);
            assertNotEquals(0.0, Angles.degrees(previous, now), "magnitudes redrawn for every batch");
            previous = now;
        }
        Gradients out = new Gradients(net.sizes());
        Activity act = net.newActivity(BATCH);
        assertThrows(NullPointerException.class, () -> brsf.assign(net, act, new float[BATCH * 6], out, null));
    }

    @ParameterizedTest
    @EnumSource(value = Init.class, names = {"XAVIER_NORMAL", "XAVIER_UNIFORM"})
    void batchwiseMagnitudesAreDistributedAsTheAbsoluteInitDraws(Init init) {
        int[] sizes = {4, 300, 200, 4};
        FeedForwardNet net = new FeedForwardNet(sizes, Activation.SIGMOID, Activation.SOFTMAX, init, 1.0,
                new SplittableRandom(20));
        BatchwiseRandomSignSymmetry brsf = new BatchwiseRandomSignSymmetry(net, 1, Loss.CROSS_ENTROPY, init,
                new SplittableRandom(21));
        float[] b = brsf.feedback(2); // 200 x 300 = 60,000 draws
        double s = Math.sqrt(2.0 / (300 + 200));
        double mean = 0;
        double square = 0;
        double belowStd = 0;
        double max = 0;
        for (float v : b) {
            double a = Math.abs(v) / s;
            mean += a / b.length;
            square += a * a / b.length;
            belowStd += a < 1 ? 1.0 / b.length : 0;
            max = Math.max(max, a);
        }
        assertEquals(1.0, square, 0.02, "E|M|^2 = std^2");
        if (init == Init.XAVIER_NORMAL) { // half-normal: E|z| = sqrt(2/pi), P(|z| < 1) = 0.6827
            assertEquals(Math.sqrt(2 / Math.PI), mean, 0.01);
            assertEquals(0.6827, belowStd, 0.01);
        } else { // |U(-sqrt3, sqrt3)| = U(0, sqrt3): mean sqrt3/2, P(< 1) = 1/sqrt3, bounded by sqrt3
            assertEquals(Math.sqrt(3) / 2, mean, 0.01);
            assertEquals(1 / Math.sqrt(3), belowStd, 0.01);
            assertTrue(max <= Math.sqrt(3) + 1e-6, "max " + max);
        }
    }

    /**
     * The entrywise correlation of B_l with W_l for Gaussian W: E[b w] / sqrt(E[b^2] E[w^2]) = E|w| / std(w) =
     * sqrt(2/pi) for uniform magnitudes, times E|m| / std(m) = sqrt(2/pi) again for Gaussian random ones.
     */
    private static double correlation(String id) {
        double halfNormal = Math.sqrt(2 / Math.PI);
        return id.equals("usf") ? halfNormal : halfNormal * halfNormal;
    }

    @ParameterizedTest
    @ValueSource(strings = {"usf", "brsf", "frsf"})
    void weightFeedbackAngleIsTheClosedFormForGaussianWeights(String id) {
        int[] sizes = {4, 300, 200, 4};
        FeedForwardNet net = new FeedForwardNet(sizes, Activation.SIGMOID, Activation.SOFTMAX, Init.XAVIER_NORMAL,
                1.0, new SplittableRandom(30));
        CreditRule rule = CreditRules.create(id, net, 1, Loss.CROSS_ENTROPY, Init.XAVIER_NORMAL,
                RuleSettings.defaults(), new SplittableRandom(31));
        double expected = Math.toDegrees(Math.acos(correlation(id))); // usf 37.0 deg, brsf and frsf 50.5 deg
        assertEquals(expected, Angles.degrees(net.weights[1], rule.feedback(2)), 0.5, id);
        // feedback alignment's B shares nothing with W: about 90 degrees
        FeedbackAlignment fa = new FeedbackAlignment(net, 1, Loss.CROSS_ENTROPY, Init.XAVIER_NORMAL,
                new SplittableRandom(31));
        assertEquals(90, Angles.degrees(net.weights[1], fa.feedback(2)), 1.0);
    }

    /**
     * At initialisation the output layer takes backprop's gradient bit for bit; the layer below it gets an error
     * correlated with the true one about as B_L is with W_L (cos ~ rho), and the one below that about rho^2, so the
     * angles sit well inside 90 degrees, where feedback alignment's are near 90.
     */
    @ParameterizedTest
    @ValueSource(strings = {"usf", "brsf", "frsf"})
    void outputLayerIsBackpropAndHiddenLayersStayWithinNinetyDegrees(String id) {
        int seeds = 8;
        int top = SIZES.length - 2;
        double[] mean = new double[top];
        double[] fa = new double[top];
        for (long seed = 1; seed <= seeds; seed++) {
            FeedForwardNet net = net(Init.XAVIER_NORMAL, 100 + seed);
            float[][] d = batchData(200 + seed);
            Gradients bp = backprop(net, d);
            Gradients g = directions(rule(id, net, Init.XAVIER_NORMAL, 300 + seed), net, d,
                    new SplittableRandom(400 + seed));
            Gradients f = directions(rule("fa", net, Init.XAVIER_NORMAL, 300 + seed), net, d, null);
            assertArrayEquals(bp.weights[top], g.weights[top], 0f, id + ": the output layer's true gradient");
            assertArrayEquals(bp.biases[top], g.biases[top], 0f);
            for (int l = 0; l < top; l++) {
                double angle = Angles.degrees(g.weights[l], bp.weights[l]);
                assertTrue(angle > 15 && angle < 80, id + " seed " + seed + " layer " + (l + 1) + ": " + angle);
                mean[l] += angle / seeds;
                fa[l] += Angles.degrees(f.weights[l], bp.weights[l]) / seeds;
            }
        }
        double rho = correlation(id);
        assertEquals(Math.toDegrees(Math.acos(rho)), mean[top - 1], 6, id + ": layer below the output");
        assertEquals(Math.toDegrees(Math.acos(rho * rho)), mean[top - 2], 8, id + ": two layers below");
        for (int l = 0; l < top; l++) {
            System.out.printf("%s layer %d: %.1f deg from backprop at initialisation (fa %.1f)%n", id, l + 1,
                    mean[l], fa[l]);
            assertTrue(mean[l] < fa[l] - 15, id + " layer " + (l + 1) + " vs fa: " + mean[l] + ", " + fa[l]);
        }
    }

    /** On XOR with its recipe (the one backprop uses) each rule takes the loss to a tenth of where it starts. */
    @ParameterizedTest
    @ValueSource(strings = {"usf", "brsf", "frsf"})
    void lowersTheLossOnXor(String id) {
        TrainResult r = new Trainer(Recipes.xor(id, 1), TrainingListener.NONE).train(id, Xor.dataset(), Xor.dataset());
        double before = r.epochs().get(0).testLoss();
        double after = r.last().testLoss();
        assertTrue(after < before / 10, id + ": XOR loss " + before + " -> " + after);
        assertEquals(1.0, r.last().trainAccuracy(), id);
    }

    /**
     * A few hundred Fashion-MNIST images through two hidden layers (so that a hidden layer learns from sign-concordant
     * feedback twice removed from the output): each rule lowers the loss about as backprop does. Skipped without
     * Debian's dataset-fashion-mnist unless PLASTICITY_REQUIRE_DATA is set.
     */
    @Test
    void lowersTheLossOnAFewHundredFashionMnistImages() {
        Path dir = Path.of("/usr/share/datasets/fashion-mnist");
        boolean present = Files.isDirectory(dir);
        assertTrue(present || System.getenv("PLASTICITY_REQUIRE_DATA") == null, "Fashion-MNIST missing in " + dir);
        assumeTrue(present, "Fashion-MNIST not installed");
        Dataset images = IdxFormat.readDirectory(dir, false, "fashion-mnist/test").head(1000);
        Map<String, double[]> loss = new LinkedHashMap<>();
        for (String id : List.of("bp", "usf", "brsf", "frsf")) {
            TrainConfig c = Recipes.images(id, 1, 64).toBuilder().hidden(64, 32).epochs(4).trainLimit(600)
                    .probe(64).build();
            TrainResult r = new Trainer(c, TrainingListener.NONE).train(id, images, images);
            loss.put(id, new double[] {r.epochs().get(0).testLoss(), r.last().testLoss(), r.last().trainAccuracy()});
            System.out.printf("%s: loss %.3f -> %.3f, train accuracy %.3f%n", id, loss.get(id)[0], loss.get(id)[1],
                    loss.get(id)[2]);
        }
        double bpDrop = loss.get("bp")[0] - loss.get("bp")[1];
        for (String id : List.of("usf", "brsf", "frsf")) {
            double[] l = loss.get(id);
            assertTrue(l[1] < 0.6 * l[0], id + ": loss " + l[0] + " -> " + l[1]);
            assertTrue(l[0] - l[1] > 0.7 * bpDrop, id + " drops the loss by " + (l[0] - l[1]) + ", bp by " + bpDrop);
            assertTrue(l[2] > 0.5, id + ": train accuracy " + l[2]);
        }
    }
}
