package org.plasticity.layered.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.plasticity.layered.network.Activation;
import org.plasticity.layered.network.FeedForwardNet;
import org.plasticity.layered.network.Gradients;
import org.plasticity.layered.network.Init;

class SgdTest {
    static FeedForwardNet net() {
        return new FeedForwardNet(new int[] {3, 4, 2}, Activation.SIGMOID, Activation.SOFTMAX, Init.XAVIER_NORMAL, 1.0,
                new SplittableRandom(5));
    }

    static Gradients gradients(long seed) {
        Gradients g = new Gradients(new int[] {3, 4, 2});
        SplittableRandom r = new SplittableRandom(seed);
        for (int l = 0; l < 2; l++) {
            for (int i = 0; i < g.weights[l].length; i++) {
                g.weights[l][i] = (float) r.nextGaussian();
            }
            for (int i = 0; i < g.biases[l].length; i++) {
                g.biases[l][i] = (float) r.nextGaussian();
            }
        }
        return g;
    }

    /** Two steps against torch.optim.SGD's update written out: v1 = g1 + wd w0, v2 = mu v1 + g2 + wd w1. */
    @Test
    void twoStepsFollowTheMomentumFormulaAndRecordTheirSteps() {
        FeedForwardNet a = net();
        FeedForwardNet b = net();
        Sgd recording = new Sgd(a, 0.1, 0.05, 0.9, 1e-3, true);
        Sgd plain = new Sgd(b, 0.1, 0.05, 0.9, 1e-3, false);
        float[] w0 = a.weights[0].clone();
        Gradients g1 = gradients(1);
        Gradients g2 = gradients(2);
        recording.step(a, g1);
        plain.step(b, g1);
        float[] w1 = a.weights[0].clone();
        recording.step(a, g2);
        plain.step(b, g2);
        for (int i = 0; i < w0.length; i++) {
            double v1 = g1.weights[0][i] + 1e-3 * w0[i];
            double v2 = 0.9 * v1 + g2.weights[0][i] + 1e-3 * w1[i];
            assertEquals(w1[i] - 0.1 * v2, a.weights[0][i], 1e-6);
            assertEquals(a.weights[0][i] - w1[i], recording.steps()[0][i], 1e-7);
        }
        for (int l = 0; l < 2; l++) {
            assertArrayEquals(a.weights[l], b.weights[l], "recording the steps does not change the weights");
            assertArrayEquals(a.biases[l], b.biases[l]);
            assertNull(plain.steps()[l]);
        }
    }
}
