package org.plasticity.layered.credit;

import java.util.SplittableRandom;
import org.plasticity.layered.network.Activation;
import org.plasticity.layered.network.Activity;
import org.plasticity.layered.network.FeedForwardNet;
import org.plasticity.layered.network.Gradients;
import org.plasticity.layered.network.Loss;
import org.plasticity.numeric.Blas;

/**
 * Error signals sent down one layer at a time through a matrix M_l shaped like W_l:
 * delta_L = dL/da_L, delta_{l-1} = (M_l^T delta_l) . f'(a_{l-1}), G_l = delta_l e_{l-1}^T. Backprop takes M_l = W_l;
 * feedback alignment a fixed random B_l.
 */
abstract class LayerwiseFeedback implements CreditRule {
    private final Loss loss;
    private final float[][] delta;

    LayerwiseFeedback(int[] sizes, int capacity, Loss loss) {
        this.loss = loss;
        delta = new float[sizes.length][];
        for (int l = 1; l < sizes.length; l++) {
            delta[l] = new float[capacity * sizes[l]];
        }
    }

    /** @return M_l, the matrix that carries delta_l down to layer l-1. */
    abstract float[] down(FeedForwardNet net, int l);

    @Override
    public void assign(FeedForwardNet net, Activity act, float[] y, Gradients out, SplittableRandom rng) {
        int b = act.batch;
        int top = net.layers();
        loss.outputGradient(net.activation(top), act.a[top], act.e[top], y, delta[top], b, net.size(top));
        for (int l = top; l >= 1; l--) {
            out.fromDelta(l, delta[l], act.e[l - 1], b);
            if (l > 1) {
                Blas.gemm(b, net.size(l - 1), net.size(l), 1f, delta[l], down(net, l), 0f, delta[l - 1]);
                Activation f = net.activation(l - 1);
                f.multiplyByDerivative(delta[l - 1], act.a[l - 1], act.e[l - 1], b * net.size(l - 1));
            }
        }
    }
}
