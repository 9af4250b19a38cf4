package org.plasticity.layered.network;

import org.plasticity.numeric.Blas;

/**
 * Descent directions for every parameter of a {@link FeedForwardNet}, shaped like it: a learning rule writes them and
 * an optimiser applies W &larr; W - lr * G. For gradient-like rules G_l = delta_l^T X_{l-1}, the sum over the batch
 * of the outer products of a layer's error signal with its input (the 1/batch of a batch-mean loss lives in delta);
 * {@link FeedForwardNet#gradient} writes it for any layer.
 */
public final class Gradients {
    public final float[][] weights;
    public final float[][] biases;
    private final int[] sizes;

    /** Directions shaped like {@code net}'s parameters. */
    public Gradients(FeedForwardNet net) {
        sizes = net.sizes();
        weights = new float[net.layers()][];
        biases = new float[net.layers()][];
        for (int l = 0; l < weights.length; l++) {
            weights[l] = new float[net.weights[l].length];
            biases[l] = new float[net.biases[l].length];
        }
    }

    /** Directions for a fully connected network of widths {@code sizes}. */
    public Gradients(int[] sizes) {
        this.sizes = sizes.clone();
        weights = new float[sizes.length - 1][];
        biases = new float[sizes.length - 1][];
        for (int l = 0; l < weights.length; l++) {
            weights[l] = new float[sizes[l + 1] * sizes[l]];
            biases[l] = new float[sizes[l + 1]];
        }
    }

    /**
     * Sets dense layer l's direction from its error signal: G_W = delta^T ePrev, G_c = column sums of delta (for a
     * network of any layers, {@link FeedForwardNet#gradient}).
     */
    public void fromDelta(int l, float[] delta, float[] ePrev, int batch) {
        int nOut = sizes[l];
        int nIn = sizes[l - 1];
        Blas.gemmTN(nOut, nIn, batch, 1f, delta, ePrev, 0f, weights[l - 1]);
        float[] c = biases[l - 1];
        java.util.Arrays.fill(c, 0f);
        for (int r = 0; r < batch; r++) {
            int o = r * nOut;
            for (int j = 0; j < nOut; j++) {
                c[j] += delta[o + j];
            }
        }
    }
}
