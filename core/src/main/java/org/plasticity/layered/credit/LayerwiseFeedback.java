package org.plasticity.layered.credit;

import java.util.SplittableRandom;
import org.plasticity.layered.network.Activation;
import org.plasticity.layered.network.Activity;
import org.plasticity.layered.network.FeedForwardNet;
import org.plasticity.layered.network.Gradients;
import org.plasticity.layered.network.Loss;

/**
 * Error signals sent down one layer at a time through a matrix M_l shaped like W_l:
 * delta_L = dL/da_L, delta_{l-1} = pool_{l-1}^T(M_l^T delta_l) . f'(a_{l-1}), G_l = delta_l x_{l-1}^T, where for a
 * convolution M_l^T is the transposed convolution with kernel M_l and pool^T the pooling's adjoint
 * ({@link FeedForwardNet#propagate}). Backprop takes M_l = W_l; feedback alignment a fixed random B_l.
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
            net.gradient(l, delta[l], act, out);
            if (l > 1) {
                net.propagate(l, delta[l], down(net, l), act, delta[l - 1]);
                Activation f = net.activation(l - 1);
                f.multiplyByDerivative(delta[l - 1], act.a[l - 1], act.e[l - 1], b * net.size(l - 1));
            }
        }
    }
}
