package org.plasticity.layered.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** A network built from given parameters (a loaded checkpoint) computes what the original does and owns its arrays. */
class FeedForwardNetOfTest {

    @Test
    void sameParametersSameForwardPassAndOwnCopies() {
        int[] sizes = {3, 4, 2};
        FeedForwardNet a = new FeedForwardNet(sizes, Activation.TANH, Activation.SOFTMAX, Init.XAVIER_NORMAL, 1.0,
                new SplittableRandom(3));
        a.biases[0][1] = 0.5f;
        FeedForwardNet b = FeedForwardNet.of(sizes, Activation.TANH, Activation.SOFTMAX, a.weights, a.biases);
        float[] x = {0.1f, -2f, 3f, 1f, 1f, 1f};
        Activity ea = a.newActivity(2);
        Activity eb = b.newActivity(2);
        a.forward(x, 0, 2, ea);
        b.forward(x, 0, 2, eb);
        assertArrayEquals(ea.e[2], eb.e[2]);
        float w00 = a.weights[0][0];
        a.weights[0][0] = 9f;
        assertEquals(w00, b.weights[0][0], "a copy, not the caller's array");
        assertEquals(Activation.TANH, b.activation(1));
    }

    @Test
    void refusesShapesThatDoNotMatch() {
        int[] sizes = {3, 4, 2};
        float[][] w = {new float[12], new float[8]};
        float[][] c = {new float[4], new float[2]};
        assertThrows(IllegalArgumentException.class, () -> FeedForwardNet.of(sizes, Activation.TANH,
                Activation.SOFTMAX, new float[][] {new float[12], new float[6]}, c));
        assertThrows(IllegalArgumentException.class, () -> FeedForwardNet.of(sizes, Activation.TANH,
                Activation.SOFTMAX, w, new float[][] {new float[4]}));
        assertThrows(IllegalArgumentException.class, () -> FeedForwardNet.of(sizes, Activation.SOFTMAX,
                Activation.SOFTMAX, w, c));
        assertThrows(IllegalArgumentException.class, () -> FeedForwardNet.of(new int[] {3, 0, 2}, Activation.TANH,
                Activation.SOFTMAX, w, c));
    }
}
