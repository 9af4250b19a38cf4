package org.plasticity.layered.network;

/**
 * Descent directions for every parameter of a {@link FeedForwardNet}, shaped like it: a learning rule writes them and
 * an optimiser applies W &larr; W - lr * G. For gradient-like rules G_l = delta_l^T X_{l-1}, the sum over the batch
 * of the outer products of a layer's error signal with its input (the 1/batch of a batch-mean loss lives in delta);
 * {@link FeedForwardNet#gradient} writes it for any layer.
 */
public final class Gradients {
    public final float[][] weights;
    public final float[][] biases;

    /** Directions shaped like {@code net}'s parameters. */
    public Gradients(FeedForwardNet net) {
        weights = new float[net.layers()][];
        biases = new float[net.layers()][];
        for (int l = 0; l < weights.length; l++) {
            weights[l] = new float[net.weights[l].length];
            biases[l] = new float[net.biases[l].length];
        }
    }

    /** Directions for a fully connected network of widths {@code sizes}. */
    public Gradients(int[] sizes) {
        weights = new float[sizes.length - 1][];
        biases = new float[sizes.length - 1][];
        for (int l = 0; l < weights.length; l++) {
            weights[l] = new float[sizes[l + 1] * sizes[l]];
            biases[l] = new float[sizes[l + 1]];
        }
    }
}
