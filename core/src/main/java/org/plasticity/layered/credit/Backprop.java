package org.plasticity.layered.credit;

import org.plasticity.layered.network.FeedForwardNet;
import org.plasticity.layered.network.Loss;

/**
 * Backpropagation (Rumelhart, Hinton &amp; Williams 1986): delta_{l-1} = (W_l^T delta_l) . f'(a_{l-1}), the exact
 * gradient of the batch-mean loss. The baseline every other rule is measured against.
 */
public final class Backprop extends LayerwiseFeedback {
    public Backprop(int[] sizes, int capacity, Loss loss) {
        super(sizes, capacity, loss);
    }

    @Override
    public String id() {
        return "bp";
    }

    @Override
    float[] down(FeedForwardNet net, int l) {
        return net.weights[l - 1];
    }
}
