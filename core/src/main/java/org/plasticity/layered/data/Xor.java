package org.plasticity.layered.data;

/** The four XOR patterns: the smallest task a single layer cannot solve, used as a smoke test for learners. */
public final class Xor {
    private Xor() {
    }

    /** @return inputs {0,0},{0,1},{1,0},{1,1} with labels 0,1,1,0; two classes, named {@code xor}. */
    public static Dataset dataset() {
        float[] inputs = {0, 0, 0, 1, 1, 0, 1, 1};
        int[] labels = {0, 1, 1, 0};
        return new Dataset("xor", inputs, labels, 2, 2);
    }
}
