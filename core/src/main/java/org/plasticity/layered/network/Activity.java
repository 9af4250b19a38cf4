package org.plasticity.layered.network;

/**
 * The state of one forward pass over a batch, row-major {@code batch x units}: pre-activations a_l, activities
 * e_l = f_l(a_l), and x_l, what layer l+1 reads (e_l pooled, or the same array as e_l when layer l is not pooled).
 * {@code e[0]} and {@code x[0]} hold the inputs; {@code a[0]} is unused. Besides these it holds the work areas the
 * network's products need (im2col columns, the max-pool winners), sized once for a largest batch and reused, so that
 * training does not allocate per step.
 */
public final class Activity {
    final int[] sizes;
    public final float[][] a;
    public final float[][] e;
    public final float[][] x;
    final float[][] columns;
    final int[][] winner;
    final float[] work;
    final float[] work2;
    final float[] pooled;
    /** Rows in use, at most the capacity. */
    public int batch;

    Activity(Shape input, Layer[] layers, int capacity) {
        int n = layers.length + 1;
        sizes = new int[n];
        sizes[0] = input.size();
        a = new float[n][];
        e = new float[n][];
        x = new float[n][];
        columns = new float[n][];
        winner = new int[n][];
        a[0] = new float[0];
        e[0] = new float[capacity * sizes[0]];
        x[0] = e[0];
        int workSize = 0;
        int pooledSize = 0;
        for (int l = 1; l < n; l++) {
            Layer layer = layers[l - 1];
            Connection k = layer.connection();
            sizes[l] = k.out().size();
            a[l] = new float[capacity * sizes[l]];
            e[l] = new float[capacity * sizes[l]];
            columns[l] = new float[k.columnsSize(capacity)];
            workSize = Math.max(workSize, k.workSize(capacity));
            if (layer.pool() == null) {
                x[l] = e[l];
            } else {
                int out = layer.output().size();
                x[l] = new float[capacity * out];
                winner[l] = layer.pool().kind() == Pool.Kind.MAX ? new int[capacity * out] : null;
                pooledSize = Math.max(pooledSize, capacity * out);
            }
        }
        work = new float[workSize];
        work2 = new float[workSize];
        pooled = new float[pooledSize];
    }

    /** @return the largest batch this work area holds. */
    public int capacity() {
        return e[0].length / sizes[0];
    }
}
