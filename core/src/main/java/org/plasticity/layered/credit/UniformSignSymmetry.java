package org.plasticity.layered.credit;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.plasticity.layered.network.FeedForwardNet;
import org.plasticity.layered.network.Init;
import org.plasticity.layered.network.Loss;

/**
 * Uniform sign-concordant feedback, uSF (Liao, Leibo &amp; Poggio 2016, AAAI-16, arXiv:1510.05067; in the scaled
 * form of Xiao, Chen, Liao &amp; Poggio 2018, arXiv:1811.03567, and of biotorch, Sanfiz &amp; Akrout 2021,
 * arXiv:2108.13446): errors travel down through B_l = s_l sign(W_l), rebuilt from the current W_l at every batch,
 * with s_l = sqrt(2 / (fanIn_l + fanOut_l)), the layer's Xavier standard deviation, so that B_l has the forward
 * weights' scale at initialisation. Where every |W_l| equals s_l this is backprop.
 */
public final class UniformSignSymmetry extends SignConcordantFeedback {
    /** Registry entry. */
    public static final RuleType TYPE = new RuleType("usf", List.of("uniform-sign-symmetry"),
            "uniform sign symmetry: errors sent down through sign(W) at the layer's Xavier scale", List.of(),
            RuleType.Recipe.STANDARD, (on, s) -> new UniformSignSymmetry(on.net(), on.capacity(), on.loss()));

    public UniformSignSymmetry(FeedForwardNet net, int capacity, Loss loss) {
        super(net, capacity, loss);
        rebuild(net, null);
    }

    /** @return s_l, the uniform magnitude of B_l: the Xavier standard deviation of layer l. */
    static float scale(FeedForwardNet net, int l) {
        return (float) Init.XAVIER_NORMAL.std(net.fanIn(l), net.fanOut(l));
    }

    @Override
    public String id() {
        return TYPE.id();
    }

    @Override
    void writeMagnitudes(FeedForwardNet net, int l, float[] into, SplittableRandom rng) {
        Arrays.fill(into, scale(net, l));
    }
}
