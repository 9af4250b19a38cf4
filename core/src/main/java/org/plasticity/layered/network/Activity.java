package org.plasticity.layered.network;

/**
 * The state of one forward pass over a batch: pre-activations a_l and activities e_l, row-major {@code batch x n_l}.
 * {@code e[0]} holds the inputs; {@code a[0]} is unused. Sized once for a largest batch and reused, so that training
 * does not allocate per step.
 */
public final class Activity {
    final int[] sizes;
    public final float[][] a;
    public final float[][] e;
    /** Rows in use, at most the capacity. */
    public int batch;

    Activity(int[] sizes, int capacity) {
        this.sizes = sizes.clone();
        a = new float[sizes.length][];
        e = new float[sizes.length][];
        for (int l = 0; l < sizes.length; l++) {
            a[l] = l == 0 ? new float[0] : new float[capacity * sizes[l]];
            e[l] = new float[capacity * sizes[l]];
        }
    }

    /** @return the largest batch this work area holds. */
    public int capacity() {
        return e[0].length / sizes[0];
    }
}
