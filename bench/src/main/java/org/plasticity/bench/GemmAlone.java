package org.plasticity.bench;

import org.plasticity.layered.network.Connection;
import org.plasticity.layered.network.Conv;
import org.plasticity.layered.network.Dense;
import org.plasticity.layered.network.FeedForwardNet;
import org.plasticity.numeric.Blas;

/**
 * The machine's limit beside an epoch's time: the matrix products one training epoch of a network makes, at the
 * shapes its layers make them (a convolution's through im2col, {@link Conv}, or as a dense layer when its kernel
 * covers its whole input), timed alone, without the im2col copies,
 * nonlinearities, pooling, loss or optimiser. Per batch and layer l: the forward product, the weight direction, and
 * for l &ge; 2 the error carried down (twice for burstprop, which sends its burst rate and its teacher's change
 * down; plus burstprop's recurrent inhibition in dense hidden layers). Times a stretch of batches after a warm-up and
 * scales it to the epoch.
 */
final class GemmAlone {
    private static final int WARMUP = 20;
    private static final int TIMED = 200;

    private GemmAlone() {}

    /** @return seconds the products of one epoch of {@code examples} in batches of {@code batch} take. */
    static double epoch(FeedForwardNet net, int batch, int examples, String rule) {
        boolean burst = rule.equals("burstprop");
        int top = net.layers();
        float[][] a = new float[top + 1][];
        float[][] b = new float[top + 1][];
        float[][] c = new float[top + 1][];
        for (int l = 1; l <= top; l++) {
            int n = Math.max(net.size(l), net.size(l - 1)) * batch;
            Connection k = net.layer(l).connection();
            int cols = k.columnsSize(batch) + k.workSize(batch) + n + k.weightCount() + net.size(l) * net.size(l);
            a[l] = filled(cols);
            b[l] = filled(cols);
            c[l] = new float[cols];
        }
        for (int i = 0; i < WARMUP; i++) {
            oneBatch(net, batch, burst, a, b, c);
        }
        long t0 = System.nanoTime();
        for (int i = 0; i < TIMED; i++) {
            oneBatch(net, batch, burst, a, b, c);
        }
        double perBatch = (System.nanoTime() - t0) / 1e9 / TIMED;
        return perBatch * Math.ceil(examples / (double) batch);
    }

    private static float[] filled(int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (i % 7 - 3) * 0.01f;
        }
        return x;
    }

    private static void oneBatch(FeedForwardNet net, int batch, boolean burst, float[][] a, float[][] b,
                                 float[][] c) {
        for (int l = 1; l <= net.layers(); l++) {
            Connection k = net.layer(l).connection();
            int downs = l == 1 ? 0 : burst ? 2 : 1;
            if (k instanceof Conv conv && !conv.wholeInput()) {
                int p = conv.out().height() * conv.out().width();
                int patch = conv.in().channels() * conv.kernel() * conv.kernel();
                int bp = batch * p;
                Blas.gemm(conv.outChannels(), bp, patch, 1f, a[l], b[l], 0f, c[l]);
                Blas.gemmNT(conv.outChannels(), patch, bp, 1f, a[l], b[l], 0f, c[l]);
                for (int d = 0; d < downs; d++) {
                    Blas.gemmTN(patch, bp, conv.outChannels(), 1f, a[l], b[l], 0f, c[l]);
                }
            } else { // a dense layer, or a convolution over its whole input, which runs as one
                int in = k.fanIn();
                int out = k.biasCount();
                Blas.gemmNT(batch, out, in, 1f, a[l], b[l], 1f, c[l]);
                Blas.gemmTN(out, in, batch, 1f, a[l], b[l], 0f, c[l]);
                for (int d = 0; d < downs; d++) {
                    Blas.gemm(batch, in, out, 1f, a[l], b[l], 0f, c[l]);
                }
                if (burst && k instanceof Dense && l < net.layers()) { // recurrent inhibition Z: input, update
                    Blas.gemmNT(batch, out, out, 1f, a[l], b[l], 0f, c[l]);
                    Blas.gemmTN(out, out, batch, 1f, a[l], b[l], 1f, c[l]);
                }
            }
        }
    }
}
