package org.plasticity.layered.credit;

import java.util.List;
import java.util.SplittableRandom;
import org.plasticity.layered.network.FeedForwardNet;
import org.plasticity.layered.network.Init;
import org.plasticity.layered.network.Loss;

/**
 * Feedback alignment (Lillicrap et al. 2016, Nat. Commun. 7:13276): backprop with W_l^T replaced by a fixed random
 * B_l^T, delta_{l-1} = (B_l^T delta_l) . f'(a_{l-1}). B_l is drawn once, with the forward weights' initialisation;
 * the forward weights then come to align with it.
 */
public final class FeedbackAlignment extends LayerwiseFeedback {
    /** Registry entry. */
    public static final RuleType TYPE = new RuleType("fa", List.of("feedback-alignment"),
            "feedback alignment: errors sent down through fixed random matrices", List.of(), RuleType.Recipe.STANDARD,
            (on, s) -> new FeedbackAlignment(on.net(), on.capacity(), on.loss(), on.init(), on.rng()));

    private final float[][] b;

    public FeedbackAlignment(FeedForwardNet net, int capacity, Loss loss, Init init, SplittableRandom rng) {
        super(net.sizes(), capacity, loss);
        b = new float[net.layers()][];
        for (int l = 2; l <= net.layers(); l++) { // B_1 would carry errors below the input: not needed
            b[l - 1] = new float[net.weights[l - 1].length];
            init.fill(b[l - 1], net.fanIn(l), net.fanOut(l), 1.0, rng);
        }
    }

    @Override
    public String id() {
        return TYPE.id();
    }

    @Override
    float[] down(FeedForwardNet net, int l) {
        return b[l - 1];
    }

    @Override
    public float[] feedback(int l) {
        return b[l - 1];
    }
}
