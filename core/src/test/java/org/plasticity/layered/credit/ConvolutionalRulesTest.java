package org.plasticity.layered.credit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.plasticity.layered.network.Activation;
import org.plasticity.layered.network.Activity;
import org.plasticity.layered.network.Architecture;
import org.plasticity.layered.network.FeedForwardNet;
import org.plasticity.layered.network.Gradients;
import org.plasticity.layered.network.Init;
import org.plasticity.layered.network.Layer;
import org.plasticity.layered.network.Loss;
import org.plasticity.layered.network.Shape;
import org.plasticity.stats.Angles;

/**
 * Convolutional and pooled layers under every credit rule: backprop's direction against finite differences of the
 * loss, and each feedback rule against backprop where its definition says they coincide.
 */
class ConvolutionalRulesTest {
    private static final Shape INPUT = new Shape(2, 7, 7);
    private static final int CLASSES = 3;
    private static final int BATCH = 4;

    private static FeedForwardNet net(String arch, Activation hidden, long seed) {
        List<Layer> layers = Architecture.parse(arch).layers(INPUT, CLASSES, hidden, Activation.SOFTMAX);
        return new FeedForwardNet(INPUT, layers, Init.XAVIER_NORMAL, 1.0, new SplittableRandom(seed));
    }

    private static float[][] data(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] x = new float[BATCH * INPUT.size()];
        float[] y = new float[BATCH * CLASSES];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) rng.nextGaussian();
        }
        for (int r = 0; r < BATCH; r++) {
            y[r * CLASSES + rng.nextInt(CLASSES)] = 1f;
        }
        return new float[][] {x, y};
    }

    private static double loss(FeedForwardNet net, float[][] d) {
        Activity act = net.newActivity(BATCH);
        net.forward(d[0], 0, BATCH, act);
        return Loss.CROSS_ENTROPY.mean(act.e[net.layers()], d[1], BATCH, CLASSES);
    }

    private static Gradients backprop(FeedForwardNet net, float[][] d, Activity act) {
        net.forward(d[0], 0, BATCH, act);
        Gradients g = new Gradients(net);
        new Backprop(net.sizes(), BATCH, Loss.CROSS_ENTROPY).assign(net, act, d[1], g, null);
        return g;
    }

    /**
     * Central differences of the batch-mean loss for every weight and bias, in float with a step of 1e-3: small enough
     * that no perturbation moves a max-pool window's winner (1e-2 did, for a few weights), large enough for float.
     */
    @ParameterizedTest
    @ValueSource(strings = {"conv3k3p1,avgpool2,conv4k2,fc5", "conv3k3s2p1,maxpool2s1,fc5:sigmoid",
        "conv4k3,maxpool3s2,conv2k1", "conv4k3,avgpool3s2,conv2k1", "conv3k3s2p1,avgpool2s1,fc5:sigmoid"})
    void backpropIsTheGradientThroughConvolutionsAndPooling(String arch) {
        FeedForwardNet net = net(arch, Activation.TANH, 7);
        float[][] d = data(8);
        Gradients g = backprop(net, d, net.newActivity(BATCH));
        float h = 1e-3f;
        for (int l = 0; l < net.layers(); l++) {
            for (float[][] pair : new float[][][] {{net.weights[l], g.weights[l]}, {net.biases[l], g.biases[l]}}) {
                float[] p = pair[0];
                double worst = 0;
                double scale = 0;
                for (int i = 0; i < p.length; i++) {
                    float keep = p[i];
                    p[i] = keep + h;
                    double up = loss(net, d);
                    p[i] = keep - h;
                    double down = loss(net, d);
                    p[i] = keep;
                    double fd = (up - down) / (2 * h);
                    worst = Math.max(worst, Math.abs(fd - pair[1][i]));
                    scale = Math.max(scale, Math.abs(fd));
                }
                assertTrue(worst < 2e-3 * Math.max(scale, 1e-2), arch + " layer " + (l + 1) + ": largest difference "
                        + worst + " against gradients up to " + scale);
            }
        }
    }

    @Test
    void feedbackAlignmentWithItsFeedbackSetToTheWeightsIsBackprop() {
        FeedForwardNet net = net("conv3k3p1,maxpool2,conv4k2,avgpool2,fc5", Activation.RELU, 11);
        float[][] d = data(12);
        Activity act = net.newActivity(BATCH);
        Gradients bp = backprop(net, d, act);
        FeedbackAlignment fa = new FeedbackAlignment(net, BATCH, Loss.CROSS_ENTROPY, Init.XAVIER_NORMAL,
                new SplittableRandom(13));
        Gradients g = new Gradients(net);
        fa.assign(net, act, d[1], g, null);
        assertTrue(Angles.degrees(g.weights[0], bp.weights[0]) > 10, "random kernels send other errors down");
        for (int l = 2; l <= net.layers(); l++) {
            float[] b = fa.feedback(l);
            assertEquals(net.weights[l - 1].length, b.length, "a feedback kernel per layer, shaped like W");
            System.arraycopy(net.weights[l - 1], 0, b, 0, b.length);
        }
        fa.assign(net, act, d[1], g, null);
        for (int l = 0; l < net.layers(); l++) {
            assertArrayEquals(bp.weights[l], g.weights[l], "layer " + (l + 1));
            assertArrayEquals(bp.biases[l], g.biases[l], "layer " + (l + 1));
        }
    }

    /** With one hidden layer, not pooled, DFA's projection D_1 has W_2's shape; set equal, DFA is backprop. */
    @Test
    void directFeedbackWithItsProjectionSetToTheOutputWeightsIsBackprop() {
        FeedForwardNet net = net("conv3k3s2", Activation.SIGMOID, 21);
        float[][] d = data(22);
        Activity act = net.newActivity(BATCH);
        Gradients bp = backprop(net, d, act);
        DirectFeedbackAlignment dfa = new DirectFeedbackAlignment(net.sizes(), BATCH, Loss.CROSS_ENTROPY,
                new SplittableRandom(23));
        Gradients g = new Gradients(net);
        dfa.assign(net, act, d[1], g, null);
        assertArrayEquals(bp.weights[1], g.weights[1], "the output layer takes the true gradient");
        float[] proj = dfa.feedback(2);
        System.arraycopy(net.weights[1], 0, proj, 0, proj.length);
        dfa.assign(net, act, d[1], g, null);
        assertArrayEquals(bp.weights[0], g.weights[0]);
        assertArrayEquals(bp.biases[0], g.biases[0]);
    }

    @Test
    void nodePerturbationAveragesToTheGradientThroughConvolutions() {
        FeedForwardNet net = net("conv3k3p1,maxpool2,fc5", Activation.TANH, 31);
        float[][] d = data(32);
        Activity act = net.newActivity(BATCH);
        Gradients bp = backprop(net, d, act);
        NodePerturbation np = new NodePerturbation(net, BATCH, Loss.CROSS_ENTROPY, 1e-3);
        Gradients one = new Gradients(net);
        SplittableRandom rng = new SplittableRandom(33);
        int draws = 4000;
        float[][] mean = new float[net.layers()][];
        for (int l = 0; l < mean.length; l++) {
            mean[l] = new float[bp.weights[l].length];
        }
        for (int k = 0; k < draws; k++) {
            np.assign(net, act, d[1], one, rng);
            for (int l = 0; l < mean.length; l++) {
                for (int i = 0; i < mean[l].length; i++) {
                    mean[l][i] += one.weights[l][i] / draws;
                }
            }
        }
        for (int l = 0; l < mean.length; l++) {
            double angle = Angles.degrees(mean[l], bp.weights[l]);
            assertTrue(angle < 25, "layer " + (l + 1) + ": mean direction " + angle + " deg from the gradient");
        }
    }

    /**
     * Burstprop in a convolutional network: the output takes p&#772; times the gradient, and with the feedback kernels
     * set to the forward ones a hidden layer's direction points along backprop's (the sigmoid of the apical potential
     * is linearised around small potentials, so the agreement is close, not exact).
     */
    @Test
    void burstpropWithSymmetricFeedbackKernelsFollowsBackprop() {
        FeedForwardNet net = net("conv4k3p1,maxpool2,conv3k3,fc6", Activation.SIGMOID, 41);
        float[][] d = data(42);
        Activity act = net.newActivity(BATCH);
        Gradients bp = backprop(net, d, act);
        Burstprop.Params p = new Burstprop.Params(0.2, 1.0, true, true, 1e-4);
        Burstprop burst = new Burstprop(net, BATCH, Loss.CROSS_ENTROPY, p, new SplittableRandom(43));
        Gradients g = new Gradients(net);
        burst.assign(net, act, d[1], g, null);
        int top = net.layers();
        assertEquals(0.0, Angles.degrees(g.weights[top - 1], bp.weights[top - 1]), 1e-3);
        for (int l = 2; l <= top; l++) {
            float[] y = burst.feedback(l);
            for (int i = 0; i < y.length; i++) {
                y[i] = net.weights[l - 1][i] * 1e-2f; // small apical potentials: the sigmoid's linear range
            }
        }
        burst.assign(net, act, d[1], g, null);
        for (int l = 1; l < top; l++) {
            double angle = Angles.degrees(g.weights[l - 1], bp.weights[l - 1]);
            assertTrue(angle < 10, "layer " + l + ": " + angle + " deg from backprop");
        }
        float[][] steps = new float[top][];
        for (int l = 0; l < top; l++) {
            steps[l] = new float[net.weights[l].length];
        }
        burst.afterStep(net, steps); // recurrent inhibition only where the layer is dense; conv layers have none
    }

    /**
     * The sign-symmetry family on convolutional kernels: every feedback kernel carries sign(W); uSF on kernels of
     * entries +-s (its magnitude) and frSF with |M| = |W| are backprop, bit for bit.
     */
    @Test
    void signSymmetryOnKernelsFollowsTheSignsAndIsBackpropWhenMagnitudesMatch() {
        FeedForwardNet net = net("conv3k3p1,maxpool2,conv4k2,fc5", Activation.RELU, 51);
        float[][] d = data(52);
        for (int l = 1; l <= net.layers(); l++) {
            float s = (float) Init.XAVIER_NORMAL.std(net.fanIn(l), net.fanOut(l));
            float[] w = net.weights[l - 1];
            for (int i = 0; i < w.length; i++) {
                w[i] = w[i] < 0 ? -s : s;
            }
        }
        Activity act = net.newActivity(BATCH);
        Gradients bp = backprop(net, d, act);
        UniformSignSymmetry usf = new UniformSignSymmetry(net, BATCH, Loss.CROSS_ENTROPY);
        FixedRandomSignSymmetry frsf = new FixedRandomSignSymmetry(net, BATCH, Loss.CROSS_ENTROPY,
                Init.XAVIER_NORMAL, new SplittableRandom(53));
        BatchwiseRandomSignSymmetry brsf = new BatchwiseRandomSignSymmetry(net, BATCH, Loss.CROSS_ENTROPY,
                Init.XAVIER_NORMAL, new SplittableRandom(54));
        Gradients g = new Gradients(net);
        for (CreditRule rule : List.of(usf, frsf, brsf)) {
            rule.assign(net, act, d[1], g, new SplittableRandom(55));
            for (int l = 2; l <= net.layers(); l++) {
                float[] b = rule.feedback(l);
                float[] w = net.weights[l - 1];
                for (int i = 0; i < w.length; i++) {
                    assertEquals(Math.signum(w[i]), Math.signum(b[i]), rule.id() + " layer " + l + " entry " + i);
                }
            }
        }
        usf.assign(net, act, d[1], g, null);
        for (int l = 0; l < net.layers(); l++) {
            assertArrayEquals(bp.weights[l], g.weights[l], "usf layer " + (l + 1));
        }
        for (int l = 2; l <= net.layers(); l++) {
            float[] m = frsf.fixedMagnitudes(l);
            for (int i = 0; i < m.length; i++) {
                m[i] = Math.abs(net.weights[l - 1][i]);
            }
        }
        frsf.assign(net, act, d[1], g, null);
        for (int l = 0; l < net.layers(); l++) {
            assertArrayEquals(bp.weights[l], g.weights[l], "frsf layer " + (l + 1));
        }
    }

    /**
     * The registry's contract on a convolutional network: every rule but ep (which refuses it in one line) writes
     * finite directions shaped like every layer's parameters, and its output-layer direction is a descent direction
     * (within 90 degrees of backprop's; node perturbation's averaged over draws, as it is an estimate).
     */
    @Test
    void everyRegisteredRuleRunsOnAConvolutionalNetwork() {
        FeedForwardNet net = net("conv3k3p1,maxpool2,conv2k2,fc5", Activation.SIGMOID, 61);
        float[][] d = data(62);
        Activity act = net.newActivity(BATCH);
        Gradients bp = backprop(net, d, act);
        int top = net.layers();
        for (RuleType t : CreditRules.all()) {
            RuleType.Context on = new RuleType.Context(net, BATCH, Loss.CROSS_ENTROPY, Init.XAVIER_NORMAL,
                    new SplittableRandom(63));
            if (t.id().equals("ep")) {
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                        () -> t.factory().create(on, RuleSettings.defaults()));
                assertTrue(e.getMessage().contains("fully connected"), e.getMessage());
                continue;
            }
            CreditRule rule = t.factory().create(on, RuleSettings.defaults());
            Gradients g = new Gradients(net);
            float[] mean = new float[bp.weights[top - 1].length];
            int draws = t.id().equals("np") ? 400 : 1;
            SplittableRandom rng = new SplittableRandom(64);
            for (int k = 0; k < draws; k++) {
                net.forward(d[0], 0, BATCH, act);
                rule.assign(net, act, d[1], g, rng);
                for (int i = 0; i < mean.length; i++) {
                    mean[i] += g.weights[top - 1][i] / draws;
                }
            }
            for (int l = 0; l < top; l++) {
                assertEquals(net.weights[l].length, g.weights[l].length, t.id());
                for (float v : g.weights[l]) {
                    assertTrue(Float.isFinite(v), t.id() + " layer " + (l + 1));
                }
            }
            double angle = Angles.degrees(mean, bp.weights[top - 1]);
            assertTrue(angle < 90, t.id() + ": output direction " + angle + " deg from backprop's");
        }
    }
}
