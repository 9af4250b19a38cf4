package org.plasticity.layered.credit;

import java.util.List;
import org.plasticity.layered.network.FeedForwardNet;
import org.plasticity.layered.network.Loss;

/**
 * Backpropagation (Rumelhart, Hinton &amp; Williams 1986): delta_{l-1} = (W_l^T delta_l) . f'(a_{l-1}), the exact
 * gradient of the batch-mean loss. The baseline every other rule is measured against.
 */
public final class Backprop extends LayerwiseFeedback {
    /** Registry entry. */
    public static final RuleType TYPE = new RuleType("bp", List.of("backprop"),
            "backpropagation: the exact gradient, the baseline", List.of(), RuleType.Recipe.STANDARD,
            (on, s) -> new Backprop(on.net().sizes(), on.capacity(), on.loss()));

    public Backprop(int[] sizes, int capacity, Loss loss) {
        super(sizes, capacity, loss);
    }

    @Override
    public String id() {
        return TYPE.id();
    }

    @Override
    float[] down(FeedForwardNet net, int l) {
        return net.weights[l - 1];
    }
}
